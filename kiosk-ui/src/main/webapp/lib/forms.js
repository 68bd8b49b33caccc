import { html, render } from './html.js';

/**
 * Shows the server's problem details on a form: each field message next to its field (the
 * control gets aria-invalid and its aria-describedby names the message), and a summary with the
 * title, the detail and a button per field error that moves focus to the field. Focus moves to
 * the summary, so a keyboard or screen-reader user hears what went wrong and can go to each field.
 *
 * @param {HTMLFormElement} form
 * @param {HTMLElement} summary an empty element with tabindex="-1" (class problem-summary)
 * @param {import('./api.js').ApiError} error
 * @param {Object<string,string>} [codeFields] problem code -> field name, for problems the form
 *   ties to one of its fields although the server names none (e.g. signin.invalid-credentials -> pin)
 */
export function showFormProblem(form, summary, error, codeFields = {}) {
  clearFormProblem(form, summary);
  const fieldErrors = [...error.fieldErrors];
  // A problem about one field (the server lists it under `errors` with the problem's own code,
  // or the form knows which field it concerns) says everything in its detail.
  const serverMapped = fieldErrors.length === 1 && fieldErrors[0].code === error.code;
  const mapped = serverMapped || (fieldErrors.length === 0 && Boolean(codeFields[error.code]));
  if (mapped && !serverMapped) {
    fieldErrors.push({ field: codeFields[error.code], code: error.code, message: error.detail });
  }
  const byField = new Map();
  for (const fe of fieldErrors) {
    if (!byField.has(fe.field)) {
      byField.set(fe.field, []);
    }
    byField.get(fe.field).push(fe.message);
  }
  // The summary lists the fields in the order the form shows them.
  const order = [...form.querySelectorAll('[data-field]')].map((w) => w.getAttribute('data-field'));
  const position = (field) => (order.includes(field) ? order.indexOf(field) : order.length);
  const fields = [...byField.keys()].sort((a, b) => position(a) - position(b));
  const listed = [];
  for (const field of fields) {
    const messages = byField.get(field);
    const wrapper = findField(form, field);
    const text = messages.join(' ');
    if (!wrapper) {
      listed.push({ text, target: null });
      continue;
    }
    const slot = wrapper.querySelector(':scope > .field-error');
    const control = wrapper.querySelector('input, select, textarea');
    if (slot) {
      slot.hidden = false;
      render(slot, html`<span class="field-error-mark" aria-hidden="true">!</span> ${text}`);
    }
    for (const c of wrapper.querySelectorAll('input, select, textarea')) {
      c.setAttribute('aria-invalid', 'true');
      const ids = new Set((c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
      if (slot) {
        ids.add(slot.id);
      }
      c.setAttribute('aria-describedby', [...ids].join(' '));
    }
    wrapper.classList.add('invalid');
    // A problem mapped onto one field already says everything in its detail: the summary only links to the field.
    listed.push({ text: mapped ? labelText(wrapper) : `${labelText(wrapper)}: ${text}`, target: control ? control.id : null });
  }
  showSummary(summary, error, listed);
}

function findField(form, name) {
  for (const wrapper of form.querySelectorAll('[data-field]')) {
    if (wrapper.getAttribute('data-field') === name) {
      return wrapper;
    }
  }
  return null;
}

function labelText(wrapper) {
  const label = wrapper.querySelector(':scope > legend, :scope > label');
  if (!label) {
    return '';
  }
  const text = label.matches('[data-i18n]') ? label : label.querySelector('[data-i18n]') || label;
  return text.textContent.trim();
}

/** Shows a problem (title, detail, optional list) in a summary element and moves focus to it. */
export function showSummary(summary, error, items = []) {
  const headingId = `${summary.id || 'problem'}-title`;
  summary.hidden = false;
  summary.setAttribute('role', 'group');
  summary.setAttribute('aria-labelledby', headingId);
  render(summary, html`
    <h2 id="${headingId}" class="problem-title">${error.title}</h2>
    ${error.detail ? html`<p>${error.detail}</p>` : ''}
    ${items.length ? html`<ul class="problem-list">${items.map((i) => html`<li>${i.target
      ? html`<button type="button" class="link" data-focus="${i.target}">${i.text}</button>`
      : i.text}</li>`)}</ul>` : ''}`);
  for (const b of summary.querySelectorAll('[data-focus]')) {
    b.addEventListener('click', () => document.getElementById(b.getAttribute('data-focus'))?.focus());
  }
  summary.focus();
}

export function clearFormProblem(form, summary) {
  if (summary) {
    summary.hidden = true;
    summary.textContent = '';
    summary.removeAttribute('role');
    summary.removeAttribute('aria-labelledby');
  }
  if (!form) {
    return;
  }
  for (const wrapper of form.querySelectorAll('[data-field].invalid')) {
    wrapper.classList.remove('invalid');
  }
  for (const slot of form.querySelectorAll('.field-error')) {
    slot.hidden = true;
    slot.textContent = '';
  }
  for (const c of form.querySelectorAll('[aria-invalid]')) {
    c.removeAttribute('aria-invalid');
    const base = c.getAttribute('data-describedby');
    if (base) {
      c.setAttribute('aria-describedby', base);
    } else {
      c.removeAttribute('aria-describedby');
    }
  }
}

/** A box for a problem that is not about a form (a list that did not load), announced politely. */
export function problemBox(error) {
  return html`<div class="problem-box" role="alert">
    <p class="problem-title">${error.title}</p>
    ${error.detail ? html`<p>${error.detail}</p>` : ''}
  </div>`;
}

/** Runs `work` once at a time for a form: a second submit while the first is on its way is ignored. */
export function guard(form, work) {
  return async (event) => {
    event.preventDefault();
    if (form.dataset.busy === 'true') {
      return;
    }
    form.dataset.busy = 'true';
    form.setAttribute('aria-busy', 'true');
    try {
      await work(event);
    } finally {
      delete form.dataset.busy;
      form.removeAttribute('aria-busy');
    }
  };
}
