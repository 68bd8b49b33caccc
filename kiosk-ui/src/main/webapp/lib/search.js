import { k } from './i18n.js';
import { ITEM_KIND } from './course-labels.js';

/**
 * What the learner's and the officer's search screens share: the labels of the kinds a hit can
 * be, the snippet as DOM nodes, a moment of a lecture in words, and the address of a search.
 */

/** A hit is an item of a course, or the course itself. */
export const SEARCH_KIND = { course: k('search.kind.course'), ...ITEM_KIND };

/** The longest query the server takes (CourseIndex.MAX_QUERY_CHARS). */
export const MAX_QUERY = 200;

const ENTITIES = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };

/**
 * A snippet of the search API as nodes: its text is escaped and its only markup is
 * `<mark>…</mark>` around the words that matched. It never goes through innerHTML: the text
 * between the tags becomes text nodes (with the five entities the server writes decoded), and
 * each marked run a <mark> element, so whatever the course text held stays text.
 */
export function snippetNodes(snippetHtml) {
  const fragment = document.createDocumentFragment();
  let marked = false;
  for (const part of String(snippetHtml ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>' || part === '</mark>') {
      marked = part === '<mark>';
      continue;
    }
    if (!part) {
      continue;
    }
    const text = document.createTextNode(part.replace(/&(?:lt|gt|amp|quot|#39);/g, (e) => ENTITIES[e]));
    if (marked) {
      const mark = document.createElement('mark');
      mark.append(text);
      fragment.append(mark);
    } else {
      fragment.append(text);
    }
  }
  return fragment;
}

/** A moment of a recording as a clock shows it: 0:08, 12:05, 1:02:03. */
export function clock(seconds) {
  const whole = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The parameters of a search that belong in its address, in a fixed order. */
export function searchParams({ q, kind, course, page }) {
  const p = new URLSearchParams();
  p.set('q', q ?? '');
  if (kind) {
    p.set('kind', kind);
  }
  if (course) {
    p.set('course', String(course));
  }
  if (Number(page) > 0) {
    p.set('page', String(page));
  }
  return p.toString();
}

/** The moment `t` of an address (`?t=8`), or null when it names none. */
export function startTime(params) {
  const t = Number(params?.t);
  return params?.t !== undefined && params.t !== '' && Number.isFinite(t) && t >= 0 ? t : null;
}
