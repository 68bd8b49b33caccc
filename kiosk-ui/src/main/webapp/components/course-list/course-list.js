import { api } from '../../lib/api.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { LANGUAGE, labelHtml } from '../../lib/labels.js';
import { DECISION, VERSION_STATE } from '../../lib/course-labels.js';

/**
 * <course-list>: the courses the officer may vet: each with its latest version (draft or frozen)
 * and this facility's decision on it, linking to the preview where the officer reads the course
 * and decides. Imports start from here too.
 */
class CourseList extends HTMLElement {
  static titleKey = k('vetting.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="vetting.heading">${t('vetting.heading')}</h1>
      <p data-i18n="vetting.intro">${t('vetting.intro')}</p>
      <p><a class="button secondary" href="#/imports" data-i18n="vetting.import">${t('vetting.import')}</a></p>
      <div data-results aria-busy="true"></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-results]');
    let courses;
    try {
      courses = await api.get('/api/staff/courses');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!courses.length) {
      render(box, html`<div class="empty-state" data-empty><p data-i18n="vetting.none">${t('vetting.none')}</p></div>`);
      return;
    }
    const count = { total: courses.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="courses-caption" data-table>
      <table class="data-table">
        <caption id="courses-caption"><span data-i18n="vetting.caption">${t('vetting.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(count)}">${t('common.total', count)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="vetting.col.code">${t('vetting.col.code')}</th>
          <th scope="col" data-i18n="vetting.col.title">${t('vetting.col.title')}</th>
          <th scope="col" data-i18n="vetting.col.university">${t('vetting.col.university')}</th>
          <th scope="col" data-i18n="vetting.col.language">${t('vetting.col.language')}</th>
          <th scope="col" data-i18n="vetting.col.version">${t('vetting.col.version')}</th>
          <th scope="col" data-i18n="vetting.col.decision">${t('vetting.col.decision')}</th>
        </tr></thead>
        <tbody>${courses.map((c) => html`<tr data-course-id="${c.id}">
          <td class="nowrap">${c.code}</td>
          <th scope="row"><a href="#/courses/${c.id}" lang="${c.language}" data-course-title>${c.title}</a></th>
          <td>${c.university}</td>
          <td>${labelHtml(LANGUAGE, c.language)}</td>
          <td>${c.latest ? html`<span data-i18n="vetting.version" data-i18n-args="${args({ number: c.latest.number })}">${
            t('vetting.version', { number: c.latest.number })}</span> · ${labelHtml(VERSION_STATE, c.latest.state)}` : ''}</td>
          <td data-decision="${c.latest?.decision?.decision || 'NONE'}">${decisionText(c.latest?.decision)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }
}

/** This facility's decision in words; one taken on an earlier content of the version says so. */
export function decisionText(d) {
  if (!d) {
    return html`<span data-i18n="vetting.decision.none">${t('vetting.decision.none')}</span>`;
  }
  return html`${labelHtml(DECISION, d.decision)}${d.current === false
    ? html` <span class="badge badge-warning" data-i18n="vetting.decision.outdated">${t('vetting.decision.outdated')}</span>` : ''}`;
}

customElements.define('course-list', CourseList);
