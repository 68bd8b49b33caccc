import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { copyField, copyFrom } from '../../lib/copy.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { MADE_BY, REGISTRATION_STATE, STATE_BADGE, endpointBody, endpointFields, onDeploymentField, universityField }
  from '../../lib/lti-fields.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import '../lti-allowlist/lti-allowlist.js';
import '../lti-invitations/lti-invitations.js';

/** Bilim's addresses as an LMS administrator types them in; the names Moodle and Canvas give them are in the hints. */
const TOOL_FIELDS = [
  { name: 'toolUrl', label: k('lti.tool.toolUrl'), hint: k('lti.tool.toolUrl.hint') },
  { name: 'loginUrl', label: k('lti.tool.loginUrl'), hint: k('lti.tool.loginUrl.hint') },
  { name: 'redirectUrl', label: k('lti.tool.redirectUrl'), hint: k('lti.tool.redirectUrl.hint') },
  { name: 'jwksUrl', label: k('lti.tool.jwksUrl'), hint: k('lti.tool.jwksUrl.hint') },
];

const KEY_STATE = {
  NEXT: k('lti.key.state.NEXT'),
  CURRENT: k('lti.key.state.CURRENT'),
  PREVIOUS: k('lti.key.state.PREVIOUS'),
  RETIRED: k('lti.key.state.RETIRED'),
};

/**
 * <lti-connections>: the administrator's LMS connections (`#/lti`). Bilim's own addresses, to
 * hand to a university's LMS administrator (read-only fields with a copy button each); the LMSs
 * registered with their state, each leading to its page (`#/lti/{id}`, `<lti-registration>`);
 * invitations for an LMS to register itself (`<lti-invitations>`); a form to add one by hand from
 * what the LMS administrator sends back; the outbound allowlist (`<lti-allowlist>`); and Bilim's signing keys with a
 * rotation, asked for after a confirmation that explains the overlap.
 */
class LtiConnections extends HTMLElement {
  static titleKey = k('lti.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="lti.heading">${t('lti.heading')}</h1>
      <p data-i18n="lti.intro">${t('lti.intro')}</p>
      <section aria-labelledby="lti-tool-title">
        <h2 id="lti-tool-title" data-i18n="lti.tool.heading">${t('lti.tool.heading')}</h2>
        <p data-i18n="lti.tool.intro">${t('lti.tool.intro')}</p>
        <div data-tool aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>
      </section>
      <section aria-labelledby="lti-list-title">
        <h2 id="lti-list-title" data-i18n="lti.list.heading">${t('lti.list.heading')}</h2>
        <div data-results aria-busy="true"></div>
      </section>
      <section class="panel" aria-labelledby="lti-invite-title">
        <h2 id="lti-invite-title" data-i18n="lti.invite.heading">${t('lti.invite.heading')}</h2>
        <p data-i18n="lti.invite.intro">${t('lti.invite.intro')}</p>
        <lti-invitations></lti-invitations>
      </section>
      <section class="panel" aria-labelledby="lti-add-title">
        <h2 id="lti-add-title" data-i18n="lti.add.heading">${t('lti.add.heading')}</h2>
        <p data-i18n="lti.add.intro">${t('lti.add.intro')}</p>
        <div data-add-form><p data-i18n="common.loading">${t('common.loading')}</p></div>
      </section>
      <section aria-labelledby="lti-allowlist-title">
        <h2 id="lti-allowlist-title" data-i18n="lti.allowlist.heading">${t('lti.allowlist.heading')}</h2>
        <p data-i18n="lti.allowlist.intro">${t('lti.allowlist.intro')}</p>
        <lti-allowlist></lti-allowlist>
      </section>
      <section aria-labelledby="lti-keys-title">
        <h2 id="lti-keys-title" data-i18n="lti.keys.heading">${t('lti.keys.heading')}</h2>
        <p data-i18n="lti.keys.intro">${t('lti.keys.intro')}</p>
        <div data-keys aria-busy="true"></div>
        <p><button type="button" class="primary" data-rotate data-i18n="lti.keys.rotate">${t('lti.keys.rotate')}</button></p>
        <div data-rotate-result></div>
      </section>`);
    this.querySelector('[data-rotate]').addEventListener('click', () => this.rotate());
    this.querySelector('[data-tool]').addEventListener('click', (e) => {
      const button = e.target.closest('[data-copy]');
      if (button) {
        copyFrom(button);
      }
    });
    this.loadTool();
    this.loadRegistrations();
    this.loadKeys();
  }

  async loadTool() {
    const box = this.querySelector('[data-tool]');
    let tool;
    try {
      tool = await api.get('/api/staff/lti/tool');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    render(box, html`<div class="lti-tool">${TOOL_FIELDS.map((f) => copyField({ ...f, id: `lti-tool-${f.name}`, value: tool[f.name] }))}</div>`);
  }

  async loadRegistrations() {
    const results = this.querySelector('[data-results]');
    let list;
    try {
      [list, this.universities] = await Promise.all([api.get('/api/staff/lti/registrations'), api.get('/api/staff/universities')]);
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    this.renderRegistrations(list);
    if (!this.querySelector('form[data-form=registration]')) {
      this.renderForm();
    }
  }

  renderRegistrations(list) {
    const results = this.querySelector('[data-results]');
    if (!list.length) {
      render(results, html`<div class="empty-state"><p data-i18n="lti.list.none">${t('lti.list.none')}</p></div>`);
      return;
    }
    const totals = { total: list.length };
    render(results, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="lti-caption"><table class="data-table">
      <caption id="lti-caption"><span data-i18n="lti.list.caption">${t('lti.list.caption')}</span>
        <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
      <thead><tr>
        <th scope="col" data-i18n="lti.field.university">${t('lti.field.university')}</th>
        <th scope="col" data-i18n="lti.field.issuer">${t('lti.field.issuer')}</th>
        <th scope="col" data-i18n="lti.field.clientId">${t('lti.field.clientId')}</th>
        <th scope="col" data-i18n="lti.field.deploymentIds">${t('lti.field.deploymentIds')}</th>
        <th scope="col" data-i18n="lti.col.state">${t('lti.col.state')}</th>
        <th scope="col" data-i18n="lti.col.added">${t('lti.col.added')}</th>
      </tr></thead>
      <tbody>${list.map((r) => html`<tr data-registration-id="${r.id}" data-state="${r.state}">
        <th scope="row"><a href="#/lti/${r.id}">${r.universityName || r.issuer}</a></th>
        <td class="lti-address">${r.issuer}</td>
        <td class="lti-address">${r.clientId}</td>
        <td>${r.deploymentIds.map((d, i) => html`${i ? html`<br>` : ''}<code>${d}</code>`)}</td>
        <td><span class="${STATE_BADGE[r.state] || 'badge'}">${labelHtml(REGISTRATION_STATE, r.state)}</span></td>
        <td>${labelHtml(MADE_BY, r.madeBy)}${r.product ? html` (${r.product})` : ''}
          <br><time datetime="${r.createdAt}">${formatDate(r.createdAt)}</time></td>
      </tr>`)}</tbody></table></div>`);
  }

  renderForm() {
    const box = this.querySelector('[data-add-form]');
    render(box, html`<div class="problem-summary" id="lti-add-problem" tabindex="-1" hidden></div>
      <form class="stack" novalidate data-form="registration">
        ${universityField('la-university', this.universities)}
        ${textField({ id: 'la-issuer', name: 'issuer', label: k('lti.field.issuer'), hint: k('lti.field.issuer.hint'), required: true,
          inputmode: 'url', autocapitalize: 'none', spellcheck: false, maxlength: 500 })}
        ${textField({ id: 'la-client', name: 'clientId', label: k('lti.field.clientId'), hint: k('lti.field.clientId.hint'), required: true,
          autocapitalize: 'none', spellcheck: false, maxlength: 255 })}
        ${endpointFields('la')}
        <div class="actions"><button type="submit" class="primary" data-i18n="lti.add.submit">${t('lti.add.submit')}</button></div>
      </form>`);
    const form = box.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.create(form)));
  }

  async create(form) {
    const summary = this.querySelector('#lti-add-problem');
    clearFormProblem(form, summary);
    const v = (name) => form.elements.namedItem(name).value.trim();
    const body = { universityId: v('universityId') ? Number(v('universityId')) : null, issuer: v('issuer'), clientId: v('clientId'),
      ...endpointBody(form) };
    let created;
    try {
      created = await api.post('/api/staff/lti/registrations', body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, onDeploymentField(error));
      }
      return;
    }
    announce(t('lti.added', { name: created.universityName || created.issuer }));
    this.context.navigate(`/lti/${created.id}`);
  }

  async loadKeys(keys) {
    const box = this.querySelector('[data-keys]');
    if (!keys) {
      try {
        keys = await api.get('/api/staff/lti/keys');
      } catch (error) {
        box.removeAttribute('aria-busy');
        if (!error.handled) {
          render(box, problemBox(error));
        }
        return;
      }
    }
    box.removeAttribute('aria-busy');
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="lti-keys-caption"><table class="data-table">
      <caption id="lti-keys-caption" data-i18n="lti.keys.caption">${t('lti.keys.caption')}</caption>
      <thead><tr>
        <th scope="col" data-i18n="lti.key.kid">${t('lti.key.kid')}</th>
        <th scope="col" data-i18n="lti.key.state">${t('lti.key.state')}</th>
        <th scope="col" data-i18n="lti.key.created">${t('lti.key.created')}</th>
        <th scope="col" data-i18n="lti.key.activated">${t('lti.key.activated')}</th>
        <th scope="col" data-i18n="lti.key.deactivated">${t('lti.key.deactivated')}</th>
        <th scope="col" data-i18n="lti.key.retired">${t('lti.key.retired')}</th>
      </tr></thead>
      <tbody>${keys.map((key) => html`<tr data-kid="${key.kid}" data-key-state="${key.state}">
        <th scope="row"><code class="lti-address">${key.kid}</code></th>
        <td>${labelHtml(KEY_STATE, key.state)}</td>
        <td>${moment(key.created)}</td>
        <td>${moment(key.activated)}</td>
        <td>${moment(key.deactivated)}</td>
        <td>${moment(key.retired)}</td>
      </tr>`)}</tbody></table></div>`);
  }

  async rotate() {
    const yes = await confirmAction({
      title: t('lti.keys.confirm.title'),
      body: t('lti.keys.confirm.body'),
      confirm: t('lti.keys.confirm.yes'),
    });
    if (!yes) {
      return;
    }
    const button = this.querySelector('[data-rotate]');
    const result = this.querySelector('[data-rotate-result]');
    button.disabled = true;
    render(result, '');
    let keys;
    try {
      keys = await api.post('/api/staff/lti/keys/rotation', {});
    } catch (error) {
      button.disabled = false;
      if (!error.handled) {
        render(result, problemBox(error));
      }
      return;
    }
    button.disabled = false;
    await this.loadKeys(keys);
    const next = keys.find((key) => key.state === 'NEXT');
    const params = { date: { date: next?.activated } };
    const key = next?.activated ? k('lti.keys.rotated') : k('lti.keys.rotated.now');
    render(result, html`<div class="notice notice-success" data-rotated>
      <p class="notice-title" data-i18n="${key}" data-i18n-args="${args(params)}">${t(key, params)}</p></div>`);
    announce(t(key, params));
  }
}

function moment(iso) {
  // In words, not a dash: a dash read aloud says nothing.
  return iso ? html`<time datetime="${iso}">${formatDate(iso)}</time>` : html`<span data-i18n="lti.key.none">${t('lti.key.none')}</span>`;
}

customElements.define('lti-connections', LtiConnections);
