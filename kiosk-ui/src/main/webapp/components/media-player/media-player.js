import { announce } from '../../lib/announce.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { k, language, t } from '../../lib/i18n.js';
import { ProgressReporter } from '../../lib/progress.js';
import { clock } from '../../lib/search.js';

/** Watched this share of a recording, a learner has completed it. */
const COMPLETE_SHARE = 0.9;
/** While a recording plays, the kiosk hears of it this often (nobody touches a screen while watching). */
const ACTIVITY_MS = 5000;

/**
 * <media-player>: a video or a recording with the browser's own controls (keyboard and screen
 * reader ready), a captions track per caption file — the one in the learner's language on by
 * default — and the transcript below. It starts where the learner stopped (`t=93.5`), or at
 * `startAt` seconds when that is given (a search found the words said there; the player says
 * "from 0:08" on screen and to a screen reader), reports time and position, and the item is
 * completed once 90 % of it has been watched. Seeking asks the server for byte ranges, so a long
 * lecture starts at once.
 *
 * Properties: `item` (a kiosk media item) with `courseId` and `lang`; or, without reporting,
 * `file` ({url, name, mediaType}) and optional `captions` (attachments, the officer's preview);
 * either with an optional `startAt`.
 */
class MediaPlayer extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const item = this.item;
    const media = this.file || item?.media;
    const captions = this.captions || item?.captions || [];
    const kind = media.mediaType && media.mediaType.startsWith('audio/') ? 'audio' : 'video';
    this.kind = kind;
    const chosen = defaultCaption(captions, [language(), this.lang]);
    const tracks = captions.map((c) => html`<track kind="captions" src="${c.url}" srclang="${c.language}"
      label="${c.label || c.language}" ${c === chosen ? 'default' : ''}>`);
    // A screen reader names the player: by the item's title, what the learner chose to open, not
    // by a file name such as "lecture_01_final.mp4"; an attachment has only its file name.
    const name = item?.title || media.name || '';
    const from = this.startAt === null || this.startAt === undefined ? null : { time: clock(this.startAt) };
    render(this, html`${from ? html`<p class="media-start" data-start-at="${this.startAt}" data-i18n="media.startAt"
        data-i18n-args="${args(from)}">${t('media.startAt', from)}</p>` : ''}
    <figure class="media-player">
      ${kind === 'audio'
        ? html`<audio controls preload="metadata" src="${media.url}" aria-label="${name}" data-media>${tracks}</audio>`
        : html`<video controls preload="metadata" playsinline src="${media.url}" aria-label="${name}" data-media>${tracks}</video>`}
      <figcaption>${media.name || name}</figcaption>
    </figure>
    <p class="status-line" role="status" data-media-status>${item?.progress?.completed ? this.done() : ''}</p>
    ${item?.transcriptHtml ? html`<section class="transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title" data-i18n="media.transcript">${t('media.transcript')}</h2>
      <div class="course-html" lang="${this.lang}" data-transcript>${sanitised(item.transcriptHtml)}</div>
    </section>` : ''}`);
    this.media = this.querySelector('[data-media]');
    // The menu of a <video> would offer "save as" and casting: not on a kiosk.
    this.media.setAttribute('controlslist', 'nodownload noremoteplayback');
    this.media.disablePictureInPicture = true;
    this.media.addEventListener('contextmenu', (e) => e.preventDefault());
    if (from) {
      this.startFrom(this.startAt);
    }
    if (item && this.courseId) {
      this.track(item);
    }
  }

  /** Starts at a moment (within the recording) once the browser knows its length, and says so. */
  startFrom(at) {
    const media = this.media;
    media.addEventListener('loadedmetadata', () => {
      const end = Number.isFinite(media.duration) ? media.duration : at;
      media.currentTime = Math.min(at, Math.max(0, end - 0.5));
      announce(t('media.startAt', { time: clock(media.currentTime) }));
    }, { once: true });
  }

  /** "You have watched this" for a video, "listened to" for a recording. */
  done() {
    const key = this.kind === 'audio' ? k('media.listened') : k('media.completed');
    return html`<span data-i18n="${key}">${t(key)}</span>`;
  }

  track(item) {
    const media = this.media;
    this.reporter = new ProgressReporter(this.courseId, item.key, {
      position: () => (Number.isFinite(media.currentTime) ? `t=${media.currentTime.toFixed(1)}` : null),
    });
    this.reporter.completed = Boolean(item.progress?.completed);
    this.reporter.completedReported = this.reporter.completed;
    this.reporter.start();
    // A moment asked for (a search hit) wins over where the learner stopped last time.
    const saved = this.startAt === null || this.startAt === undefined ? /^t=([0-9.]+)$/.exec(item.progress?.position || '') : null;
    this.resumedFrom = 0;
    media.addEventListener('loadedmetadata', () => {
      const at = saved ? Number(saved[1]) : 0;
      if (at > 0 && Number.isFinite(media.duration) && at < media.duration - 2) {
        media.currentTime = at;
        this.resumedFrom = at;
      }
    }, { once: true });
    let lastActivity = 0;
    media.addEventListener('timeupdate', () => {
      if (!media.paused && Date.now() - lastActivity > ACTIVITY_MS) {
        lastActivity = Date.now();
        this.dispatchEvent(new CustomEvent('learner-activity', { bubbles: true }));
      }
      this.checkWatched();
    });
    media.addEventListener('pause', () => {
      if (this.reporter.timer) {
        this.reporter.flush();
      }
    });
    media.addEventListener('ended', () => this.checkWatched());
  }

  /** Watched = what played now, plus what lay before the point this visit resumed at. */
  checkWatched() {
    const media = this.media;
    if (this.reporter.completed || !Number.isFinite(media.duration) || media.duration <= 0) {
      return;
    }
    let played = 0;
    for (let i = 0; i < media.played.length; i++) {
      played += media.played.end(i) - media.played.start(i);
    }
    if (played + this.resumedFrom >= COMPLETE_SHARE * media.duration) {
      this.reporter.complete();
      render(this.querySelector('[data-media-status]'), this.done());
    }
  }

  disconnectedCallback() {
    this.leave();
  }

  leave() {
    if (this.media && !this.media.paused) {
      this.media.pause();
    }
    return this.reporter ? this.reporter.stop() : Promise.resolve();
  }
}

/** The captions in the first of `languages` that has any; none on by default otherwise. */
function defaultCaption(captions, languages) {
  for (const lang of languages) {
    const found = captions.find((c) => lang && c.language === lang);
    if (found) {
      return found;
    }
  }
  return null;
}

customElements.define('media-player', MediaPlayer);
