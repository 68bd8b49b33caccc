import { api } from './api.js';

/**
 * The outlines of the learner's courses, asked once per screen that needs them: an item screen
 * needs its course's title and language (the item's own answer does not carry them), and the
 * outline screen always asks afresh, since progress changes as the learner works.
 */
const outlines = new Map();

export async function courseOutline(courseId, { fresh = false } = {}) {
  if (fresh || !outlines.has(courseId)) {
    outlines.set(courseId, await api.get(`/api/kiosk/courses/${courseId}`));
  }
  return outlines.get(courseId);
}

/** Forgets every outline: the next learner at this kiosk must not see the last one's. */
export function forgetOutlines() {
  outlines.clear();
}

/** The address of an item's screen. */
export function itemHref(courseId, key) {
  return `#/courses/${courseId}/items/${key}`;
}

/** A learner-facing state of an item: not started, viewed (opened, unfinished), completed. */
export function itemState(progress) {
  if (progress?.completed) {
    return 'completed';
  }
  return progress?.viewed ? 'viewed' : 'not-started';
}
