import { announce } from '../../lib/announce.js';
import { html, render } from '../../lib/html.js';
import { browserLanguage, isLanguage, loadCataloguesPatiently, setLanguage, t } from '../../lib/i18n.js';
import '../language-switch/language-switch.js';

const LANGUAGE_KEY = 'bilim.staff.language';

/** <start-page>: what Bilim is, and the way to each of its three front ends. */
class StartPage extends HTMLElement {
  connectedCallback() {
    if (this.started) {
      return;
    }
    this.started = true;
    this.start();
  }

  async start() {
    await loadCataloguesPatiently();
    const stored = localStorage.getItem(LANGUAGE_KEY);
    setLanguage(isLanguage(stored) ? stored : browserLanguage() || 'ru');
    render(this, html`
      <header class="console-header">
        <div class="console-bar">
          <p class="brand" data-i18n="app.name">${t('app.name')}</p>
          <language-switch></language-switch>
        </div>
      </header>
      <main id="main" class="console-main start" tabindex="-1">
        <h1 data-i18n="start.heading">${t('start.heading')}</h1>
        <p class="lead" data-i18n="start.intro">${t('start.intro')}</p>
        <ul class="start-links">
          <li><a href="/kiosk/" class="start-link"><span class="start-link-title" data-i18n="start.kiosk">${t('start.kiosk')}</span>
            <span class="start-link-text" data-i18n="start.kiosk.text">${t('start.kiosk.text')}</span></a></li>
          <li><a href="/officer/" class="start-link"><span class="start-link-title" data-i18n="start.officer">${t('start.officer')}</span>
            <span class="start-link-text" data-i18n="start.officer.text">${t('start.officer.text')}</span></a></li>
          <li><a href="/admin/" class="start-link"><span class="start-link-title" data-i18n="start.admin">${t('start.admin')}</span>
            <span class="start-link-text" data-i18n="start.admin.text">${t('start.admin.text')}</span></a></li>
        </ul>
      </main>`);
    document.title = t('app.name');
    this.addEventListener('language-change', (e) => {
      setLanguage(e.detail.language);
      localStorage.setItem(LANGUAGE_KEY, e.detail.language);
      announce(t('lang.changed'));
    });
  }
}

customElements.define('start-page', StartPage);
