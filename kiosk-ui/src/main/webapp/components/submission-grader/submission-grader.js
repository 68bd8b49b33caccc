import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { SUBMISSION_STATE } from '../../lib/course-labels.js';
import { bindRetry, passbackSection, redrawPassback, watchPassback } from '../../lib/passback.js';

const CODE_FIELDS = { 'submission.score-out-of-range': 'score' };

/**
 * <submission-grader>: one submitted case study (`#/submissions/{id}`): who and what, each task's
 * prompt, rubric and the learner's answer, then the grade — a score up to the maximum and
 * feedback for the learner — and where the grade stands with the university gradebook, with
 * "Send again" for a failed delivery. The same in the officer console and the lecturer workspace
 * (where the learner is named as the lecturer may see them).
 */
class SubmissionGrader extends HTMLElement {
  static titleKey = k('grading.one.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="grading.one.title">${t('grading.one.title')}</h1>
      <p><a href="#/submissions" data-i18n="grading.back">${t('grading.back')}</a></p>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    bindRetry(this, async () => {
      await this.refreshPassback();
      this.watchPassback();
    });
    this.load();
  }

  disconnectedCallback() {
    this.watch?.stop();
  }

  async load() {
    const box = this.querySelector('[data-load]');
    try {
      this.submission = await api.get(`/api/staff/submissions/${this.context.id}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.draw();
  }

  draw() {
    const s = this.submission;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('grading.one.heading'));
    h1.setAttribute('data-i18n-args', args({ item: s.itemTitle, name: s.learnerName }));
    translate(h1);
    const max = { max: s.maxScore };
    render(this.querySelector('[data-load]'), html`
      <dl class="facts">
        <div><dt data-i18n="grading.col.learner">${t('grading.col.learner')}</dt><dd data-learner>${s.learnerName}${
          s.learnerName === s.learnerNumber ? '' : ` (${s.learnerNumber})`}</dd></div>
        <div><dt data-i18n="grading.col.course">${t('grading.col.course')}</dt><dd>${s.courseTitle}</dd></div>
        <div><dt data-i18n="grading.col.submitted">${t('grading.col.submitted')}</dt><dd><time datetime="${s.submittedAt}">${formatDate(s.submittedAt)}</time></dd></div>
        <div><dt data-i18n="grading.col.state">${t('grading.col.state')}</dt><dd data-state>${labelHtml(SUBMISSION_STATE, s.state)}</dd></div>
      </dl>
      <section aria-labelledby="grading-tasks-title">
        <h2 id="grading-tasks-title" data-i18n="case.tasks">${t('case.tasks')}</h2>
        ${(s.tasks || []).map((task, i) => {
          const n = { number: i + 1, max: task.maxScore };
          return html`<article class="panel" aria-labelledby="gt-${i}" data-task="${task.key}">
            <h3 id="gt-${i}" data-i18n="case.task" data-i18n-args="${args(n)}">${t('case.task', n)}</h3>
            <div class="course-html">${sanitised(task.promptHtml)}</div>
            ${task.rubricHtml ? html`<h4 data-i18n="case.rubric">${t('case.rubric')}</h4><div class="course-html">${sanitised(task.rubricHtml)}</div>` : ''}
            <h4 data-i18n="grading.answer">${t('grading.answer')}</h4>
            <p class="answer prewrap" data-answer>${task.answer || ''}</p>
          </article>`;
        })}
      </section>
      <section class="panel" aria-labelledby="grade-title">
        <h2 id="grade-title" data-i18n="grading.grade.heading">${t('grading.grade.heading')}</h2>
        <div class="problem-summary" id="grade-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="grade">
          ${textField({ id: 'grade-score', name: 'score', label: k('grading.score'), value: s.score ?? '', inputmode: 'decimal',
            required: true, maxlength: 10, hint: k('grading.score.hint') })}
          <div class="field" data-field="feedback">
            <label for="grade-feedback" data-i18n="grading.feedback">${t('grading.feedback')}</label>
            <p class="field-error" id="grade-feedback-error" hidden></p>
            <textarea id="grade-feedback" name="feedback" rows="6" maxlength="8000">${s.feedback || ''}</textarea>
          </div>
          <div class="actions"><button type="submit" class="primary" data-i18n="grading.save">${t('grading.save')}</button></div>
        </form>
        <div data-graded></div>
        <div data-passback-box>${passbackSection(s.passback, 'sg-passback')}</div>
      </section>`);
    // The hint names the maximum; it follows a language switch with its parameter.
    const hint = this.querySelector('#grade-score-hint');
    hint.setAttribute('data-i18n-args', args(max));
    translate(hint);
    const form = this.querySelector('form[data-form=grade]');
    form.addEventListener('submit', guard(form, () => this.grade(form)));
    this.watchPassback();
  }

  /** While a delivery is on its way, the state is asked for again now and then, so "sent" shows without a reload. */
  watchPassback() {
    this.watch?.stop();
    this.watch = watchPassback(() => this.submission.passback, () => this.refreshPassback());
  }

  async refreshPassback() {
    try {
      this.submission = await api.get(`/api/staff/submissions/${this.submission.id}`);
    } catch {
      return; // an ended session is handled page-wide; a network blip: the next look tries again
    }
    this.drawPassback();
  }

  drawPassback() {
    // The name follows too: once an officer confirmed the student, a lecturer sees the university's name for them.
    const s = this.submission;
    const learner = this.querySelector('[data-learner]');
    if (learner) {
      learner.textContent = s.learnerName === s.learnerNumber ? s.learnerName : `${s.learnerName} (${s.learnerNumber})`;
    }
    redrawPassback(this.querySelector('[data-passback-box]'), this.submission.passback, 'sg-passback');
  }

  async grade(form) {
    const summary = this.querySelector('#grade-problem');
    clearFormProblem(form, summary);
    const raw = form.elements.namedItem('score').value.trim().replace(',', '.');
    const body = { score: raw === '' ? null : Number(raw), feedback: form.elements.namedItem('feedback').value };
    if (raw !== '' && Number.isNaN(body.score)) {
      body.score = raw;
    }
    try {
      this.submission = await api.put(`/api/staff/submissions/${this.submission.id}/grade`, body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, CODE_FIELDS);
      }
      return;
    }
    render(this.querySelector('[data-state]'), labelHtml(SUBMISSION_STATE, this.submission.state));
    const done = { score: this.submission.score, max: this.submission.maxScore };
    const box = this.querySelector('[data-graded]');
    render(box, html`<div class="notice notice-success" role="status" data-graded-done>
      <p class="notice-title" data-i18n="grading.saved" data-i18n-args="${args(done)}">${t('grading.saved', done)}</p></div>`);
    announce(t('grading.saved', done));
    this.drawPassback();
    this.watchPassback();
  }
}

customElements.define('submission-grader', SubmissionGrader);
