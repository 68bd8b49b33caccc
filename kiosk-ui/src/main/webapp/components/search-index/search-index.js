import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';

/** While a rebuild runs, its progress is asked for this often. */
const POLL_MS = 1000;

const STATE = {
  STARTING: k('index.state.STARTING'),
  READY: k('index.state.READY'),
  REBUILDING: k('index.state.REBUILDING'),
  FAILED: k('index.state.FAILED'),
};

const REASON = {
  STARTUP_MISSING: k('index.reason.STARTUP_MISSING'),
  STARTUP_CORRUPT: k('index.reason.STARTUP_CORRUPT'),
  ADMIN: k('index.reason.ADMIN'),
};

/**
 * <search-index>: the administrator's view of this server's search index (`#/search-index`):
 * its state, why it was last built, the progress of a rebuild as a bar and in words ("courses
 * indexed: n of m"), when it started and finished, how many courses failed, and a button that
 * rebuilds it from the database after a confirmation. While a rebuild runs (started here, at
 * start-up or by another administrator) the panel asks every second and says when it is over.
 */
class SearchIndex extends HTMLElement {
  static titleKey = k('index.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="index.heading">${t('index.heading')}</h1>
      <p data-i18n="index.intro">${t('index.intro')}</p>
      <div data-index aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>
      <p><button type="button" class="primary" data-rebuild data-i18n="index.rebuild">${t('index.rebuild')}</button></p>
      <div data-rebuild-result></div>`);
    this.querySelector('[data-rebuild]').addEventListener('click', () => this.rebuild());
    this.refresh();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    this.stopped = true;
  }

  async refresh() {
    let status;
    try {
      status = await api.get('/api/staff/search-index');
    } catch (error) {
      this.failed(error);
      return;
    }
    this.show(status);
  }

  async rebuild() {
    const yes = await confirmAction({
      title: t('index.confirm.title'),
      body: t('index.confirm.body'),
      confirm: t('index.confirm.yes'),
    });
    if (!yes) {
      return;
    }
    const button = this.querySelector('[data-rebuild]');
    button.disabled = true;
    render(this.querySelector('[data-rebuild-result]'), '');
    let status;
    try {
      status = await api.post('/api/staff/search-index/rebuild', {});
    } catch (error) {
      button.disabled = false;
      this.failed(error);
      return;
    }
    announce(t('index.announce.started'));
    this.watching = true;
    this.show(status);
  }

  failed(error) {
    const box = this.querySelector('[data-index]');
    box.removeAttribute('aria-busy');
    if (!error.handled) {
      render(this.querySelector('[data-rebuild-result]'), problemBox(error));
    }
  }

  show(s) {
    if (this.stopped) {
      return;
    }
    const box = this.querySelector('[data-index]');
    box.removeAttribute('aria-busy');
    const counts = { done: s.coursesDone, total: s.coursesTotal };
    const running = s.state === 'REBUILDING';
    render(box, html`<dl class="facts" data-index-state="${s.state}">
        <div><dt data-i18n="index.state">${t('index.state')}</dt><dd data-state>${labelHtml(STATE, s.state)}</dd></div>
        <div><dt data-i18n="index.reason">${t('index.reason')}</dt><dd data-reason="${s.reason || ''}">${s.reason
          ? labelHtml(REASON, s.reason) : html`<span data-i18n="index.reason.none">${t('index.reason.none')}</span>`}</dd></div>
        <div><dt data-i18n="index.startedAt">${t('index.startedAt')}</dt><dd>${moment(s.startedAt)}</dd></div>
        <div><dt data-i18n="index.finishedAt">${t('index.finishedAt')}</dt><dd data-finished>${moment(s.finishedAt)}</dd></div>
        <div><dt data-i18n="index.failed">${t('index.failed')}</dt><dd data-failed>${s.coursesFailed}</dd></div>
        <div><dt data-i18n="index.passages">${t('index.passages')}</dt><dd data-passages>${s.passages}</dd></div>
      </dl>
      <div class="index-progress">
        <label for="index-progress" data-progress-text data-i18n="index.progress" data-i18n-args="${args(counts)}">${t('index.progress', counts)}</label>
        <progress id="index-progress" max="${Math.max(1, s.coursesTotal)}" value="${Math.min(s.coursesDone, Math.max(1, s.coursesTotal))}"></progress>
      </div>`);
    this.querySelector('[data-rebuild]').disabled = running;
    clearTimeout(this.timer);
    if (running) {
      this.watching = true;
      this.timer = setTimeout(() => this.refresh(), POLL_MS);
    } else if (this.watching) {
      this.watching = false;
      this.finished(s);
    }
  }

  /** A rebuild this panel watched is over: said on screen and to a screen reader. */
  finished(s) {
    const params = { done: s.coursesDone, total: s.coursesTotal, failed: s.coursesFailed };
    const key = s.state === 'READY' ? k('index.done') : k('index.done.failed');
    render(this.querySelector('[data-rebuild-result]'), html`<div class="notice ${s.state === 'READY' ? 'notice-success' : 'notice-info'}"
        data-rebuild-done="${s.state}">
      <p class="notice-title" data-i18n="${key}" data-i18n-args="${args(params)}">${t(key, params)}</p></div>`);
    announce(t(key, params));
  }
}

function moment(iso) {
  return iso ? html`<time datetime="${iso}">${formatDate(iso)}</time>`
    : html`<span data-i18n="index.never">${t('index.never')}</span>`;
}

customElements.define('search-index', SearchIndex);
