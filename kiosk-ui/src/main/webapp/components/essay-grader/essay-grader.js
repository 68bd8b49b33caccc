import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { bindRetry, passbackSection, redrawPassback, watchPassback } from '../../lib/passback.js';
import { essayState } from '../essay-list/essay-list.js';

const CODE_FIELDS = { 'submission.score-out-of-range': 'score' };

/**
 * <essay-grader>: one quiz attempt's essay answers (`#/essays/{id}`): each essay's prompt,
 * guidance and the learner's answer (as text, never markup), with a score up to its points and
 * feedback. Each grade carries the attempt's revision: when someone else graded meanwhile the
 * server refuses (409), and the page loads the attempt again and says so. Once no essay waits, the
 * attempt counts and its grade goes to the university, shown as on every grading screen.
 */
class EssayGrader extends HTMLElement {
  static titleKey = k('essays.one.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="essays.one.title">${t('essays.one.title')}</h1>
      <p><a href="#/essays" data-i18n="essays.back">${t('essays.back')}</a></p>
      <div data-reloaded></div>
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
      this.attempt = await api.get(`/api/staff/quiz-attempts/${this.context.id}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return false;
    }
    box.removeAttribute('aria-busy');
    this.draw();
    return true;
  }

  draw() {
    const a = this.attempt;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('grading.one.heading'));
    h1.setAttribute('data-i18n-args', args({ item: a.itemTitle, name: a.learnerName }));
    translate(h1);
    render(this.querySelector('[data-load]'), html`
      <dl class="facts">
        <div><dt data-i18n="grading.col.learner">${t('grading.col.learner')}</dt><dd data-learner>${a.learnerName}${
          a.learnerName === a.learnerNumber ? '' : ` (${a.learnerNumber})`}</dd></div>
        <div><dt data-i18n="grading.col.course">${t('grading.col.course')}</dt><dd>${a.courseTitle}</dd></div>
        <div><dt data-i18n="essays.col.attempt">${t('essays.col.attempt')}</dt><dd>${a.number}</dd></div>
        <div><dt data-i18n="grading.col.submitted">${t('grading.col.submitted')}</dt><dd><time datetime="${a.submittedAt}">${formatDate(a.submittedAt)}</time></dd></div>
        <div><dt data-i18n="grading.col.state">${t('grading.col.state')}</dt><dd data-attempt-state="${a.complete ? 'complete' : 'waiting'}">${essayState(a)}</dd></div>
        <div><dt data-i18n="essays.score">${t('essays.score')}</dt><dd data-attempt-score>${this.scoreText()}</dd></div>
      </dl>
      <section aria-labelledby="essays-list-title">
        <h2 id="essays-list-title" data-i18n="essays.answers">${t('essays.answers')}</h2>
        ${a.essays.map((e, i) => this.essayHtml(e, i))}
      </section>
      <div class="panel" data-passback-box>${passbackSection(a.passback, 'eg-passback', 2)}</div>`);
    a.essays.forEach((e, i) => {
      const hint = this.querySelector(`#eg-${i}-score-hint`);
      hint.setAttribute('data-i18n-args', args({ max: e.points }));
      translate(hint);
      const form = this.querySelector(`form[data-essay="${CSS.escape(e.key)}"]`);
      form.addEventListener('submit', guard(form, () => this.grade(form, e.key, i)));
    });
    this.watchPassback();
  }

  scoreText() {
    const a = this.attempt;
    const s = { score: a.score ?? 0, max: a.maxScore };
    return html`<span data-i18n="essays.scoreOf" data-i18n-args="${args(s)}">${t('essays.scoreOf', s)}</span>`;
  }

  essayHtml(e, i) {
    const n = { number: i + 1, points: e.points };
    return html`<article class="panel" aria-labelledby="eg-${i}" data-essay-key="${e.key}">
      <h3 id="eg-${i}" data-i18n="essays.essay" data-i18n-args="${args(n)}">${t('essays.essay', n)}</h3>
      <div class="course-html">${sanitised(e.promptHtml)}</div>
      ${e.guidanceHtml ? html`<h4 data-i18n="essays.guidance">${t('essays.guidance')}</h4><div class="course-html">${sanitised(e.guidanceHtml)}</div>` : ''}
      <h4 data-i18n="grading.answer">${t('grading.answer')}</h4>
      <p class="answer prewrap" data-answer>${e.answer || ''}</p>
      <div class="problem-summary" id="eg-${i}-problem" tabindex="-1" hidden></div>
      <form class="stack" novalidate data-essay="${e.key}" aria-labelledby="eg-${i}">
        ${textField({ id: `eg-${i}-score`, name: 'score', label: k('grading.score'), value: e.awarded ?? '', inputmode: 'decimal',
          required: true, maxlength: 10, hint: k('grading.score.hint') })}
        <div class="field" data-field="feedback">
          <label for="eg-${i}-feedback" data-i18n="grading.feedback">${t('grading.feedback')}</label>
          <p class="field-error" id="eg-${i}-feedback-error" hidden></p>
          <textarea id="eg-${i}-feedback" name="feedback" rows="4" maxlength="8000">${e.feedback || ''}</textarea>
        </div>
        <div class="actions"><button type="submit" class="primary" data-i18n="essays.save">${t('essays.save')}</button></div>
        <div data-essay-done>${e.graded ? this.gradedNote(e, false) : ''}</div>
      </form>
    </article>`;
  }

  gradedNote(e, live) {
    const done = { score: e.awarded, max: e.points };
    return html`<p class="notice ${live ? 'notice-success' : 'notice-info'}" ${live ? html`role="status"` : ''} data-essay-graded
      data-i18n="grading.saved" data-i18n-args="${args(done)}">${t('grading.saved', done)}</p>`;
  }

  async grade(form, key, i) {
    const summary = this.querySelector(`#eg-${i}-problem`);
    clearFormProblem(form, summary);
    render(this.querySelector('[data-reloaded]'), '');
    const raw = form.elements.namedItem('score').value.trim().replace(',', '.');
    const body = { score: raw === '' ? null : Number(raw), feedback: form.elements.namedItem('feedback').value,
      revision: this.attempt.revision };
    if (raw !== '' && Number.isNaN(body.score)) {
      body.score = raw;
    }
    try {
      this.attempt = await api.put(`/api/staff/quiz-attempts/${this.attempt.id}/essays/${encodeURIComponent(key)}`, body);
    } catch (error) {
      if (error.handled) {
        return;
      }
      if (error.status === 409) {
        await this.reloadAfterConflict(error);
      } else {
        showFormProblem(form, summary, error, CODE_FIELDS);
      }
      return;
    }
    const essay = this.attempt.essays.find((e) => e.key === key);
    render(form.querySelector('[data-essay-done]'), this.gradedNote(essay, true));
    const state = this.querySelector('[data-attempt-state]');
    state.setAttribute('data-attempt-state', this.attempt.complete ? 'complete' : 'waiting');
    render(state, essayState(this.attempt));
    render(this.querySelector('[data-attempt-score]'), this.scoreText());
    redrawPassback(this.querySelector('[data-passback-box]'), this.attempt.passback, 'eg-passback', 2);
    this.watchPassback();
    announce(t('grading.saved', { score: essay.awarded, max: essay.points }));
  }

  /** Someone graded this attempt meanwhile: their grades are shown, and the grader is told to look before grading again. */
  async reloadAfterConflict(error) {
    if (!(await this.load())) {
      return;
    }
    const box = this.querySelector('[data-reloaded]');
    render(box, html`<div class="notice notice-info" role="alert" tabindex="-1" data-concurrent-change>
      <p class="notice-title">${error.title}</p>
      <p data-i18n="essays.reloaded">${t('essays.reloaded')}</p></div>`);
    box.firstElementChild.focus();
  }

  watchPassback() {
    this.watch?.stop();
    this.watch = watchPassback(() => this.attempt.passback, () => this.refreshPassback());
  }

  async refreshPassback() {
    let fresh;
    try {
      fresh = await api.get(`/api/staff/quiz-attempts/${this.attempt.id}`);
    } catch {
      return; // an ended session is handled page-wide; a network blip: the next look tries again
    }
    // Only the passback: the revision stays the one the grader's forms were shown with.
    this.attempt = { ...this.attempt, passback: fresh.passback };
    redrawPassback(this.querySelector('[data-passback-box]'), this.attempt.passback, 'eg-passback', 2);
  }
}

customElements.define('essay-grader', EssayGrader);
