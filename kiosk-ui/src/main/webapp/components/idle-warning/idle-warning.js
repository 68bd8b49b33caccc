import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';

/**
 * <idle-warning>: the modal dialog shown before an idle sign-out. `showModal()` makes the rest of
 * the page inert and moves focus to "Continue", so a screen reader announces the dialog's name and
 * description (with the seconds left). The countdown is a role="timer" (not announced every
 * second); people who turned on spoken detail also hear it every five seconds. Escape counts as
 * "continue": whoever pressed it is there. Fires `idle-continue` when answered.
 */
class IdleWarning extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`<dialog class="idle-warning" aria-labelledby="idle-title" aria-describedby="idle-text">
      <h2 id="idle-title" data-i18n="idle.title">${t('idle.title')}</h2>
      <p id="idle-text"><span data-i18n="idle.text">${t('idle.text')}</span>
        <span role="timer" class="idle-countdown" data-countdown></span></p>
      <p class="visually-hidden" aria-live="assertive" data-spoken></p>
      <button type="button" class="primary big" data-continue data-i18n="idle.continue">${t('idle.continue')}</button>
    </dialog>`);
    this.dialog = this.querySelector('dialog');
    this.querySelector('[data-continue]').addEventListener('click', () => this.answer());
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      this.answer();
    });
  }

  get open() {
    return Boolean(this.dialog && this.dialog.open);
  }

  /** Shows the dialog with `seconds` left. */
  show(seconds, spokenDetail) {
    this.spokenDetail = spokenDetail;
    this.update(seconds);
    if (!this.dialog.open) {
      this.dialog.showModal();
      this.querySelector('[data-continue]').focus();
    }
  }

  update(seconds) {
    const countdown = this.querySelector('[data-countdown]');
    countdown.setAttribute('data-i18n', k('idle.countdown'));
    countdown.setAttribute('data-i18n-args', args({ seconds }));
    countdown.textContent = t('idle.countdown', { seconds });
    if (this.spokenDetail && this.dialog.open && seconds % 5 === 0 && seconds !== this.lastSpoken) {
      this.lastSpoken = seconds;
      this.querySelector('[data-spoken]').textContent = t('idle.countdown', { seconds });
    }
  }

  close() {
    if (this.dialog && this.dialog.open) {
      this.dialog.close();
    }
    this.lastSpoken = undefined;
  }

  answer() {
    this.close();
    this.dispatchEvent(new CustomEvent('idle-continue', { bubbles: true }));
  }
}

customElements.define('idle-warning', IdleWarning);
