import { api } from '../../lib/api.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, showFormProblem, showSummary } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';

/**
 * <kiosk-enrol>: this browser is not a registered kiosk yet. Explains what to do and takes the
 * one-time enrolment code an education officer gives out (or redeems the code from the address,
 * `#enrol=CODE`, at once). Fires `kiosk-enrolled` ({detail: {device}}) when the server accepts it.
 * Properties: `problem` (why the kiosk came here, e.g. its registration was withdrawn),
 * `code` and `autoSubmit`.
 */
class KioskEnrol extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`<section class="kiosk-card">
      <h1 data-i18n="kiosk.enrol.heading">${t('kiosk.enrol.heading')}</h1>
      <p class="lead" data-i18n="kiosk.enrol.intro">${t('kiosk.enrol.intro')}</p>
      <p data-i18n="kiosk.enrol.how">${t('kiosk.enrol.how')}</p>
      <div class="problem-summary" id="enrol-problem" tabindex="-1" hidden></div>
      <form class="kiosk-form" novalidate>
        ${textField({ id: 'enrol-code', name: 'code', label: k('kiosk.enrol.code'), hint: k('kiosk.enrol.code.hint'),
          required: true, autocapitalize: 'characters', spellcheck: false, maxlength: 32, value: this.code || '',
          className: 'code-field' })}
        <button type="submit" class="primary big" data-i18n="kiosk.enrol.submit">${t('kiosk.enrol.submit')}</button>
      </form>
    </section>`);
    this.form = this.querySelector('form');
    this.summary = this.querySelector('#enrol-problem');
    this.form.addEventListener('submit', guard(this.form, () => this.submit()));
    if (this.problem) {
      // The kiosk came back here because the server no longer knows this device.
      queueMicrotask(() => showSummary(this.summary, { title: this.problem.title, detail: this.problem.detail }));
    }
    if (this.autoSubmit && this.code) {
      queueMicrotask(() => this.form.requestSubmit());
    }
  }

  async submit() {
    clearFormProblem(this.form, this.summary);
    const code = this.form.elements.namedItem('code').value.trim();
    try {
      const device = await api.post('/api/kiosk/enrolment', { code });
      this.dispatchEvent(new CustomEvent('kiosk-enrolled', { bubbles: true, detail: { device } }));
    } catch (error) {
      if (!error.handled) {
        showFormProblem(this.form, this.summary, error, { 'kiosk.enrolment-code-invalid': 'code' });
      }
    }
  }
}

customElements.define('kiosk-enrol', KioskEnrol);
