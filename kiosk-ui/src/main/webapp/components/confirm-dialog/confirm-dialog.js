import { html, render } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';

/**
 * <confirm-dialog>: asks before an action that is hard to undo. Use {@link confirmAction}; it
 * opens a modal <dialog> (focus trapped by the browser, Escape cancels), resolves true or false,
 * and returns focus to where it was. Focus starts on "Cancel", the safe answer.
 */
class ConfirmDialog extends HTMLElement {
  open({ title, body, confirm, danger }) {
    render(this, html`<dialog class="confirm-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-body">
      <h2 id="confirm-title">${title}</h2>
      <p id="confirm-body">${body}</p>
      <div class="actions">
        <button type="button" class="${danger ? 'danger' : 'primary'}" data-answer="yes">${confirm}</button>
        <button type="button" class="secondary" data-answer="no" data-i18n="common.cancel">${t('common.cancel')}</button>
      </div>
    </dialog>`);
    const dialog = this.querySelector('dialog');
    const returnTo = document.activeElement;
    return new Promise((resolve) => {
      let answer = false;
      this.addEventListener('click', (event) => {
        const button = event.target.closest('[data-answer]');
        if (button) {
          answer = button.getAttribute('data-answer') === 'yes';
          dialog.close();
        }
      });
      dialog.addEventListener('close', () => {
        this.remove();
        if (returnTo && returnTo.isConnected) {
          returnTo.focus();
        }
        resolve(answer);
      });
      dialog.showModal();
      this.querySelector('[data-answer="no"]').focus();
    });
  }
}

customElements.define('confirm-dialog', ConfirmDialog);

/**
 * Asks the person to confirm. `title`, `body` and `confirm` are texts already translated (they
 * often name a learner or a kiosk).
 * @returns {Promise<boolean>}
 */
export function confirmAction(options) {
  const element = document.createElement('confirm-dialog');
  document.body.append(element);
  return element.open(options);
}
