import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { courseOutline, itemHref, itemState } from '../../lib/kiosk-courses.js';
import { labelHtml } from '../../lib/labels.js';
import { ITEM_KIND } from '../../lib/course-labels.js';

const STATE = {
  'not-started': k('course.state.not-started'),
  viewed: k('course.state.viewed'),
  completed: k('course.state.completed'),
};

/**
 * <course-outline>: one course for the learner: its title and description, progress in words
 * and as a bar, "Continue", then its modules as headings and their items as a list of links,
 * each saying its kind and state in words (not started, opened, completed), never by colour
 * alone. Property `courseId`.
 */
class CourseOutline extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`<div class="course-screen">
      <p class="crumbs"><a href="#/" data-home data-i18n="course.backHome">${t('course.backHome')}</a></p>
      <h1 data-heading data-i18n="course.loading">${t('course.loading')}</h1>
      <div data-outline aria-busy="true"></div>
    </div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-outline]');
    let c;
    try {
      c = await courseOutline(this.courseId, { fresh: true });
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    const h1 = this.querySelector('[data-heading]');
    h1.removeAttribute('data-i18n');
    h1.setAttribute('lang', c.language);
    h1.textContent = c.title;
    this.dispatchEvent(new CustomEvent('view-title', { bubbles: true }));
    const counts = { completed: c.completed, items: c.items };
    render(box, html`
      <p class="course-meta"><span>${c.code}</span> · <span>${c.university}</span>
        · <span data-i18n="kiosk.courses.credits" data-i18n-args="${args({ credits: c.credits })}">${t('kiosk.courses.credits', { credits: c.credits })}</span></p>
      ${c.description ? html`<p class="lead" lang="${c.language}">${c.description}</p>` : ''}
      <div class="course-progress">
        <label for="outline-progress" data-i18n="kiosk.courses.progress" data-i18n-args="${args(counts)}">${t('kiosk.courses.progress', counts)}</label>
        <progress id="outline-progress" max="${Math.max(1, c.items)}" value="${c.completed}"></progress>
      </div>
      ${c.resume ? html`<p><a class="button primary big" href="${itemHref(c.id, c.resume.key)}" data-continue="${c.resume.key}">
        <span><span data-i18n="kiosk.courses.continue">${t('kiosk.courses.continue')}</span> <span lang="${c.language}">${c.resume.title}</span></span></a></p>` : ''}
      ${c.modules.map((m, i) => html`<section class="module" aria-labelledby="module-${i}-title" data-module="${m.key}">
        <h2 id="module-${i}-title" lang="${c.language}">${m.title}</h2>
        ${m.items.length ? html`<ol class="item-list">${m.items.map((item) => {
          const state = itemState(item.progress);
          return html`<li class="outline-item state-${state}" data-item="${item.key}" data-state="${state}">
            <a href="${itemHref(c.id, item.key)}" lang="${c.language}">${item.title}</a>
            <span class="item-facts">${labelHtml(ITEM_KIND, item.kind)} ·
              <span class="item-state" data-i18n="${STATE[state]}">${t(STATE[state])}</span></span>
          </li>`;
        })}</ol>` : html`<p data-i18n="course.module.empty">${t('course.module.empty')}</p>`}
      </section>`)}`);
  }
}

customElements.define('course-outline', CourseOutline);
