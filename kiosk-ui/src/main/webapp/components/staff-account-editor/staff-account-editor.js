import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { checkboxField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t, translate } from '../../lib/i18n.js';
import { STAFF_CODE_FIELDS, passwordField, staffBody, staffFields } from '../../lib/staff-fields.js';

/**
 * <staff-account-editor>: one staff account: name, role, facility, language, enabled; and a new
 * password (the person is signed out everywhere; tell them the password in person).
 */
class StaffAccountEditor extends HTMLElement {
  static titleKey = k('account.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="account.title">${t('account.title')}</h1>
      <p><a href="#/accounts" data-i18n="account.back">${t('account.back')}</a></p>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-load]');
    let accounts;
    let facilities;
    try {
      [accounts, facilities] = await Promise.all([api.get('/api/staff/accounts'), api.get('/api/staff/facilities')]);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.account = accounts.find((a) => a.id === this.context.id);
    if (!this.account) {
      render(box, problemBox({ title: t('account.notFound.title'), detail: t('account.notFound.detail') }));
      return;
    }
    const s = this.account;
    this.setHeading();
    render(box, html`
      <section class="panel" aria-labelledby="ae-details-title">
        <h2 id="ae-details-title" data-i18n="account.details.heading">${t('account.details.heading')}</h2>
        <p><span data-i18n="account.field.username">${t('account.field.username')}</span>: <strong>${s.username}</strong></p>
        <div class="problem-summary" id="ae-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="account">
          ${staffFields('ae', s, facilities)}
          ${checkboxField({ id: 'ae-enabled', name: 'enabled', label: k('account.field.enabled'), hint: k('account.field.enabled.hint'), checked: s.enabled })}
          <div class="actions"><button type="submit" class="primary" data-i18n="account.save">${t('account.save')}</button></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="ae-password-title">
        <h2 id="ae-password-title" data-i18n="account.password.heading">${t('account.password.heading')}</h2>
        <p data-i18n="account.password.intro">${t('account.password.intro')}</p>
        <div class="problem-summary" id="ap-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="password">
          ${passwordField('ap-password')}
          <div class="actions"><button type="submit" class="primary" data-i18n="account.password.submit">${t('account.password.submit')}</button></div>
        </form>
      </section>`);
    const [details, password] = box.querySelectorAll('form');
    details.addEventListener('submit', guard(details, () => this.save(details)));
    password.addEventListener('submit', guard(password, () => this.setPassword(password)));
  }

  setHeading() {
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('account.edit.heading'));
    h1.setAttribute('data-i18n-args', args({ name: this.account.fullName }));
    translate(h1);
  }

  async save(form) {
    const summary = this.querySelector('#ae-problem');
    clearFormProblem(form, summary);
    const body = { ...staffBody(form), enabled: form.elements.namedItem('enabled').checked };
    try {
      this.account = await api.put(`/api/staff/accounts/${this.account.id}`, body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, { ...STAFF_CODE_FIELDS, 'staff.cannot-disable-self': 'enabled' });
      }
      return;
    }
    this.setHeading();
    announce(t('account.saved', { name: this.account.fullName }));
  }

  async setPassword(form) {
    const summary = this.querySelector('#ap-problem');
    clearFormProblem(form, summary);
    try {
      await api.put(`/api/staff/accounts/${this.account.id}/password`, { password: form.elements.namedItem('password').value });
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error);
      }
      return;
    }
    form.reset();
    form.parentElement.querySelector('[data-password-done]')?.remove();
    announce(t('account.password.done', { name: this.account.fullName }));
    const done = document.createElement('p');
    done.className = 'notice notice-success';
    done.setAttribute('role', 'status');
    done.setAttribute('data-password-done', '');
    done.setAttribute('data-i18n', k('account.password.done'));
    done.setAttribute('data-i18n-args', args({ name: this.account.fullName }));
    form.before(done);
    translate(done);
  }
}

customElements.define('staff-account-editor', StaffAccountEditor);
