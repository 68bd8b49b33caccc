import { api } from './api.js';

/** How often a learner's time on an item is reported while the item is on screen. */
export const REPORT_INTERVAL_MS = 30_000;
/** The server counts at most 300 s of one report and refuses more than an hour. */
const MAX_SECONDS = 3600;

/**
 * Reports a learner's progress on one item (`PUT /api/kiosk/courses/{id}/items/{key}/progress`):
 * the seconds the item was visible since the last report, where the learner is (`scroll=0.42`,
 * `t=93.5`) and whether they finished. It reports every 30 s while the page is visible, at once
 * when the item is completed, and when the learner leaves (another screen, the tab hidden, the
 * page unloading: then with `keepalive`, so the request outlives the page). Time while the kiosk
 * shows something else, or the screen is hidden, is not counted.
 */
export class ProgressReporter {
  /**
   * @param {number} courseId
   * @param {string} itemKey
   * @param {{position?: () => (string|null), intervalMs?: number}} [options]
   */
  constructor(courseId, itemKey, options = {}) {
    this.path = `/api/kiosk/courses/${courseId}/items/${encodeURIComponent(itemKey)}/progress`;
    this.position = options.position || (() => null);
    this.intervalMs = options.intervalMs || REPORT_INTERVAL_MS;
    this.completed = false;
    this.completedReported = false;
    this.visibleMs = 0;
    this.visibleSince = null;
    this.lastPosition = undefined;
    this.onVisibility = () => this.visibilityChanged();
    this.onPageHide = () => this.flush({ final: true });
  }

  start() {
    this.visibleSince = document.visibilityState === 'visible' ? performance.now() : null;
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('pagehide', this.onPageHide);
    this.timer = setInterval(() => this.flush(), this.intervalMs);
  }

  /** Stops counting and sends what is left; resolves when the server has it (or could not be reached). */
  stop() {
    if (!this.timer) {
      return Promise.resolve();
    }
    clearInterval(this.timer);
    this.timer = null;
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('pagehide', this.onPageHide);
    return this.flush({ final: true });
  }

  /** The learner finished the item: said at once, not at the next report. */
  complete() {
    if (this.completed) {
      return Promise.resolve();
    }
    this.completed = true;
    return this.flush({ force: true });
  }

  visibilityChanged() {
    if (document.visibilityState === 'visible') {
      this.visibleSince = performance.now();
    } else {
      this.flush({ final: true });
    }
  }

  takeSeconds() {
    const now = performance.now();
    if (this.visibleSince !== null) {
      this.visibleMs += now - this.visibleSince;
      this.visibleSince = document.visibilityState === 'visible' && this.timer ? now : null;
    }
    const seconds = Math.min(MAX_SECONDS, Math.floor(this.visibleMs / 1000));
    this.visibleMs -= seconds * 1000;
    return seconds;
  }

  async flush({ final = false, force = false } = {}) {
    const seconds = this.takeSeconds();
    const position = this.position();
    const news = seconds > 0 || position !== this.lastPosition || (this.completed && !this.completedReported);
    if (!news && !force) {
      return;
    }
    this.lastPosition = position;
    const completed = this.completed;
    try {
      // A last report may meet an ended session (signed out, idle): the screen is changing anyway.
      await api.put(this.path, { seconds, position, completed }, { keepalive: final, intercept: !final });
      if (completed) {
        this.completedReported = true;
      }
    } catch {
      // Progress is best effort: the time is lost, the learner's work is not. Completion is said again next time.
    }
  }
}
