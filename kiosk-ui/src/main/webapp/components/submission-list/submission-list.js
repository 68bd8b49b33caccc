import { api, query } from '../../lib/api.js';
import { selectField } from '../../lib/fields.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { SUBMISSION_STATE } from '../../lib/course-labels.js';
import { passbackBadge } from '../../lib/passback.js';

/**
 * <submission-list>: submitted case studies (`#/submissions?state=`), waiting for a grade by
 * default; each opens for grading and shows where its grade stands with the university. In the
 * officer console: the facility's learners'. In the lecturer workspace (`context.courseId` set):
 * the linked course's, each learner by the name the lecturer may see.
 */
class SubmissionList extends HTMLElement {
  static titleKey = k('grading.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const state = this.context.params.state || 'SUBMITTED';
    const intro = this.context.courseId ? k('grading.intro.lecturer') : k('grading.intro');
    render(this, html`
      <h1 data-i18n="grading.heading">${t('grading.heading')}</h1>
      <p data-i18n="${intro}">${t(intro)}</p>
      <p><a href="#/essays" data-i18n="grading.toEssays">${t('grading.toEssays')}</a></p>
      <form class="filters" novalidate data-i18n-aria-label="grading.filter" aria-label="${t('grading.filter')}">
        ${selectField({ id: 'grading-state', name: 'state', label: k('grading.state'), value: state,
          options: [{ value: 'SUBMITTED', label: SUBMISSION_STATE.SUBMITTED }, { value: 'GRADED', label: SUBMISSION_STATE.GRADED }] })}
        <button type="submit" class="primary" data-i18n="grading.show">${t('grading.show')}</button>
      </form>
      <div data-results aria-busy="true"></div>`);
    this.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.context.navigate('/submissions', { state: e.target.elements.namedItem('state').value });
    });
    this.load();
  }

  update(params) {
    this.context.params = params;
    this.querySelector('#grading-state').value = params.state || 'SUBMITTED';
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-results]');
    const state = this.context.params.state || 'SUBMITTED';
    box.setAttribute('aria-busy', 'true');
    let rows;
    try {
      rows = await api.get(`/api/staff/submissions${query({ state, course: this.context.courseId })}`);
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
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="submissions-caption">
      <table class="data-table">
        <caption id="submissions-caption"><span data-i18n="grading.caption">${t('grading.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="grading.col.learner">${t('grading.col.learner')}</th>
          <th scope="col" data-i18n="grading.col.course">${t('grading.col.course')}</th>
          <th scope="col" data-i18n="grading.col.item">${t('grading.col.item')}</th>
          <th scope="col" data-i18n="grading.col.submitted">${t('grading.col.submitted')}</th>
          <th scope="col" data-i18n="grading.col.state">${t('grading.col.state')}</th>
          <th scope="col" data-i18n="passback.heading">${t('passback.heading')}</th>
        </tr></thead>
        <tbody>${rows.map((s) => html`<tr data-submission-id="${s.id}">
          <th scope="row"><a href="#/submissions/${s.id}">${s.learnerName}</a>${s.learnerName === s.learnerNumber ? ''
            : html` <span class="nowrap">(${s.learnerNumber})</span>`}</th>
          <td>${s.courseTitle}</td>
          <td>${s.itemTitle}</td>
          <td><time datetime="${s.submittedAt}">${formatDate(s.submittedAt)}</time></td>
          <td>${labelHtml(SUBMISSION_STATE, s.state)}</td>
          <td>${passbackBadge(s.passback?.state)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }
}

customElements.define('submission-list', SubmissionList);
