import { api } from '../../lib/api.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, showFormProblem } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';

/**
 * <staff-signin>: username and password for the officer and
 * administrator consoles. `notice` ({title, detail}) says why the person is here (signed out
 * after inactivity, session ended). Fires `staff-signed-in` ({detail: {me}}).
 */
class StaffSignin extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const notice = this.notice;
    render(this, html`<section class="panel narrow" aria-labelledby="staff-signin-title">
      <h1 id="staff-signin-title" data-i18n="staff.signin.heading">${t('staff.signin.heading')}</h1>
      ${notice ? html`<div class="notice ${this.noticeKind === 'success' ? 'notice-success' : 'notice-info'}" role="status" data-notice>
        <p class="notice-title">${notice.title}</p>
        ${notice.detail ? html`<p>${notice.detail}</p>` : ''}
      </div>` : ''}
      <div class="problem-summary" id="staff-signin-problem" tabindex="-1" hidden></div>
      <form novalidate>
        ${textField({ id: 'staff-username', name: 'username', label: k('staff.signin.username'), required: true,
          autocomplete: 'username', autocapitalize: 'none', spellcheck: false, maxlength: 64 })}
        ${textField({ id: 'staff-password', name: 'password', type: 'password', label: k('staff.signin.password'),
          required: true, autocomplete: 'current-password', maxlength: 200 })}
        <button type="submit" class="primary" data-i18n="staff.signin.submit">${t('staff.signin.submit')}</button>
      </form>
    </section>`);
    this.form = this.querySelector('form');
    this.summary = this.querySelector('#staff-signin-problem');
    this.form.addEventListener('submit', guard(this.form, () => this.submit()));
  }

  async submit() {
    clearFormProblem(this.form, this.summary);
    const username = this.form.elements.namedItem('username').value.trim();
    const password = this.form.elements.namedItem('password');
    try {
      const me = await api.post('/api/staff/session', { username, password: password.value }, { intercept: false });
      this.dispatchEvent(new CustomEvent('staff-signed-in', { bubbles: true, detail: { me } }));
    } catch (error) {
      password.value = '';
      this.querySelector('[data-notice]')?.remove();
      showFormProblem(this.form, this.summary, error, { 'staff-signin.invalid-credentials': 'password' });
    }
  }
}

customElements.define('staff-signin', StaffSignin);
