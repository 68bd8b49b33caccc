import { api } from '../../lib/api.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, showFormProblem } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { IdleTimer } from '../../lib/idle.js';
import { k, t } from '../../lib/i18n.js';

/**
 * <kiosk-signin>: learner number and PIN. The PIN field asks for the numeric keypad and is never
 * remembered by the browser (shared device). A notice (`notice` = {title, detail}, `noticeKind`
 * info|success) says why the learner is here: signed out for inactivity, session ended, kiosk
 * just enrolled. Fires `learner-signed-in` ({detail: {session}}). What someone typed and left is
 * cleared after the kiosk's idle time, so the next person does not find a learner number there.
 */
class KioskSignin extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const notice = this.notice;
    render(this, html`<section class="kiosk-card">
      <h1 data-i18n="kiosk.signin.heading">${t('kiosk.signin.heading')}</h1>
      ${notice ? html`<div class="notice ${this.noticeKind === 'success' ? 'notice-success' : 'notice-info'}" role="status" data-notice>
        <p class="notice-title">${notice.title}</p>
        ${notice.detail ? html`<p>${notice.detail}</p>` : ''}
      </div>` : ''}
      <p class="lead" data-i18n="kiosk.signin.intro">${t('kiosk.signin.intro')}</p>
      <div class="problem-summary" id="signin-problem" tabindex="-1" hidden></div>
      <form class="kiosk-form" novalidate>
        ${textField({ id: 'learner-number', name: 'learnerNumber', label: k('kiosk.signin.number'),
          hint: k('kiosk.signin.number.hint'), required: true, autocapitalize: 'characters', spellcheck: false, maxlength: 32 })}
        ${textField({ id: 'learner-pin', name: 'pin', type: 'password', label: k('kiosk.signin.pin'),
          hint: k('kiosk.signin.pin.hint'), required: true, inputmode: 'numeric', maxlength: 32, className: 'pin-field' })}
        <div class="field checkbox show-pin">
          <input type="checkbox" id="show-pin" data-show-pin>
          <label for="show-pin" data-i18n="kiosk.signin.showPin">${t('kiosk.signin.showPin')}</label>
        </div>
        <button type="submit" class="primary big" data-i18n="kiosk.signin.submit">${t('kiosk.signin.submit')}</button>
      </form>
    </section>`);
    this.form = this.querySelector('form');
    this.summary = this.querySelector('#signin-problem');
    this.querySelector('[data-show-pin]').addEventListener('change', (e) => {
      this.form.elements.namedItem('pin').type = e.target.checked ? 'text' : 'password';
    });
    this.form.addEventListener('submit', guard(this.form, () => this.submit()));
    this.startForgetting();
  }

  disconnectedCallback() {
    this.idle?.stop();
  }

  startForgetting() {
    const seconds = Number(this.device?.idleTimeoutSeconds) || 0;
    if (!seconds) {
      return;
    }
    this.idle = new IdleTimer({
      timeoutSeconds: seconds,
      warningSeconds: 0,
      onWarning: () => {},
      onTick: () => {},
      onTimeout: () => {
        const number = this.form.elements.namedItem('learnerNumber');
        const pin = this.form.elements.namedItem('pin');
        if (number.value || pin.value) {
          this.form.reset();
          pin.type = 'password';
          clearFormProblem(this.form, this.summary);
        }
        this.startForgetting();
      },
    });
    this.idle.start();
  }

  async submit() {
    clearFormProblem(this.form, this.summary);
    const learnerNumber = this.form.elements.namedItem('learnerNumber').value.trim();
    const pinInput = this.form.elements.namedItem('pin');
    try {
      const session = await api.post('/api/kiosk/session', { learnerNumber, pin: pinInput.value });
      this.dispatchEvent(new CustomEvent('learner-signed-in', { bubbles: true, detail: { session } }));
    } catch (error) {
      if (error.handled) {
        return;
      }
      if (['signin.invalid-credentials', 'signin.locked'].includes(error.code)) {
        pinInput.value = '';
      }
      this.querySelector('[data-notice]')?.remove();
      showFormProblem(this.form, this.summary, error, { 'signin.invalid-credentials': 'pin' });
    }
  }
}

customElements.define('kiosk-signin', KioskSignin);
