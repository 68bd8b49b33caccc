import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';

const SETTINGS = {
  largeText: { label: k('a11y.largeText'), hint: k('a11y.largeText.hint') },
  highContrast: { label: k('a11y.highContrast'), hint: k('a11y.highContrast.hint') },
  screenReader: { label: k('a11y.screenReader'), hint: k('a11y.screenReader.hint') },
};

/**
 * <a11y-settings data-options="largeText highContrast screenReader">: switches for display and
 * accessibility preferences, in a fieldset. Setting `value` updates the switches; a change fires
 * `a11y-change` ({detail: {value}}, bubbling) with all preferences, and the page saves them.
 */
class A11ySettings extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const options = (this.getAttribute('data-options') || 'largeText highContrast screenReader').split(/\s+/)
      .filter((o) => SETTINGS[o]);
    const prefix = this.getAttribute('data-id') || 'a11y';
    render(this, html`<fieldset class="a11y-settings">
      <legend data-i18n="a11y.legend">${t('a11y.legend')}</legend>
      ${options.map((o) => html`<div class="a11y-option">
        <input type="checkbox" role="switch" id="${prefix}-${o}" name="${o}" aria-describedby="${prefix}-${o}-hint">
        <label for="${prefix}-${o}" data-i18n="${SETTINGS[o].label}">${t(SETTINGS[o].label)}</label>
        <p class="hint" id="${prefix}-${o}-hint" data-i18n="${SETTINGS[o].hint}">${t(SETTINGS[o].hint)}</p>
      </div>`)}
    </fieldset>`);
    this.addEventListener('change', (event) => {
      if (event.target.matches('input[type=checkbox]')) {
        this.dispatchEvent(new CustomEvent('a11y-change', { bubbles: true, detail: { value: this.value } }));
      }
    });
    if (this.pending) {
      this.value = this.pending;
    }
  }

  get value() {
    const v = { largeText: false, highContrast: false, screenReader: false, ...(this.known || {}) };
    for (const input of this.querySelectorAll('input[type=checkbox]')) {
      v[input.name] = input.checked;
    }
    return v;
  }

  set value(v) {
    this.known = { ...v };
    if (!this.rendered) {
      this.pending = v;
      return;
    }
    for (const input of this.querySelectorAll('input[type=checkbox]')) {
      input.checked = Boolean(v && v[input.name]);
    }
  }
}

customElements.define('a11y-settings', A11ySettings);
