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
  LECTURER: k('role.lecturer'),
};

/**
 * The roles an administrator gives by hand. A lecturer's account is made by their LMS's launch
 * (they have no Bilim password), so LECTURER is offered only for an account that has it already.
 */
export const ASSIGNABLE_ROLES = ['OFFICER', 'ADMIN'];

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
  'course.approved': k('audit.action.course.approved'),
  'course.created': k('audit.action.course.created'),
  'course.edited': k('audit.action.course.edited'),
  'course.import': k('audit.action.course.import'),
  'course.lecturer-added': k('audit.action.course.lecturer-added'),
  'course.lecturer-removed': k('audit.action.course.lecturer-removed'),
  'course.rejected': k('audit.action.course.rejected'),
  'demo.courses-seeded': k('audit.action.demo.courses-seeded'),
  'demo.seeded': k('audit.action.demo.seeded'),
  'enrolment.created': k('audit.action.enrolment.created'),
  'enrolment.withdrawn': k('audit.action.enrolment.withdrawn'),
  'facility.created': k('audit.action.facility.created'),
  'facility.updated': k('audit.action.facility.updated'),
  'file.uploaded': k('audit.action.file.uploaded'),
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
  'lti.deep-linking-answered': k('audit.action.lti.deep-linking-answered'),
  'lti.invitation-created': k('audit.action.lti.invitation-created'),
  'lti.key-rotated': k('audit.action.lti.key-rotated'),
  'lti.launch': k('audit.action.lti.launch'),
  'lti.launch-refused': k('audit.action.lti.launch-refused'),
  'lti.lecturer-created': k('audit.action.lti.lecturer-created'),
  'lti.login-refused': k('audit.action.lti.login-refused'),
  'lti.outbound-refused': k('audit.action.lti.outbound-refused'),
  'lti.registration-approved': k('audit.action.lti.registration-approved'),
  'lti.registration-changed': k('audit.action.lti.registration-changed'),
  'lti.registration-created': k('audit.action.lti.registration-created'),
  'lti.registration-disabled': k('audit.action.lti.registration-disabled'),
  'lti.registration-failed': k('audit.action.lti.registration-failed'),
  'lti.registration-refused': k('audit.action.lti.registration-refused'),
  'lti.registration-requested': k('audit.action.lti.registration-requested'),
  'search.rebuild-started': k('audit.action.search.rebuild-started'),
  'staff.created': k('audit.action.staff.created'),
  'staff.locked-out': k('audit.action.staff.locked-out'),
  'staff.password-reset': k('audit.action.staff.password-reset'),
  'staff.signin-failed': k('audit.action.staff.signin-failed'),
  'staff.signin-refused': k('audit.action.staff.signin-refused'),
  'staff.updated': k('audit.action.staff.updated'),
  'submission.graded': k('audit.action.submission.graded'),
  'submission.regraded': k('audit.action.submission.regraded'),
  'submission.submitted': k('audit.action.submission.submitted'),
  'university.created': k('audit.action.university.created'),
};

export const TARGET_KIND = {
  learner: k('audit.target.learner'),
  kiosk: k('audit.target.kiosk'),
  facility: k('audit.target.facility'),
  classroom: k('audit.target.classroom'),
  staff: k('audit.target.staff'),
  course: k('audit.target.course'),
  university: k('audit.target.university'),
  submission: k('audit.target.submission'),
  file: k('audit.target.file'),
  'search-index': k('audit.target.search-index'),
  'lti-platform': k('audit.target.lti-platform'),
  'lti-invitation': k('audit.target.lti-invitation'),
  'lti-key': k('audit.target.lti-key'),
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
