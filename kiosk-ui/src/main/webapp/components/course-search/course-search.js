import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { query } from '../../lib/api.js';
import { searchParams } from '../../lib/search.js';
import '../search-box/search-box.js';
import '../search-results/search-results.js';

/**
 * <course-search>: the officer's search of the courses their facility approved, as its learners
 * see them (`#/search?q=&kind=&course=&page=`): the search box with suggestions, then the
 * results, filters and pages of `search-results`. A hit, or a suggestion, opens the course's
 * preview at that item (and a lecture at the moment its captions matched).
 */
class CourseSearch extends HTMLElement {
  static titleKey = k('search.officer.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="search.officer.heading">${t('search.officer.heading')}</h1>
      <p data-i18n="search.officer.intro">${t('search.officer.intro')}</p>
      <search-box class="staff-search" data-id="staff-search" data-endpoint="/api/staff/search/suggestions"
        data-label="${k('search.box.staff')}"></search-box>`);
    this.box = this.querySelector('search-box');
    this.box.value = this.context.params.q ?? '';
    this.addEventListener('search-submit', (e) => this.context.navigate('/search', { q: e.detail.q }));
    this.addEventListener('search-open', (e) => {
      const s = e.detail.suggestion;
      location.hash = `#/courses/${s.courseId}${query({ item: s.itemKey })}`;
    });
    const results = document.createElement('search-results');
    results.setAttribute('data-id', 'staff-results');
    results.headingLevel = 2;
    results.endpoint = '/api/staff/search';
    results.params = this.context.params;
    results.address = (p) => `#/search?${searchParams(p)}`;
    results.hitHref = (hit) => `#/courses/${hit.courseId}${query({ item: hit.itemKey, t: hit.seconds })}`;
    this.results = results;
    this.append(results);
  }

  /** A search, a filter or a page within this view: the results change, and focus goes to their heading. */
  update(params) {
    this.context.params = params;
    this.box.value = params.q ?? '';
    this.results.search(params);
  }
}

customElements.define('course-search', CourseSearch);
