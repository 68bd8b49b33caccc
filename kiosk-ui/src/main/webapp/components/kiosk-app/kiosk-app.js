import { api, setProblemHandler } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { applyAccessibility, currentAccessibility, wantsSpokenDetail } from '../../lib/display.js';
import { problemBox } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { IdleTimer, throttle } from '../../lib/idle.js';
import { browserLanguage, isLanguage, k, loadCataloguesPatiently, setLanguage, t } from '../../lib/i18n.js';
import { forgetOutlines, itemHref } from '../../lib/kiosk-courses.js';
import { searchParams } from '../../lib/search.js';
import '../language-switch/language-switch.js';
import '../idle-warning/idle-warning.js';
import '../kiosk-enrol/kiosk-enrol.js';
import '../kiosk-signin/kiosk-signin.js';
import '../kiosk-home/kiosk-home.js';
import '../course-outline/course-outline.js';
import '../course-item/course-item.js';
import '../search-box/search-box.js';
import '../search-results/search-results.js';

const SESSION_ENDED = new Set(['session.required', 'session.expired']);
const KIOSK_REFUSED = new Set(['kiosk.locked', 'kiosk.address-not-allowed']);
/** The kiosk tells the server about activity at most this often (the server allows a minute of grace). */
const ACTIVITY_INTERVAL_MS = 20_000;
/** A refused kiosk (locked, wrong network) asks again this often, so an unlock shows without anyone touching it. */
const RECHECK_MS = 30_000;
/** The facility's language, remembered by the kiosk so that a refusal after a restart is told in it too. */
const FACILITY_LANGUAGE_KEY = 'bilim.kiosk.facilityLanguage';
/**
 * The learner's screens have addresses, so that a reload (or the browser's back) keeps the place.
 * What follows `?` is the screen's parameters: a search (`#/search?q=право&kind=page&page=1`),
 * or the moment a lecture starts at (`#/courses/12/items/lecture?t=8`).
 */
const ROUTES = [
  { path: /^\/courses\/(\d+)$/, state: 'outline', tag: 'course-outline' },
  { path: /^\/courses\/(\d+)\/items\/([A-Za-z0-9_-]{1,64})$/, state: 'item', tag: 'course-item' },
  { path: /^\/search$/, state: 'search', tag: 'search-results' },
];

/**
 * <kiosk-app>: the learner kiosk. It is a small state machine —
 * starting → not enrolled | refused (locked, wrong network) | sign-in → home ⇄ course ⇄ item ⇄
 * search → (idle) sign-in — driven by what the server answers. A signed-in learner's screens are
 * hash routes (`#/courses/12`, `#/courses/12/items/week-1`, `#/search?q=…`), forgotten at
 * sign-out. The kiosk shows the facility's language until a learner signs in, then the
 * learner's, with their accessibility preferences; on sign-out it returns to the facility's
 * language and default display, ready for the next person.
 *
 * While a learner is signed in, the header holds the search box (with suggestions), in this one
 * place for every learning screen. Attribute `exam-mode` (property `examMode`) is the one switch
 * a supervised exam turns on: it hides the search box and refuses the search screen (its address
 * leads home) until it is turned off again.
 */
class KioskApp extends HTMLElement {
  static get observedAttributes() {
    return ['exam-mode'];
  }

  get examMode() {
    return this.hasAttribute('exam-mode');
  }

  set examMode(on) {
    this.toggleAttribute('exam-mode', Boolean(on));
  }

  attributeChangedCallback() {
    if (!this.main) {
      return;
    }
    this.showSearch();
    if (this.examMode && this.state === 'search') {
      this.route();
    }
  }

  connectedCallback() {
    if (this.started) {
      return;
    }
    this.started = true;
    this.state = 'starting';
    this.start();
  }

  async start() {
    await loadCataloguesPatiently();
    setLanguage(rememberedFacilityLanguage() || browserLanguage() || 'ru');
    render(this, html`
      <header class="kiosk-header">
        <div class="kiosk-identity">
          <p class="brand" data-i18n="app.name">${t('app.name')}</p>
          <p class="kiosk-place" data-place></p>
        </div>
        <search-box class="kiosk-search" data-id="kiosk-search" data-endpoint="/api/kiosk/search/suggestions"
          data-label="${k('search.box.kiosk')}" hidden></search-box>
        <language-switch></language-switch>
      </header>
      <main id="main" class="kiosk-main" tabindex="-1"></main>
      <idle-warning></idle-warning>`);
    this.main = this.querySelector('main');
    this.warning = this.querySelector('idle-warning');
    this.searchBox = this.querySelector('search-box');
    this.addEventListener('search-submit', (e) => this.go(`#/search?${searchParams({ q: e.detail.q })}`));
    this.addEventListener('search-open', (e) => {
      const s = e.detail.suggestion;
      this.go(s.itemKey ? itemHref(s.courseId, s.itemKey) : `#/courses/${s.courseId}`);
    });
    this.addEventListener('language-change', (e) => this.changeLanguage(e.detail.language));
    this.addEventListener('kiosk-enrolled', (e) => this.enrolled(e.detail.device));
    this.addEventListener('learner-signed-in', (e) => this.signedIn(e.detail.session));
    this.addEventListener('learner-session-updated', (e) => this.sessionUpdated(e.detail.session));
    this.addEventListener('learner-sign-out', () => this.signOut());
    this.addEventListener('idle-continue', () => this.idle?.keepAlive());
    // A video playing is someone watching, though nobody touches the screen.
    this.addEventListener('learner-activity', () => this.idle?.activity());
    this.addEventListener('view-title', () => this.updateTitle());
    document.addEventListener('bilim:language', () => {
      this.describePlace();
      this.updateTitle();
    });
    setProblemHandler((error) => this.handleProblem(error));
    // An enrolment link opened in a kiosk that is already showing: enrol with the new code.
    window.addEventListener('hashchange', () => {
      const fresh = takeEnrolmentCode();
      if (fresh) {
        this.endLearner();
        this.showEnrol({ code: fresh, autoSubmit: true });
      } else if (this.session) {
        this.route();
      }
    });

    const code = takeEnrolmentCode();
    if (code) {
      this.showEnrol({ code, autoSubmit: true });
    } else {
      await this.checkDevice();
    }
  }

  /**
   * Problems any call can meet: the session or the kiosk itself is no longer accepted. The
   * server's explanation is in the language the learner was reading, and the screen stays in it.
   */
  handleProblem(error) {
    if (SESSION_ENDED.has(error.code)) {
      this.endLearner({ keepLanguage: true });
      this.showSignIn({ notice: error.problem });
      return true;
    }
    if (error.code === 'kiosk.unregistered') {
      this.endLearner({ keepLanguage: true });
      this.device = null;
      this.showEnrol({ problem: error.problem });
      return true;
    }
    if (KIOSK_REFUSED.has(error.code)) {
      this.endLearner({ keepLanguage: true });
      this.showRefused(error.problem);
      return true;
    }
    return false;
  }

  async checkDevice() {
    this.showLoading();
    try {
      this.device = await api.get('/api/kiosk/device', { intercept: false });
    } catch (error) {
      this.device = null;
      if (error.code === 'kiosk.unregistered') {
        this.showEnrol({});
      } else if (KIOSK_REFUSED.has(error.code)) {
        this.showRefused(error.problem);
      } else {
        this.showFailure(error);
      }
      return;
    }
    this.describePlace();
    rememberFacilityLanguage(this.device.facilityLanguage);
    if (!this.session) {
      setLanguage(this.chosenLanguage || this.device.facilityLanguage);
    }
    try {
      const session = await api.get('/api/kiosk/session', { intercept: false });
      this.signedIn(session, { restored: true });
    } catch (error) {
      if (SESSION_ENDED.has(error.code)) {
        this.showSignIn({ notice: error.code === 'session.expired' ? error.problem : null });
      } else if (!this.handleProblem(error)) {
        this.showFailure(error);
      }
    }
  }

  enrolled(device) {
    this.device = device;
    rememberFacilityLanguage(device.facilityLanguage);
    this.describePlace();
    setLanguage(device.facilityLanguage);
    this.showSignIn({ notice: { title: t('kiosk.enrolled.title'), detail: t('kiosk.enrolled.detail') }, kind: 'success' });
  }

  describePlace() {
    const place = this.querySelector('[data-place]');
    if (!place) {
      return;
    }
    place.textContent = this.device
      ? [this.device.facilityName, this.device.classroom, this.device.kioskName].filter(Boolean).join(' · ')
      : '';
  }

  signedIn(session, { restored = false } = {}) {
    this.session = session;
    this.chosenLanguage = null;
    setLanguage(session.learner.language);
    applyAccessibility(session.learner.accessibility);
    this.startIdle(session);
    this.showSearch();
    if (!restored) {
      // A new sign-in starts at home, whatever address the kiosk was left at.
      forgetLearnerAddress();
    }
    this.route();
    if (!restored) {
      announce(t('kiosk.home.signedIn', { name: session.learner.fullName }));
    }
  }

  /** The search box is for a signed-in learner, and never during an exam. */
  showSearch() {
    const shown = Boolean(this.session) && !this.examMode;
    if (!shown) {
      this.searchBox.close();
    }
    this.searchBox.hidden = !shown;
  }

  /** Goes to an address; the same address again (the same search once more) shows its screen afresh. */
  go(hash) {
    if (location.hash === hash) {
      this.route();
    } else {
      location.hash = hash;
    }
  }

  /** Shows the learner's screen the address names: home, a course's outline, one item, or a search. */
  route() {
    const [path, queryString] = (location.hash || '').replace(/^#/, '').split('?');
    const params = Object.fromEntries(new URLSearchParams(queryString || ''));
    for (const r of ROUTES) {
      const match = r.path.exec(path);
      if (match && !(r.tag === 'search-results' && this.examMode)) {
        this.setState(r.state, () => (r.tag === 'search-results' ? this.searchView(params) : this.courseView(r.tag, match, params)));
        return;
      }
    }
    if (path) {
      forgetLearnerAddress();
    }
    this.setState('home', () => {
      const home = document.createElement('kiosk-home');
      home.session = this.session;
      return home;
    });
  }

  courseView(tag, match, params) {
    const view = document.createElement(tag);
    view.courseId = Number(match[1]);
    view.itemKey = match[2] || null;
    view.params = params;
    return view;
  }

  /** The results screen: the way home, then the results; the header's box shows what was searched. */
  searchView(params) {
    this.searchBox.value = params.q ?? '';
    const view = document.createElement('div');
    view.className = 'course-screen';
    render(view, html`<p class="crumbs"><a href="#/" data-i18n="course.backHome">${t('course.backHome')}</a></p>`);
    const results = document.createElement('search-results');
    results.setAttribute('data-id', 'kiosk-results');
    results.endpoint = '/api/kiosk/search';
    results.params = { ...params, q: params.q ?? '' };
    results.address = (p) => `#/search?${searchParams(p)}`;
    results.hitHref = (hit) => {
      if (!hit.itemKey) {
        return `#/courses/${hit.courseId}`;
      }
      const at = hit.seconds === undefined || hit.seconds === null ? '' : `?t=${Math.floor(hit.seconds)}`;
      return `${itemHref(hit.courseId, hit.itemKey)}${at}`;
    };
    results.focusAfter = true;
    view.append(results);
    return view;
  }

  sessionUpdated(session) {
    this.session = session;
    setLanguage(session.learner.language);
    applyAccessibility(session.learner.accessibility);
    const home = this.main.querySelector('kiosk-home');
    if (home) {
      home.session = session;
    }
  }

  startIdle(session) {
    this.idle?.stop();
    const report = throttle(() => {
      api.post('/api/kiosk/session/activity').catch(() => {
        // A refused report is handled by the page-wide handler; a network blip is retried next time.
      });
    }, ACTIVITY_INTERVAL_MS);
    this.idle = new IdleTimer({
      timeoutSeconds: session.idleTimeoutSeconds,
      warningSeconds: session.idleWarningSeconds,
      onActivity: (answered) => report(answered === true),
      onWarning: (seconds) => this.warning.show(seconds, wantsSpokenDetail()),
      onTick: (seconds) => this.warning.update(seconds),
      onTimeout: () => this.idleOut(),
    });
    this.idle.start();
  }

  /** Signed out for inactivity: told so in the language the learner was using, since the message is for them. */
  async idleOut() {
    await this.leaveView();
    this.endLearner({ keepLanguage: true });
    try {
      await api.delete('/api/kiosk/session', { intercept: false });
    } catch {
      // The server ends idle sessions by itself as well.
    }
    this.showSignIn({ notice: { title: t('kiosk.idle.signedOut.title'), detail: t('kiosk.idle.signedOut.detail') } });
  }

  async signOut() {
    await this.leaveView();
    this.endLearner();
    try {
      await api.delete('/api/kiosk/session', { intercept: false });
    } catch {
      // Signing out always ends the session on the kiosk; the server's copy idles out if unreachable.
    }
    this.showSignIn({ notice: { title: t('kiosk.signedOut.title'), detail: t('kiosk.signedOut.detail') }, kind: 'success' });
  }

  /**
   * Forgets the learner on this kiosk: idle timer, dialog, display preferences and (unless the
   * screen that follows speaks to that learner) their language, which returns to the facility's.
   */
  endLearner({ keepLanguage = false } = {}) {
    forgetLearnerAddress();
    forgetOutlines();
    this.idle?.stop();
    this.idle = null;
    this.warning?.close();
    this.session = null;
    if (this.searchBox) {
      // The next person must not see what this one searched for.
      this.searchBox.value = '';
      this.showSearch();
    }
    applyAccessibility(null);
    if (this.device && !keepLanguage) {
      this.chosenLanguage = null;
      setLanguage(this.device.facilityLanguage);
    }
  }

  async changeLanguage(lang) {
    if (!this.session) {
      // Chosen before signing in: for this screen only; a learner's own language comes with their sign-in.
      this.chosenLanguage = lang;
      setLanguage(lang);
      announce(t('lang.changed'));
      if (this.state === 'refused') {
        // Ask again, so that the refusal is told in the chosen language.
        this.checkDevice();
      }
      return;
    }
    try {
      const session = await api.put('/api/kiosk/session/preferences', {
        language: lang,
        accessibility: this.session.learner.accessibility || currentAccessibility(),
      });
      this.sessionUpdated(session);
      announce(t('lang.changed'));
    } catch (error) {
      if (!error.handled) {
        announce(`${error.title}. ${error.detail}`);
      }
    }
  }

  /** Lets the screen on show finish what it owes the server (the last progress report) while the session lasts. */
  async leaveView() {
    const view = this.main?.firstElementChild;
    if (view && typeof view.leave === 'function') {
      await view.leave();
    }
  }

  setState(state, build) {
    this.state = state;
    clearTimeout(this.recheck);
    const old = this.main.firstElementChild;
    if (old && typeof old.leave === 'function') {
      old.leave();
    }
    const view = build();
    this.main.replaceChildren(view);
    const heading = this.main.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    this.updateTitle();
  }

  /** The page title names the screen (its heading) and the kiosk, in the current language. */
  updateTitle() {
    const heading = this.main?.querySelector('h1');
    const screen = heading ? heading.textContent.trim() : '';
    document.title = screen ? `${screen} — ${t('kiosk.title')}` : t('kiosk.title');
  }

  showLoading() {
    this.state = 'loading';
    render(this.main, html`<p class="kiosk-loading" role="status" data-i18n="common.loading">${t('common.loading')}</p>`);
  }

  showEnrol({ problem = null, code = null, autoSubmit = false }) {
    this.setState('enrol', () => {
      const view = document.createElement('kiosk-enrol');
      view.problem = problem;
      view.code = code;
      view.autoSubmit = autoSubmit;
      return view;
    });
  }

  showSignIn({ notice = null, kind = 'info' }) {
    this.setState('signin', () => {
      const view = document.createElement('kiosk-signin');
      view.notice = notice;
      view.noticeKind = kind;
      view.device = this.device;
      return view;
    });
    if (notice) {
      announce([notice.title, notice.detail].filter(Boolean).join('. '));
    }
  }

  showRefused(problem) {
    this.setState('refused', () => {
      const view = document.createElement('section');
      view.className = 'kiosk-card kiosk-refused';
      render(view, html`
        <h1 data-problem-code="${problem.code}">${problem.title}</h1>
        <p class="lead">${problem.detail}</p>
        <p data-i18n="kiosk.refused.help">${t('kiosk.refused.help')}</p>
        <button type="button" class="primary big" data-retry data-i18n="kiosk.refused.retry">${t('kiosk.refused.retry')}</button>`);
      view.querySelector('[data-retry]').addEventListener('click', () => this.checkDevice());
      return view;
    });
    this.recheck = setTimeout(() => this.recheckQuietly(), RECHECK_MS);
  }

  /** Asks the server again without touching the screen; only an accepted kiosk changes it. */
  async recheckQuietly() {
    if (this.state !== 'refused') {
      return;
    }
    try {
      await api.get('/api/kiosk/device', { intercept: false });
    } catch {
      this.recheck = setTimeout(() => this.recheckQuietly(), RECHECK_MS);
      return;
    }
    if (this.state === 'refused') {
      this.checkDevice();
    }
  }

  showFailure(error) {
    this.setState('failure', () => {
      const view = document.createElement('section');
      view.className = 'kiosk-card';
      render(view, html`
        <h1 data-i18n="kiosk.failure.heading">${t('kiosk.failure.heading')}</h1>
        ${problemBox(error)}
        <button type="button" class="primary big" data-retry data-i18n="kiosk.refused.retry">${t('kiosk.refused.retry')}</button>`);
      view.querySelector('[data-retry]').addEventListener('click', () => this.checkDevice());
      return view;
    });
  }
}

/** Reads `#enrol=CODE` from the address and removes it at once, so the code stays in no history entry. */
function takeEnrolmentCode() {
  const hash = location.hash || '';
  if (!hash.startsWith('#enrol=')) {
    return null;
  }
  history.replaceState(null, '', location.pathname + location.search);
  let code;
  try {
    code = decodeURIComponent(hash.slice('#enrol='.length));
  } catch {
    code = hash.slice('#enrol='.length);
  }
  return code.trim().slice(0, 32) || null;
}

/** Drops a learner's screen from the address, so the next person does not start where they were. */
function forgetLearnerAddress() {
  if (location.hash && !location.hash.startsWith('#enrol=')) {
    history.replaceState(null, '', location.pathname + location.search);
  }
}

function rememberedFacilityLanguage() {
  try {
    const lang = localStorage.getItem(FACILITY_LANGUAGE_KEY);
    return isLanguage(lang) ? lang : null;
  } catch {
    return null;
  }
}

function rememberFacilityLanguage(lang) {
  try {
    localStorage.setItem(FACILITY_LANGUAGE_KEY, lang);
  } catch {
    // A kiosk without storage falls back to the browser's language before it reaches the server.
  }
}

customElements.define('kiosk-app', KioskApp);
