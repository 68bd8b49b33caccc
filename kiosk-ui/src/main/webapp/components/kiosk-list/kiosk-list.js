import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { selectField, textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import '../one-time-secret/one-time-secret.js';

/**
 * <kiosk-list>: the officer's kiosks. Register one (name, classroom) and get its one-time
 * enrolment code, shown once with how to use it; issue a new code; lock and unlock (each after a
 * confirmation); see when and from where each kiosk was last seen.
 */
class KioskList extends HTMLElement {
  static titleKey = k('kiosks.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="kiosks.heading">${t('kiosks.heading')}</h1>
      <p data-i18n="kiosks.intro">${t('kiosks.intro')}</p>
      <one-time-secret data-id="kiosk-code"></one-time-secret>
      <section class="panel" aria-labelledby="kiosk-register-title">
        <h2 id="kiosk-register-title" data-i18n="kiosks.register.heading">${t('kiosks.register.heading')}</h2>
        <div class="problem-summary" id="kiosk-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="kiosk">
          ${textField({ id: 'kf-name', name: 'name', label: k('kiosks.field.name'), hint: k('kiosks.field.name.hint'), required: true, maxlength: 100 })}
          <div data-classrooms>${selectField({ id: 'kf-classroom', name: 'classroomId', label: k('kiosks.field.classroom'),
            options: [{ value: '', label: k('kiosks.field.classroom.none') }] })}</div>
          <div class="actions"><button type="submit" class="primary" data-i18n="kiosks.register.submit">${t('kiosks.register.submit')}</button></div>
        </form>
      </section>
      <section aria-labelledby="kiosks-caption-heading">
        <h2 id="kiosks-caption-heading" data-i18n="kiosks.list.heading">${t('kiosks.list.heading')}</h2>
        <div data-action-problem></div>
        <div data-results aria-busy="true"></div>
      </section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.register(form)));
    this.querySelector('[data-results]').addEventListener('click', (e) => {
      const button = e.target.closest('button[data-action]');
      if (button) {
        this.act(button.getAttribute('data-action'), Number(button.getAttribute('data-kiosk-id')));
      }
    });
    this.loadClassrooms();
    this.load();
  }

  async loadClassrooms() {
    try {
      const rooms = await api.get('/api/staff/classrooms');
      const select = this.querySelector('#kf-classroom');
      for (const room of rooms) {
        const option = document.createElement('option');
        option.value = String(room.id);
        option.textContent = room.name;
        select.append(option);
      }
      if (rooms.length === 1) {
        select.value = String(rooms[0].id);
      }
    } catch (error) {
      if (!error.handled) {
        this.querySelector('[data-classrooms]').insertAdjacentHTML('beforeend', problemBox(error).value);
      }
    }
  }

  async load() {
    const results = this.querySelector('[data-results]');
    results.setAttribute('aria-busy', 'true');
    try {
      this.kiosks = await api.get('/api/staff/kiosks');
    } catch (error) {
      results.removeAttribute('aria-busy');
      if (!error.handled) {
        render(results, problemBox(error));
      }
      return;
    }
    results.removeAttribute('aria-busy');
    this.renderTable();
  }

  renderTable() {
    const results = this.querySelector('[data-results]');
    if (!this.kiosks.length) {
      render(results, html`<div class="empty-state" data-empty><p data-i18n="kiosks.none">${t('kiosks.none')}</p></div>`);
      return;
    }
    const totals = { total: this.kiosks.length };
    render(results, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="kiosks-caption">
      <table class="data-table">
        <caption id="kiosks-caption"><span data-i18n="kiosks.caption">${t('kiosks.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="kiosks.col.name">${t('kiosks.col.name')}</th>
          <th scope="col" data-i18n="kiosks.col.classroom">${t('kiosks.col.classroom')}</th>
          <th scope="col" data-i18n="kiosks.col.enrolment">${t('kiosks.col.enrolment')}</th>
          <th scope="col" data-i18n="kiosks.col.state">${t('kiosks.col.state')}</th>
          <th scope="col" data-i18n="kiosks.col.lastSeen">${t('kiosks.col.lastSeen')}</th>
          <th scope="col" data-i18n="kiosks.col.actions">${t('kiosks.col.actions')}</th>
        </tr></thead>
        <tbody>${this.kiosks.map((kiosk) => this.row(kiosk))}</tbody>
      </table></div>`);
  }

  row(kiosk) {
    const name = { name: kiosk.name };
    return html`<tr data-kiosk-id="${kiosk.id}">
      <th scope="row" data-kiosk-name>${kiosk.name}</th>
      <td>${kiosk.classroom ? kiosk.classroom.name : html`<span data-i18n="kiosks.noClassroom">${t('kiosks.noClassroom')}</span>`}</td>
      <td>${enrolment(kiosk)}</td>
      <td data-kiosk-state="${kiosk.locked ? 'locked' : 'open'}">${kiosk.locked
        ? html`<span class="badge badge-danger" data-i18n="kiosks.locked">${t('kiosks.locked')}</span>`
        : html`<span data-i18n="kiosks.open">${t('kiosks.open')}</span>`}</td>
      <td>${kiosk.lastSeenAt
        ? html`<time datetime="${kiosk.lastSeenAt}">${formatDate(kiosk.lastSeenAt)}</time>${kiosk.lastSeenAddress
          ? html`<br><span class="muted" data-i18n="kiosks.from" data-i18n-args="${args({ address: kiosk.lastSeenAddress })}">${t('kiosks.from', { address: kiosk.lastSeenAddress })}</span>` : ''}`
        : html`<span data-i18n="kiosks.never">${t('kiosks.never')}</span>`}</td>
      <td><div class="row-actions">
        <button type="button" class="secondary small" data-action="code" data-kiosk-id="${kiosk.id}"
          data-i18n-aria-label="kiosks.newCode.label" data-i18n-args="${args(name)}" aria-label="${t('kiosks.newCode.label', name)}"
          ><span data-i18n="kiosks.newCode">${t('kiosks.newCode')}</span></button>
        ${kiosk.locked
          ? html`<button type="button" class="secondary small" data-action="unlock" data-kiosk-id="${kiosk.id}"
              data-i18n-aria-label="kiosks.unlock.label" data-i18n-args="${args(name)}" aria-label="${t('kiosks.unlock.label', name)}"
              ><span data-i18n="kiosks.unlock">${t('kiosks.unlock')}</span></button>`
          : html`<button type="button" class="danger small" data-action="lock" data-kiosk-id="${kiosk.id}"
              data-i18n-aria-label="kiosks.lock.label" data-i18n-args="${args(name)}" aria-label="${t('kiosks.lock.label', name)}"
              ><span data-i18n="kiosks.lock">${t('kiosks.lock')}</span></button>`}
      </div></td>
    </tr>`;
  }

  async register(form) {
    const summary = this.querySelector('#kiosk-problem');
    clearFormProblem(form, summary);
    const classroom = form.elements.namedItem('classroomId').value;
    let created;
    try {
      created = await api.post('/api/staff/kiosks', {
        name: form.elements.namedItem('name').value.trim(),
        classroomId: classroom ? Number(classroom) : null,
      });
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, { 'classroom.not-found': 'classroomId' });
      }
      return;
    }
    form.elements.namedItem('name').value = '';
    announce(t('kiosks.registered', { name: created.kiosk.name }));
    this.showCode(created);
    this.load();
  }

  showCode(withCode) {
    const link = `${location.origin}/kiosk/#enrol=${withCode.enrolmentCode}`;
    this.querySelector('one-time-secret[data-id="kiosk-code"]').show({
      kind: 'enrolment-code',
      title: { key: k('kiosks.code.title'), args: { name: withCode.kiosk.name } },
      secret: withCode.enrolmentCode,
      lines: [
        { key: k('kiosks.code.expires'), args: { time: { date: withCode.expiresAt } } },
        { key: k('kiosks.code.howTo'), args: { address: `${location.origin}/kiosk/` } },
        { key: k('kiosks.code.link'), args: { link } },
      ],
    });
  }

  async act(action, id) {
    const kiosk = (this.kiosks || []).find((x) => x.id === id);
    if (!kiosk) {
      return;
    }
    const name = { name: kiosk.name };
    const questions = {
      lock: { title: t('kiosks.lock.confirm.title', name), body: t('kiosks.lock.confirm.body'), confirm: t('kiosks.lock'), danger: true },
      unlock: { title: t('kiosks.unlock.confirm.title', name), body: t('kiosks.unlock.confirm.body'), confirm: t('kiosks.unlock') },
      code: { title: t('kiosks.newCode.confirm.title', name), body: t('kiosks.newCode.confirm.body'), confirm: t('kiosks.newCode'), danger: kiosk.enrolled },
    };
    if (!(await confirmAction(questions[action]))) {
      return;
    }
    const problem = this.querySelector('[data-action-problem]');
    problem.textContent = '';
    const path = { lock: 'lock', unlock: 'unlock', code: 'enrolment-code' }[action];
    let result;
    try {
      result = await api.post(`/api/staff/kiosks/${id}/${path}`);
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    const updated = action === 'code' ? result.kiosk : result;
    this.kiosks = this.kiosks.map((x) => (x.id === id ? updated : x));
    this.renderTable();
    if (action === 'code') {
      this.showCode(result);
    } else {
      announce(t(action === 'lock' ? k('kiosks.locked.done') : k('kiosks.unlocked.done'), name));
      const next = this.querySelector(`button[data-kiosk-id="${id}"][data-action="${action === 'lock' ? 'unlock' : 'lock'}"]`);
      next?.focus();
    }
  }
}

function enrolment(kiosk) {
  if (kiosk.enrolmentPending) {
    const time = { time: { date: kiosk.enrolmentCodeExpiresAt } };
    return html`<span data-i18n="kiosks.enrolment.pending" data-i18n-args="${args(time)}">${t('kiosks.enrolment.pending', time)}</span>`;
  }
  if (kiosk.enrolled) {
    const time = { time: { date: kiosk.enrolledAt } };
    return html`<span data-i18n="kiosks.enrolment.enrolled" data-i18n-args="${args(time)}">${t('kiosks.enrolment.enrolled', time)}</span>`;
  }
  return html`<span data-i18n="kiosks.enrolment.none">${t('kiosks.enrolment.none')}</span>`;
}

customElements.define('kiosk-list', KioskList);
