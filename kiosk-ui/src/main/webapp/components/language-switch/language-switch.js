import { html, render } from '../../lib/html.js';
import { LANGUAGES, k, language, t } from '../../lib/i18n.js';

/** Each language named in itself, so that a person finds their own whatever language is showing. */
const NATIVE = { kk: k('lang.native.kk'), ru: k('lang.native.ru'), en: k('lang.native.en') };

/**
 * <language-switch>: one button per language (aria-pressed marks the current one), each with
 * its own `lang` so a screen reader pronounces it right. Choosing one fires `language-change`
 * ({detail: {language}}, bubbling); the page decides what a switch means (a learner's
 * preference is saved on the server, a staff member's kept in the browser).
 */
class LanguageSwitch extends HTMLElement {
  connectedCallback() {
    if (!this.rendered) {
      this.rendered = true;
      render(this, html`<div role="group" class="language-switch" data-i18n-aria-label="lang.switch.label"
          aria-label="${t('lang.switch.label')}">
        ${LANGUAGES.map((l) => html`<button type="button" class="language-option" lang="${l}" data-language="${l}"
          aria-pressed="false" data-i18n="${NATIVE[l]}">${t(NATIVE[l])}</button>`)}
      </div>`);
      this.addEventListener('click', (event) => {
        const button = event.target.closest('button[data-language]');
        if (!button) {
          return;
        }
        const chosen = button.getAttribute('data-language');
        if (chosen !== language()) {
          this.dispatchEvent(new CustomEvent('language-change', { bubbles: true, detail: { language: chosen } }));
        }
      });
      this.onLanguage = () => this.sync();
    }
    document.addEventListener('bilim:language', this.onLanguage);
    this.sync();
  }

  disconnectedCallback() {
    document.removeEventListener('bilim:language', this.onLanguage);
  }

  sync() {
    for (const b of this.querySelectorAll('button[data-language]')) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-language') === language()));
    }
  }
}

customElements.define('language-switch', LanguageSwitch);
