/**
 * An escaping `html` tagged template (after plainvanilla): every interpolated value is escaped
 * unless it is itself the result of `html`, so a learner named `<img src=x onerror=...>` is shown
 * as those characters and never becomes markup. Arrays are joined, null/undefined/false render
 * nothing. Attribute values must be quoted in the template.
 */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export class Html {
  constructor(value) {
    this.value = value;
  }

  toString() {
    return this.value;
  }
}

export function escape(value) {
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c]);
}

function part(value) {
  if (value === null || value === undefined || value === false) {
    return '';
  }
  if (value instanceof Html) {
    return value.value;
  }
  if (Array.isArray(value)) {
    return value.map(part).join('');
  }
  return escape(value);
}

export function html(strings, ...values) {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    out += part(values[i]) + strings[i + 1];
  }
  return new Html(out);
}

/**
 * Course markup the server has already sanitised (its allowlist, every URL classified): pages,
 * prompts, feedback. Only for HTML that comes from Bilim's course API, never for text a person typed.
 */
export function sanitised(markup) {
  return new Html(typeof markup === 'string' ? markup : '');
}

/** Replaces the children of `element` with the template's markup. */
export function render(element, template) {
  element.innerHTML = template instanceof Html ? template.value : escape(template);
}

/** A `data-i18n-args` attribute value: the parameters of a message, as JSON (escaped by `html`). */
export function args(params) {
  return JSON.stringify(params);
}
