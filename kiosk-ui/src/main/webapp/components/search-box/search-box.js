import { api, query } from '../../lib/api.js';
import { html, render } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';
import { label } from '../../lib/labels.js';
import { MAX_QUERY, SEARCH_KIND } from '../../lib/search.js';

/** Suggestions are asked for once typing pauses this long. */
const DEBOUNCE_MS = 200;
/** The server suggests nothing for fewer letters; asking would only cost a request. */
const MIN_LETTERS = 2;

/**
 * <search-box data-id="kiosk-search" data-endpoint="/api/kiosk/search/suggestions" data-label="key">:
 * a search field with suggestions, after the ARIA 1.2 combobox pattern: the input is the
 * combobox (`aria-expanded`, `aria-controls`, `aria-activedescendant`), the suggestions a listbox
 * under it. Typing asks for titles that complete the words (debounced, two letters at least);
 * Down and Up move through them (Down opens the list again), Enter opens the one chosen or runs
 * the search when none is, Escape closes the list (and empties the field when it is closed), Tab
 * leaves it. Focus never leaves the input, so a screen reader follows the active option.
 *
 * `data-label` is the message key of the field's visible label. Fires, bubbling:
 * `search-submit` ({detail: {q}}) and `search-open` ({detail: {suggestion}}) — the page decides
 * where they lead. Property `value`; method `close()`.
 */
class SearchBox extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const id = this.getAttribute('data-id') || 'search';
    const labelKey = this.getAttribute('data-label');
    this.listId = `${id}-suggestions`;
    this.suggestions = [];
    this.active = -1;
    this.asked = 0;
    render(this, html`<form class="search-box" role="search" novalidate aria-labelledby="${id}-label">
      <label id="${id}-label" for="${id}-q" data-i18n="${labelKey}">${t(labelKey)}</label>
      <div class="search-box-row">
        <div class="search-combo">
          <input id="${id}-q" name="q" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false"
            aria-controls="${this.listId}" aria-describedby="${id}-usage" autocomplete="off" spellcheck="false"
            maxlength="${MAX_QUERY}" enterkeyhint="search">
          <ul id="${this.listId}" class="search-suggestions" role="listbox" hidden
            data-i18n-aria-label="search.suggestions.label" aria-label="${t('search.suggestions.label')}"></ul>
        </div>
        <button type="submit" class="primary" data-search-submit data-i18n="search.box.submit">${t('search.box.submit')}</button>
      </div>
      <p id="${id}-usage" class="visually-hidden" data-i18n="search.box.usage">${t('search.box.usage')}</p>
      <p class="visually-hidden" role="status" data-suggestion-status></p>
    </form>`);
    this.input = this.querySelector('input');
    this.list = this.querySelector('ul');
    this.status = this.querySelector('[data-suggestion-status]');
    this.input.addEventListener('input', () => this.typed());
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.input.addEventListener('blur', () => this.close());
    // Choosing with the pointer must not take focus from the input (it would close the list first).
    this.list.addEventListener('mousedown', (e) => e.preventDefault());
    this.list.addEventListener('click', (e) => {
      const option = e.target.closest('[role=option]');
      if (option) {
        this.open(Number(option.getAttribute('data-index')));
      }
    });
    this.querySelector('form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.close();
      this.dispatchEvent(new CustomEvent('search-submit', { bubbles: true, detail: { q: this.input.value.trim() } }));
    });
  }

  get value() {
    return this.input ? this.input.value : '';
  }

  set value(text) {
    if (this.input) {
      this.input.value = text ?? '';
      this.close();
    }
  }

  disconnectedCallback() {
    clearTimeout(this.timer);
  }

  typed() {
    clearTimeout(this.timer);
    // What is typed now is no longer what the highlighted suggestion completed.
    if (this.expanded) {
      this.move(-1);
    }
    const text = this.input.value.trim();
    if (text.replace(/[\s"]/g, '').length < MIN_LETTERS) {
      this.suggestions = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => this.ask(text), DEBOUNCE_MS);
  }

  /**
   * Asks for suggestions; an answer that comes after a newer question, or after the field was
   * left, is dropped. A refusal is not the page's business (`intercept: false`): a session that
   * ended is met by the next thing the person does, not by a suggestion they no longer wait for.
   */
  async ask(text) {
    const mine = ++this.asked;
    let found;
    try {
      found = await api.get(`${this.getAttribute('data-endpoint')}${query({ q: text })}`, { intercept: false });
    } catch {
      // Suggestions are a convenience: the search itself still works and says what is wrong.
      found = [];
    }
    if (mine !== this.asked || document.activeElement !== this.input) {
      return;
    }
    this.suggestions = Array.isArray(found) ? found : [];
    this.show();
  }

  show() {
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    if (!this.suggestions.length) {
      this.close();
      return;
    }
    render(this.list, html`${this.suggestions.map((s, i) => html`<li id="${this.listId}-${i}" class="search-suggestion"
        role="option" aria-selected="false" data-index="${i}">
      <span class="suggestion-title">${s.title}</span>
      <span class="suggestion-where">${label(SEARCH_KIND, s.kind)}${s.kind === 'course' ? '' : html` · ${s.courseTitle}`}</span>
    </li>`)}`);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.status.textContent = t('search.suggestions.count', { count: this.suggestions.length });
  }

  /** Closes the list, and forgets a question not yet asked or answered (the field was left or emptied). */
  close() {
    if (!this.list) {
      return;
    }
    clearTimeout(this.timer);
    this.asked++;
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.status.textContent = '';
  }

  get expanded() {
    return !this.list.hidden;
  }

  key(e) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!this.expanded) {
          if (this.suggestions.length) {
            this.show();
            this.move(e.altKey ? -1 : 0);
          }
        } else {
          this.move(this.active + 1 >= this.suggestions.length ? 0 : this.active + 1);
        }
        break;
      case 'ArrowUp':
        if (this.expanded) {
          e.preventDefault();
          this.move(this.active <= 0 ? this.suggestions.length - 1 : this.active - 1);
        }
        break;
      case 'Enter':
        if (this.expanded && this.active >= 0) {
          e.preventDefault();
          this.open(this.active);
        }
        break;
      case 'Escape':
        if (this.expanded) {
          e.preventDefault();
          this.close();
        }
        break;
      case 'Tab':
        this.close();
        break;
      default:
    }
  }

  move(index) {
    this.active = index;
    for (const option of this.list.querySelectorAll('[role=option]')) {
      option.setAttribute('aria-selected', String(Number(option.getAttribute('data-index')) === index));
    }
    if (index < 0) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    const option = this.list.querySelector(`#${this.listId}-${index}`);
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  open(index) {
    const suggestion = this.suggestions[index];
    this.close();
    if (suggestion) {
      this.dispatchEvent(new CustomEvent('search-open', { bubbles: true, detail: { suggestion } }));
    }
  }
}

customElements.define('search-box', SearchBox);
