import { api, query } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { ACTOR_KIND, AUDIT_ACTION, BREAK_REASON, TARGET_KIND, labelHtml, labelKey } from '../../lib/labels.js';
import '../data-pager/data-pager.js';

const PAGE_SIZE = 50;

/**
 * <audit-log>: the audit log, newest first, 50 entries a page (an officer sees their facility's,
 * an administrator all), and the verification of the whole hash chain: intact, or broken at
 * entry #N and how. The verdict is in words and an icon, not colour alone.
 */
class AuditLog extends HTMLElement {
  static titleKey = k('audit.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="audit.heading">${t('audit.heading')}</h1>
      <p data-i18n="audit.intro">${t('audit.intro')}</p>
      <section class="panel" aria-labelledby="verify-title">
        <h2 id="verify-title" data-i18n="audit.verify.heading">${t('audit.verify.heading')}</h2>
        <div data-verification aria-live="polite" aria-busy="true"><p data-i18n="audit.verify.running">${t('audit.verify.running')}</p></div>
        <button type="button" class="secondary" data-verify data-i18n="audit.verify.again">${t('audit.verify.again')}</button>
      </section>
      <section aria-labelledby="entries-title">
        <h2 id="entries-title" data-i18n="audit.entries.heading">${t('audit.entries.heading')}</h2>
        <div data-results aria-busy="true"></div>
      </section>`);
    this.querySelector('[data-verify]').addEventListener('click', () => this.verify());
    this.addEventListener('page-change', (e) => {
      this.focusResults = true;
      this.context.navigate('/audit', { page: e.detail.page });
    });
    this.verify();
    this.load();
  }

  update(params) {
    this.context.params = params;
    this.load();
  }

  async verify() {
    const box = this.querySelector('[data-verification]');
    box.setAttribute('aria-busy', 'true');
    let v;
    try {
      v = await api.get('/api/staff/audit/verification');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    const checked = { checked: v.checked, time: { date: v.verifiedAt } };
    if (v.intact) {
      render(box, html`<div class="verdict verdict-ok" data-verdict="intact">
        <span class="verdict-icon" aria-hidden="true">✓</span>
        <div><p class="verdict-title" data-i18n="audit.verify.intact">${t('audit.verify.intact')}</p>
        <p data-i18n="audit.verify.intact.detail" data-i18n-args="${args(checked)}">${t('audit.verify.intact.detail', checked)}</p></div>
      </div>`);
    } else {
      const reasonKey = labelKey(BREAK_REASON, v.reason) || k('audit.reason.unknown');
      const broken = { seq: v.firstBrokenSeq ?? '?' };
      render(box, html`<div class="verdict verdict-broken" data-verdict="broken" data-broken-seq="${v.firstBrokenSeq ?? ''}">
        <span class="verdict-icon" aria-hidden="true">✗</span>
        <div><p class="verdict-title" data-i18n="audit.verify.broken" data-i18n-args="${args(broken)}">${t('audit.verify.broken', broken)}</p>
        <p data-i18n="${reasonKey}">${t(reasonKey)}</p>
        <p data-i18n="audit.verify.broken.detail" data-i18n-args="${args(checked)}">${t('audit.verify.broken.detail', checked)}</p></div>
      </div>`);
    }
  }

  async load() {
    const page = Math.max(0, Number(this.context.params.page) || 0);
    const results = this.querySelector('[data-results]');
    results.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api.get(`/api/staff/audit${query({ page, size: PAGE_SIZE })}`);
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    if (data.total === 0) {
      render(results, html`<div class="empty-state"><p data-i18n="audit.none">${t('audit.none')}</p></div>`);
      return;
    }
    const totals = { total: data.total };
    render(results, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="audit-caption" data-table>
      <table class="data-table audit-table">
        <caption id="audit-caption"><span data-i18n="audit.caption">${t('audit.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="audit.col.seq">${t('audit.col.seq')}</th>
          <th scope="col" data-i18n="audit.col.time">${t('audit.col.time')}</th>
          <th scope="col" data-i18n="audit.col.actor">${t('audit.col.actor')}</th>
          <th scope="col" data-i18n="audit.col.action">${t('audit.col.action')}</th>
          <th scope="col" data-i18n="audit.col.detail">${t('audit.col.detail')}</th>
          <th scope="col" data-i18n="audit.col.address">${t('audit.col.address')}</th>
        </tr></thead>
        <tbody>${data.items.map((e) => html`<tr data-seq="${e.seq}">
          <th scope="row" class="nowrap">${e.seq}</th>
          <td><time datetime="${e.occurredAt}">${formatDate(e.occurredAt)}</time></td>
          <td>${labelHtml(ACTOR_KIND, e.actorKind)}${e.actor ? html`<br><span class="actor">${e.actor}</span>` : ''}</td>
          <td>${labelHtml(AUDIT_ACTION, e.action)}${e.targetKind ? html`<br><span class="muted">${labelHtml(TARGET_KIND, e.targetKind)}${e.targetId !== null && e.targetId !== undefined ? ` #${e.targetId}` : ''}</span>` : ''}</td>
          <td class="audit-detail" lang="en">${e.detail || ''}</td>
          <td class="nowrap">${e.sourceAddress || ''}</td>
        </tr>`)}</tbody>
      </table></div>
      <data-pager page="${page}" size="${PAGE_SIZE}" total="${data.total}"></data-pager>`);
    announce(t('audit.loaded', { page: page + 1, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)) }));
    if (this.focusResults) {
      this.focusResults = false;
      results.querySelector('[data-table]')?.focus();
    }
  }
}

customElements.define('audit-log', AuditLog);
