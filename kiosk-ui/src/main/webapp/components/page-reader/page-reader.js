import { html, render, sanitised } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';
import { ProgressReporter } from '../../lib/progress.js';

/**
 * <page-reader>: a course page on the kiosk. The page's HTML, sanitised by the server, goes into
 * the document inside a container in the course's language. The reader comes back to where the
 * learner left off (`scroll=0.42` of the page), reports the time spent and the position, and
 * tells the server the page was read once its end has been on screen.
 * Properties `item` (the kiosk's item answer), `courseId`, `lang`.
 */
class PageReader extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const item = this.item;
    render(this, html`
      <div class="course-html" lang="${this.lang}" data-page-html>${sanitised(item.html)}</div>
      <p class="page-end" data-page-end>
        <span class="status-line" data-page-status role="status">${item.progress?.completed
          ? html`<span data-i18n="page.completed">${t('page.completed')}</span>` : ''}</span>
      </p>`);
    this.reporter = new ProgressReporter(this.courseId, item.key, { position: () => this.position() });
    this.reporter.completed = Boolean(item.progress?.completed);
    this.reporter.completedReported = this.reporter.completed;
    this.reporter.start();
    // Back to where the learner was, once the page has its height; then watch for its end.
    requestAnimationFrame(() => {
      this.restore(item.progress?.position);
      this.watchEnd();
    });
  }

  disconnectedCallback() {
    this.leave();
  }

  leave() {
    this.observer?.disconnect();
    return this.reporter ? this.reporter.stop() : Promise.resolve();
  }

  /** How far down the page the learner is, 0 to 1. */
  fraction() {
    const max = document.documentElement.scrollHeight - window.innerHeight;
    return max > 0 ? Math.min(1, Math.max(0, window.scrollY / max)) : 1;
  }

  position() {
    return `scroll=${this.fraction().toFixed(2)}`;
  }

  restore(position) {
    const match = /^scroll=([0-9.]+)$/.exec(position || '');
    if (!match) {
      return;
    }
    const max = document.documentElement.scrollHeight - window.innerHeight;
    if (max > 0) {
      window.scrollTo(0, Math.round(Number(match[1]) * max));
    }
  }

  watchEnd() {
    if (this.reporter.completed) {
      return;
    }
    const end = this.querySelector('[data-page-end]');
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        this.observer.disconnect();
        this.reached();
      }
    });
    this.observer.observe(end);
  }

  async reached() {
    await this.reporter.complete();
    const status = this.querySelector('[data-page-status]');
    // A status region: the words are announced politely as they appear.
    render(status, html`<span data-i18n="page.completed">${t('page.completed')}</span>`);
  }
}

customElements.define('page-reader', PageReader);
