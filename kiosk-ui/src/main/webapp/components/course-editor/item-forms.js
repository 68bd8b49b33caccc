import { ApiError } from '../../lib/api.js';
import { args, html } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { QUESTION_TYPE } from '../../lib/course-labels.js';

/**
 * The case-study and quiz forms of <course-editor>: markup for their lists (tasks, questions,
 * choices), reading what was typed back into plain objects, and the checks made before sending.
 * What the forms do not show (attachments, a choice's own feedback, an essay's right/wrong
 * feedback, which learners never see) is sent back as it was.
 * Field wrappers carry `data-field` = the path the API uses (`tasks[0].maxScore`,
 * `questions[1].choices`), so forms.js puts a problem next to its field.
 */

export const QUESTION_TYPES = ['single-choice', 'multiple-choice', 'true-false', 'numeric', 'short-answer', 'essay'];

const CHOICE_TYPES = new Set(['single-choice', 'multiple-choice']);

/** A field whose label has parameters (“Choice 2”); the same markup as lib/fields.js. */
function field(o) {
  const hint = o.hint ? `${o.id}-hint` : '';
  const control = o.rows
    ? html`<textarea id="${o.id}" name="${o.name}" rows="${o.rows}" spellcheck="false"
        ${hint ? html`aria-describedby="${hint}" data-describedby="${hint}"` : ''}>${o.value ?? ''}</textarea>`
    : html`<input id="${o.id}" name="${o.name}" type="text" value="${o.value ?? ''}" autocomplete="off"
        ${o.inputmode ? html`inputmode="${o.inputmode}"` : ''}
        ${hint ? html`aria-describedby="${hint}" data-describedby="${hint}"` : ''}>`;
  return html`<div class="field ${o.rows ? 'html-field' : ''}" data-field="${o.name}">
    <label for="${o.id}" data-i18n="${o.label}">${t(o.label)}</label>
    ${o.hint ? html`<p class="hint" id="${hint}" data-i18n="${o.hint}">${t(o.hint)}</p>` : ''}
    <p class="field-error" id="${o.id}-error" hidden></p>
    ${control}
  </div>`;
}

/** A button that acts on one entry of a list; the entry's name follows for whoever hears it alone. */
function entryButton(key, action, index, name, disabled = false, extra = '') {
  return html`<button type="button" class="secondary small" data-entry-action="${action}" data-index="${index}" ${extra}
    ${disabled ? 'disabled' : ''}><span data-i18n="${key}">${t(key)}</span><span class="visually-hidden">: ${name}</span></button>`;
}

function moveButtons(index, count, name) {
  return html`${entryButton(k('editor.moveUp'), 'up', index, name, index === 0)}
    ${entryButton(k('editor.moveDown'), 'down', index, name, index === count - 1)}`;
}

/** Whole case study form: title, scenario, and the tasks. */
export function caseFields(item) {
  return html`
    ${field({ id: 'ce-case-title', name: 'title', label: k('editor.item.title'), value: item.title })}
    ${field({ id: 'ce-case-scenario', name: 'scenarioHtml', label: k('editor.case.scenario'), hint: k('editor.html.hint'), rows: 8, value: item.scenarioHtml })}
    <fieldset class="field group" data-field="tasks">
      <legend data-i18n="editor.case.tasks">${t('editor.case.tasks')}</legend>
      <p class="field-error" id="ce-tasks-error" hidden></p>
      <div data-entries>${taskEntries(item.tasks)}</div>
      <button type="button" class="secondary" data-add-entry data-i18n="editor.case.task.add">${t('editor.case.task.add')}</button>
    </fieldset>`;
}

export function taskEntries(tasks) {
  return tasks.map((task, i) => {
    const name = t('editor.case.task', { number: i + 1 });
    return html`<fieldset class="editor-entry" data-entry="${i}">
      <legend id="ce-t${i}-legend" tabindex="-1" data-i18n="editor.case.task" data-i18n-args="${args({ number: i + 1 })}">${name}</legend>
      ${field({ id: `ce-t${i}-prompt`, name: `tasks[${i}].promptHtml`, label: k('editor.case.task.prompt'), rows: 4, value: task.promptHtml })}
      ${field({ id: `ce-t${i}-rubric`, name: `tasks[${i}].rubricHtml`, label: k('editor.case.task.rubric'), rows: 3, value: task.rubricHtml })}
      ${field({ id: `ce-t${i}-maxScore`, name: `tasks[${i}].maxScore`, label: k('editor.case.task.maxScore'), inputmode: 'decimal', value: task.maxScore })}
      <div class="editor-actions">
        ${moveButtons(i, tasks.length, name)}
        ${entryButton(k('editor.case.task.remove'), 'remove', i, name, tasks.length === 1)}
      </div>
    </fieldset>`;
  });
}

export function readTasks(form, tasks) {
  return tasks.map((task, i) => ({
    ...task,
    promptHtml: form.querySelector(`#ce-t${i}-prompt`).value,
    rubricHtml: form.querySelector(`#ce-t${i}-rubric`).value,
    maxScore: form.querySelector(`#ce-t${i}-maxScore`).value,
  }));
}

/** Whole quiz form: title, introduction, attempts, and the questions. */
export function quizFields(item) {
  return html`
    ${field({ id: 'ce-quiz-title', name: 'title', label: k('editor.item.title'), value: item.title })}
    ${field({ id: 'ce-quiz-intro', name: 'introHtml', label: k('editor.quiz.intro'), hint: k('editor.html.hint'), rows: 5, value: item.introHtml })}
    ${field({ id: 'ce-quiz-attempts', name: 'attemptsAllowed', label: k('editor.quiz.attempts'), hint: k('editor.quiz.attempts.hint'),
    inputmode: 'numeric', value: item.attemptsAllowed })}
    <fieldset class="field group" data-field="questions">
      <legend data-i18n="editor.quiz.questions">${t('editor.quiz.questions')}</legend>
      <p class="field-error" id="ce-questions-error" hidden></p>
      <div data-entries>${questionEntries(item.questions)}</div>
      <div class="field" data-field="newType">
        <label for="ce-new-type" data-i18n="editor.quiz.question.type">${t('editor.quiz.question.type')}</label>
        <select id="ce-new-type" name="newType">
          ${QUESTION_TYPES.map((type) => html`<option value="${type}" data-i18n="${QUESTION_TYPE[type]}">${t(QUESTION_TYPE[type])}</option>`)}
        </select>
      </div>
      <button type="button" class="secondary" data-add-entry data-i18n="editor.quiz.question.add">${t('editor.quiz.question.add')}</button>
    </fieldset>`;
}

export function questionEntries(questions) {
  return questions.map((q, i) => {
    const name = t('editor.quiz.question', { number: i + 1, type: t(QUESTION_TYPE[q.type]) });
    const p = `questions[${i}]`;
    return html`<fieldset class="editor-entry" data-entry="${i}" data-type="${q.type}">
      <legend id="ce-q${i}-legend" tabindex="-1">${name}</legend>
      ${field({ id: `ce-q${i}-prompt`, name: `${p}.promptHtml`, label: k('editor.quiz.question.prompt'), rows: 3, value: q.promptHtml })}
      ${field({ id: `ce-q${i}-points`, name: `${p}.points`, label: k('editor.quiz.question.points'), inputmode: 'decimal', value: q.points })}
      ${typeFields(q, i, p)}
      ${q.type === 'essay' ? '' : html`
        ${field({ id: `ce-q${i}-right`, name: `${p}.correctFeedbackHtml`, label: k('editor.quiz.feedback.correct'), rows: 2, value: q.correctFeedbackHtml })}
        ${field({ id: `ce-q${i}-wrong`, name: `${p}.incorrectFeedbackHtml`, label: k('editor.quiz.feedback.incorrect'), rows: 2, value: q.incorrectFeedbackHtml })}`}
      <div class="editor-actions">
        ${moveButtons(i, questions.length, name)}
        ${entryButton(k('editor.quiz.question.remove'), 'remove', i, name)}
      </div>
    </fieldset>`;
  });
}

function typeFields(q, i, p) {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-choice': {
      const single = q.type === 'single-choice';
      return html`<fieldset class="field group" data-field="${p}.choices">
        <legend data-i18n="${single ? k('editor.quiz.choices.one') : k('editor.quiz.choices.several')}">${
          t(single ? k('editor.quiz.choices.one') : k('editor.quiz.choices.several'))}</legend>
        <p class="field-error" id="ce-q${i}-choices-error" hidden></p>
        ${q.choices.map((c, j) => {
          const label = t('editor.quiz.choice', { number: j + 1 });
          return html`<div class="editor-choice">
            <div class="field" data-field="${p}.choices[${j}].html">
              <label for="ce-q${i}-c${j}-html" data-i18n="editor.quiz.choice" data-i18n-args="${args({ number: j + 1 })}">${label}</label>
              <p class="field-error" id="ce-q${i}-c${j}-html-error" hidden></p>
              <input id="ce-q${i}-c${j}-html" type="text" autocomplete="off" value="${c.html}">
            </div>
            <div class="field checkbox">
              <input id="ce-q${i}-c${j}-correct" type="${single ? 'radio' : 'checkbox'}" name="q${i}-correct" value="${j}" ${c.correct ? 'checked' : ''}>
              <label for="ce-q${i}-c${j}-correct"><span data-i18n="editor.quiz.choice.correct">${t('editor.quiz.choice.correct')}</span><span
                class="visually-hidden">: ${label}</span></label>
            </div>
            ${entryButton(k('editor.quiz.choice.remove'), 'remove-choice', i, label, q.choices.length <= 2, html`data-choice="${j}"`)}
          </div>`;
        })}
        ${entryButton(k('editor.quiz.choice.add'), 'add-choice', i, t('editor.quiz.question', { number: i + 1, type: t(QUESTION_TYPE[q.type]) }))}
      </fieldset>`;
    }
    case 'true-false':
      return html`<fieldset class="field group" data-field="${p}.answer">
        <legend data-i18n="editor.quiz.answer">${t('editor.quiz.answer')}</legend>
        <div class="field checkbox"><input id="ce-q${i}-true" type="radio" name="q${i}-answer" value="true" ${q.answer ? 'checked' : ''}>
          <label for="ce-q${i}-true" data-i18n="editor.quiz.answer.true">${t('editor.quiz.answer.true')}</label></div>
        <div class="field checkbox"><input id="ce-q${i}-false" type="radio" name="q${i}-answer" value="false" ${q.answer ? '' : 'checked'}>
          <label for="ce-q${i}-false" data-i18n="editor.quiz.answer.false">${t('editor.quiz.answer.false')}</label></div>
      </fieldset>`;
    case 'numeric':
      return html`${field({ id: `ce-q${i}-value`, name: `${p}.value`, label: k('editor.quiz.numeric.value'), inputmode: 'decimal', value: q.value })}
        ${field({ id: `ce-q${i}-tolerance`, name: `${p}.tolerance`, label: k('editor.quiz.numeric.tolerance'), hint: k('editor.quiz.numeric.tolerance.hint'),
    inputmode: 'decimal', value: q.tolerance })}`;
    case 'short-answer':
      return html`${field({ id: `ce-q${i}-accepted`, name: `${p}.acceptedAnswers`, label: k('editor.quiz.accepted'), hint: k('editor.quiz.accepted.hint'),
        rows: 3, value: q.acceptedAnswers })}
        <div class="field checkbox"><input id="ce-q${i}-case" type="checkbox" ${q.caseSensitive ? 'checked' : ''}>
          <label for="ce-q${i}-case" data-i18n="editor.quiz.caseSensitive">${t('editor.quiz.caseSensitive')}</label></div>`;
    default:
      return field({ id: `ce-q${i}-guidance`, name: `${p}.guidanceHtml`, label: k('editor.quiz.guidance'), rows: 3, value: q.guidanceHtml });
  }
}

/** A question as the form holds it: numbers and answers as typed. */
export function formQuestion(q) {
  return {
    ...q,
    points: q.points ?? '1',
    choices: (q.choices || []).map((c) => ({ ...c })),
    value: q.value ?? '',
    tolerance: q.tolerance ?? '0',
    acceptedAnswers: (q.acceptedAnswers || []).join('\n'),
    answer: q.answer ?? true,
  };
}

export function newQuestion(type) {
  const q = { type, promptHtml: '', points: '1', guidanceHtml: '', correctFeedbackHtml: '', incorrectFeedbackHtml: '' };
  if (CHOICE_TYPES.has(type)) {
    q.choices = [{ html: '', correct: true }, { html: '', correct: false }];
  }
  return formQuestion(q);
}

export function readQuestions(form, questions) {
  return questions.map((q, i) => {
    const value = (id) => form.querySelector(`#ce-q${i}-${id}`)?.value;
    const next = { ...q, promptHtml: value('prompt'), points: value('points') };
    if (q.type !== 'essay') {
      next.correctFeedbackHtml = value('right');
      next.incorrectFeedbackHtml = value('wrong');
    }
    if (CHOICE_TYPES.has(q.type)) {
      next.choices = q.choices.map((c, j) => ({ ...c, html: value(`c${j}-html`), correct: form.querySelector(`#ce-q${i}-c${j}-correct`).checked }));
    } else if (q.type === 'true-false') {
      next.answer = form.querySelector(`#ce-q${i}-true`).checked;
    } else if (q.type === 'numeric') {
      next.value = value('value');
      next.tolerance = value('tolerance');
    } else if (q.type === 'short-answer') {
      next.acceptedAnswers = value('accepted');
      next.caseSensitive = form.querySelector(`#ce-q${i}-case`).checked;
    } else {
      next.guidanceHtml = value('guidance');
    }
    return next;
  });
}

/** A number as a person types it: a decimal comma is accepted (ru, kk); null when it is not a number. */
function number(text) {
  const s = String(text ?? '').trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Collects what is wrong before sending; each problem names its field's path. */
class Problems {
  constructor() {
    this.errors = [];
  }

  add(field, key) {
    this.errors.push({ field, code: 'editor.value-invalid', message: t(key) });
  }

  positive(field, text) {
    const n = number(text);
    if (n === null || n <= 0) {
      this.add(field, k('editor.invalid.positive'));
    }
    return n;
  }

  required(field, text) {
    if (!String(text ?? '').trim()) {
      this.add(field, k('editor.invalid.required'));
    }
  }

  throwIfAny() {
    if (this.errors.length) {
      throw new ApiError({ title: t('editor.invalid.title'), detail: t('editor.invalid.detail'), code: 'editor.invalid', errors: this.errors });
    }
  }
}

/** The case study to send, or a problem naming each field that cannot be sent. */
export function caseBody(item, title, scenarioHtml, tasks) {
  const problems = new Problems();
  problems.required('title', title);
  if (!tasks.length) {
    problems.add('tasks', k('editor.invalid.noTasks'));
  }
  const sent = tasks.map((task, i) => {
    problems.required(`tasks[${i}].promptHtml`, task.promptHtml);
    const maxScore = problems.positive(`tasks[${i}].maxScore`, task.maxScore);
    return { ...(task.key ? { key: task.key } : {}), promptHtml: task.promptHtml, rubricHtml: task.rubricHtml, maxScore };
  });
  problems.throwIfAny();
  return { ...item, kind: 'case-study', title, scenarioHtml, attachments: item.attachments || [], tasks: sent };
}

/** The quiz to send, or a problem naming each field that cannot be sent. */
export function quizBody(item, title, introHtml, attempts, questions) {
  const problems = new Problems();
  problems.required('title', title);
  const attemptsAllowed = number(attempts);
  if (attemptsAllowed === null || attemptsAllowed < 0 || !Number.isInteger(attemptsAllowed)) {
    problems.add('attemptsAllowed', k('editor.invalid.attempts'));
  }
  if (!questions.length) {
    problems.add('questions', k('editor.invalid.noQuestions'));
  }
  const sent = questions.map((q, i) => {
    const p = `questions[${i}]`;
    problems.required(`${p}.promptHtml`, q.promptHtml);
    const out = {
      type: q.type,
      ...(q.key ? { key: q.key } : {}),
      promptHtml: q.promptHtml,
      points: problems.positive(`${p}.points`, q.points),
      correctFeedbackHtml: q.correctFeedbackHtml || '',
      incorrectFeedbackHtml: q.incorrectFeedbackHtml || '',
    };
    if (CHOICE_TYPES.has(q.type)) {
      q.choices.forEach((c, j) => problems.required(`${p}.choices[${j}].html`, c.html));
      const right = q.choices.filter((c) => c.correct).length;
      if (q.type === 'single-choice' ? right !== 1 : right < 1) {
        problems.add(`${p}.choices`, q.type === 'single-choice' ? k('editor.invalid.oneRight') : k('editor.invalid.someRight'));
      }
      out.choices = q.choices.map((c) => ({ ...(c.key ? { key: c.key } : {}), html: c.html, correct: c.correct, feedbackHtml: c.feedbackHtml || '' }));
    } else if (q.type === 'true-false') {
      out.answer = q.answer;
    } else if (q.type === 'numeric') {
      out.value = number(q.value);
      if (out.value === null) {
        problems.add(`${p}.value`, k('editor.invalid.number'));
      }
      out.tolerance = number(q.tolerance || '0');
      if (out.tolerance === null || out.tolerance < 0) {
        problems.add(`${p}.tolerance`, k('editor.invalid.tolerance'));
      }
    } else if (q.type === 'short-answer') {
      out.acceptedAnswers = q.acceptedAnswers.split('\n').map((a) => a.trim()).filter(Boolean);
      if (!out.acceptedAnswers.length) {
        problems.add(`${p}.acceptedAnswers`, k('editor.invalid.accepted'));
      }
      out.caseSensitive = Boolean(q.caseSensitive);
    } else {
      out.guidanceHtml = q.guidanceHtml || '';
    }
    return out;
  });
  problems.throwIfAny();
  return { ...item, kind: 'quiz', title, introHtml, attemptsAllowed, questions: sent };
}
