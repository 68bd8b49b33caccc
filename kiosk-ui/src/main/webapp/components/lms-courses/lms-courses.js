import { api } from '../../lib/api.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';

/** The address of an LMS course's roster screen. */
export function rosterHref(c) {
  return `#/lms-courses/roster?${new URLSearchParams({ platform: String(c.platformId), context: c.contextId })}`;
}

/**
 * <lms-courses>: the university LMS courses linked to Bilim courses (`#/lms-courses`), for an
 * officer: which LMS, which Bilim course, whether the LMS offers its roster, when it was last read
 * and how many of its students the officer's facility has confirmed. Each opens its roster, where
 * students are confirmed — and until a student is confirmed nothing is sent to the university.
 */
class LmsCourses extends HTMLElement {
  static titleKey = k('rosters.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="rosters.heading">${t('rosters.heading')}</h1>
      <p data-i18n="rosters.intro">${t('rosters.intro')}</p>
      <p class="notice notice-info" data-i18n="rosters.nothingSent">${t('rosters.nothingSent')}</p>
      <div data-results aria-busy="true"></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-results]');
    let rows;
    try {
      rows = await api.get('/api/staff/lms-courses');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!rows.length) {
      render(box, html`<div class="empty-state" data-empty><p data-i18n="rosters.none">${t('rosters.none')}</p></div>`);
      return;
    }
    const totals = { total: rows.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="lms-courses-caption">
      <table class="data-table">
        <caption id="lms-courses-caption"><span data-i18n="rosters.caption">${t('rosters.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="rosters.col.lmsCourse">${t('rosters.col.lmsCourse')}</th>
          <th scope="col" data-i18n="rosters.col.lms">${t('rosters.col.lms')}</th>
          <th scope="col" data-i18n="rosters.col.course">${t('rosters.col.course')}</th>
          <th scope="col" data-i18n="rosters.col.roster">${t('rosters.col.roster')}</th>
          <th scope="col" data-i18n="rosters.col.members">${t('rosters.col.members')}</th>
          <th scope="col" data-i18n="rosters.col.confirmedHere">${t('rosters.col.confirmedHere')}</th>
        </tr></thead>
        <tbody>${rows.map((c) => html`<tr data-lms-course="${c.contextId}">
          <th scope="row"><a href="${rosterHref(c)}">${c.contextTitle || c.contextId}</a></th>
          <td class="break">${c.issuer}</td>
          <td>${c.courseCode} · ${c.courseTitle}</td>
          <td>${rosterState(c)}</td>
          <td>${c.members}</td>
          <td>${c.confirmedHere}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }
}

/** Whether the roster can be read, when it was, and the last failure. */
export function rosterState(c) {
  return html`${c.rosterService ? '' : html`<span class="badge badge-warning" data-i18n="rosters.noService">${t('rosters.noService')}</span> `}${
    c.rosterReadAt ? html`<span data-i18n="rosters.readAt">${t('rosters.readAt')}</span> <time datetime="${c.rosterReadAt}">${formatDate(c.rosterReadAt)}</time>`
      : html`<span data-i18n="rosters.neverRead">${t('rosters.neverRead')}</span>`}${
    c.rosterError ? html`<br><span class="badge badge-danger" data-i18n="rosters.lastFailed">${t('rosters.lastFailed')}</span>` : ''}`;
}

customElements.define('lms-courses', LmsCourses);
