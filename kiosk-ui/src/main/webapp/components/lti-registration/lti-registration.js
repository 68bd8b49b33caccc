import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { clearFormProblem, guard, problemBox, showFormProblem, showSummary } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { MADE_BY, REGISTRATION_STATE, STATE_BADGE, endpointBody, endpointFields, onDeploymentField } from '../../lib/lti-fields.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';

/** What each state means for launches, and the one change offered from it. */
const STATES = {
  ACTIVE: { text: k('lti.state.ACTIVE.text'), to: 'DISABLED' },
  PENDING: { text: k('lti.state.PENDING.text'), to: 'ACTIVE' },
  DISABLED: { text: k('lti.state.DISABLED.text'), to: 'ACTIVE' },
};

/** The two changes: the button, the confirmation and what is said when it is done. */
const CHANGES = {
  ACTIVE: { action: k('lti.approve'), title: k('lti.approve.confirm.title'), body: k('lti.approve.confirm.body'),
    done: k('lti.approved'), kind: 'primary' },
  DISABLED: { action: k('lti.disable'), title: k('lti.disable.confirm.title'), body: k('lti.disable.confirm.body'),
    done: k('lti.disabled'), kind: 'danger' },
};

/**
 * <lti-registration>: one LMS connection (`#/lti/{id}`): what Bilim knows of the LMS, its state
 * with the one change it allows — approve (ACTIVE) or disable, each after a confirmation — and a
 * form for its deployments and endpoints. Every change carries the revision the page showed; a
 * change made meanwhile by someone else is refused (409) and the page offers the current values.
 */
class LtiRegistration extends HTMLElement {
  static titleKey = k('lti.registration.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="lti.registration.title">${t('lti.registration.title')}</h1>
      <p><a href="#/lti" data-i18n="lti.back">${t('lti.back')}</a></p>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-load]');
    let list;
    try {
      list = await api.get('/api/staff/lti/registrations');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.registration = list.find((r) => r.id === this.context.id);
    if (!this.registration) {
      render(box, problemBox({ title: t('lti.notFound.title'), detail: t('lti.notFound.detail') }));
      return;
    }
    const r = this.registration;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('lti.registration.heading'));
    h1.setAttribute('data-i18n-args', args({ name: r.universityName || r.issuer }));
    translate(h1);
    render(box, html`
      <dl class="facts lti-registration-facts">
        <div><dt data-i18n="lti.field.university">${t('lti.field.university')}</dt><dd>${r.universityName}</dd></div>
        <div><dt data-i18n="lti.field.issuer">${t('lti.field.issuer')}</dt><dd data-issuer>${r.issuer}</dd></div>
        <div><dt data-i18n="lti.field.clientId">${t('lti.field.clientId')}</dt><dd data-client-id>${r.clientId}</dd></div>
        <div><dt data-i18n="lti.col.state">${t('lti.col.state')}</dt><dd data-state-fact></dd></div>
        <div><dt data-i18n="lti.col.added">${t('lti.col.added')}</dt><dd>${labelHtml(MADE_BY, r.madeBy)}${r.product ? html` (${r.product})` : ''}
          · <time datetime="${r.createdAt}">${formatDate(r.createdAt)}</time></dd></div>
      </dl>
      <div class="problem-summary" id="lr-problem" tabindex="-1" hidden></div>
      <div data-reload-offer hidden><button type="button" class="secondary" data-reload
        data-i18n="lti.reload">${t('lti.reload')}</button></div>
      <section class="panel" aria-labelledby="lr-state-title">
        <h2 id="lr-state-title" data-i18n="lti.state.heading">${t('lti.state.heading')}</h2>
        <div data-state-panel></div>
      </section>
      <section class="panel" aria-labelledby="lr-endpoints-title">
        <h2 id="lr-endpoints-title" data-i18n="lti.endpoints.heading">${t('lti.endpoints.heading')}</h2>
        <p data-i18n="lti.endpoints.intro">${t('lti.endpoints.intro')}</p>
        <div class="problem-summary" id="lr-endpoints-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="endpoints">
          ${endpointFields('le', r)}
          <div class="actions"><button type="submit" class="primary" data-i18n="lti.endpoints.save">${t('lti.endpoints.save')}</button></div>
        </form>
      </section>`);
    const form = box.querySelector('form[data-form=endpoints]');
    form.addEventListener('submit', guard(form, () => this.save(form)));
    box.querySelector('[data-reload]').addEventListener('click', async () => {
      await this.load();
      this.querySelector('[data-heading]').focus();
      announce(t('lti.reloaded'));
    });
    this.renderState();
  }

  renderState() {
    const r = this.registration;
    const s = STATES[r.state] || STATES.DISABLED;
    const change = CHANGES[s.to];
    render(this.querySelector('[data-state-fact]'), html`<span class="${STATE_BADGE[r.state] || 'badge'}" data-state="${r.state}">${
      labelHtml(REGISTRATION_STATE, r.state)}</span>`);
    const panel = this.querySelector('[data-state-panel]');
    render(panel, html`<p data-i18n="${s.text}">${t(s.text)}</p>
      <div class="actions"><button type="button" class="${change.kind}" data-state-action="${s.to}" data-i18n="${change.action}">${t(change.action)}</button></div>
      <div data-state-done></div>`);
    panel.querySelector('[data-state-action]').addEventListener('click', () => this.changeState(s.to));
  }

  async changeState(to) {
    const r = this.registration;
    const change = CHANGES[to];
    const yes = await confirmAction({
      title: t(change.title),
      body: t(change.body, { university: r.universityName || '', issuer: r.issuer }),
      confirm: t(change.action),
      danger: change.kind === 'danger',
    });
    if (!yes) {
      return;
    }
    this.clearProblem();
    try {
      this.registration = await api.put(`/api/staff/lti/registrations/${r.id}/state`, { state: to, revision: r.revision });
    } catch (error) {
      if (!error.handled) {
        this.showProblem(error);
      }
      return;
    }
    this.renderState();
    const key = change.done;
    const done = this.querySelector('[data-state-done]');
    render(done, html`<p class="notice notice-success" role="status" tabindex="-1" data-state-changed="${this.registration.state}"
      data-i18n="${key}">${t(key)}</p>`);
    done.firstElementChild.focus();
    announce(t(key));
  }

  async save(form) {
    const summary = this.querySelector('#lr-endpoints-problem');
    clearFormProblem(form, summary);
    this.clearProblem();
    try {
      this.registration = await api.put(`/api/staff/lti/registrations/${this.registration.id}`,
        { ...endpointBody(form), revision: this.registration.revision });
    } catch (error) {
      if (!error.handled) {
        if (error.code === 'resource.concurrent-change') {
          this.showProblem(error);
        } else {
          showFormProblem(form, summary, onDeploymentField(error));
        }
      }
      return;
    }
    form.parentElement.querySelector('[data-endpoints-saved]')?.remove();
    const saved = document.createElement('p');
    saved.className = 'notice notice-success';
    saved.setAttribute('role', 'status');
    saved.setAttribute('data-endpoints-saved', '');
    saved.setAttribute('data-i18n', k('lti.endpoints.saved'));
    form.before(saved);
    translate(saved);
    announce(t('lti.endpoints.saved'));
  }

  /** A problem with the registration as a whole (changed meanwhile): said at the top, with the way to the current values. */
  showProblem(error) {
    const summary = this.querySelector('#lr-problem');
    showSummary(summary, error);
    this.querySelector('[data-reload-offer]').hidden = error.code !== 'resource.concurrent-change';
  }

  clearProblem() {
    clearFormProblem(null, this.querySelector('#lr-problem'));
    this.querySelector('[data-reload-offer]').hidden = true;
  }
}

customElements.define('lti-registration', LtiRegistration);
