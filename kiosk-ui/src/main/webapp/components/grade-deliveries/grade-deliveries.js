import { api, query } from '../../lib/api.js';
import { selectField } from '../../lib/fields.js';
import { problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, formatNumber, k, t } from '../../lib/i18n.js';
import { bindRetry, deliveryBadge, retryButton, watchPassback } from '../../lib/passback.js';

const STATES = ['PENDING', 'SENT', 'FAILED'];

/**
 * <grade-deliveries>: grades on their way to the university gradebooks (`#/grade-deliveries?state=`),
 * newest first: whose, which course item, the score, the state, how many attempts, the LMS's last
 * answer and the times; a failed one can be sent again. The officer's facility's (optionally of
 * one `course`), or in the lecturer workspace (`context.courseId`) the linked course's.
 */
class GradeDeliveries extends HTMLElement {
  static titleKey = k('deliveries.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const intro = this.context.courseId ? k('deliveries.intro.lecturer') : k('deliveries.intro');
    render(this, html`
      <h1 data-i18n="deliveries.heading">${t('deliveries.heading')}</h1>
      <p data-i18n="${intro}">${t(intro)}</p>
      <form class="filters" novalidate data-i18n-aria-label="deliveries.filter" aria-label="${t('deliveries.filter')}">
        ${selectField({ id: 'deliveries-state', name: 'state', label: k('grading.state'), value: this.state(),
          options: [{ value: '', label: k('deliveries.all') }, ...STATES.map((s) => ({ value: s, label: `passback.state.${s}` }))] })}
        <button type="submit" class="primary" data-i18n="grading.show">${t('grading.show')}</button>
      </form>
      <div data-retry-result></div>
      <div data-results aria-busy="true"></div>`);
    this.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.context.navigate('/grade-deliveries', { state: e.target.elements.namedItem('state').value, course: this.context.params.course });
    });
    bindRetry(this, () => this.load());
    this.load();
  }

  disconnectedCallback() {
    this.watch?.stop();
  }

  state() {
    return STATES.includes(this.context.params.state) ? this.context.params.state : '';
  }

  update(params) {
    this.context.params = params;
    this.querySelector('#deliveries-state').value = this.state();
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-results]');
    box.setAttribute('aria-busy', 'true');
    let rows;
    try {
      rows = await api.get(`/api/staff/grade-deliveries${query({ course: this.context.courseId || this.context.params.course,
        state: this.state() })}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.rows = rows;
    this.draw(box);
    this.watch?.stop();
    // While one is on its way, the list is asked for again now and then, so "sent" shows by itself.
    this.watch = watchPassback(() => ({ state: this.rows.some((d) => d.state === 'PENDING') ? 'PENDING' : 'DONE' }),
      () => this.reload());
  }

  async reload() {
    let rows;
    try {
      rows = await api.get(`/api/staff/grade-deliveries${query({ course: this.context.courseId || this.context.params.course,
        state: this.state() })}`);
    } catch {
      return; // an ended session is handled page-wide; a network blip: the next look tries again
    }
    if (JSON.stringify(rows) === JSON.stringify(this.rows)) {
      return; // nothing changed: the table stays as it is, focus and all
    }
    this.rows = rows;
    // Focus inside the table stays on the same control of the same row, or on the row.
    const active = document.activeElement;
    const row = active?.closest?.('[data-delivery-row]')?.getAttribute('data-delivery-row');
    const retry = active?.getAttribute?.('data-retry-delivery');
    const inRegion = active?.matches?.('grade-deliveries .table-wrap');
    this.draw(this.querySelector('[data-results]'));
    if (row) {
      (retry && this.querySelector(`[data-retry-delivery="${retry}"]`) || this.querySelector(`[data-delivery-row="${row}"] th`))?.focus();
    } else if (inRegion) {
      this.querySelector('.table-wrap')?.focus();
    }
  }

  draw(box) {
    const rows = this.rows;
    if (!rows.length) {
      render(box, html`<div class="empty-state" data-empty><p data-i18n="deliveries.none">${t('deliveries.none')}</p></div>`);
      return;
    }
    const totals = { total: rows.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="deliveries-caption">
      <table class="data-table">
        <caption id="deliveries-caption"><span data-i18n="deliveries.caption">${t('deliveries.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="grading.col.learner">${t('grading.col.learner')}</th>
          <th scope="col" data-i18n="deliveries.col.item">${t('deliveries.col.item')}</th>
          <th scope="col" data-i18n="deliveries.col.score">${t('deliveries.col.score')}</th>
          <th scope="col" data-i18n="grading.col.state">${t('grading.col.state')}</th>
          <th scope="col" data-i18n="deliveries.col.attempts">${t('deliveries.col.attempts')}</th>
          <th scope="col" data-i18n="delivery.lastError">${t('delivery.lastError')}</th>
          <th scope="col" data-i18n="deliveries.col.times">${t('deliveries.col.times')}</th>
          <th scope="col"><span class="visually-hidden" data-i18n="deliveries.col.action">${t('deliveries.col.action')}</span></th>
        </tr></thead>
        <tbody>${rows.map((d) => html`<tr data-delivery-row="${d.id}" data-delivery-state="${d.state}">
          <th scope="row" tabindex="-1">${d.learnerLabel}</th>
          <td>${d.itemTitle}</td>
          <td class="nowrap">${formatNumber(d.scoreGiven)} / ${formatNumber(d.scoreMaximum)}</td>
          <td>${deliveryBadge(d.state)}</td>
          <td>${d.attempts}</td>
          <td class="delivery-error-cell" id="dl-${d.id}-error">${d.lastError || ''}</td>
          <td>${times(d)}</td>
          <td>${retryButton(d, d.lastError ? `dl-${d.id}-error` : null)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }
}

function times(d) {
  return html`<span class="nowrap"><span data-i18n="deliveries.created">${t('deliveries.created')}</span>
    <time datetime="${d.createdAt}">${formatDate(d.createdAt)}</time></span>${d.sentAt ? html`<br><span class="nowrap"><span
    data-i18n="delivery.sentAt">${t('delivery.sentAt')}</span> <time datetime="${d.sentAt}">${formatDate(d.sentAt)}</time></span>` : ''}${
    d.state === 'PENDING' && d.nextAttemptAt ? html`<br><span class="nowrap"><span data-i18n="delivery.nextAttemptAt">${
      t('delivery.nextAttemptAt')}</span> <time datetime="${d.nextAttemptAt}">${formatDate(d.nextAttemptAt)}</time></span>` : ''}`;
}

customElements.define('grade-deliveries', GradeDeliveries);
