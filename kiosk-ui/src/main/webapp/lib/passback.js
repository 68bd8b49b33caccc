import { api } from './api.js';
import { announce } from './announce.js';
import { problemBox } from './forms.js';
import { args, html, render } from './html.js';
import { formatDate, k, t } from './i18n.js';
import { labelHtml } from './labels.js';

/**
 * Where a grade stands with the university gradebooks (AGS), the same on every screen that shows
 * graded work: the officer's and the lecturer's graders, their lists, and the list of deliveries.
 * A failed delivery can be sent again from wherever it is shown.
 */

/** The state of a piece of work (`passback.state`). */
export const PASSBACK_STATE = {
  NOT_LINKED: k('passback.state.NOT_LINKED'),
  NO_GRADE_SERVICE: k('passback.state.NO_GRADE_SERVICE'),
  UNCONFIRMED: k('passback.state.UNCONFIRMED'),
  NOT_GRADED: k('passback.state.NOT_GRADED'),
  PENDING: k('passback.state.PENDING'),
  SENT: k('passback.state.SENT'),
  FAILED: k('passback.state.FAILED'),
};

/** What each state means for the person grading, in a sentence. */
const PASSBACK_TEXT = {
  NOT_LINKED: k('passback.text.NOT_LINKED'),
  NO_GRADE_SERVICE: k('passback.text.NO_GRADE_SERVICE'),
  UNCONFIRMED: k('passback.text.UNCONFIRMED'),
  NOT_GRADED: k('passback.text.NOT_GRADED'),
  PENDING: k('passback.text.PENDING'),
  SENT: k('passback.text.SENT'),
  FAILED: k('passback.text.FAILED'),
};

/** The state of one delivery. */
export const DELIVERY_STATE = {
  PENDING: k('passback.state.PENDING'),
  SENT: k('passback.state.SENT'),
  FAILED: k('passback.state.FAILED'),
  SUPERSEDED: k('delivery.state.SUPERSEDED'),
};

const BADGE = { FAILED: 'badge badge-danger', UNCONFIRMED: 'badge badge-warning', PENDING: 'badge badge-warning' };

/** A state as a badge, e.g. in a table cell. */
export function passbackBadge(state) {
  return html`<span class="${BADGE[state] || 'badge'}" data-passback-state="${state}">${labelHtml(PASSBACK_STATE, state)}</span>`;
}

export function deliveryBadge(state) {
  return html`<span class="${BADGE[state] || 'badge'}" data-delivery-state="${state}">${labelHtml(DELIVERY_STATE, state)}</span>`;
}

/** A "Send again" button for a failed delivery; {@link bindRetry} makes it work. */
export function retryButton(delivery, labelledBy) {
  return delivery.state === 'FAILED'
    ? html`<button type="button" class="secondary small" data-retry-delivery="${delivery.id}"
        ${labelledBy ? html`aria-describedby="${labelledBy}"` : ''} data-i18n="delivery.retry">${t('delivery.retry')}</button>`
    : '';
}

/**
 * The passback section of a grader: the state, what it means, and each delivery with its
 * attempts, times, last error and (when failed) "Send again". `idPrefix` keeps ids unique when a
 * page shows several.
 */
export function passbackSection(passback, idPrefix, level = 3) {
  const p = passback || { state: 'NOT_LINKED', deliveries: [] };
  const text = PASSBACK_TEXT[p.state];
  const heading = level === 2
    ? html`<h2 id="${idPrefix}-title" data-i18n="passback.heading">${t('passback.heading')}</h2>`
    : html`<h3 id="${idPrefix}-title" data-i18n="passback.heading">${t('passback.heading')}</h3>`;
  return html`<section class="passback" aria-labelledby="${idPrefix}-title" data-passback="${p.state}">
    ${heading}
    <p>${passbackBadge(p.state)}</p>
    ${text ? html`<p data-i18n="${text}">${t(text)}</p>` : ''}
    ${(p.deliveries || []).length ? html`<ul class="passback-deliveries">${p.deliveries.map((d) => deliveryItem(d, idPrefix))}</ul>` : ''}
    <p><button type="button" class="secondary small" data-passback-refresh data-i18n="passback.refresh">${t('passback.refresh')}</button></p>
    <div data-retry-result></div>
  </section>`;
}

function deliveryItem(d, idPrefix) {
  const attempts = { count: d.attempts };
  const where = { issuer: d.issuer, context: d.contextId };
  const errorId = `${idPrefix}-d${d.id}-error`;
  return html`<li data-delivery-id="${d.id}" data-delivery-state="${d.state}">
    <p>${deliveryBadge(d.state)}
      <span data-i18n="delivery.where" data-i18n-args="${args(where)}">${t('delivery.where', where)}</span></p>
    <p class="hint"><span data-i18n="delivery.attempts" data-i18n-args="${args(attempts)}">${t('delivery.attempts', attempts)}</span>${
      d.sentAt ? html` · <span data-i18n="delivery.sentAt">${t('delivery.sentAt')}</span> <time datetime="${d.sentAt}">${formatDate(d.sentAt)}</time>` : ''}${
      d.state === 'PENDING' && d.nextAttemptAt ? html` · <span data-i18n="delivery.nextAttemptAt">${t('delivery.nextAttemptAt')}</span>
        <time datetime="${d.nextAttemptAt}">${formatDate(d.nextAttemptAt)}</time>` : ''}</p>
    ${d.lastError && d.state !== 'SENT' ? html`<p class="delivery-error" id="${errorId}"><span data-i18n="delivery.lastError">${
      t('delivery.lastError')}</span> <span data-last-error>${d.lastError}</span></p>` : ''}
    ${retryButton(d, d.lastError ? errorId : null)}
  </li>`;
}

/**
 * Draws a passback section again into `box` (after a look at the server), keeping focus on the
 * same button if it had it; nothing is redrawn when nothing changed.
 */
export function redrawPassback(box, passback, idPrefix, level = 3) {
  const json = JSON.stringify(passback);
  if (!box || box.dataset.shown === json) {
    return;
  }
  const active = box.contains(document.activeElement) ? document.activeElement : null;
  const retry = active?.getAttribute('data-retry-delivery');
  const refresh = active?.hasAttribute('data-passback-refresh');
  render(box, passbackSection(passback, idPrefix, level));
  box.dataset.shown = json;
  if (retry) {
    (box.querySelector(`[data-retry-delivery="${retry}"]`) || box.querySelector('[data-passback-refresh]'))?.focus();
  } else if (refresh) {
    box.querySelector('[data-passback-refresh]')?.focus();
  }
}

/**
 * Makes the "Send again" buttons inside `root` work (now and after re-renders): the delivery is
 * queued again, the result is said where the button was, and `after` reloads what is shown.
 */
export function bindRetry(root, after) {
  root.addEventListener('click', async (e) => {
    const refresh = e.target.closest('[data-passback-refresh]');
    if (refresh && root.contains(refresh)) {
      refresh.setAttribute('aria-busy', 'true');
      await after();
      refresh.removeAttribute('aria-busy');
      const box = refresh.isConnected ? refresh.closest('.passback') : root.querySelector('.passback');
      box?.querySelector('[data-passback-refresh]')?.focus();
      announce(t('passback.refreshed'));
      return;
    }
    const button = e.target.closest('[data-retry-delivery]');
    if (!button || !root.contains(button) || button.disabled) {
      return;
    }
    button.disabled = true;
    const id = button.getAttribute('data-retry-delivery');
    const result = button.closest('.passback')?.querySelector('[data-retry-result]') || root.querySelector('[data-retry-result]');
    try {
      await api.post(`/api/staff/grade-deliveries/${id}/retry`);
    } catch (error) {
      button.disabled = false;
      if (!error.handled && result) {
        render(result, problemBox(error));
      }
      return;
    }
    announce(t('delivery.retried'));
    await after();
    const again = root.querySelector('[data-retry-result]');
    if (again) {
      render(again, html`<p class="notice notice-success" role="status" data-retried data-i18n="delivery.retried">${t('delivery.retried')}</p>`);
    }
  });
}

/** How often, and for how long, a screen asks again while a grade is on its way. */
const WATCH_EVERY_MS = 3000;
const WATCH_FOR_MS = 180_000;

/**
 * Asks `refresh` again every few seconds while `passback()` says a delivery is on its way
 * (PENDING), for a few minutes at most: a courier that waits out an outage takes longer, and then
 * "Check again" is there. Returns `{stop}`.
 */
export function watchPassback(passback, refresh) {
  const until = Date.now() + WATCH_FOR_MS;
  let timer = null;
  let stopped = false;
  const tick = async () => {
    if (stopped || Date.now() > until || passback()?.state !== 'PENDING') {
      return;
    }
    await refresh();
    if (!stopped) {
      timer = setTimeout(tick, WATCH_EVERY_MS);
    }
  };
  timer = setTimeout(tick, WATCH_EVERY_MS);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
