import { api, forgetBearerSession, hasBearerSession, setProblemHandler } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { applyAccessibility } from '../../lib/display.js';
import { problemBox } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { IdleTimer, throttle } from '../../lib/idle.js';
import { browserLanguage, isLanguage, k, loadCataloguesPatiently, setLanguage, t } from '../../lib/i18n.js';
import '../language-switch/language-switch.js';
import '../a11y-settings/a11y-settings.js';
import '../idle-warning/idle-warning.js';
import '../course-preview/course-preview.js';
import '../deep-linking-picker/deep-linking-picker.js';
import '../course-editor/course-editor.js';
import '../submission-list/submission-list.js';
import '../submission-grader/submission-grader.js';
import '../essay-list/essay-list.js';
import '../essay-grader/essay-grader.js';
import '../grade-deliveries/grade-deliveries.js';

const SESSION_ENDED = new Set(['session.required', 'session.expired']);
const DISPLAY_KEY = 'bilim.lecturer.display';
/** The session is kept alive on the server at most this often while the lecturer works. */
const KEEPALIVE_MS = 30_000;

/** The workspace's views for a linked course, by hash route; the officer console's grading views, scoped to the course. */
const NAV = [
  { id: 'course', href: '#/course', label: k('lecturer.nav.course') },
  { id: 'edit', href: '#/edit', label: k('lecturer.nav.edit') },
  { id: 'submissions', href: '#/submissions', label: k('lecturer.nav.submissions') },
  { id: 'essays', href: '#/essays', label: k('lecturer.nav.essays') },
  { id: 'grade-deliveries', href: '#/grade-deliveries', label: k('lecturer.nav.deliveries') },
];
const ROUTES = [
  { path: /^\/course$/, tag: 'course-preview', nav: 'course' },
  { path: /^\/edit$/, tag: 'course-editor', nav: 'edit' },
  { path: /^\/submissions$/, tag: 'submission-list', nav: 'submissions' },
  { path: /^\/submissions\/(\d+)$/, tag: 'submission-grader', nav: 'submissions' },
  { path: /^\/essays$/, tag: 'essay-list', nav: 'essays' },
  { path: /^\/essays\/(\d+)$/, tag: 'essay-grader', nav: 'essays' },
  { path: /^\/grade-deliveries$/, tag: 'grade-deliveries', nav: 'grade-deliveries' },
];

/**
 * <lecturer-workspace>: what a lecturer sees when their university's LMS opens Bilim (an LTI
 * launch), usually inside the LMS's own page: Bilim's header with the lecturer's name, the
 * language and the display settings, and the course the LMS linked to — read as the vetting
 * officer reads it, without the officer's decision — or, when the LMS named no course, what to do
 * about it. With a linked course the header offers its views: the course as learners will read it
 * (`#/course`), its draft to edit (`#/edit`, see course-editor), and the grading views (hash
 * routes, as in the officer console): case studies and quiz essays to grade, and the grades sent
 * to the university, all scoped to that course. A launch from the LMS's activity chooser (Deep
 * Linking) opens the picker instead: the lecturer chooses Bilim content and the page takes the
 * choice back to the LMS.
 *
 * The session came with the page (see lib/api.js) and cannot be renewed here: lecturers have no
 * Bilim password. When it ends — the server says so, or the lecturer was idle after a warning —
 * the workspace says that plainly and sends them back to the LMS to open Bilim again; an idle
 * session is ended on the server too, not only forgotten here. The course the launch linked comes
 * as `<meta name="bilim-course">`, a Deep Linking request as `<meta name="bilim-deep-linking">`.
 */
class LecturerWorkspace extends HTMLElement {
  connectedCallback() {
    if (this.started) {
      return;
    }
    this.started = true;
    const meta = document.querySelector('meta[name="bilim-course"]');
    const courseId = Number(meta?.getAttribute('content'));
    this.courseId = Number.isSafeInteger(courseId) && courseId > 0 ? courseId : null;
    this.deepLinking = document.querySelector('meta[name="bilim-deep-linking"]')?.getAttribute('content') || null;
    this.start();
  }

  async start() {
    await loadCataloguesPatiently();
    // The launch wrote the LMS's language into <html lang>; the account's choice follows below.
    const launched = document.documentElement.lang;
    setLanguage(isLanguage(launched) ? launched : browserLanguage() || 'ru');
    const display = storedDisplay();
    applyAccessibility(display);
    render(this, html`
      <a class="skip-link" href="#main" data-skip data-i18n="console.skip">${t('console.skip')}</a>
      <header class="console-header">
        <div class="console-bar">
          <p class="brand"><span data-i18n="app.name">${t('app.name')}</span>
            <span class="console-name" data-i18n="lecturer.workspace.name">${t('lecturer.workspace.name')}</span></p>
          <language-switch></language-switch>
        </div>
        <div class="session-bar" data-session-bar hidden></div>
      </header>
      <main id="main" class="console-main" tabindex="-1">
        <div aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>
      </main>
      <footer class="console-footer">
        <a11y-settings data-id="display" data-options="largeText highContrast"></a11y-settings>
      </footer>
      <idle-warning></idle-warning>`);
    this.main = this.querySelector('main');
    this.sessionBar = this.querySelector('[data-session-bar]');
    this.warning = this.querySelector('idle-warning');
    this.querySelector('a11y-settings').value = display;
    this.querySelector('[data-skip]').addEventListener('click', (e) => {
      e.preventDefault();
      this.main.focus();
    });
    this.addEventListener('language-change', (e) => this.changeLanguage(e.detail.language));
    this.addEventListener('a11y-change', (e) => {
      applyAccessibility(e.detail.value);
      storeDisplay(e.detail.value);
    });
    this.addEventListener('idle-continue', () => this.idle?.keepAlive());
    document.addEventListener('bilim:language', () => this.updateTitle());
    window.addEventListener('hashchange', () => this.route());
    setProblemHandler((error) => this.handleProblem(error));
    this.begin();
  }

  async begin() {
    if (!hasBearerSession()) {
      // Not opened by a launch (a bookmark, a reload of the launch's answer): there is no session to use.
      this.showEnded(k('lecturer.noSession.heading'), k('lecturer.noSession.detail'));
      return;
    }
    let me;
    try {
      me = await api.get('/api/staff/session', { intercept: false });
    } catch (error) {
      if (SESSION_ENDED.has(error.code)) {
        this.endSession();
        this.showEnded(k('lecturer.ended.heading'), k('lecturer.ended.detail'));
      } else {
        this.showFailure(error);
      }
      return;
    }
    this.signedIn(me);
  }

  signedIn(me) {
    this.me = me;
    setLanguage(me.language);
    render(this.sessionBar, html`${this.courseId && !this.deepLinking ? html`<nav class="console-nav"
        data-i18n-aria-label="lecturer.nav.label" aria-label="${t('lecturer.nav.label')}">
        <ul>${NAV.map((n) => html`<li><a href="${n.href}" data-nav="${n.id}" data-i18n="${n.label}">${t(n.label)}</a></li>`)}</ul>
      </nav>` : ''}<div class="who">
      <p><span class="visually-hidden" data-i18n="console.signedInAs">${t('console.signedInAs')}</span>
        <strong data-me-name>${me.fullName}</strong></p>
    </div>`);
    this.sessionBar.hidden = false;
    this.startIdle();
    if (this.deepLinking) {
      const picker = document.createElement('deep-linking-picker');
      picker.reference = this.deepLinking;
      this.show(picker, k('dl.heading'));
    } else if (this.courseId) {
      this.current = null;
      this.route();
    } else {
      this.showNoCourse();
    }
    announce(t('console.signedIn', { name: me.fullName }));
  }

  /** Shows the view the address names (the course by default); a change of query only updates a view that can. */
  route() {
    if (!this.me || !this.courseId || this.deepLinking) {
      return;
    }
    const raw = (location.hash || '').replace(/^#/, '');
    const [path, queryString] = raw.split('?');
    let match = null;
    let route = null;
    for (const r of ROUTES) {
      match = r.path.exec(path || '');
      if (match) {
        route = r;
        break;
      }
    }
    if (!route) {
      route = ROUTES[0];
      match = [];
    }
    const params = Object.fromEntries(new URLSearchParams(queryString || ''));
    if (this.current && this.current.path === path && typeof this.current.view.update === 'function' && this.current.view.isConnected) {
      this.current.view.update(params);
      return;
    }
    const view = document.createElement(route.tag);
    if (route.tag === 'course-preview') {
      view.setAttribute('data-mode', 'lecturer');
    }
    // The course itself (read or edited) is the linked one; a grading view names its object in the address.
    const whole = route.tag === 'course-preview' || route.tag === 'course-editor';
    view.context = {
      me: this.me,
      id: whole ? this.courseId : (match[1] ? Number(match[1]) : null),
      courseId: this.courseId,
      params,
      navigate: (p, q) => this.navigate(p, q),
    };
    this.current = { path, view };
    for (const a of this.sessionBar.querySelectorAll('[data-nav]')) {
      if (a.getAttribute('data-nav') === route.nav) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    }
    this.show(view, route.tag === 'course-preview' ? k('preview.title') : view.constructor.titleKey || k('lecturer.workspace.name'));
  }

  navigate(path, params = {}) {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== '') {
        q.set(key, String(value));
      }
    }
    const target = `#${path}${q.toString() ? `?${q}` : ''}`;
    if (location.hash === target) {
      this.route();
    } else {
      location.hash = target;
    }
  }

  handleProblem(error) {
    if (!SESSION_ENDED.has(error.code)) {
      return false;
    }
    // Requests on their way when the session ended (a keep-alive and a language choice) each
    // hear of it; the first one says so, the others have nothing to add.
    if (this.me) {
      this.endSession();
      this.showEnded(k('lecturer.ended.heading'), k('lecturer.ended.detail'));
    }
    return true;
  }

  startIdle() {
    this.idle?.stop();
    const timeout = Math.max(60, Number(this.me.idleTimeoutSeconds) || 1800);
    const keepAlive = throttle(() => {
      api.get('/api/staff/session').catch(() => {
        // An ended session is handled by the page-wide handler; a network blip is retried next time.
      });
    }, KEEPALIVE_MS);
    this.idle = new IdleTimer({
      timeoutSeconds: timeout,
      warningSeconds: Math.min(Number(this.me.idleWarningSeconds) || 60, Math.floor(timeout / 4)),
      onActivity: (answered) => keepAlive(answered === true),
      onWarning: (seconds) => this.warning.show(seconds, false),
      onTick: (seconds) => this.warning.update(seconds),
      onTimeout: () => {
        // Ended on the server now, not when its own idle limit comes: whoever sits down at this
        // screen next finds no session, and the token is worth nothing if it leaked.
        api.delete('/api/staff/session', { intercept: false }).catch(() => {
          // Already ended, or the network is down: the server's own idle limit ends it.
        });
        this.endSession();
        this.showEnded(k('lecturer.ended.heading'), k('lecturer.ended.idle'));
      },
    });
    this.idle.start();
  }

  /** Forgets the session and everything shown with it. */
  endSession() {
    forgetBearerSession();
    this.me = null;
    this.current = null;
    this.idle?.stop();
    this.idle = null;
    this.warning.close();
    this.sessionBar.hidden = true;
    this.sessionBar.textContent = '';
  }

  async changeLanguage(lang) {
    setLanguage(lang);
    announce(t('lang.changed'));
    if (this.me) {
      try {
        this.me = await api.put('/api/staff/session/language', { language: lang });
      } catch (error) {
        // An ended session is handled by the page-wide handler; otherwise the choice holds for this page.
        if (!error.handled) {
          announce(error.detail);
        }
      }
    }
  }

  showNoCourse() {
    const view = document.createElement('section');
    view.className = 'panel narrow lecturer-message';
    view.setAttribute('data-no-course', '');
    render(view, html`
      <h1 data-i18n="lecturer.noCourse.heading">${t('lecturer.noCourse.heading')}</h1>
      <p data-i18n="lecturer.noCourse.detail">${t('lecturer.noCourse.detail')}</p>
      <h2 data-i18n="lecturer.noCourse.nextSteps">${t('lecturer.noCourse.nextSteps')}</h2>
      <ul>
        <li data-i18n="lecturer.noCourse.ask">${t('lecturer.noCourse.ask')}</li>
        <li data-i18n="lecturer.noCourse.later">${t('lecturer.noCourse.later')}</li>
      </ul>`);
    this.show(view, k('lecturer.noCourse.heading'));
  }

  showEnded(headingKey, detailKey) {
    const view = document.createElement('section');
    view.className = 'panel narrow lecturer-message';
    view.setAttribute('data-session-ended', '');
    render(view, html`
      <h1 data-i18n="${headingKey}">${t(headingKey)}</h1>
      <p data-i18n="${detailKey}">${t(detailKey)}</p>
      <p data-i18n="lecturer.ended.noPassword">${t('lecturer.ended.noPassword')}</p>`);
    this.show(view, headingKey);
    announce(`${t(headingKey)}. ${t(detailKey)}`);
  }

  showFailure(error) {
    const view = document.createElement('section');
    view.className = 'panel narrow';
    render(view, html`<h1 data-i18n="console.failure.heading">${t('console.failure.heading')}</h1>${problemBox(error)}
      <p><button type="button" class="primary" data-retry data-i18n="common.retry">${t('common.retry')}</button></p>`);
    // Not a reload: the launch's answer cannot be asked for twice, and the session is in this page only.
    view.querySelector('[data-retry]').addEventListener('click', () => this.begin());
    this.show(view, k('console.failure.heading'));
  }

  show(view, titleKey) {
    this.main.replaceChildren(view);
    this.titleKey = titleKey;
    this.updateTitle();
    const heading = this.main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  updateTitle() {
    const parts = this.titleKey ? [t(this.titleKey)] : [];
    parts.push(t('lecturer.workspace.name'), t('app.name'));
    document.title = parts.join(' — ');
  }
}

/** Display settings kept in this browser; in an LMS frame storage may be refused, and then they last for the page. */
function storedDisplay() {
  try {
    const v = JSON.parse(localStorage.getItem(DISPLAY_KEY) || '{}');
    return { largeText: Boolean(v.largeText), highContrast: Boolean(v.highContrast), screenReader: false };
  } catch {
    return { largeText: false, highContrast: false, screenReader: false };
  }
}

function storeDisplay(value) {
  try {
    localStorage.setItem(DISPLAY_KEY, JSON.stringify(value));
  } catch {
    // Storage refused (a third-party frame): the choice holds for this page.
  }
}

customElements.define('lecturer-workspace', LecturerWorkspace);
