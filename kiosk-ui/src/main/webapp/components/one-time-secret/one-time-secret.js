import { copyField, copyFrom } from '../../lib/copy.js';
import { args, html, render } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';

/**
 * <one-time-secret>: a PIN or enrolment code that the server shows this once. Large and spaced
 * for reading aloud or copying by hand; screen readers get it character by character. An address
 * (a registration URL to paste into an LMS) is shown instead in a read-only field with a copy
 * button (`address: {label}`, a message key naming it). The texts
 * are message keys with parameters (`{key, args}`), so they follow a language switch.
 * Fires `secret-dismissed` when the officer has noted it.
 */
class OneTimeSecret extends HTMLElement {
  /**
   * @param {{title: {key: string, args?: object}, secret: string, lines: {key: string, args?: object}[],
   *   level?: number, kind?: string, address?: {label: string}}} o
   */
  show(o) {
    const level = o.level || 2;
    const id = this.getAttribute('data-id') || 'secret';
    const heading = html`<span data-i18n="${o.title.key}" data-i18n-args="${args(o.title.args || {})}">${t(o.title.key, o.title.args)}</span>`;
    render(this, html`<section class="one-time-secret" aria-labelledby="${id}-title" data-kind="${o.kind || 'secret'}">
      ${level === 3 ? html`<h3 id="${id}-title" tabindex="-1">${heading}</h3>` : html`<h2 id="${id}-title" tabindex="-1">${heading}</h2>`}
      ${o.address ? html`<div class="secret secret-address" data-secret-address>${copyField({ id: `${id}-value`, label: o.address.label,
        value: o.secret })}</div>` : html`<p class="secret"><span class="secret-value" data-secret aria-hidden="true">${o.secret}</span><span
        class="visually-hidden">${o.secret.split('').join(' ')}</span></p>`}
      <p class="secret-once"><strong data-i18n="secret.once">${t('secret.once')}</strong></p>
      ${o.lines.map((line) => html`<p data-i18n="${line.key}" data-i18n-args="${args(line.args || {})}">${t(line.key, line.args)}</p>`)}
      <button type="button" class="secondary" data-dismiss data-i18n="secret.dismiss">${t('secret.dismiss')}</button>
    </section>`);
    this.querySelector('[data-copy]')?.addEventListener('click', (e) => copyFrom(e.currentTarget));
    this.querySelector('[data-dismiss]').addEventListener('click', () => {
      this.textContent = '';
      this.dispatchEvent(new CustomEvent('secret-dismissed', { bubbles: true }));
    });
    this.querySelector(`#${id}-title`).focus();
  }

  clear() {
    this.textContent = '';
  }
}

customElements.define('one-time-secret', OneTimeSecret);
