/**
 * Message catalogues (kk, ru, en) and the current language. All three catalogues are loaded once
 * at start (they are small), so switching language is instant and `t()` is synchronous.
 *
 * Keys reach the catalogues in three ways, all of which the catalogue test checks: a
 * `data-i18n` attribute (element text), `data-i18n-<attribute>` (aria-label, placeholder, ...)
 * and calls of `t` / `k` with a string literal in scripts. Message parameters are written `{name}`; elements carry
 * them in `data-i18n-args` as JSON, so a language switch re-translates the page in place without
 * re-rendering forms (typed input survives).
 */
export const LANGUAGES = ['kk', 'ru', 'en'];
const TRANSLATED_ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'alt'];

const catalogues = {};
let current = 'en';
let loading = null;

export function loadCatalogues() {
  if (!loading) {
    loading = Promise.all(LANGUAGES.map(async (lang) => {
      const response = await fetch(`/i18n/messages_${lang}.json`, { credentials: 'same-origin' });
      if (!response.ok) {
        throw new Error(`messages_${lang}.json: HTTP ${response.status}`);
      }
      catalogues[lang] = await response.json();
    })).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

export function isLanguage(value) {
  return LANGUAGES.includes(value);
}

export function language() {
  return current;
}

/** Marks a string as a message key without translating it (for tables of keys). */
export function k(key) {
  return key;
}

export function t(key, params) {
  let text = catalogues[current]?.[key];
  if (text === undefined) {
    console.error(`Missing message ${key} (${current})`);
    text = catalogues.en?.[key] ?? key;
  }
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? paramText(params[name]) : whole));
  }
  return text;
}

/**
 * A parameter as text; `{date: iso}` is a moment and `{number: n}` a number (a score, points),
 * both formatted in the current language: "3,5" in Kazakh and Russian, "3.5" in English.
 */
function paramText(value) {
  if (value && typeof value === 'object' && 'date' in value) {
    return formatDate(value.date);
  }
  if (value && typeof value === 'object' && 'number' in value) {
    return formatNumber(value.number);
  }
  return String(value);
}

/** A number as the current language writes it (decimal comma or point), at most two decimals. */
export function formatNumber(value) {
  const n = typeof value === 'number' ? value : Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(n)) {
    return String(value ?? '');
  }
  try {
    return new Intl.NumberFormat(current, { maximumFractionDigits: 2 }).format(n);
  } catch {
    return String(n);
  }
}

/** The language a browser prefers, if Bilim speaks it. */
export function browserLanguage() {
  for (const tag of navigator.languages || [navigator.language]) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (isLanguage(primary)) {
      return primary;
    }
  }
  return null;
}

function readArgs(element) {
  const raw = element.getAttribute('data-i18n-args');
  if (!raw) {
    return undefined;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

const dateFormats = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'medium' },
};

export function formatDate(iso, style = 'datetime') {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return String(iso);
  }
  try {
    return new Intl.DateTimeFormat(current, dateFormats[style] || dateFormats.datetime).format(date);
  } catch {
    return date.toISOString();
  }
}

/** Fills in every translatable text and attribute under `root`, and formats dates. */
export function translate(root = document.documentElement) {
  const scope = root.querySelectorAll ? root : document.documentElement;
  const all = (selector) => {
    const found = Array.from(scope.querySelectorAll(selector));
    if (scope.matches && scope.matches(selector)) {
      found.unshift(scope);
    }
    return found;
  };
  for (const el of all('[data-i18n]')) {
    el.textContent = t(el.getAttribute('data-i18n'), readArgs(el));
  }
  for (const attribute of TRANSLATED_ATTRIBUTES) {
    for (const el of all(`[data-i18n-${attribute}]`)) {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`), readArgs(el)));
    }
  }
  for (const el of all('time[datetime]')) {
    el.textContent = formatDate(el.getAttribute('datetime'), el.getAttribute('data-style') || 'datetime');
  }
}

/**
 * Switches the language of the page: `<html lang>`, every marked text, the page title, and tells
 * components (event `bilim:language` on document) so they can refresh what they compute.
 */
export function setLanguage(lang) {
  if (!isLanguage(lang)) {
    return;
  }
  current = lang;
  document.documentElement.lang = lang;
  translate(document.documentElement);
  document.dispatchEvent(new CustomEvent('bilim:language', { detail: { language: lang } }));
}

/** Loads the catalogues, retrying with growing pauses while the server cannot deliver them. */
export async function loadCataloguesPatiently() {
  for (let wait = 1000; ; wait = Math.min(wait * 2, 30_000)) {
    try {
      await loadCatalogues();
      return;
    } catch (error) {
      console.error('Bilim cannot load its messages yet', error);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
