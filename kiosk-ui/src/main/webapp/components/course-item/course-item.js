import { api } from '../../lib/api.js';
import { problemBox } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { courseOutline, itemHref } from '../../lib/kiosk-courses.js';
import { labelHtml } from '../../lib/labels.js';
import { ITEM_KIND } from '../../lib/course-labels.js';
import { startTime } from '../../lib/search.js';
import '../page-reader/page-reader.js';
import '../pdf-viewer/pdf-viewer.js';
import '../media-player/media-player.js';
import '../case-study/case-study.js';
import '../practice-quiz/practice-quiz.js';

/** The element that shows each kind of item. */
const VIEWS = {
  page: 'page-reader',
  file: 'pdf-viewer',
  media: 'media-player',
  'case-study': 'case-study',
  quiz: 'practice-quiz',
};

/**
 * <course-item>: one item of a course on the kiosk, in the frame every item shares: where it is
 * (my courses › course), its title, kind and module, the item itself, and previous / next.
 * Opening it records that the learner viewed it (the server does that on GET). Properties
 * `courseId`, `itemKey` and `params` (the address's: `t`, the moment a recording starts at, when
 * a search found words said there). `leave()` lets the item send its last progress report.
 */
class CourseItem extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`<article class="course-screen" aria-labelledby="item-title">
      <nav class="crumbs" data-i18n-aria-label="course.crumbs" aria-label="${t('course.crumbs')}">
        <a href="#/" data-i18n="course.backHome">${t('course.backHome')}</a>
        <span aria-hidden="true">›</span>
        <a href="#/courses/${this.courseId}" data-course-link data-i18n="course.outline">${t('course.outline')}</a>
      </nav>
      <h1 id="item-title" data-heading data-i18n="course.loading">${t('course.loading')}</h1>
      <p class="item-where" data-where></p>
      <div data-body aria-busy="true"></div>
      <nav class="item-nav" data-item-nav hidden data-i18n-aria-label="course.itemNav" aria-label="${t('course.itemNav')}"></nav>
    </article>`);
    this.load();
  }

  async load() {
    const body = this.querySelector('[data-body]');
    let item;
    let course;
    try {
      [item, course] = await Promise.all([
        api.get(`/api/kiosk/courses/${this.courseId}/items/${encodeURIComponent(this.itemKey)}`),
        courseOutline(this.courseId),
      ]);
    } catch (error) {
      body.removeAttribute('aria-busy');
      if (!error.handled) {
        render(body, problemBox(error));
      }
      return;
    }
    if (!this.isConnected) {
      return;
    }
    body.removeAttribute('aria-busy');
    const lang = course.language;
    const h1 = this.querySelector('[data-heading]');
    h1.removeAttribute('data-i18n');
    h1.setAttribute('lang', lang);
    h1.textContent = item.title;
    const courseLink = this.querySelector('[data-course-link]');
    courseLink.removeAttribute('data-i18n');
    courseLink.setAttribute('lang', lang);
    courseLink.textContent = course.title;
    render(this.querySelector('[data-where]'), html`${labelHtml(ITEM_KIND, item.kind)} ·
      <span lang="${lang}">${item.moduleTitle}</span>`);
    this.dispatchEvent(new CustomEvent('view-title', { bubbles: true }));

    const tag = VIEWS[item.kind];
    if (!tag) {
      render(body, html`<p data-i18n="course.kind.unknown">${t('course.kind.unknown')}</p>`);
    } else {
      const view = document.createElement(tag);
      view.item = item;
      view.courseId = this.courseId;
      view.lang = lang;
      if (item.kind === 'media') {
        view.startAt = startTime(this.params);
      }
      view.setAttribute('data-kind', item.kind);
      body.replaceChildren(view);
      this.view = view;
    }
    this.renderNav(item, lang);
  }

  renderNav(item, lang) {
    const nav = this.querySelector('[data-item-nav]');
    const link = (ref, key, rel) => html`<a class="button secondary" href="${itemHref(this.courseId, ref.key)}" rel="${rel}" data-${rel}>
      <span><span data-i18n="${key}">${t(key)}</span> <span lang="${lang}">${ref.title}</span></span></a>`;
    render(nav, html`
      ${item.previous ? link(item.previous, k('course.previous'), 'prev') : ''}
      ${item.next ? link(item.next, k('course.next'), 'next') : ''}
      <a class="button secondary" href="#/courses/${this.courseId}" data-i18n="course.toOutline">${t('course.toOutline')}</a>`);
    nav.hidden = false;
  }

  leave() {
    return this.view && typeof this.view.leave === 'function' ? this.view.leave() : Promise.resolve();
  }
}

customElements.define('course-item', CourseItem);
