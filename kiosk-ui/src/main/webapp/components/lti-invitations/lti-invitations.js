import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { REGISTRATION_STATE, STATE_BADGE, universityField } from '../../lib/lti-fields.js';
import '../one-time-secret/one-time-secret.js';

const INVITATION_STATE = {
  UNUSED: k('lti.invitation.state.UNUSED'),
  USED: k('lti.invitation.state.USED'),
  EXPIRED: k('lti.invitation.state.EXPIRED'),
};

const INVITATION_BADGE = { UNUSED: 'badge', USED: 'badge', EXPIRED: 'badge badge-danger' };

/**
 * <lti-invitations>: invitations for a university's LMS to register Bilim by itself (LTI Dynamic
 * Registration), part of the LMS connections screen. The administrator names the university and
 * the LMS's address; the registration URL to paste into the LMS is shown this once, with a copy
 * button (the server keeps only its hash). The list shows every invitation with its state —
 * not used yet, used, expired — and the connection it produced, which waits there for approval.
 */
class LtiInvitations extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <div data-invite-form><p data-i18n="common.loading">${t('common.loading')}</p></div>
      <one-time-secret data-id="lti-invitation-url"></one-time-secret>
      <h3 id="lti-invitations-title" data-i18n="lti.invitations.heading">${t('lti.invitations.heading')}</h3>
      <div data-invitations aria-busy="true"></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-invitations]');
    let invitations;
    let registrations;
    try {
      [invitations, registrations, this.universities] = await Promise.all([api.get('/api/staff/lti/invitations'),
        api.get('/api/staff/lti/registrations'), api.get('/api/staff/universities')]);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.renderList(invitations, registrations);
    if (!this.querySelector('form[data-form=invitation]')) {
      this.renderForm();
    }
  }

  renderForm() {
    const box = this.querySelector('[data-invite-form]');
    render(box, html`<div class="problem-summary" id="lti-invite-problem" tabindex="-1" hidden></div>
      <form class="stack" novalidate data-form="invitation">
        ${universityField('li-university', this.universities)}
        ${textField({ id: 'li-lmsUrl', name: 'lmsUrl', label: k('lti.invite.lmsUrl'), hint: k('lti.invite.lmsUrl.hint'), required: true,
          inputmode: 'url', autocapitalize: 'none', spellcheck: false, maxlength: 500 })}
        <div class="actions"><button type="submit" class="primary" data-i18n="lti.invite.submit">${t('lti.invite.submit')}</button></div>
      </form>`);
    const form = box.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.invite(form)));
  }

  async invite(form) {
    const summary = this.querySelector('#lti-invite-problem');
    clearFormProblem(form, summary);
    const secret = this.querySelector('one-time-secret');
    secret.clear();
    const v = (name) => form.elements.namedItem(name).value.trim();
    let made;
    try {
      made = await api.post('/api/staff/lti/invitations', { universityId: v('universityId') ? Number(v('universityId')) : null,
        lmsUrl: v('lmsUrl') });
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error);
      }
      return;
    }
    form.reset();
    const university = this.universities.find((u) => u.id === made.universityId)?.name || '';
    const until = { date: { date: made.expiresAt } };
    secret.show({ title: { key: k('lti.invite.made'), args: { university } }, secret: made.registrationUrl, level: 3,
      kind: 'registration-url', address: { label: k('lti.invite.url') },
      lines: [{ key: k('lti.invite.url.how') }, { key: k('lti.invite.url.until'), args: until }] });
    announce(t('lti.invite.made', { university }));
    this.load();
  }

  renderList(invitations, registrations) {
    const box = this.querySelector('[data-invitations]');
    if (!invitations.length) {
      render(box, html`<div class="empty-state"><p data-i18n="lti.invitations.none">${t('lti.invitations.none')}</p></div>`);
      return;
    }
    const universities = new Map(this.universities.map((u) => [u.id, u.name]));
    const byId = new Map(registrations.map((r) => [r.id, r]));
    const totals = { total: invitations.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="lti-invitations-caption"><table class="data-table">
      <caption id="lti-invitations-caption"><span data-i18n="lti.invitations.caption">${t('lti.invitations.caption')}</span>
        <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
      <thead><tr>
        <th scope="col" data-i18n="lti.invite.lmsUrl">${t('lti.invite.lmsUrl')}</th>
        <th scope="col" data-i18n="lti.field.university">${t('lti.field.university')}</th>
        <th scope="col" data-i18n="lti.invitations.col.made">${t('lti.invitations.col.made')}</th>
        <th scope="col" data-i18n="lti.invitations.col.until">${t('lti.invitations.col.until')}</th>
        <th scope="col" data-i18n="lti.col.state">${t('lti.col.state')}</th>
        <th scope="col" data-i18n="lti.invitations.col.registration">${t('lti.invitations.col.registration')}</th>
      </tr></thead>
      <tbody>${invitations.map((i) => {
        const state = stateOf(i);
        const made = i.registrationId ? byId.get(i.registrationId) : null;
        return html`<tr data-invitation-id="${i.id}" data-invitation-state="${state}">
          <th scope="row" class="lti-address">${i.lmsOrigin}</th>
          <td>${universities.get(i.universityId) || ''}</td>
          <td><time datetime="${i.createdAt}">${formatDate(i.createdAt)}</time></td>
          <td><time datetime="${i.expiresAt}">${formatDate(i.expiresAt)}</time></td>
          <td><span class="${INVITATION_BADGE[state]}">${labelHtml(INVITATION_STATE, state)}</span></td>
          <td>${made ? html`<a href="#/lti/${made.id}" class="lti-address" data-invitation-registration="${made.id}">${made.issuer}</a>
            <br><span class="${STATE_BADGE[made.state] || 'badge'}" data-state="${made.state}">${labelHtml(REGISTRATION_STATE, made.state)}</span>`
            : html`<span data-i18n="lti.invitations.noRegistration">${t('lti.invitations.noRegistration')}</span>`}</td>
        </tr>`;
      })}</tbody></table></div>`);
  }
}

/** Used once an LMS took it (even while its registration is under way); expired only if never used. */
function stateOf(invitation) {
  if (invitation.usedAt || invitation.registrationId) {
    return 'USED';
  }
  return Date.parse(invitation.expiresAt) <= Date.now() ? 'EXPIRED' : 'UNUSED';
}

customElements.define('lti-invitations', LtiInvitations);
