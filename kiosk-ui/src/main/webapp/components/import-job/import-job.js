import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { LANGUAGE, label, labelHtml } from '../../lib/labels.js';
import { ENTRY_REASON, ENTRY_STATUS, IMPORT_STAGE, IMPORT_STATE, NOTE_CODE, REFUSAL } from '../../lib/course-labels.js';
import { lintTable, paramList } from '../../lib/course-report.js';

const POLL_MS = 1000;
const STATUS_ORDER = ['NOT_IMPORTED', 'CONVERTED', 'IMPORTED'];

/**
 * <import-job>: one course import (`#/imports/{id}`): while it runs, its stage and a progress bar
 * with "done of total", asked for every second; then the report — what each entry of the
 * cartridge became, grouped by status, with the reasons and notes in the officer's language, and
 * what the sanitiser removed or rewrote — or, for a refused archive, why, with its details.
 */
class ImportJob extends HTMLElement {
  static titleKey = k('import.job.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="import.job.heading">${t('import.job.heading')}</h1>
      <p><a href="#/imports" data-i18n="import.back">${t('import.back')}</a></p>
      <div data-job aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>
      <div class="visually-hidden" role="status" data-job-status></div>`);
    this.poll();
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
    this.stopped = true;
  }

  async poll() {
    const box = this.querySelector('[data-job]');
    let job;
    try {
      job = await api.get(`/api/staff/imports/${this.context.id}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    if (this.stopped) {
      return;
    }
    if (job.state === 'RUNNING') {
      this.showRunning(job);
      this.timer = setTimeout(() => this.poll(), POLL_MS);
      return;
    }
    box.removeAttribute('aria-busy');
    this.showFinished(job);
  }

  showRunning(job) {
    const box = this.querySelector('[data-job]');
    const counts = { done: job.done, total: job.total };
    const stage = labelHtml(IMPORT_STAGE, job.stage);
    if (!box.querySelector('[data-running]')) {
      render(box, html`<section class="panel" data-running aria-labelledby="import-running-title">
        <h2 id="import-running-title">${job.fileName}</h2>
        <p><span data-i18n="import.stage">${t('import.stage')}</span> <strong data-stage></strong></p>
        <label for="import-progress" data-counts></label>
        <progress id="import-progress" max="1" value="0"></progress>
      </section>`);
    }
    render(box.querySelector('[data-stage]'), stage);
    const counted = box.querySelector('[data-counts]');
    render(counted, job.total > 0
      ? html`<span data-i18n="import.counts" data-i18n-args="${args(counts)}">${t('import.counts', counts)}</span>`
      : html`<span data-i18n="import.counts.unknown">${t('import.counts.unknown')}</span>`);
    const bar = box.querySelector('progress');
    if (job.total > 0) {
      bar.max = job.total;
      bar.value = Math.min(job.done, job.total);
    } else {
      bar.removeAttribute('value');
    }
    if (job.stage !== this.lastStage) {
      this.lastStage = job.stage;
      this.querySelector('[data-job-status]').textContent = label(IMPORT_STAGE, job.stage);
    }
  }

  showFinished(job) {
    const box = this.querySelector('[data-job]');
    // The stage the job was at is over: left in the status line, a screen reader reading on past
    // the refusal or the report would still hear "checking the archive". The outcome speaks for
    // itself (the refusal is an alert, success is announced).
    this.querySelector('[data-job-status]').textContent = '';
    const done = html`<p class="job-state" data-job-state="${job.state}"><span data-i18n="import.col.state">${t('import.col.state')}</span>:
      <strong>${labelHtml(IMPORT_STATE, job.state)}</strong>
      ${job.finishedAt ? html` · <time datetime="${job.finishedAt}">${formatDate(job.finishedAt)}</time>` : ''}</p>`;
    if (job.state === 'SUCCEEDED') {
      // Only a finished import has a full bar: a refused or failed one did not get to the end.
      render(box, html`<section class="panel" aria-labelledby="import-done-title">
        <h2 id="import-done-title">${job.fileName}</h2>${done}
        <label for="import-progress" data-i18n="import.stage.DONE">${t('import.stage.DONE')}</label>
        <progress id="import-progress" max="1" value="1"></progress>
        ${job.courseId ? html`<p><a class="button primary" href="#/courses/${job.courseId}" data-vet-course
          data-i18n="import.vet">${t('import.vet')}</a></p>` : ''}
      </section>
      ${this.report(job.report || {})}`);
      announce(t('import.announce.done'));
    } else if (job.state === 'REFUSED') {
      const code = job.refusalCode;
      render(box, html`<section class="panel" aria-labelledby="import-done-title">
        <h2 id="import-done-title">${job.fileName}</h2>${done}
        <div class="problem-box" role="alert" data-refusal="${code}">
          <p class="problem-title" data-i18n="import.refused">${t('import.refused')}</p>
          <p>${labelHtml(REFUSAL, code)}</p>
          ${paramList(flatDetails(job.report))}
        </div>
      </section>`);
    } else {
      render(box, html`<section class="panel" aria-labelledby="import-done-title">
        <h2 id="import-done-title">${job.fileName}</h2>${done}
        <div class="problem-box" role="alert" data-import-failed>
          <p class="problem-title" data-i18n="import.failed">${t('import.failed')}</p>
          <p data-i18n="import.failed.detail">${t('import.failed.detail')}</p>
        </div>
      </section>`);
    }
  }

  report(r) {
    const entries = r.entries || [];
    const findings = r.findings || [];
    return html`<section aria-labelledby="report-title" data-report>
      <h2 id="report-title" data-i18n="import.report.heading">${t('import.report.heading')}</h2>
      <dl class="facts">
        <div><dt data-i18n="import.report.title">${t('import.report.title')}</dt><dd>${r.title || ''}</dd></div>
        <div><dt data-i18n="import.report.version">${t('import.report.version')}</dt><dd>${r.cartridgeVersion || ''}</dd></div>
        <div><dt data-i18n="import.field.language">${t('import.field.language')}</dt><dd>${r.language ? labelHtml(LANGUAGE, r.language)
          : html`<span data-i18n="import.report.languageUnknown">${t('import.report.languageUnknown')}</span>`}</dd></div>
      </dl>
      ${STATUS_ORDER.map((status) => {
        const group = entries.filter((e) => e.status === status);
        if (!group.length) {
          return '';
        }
        const id = `entries-${status}`;
        const count = { total: group.length };
        return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-caption" data-entries="${status}">
          <table class="data-table">
            <caption id="${id}-caption">${labelHtml(ENTRY_STATUS, status)}
              <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(count)}">${t('common.total', count)}</span></caption>
            <thead><tr>
              <th scope="col" data-i18n="import.entry.location">${t('import.entry.location')}</th>
              <th scope="col" data-i18n="import.entry.reason">${t('import.entry.reason')}</th>
              <th scope="col" data-i18n="import.entry.notes">${t('import.entry.notes')}</th>
            </tr></thead>
            <tbody>${group.map((e) => html`<tr data-entry="${e.identifier || ''}" data-reason="${e.reason}">
              <th scope="row">${e.location}</th>
              <td>${labelHtml(ENTRY_REASON, e.reason)}${paramList(e.params)}</td>
              <td>${(e.notes || []).length ? html`<ul class="notes">${e.notes.map((n) => html`<li data-note="${n.code}">
                ${labelHtml(NOTE_CODE, n.code)}${paramList(n.params)}</li>`)}</ul>` : ''}</td>
            </tr>`)}</tbody>
          </table>
        </div>`;
      })}
      <h3 data-i18n="import.report.findings">${t('import.report.findings')}</h3>
      ${findings.length ? lintTable(findings, 'import-lint')
        : html`<p data-no-findings data-i18n="lint.none">${t('lint.none')}</p>`}
    </section>`;
  }
}

/** A refusal's details as flat name/value pairs, whatever their shape. */
function flatDetails(details) {
  if (!details || typeof details !== 'object') {
    return {};
  }
  const out = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return out;
}

customElements.define('import-job', ImportJob);
