import { html } from './html.js';
import { k, t } from './i18n.js';

/** Message keys for the values the API speaks in codes. */

export const LEARNER_STATUS = {
  ACTIVE: k('learner.status.active'),
  TRANSFERRED: k('learner.status.transferred'),
  RELEASED: k('learner.status.released'),
};

export const ROLE = {
  OFFICER: k('role.officer'),
  ADMIN: k('role.admin'),
};

export const LANGUAGE = {
  kk: k('language.kk'),
  ru: k('language.ru'),
  en: k('language.en'),
};

export const ACTOR_KIND = {
  STAFF: k('audit.actor.staff'),
  LEARNER: k('audit.actor.learner'),
  KIOSK: k('audit.actor.kiosk'),
  ANONYMOUS: k('audit.actor.anonymous'),
  SYSTEM: k('audit.actor.system'),
};

export const AUDIT_ACTION = {
  'access.denied': k('audit.action.access.denied'),
  'address-range.added': k('audit.action.address-range.added'),
  'address-range.removed': k('audit.action.address-range.removed'),
  'classroom.created': k('audit.action.classroom.created'),
  'demo.seeded': k('audit.action.demo.seeded'),
  'facility.created': k('audit.action.facility.created'),
  'facility.updated': k('audit.action.facility.updated'),
  'kiosk.enrolled': k('audit.action.kiosk.enrolled'),
  'kiosk.enrolment-code-issued': k('audit.action.kiosk.enrolment-code-issued'),
  'kiosk.enrolment-refused': k('audit.action.kiosk.enrolment-refused'),
  'kiosk.locked': k('audit.action.kiosk.locked'),
  'kiosk.registered': k('audit.action.kiosk.registered'),
  'kiosk.unlocked': k('audit.action.kiosk.unlocked'),
  'learner.created': k('audit.action.learner.created'),
  'learner.locked-out': k('audit.action.learner.locked-out'),
  'learner.pin-reset': k('audit.action.learner.pin-reset'),
  'learner.signin-failed': k('audit.action.learner.signin-failed'),
  'learner.signin-refused': k('audit.action.learner.signin-refused'),
  'learner.unlocked': k('audit.action.learner.unlocked'),
  'learner.updated': k('audit.action.learner.updated'),
  'staff.created': k('audit.action.staff.created'),
  'staff.locked-out': k('audit.action.staff.locked-out'),
  'staff.password-reset': k('audit.action.staff.password-reset'),
  'staff.signin-failed': k('audit.action.staff.signin-failed'),
  'staff.signin-refused': k('audit.action.staff.signin-refused'),
  'staff.updated': k('audit.action.staff.updated'),
};

export const TARGET_KIND = {
  learner: k('audit.target.learner'),
  kiosk: k('audit.target.kiosk'),
  facility: k('audit.target.facility'),
  classroom: k('audit.target.classroom'),
  staff: k('audit.target.staff'),
};

export const BREAK_REASON = {
  altered: k('audit.reason.altered'),
  unlinked: k('audit.reason.unlinked'),
  missing: k('audit.reason.missing'),
  truncated: k('audit.reason.truncated'),
};

/** The key for a code, or null when the code is new to this UI (then the code itself is shown). */
export function labelKey(table, code) {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : null;
}

export function label(table, code) {
  const key = labelKey(table, code);
  return key ? t(key) : String(code ?? '');
}

/** A translated label as markup that follows language switches (or the bare code if unknown). */
export function labelHtml(table, code) {
  const key = labelKey(table, code);
  return key ? html`<span data-i18n="${key}">${t(key)}</span>` : html`<code>${code ?? ''}</code>`;
}
