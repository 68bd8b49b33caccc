import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { LANGUAGE, ROLE, labelHtml } from '../../lib/labels.js';
import { STAFF_CODE_FIELDS, passwordField, staffBody, staffFields } from '../../lib/staff-fields.js';

/**
 * <staff-accounts>: the administrator's staff accounts: list (role, facility, language, enabled,
 * locked) and a form to add an education officer or an administrator.
 */
class StaffAccounts extends HTMLElement {
  static titleKey = k('accounts.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="accounts.heading">${t('accounts.heading')}</h1>
      <section aria-labelledby="accounts-list-title">
        <h2 id="accounts-list-title" data-i18n="accounts.list.heading">${t('accounts.list.heading')}</h2>
        <div data-results aria-busy="true"></div>
      </section>
      <section class="panel" aria-labelledby="account-add-title">
        <h2 id="account-add-title" data-i18n="accounts.add.heading">${t('accounts.add.heading')}</h2>
        <div data-add-form><p data-i18n="common.loading">${t('common.loading')}</p></div>
      </section>`);
    this.load();
  }

  async load() {
    const results = this.querySelector('[data-results]');
    let accounts;
    try {
      [accounts, this.facilities] = await Promise.all([api.get('/api/staff/accounts'), api.get('/api/staff/facilities')]);
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    this.renderTable(accounts);
    if (!this.querySelector('form')) {
      this.renderForm();
    }
  }

  renderTable(accounts) {
    const results = this.querySelector('[data-results]');
    const totals = { total: accounts.length };
    render(results, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="accounts-caption"><table class="data-table">
      <caption id="accounts-caption"><span data-i18n="accounts.caption">${t('accounts.caption')}</span>
        <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
      <thead><tr>
        <th scope="col" data-i18n="account.field.username">${t('account.field.username')}</th>
        <th scope="col" data-i18n="account.field.name">${t('account.field.name')}</th>
        <th scope="col" data-i18n="account.field.role">${t('account.field.role')}</th>
        <th scope="col" data-i18n="account.field.facility">${t('account.field.facility')}</th>
        <th scope="col" data-i18n="account.field.language">${t('account.field.language')}</th>
        <th scope="col" data-i18n="accounts.col.state">${t('accounts.col.state')}</th>
      </tr></thead>
      <tbody>${accounts.map((s) => html`<tr data-account-id="${s.id}">
        <td class="nowrap">${s.username}</td>
        <th scope="row"><a href="#/accounts/${s.id}">${s.fullName}</a></th>
        <td>${labelHtml(ROLE, s.role)}</td>
        <td>${s.facility ? s.facility.name : html`<span data-i18n="account.noFacility">${t('account.noFacility')}</span>`}</td>
        <td>${labelHtml(LANGUAGE, s.language)}</td>
        <td>${s.enabled ? html`<span data-i18n="account.enabled">${t('account.enabled')}</span>`
          : html`<span class="badge badge-danger" data-i18n="account.disabled">${t('account.disabled')}</span>`}${s.locked
          ? html` <span class="badge badge-warning" data-i18n="account.locked">${t('account.locked')}</span>` : ''}</td>
      </tr>`)}</tbody></table></div>`);
  }

  renderForm() {
    const box = this.querySelector('[data-add-form]');
    render(box, html`<div class="problem-summary" id="account-problem" tabindex="-1" hidden></div>
      <form class="stack" novalidate data-form="account">
        ${textField({ id: 'af-username', name: 'username', label: k('account.field.username'), hint: k('account.field.username.hint'),
          required: true, autocapitalize: 'none', spellcheck: false, maxlength: 64 })}
        ${staffFields('af', {}, this.facilities)}
        ${passwordField('af-password')}
        <div class="actions"><button type="submit" class="primary" data-i18n="accounts.add.submit">${t('accounts.add.submit')}</button></div>
      </form>`);
    const form = box.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.create(form)));
  }

  async create(form) {
    const summary = this.querySelector('#account-problem');
    clearFormProblem(form, summary);
    const body = {
      username: form.elements.namedItem('username').value.trim(),
      ...staffBody(form),
      password: form.elements.namedItem('password').value,
    };
    let created;
    try {
      created = await api.post('/api/staff/accounts', body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, STAFF_CODE_FIELDS);
      }
      return;
    }
    form.reset();
    announce(t('accounts.added', { name: created.fullName, username: created.username }));
    await this.load();
    const row = this.querySelector(`tr[data-account-id="${created.id}"] a`);
    row?.focus();
  }
}

customElements.define('staff-accounts', StaffAccounts);
