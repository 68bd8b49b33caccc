import { selectField, textField, textareaField } from './fields.js';
import { html } from './html.js';
import { k } from './i18n.js';

/**
 * What an LMS connection (an LTI 1.3 platform registration) is made of, shared by the list's
 * "add" form and the registration's own page: the deployments, the LMS's three endpoints, and the
 * origins where the LMS also serves grades and rosters (Canvas: the institution's own host).
 */

export const REGISTRATION_STATE = {
  PENDING: k('lti.state.PENDING'),
  ACTIVE: k('lti.state.ACTIVE'),
  DISABLED: k('lti.state.DISABLED'),
};

/** Badge classes: what needs the administrator's attention stands out. */
export const STATE_BADGE = { PENDING: 'badge badge-warning', ACTIVE: 'badge', DISABLED: 'badge badge-danger' };

export const MADE_BY = {
  ADMIN: k('lti.madeBy.ADMIN'),
  DYNAMIC: k('lti.madeBy.DYNAMIC'),
};

/** The university whose lecturers come from the LMS, chosen from Bilim's universities. */
export function universityField(id, universities) {
  return selectField({ id, name: 'universityId', label: k('lti.field.university'), hint: k('lti.field.university.hint'), required: true,
    options: [{ value: '', label: k('lti.field.university.choose') }, ...(universities || []).map((u) => ({ value: u.id, text: u.name }))] });
}

/** The deployments and endpoints, as fields named after the JSON properties the server checks. */
export function endpointFields(prefix, r = {}) {
  const url = (name, label, hint, value) => textField({ id: `${prefix}-${name}`, name, label, hint, value, required: true,
    inputmode: 'url', autocapitalize: 'none', spellcheck: false, maxlength: 1000 });
  return html`
    ${textareaField({ id: `${prefix}-deployments`, name: 'deploymentIds', label: k('lti.field.deploymentIds'),
      hint: k('lti.field.deploymentIds.hint'), value: (r.deploymentIds || []).join('\n'), required: true, rows: 3, spellcheck: false })}
    ${url('authorizationEndpoint', k('lti.field.authorizationEndpoint'), k('lti.field.authorizationEndpoint.hint'), r.authorizationEndpoint)}
    ${url('tokenEndpoint', k('lti.field.tokenEndpoint'), k('lti.field.tokenEndpoint.hint'), r.tokenEndpoint)}
    ${url('jwksUrl', k('lti.field.jwksUrl'), k('lti.field.jwksUrl.hint'), r.jwksUrl)}
    ${textareaField({ id: `${prefix}-service-origins`, name: 'serviceOrigins', label: k('lti.field.serviceOrigins'),
      hint: k('lti.field.serviceOrigins.hint'), value: (r.serviceOrigins || []).join('\n'), rows: 2, spellcheck: false })}`;
}

/** The deployments (one per line, blank lines dropped) and endpoints of the form. */
export function endpointBody(form) {
  const v = (name) => form.elements.namedItem(name).value.trim();
  return {
    deploymentIds: v('deploymentIds').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
    authorizationEndpoint: v('authorizationEndpoint'),
    tokenEndpoint: v('tokenEndpoint'),
    jwksUrl: v('jwksUrl'),
    serviceOrigins: v('serviceOrigins').split(/\r?\n/).map((line) => line.trim()).filter(Boolean),
  };
}

/**
 * The server names a problem with one deployment ID or service origin after its place in the list
 * (`deploymentIds.<list element>`, `serviceOrigins[1]`): the form shows it at the one field that holds them all.
 */
export function onDeploymentField(error) {
  for (const fe of error.fieldErrors) {
    for (const list of ['deploymentIds', 'serviceOrigins']) {
      if (typeof fe.field === 'string' && fe.field.startsWith(list)) {
        fe.field = list;
      }
    }
  }
  return error;
}
