import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { LANGUAGE, labelHtml } from '../../lib/labels.js';
import { ITEM_KIND, QUESTION_TYPE, VERSION_STATE } from '../../lib/course-labels.js';
import { lintTable } from '../../lib/course-report.js';
import { startTime } from '../../lib/search.js';
import { decisionText } from '../course-list/course-list.js';
import '../pdf-viewer/pdf-viewer.js';
import '../media-player/media-player.js';

/** Problems the form ties to one of its fields. */
const CODE_FIELDS = { 'approval.reason-required': 'reason' };

/**
 * <course-preview>: a course as the vetting officer reads it (`#/courses/{id}`): its facts and
 * the content fingerprint (the hash the decision is bound to), the sanitiser's report as a table,
 * every item as a learner would see it — pages, documents, recordings, case-study tasks, quiz
 * questions with the right answers marked — and the decision: approve, or reject with a reason.
 * A decision on content that changed meanwhile is refused (409 approval.hash-mismatch) and said
 * so plainly, with a way to reload.
 *
 * `#/courses/{id}?item={key}` (where a search hit leads) brings that item into view and moves
 * focus to its heading; with `&t=8` its recording starts at that moment.
 *
 * `<course-preview data-mode="lecturer">` is the same reading for a lecturer in their workspace
 * (launched from an LMS): no way back to the officer's course list, no facility decision (shown
 * or asked), and recordings played from short-lived links (`POST /api/staff/files/{id}/link`) —
 * the workspace's session is a bearer token, which a `<video>` element cannot send. Its `context`
 * needs only `{me, id, params}`.
 */
class CoursePreview extends HTMLElement {
  static titleKey = k('preview.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    // The attribute says how to read; the role makes sure a lecturer is never offered a decision.
    this.lecturer = this.getAttribute('data-mode') === 'lecturer' || this.context?.me?.role === 'LECTURER';
    render(this, html`
      <h1 data-heading data-i18n="preview.title">${t('preview.title')}</h1>
      ${this.lecturer ? '' : html`<p><a href="#/courses" data-i18n="preview.back">${t('preview.back')}</a></p>`}
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-load]');
    try {
      const answer = await api.get(`/api/staff/courses/${this.context.id}`, { withEtag: true });
      this.course = answer.value;
      this.hash = (answer.etag || '').replace(/^W\//, '').replace(/"/g, '') || this.course.latest.contentHash;
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.draw();
    this.focusItem();
  }

  /** The item the address names (a search hit), marked, in view and with focus on its heading. */
  focusItem() {
    const key = this.context.params?.item;
    const found = key ? [...this.querySelectorAll('.preview-item[data-item]')].find((a) => a.getAttribute('data-item') === key) : null;
    if (!found) {
      return;
    }
    found.classList.add('preview-item-found');
    const heading = found.querySelector('h3');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  draw() {
    const c = this.course;
    const v = c.latest;
    const lang = c.language;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('preview.heading'));
    h1.setAttribute('data-i18n-args', args({ title: c.title }));
    translate(h1);
    const findings = (c.lint || []).map((l) => l.finding || l);
    const modules = c.content?.modules || [];
    render(this.querySelector('[data-load]'), html`
      <dl class="facts">
        <div><dt data-i18n="vetting.col.code">${t('vetting.col.code')}</dt><dd>${c.code}</dd></div>
        <div><dt data-i18n="vetting.col.university">${t('vetting.col.university')}</dt><dd>${c.university}</dd></div>
        <div><dt data-i18n="vetting.col.language">${t('vetting.col.language')}</dt><dd>${labelHtml(LANGUAGE, lang)}</dd></div>
        <div><dt data-i18n="preview.credits">${t('preview.credits')}</dt><dd>${c.credits}</dd></div>
        <div><dt data-i18n="vetting.col.version">${t('vetting.col.version')}</dt><dd><span data-i18n="vetting.version"
          data-i18n-args="${args({ number: v.number })}">${t('vetting.version', { number: v.number })}</span> · ${labelHtml(VERSION_STATE, v.state)}</dd></div>
        <div><dt data-i18n="preview.hash">${t('preview.hash')}</dt><dd><code data-content-hash>${this.hash}</code></dd></div>
        ${this.lecturer ? '' : html`<div><dt data-i18n="vetting.col.decision">${t('vetting.col.decision')}</dt><dd data-current-decision>${decisionText(v.decision)}
          ${v.decision?.reason ? html` — <span>${v.decision.reason}</span>` : ''}
          ${v.decision?.decidedAt ? html` · <time datetime="${v.decision.decidedAt}">${formatDate(v.decision.decidedAt)}</time>` : ''}</dd></div>`}
      </dl>
      ${this.lecturer ? '' : decisionPanel()}
      <section aria-labelledby="lint-title">
        <h2 id="lint-title" data-i18n="preview.lint.heading">${t('preview.lint.heading')}</h2>
        ${findings.length ? lintTable(findings, 'preview-lint') : html`<p data-no-findings data-i18n="lint.none">${t('lint.none')}</p>`}
      </section>
      <section aria-labelledby="content-title" data-preview-content>
        <h2 id="content-title" data-i18n="preview.content.heading">${t('preview.content.heading')}</h2>
        <p data-i18n="preview.content.intro">${t('preview.content.intro')}</p>
        ${c.content?.description ? html`<p class="lead" lang="${lang}">${c.content.description}</p>` : ''}
        ${modules.map((m) => html`<section class="preview-module" aria-labelledby="pm-${m.key}" data-module="${m.key}">
          <h2 id="pm-${m.key}" lang="${lang}">${m.title}</h2>
          ${(m.items || []).map((item) => this.item(item, lang))}
        </section>`)}
      </section>`);
    const form = this.querySelector('form[data-form=decision]');
    form?.addEventListener('submit', guard(form, (event) => this.decide(form, event.submitter?.value || 'APPROVED')));
    this.querySelector('[data-reload]')?.addEventListener('click', async () => {
      await this.load();
      this.querySelector('[data-heading]').focus();
      announce(t('preview.reloaded'));
    });
    for (const b of this.querySelectorAll('[data-open-file]')) {
      b.addEventListener('click', () => this.toggleFile(b));
    }
    this.connectedMedia();
  }

  /** Modules are headed h2 and items h3: a page's own h2 then never jumps a level before the next item. */
  item(item, lang) {
    return html`<article class="preview-item" aria-labelledby="pi-${item.key}" data-item="${item.key}" data-kind="${item.kind}">
      <h3 id="pi-${item.key}"><span lang="${lang}">${item.title}</span> <span class="item-kind">(${labelHtml(ITEM_KIND, item.kind)})</span></h3>
      ${this.body(item, lang)}
    </article>`;
  }

  body(item, lang) {
    switch (item.kind) {
      case 'page':
        return html`<div class="course-html" lang="${lang}" data-page-html>${sanitised(item.html)}</div>`;
      case 'file':
        return fileButton(item.file);
      case 'media':
        return html`<div data-media-slot="${item.key}"></div>
          ${item.transcriptHtml ? html`<details><summary data-i18n="media.transcript">${t('media.transcript')}</summary>
            <div class="course-html" lang="${lang}">${sanitised(item.transcriptHtml)}</div></details>` : ''}`;
      case 'case-study':
        return html`<div class="course-html" lang="${lang}">${sanitised(item.scenarioHtml)}</div>
          ${(item.attachments || []).length ? html`<p data-i18n="case.attachments">${t('case.attachments')}</p>
            <ul class="attachment-list">${item.attachments.map((a) => html`<li>${fileButton(a)}</li>`)}</ul>` : ''}
          <ol class="preview-tasks">${(item.tasks || []).map((task) => html`<li>
            <p class="preview-points" data-i18n="preview.maxScore" data-i18n-args="${args({ max: task.maxScore })}">${t('preview.maxScore', { max: task.maxScore })}</p>
            <div class="course-html" lang="${lang}">${sanitised(task.promptHtml)}</div>
            ${task.rubricHtml ? html`<p class="preview-label" data-i18n="case.rubric">${t('case.rubric')}</p>
              <div class="course-html" lang="${lang}">${sanitised(task.rubricHtml)}</div>` : ''}
          </li>`)}</ol>`;
      case 'quiz':
        return html`${item.introHtml ? html`<div class="course-html" lang="${lang}">${sanitised(item.introHtml)}</div>` : ''}
          <p data-i18n="preview.attemptsAllowed" data-i18n-args="${args({ count: item.attemptsAllowed || 0 })}">${
            t('preview.attemptsAllowed', { count: item.attemptsAllowed || 0 })}</p>
          <ol class="preview-questions">${(item.questions || []).map((q) => this.question(q, lang))}</ol>`;
      default:
        return html`<p data-i18n="course.kind.unknown">${t('course.kind.unknown')}</p>`;
    }
  }

  question(q, lang) {
    const points = { points: q.points };
    let answer = '';
    if (q.type === 'single-choice' || q.type === 'multiple-choice') {
      answer = html`<ul class="preview-choices">${(q.choices || []).map((c) => html`<li class="${c.correct ? 'right' : ''}" data-correct="${String(Boolean(c.correct))}">
        ${c.correct ? html`<strong class="right-mark" data-i18n="preview.right">${t('preview.right')}</strong> ` : ''}
        <span lang="${lang}">${sanitised(c.html)}</span>
        ${c.feedbackHtml ? html`<div class="course-html feedback" lang="${lang}">${sanitised(c.feedbackHtml)}</div>` : ''}</li>`)}</ul>`;
    } else if (q.type === 'true-false') {
      answer = html`<p><strong class="right-mark" data-i18n="preview.right">${t('preview.right')}</strong>
        <span data-i18n="${q.answer ? k('quiz.true') : k('quiz.false')}">${t(q.answer ? 'quiz.true' : 'quiz.false')}</span></p>`;
    } else if (q.type === 'short-answer') {
      answer = html`<p><strong class="right-mark" data-i18n="preview.accepted">${t('preview.accepted')}</strong>
        ${(q.acceptedAnswers || []).map((a, i) => html`${i ? ', ' : ''}<code lang="${lang}">${a}</code>`)}</p>`;
    } else if (q.type === 'numeric') {
      answer = html`<p><strong class="right-mark" data-i18n="preview.right">${t('preview.right')}</strong>
        <span data-i18n="preview.numeric" data-i18n-args="${args({ value: q.value, tolerance: q.tolerance || 0 })}">${
          t('preview.numeric', { value: q.value, tolerance: q.tolerance || 0 })}</span></p>`;
    } else if (q.type === 'essay' && q.guidanceHtml) {
      answer = html`<p class="preview-label" data-i18n="preview.guidance">${t('preview.guidance')}</p>
        <div class="course-html" lang="${lang}">${sanitised(q.guidanceHtml)}</div>`;
    }
    return html`<li class="preview-question" data-question="${q.key}">
      <p class="preview-points">${labelHtml(QUESTION_TYPE, q.type)} ·
        <span data-i18n="preview.points" data-i18n-args="${args(points)}">${t('preview.points', points)}</span></p>
      <div class="course-html" lang="${lang}">${sanitised(q.promptHtml)}</div>
      ${answer}
      ${q.correctFeedbackHtml ? html`<p class="preview-label" data-i18n="preview.feedback.right">${t('preview.feedback.right')}</p>
        <div class="course-html feedback" lang="${lang}">${sanitised(q.correctFeedbackHtml)}</div>` : ''}
      ${q.incorrectFeedbackHtml ? html`<p class="preview-label" data-i18n="preview.feedback.wrong">${t('preview.feedback.wrong')}</p>
        <div class="course-html feedback" lang="${lang}">${sanitised(q.incorrectFeedbackHtml)}</div>` : ''}
    </li>`;
  }

  connectedMedia() {
    for (const slot of this.querySelectorAll('[data-media-slot]')) {
      if (slot.firstElementChild || slot.hasAttribute('aria-busy')) {
        continue;
      }
      const item = this.findItem(slot.getAttribute('data-media-slot'));
      const player = document.createElement('media-player');
      if (item.key === this.context.params?.item) {
        player.startAt = startTime(this.context.params);
      }
      player.lang = this.course.language;
      if (this.lecturer) {
        // The workspace's bearer session cannot go with a <video>: it plays short-lived links instead.
        this.playLinked(slot, player, item);
        continue;
      }
      player.file = staffFile(item.media);
      player.captions = (item.captions || []).map((cap) => ({ url: staffUrl(cap.file), language: cap.language, label: cap.label }));
      slot.replaceChildren(player);
    }
  }

  /**
   * Puts a lecturer's player in its slot once its recording and captions have short-lived links
   * (the player reads them when it is attached); names the recording instead if that fails.
   */
  async playLinked(slot, player, item) {
    slot.setAttribute('aria-busy', 'true');
    try {
      const [media, ...captions] = await Promise.all([item.media, ...(item.captions || []).map((cap) => cap.file)].map(linkTo));
      player.captions = (item.captions || []).map((cap, i) => ({ url: captions[i], language: cap.language, label: cap.label }));
      player.file = { url: media, name: item.media.name, mediaType: item.media.mediaType };
      slot.replaceChildren(player);
    } catch (e) {
      render(slot, mediaNotPlayed(item.media));
    } finally {
      slot.removeAttribute('aria-busy');
    }
  }

  findItem(key) {
    for (const m of this.course.content?.modules || []) {
      for (const item of m.items || []) {
        if (item.key === key) {
          return item;
        }
      }
    }
    return null;
  }

  async toggleFile(button) {
    const slot = button.nextElementSibling;
    const open = button.getAttribute('aria-expanded') === 'true';
    button.setAttribute('aria-expanded', String(!open));
    if (open) {
      slot.hidden = true;
      slot.replaceChildren();
      return;
    }
    const file = JSON.parse(button.getAttribute('data-file'));
    const recording = /^(video|audio)\//.test(file.mediaType || '');
    if (recording && this.lecturer) {
      try {
        file.url = await linkTo({ fileId: decodeURIComponent(file.url.split('/').pop()) });
      } catch (e) {
        render(slot, mediaNotPlayed(file));
        slot.hidden = false;
        return;
      }
    }
    const viewer = document.createElement(recording ? 'media-player' : 'pdf-viewer');
    viewer.file = file;
    viewer.lang = this.course.language;
    slot.replaceChildren(viewer);
    slot.hidden = false;
  }

  async decide(form, decision) {
    const summary = this.querySelector('#decision-problem');
    const reload = this.querySelector('[data-reload-offer]');
    clearFormProblem(form, summary);
    reload.hidden = true;
    const reason = form.elements.namedItem('reason').value.trim();
    let result;
    try {
      result = await api.post('/api/staff/course-decisions', {
        facilityId: this.context.me.facility?.id,
        versionId: this.course.latest.id,
        decision,
        contentHash: this.hash,
        reason: reason || null,
      });
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, CODE_FIELDS);
        if (error.code === 'approval.hash-mismatch') {
          summary.setAttribute('data-hash-mismatch', '');
          reload.hidden = false;
        }
      }
      return;
    }
    const done = this.querySelector('[data-decided]');
    const key = result.decision === 'APPROVED' ? k('preview.decided.approved') : k('preview.decided.rejected');
    render(done, html`<div class="notice notice-success" role="status" tabindex="-1" data-decision-done="${result.decision}">
      <p class="notice-title" data-i18n="${key}">${t(key)}</p>
      ${result.decision === 'APPROVED' ? html`<p><a href="#/enrolments?course=${result.courseId}" data-i18n="preview.toEnrolment">${t('preview.toEnrolment')}</a></p>` : ''}
    </div>`);
    this.course.latest.decision = { decision: result.decision, contentHash: result.contentHash, reason: result.reason,
      decidedAt: result.decidedAt, current: true };
    this.course.latest.state = result.state || this.course.latest.state;
    render(this.querySelector('[data-current-decision]'), html`${decisionText(this.course.latest.decision)}
      ${result.reason ? html` — <span>${result.reason}</span>` : ''}`);
    done.firstElementChild.focus();
  }
}

/** The officer's decision for their facility: approve, or reject with a reason. */
function decisionPanel() {
  return html`<section class="panel" aria-labelledby="decision-title">
    <h2 id="decision-title" data-i18n="preview.decide.heading">${t('preview.decide.heading')}</h2>
    <p data-i18n="preview.decide.intro">${t('preview.decide.intro')}</p>
    <div class="problem-summary" id="decision-problem" tabindex="-1" hidden></div>
    <div data-reload-offer hidden><button type="button" class="secondary" data-reload
      data-i18n="preview.reload">${t('preview.reload')}</button></div>
    <form class="stack" novalidate data-form="decision">
      <div class="field" data-field="reason">
        <label for="decision-reason" data-i18n="preview.reason">${t('preview.reason')}</label>
        <p class="hint" id="decision-reason-hint" data-i18n="preview.reason.hint">${t('preview.reason.hint')}</p>
        <p class="field-error" id="decision-reason-error" hidden></p>
        <textarea id="decision-reason" name="reason" rows="3" maxlength="2000"
          aria-describedby="decision-reason-hint" data-describedby="decision-reason-hint"></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="primary" value="APPROVED" data-approve data-i18n="preview.approve">${t('preview.approve')}</button>
        <button type="submit" class="danger" value="REJECTED" data-reject data-i18n="preview.reject">${t('preview.reject')}</button>
      </div>
    </form>
    <div data-decided></div>
  </section>`;
}

/** A short-lived link to a stored file, for elements that cannot send the workspace's bearer token. */
async function linkTo(ref) {
  const link = await api.post(`/api/staff/files/${encodeURIComponent(ref.fileId)}/link`, {});
  return link.url;
}

/** In the lecturer's workspace a recording whose link could not be had is named, not played. */
function mediaNotPlayed(ref) {
  return html`<div class="notice notice-info" data-media-not-played>
    <p class="notice-title" data-i18n="preview.media.lecturer">${t('preview.media.lecturer')}</p>
    ${ref?.name ? html`<p>${ref.name}</p>` : ''}
  </div>`;
}

function staffUrl(ref) {
  return `/api/staff/files/${encodeURIComponent(ref.fileId)}`;
}

function staffFile(ref) {
  return { url: staffUrl(ref), name: ref.name, mediaType: ref.mediaType };
}

/** A button that opens a document or recording in place (and the slot it opens in). */
function fileButton(ref) {
  if (!ref) {
    return '';
  }
  return html`<button type="button" class="secondary" aria-expanded="false" data-open-file data-file="${JSON.stringify(staffFile(ref))}">
      <span><span data-i18n="case.attachment.open">${t('case.attachment.open')}</span> <span>${ref.name}</span></span></button>
    <div class="file-slot" hidden></div>`;
}

customElements.define('course-preview', CoursePreview);
