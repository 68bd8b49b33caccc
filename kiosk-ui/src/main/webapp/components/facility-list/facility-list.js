import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { FACILITY_CODE_FIELDS, facilityBody, facilityFields } from '../../lib/facility-fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { LANGUAGE, labelHtml } from '../../lib/labels.js';

/**
 * <facility-list>: the administrator's facilities with their address ranges and classrooms at a
 * glance, and a form to add one (then its page opens, to add ranges and classrooms).
 */
class FacilityList extends HTMLElement {
  static titleKey = k('facilities.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="facilities.heading">${t('facilities.heading')}</h1>
      <section aria-labelledby="facilities-list-title">
        <h2 id="facilities-list-title" data-i18n="facilities.list.heading">${t('facilities.list.heading')}</h2>
        <div data-results aria-busy="true"></div>
      </section>
      <section class="panel" aria-labelledby="facility-add-title">
        <h2 id="facility-add-title" data-i18n="facilities.add.heading">${t('facilities.add.heading')}</h2>
        <div class="problem-summary" id="facility-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="facility">
          ${facilityFields('ff')}
          <div class="actions"><button type="submit" class="primary" data-i18n="facilities.add.submit">${t('facilities.add.submit')}</button></div>
        </form>
      </section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.create(form)));
    this.load();
  }

  async load() {
    const results = this.querySelector('[data-results]');
    let list;
    try {
      list = await api.get('/api/staff/facilities');
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    if (!list.length) {
      render(results, html`<div class="empty-state"><p data-i18n="facilities.none">${t('facilities.none')}</p></div>`);
      return;
    }
    const totals = { total: list.length };
    render(results, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="facilities-caption">
      <table class="data-table">
        <caption id="facilities-caption"><span data-i18n="facilities.caption">${t('facilities.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="facility.field.code">${t('facility.field.code')}</th>
          <th scope="col" data-i18n="facility.field.name">${t('facility.field.name')}</th>
          <th scope="col" data-i18n="facility.field.region">${t('facility.field.region')}</th>
          <th scope="col" data-i18n="facility.field.language">${t('facility.field.language')}</th>
          <th scope="col" data-i18n="facilities.col.ranges">${t('facilities.col.ranges')}</th>
          <th scope="col" data-i18n="facilities.col.classrooms">${t('facilities.col.classrooms')}</th>
        </tr></thead>
        <tbody>${list.map((f) => html`<tr data-facility-id="${f.id}">
          <td class="nowrap">${f.code}</td>
          <th scope="row"><a href="#/facilities/${f.id}">${f.name}</a></th>
          <td>${f.region}</td>
          <td>${labelHtml(LANGUAGE, f.defaultLanguage)}</td>
          <td>${f.addressRanges.length ? f.addressRanges.map((r, i) => html`${i ? html`<br>` : ''}<code>${r.cidr}</code>`)
            : html`<span class="badge badge-warning" data-i18n="facilities.noRanges">${t('facilities.noRanges')}</span>`}</td>
          <td>${f.classrooms.map((c) => c.name).join(', ')}</td>
        </tr>`)}</tbody>
      </table></div>`);
  }

  async create(form) {
    const summary = this.querySelector('#facility-problem');
    clearFormProblem(form, summary);
    let created;
    try {
      created = await api.post('/api/staff/facilities', facilityBody(form));
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, FACILITY_CODE_FIELDS);
      }
      return;
    }
    announce(t('facilities.added', { name: created.name }));
    this.context.navigate(`/facilities/${created.id}`);
  }
}

customElements.define('facility-list', FacilityList);
