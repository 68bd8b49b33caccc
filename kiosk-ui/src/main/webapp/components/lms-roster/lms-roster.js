import { api, query } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { clearFormProblem, problemBox, showSummary } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import { rosterState } from '../lms-courses/lms-courses.js';

/**
 * <lms-roster>: the roster of one LMS course (`#/lms-courses/roster?platform=&context=`), for an
 * officer: read it again from the LMS, and confirm which learner of this facility each student is
 * — or withdraw a confirmation. A learner with exactly the student's name is preselected as a
 * suggestion, never confirmed by itself. Nothing is sent to the university for a student nobody
 * confirmed. A roster the LMS did not give whole leaves the one read before as it was.
 */
class LmsRoster extends HTMLElement {
  static titleKey = k('roster.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="roster.title">${t('roster.title')}</h1>
      <p><a href="#/lms-courses" data-i18n="roster.back">${t('roster.back')}</a></p>
      <p class="notice notice-info" data-nothing-sent data-i18n="rosters.nothingSent">${t('rosters.nothingSent')}</p>
      <div class="problem-summary" id="roster-problem" tabindex="-1" hidden></div>
      <div data-done></div>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.addEventListener('click', (e) => this.clicked(e));
    this.addEventListener('submit', (e) => this.submitted(e));
    this.load();
  }

  path(action = '') {
    return `/api/staff/lms-courses/roster${action}${query({ platform: this.context.params.platform, context: this.context.params.context })}`;
  }

  async load() {
    const box = this.querySelector('[data-load]');
    try {
      this.roster = await api.get(this.path());
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.draw();
  }

  draw() {
    const { course: c, members, candidates } = this.roster;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('roster.heading'));
    h1.setAttribute('data-i18n-args', args({ title: c.contextTitle || c.contextId }));
    translate(h1);
    const counts = { members: c.members, confirmed: c.confirmedHere };
    render(this.querySelector('[data-load]'), html`
      <dl class="facts">
        <div><dt data-i18n="rosters.col.lms">${t('rosters.col.lms')}</dt><dd class="break">${c.issuer}</dd></div>
        <div><dt data-i18n="rosters.col.course">${t('rosters.col.course')}</dt><dd>${c.courseCode} · ${c.courseTitle}</dd></div>
        <div><dt data-i18n="rosters.col.roster">${t('rosters.col.roster')}</dt><dd data-roster-state>${rosterState(c)}</dd></div>
        <div><dt data-i18n="rosters.col.members">${t('rosters.col.members')}</dt><dd data-counts data-i18n="roster.counts"
          data-i18n-args="${args(counts)}">${t('roster.counts', counts)}</dd></div>
      </dl>
      ${c.rosterError ? html`<div class="notice notice-info" data-roster-error><p class="notice-title" data-i18n="roster.lastError">${
        t('roster.lastError')}</p><p class="break">${c.rosterError}</p>${c.rosterErrorAt
        ? html`<p><time datetime="${c.rosterErrorAt}">${formatDate(c.rosterErrorAt)}</time></p>` : ''}</div>` : ''}
      <div class="actions">
        <button type="button" class="primary" data-read-roster ${c.rosterService ? '' : html`aria-describedby="roster-no-service"`}
          data-i18n="roster.read">${t('roster.read')}</button>
      </div>
      ${c.rosterService ? '' : html`<p class="hint" id="roster-no-service" data-i18n="roster.noService">${t('roster.noService')}</p>`}
      ${members.length ? this.table(members, candidates)
        : html`<div class="empty-state" data-empty><p data-i18n="roster.empty">${t('roster.empty')}</p></div>`}
      ${candidates.length ? '' : html`<p class="hint" data-no-candidates data-i18n="roster.noCandidates">${t('roster.noCandidates')}</p>`}`);
  }

  table(members, candidates) {
    const totals = { total: members.length };
    return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="roster-caption">
      <table class="data-table">
        <caption id="roster-caption"><span data-i18n="roster.caption">${t('roster.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="roster.col.student">${t('roster.col.student')}</th>
          <th scope="col" data-i18n="roster.col.email">${t('roster.col.email')}</th>
          <th scope="col" data-i18n="roster.col.status">${t('roster.col.status')}</th>
          <th scope="col" data-i18n="roster.col.learner">${t('roster.col.learner')}</th>
        </tr></thead>
        <tbody>${members.map((m, i) => html`<tr data-member="${m.userId}" data-matched="${m.match ? 'here' : m.matchedElsewhere ? 'elsewhere' : 'no'}">
          <th scope="row" id="rm-${i}-name" tabindex="-1">${m.name || m.userId}</th>
          <td class="break">${m.email || ''}</td>
          <td>${m.status || ''}${m.present ? '' : html`<br><span class="badge badge-warning" data-i18n="roster.notPresent">${t('roster.notPresent')}</span>`}</td>
          <td>${this.matchCell(m, i, candidates)}</td>
        </tr>`)}</tbody>
      </table>
    </div>`;
  }

  matchCell(m, i, candidates) {
    if (m.match) {
      const who = { by: m.match.confirmedBy || '' };
      return html`<p><strong data-matched-learner>${m.match.learnerName} (${m.match.learnerNumber})</strong></p>
        <p class="hint"><span data-i18n="roster.confirmedBy" data-i18n-args="${args(who)}">${t('roster.confirmedBy', who)}</span>
          <time datetime="${m.match.confirmedAt}">${formatDate(m.match.confirmedAt)}</time></p>
        <button type="button" class="secondary small" data-withdraw="${i}" aria-describedby="rm-${i}-name"
          data-i18n="roster.withdraw">${t('roster.withdraw')}</button>`;
    }
    if (m.matchedElsewhere) {
      return html`<p data-i18n="roster.matchedElsewhere">${t('roster.matchedElsewhere')}</p>`;
    }
    const label = { name: m.name || m.userId };
    const suggested = candidates.find((c) => c.learnerId === m.suggestedLearnerId);
    return html`<form class="roster-match" novalidate data-match="${i}">
      <div class="field" data-field="learnerId">
        <label for="rm-${i}" class="visually-hidden" data-i18n="roster.learnerFor" data-i18n-args="${args(label)}">${t('roster.learnerFor', label)}</label>
        ${suggested ? html`<p class="hint" id="rm-${i}-hint" data-suggested="${suggested.learnerId}" data-i18n="roster.suggested">${t('roster.suggested')}</p>` : ''}
        <select id="rm-${i}" name="learnerId" ${suggested ? html`aria-describedby="rm-${i}-hint"` : ''} ${candidates.length ? '' : 'disabled'}>
          <option value="" data-i18n="roster.choose">${t('roster.choose')}</option>
          ${candidates.map((c) => html`<option value="${c.learnerId}" ${c.learnerId === m.suggestedLearnerId ? 'selected' : ''}>${c.fullName} (${c.learnerNumber})</option>`)}
        </select>
      </div>
      <button type="submit" class="primary small" ${candidates.length ? '' : 'disabled'} data-i18n="roster.confirm">${t('roster.confirm')}</button>
    </form>`;
  }

  async clicked(e) {
    if (e.target.closest('[data-read-roster]')) {
      await this.read(e.target.closest('[data-read-roster]'));
      return;
    }
    const withdraw = e.target.closest('[data-withdraw]');
    if (withdraw) {
      const m = this.roster.members[Number(withdraw.getAttribute('data-withdraw'))];
      const yes = await confirmAction({
        title: t('roster.withdraw.title'),
        body: t('roster.withdraw.body', { student: m.name || m.userId, learner: m.match.learnerName }),
        confirm: t('roster.withdraw'),
        danger: true,
      });
      if (yes) {
        await this.match(m, null);
      }
    }
  }

  async submitted(e) {
    const form = e.target.closest('form[data-match]');
    if (!form) {
      return;
    }
    e.preventDefault();
    const m = this.roster.members[Number(form.getAttribute('data-match'))];
    const value = form.elements.namedItem('learnerId').value;
    if (!value) {
      showSummary(this.querySelector('#roster-problem'), { title: t('roster.chooseFirst.title'), detail: t('roster.chooseFirst.detail') },
        [{ text: m.name || m.userId, target: form.elements.namedItem('learnerId').id }]);
      return;
    }
    await this.match(m, Number(value));
  }

  async read(button) {
    this.clearMessages();
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      this.roster = await api.post(this.path('/read'));
    } catch (error) {
      button.disabled = false;
      button.removeAttribute('aria-busy');
      if (!error.handled) {
        // The LMS did not give the roster (502) or offers none: the roster read before stays, as shown.
        showSummary(this.querySelector('#roster-problem'), error);
        const fresh = await api.get(this.path()).catch(() => null);
        if (fresh) {
          this.roster = fresh;
          this.draw();
        }
        this.querySelector('#roster-problem').focus();
      }
      return;
    }
    this.draw();
    const done = { members: this.roster.course.members };
    this.done(html`<p class="notice notice-success" role="status" tabindex="-1" data-roster-read data-i18n="roster.readDone"
      data-i18n-args="${args(done)}">${t('roster.readDone', done)}</p>`, t('roster.readDone', done));
  }

  async match(m, learnerId) {
    this.clearMessages();
    try {
      this.roster = await api.put(this.path('/match'), learnerId === null ? { userId: m.userId } : { userId: m.userId, learnerId });
    } catch (error) {
      if (!error.handled) {
        showSummary(this.querySelector('#roster-problem'), error);
      }
      return;
    }
    this.draw();
    const now = this.roster.members.find((x) => x.userId === m.userId);
    const key = learnerId === null ? k('roster.withdrawn') : k('roster.confirmed');
    const p = { student: m.name || m.userId, learner: now?.match ? `${now.match.learnerName} (${now.match.learnerNumber})` : '' };
    this.done(html`<p class="notice notice-success" role="status" tabindex="-1" data-match-done="${learnerId === null ? 'withdrawn' : 'confirmed'}"
      data-i18n="${key}" data-i18n-args="${args(p)}">${t(key, p)}</p>`, t(key, p));
  }

  done(markup, spoken) {
    const box = this.querySelector('[data-done]');
    render(box, markup);
    box.firstElementChild.focus();
    announce(spoken);
  }

  clearMessages() {
    clearFormProblem(null, this.querySelector('#roster-problem'));
    render(this.querySelector('[data-done]'), '');
  }
}

customElements.define('lms-roster', LmsRoster);
