import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { SUBMISSION_STATE } from '../../lib/course-labels.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import '../pdf-viewer/pdf-viewer.js';
import '../media-player/media-player.js';

/** A draft is saved this long after the learner stops typing. */
const SAVE_DELAY_MS = 1000;

/**
 * <case-study>: a case study on the kiosk: the scenario, its attachments (opened here, in the PDF
 * viewer or the player), and one answer per task in a labelled text area. Drafts are saved as
 * the learner types (a second after they pause), one request at a time, each with the revision
 * the last save returned; "saving…" and "saved" are said in a polite live region. If the answers
 * changed elsewhere (409), the learner is told and the saved answers are loaded again. Submitting
 * asks first; afterwards the answers are read-only, with when they were submitted and, once
 * graded, the score and feedback. Properties `item`, `courseId`, `lang`.
 */
class CaseStudy extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    this.pending = new Map();
    this.queue = Promise.resolve();
    this.revision = this.item.submission ? this.item.submission.revision : null;
    this.draw();
  }

  get base() {
    return `/api/kiosk/courses/${this.courseId}/items/${encodeURIComponent(this.item.key)}`;
  }

  draw() {
    const item = this.item;
    const s = item.submission;
    const editable = !s || s.state === 'DRAFT';
    render(this, html`
      <section aria-labelledby="scenario-title">
        <h2 id="scenario-title" data-i18n="case.scenario">${t('case.scenario')}</h2>
        <div class="course-html" lang="${this.lang}" data-scenario>${sanitised(item.scenarioHtml)}</div>
      </section>
      ${item.attachments?.length ? html`<section aria-labelledby="attachments-title">
        <h2 id="attachments-title" data-i18n="case.attachments">${t('case.attachments')}</h2>
        <ul class="attachment-list">${item.attachments.map((a, i) => html`<li>
          <button type="button" class="secondary" aria-expanded="false" aria-controls="attachment-view"
            data-attachment="${i}"><span><span data-i18n="case.attachment.open">${t('case.attachment.open')}</span> <span>${a.name}</span></span></button>
        </li>`)}</ul>
        <div id="attachment-view" class="attachment-view" data-attachment-view hidden></div>
      </section>` : ''}
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title" data-i18n="case.tasks">${t('case.tasks')}</h2>
        <div data-case-notice></div>
        ${editable ? this.draftForm() : this.submitted()}
      </section>`);
    for (const b of this.querySelectorAll('[data-attachment]')) {
      b.addEventListener('click', () => this.toggleAttachment(b));
    }
    if (editable) {
      for (const area of this.querySelectorAll('textarea[data-task]')) {
        area.addEventListener('input', () => this.typed(area.getAttribute('data-task')));
      }
      this.querySelector('[data-submit]').addEventListener('click', () => this.submit());
    }
  }

  taskHeading(task, i) {
    const n = { number: i + 1, max: task.maxScore };
    return html`<h3 id="task-${i}-title" data-i18n="case.task" data-i18n-args="${args(n)}">${t('case.task', n)}</h3>
      <div class="course-html task-prompt" id="task-${i}-prompt" lang="${this.lang}">${sanitised(task.promptHtml)}</div>
      ${task.rubricHtml ? html`<details class="rubric"><summary data-i18n="case.rubric">${t('case.rubric')}</summary>
        <div class="course-html" lang="${this.lang}">${sanitised(task.rubricHtml)}</div></details>` : ''}`;
  }

  draftForm() {
    const answers = this.item.submission?.answers || {};
    const saved = this.item.submission?.savedAt;
    return html`<p data-i18n="case.autosave">${t('case.autosave')}</p>
      <div class="case-tasks">${this.item.tasks.map((task, i) => html`<div class="task" data-task-key="${task.key}">
        ${this.taskHeading(task, i)}
        <div class="field">
          <label for="answer-${i}"><span data-i18n="case.answer" data-i18n-args="${args({ number: i + 1 })}">${t('case.answer', { number: i + 1 })}</span></label>
          <textarea id="answer-${i}" data-task="${task.key}" rows="8" maxlength="20000" spellcheck="true"
            lang="${this.lang}" aria-describedby="task-${i}-prompt">${answers[task.key] || ''}</textarea>
        </div>
      </div>`)}</div>
      <p class="status-line" aria-live="polite" data-save-status>${saved ? this.savedText(saved) : ''}</p>
      <div data-save-problem></div>
      <div class="actions">
        <button type="button" class="primary big" data-submit data-i18n="case.submit">${t('case.submit')}</button>
      </div>`;
  }

  savedText(at) {
    return html`<span data-i18n="case.saved" data-i18n-args="${args({ time: { date: at } })}">${t('case.saved', { time: { date: at } })}</span>`;
  }

  submitted() {
    const s = this.item.submission;
    const graded = s.state === 'GRADED';
    return html`<dl class="facts" data-submission-state="${s.state}">
        <div><dt data-i18n="case.state">${t('case.state')}</dt><dd>${labelHtml(SUBMISSION_STATE, s.state)}</dd></div>
        <div><dt data-i18n="case.submittedAt">${t('case.submittedAt')}</dt>
          <dd><time datetime="${s.submittedAt}">${formatDate(s.submittedAt)}</time></dd></div>
        ${graded ? html`<div><dt data-i18n="case.score">${t('case.score')}</dt>
          <dd data-score data-i18n="case.scoreValue" data-i18n-args="${args({ score: s.score, max: s.maxScore })}">${t('case.scoreValue', { score: s.score, max: s.maxScore })}</dd></div>` : ''}
      </dl>
      ${graded && s.feedback ? html`<section class="feedback" aria-labelledby="feedback-title">
        <h3 id="feedback-title" data-i18n="case.feedback">${t('case.feedback')}</h3>
        <p class="prewrap" data-feedback>${s.feedback}</p></section>` : ''}
      ${graded ? '' : html`<p data-i18n="case.awaitingGrade">${t('case.awaitingGrade')}</p>`}
      <div class="case-tasks">${this.item.tasks.map((task, i) => html`<div class="task" data-task-key="${task.key}">
        ${this.taskHeading(task, i)}
        <h4 data-i18n="case.yourAnswer">${t('case.yourAnswer')}</h4>
        <p class="answer prewrap" lang="${this.lang}" data-answer="${task.key}">${(s.answers || {})[task.key] || ''}</p>
      </div>`)}</div>`;
  }

  toggleAttachment(button) {
    const view = this.querySelector('[data-attachment-view]');
    const open = button.getAttribute('aria-expanded') === 'true';
    for (const b of this.querySelectorAll('[data-attachment]')) {
      b.setAttribute('aria-expanded', 'false');
    }
    if (open) {
      view.hidden = true;
      view.replaceChildren();
      return;
    }
    const a = this.item.attachments[Number(button.getAttribute('data-attachment'))];
    button.setAttribute('aria-expanded', 'true');
    let viewer;
    if ((a.mediaType || '').startsWith('video/') || (a.mediaType || '').startsWith('audio/')) {
      viewer = document.createElement('media-player');
    } else {
      viewer = document.createElement('pdf-viewer');
    }
    viewer.file = a;
    viewer.lang = this.lang;
    view.replaceChildren(viewer);
    view.hidden = false;
  }

  typed(taskKey) {
    this.setStatus(html`<span data-i18n="case.unsaved">${t('case.unsaved')}</span>`, 'unsaved');
    clearTimeout(this.pending.get(taskKey));
    this.pending.set(taskKey, setTimeout(() => this.save(taskKey), SAVE_DELAY_MS));
  }

  /** Changes the live region only when the state changes, so a screen reader hears each state once, not each key. */
  setStatus(markup, state = null) {
    const status = this.querySelector('[data-save-status]');
    if (!status || (state && status.getAttribute('data-state') === state)) {
      return;
    }
    status.setAttribute('data-state', state || '');
    render(status, markup);
  }

  /** Saves one answer after those already on their way; resolves when it is saved (or refused). */
  save(taskKey) {
    clearTimeout(this.pending.get(taskKey));
    this.pending.delete(taskKey);
    this.queue = this.queue.then(() => this.send(taskKey));
    return this.queue;
  }

  async send(taskKey) {
    const area = this.querySelector(`textarea[data-task="${taskKey}"]`);
    if (!area || this.conflict) {
      return;
    }
    this.setStatus(html`<span data-i18n="case.saving">${t('case.saving')}</span>`, 'saving');
    const problem = this.querySelector('[data-save-problem]');
    try {
      const s = await api.put(`${this.base}/submission/tasks/${encodeURIComponent(taskKey)}`, { text: area.value, revision: this.revision });
      this.revision = s.revision;
      this.item.submission = s;
      problem.textContent = '';
      this.setStatus(this.savedText(s.savedAt || new Date().toISOString()));
    } catch (error) {
      if (error.handled) {
        return;
      }
      if (error.status === 409 && error.code !== 'submission.already-submitted') {
        await this.changedElsewhere(error);
        return;
      }
      this.setStatus(html`<span data-i18n="case.notSaved">${t('case.notSaved')}</span>`, 'failed');
      render(problem, problemBox(error));
    }
  }

  /** Saves whatever is still waiting for its second of quiet. */
  flush() {
    const waiting = [...this.pending.keys()];
    return Promise.all(waiting.map((key) => this.save(key))).then(() => this.queue);
  }

  async changedElsewhere(error) {
    this.conflict = true;
    for (const timer of this.pending.values()) {
      clearTimeout(timer);
    }
    this.pending.clear();
    let fresh;
    try {
      fresh = await api.get(this.base);
    } catch {
      fresh = null;
    }
    this.conflict = false;
    if (fresh) {
      this.item = fresh;
      this.revision = fresh.submission ? fresh.submission.revision : null;
      this.draw();
    }
    const box = this.querySelector('[data-case-notice]');
    const notice = html`<div class="problem-box" role="alert" data-conflict>
      <p class="problem-title" data-i18n="case.conflict.title">${t('case.conflict.title')}</p>
      <p data-i18n="case.conflict.detail">${t('case.conflict.detail')}</p>
      ${error.detail ? html`<p>${error.detail}</p>` : ''}</div>`;
    render(box, notice);
  }

  async submit() {
    await this.flush();
    const ok = await confirmAction({
      title: t('case.confirm.title'),
      body: t('case.confirm.body'),
      confirm: t('case.confirm.yes'),
    });
    if (!ok) {
      return;
    }
    const problem = this.querySelector('[data-save-problem]');
    problem.textContent = '';
    let s;
    try {
      s = await api.post(`${this.base}/submission/submit`, { revision: this.revision });
    } catch (error) {
      if (!error.handled) {
        if (error.status === 409 && error.code === 'resource.concurrent-change') {
          await this.changedElsewhere(error);
        } else {
          render(problem, problemBox(error));
        }
      }
      return;
    }
    this.item.submission = s;
    this.draw();
    const heading = this.querySelector('#tasks-title');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    announce(t('case.submitted'));
  }

  leave() {
    return this.pending?.size ? this.flush() : Promise.resolve();
  }

  disconnectedCallback() {
    this.leave();
  }
}

customElements.define('case-study', CaseStudy);
