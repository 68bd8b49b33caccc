import { LANGUAGE_OPTIONS, selectField, textField } from './fields.js';
import { html } from './html.js';
import { k } from './i18n.js';

/** The fields of a facility, shared by the list's "add" form and the facility's own page. */
export function facilityFields(prefix, f = {}) {
  return html`
    ${textField({ id: `${prefix}-code`, name: 'code', label: k('facility.field.code'), hint: k('facility.field.code.hint'),
      value: f.code, required: true, autocapitalize: 'characters', spellcheck: false, maxlength: 32 })}
    ${textField({ id: `${prefix}-name`, name: 'name', label: k('facility.field.name'), value: f.name, required: true, maxlength: 200 })}
    ${textField({ id: `${prefix}-region`, name: 'region', label: k('facility.field.region'), value: f.region, required: true, maxlength: 200 })}
    ${selectField({ id: `${prefix}-language`, name: 'defaultLanguage', label: k('facility.field.language'),
      hint: k('facility.field.language.hint'), value: f.defaultLanguage || 'ru', options: LANGUAGE_OPTIONS, required: true })}`;
}

export function facilityBody(form) {
  const v = (name) => form.elements.namedItem(name).value;
  return { code: v('code').trim(), name: v('name').trim(), region: v('region').trim(), defaultLanguage: v('defaultLanguage') };
}

export const FACILITY_CODE_FIELDS = { 'facility.code-taken': 'code' };
