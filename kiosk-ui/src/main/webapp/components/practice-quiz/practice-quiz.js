import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { guard, problemBox } from '../../lib/forms.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { OUTCOME } from '../../lib/course-labels.js';

/**
 * <practice-quiz>: a practice quiz on the kiosk. Each question is a fieldset named by its number
 * and prompt: radio buttons for single-choice and true/false, checkboxes for multiple-choice, a
 * text field for short answers and numbers (a decimal keypad), a text area for an essay. Submit
 * grades it at once: the score, each question's outcome in words and its feedback, with focus on
 * the result's heading; attempts used and allowed are shown, and "Try again" while attempts
 * remain. Properties `item`, `courseId`, `lang`.
 */
class PracticeQuiz extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    this.used = this.item.attemptsUsed || 0;
    this.allowed = this.item.attemptsAllowed || 0;
    const last = this.item.lastAttempt;
    if (last && !this.attemptsLeft()) {
      this.showResult(last, false);
    } else {
      this.showForm(last);
    }
  }

  attemptsLeft() {
    return this.allowed === 0 || this.used < this.allowed;
  }

  attemptsText() {
    const a = { used: this.used, allowed: this.allowed };
    return this.allowed === 0
      ? html`<p class="attempts" data-attempts data-i18n="quiz.attempts.unlimited" data-i18n-args="${args(a)}">${t('quiz.attempts.unlimited', a)}</p>`
      : html`<p class="attempts" data-attempts data-i18n="quiz.attempts" data-i18n-args="${args(a)}">${t('quiz.attempts', a)}</p>`;
  }

  showForm(last) {
    const item = this.item;
    const count = item.questions.length;
    render(this, html`
      ${item.introHtml ? html`<div class="course-html" lang="${this.lang}" data-intro>${sanitised(item.introHtml)}</div>` : ''}
      ${this.attemptsText()}
      ${last ? html`<p data-last-score data-i18n="quiz.lastScore" data-i18n-args="${args(scoreArgs(last))}">${
        t('quiz.lastScore', scoreArgs(last))}</p>` : ''}
      <form class="quiz-form" novalidate data-quiz-form>
        ${item.questions.map((q, i) => this.question(q, i, count))}
        <div data-quiz-problem></div>
        <div class="actions">
          <button type="submit" class="primary big" data-quiz-submit data-i18n="quiz.submit">${t('quiz.submit')}</button>
        </div>
      </form>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.submit(form)));
  }

  question(q, i, count) {
    const id = `q-${i}`;
    const head = { number: i + 1, count, points: number(q.points) };
    const choice = (type, value, inner, n) => html`<div class="choice">
      <input type="${type}" id="${id}-${n}" name="${q.key}" value="${value}">
      <label for="${id}-${n}">${inner}</label>
    </div>`;
    let answer;
    switch (q.type) {
      case 'single-choice':
        answer = q.choices.map((c, n) => choice('radio', c.key, html`<span lang="${this.lang}">${sanitised(c.html)}</span>`, n));
        break;
      case 'multiple-choice':
        answer = html`<p class="hint" data-i18n="quiz.pickAll">${t('quiz.pickAll')}</p>
          ${q.choices.map((c, n) => choice('checkbox', c.key, html`<span lang="${this.lang}">${sanitised(c.html)}</span>`, n))}`;
        break;
      case 'true-false':
        answer = [
          choice('radio', 'true', html`<span data-i18n="quiz.true">${t('quiz.true')}</span>`, 0),
          choice('radio', 'false', html`<span data-i18n="quiz.false">${t('quiz.false')}</span>`, 1),
        ];
        break;
      case 'short-answer':
      case 'numeric':
        answer = html`<div class="field">
          <label for="${id}-text" data-i18n="quiz.yourAnswer">${t('quiz.yourAnswer')}</label>
          ${q.type === 'numeric' ? html`<p class="hint" id="${id}-hint" data-i18n="quiz.numberHint">${t('quiz.numberHint')}</p>` : ''}
          <input type="text" id="${id}-text" name="${q.key}" autocomplete="off" maxlength="500"
            ${q.type === 'numeric' ? html`inputmode="decimal" aria-describedby="${id}-hint"` : html`lang="${this.lang}"`}>
        </div>`;
        break;
      case 'essay':
        answer = html`<div class="field">
          <label for="${id}-text" data-i18n="quiz.yourAnswer">${t('quiz.yourAnswer')}</label>
          <textarea id="${id}-text" name="${q.key}" rows="6" maxlength="20000" lang="${this.lang}"></textarea>
        </div>`;
        break;
      default:
        answer = html`<p data-i18n="quiz.unknownType">${t('quiz.unknownType')}</p>`;
    }
    return html`<fieldset class="question" data-question="${q.key}" data-type="${q.type}" aria-labelledby="${id}-head ${id}-prompt">
      <legend id="${id}-head" data-i18n="quiz.question" data-i18n-args="${args(head)}">${t('quiz.question', head)}</legend>
      <div class="course-html question-prompt" id="${id}-prompt" lang="${this.lang}">${sanitised(q.promptHtml)}</div>
      ${answer}
    </fieldset>`;
  }

  responses(form) {
    const out = {};
    for (const q of this.item.questions) {
      const controls = [...form.querySelectorAll(`[name="${CSS.escape(q.key)}"]`)];
      if (q.type === 'single-choice' || q.type === 'true-false' || q.type === 'multiple-choice') {
        out[q.key] = { choices: controls.filter((c) => c.checked).map((c) => c.value), text: null };
      } else {
        out[q.key] = { choices: [], text: controls[0] ? controls[0].value : '' };
      }
    }
    return out;
  }

  async submit(form) {
    const problem = this.querySelector('[data-quiz-problem]');
    problem.textContent = '';
    let attempt;
    try {
      attempt = await api.post(`/api/kiosk/courses/${this.courseId}/items/${encodeURIComponent(this.item.key)}/attempts`,
        this.responses(form));
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    this.used = attempt.attemptsUsed;
    this.allowed = attempt.attemptsAllowed;
    this.showResult(attempt, true);
  }

  showResult(attempt, fresh) {
    const byKey = new Map(this.item.questions.map((q, i) => [q.key, { q, i }]));
    const score = scoreArgs(attempt);
    render(this, html`<section class="quiz-result" aria-labelledby="quiz-result-title" data-quiz-result>
      <h2 id="quiz-result-title" tabindex="-1" data-result-heading data-i18n="quiz.result" data-i18n-args="${args(score)}">${t('quiz.result', score)}</h2>
      ${attempt.complete ? '' : html`<p data-i18n="quiz.needsGrading">${t('quiz.needsGrading')}</p>`}
      ${this.attemptsText()}
      <ol class="result-list">${(attempt.result?.questions || []).map((r) => {
        const found = byKey.get(r.key);
        const points = { awarded: number(r.awarded), points: number(r.points) };
        return html`<li class="result outcome-${r.outcome}" data-result="${r.key}" data-outcome="${r.outcome}">
          <h3 class="result-head"><span data-i18n="quiz.question.short" data-i18n-args="${args({ number: found ? found.i + 1 : '?' })}">${
            t('quiz.question.short', { number: found ? found.i + 1 : '?' })}</span>:
            <span class="outcome">${labelHtml(OUTCOME, r.outcome)}</span>
            <span class="points" data-i18n="quiz.points" data-i18n-args="${args(points)}">${t('quiz.points', points)}</span></h3>
          ${found ? html`<div class="course-html question-prompt" lang="${this.lang}">${sanitised(found.q.promptHtml)}</div>` : ''}
          ${r.feedbackHtml ? html`<div class="course-html feedback" lang="${this.lang}" data-feedback>${sanitised(r.feedbackHtml)}</div>` : ''}
          ${(r.choiceFeedbackHtml || []).filter(Boolean).map((f) => html`<div class="course-html feedback" lang="${this.lang}">${sanitised(f)}</div>`)}
        </li>`;
      })}</ol>
      ${this.attemptsLeft() ? html`<div class="actions">
        <button type="button" class="primary big" data-try-again data-i18n="quiz.tryAgain">${t('quiz.tryAgain')}</button></div>`
        : html`<p data-no-attempts data-i18n="quiz.noAttemptsLeft">${t('quiz.noAttemptsLeft')}</p>`}
    </section>`);
    this.querySelector('[data-try-again]')?.addEventListener('click', () => {
      this.showForm(attempt);
      const first = this.querySelector('fieldset.question input, fieldset.question textarea');
      first?.focus();
      announce(t('quiz.newAttempt'));
    });
    if (fresh) {
      this.querySelector('[data-result-heading]').focus();
    }
  }
}

/** Scores and points are decimals ("0.5" of a partly right answer): written as the learner's language writes them. */
function number(value) {
  return { number: value };
}

function scoreArgs(attempt) {
  return { score: number(attempt.score), max: number(attempt.maxScore) };
}

customElements.define('practice-quiz', PracticeQuiz);
