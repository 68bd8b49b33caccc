import { html } from './html.js';
import { t } from './i18n.js';

/**
 * Markup for form fields, the same everywhere: a visible <label>, an optional hint, a slot for
 * the server's message about the field (filled by forms.js, linked with aria-describedby), then
 * the control. Labels and hints are message keys. Wrappers carry `data-field` = the JSON property
 * name the server uses in problem details, so a field error finds its field.
 */

function describedBy(id, hint) {
  return hint ? `${id}-hint` : '';
}

function labelFor(id, label, required) {
  return html`<label for="${id}"><span data-i18n="${label}">${t(label)}</span>${required
    ? html` <span class="required" data-i18n="form.required">${t('form.required')}</span>` : ''}</label>`;
}

function hintAndError(id, hint) {
  return html`${hint ? html`<p class="hint" id="${id}-hint" data-i18n="${hint}">${t(hint)}</p>` : ''}
    <p class="field-error" id="${id}-error" hidden></p>`;
}

/**
 * A text-like input.
 * @param {{id: string, name: string, label: string, hint?: string, value?: string, type?: string,
 *   required?: boolean, autocomplete?: string, inputmode?: string, spellcheck?: boolean,
 *   autocapitalize?: string, maxlength?: number, className?: string}} o
 */
export function textField(o) {
  const d = describedBy(o.id, o.hint);
  return html`<div class="field ${o.className || ''}" data-field="${o.name}">
    ${labelFor(o.id, o.label, o.required)}
    ${hintAndError(o.id, o.hint)}
    <input id="${o.id}" name="${o.name}" type="${o.type || 'text'}" value="${o.value ?? ''}"
      ${d ? html`aria-describedby="${d}" data-describedby="${d}"` : ''}
      ${o.required ? html`aria-required="true"` : ''}
      autocomplete="${o.autocomplete || 'off'}"
      ${o.inputmode ? html`inputmode="${o.inputmode}"` : ''}
      ${o.autocapitalize ? html`autocapitalize="${o.autocapitalize}"` : ''}
      ${o.spellcheck === false ? html`spellcheck="false"` : ''}
      ${o.maxlength ? html`maxlength="${o.maxlength}"` : ''}>
  </div>`;
}

/**
 * A <textarea> (several values, one per line, or a longer text).
 * @param {{id: string, name: string, label: string, hint?: string, value?: string, rows?: number,
 *   required?: boolean, spellcheck?: boolean, maxlength?: number, className?: string}} o
 */
export function textareaField(o) {
  const d = describedBy(o.id, o.hint);
  return html`<div class="field ${o.className || ''}" data-field="${o.name}">
    ${labelFor(o.id, o.label, o.required)}
    ${hintAndError(o.id, o.hint)}
    <textarea id="${o.id}" name="${o.name}" rows="${o.rows || 3}"
      ${d ? html`aria-describedby="${d}" data-describedby="${d}"` : ''}
      ${o.required ? html`aria-required="true"` : ''}
      ${o.spellcheck === false ? html`spellcheck="false"` : ''}
      ${o.maxlength ? html`maxlength="${o.maxlength}"` : ''}>${o.value ?? ''}</textarea>
  </div>`;
}

/**
 * A <select>. `options` are `{value, label}` where label is a message key, or `{value, text}`
 * for text that is data (a facility's name).
 */
export function selectField(o) {
  const d = describedBy(o.id, o.hint);
  return html`<div class="field ${o.className || ''}" data-field="${o.name}">
    ${labelFor(o.id, o.label, o.required)}
    ${hintAndError(o.id, o.hint)}
    <select id="${o.id}" name="${o.name}" ${d ? html`aria-describedby="${d}" data-describedby="${d}"` : ''}
      ${o.required ? html`aria-required="true"` : ''}>
      ${o.options.map((opt) => html`<option value="${opt.value}" ${String(opt.value) === String(o.value ?? '') ? 'selected' : ''}
        ${opt.label ? html`data-i18n="${opt.label}"` : ''}>${opt.label ? t(opt.label) : opt.text}</option>`)}
    </select>
  </div>`;
}

/** One checkbox with its label after it (or a switch, with `role: 'switch'`). */
export function checkboxField(o) {
  const d = describedBy(o.id, o.hint);
  return html`<div class="field checkbox ${o.className || ''}" data-field="${o.name}">
    <input id="${o.id}" name="${o.name}" type="checkbox" ${o.checked ? 'checked' : ''}
      ${o.role ? html`role="${o.role}"` : ''}
      ${d ? html`aria-describedby="${d}" data-describedby="${d}"` : ''}>
    <label for="${o.id}" data-i18n="${o.label}">${t(o.label)}</label>
    ${hintAndError(o.id, o.hint)}
  </div>`;
}

/** A group of checkboxes (e.g. accessibility needs) in a fieldset with a legend. */
export function checkboxGroup(o) {
  return html`<fieldset class="field group" data-field="${o.name}">
    <legend data-i18n="${o.legend}">${t(o.legend)}</legend>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint" data-i18n="${o.hint}">${t(o.hint)}</p>` : ''}
    <p class="field-error" id="${o.id}-error" hidden></p>
    ${o.items.map((item) => checkboxField(item))}
  </fieldset>`;
}

/** Language options in the language of the page (not endonyms): which language a learner reads. */
export const LANGUAGE_OPTIONS = [
  { value: 'kk', label: 'language.kk' },
  { value: 'ru', label: 'language.ru' },
  { value: 'en', label: 'language.en' },
];
