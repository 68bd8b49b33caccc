import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { applyAccessibility, wantsSpokenDetail } from '../../lib/display.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, language, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { ITEM_KIND } from '../../lib/course-labels.js';
import '../a11y-settings/a11y-settings.js';

/**
 * <kiosk-home>: the signed-in learner's start screen: who and where, their courses with how far
 * they got and a "Continue" to the item they were at (or a friendly word that there are none yet), display and accessibility switches (saved for their next
 * sign-in), and sign-out. Property `session` (the kiosk session object). Fires
 * `learner-session-updated` ({detail: {session}}) after a preference is saved, and
 * `learner-sign-out`.
 */
class KioskHome extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const s = this.session;
    render(this, html`<div class="kiosk-home">
      <section class="kiosk-card welcome" aria-labelledby="home-title">
        <h1 id="home-title" data-i18n="kiosk.home.welcome" data-i18n-args="${args({ name: s.learner.fullName })}">${t('kiosk.home.welcome', { name: s.learner.fullName })}</h1>
        <p class="lead" data-i18n="kiosk.home.where" data-i18n-args="${args({ facility: s.facilityName, kiosk: s.kioskName })}">${t('kiosk.home.where', { facility: s.facilityName, kiosk: s.kioskName })}</p>
        <p><span data-i18n="kiosk.home.number">${t('kiosk.home.number')}</span> <strong data-learner-number>${s.learner.learnerNumber}</strong></p>
        <button type="button" class="secondary big" data-sign-out data-i18n="kiosk.home.signOut">${t('kiosk.home.signOut')}</button>
      </section>
      <section class="kiosk-card" aria-labelledby="courses-title">
        <h2 id="courses-title" data-i18n="kiosk.courses.heading">${t('kiosk.courses.heading')}</h2>
        <div data-courses aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>
      </section>
      <section class="kiosk-card" aria-labelledby="settings-title">
        <h2 id="settings-title" data-i18n="kiosk.settings.heading">${t('kiosk.settings.heading')}</h2>
        <p data-i18n="kiosk.settings.intro">${t('kiosk.settings.intro')}</p>
        <a11y-settings data-id="kiosk-a11y" data-options="largeText highContrast screenReader"></a11y-settings>
        <div data-settings-problem></div>
      </section>
    </div>`);
    this.querySelector('a11y-settings').value = s.learner.accessibility;
    this.querySelector('[data-sign-out]').addEventListener('click', () => {
      this.dispatchEvent(new CustomEvent('learner-sign-out', { bubbles: true }));
    });
    this.addEventListener('a11y-change', (e) => this.savePreferences(e.detail.value));
    this.loadCourses();
  }

  async loadCourses() {
    const box = this.querySelector('[data-courses]');
    try {
      const courses = await api.get('/api/kiosk/me/courses');
      box.removeAttribute('aria-busy');
      if (!courses.length) {
        render(box, html`<div class="empty-state" data-empty-courses>
          <p class="empty-title" data-i18n="kiosk.courses.empty.title">${t('kiosk.courses.empty.title')}</p>
          <p data-i18n="kiosk.courses.empty.detail">${t('kiosk.courses.empty.detail')}</p>
        </div>`);
      } else {
        render(box, html`<ul class="course-list">${courses.map((c) => courseCard(c))}</ul>`);
      }
      if (wantsSpokenDetail()) {
        announce(t('kiosk.courses.count', { count: courses.length }));
      }
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
    }
  }

  async savePreferences(accessibility) {
    const before = this.session.learner.accessibility;
    const problem = this.querySelector('[data-settings-problem]');
    problem.textContent = '';
    applyAccessibility(accessibility);
    try {
      const session = await api.put('/api/kiosk/session/preferences', { language: language(), accessibility });
      this.session = session;
      this.dispatchEvent(new CustomEvent('learner-session-updated', { bubbles: true, detail: { session } }));
      announce(t('kiosk.settings.saved'));
    } catch (error) {
      if (error.handled) {
        return;
      }
      applyAccessibility(before);
      this.querySelector('a11y-settings').value = before;
      render(problem, problemBox(error));
    }
  }
}

/** One course: title, where it comes from, progress as a bar and in words, and where to go on. */
function courseCard(c) {
  const counts = { completed: c.completed, items: c.items };
  const courseHref = `#/courses/${c.id}`;
  return html`<li class="course" data-course-id="${c.id}">
    <h3 class="course-title" id="course-${c.id}-title" lang="${c.language}"><a href="${courseHref}" data-open-course>${c.title}</a></h3>
    <p class="course-meta"><span>${c.code}</span> · <span>${c.university}</span>
      · <span data-i18n="kiosk.courses.credits" data-i18n-args="${args({ credits: c.credits })}">${t('kiosk.courses.credits', { credits: c.credits })}</span>
      ${c.enrolledAt ? html` · <span data-i18n="kiosk.courses.enrolled">${t('kiosk.courses.enrolled')}</span>
        <time datetime="${c.enrolledAt}" data-style="date">${formatDate(c.enrolledAt, 'date')}</time>` : ''}</p>
    <div class="course-progress">
      <label for="course-${c.id}-progress" data-i18n="kiosk.courses.progress" data-i18n-args="${args(counts)}"
        data-progress-text>${t('kiosk.courses.progress', counts)}</label>
      <progress id="course-${c.id}-progress" max="${Math.max(1, c.items)}" value="${c.completed}"></progress>
    </div>
    ${c.resume ? html`<p class="course-continue">
      <a class="button primary big" href="${courseHref}/items/${c.resume.key}" data-continue="${c.resume.key}">
        <span><span data-i18n="kiosk.courses.continue">${t('kiosk.courses.continue')}</span> <span lang="${c.language}">${c.resume.title}</span></span></a>
      <span class="course-resume-kind">(${labelHtml(ITEM_KIND, c.resume.kind)})</span></p>` : ''}
  </li>`;
}

customElements.define('kiosk-home', KioskHome);
