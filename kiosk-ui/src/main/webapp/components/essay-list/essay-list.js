import { api, query } from '../../lib/api.js';
import { selectField } from '../../lib/fields.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { passbackBadge } from '../../lib/passback.js';

/**
 * <essay-list>: quiz attempts with essay answers (`#/essays?complete=`), waiting for a grade by
 * default; each opens for grading. The officer's facility's, or (`context.courseId` set) the
 * lecturer's course's.
 */
class EssayList extends HTMLElement {
  static titleKey = k('essays.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="essays.heading">${t('essays.heading')}</h1>
      <p data-i18n="essays.intro">${t('essays.intro')}</p>
      <p><a href="#/submissions" data-i18n="essays.toCaseStudies">${t('essays.toCaseStudies')}</a></p>
      <form class="filters" novalidate data-i18n-aria-label="essays.filter" aria-label="${t('essays.filter')}">
        ${selectField({ id: 'essays-complete', name: 'complete', label: k('grading.state'), value: this.complete(),
          options: [{ value: 'false', label: k('essays.waiting') }, { value: 'true', label: k('essays.graded') }] })}
        <button type="submit" class="primary" data-i18n="grading.show">${t('grading.show')}</button>
      </form>
      <div data-results aria-busy="true"></div>`);
    this.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.context.navigate('/essays', { complete: e.target.elements.namedItem('complete').value });
    });
    this.load();
  }

  complete() {
    return this.context.params.complete === 'true' ? 'true' : 'false';
  }

  update(params) {
    this.context.params = params;
    this.querySelector('#essays-complete').value = this.complete();
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-results]');
    box.setAttribute('aria-busy', 'true');
    let rows;
    try {
      rows = await api.get(`/api/staff/quiz-attempts${query({ course: this.context.courseId, complete: this.complete() })}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!rows.length) {
      render(box, html`<div class="empty-state" data-empty><p data-i18n="grading.none">${t('grading.none')}</p></div>`);
      return;
    }
    const totals = { total: rows.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="essays-caption">
      <table class="data-table">
        <caption id="essays-caption"><span data-i18n="essays.caption">${t('essays.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="grading.col.learner">${t('grading.col.learner')}</th>
          <th scope="col" data-i18n="grading.col.course">${t('grading.col.course')}</th>
          <th scope="col" data-i18n="essays.col.quiz">${t('essays.col.quiz')}</th>
          <th scope="col" data-i18n="essays.col.attempt">${t('essays.col.attempt')}</th>
          <th scope="col" data-i18n="grading.col.submitted">${t('grading.col.submitted')}</th>
          <th scope="col" data-i18n="grading.col.state">${t('grading.col.state')}</th>
          <th scope="col" data-i18n="passback.heading">${t('passback.heading')}</th>
        </tr></thead>
        <tbody>${rows.map((a) => html`<tr data-attempt-id="${a.id}">
          <th scope="row"><a href="#/essays/${a.id}">${a.learnerName}</a>${a.learnerName === a.learnerNumber ? ''
            : html` <span class="nowrap">(${a.learnerNumber})</span>`}</th>
          <td>${a.courseTitle}</td>
          <td>${a.itemTitle}</td>
          <td>${a.number}</td>
          <td><time datetime="${a.submittedAt}">${formatDate(a.submittedAt)}</time></td>
          <td>${essayState(a)}</td>
          <td>${passbackBadge(a.passback?.state)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }
}

/** Graded, or how many essays still wait. */
export function essayState(a) {
  if (a.complete) {
    return html`<span data-i18n="essays.graded">${t('essays.graded')}</span>`;
  }
  const n = { count: a.essays.filter((e) => !e.graded).length };
  return html`<span data-i18n="essays.waitingCount" data-i18n-args="${args(n)}">${t('essays.waitingCount', n)}</span>`;
}

customElements.define('essay-list', EssayList);
