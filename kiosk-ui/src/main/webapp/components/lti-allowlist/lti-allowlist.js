import { api } from '../../lib/api.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { problemBox } from '../../lib/forms.js';

const WHY = {
  ENDPOINT: k('lti.allowlist.why.ENDPOINT'),
  ISSUER: k('lti.allowlist.why.ISSUER'),
  SERVICE: k('lti.allowlist.why.SERVICE'),
};

/**
 * <lti-allowlist>: every address Bilim may call out to (`GET /api/staff/lti/allowlist`), part of
 * the LMS connections screen: the origins of the active connections — their sign-in, token and
 * key addresses, their issuer, and the service addresses an administrator added — each with the
 * connections it is there for. Nothing else is ever called; a disabled connection's addresses
 * leave the list at once.
 */
class LtiAllowlist extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`<div data-allowlist aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-allowlist]');
    let list;
    try {
      list = await api.get('/api/staff/lti/allowlist');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!list.length) {
      render(box, html`<div class="empty-state"><p data-i18n="lti.allowlist.none">${t('lti.allowlist.none')}</p></div>`);
      return;
    }
    const totals = { total: list.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="lti-allowlist-caption"><table class="data-table">
      <caption id="lti-allowlist-caption"><span data-i18n="lti.allowlist.caption">${t('lti.allowlist.caption')}</span>
        <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
      <thead><tr>
        <th scope="col" data-i18n="lti.allowlist.col.origin">${t('lti.allowlist.col.origin')}</th>
        <th scope="col" data-i18n="lti.allowlist.col.for">${t('lti.allowlist.col.for')}</th>
      </tr></thead>
      <tbody>${list.map((o) => html`<tr data-origin="${o.origin}">
        <th scope="row" class="lti-address">${o.origin}</th>
        <td><ul class="lti-allowlist-for">${o.registrations.map((r) => html`<li>
          <a href="#/lti/${r.id}">${r.universityName || r.issuer}</a> — ${labelHtml(WHY, r.why)}</li>`)}</ul></td>
      </tr>`)}</tbody></table></div>`);
  }
}

customElements.define('lti-allowlist', LtiAllowlist);
