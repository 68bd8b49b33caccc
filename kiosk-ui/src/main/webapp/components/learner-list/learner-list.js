import { api, query } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { selectField, textField } from '../../lib/fields.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { LANGUAGE, LEARNER_STATUS, labelHtml } from '../../lib/labels.js';
import '../data-pager/data-pager.js';

const PAGE_SIZE = 25;

/**
 * <learner-list>: the officer's learners: search by name or number, filter by status, one page
 * of 25 at a time with the total. Search and page live in the address (`#/learners?q=&status=&page=`),
 * so back/forward and bookmarks work; results are announced politely.
 */
class LearnerList extends HTMLElement {
  static titleKey = k('learners.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const p = this.context.params;
    render(this, html`
      <h1 data-i18n="learners.heading">${t('learners.heading')}</h1>
      <p><a class="button primary" href="#/learners/new" data-i18n="learners.add">${t('learners.add')}</a></p>
      <form class="filters" role="search" novalidate data-i18n-aria-label="learners.search.label" aria-label="${t('learners.search.label')}">
        ${textField({ id: 'learner-q', name: 'q', type: 'search', label: k('learners.search.q'), hint: k('learners.search.q.hint'),
          value: p.q || '', maxlength: 100 })}
        ${selectField({ id: 'learner-status', name: 'status', label: k('learners.search.status'), value: p.status || '',
          options: [{ value: '', label: k('learners.search.status.any') },
            ...Object.entries(LEARNER_STATUS).map(([value, label]) => ({ value, label }))] })}
        <button type="submit" class="primary" data-i18n="learners.search.submit">${t('learners.search.submit')}</button>
      </form>
      <div data-results aria-busy="true"></div>`);
    this.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      const form = e.target;
      this.context.navigate('/learners', { q: form.elements.namedItem('q').value.trim(), status: form.elements.namedItem('status').value });
    });
    this.addEventListener('page-change', (e) => {
      this.focusResults = true;
      this.context.navigate('/learners', { ...this.context.params, page: e.detail.page });
    });
    this.load();
  }

  /** The address changed within this view (a search, another page): load again, keep focus where it is. */
  update(params) {
    this.context.params = params;
    const form = this.querySelector('form');
    form.elements.namedItem('q').value = params.q || '';
    form.elements.namedItem('status').value = params.status || '';
    this.load();
  }

  async load() {
    const p = this.context.params;
    const page = Math.max(0, Number(p.page) || 0);
    const results = this.querySelector('[data-results]');
    results.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api.get(`/api/staff/learners${query({ q: p.q, status: p.status, page, size: PAGE_SIZE })}`);
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    const filtered = Boolean(p.q || p.status);
    if (data.total === 0) {
      const key = filtered ? 'learners.none.filtered' : 'learners.none';
      render(results, html`<div class="empty-state" data-empty><p data-i18n="${filtered ? k('learners.none.filtered') : k('learners.none')}">${t(key)}</p></div>`);
      announce(t(key));
      return;
    }
    const totals = { total: data.total };
    render(results, html`
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="learners-caption" data-table>
        <table class="data-table">
          <caption id="learners-caption"><span data-i18n="learners.caption">${t('learners.caption')}</span>
            <span class="caption-count" data-total="${data.total}" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
          <thead><tr>
            <th scope="col" data-i18n="learners.col.number">${t('learners.col.number')}</th>
            <th scope="col" data-i18n="learners.col.name">${t('learners.col.name')}</th>
            <th scope="col" data-i18n="learners.col.language">${t('learners.col.language')}</th>
            <th scope="col" data-i18n="learners.col.status">${t('learners.col.status')}</th>
            <th scope="col" data-i18n="learners.col.signin">${t('learners.col.signin')}</th>
          </tr></thead>
          <tbody>${data.items.map((l) => html`<tr data-learner-id="${l.id}">
            <td class="nowrap">${l.learnerNumber}</td>
            <th scope="row"><a href="#/learners/${l.id}" data-learner-name>${l.fullName}</a></th>
            <td>${labelHtml(LANGUAGE, l.language)}</td>
            <td>${labelHtml(LEARNER_STATUS, l.status)}</td>
            <td>${l.locked
              ? html`<span class="badge badge-danger" data-i18n="learners.locked">${t('learners.locked')}</span>`
              : html`<span data-i18n="learners.signinOk">${t('learners.signinOk')}</span>`}</td>
          </tr>`)}</tbody>
        </table>
      </div>
      <data-pager page="${page}" size="${PAGE_SIZE}" total="${data.total}"></data-pager>`);
    announce(t('learners.found', { total: data.total, page: page + 1, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)) }));
    if (this.focusResults) {
      this.focusResults = false;
      results.querySelector('[data-table]')?.focus();
    }
  }
}

customElements.define('learner-list', LearnerList);
