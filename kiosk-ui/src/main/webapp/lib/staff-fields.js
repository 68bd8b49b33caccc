import { LANGUAGE_OPTIONS, selectField, textField } from './fields.js';
import { html } from './html.js';
import { k } from './i18n.js';
import { ASSIGNABLE_ROLES, ROLE } from './labels.js';

/** Fields of a staff account shared by the "add" form and the account's own page. */
export function staffFields(prefix, s, facilities) {
  return html`
    ${textField({ id: `${prefix}-name`, name: 'fullName', label: k('account.field.name'), value: s.fullName, required: true, maxlength: 200 })}
    ${selectField({ id: `${prefix}-role`, name: 'role', label: k('account.field.role'), value: s.role || 'OFFICER', required: true,
      options: roleOptions(s.role) })}
    ${selectField({ id: `${prefix}-facility`, name: 'facilityId', label: k('account.field.facility'), hint: k('account.field.facility.hint'),
      value: s.facility ? s.facility.id : '',
      options: [{ value: '', label: k('account.field.facility.none') }, ...facilities.map((f) => ({ value: f.id, text: f.name }))] })}
    ${selectField({ id: `${prefix}-language`, name: 'language', label: k('account.field.language'), value: s.language || 'ru',
      options: LANGUAGE_OPTIONS, required: true })}`;
}

/** The roles given by hand, and the account's own role if it is another (a lecturer's). */
function roleOptions(current) {
  const roles = current && !ASSIGNABLE_ROLES.includes(current) && ROLE[current] ? [...ASSIGNABLE_ROLES, current] : ASSIGNABLE_ROLES;
  return roles.map((value) => ({ value, label: ROLE[value] }));
}

export function passwordField(id) {
  return textField({ id, name: 'password', type: 'password', label: k('account.field.password'), hint: k('account.field.password.hint'),
    required: true, autocomplete: 'new-password', maxlength: 200 });
}

export function staffBody(form) {
  const v = (name) => form.elements.namedItem(name).value;
  return {
    fullName: v('fullName').trim(),
    role: v('role'),
    facilityId: v('facilityId') ? Number(v('facilityId')) : null,
    language: v('language'),
  };
}

export const STAFF_CODE_FIELDS = {
  'staff.username-taken': 'username',
  'staff.officer-needs-facility': 'facilityId',
  'facility.not-found': 'facilityId',
};
