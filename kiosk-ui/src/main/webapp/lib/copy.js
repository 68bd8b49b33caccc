import { announce } from './announce.js';
import { html } from './html.js';
import { t } from './i18n.js';

/**
 * A read-only address with a button that copies it (an LMS administrator pastes Bilim's addresses
 * into their LMS). The button names the address for a screen reader. `label` and `hint` are
 * message keys; the button carries `data-copy` = the input's id, for {@link copyFrom}.
 *
 * @param {{id: string, label: string, hint?: string, value: string, name?: string}} o
 */
export function copyField(o) {
  return html`<div class="field" data-field="${o.name || o.id}">
    <label for="${o.id}" data-i18n="${o.label}">${t(o.label)}</label>
    ${o.hint ? html`<p class="hint" id="${o.id}-hint" data-i18n="${o.hint}">${t(o.hint)}</p>` : ''}
    <div class="copy-row">
      <input type="text" id="${o.id}" value="${o.value || ''}" readonly spellcheck="false"
        ${o.hint ? html`aria-describedby="${o.id}-hint"` : ''} data-copy-value="${o.name || o.id}">
      <button type="button" class="secondary" data-copy="${o.id}"><span data-i18n="lti.tool.copy">${t('lti.tool.copy')}</span><span
        class="visually-hidden"> <span data-i18n="${o.label}">${t(o.label)}</span></span></button>
    </div>
  </div>`;
}

/** Copies the address of a {@link copyField}'s button; where the browser refuses, selects it for Ctrl+C. */
export async function copyFrom(button) {
  const input = document.getElementById(button.getAttribute('data-copy'));
  const name = input.labels[0]?.textContent.trim() || '';
  try {
    await navigator.clipboard.writeText(input.value);
  } catch {
    input.focus();
    input.select();
    announce(t('lti.tool.copyByHand', { name }));
    return;
  }
  announce(t('lti.tool.copied', { name }));
}
