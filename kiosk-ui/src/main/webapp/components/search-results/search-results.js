import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t, translate } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { SEARCH_KIND, clock, searchParams, snippetNodes } from '../../lib/search.js';
import '../data-pager/data-pager.js';

/** Hits on one page. */
const PAGE_SIZE = 10;
/** The server pages up to page 99: the pager offers no page beyond it. */
const LAST_PAGE = 99;

/**
 * <search-results>: one page of a search, for the learner's kiosk and the officer's console
 * alike. A heading that says what was searched and how many hits there are (it takes focus
 * when a search was asked for, and the count is also announced politely), filters by kind and
 * by course with their counts (links, the chosen one `aria-current`), the hits as a list of links
 * — title, kind, course, the moment of a lecture, and the snippet with the matched words in
 * <mark> — and previous / next. It says so plainly when nothing was found, when the server
 * refused the query (its problem title and detail) and while the index is being rebuilt.
 *
 * Properties, set before it is attached: `endpoint` (`/api/kiosk/search`), `params` ({q, kind,
 * course, page} from the address; without `q` it only invites a search), `address(params)` (the
 * address of another search: a filter, a page), `hitHref(hit)` (where a hit leads) and
 * `headingLevel` (1 on a screen of its own, 2 under a view's heading). `search(params)` runs
 * another search in place and moves focus to the heading. Fires `view-title` when its heading
 * changes.
 */
class SearchResults extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const level = this.headingLevel === 2 ? 2 : 1;
    // `level` is 1 or 2, so the tag names are fixed strings the template's escaping leaves as they are.
    this.tags = { heading: `h${level}`, sub: `h${level + 1}` };
    render(this, html`<div class="search-results">
      <${this.tags.heading} class="search-heading" tabindex="-1" data-results-heading data-i18n="search.title">${t('search.title')}</${this.tags.heading}>
      <div data-search-body></div>
    </div>`);
    this.heading = this.querySelector('[data-results-heading]');
    this.body = this.querySelector('[data-search-body]');
    this.loads = 0;
    this.addEventListener('page-change', (e) => {
      location.hash = this.address({ ...this.params, page: e.detail.page });
    });
    this.load();
  }

  /** Another search in the same view (the officer's console keeps the view): results, then focus on the heading. */
  search(params) {
    this.params = params;
    this.focusAfter = true;
    this.load();
  }

  setHeading(key, params) {
    this.heading.setAttribute('data-i18n', key);
    if (params) {
      this.heading.setAttribute('data-i18n-args', args(params));
    } else {
      this.heading.removeAttribute('data-i18n-args');
    }
    translate(this.heading);
    this.dispatchEvent(new CustomEvent('view-title', { bubbles: true }));
  }

  async load() {
    const p = this.params || {};
    const asked = ++this.loads;
    if (p.q === undefined) {
      this.setHeading(k('search.title'));
      render(this.body, html`<p data-search-start data-i18n="search.start">${t('search.start')}</p>`);
      return;
    }
    this.setHeading(k('search.loading'));
    this.body.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api.get(`${this.endpoint}?${searchParams(p)}&size=${PAGE_SIZE}`);
    } catch (error) {
      if (asked !== this.loads) {
        return;
      }
      this.body.removeAttribute('aria-busy');
      this.setHeading(k('search.title'));
      if (!error.handled) {
        render(this.body, html`<div data-search-problem="${error.code || ''}">${problemBox(error)}</div>`);
      }
      this.focusHeading();
      return;
    }
    if (asked !== this.loads || !this.isConnected) {
      return;
    }
    this.body.removeAttribute('aria-busy');
    this.draw(p, data);
    this.focusHeading();
  }

  focusHeading() {
    if (this.focusAfter) {
      this.focusAfter = false;
      this.heading.focus();
    }
  }

  draw(p, data) {
    const query = data.query ?? p.q;
    const page = Number(data.page) || 0;
    const pages = Math.min(LAST_PAGE + 1, Math.max(1, Math.ceil(data.total / PAGE_SIZE)));
    this.setHeading(k('search.heading'), { query, total: data.total });
    const filtered = Boolean(p.kind || p.course);
    render(this.body, html`
      ${data.rebuilding ? html`<div class="notice notice-info" data-rebuilding>
        <p data-i18n="search.rebuilding">${t('search.rebuilding')}</p></div>` : ''}
      ${data.total > 0 || filtered ? this.facets(p, data) : ''}
      ${data.total === 0 ? html`<div class="empty-state" data-no-results>
          <p class="empty-title" data-i18n="search.none.title" data-i18n-args="${args({ query })}">${t('search.none.title', { query })}</p>
          <p data-i18n="search.none.detail">${t('search.none.detail')}</p>
          ${filtered ? html`<p><a href="${this.address({ q: p.q })}" data-search-widen data-i18n="search.none.widen">${t('search.none.widen')}</a></p>` : ''}
        </div>`
        : html`<ol class="search-hits" start="${page * PAGE_SIZE + 1}" aria-labelledby="${this.headingId()}">
          ${data.hits.map((hit, i) => this.hit(hit, i))}
        </ol>
        <data-pager page="${page}" size="${PAGE_SIZE}" total="${Math.min(data.total, pages * PAGE_SIZE)}"></data-pager>`}`);
    this.body.querySelectorAll('[data-snippet]').forEach((slot) => {
      slot.replaceChildren(snippetNodes(data.hits[Number(slot.getAttribute('data-snippet'))].snippetHtml));
    });
    announce(data.total === 0 ? t('search.none.title', { query })
      : t('search.announce', { query, total: data.total, page: page + 1, pages }));
  }

  headingId() {
    if (!this.heading.id) {
      this.heading.id = `${this.getAttribute('data-id') || 'search'}-heading`;
    }
    return this.heading.id;
  }

  hit(hit, i) {
    const id = `${this.getAttribute('data-id') || 'search'}-hit-${i}`;
    const where = hit.kind === 'course' ? '' : html` · <span lang="${hit.language}">${hit.courseTitle}</span>`;
    const moment = hit.seconds === undefined || hit.seconds === null ? '' : html` · <span data-hit-from
      data-i18n="search.hit.from" data-i18n-args="${args({ time: clock(hit.seconds) })}">${t('search.hit.from', { time: clock(hit.seconds) })}</span>`;
    return html`<li class="search-hit" data-hit-kind="${hit.kind}" data-course-id="${hit.courseId}" data-item-key="${hit.itemKey || ''}">
      <a class="hit-title" href="${this.hitHref(hit)}" lang="${hit.language}" aria-describedby="${id}-facts">${hit.title}</a>
      <p class="hit-facts" id="${id}-facts">${labelHtml(SEARCH_KIND, hit.kind)}${where}${moment}</p>
      <p class="hit-snippet" lang="${hit.language}" data-snippet="${i}"></p>
    </li>`;
  }

  /** Narrowing by kind and by course: "all" and each value with its count; the chosen one is current. */
  facets(p, data) {
    const kinds = html`<li><a class="facet" href="${this.address({ ...p, kind: null, page: 0 })}" data-facet-kind=""
        aria-current="${p.kind ? 'false' : 'true'}" data-i18n="search.facet.allKinds">${t('search.facet.allKinds')}</a></li>
      ${data.kinds.map((f) => html`<li><a class="facet" href="${this.address({ ...p, kind: f.kind, page: 0 })}"
        data-facet-kind="${f.kind}" aria-current="${p.kind === f.kind ? 'true' : 'false'}">${labelHtml(SEARCH_KIND, f.kind)}
        <span class="facet-count">(${f.count})</span></a></li>`)}`;
    const courses = html`<li><a class="facet" href="${this.address({ ...p, course: null, page: 0 })}" data-facet-course=""
        aria-current="${p.course ? 'false' : 'true'}" data-i18n="search.facet.allCourses">${t('search.facet.allCourses')}</a></li>
      ${data.courses.map((f) => html`<li><a class="facet" href="${this.address({ ...p, course: f.courseId, page: 0 })}"
        data-facet-course="${f.courseId}" aria-current="${String(p.course) === String(f.courseId) ? 'true' : 'false'}"><span>${f.title}</span>
        <span class="facet-count">(${f.count})</span></a></li>`)}`;
    const id = this.getAttribute('data-id') || 'search';
    return html`<div class="search-facets">
      <section class="search-facet" aria-labelledby="${id}-kind-title">
        <${this.tags.sub} id="${id}-kind-title" data-i18n="search.facet.kind">${t('search.facet.kind')}</${this.tags.sub}>
        <ul class="facet-list">${kinds}</ul>
      </section>
      <section class="search-facet" aria-labelledby="${id}-course-title">
        <${this.tags.sub} id="${id}-course-title" data-i18n="search.facet.course">${t('search.facet.course')}</${this.tags.sub}>
        <ul class="facet-list">${courses}</ul>
      </section>
    </div>`;
  }
}

customElements.define('search-results', SearchResults);
