import { api, setProblemHandler } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { applyAccessibility } from '../../lib/display.js';
import { problemBox } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { IdleTimer, throttle } from '../../lib/idle.js';
import { browserLanguage, isLanguage, k, loadCataloguesPatiently, setLanguage, t } from '../../lib/i18n.js';
import '../language-switch/language-switch.js';
import '../a11y-settings/a11y-settings.js';
import '../idle-warning/idle-warning.js';
import '../staff-signin/staff-signin.js';

const SESSION_ENDED = new Set(['session.required', 'session.expired']);
const LANGUAGE_KEY = 'bilim.staff.language';
const DISPLAY_KEY = 'bilim.staff.display';
/** A staff session is kept alive on the server at most this often while the person works. */
const KEEPALIVE_MS = 30_000;

/**
 * The two consoles. Routes are hash routes (`#/learners?q=...`), so the browser's back button
 * and bookmarks work and the server serves one page per console. Each route names the custom
 * element of its view; the page's main module imports the views it uses.
 */
const CONSOLES = {
  officer: {
    role: 'OFFICER',
    name: k('officer.console.name'),
    home: '/learners',
    other: { href: '/admin/', role: 'ADMIN', label: k('console.wrongRole.toAdmin') },
    nav: [
      { id: 'learners', href: '#/learners', label: k('nav.learners') },
      { id: 'courses', href: '#/courses', label: k('nav.courses') },
      { id: 'search', href: '#/search', label: k('nav.search') },
      { id: 'enrolments', href: '#/enrolments', label: k('nav.enrolments') },
      { id: 'grading', href: '#/submissions', label: k('nav.grading') },
      { id: 'grade-deliveries', href: '#/grade-deliveries', label: k('nav.gradeDeliveries') },
      { id: 'lms-courses', href: '#/lms-courses', label: k('nav.lmsCourses') },
      { id: 'kiosks', href: '#/kiosks', label: k('nav.kiosks') },
      { id: 'audit', href: '#/audit', label: k('nav.audit') },
    ],
    routes: [
      { path: /^\/learners$/, tag: 'learner-list', nav: 'learners' },
      { path: /^\/learners\/new$/, tag: 'learner-editor', nav: 'learners' },
      { path: /^\/learners\/(\d+)$/, tag: 'learner-editor', nav: 'learners' },
      { path: /^\/courses$/, tag: 'course-list', nav: 'courses' },
      { path: /^\/courses\/(\d+)$/, tag: 'course-preview', nav: 'courses' },
      { path: /^\/search$/, tag: 'course-search', nav: 'search' },
      { path: /^\/imports$/, tag: 'course-import', nav: 'courses' },
      { path: /^\/imports\/(\d+)$/, tag: 'import-job', nav: 'courses' },
      { path: /^\/enrolments$/, tag: 'course-enrolment', nav: 'enrolments' },
      { path: /^\/submissions$/, tag: 'submission-list', nav: 'grading' },
      { path: /^\/submissions\/(\d+)$/, tag: 'submission-grader', nav: 'grading' },
      { path: /^\/essays$/, tag: 'essay-list', nav: 'grading' },
      { path: /^\/essays\/(\d+)$/, tag: 'essay-grader', nav: 'grading' },
      { path: /^\/grade-deliveries$/, tag: 'grade-deliveries', nav: 'grade-deliveries' },
      { path: /^\/lms-courses$/, tag: 'lms-courses', nav: 'lms-courses' },
      { path: /^\/lms-courses\/roster$/, tag: 'lms-roster', nav: 'lms-courses' },
      { path: /^\/kiosks$/, tag: 'kiosk-list', nav: 'kiosks' },
      { path: /^\/audit$/, tag: 'audit-log', nav: 'audit' },
    ],
  },
  admin: {
    role: 'ADMIN',
    name: k('admin.console.name'),
    home: '/facilities',
    other: { href: '/officer/', role: 'OFFICER', label: k('console.wrongRole.toOfficer') },
    nav: [
      { id: 'facilities', href: '#/facilities', label: k('nav.facilities') },
      { id: 'accounts', href: '#/accounts', label: k('nav.accounts') },
      { id: 'search-index', href: '#/search-index', label: k('nav.searchIndex') },
      { id: 'lti', href: '#/lti', label: k('nav.lti') },
      { id: 'audit', href: '#/audit', label: k('nav.audit') },
    ],
    routes: [
      { path: /^\/facilities$/, tag: 'facility-list', nav: 'facilities' },
      { path: /^\/facilities\/(\d+)$/, tag: 'facility-editor', nav: 'facilities' },
      { path: /^\/accounts$/, tag: 'staff-accounts', nav: 'accounts' },
      { path: /^\/accounts\/(\d+)$/, tag: 'staff-account-editor', nav: 'accounts' },
      { path: /^\/search-index$/, tag: 'search-index', nav: 'search-index' },
      { path: /^\/lti$/, tag: 'lti-connections', nav: 'lti' },
      { path: /^\/lti\/(\d+)$/, tag: 'lti-registration', nav: 'lti' },
      { path: /^\/audit$/, tag: 'audit-log', nav: 'audit' },
    ],
  },
};

/**
 * <staff-console data-console="officer|admin">: staff sign-in, then the console: header with
 * navigation, who is signed in and sign-out; the current view in <main>; display settings in the
 * footer. Moves focus to the view's heading on navigation; ends the session after the staff idle
 * time (with a warning first), and goes back to sign-in whenever the server says the session ended.
 *
 * Views get `context` = {me, id, params, navigate(path, params)} before they are attached, render
 * their <h1> at once, may have `static titleKey` (document title) and `update(params)` (called
 * instead of a re-creation when only the query of the same route changes, e.g. a search).
 */
class StaffConsole extends HTMLElement {
  connectedCallback() {
    if (this.started) {
      return;
    }
    this.started = true;
    this.config = CONSOLES[this.getAttribute('data-console')] || CONSOLES.officer;
    this.start();
  }

  async start() {
    await loadCataloguesPatiently();
    setLanguage(preferredLanguage() || browserLanguage() || 'ru');
    const display = storedDisplay();
    applyAccessibility(display);
    render(this, html`
      <a class="skip-link" href="#main" data-skip data-i18n="console.skip">${t('console.skip')}</a>
      <header class="console-header">
        <div class="console-bar">
          <p class="brand"><span data-i18n="app.name">${t('app.name')}</span>
            <span class="console-name" data-i18n="${this.config.name}">${t(this.config.name)}</span></p>
          <language-switch></language-switch>
        </div>
        <div class="session-bar" data-session-bar hidden></div>
      </header>
      <main id="main" class="console-main" tabindex="-1"></main>
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
      localStorage.setItem(DISPLAY_KEY, JSON.stringify(e.detail.value));
    });
    this.addEventListener('staff-signed-in', (e) => this.signedIn(e.detail.me, false));
    this.addEventListener('idle-continue', () => this.idle?.keepAlive());
    this.sessionBar.addEventListener('click', (e) => {
      if (e.target.closest('[data-sign-out]')) {
        this.signOut();
      }
    });
    window.addEventListener('hashchange', () => this.route());
    document.addEventListener('bilim:language', () => this.updateTitle());
    setProblemHandler((error) => this.handleProblem(error));

    try {
      const me = await api.get('/api/staff/session', { intercept: false });
      this.signedIn(me, true);
    } catch (error) {
      if (SESSION_ENDED.has(error.code)) {
        this.showSignIn(null);
      } else {
        this.showFailure(error);
      }
    }
  }

  handleProblem(error) {
    if (SESSION_ENDED.has(error.code) && this.me) {
      this.endStaff();
      this.showSignIn(error.problem);
      return true;
    }
    return false;
  }

  signedIn(me, restored) {
    this.me = me;
    // The account's language, kept on the server: the same in every tab and browser.
    setLanguage(me.language);
    if (me.role !== this.config.role) {
      this.showWrongRole();
      return;
    }
    this.renderSessionBar();
    this.startIdle();
    this.current = null;
    this.route();
    if (!restored) {
      announce(t('console.signedIn', { name: me.fullName }));
    }
  }

  renderSessionBar() {
    const me = this.me;
    render(this.sessionBar, html`
      <nav class="console-nav" data-i18n-aria-label="nav.label" aria-label="${t('nav.label')}">
        <ul>${this.config.nav.map((n) => html`<li><a href="${n.href}" data-nav="${n.id}" data-i18n="${n.label}">${t(n.label)}</a></li>`)}</ul>
      </nav>
      <div class="who">
        <p><span class="visually-hidden" data-i18n="console.signedInAs">${t('console.signedInAs')}</span>
          <strong data-me-name>${me.fullName}</strong>${me.facility ? html` · <span>${me.facility.name}</span>` : ''}</p>
        <button type="button" class="secondary" data-sign-out data-i18n="console.signOut">${t('console.signOut')}</button>
      </div>`);
    this.sessionBar.hidden = false;
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
      onTimeout: () => this.idleOut(),
    });
    this.idle.start();
  }

  async idleOut() {
    this.endStaff();
    try {
      await api.delete('/api/staff/session', { intercept: false });
    } catch {
      // The server ends idle sessions by itself as well.
    }
    this.showSignIn({ title: t('console.idle.title'), detail: t('console.idle.detail') });
  }

  async signOut() {
    this.endStaff();
    try {
      await api.delete('/api/staff/session', { intercept: false });
    } catch {
      // The cookie is cleared by the server; if it is unreachable the session idles out there.
    }
    this.showSignIn({ title: t('console.signedOut.title'), detail: t('console.signedOut.detail') }, 'success');
  }

  endStaff() {
    this.me = null;
    this.idle?.stop();
    this.idle = null;
    this.warning.close();
    this.current = null;
    this.sessionBar.hidden = true;
    this.sessionBar.textContent = '';
    for (const dialog of document.querySelectorAll('confirm-dialog')) {
      dialog.remove();
    }
  }

  async changeLanguage(lang) {
    setLanguage(lang);
    localStorage.setItem(LANGUAGE_KEY, lang);
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

  showSignIn(notice, kind = 'info') {
    this.current = null;
    const view = document.createElement('staff-signin');
    view.notice = notice;
    view.noticeKind = kind;
    this.main.replaceChildren(view);
    this.titleKey = k('staff.signin.heading');
    this.updateTitle();
    this.focusHeading();
    if (notice) {
      announce([notice.title, notice.detail].filter(Boolean).join('. '));
    }
  }

  showWrongRole() {
    const other = this.config.other;
    const view = document.createElement('section');
    view.className = 'panel narrow';
    render(view, html`
      <h1 data-i18n="console.wrongRole.heading">${t('console.wrongRole.heading')}</h1>
      <p data-i18n="${this.config.role === 'OFFICER' ? k('console.wrongRole.officerOnly') : k('console.wrongRole.adminOnly')}">${
        t(this.config.role === 'OFFICER' ? 'console.wrongRole.officerOnly' : 'console.wrongRole.adminOnly')}</p>
      <p><a class="button primary" href="${other.href}" data-i18n="${other.label}">${t(other.label)}</a></p>
      <p><button type="button" class="secondary" data-wrong-sign-out data-i18n="console.signOut">${t('console.signOut')}</button></p>`);
    view.querySelector('[data-wrong-sign-out]').addEventListener('click', () => this.signOut());
    this.main.replaceChildren(view);
    this.titleKey = k('console.wrongRole.heading');
    this.updateTitle();
    this.focusHeading();
  }

  showFailure(error) {
    const view = document.createElement('section');
    view.className = 'panel narrow';
    render(view, html`<h1 data-i18n="console.failure.heading">${t('console.failure.heading')}</h1>${problemBox(error)}
      <p><button type="button" class="primary" data-reload data-i18n="common.retry">${t('common.retry')}</button></p>`);
    view.querySelector('[data-reload]').addEventListener('click', () => location.reload());
    this.main.replaceChildren(view);
  }

  /** Navigates to `path` (e.g. `/learners/12`) with optional query parameters. */
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

  route() {
    if (!this.me || this.me.role !== this.config.role) {
      return;
    }
    const raw = (location.hash || '').replace(/^#/, '');
    const [path, queryString] = raw.split('?');
    let match = null;
    let route = null;
    for (const r of this.config.routes) {
      match = r.path.exec(path || '');
      if (match) {
        route = r;
        break;
      }
    }
    if (!route) {
      history.replaceState(null, '', `#${this.config.home}`);
      this.route();
      return;
    }
    const params = Object.fromEntries(new URLSearchParams(queryString || ''));
    const id = match[1] ? Number(match[1]) : null;
    if (this.current && this.current.path === path && typeof this.current.view.update === 'function'
      && this.current.view.isConnected) {
      this.current.view.update(params);
      return;
    }
    const view = document.createElement(route.tag);
    view.context = { me: this.me, id, params, navigate: (p, q) => this.navigate(p, q) };
    this.current = { path, view };
    this.main.replaceChildren(view);
    for (const a of this.sessionBar.querySelectorAll('[data-nav]')) {
      if (a.getAttribute('data-nav') === route.nav) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    }
    this.titleKey = view.constructor.titleKey || this.config.name;
    this.updateTitle();
    this.focusHeading();
  }

  focusHeading() {
    const heading = this.main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  updateTitle() {
    const parts = [];
    if (this.titleKey && this.titleKey !== this.config.name) {
      parts.push(t(this.titleKey));
    }
    parts.push(t(this.config.name), t('app.name'));
    document.title = parts.join(' — ');
  }
}

/** The language for the sign-in page: the one last chosen in this browser. */
function preferredLanguage() {
  const lang = localStorage.getItem(LANGUAGE_KEY);
  return isLanguage(lang) ? lang : null;
}

function storedDisplay() {
  try {
    const v = JSON.parse(localStorage.getItem(DISPLAY_KEY) || '{}');
    return { largeText: Boolean(v.largeText), highContrast: Boolean(v.highContrast), screenReader: false };
  } catch {
    return { largeText: false, highContrast: false, screenReader: false };
  }
}

customElements.define('staff-console', StaffConsole);
