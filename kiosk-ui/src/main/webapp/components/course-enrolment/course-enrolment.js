import { api, query } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { selectField, textField } from '../../lib/fields.js';
import { guard, problemBox } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import '../data-pager/data-pager.js';

const PAGE_SIZE = 25;

/**
 * <course-enrolment>: enrol learners in a course approved for this facility
 * (`#/enrolments?course=&q=&page=`): choose the course, find learners (search, pages), tick them
 * one by one or all on the page, enrol; the answer says who was enrolled and who already was.
 * Below, the learners enrolled with their progress, each with "withdraw" (after a confirmation).
 */
class CourseEnrolment extends HTMLElement {
  static titleKey = k('enrol.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="enrol.heading">${t('enrol.heading')}</h1>
      <p data-i18n="enrol.intro">${t('enrol.intro')}</p>
      <form class="filters" novalidate data-form="course" data-i18n-aria-label="enrol.course.label" aria-label="${t('enrol.course.label')}">
        <div data-course-select>${selectField({ id: 'enrol-course', name: 'course', label: k('enrol.course'),
          options: [{ value: '', label: k('enrol.course.choose') }] })}</div>
        <button type="submit" class="primary" data-i18n="enrol.course.show">${t('enrol.course.show')}</button>
      </form>
      <div data-courses-problem></div>
      <div data-course-area></div>`);
    this.addEventListener('page-change', (e) => {
      this.context.navigate('/enrolments', { ...this.context.params, page: e.detail.page });
    });
    this.querySelector('form[data-form=course]').addEventListener('submit', (e) => {
      e.preventDefault();
      this.context.navigate('/enrolments', { course: e.target.elements.namedItem('course').value });
    });
    this.loadCourses();
  }

  update(params) {
    const before = this.context.params.course;
    this.context.params = params;
    this.querySelector('#enrol-course').value = params.course || '';
    if (before !== params.course) {
      this.drawCourse();
    } else {
      this.querySelector('#enrol-q').value = params.q || '';
      this.loadLearners();
    }
  }

  async loadCourses() {
    try {
      this.courses = await api.get('/api/staff/enrolments/courses');
    } catch (error) {
      if (!error.handled) {
        render(this.querySelector('[data-courses-problem]'), problemBox(error));
      }
      return;
    }
    const select = this.querySelector('#enrol-course');
    for (const c of this.courses) {
      const option = document.createElement('option');
      option.value = String(c.id);
      option.textContent = `${c.code} — ${c.title}`;
      option.lang = c.language;
      select.append(option);
    }
    if (!this.courses.length) {
      render(this.querySelector('[data-courses-problem]'), html`<div class="empty-state" data-no-courses>
        <p data-i18n="enrol.noCourses">${t('enrol.noCourses')}</p></div>`);
    }
    select.value = this.context.params.course || '';
    this.drawCourse();
  }

  course() {
    const id = Number(this.context.params.course);
    return (this.courses || []).find((c) => c.id === id) || null;
  }

  drawCourse() {
    const area = this.querySelector('[data-course-area]');
    const c = this.course();
    if (!c) {
      area.textContent = '';
      return;
    }
    const p = this.context.params;
    render(area, html`
      <section class="panel" aria-labelledby="enrol-pick-title">
        <h2 id="enrol-pick-title"><span data-i18n="enrol.pick.heading">${t('enrol.pick.heading')}</span>
          <span lang="${c.language}">${c.title}</span></h2>
        <form class="filters" role="search" novalidate data-form="search" data-i18n-aria-label="enrol.search.label" aria-label="${t('enrol.search.label')}">
          ${textField({ id: 'enrol-q', name: 'q', type: 'search', label: k('learners.search.q'), hint: k('learners.search.q.hint'),
            value: p.q || '', maxlength: 100 })}
          <button type="submit" class="primary" data-i18n="learners.search.submit">${t('learners.search.submit')}</button>
        </form>
        <form novalidate data-form="enrol">
          <div data-learners aria-busy="true"></div>
          <div class="actions">
            <button type="submit" class="primary" data-enrol data-i18n="enrol.submit">${t('enrol.submit')}</button>
          </div>
        </form>
        <div data-enrol-result tabindex="-1"></div>
      </section>
      <section aria-labelledby="enrolled-title">
        <h2 id="enrolled-title" data-i18n="enrol.enrolled.heading">${t('enrol.enrolled.heading')}</h2>
        <div data-action-problem></div>
        <div data-enrolled aria-busy="true"></div>
      </section>`);
    area.querySelector('form[data-form=search]').addEventListener('submit', (e) => {
      e.preventDefault();
      this.context.navigate('/enrolments', { course: c.id, q: e.target.elements.namedItem('q').value.trim() });
    });
    const enrolForm = area.querySelector('form[data-form=enrol]');
    enrolForm.addEventListener('submit', guard(enrolForm, () => this.enrol(enrolForm)));
    enrolForm.addEventListener('change', (e) => {
      if (e.target.matches('[data-select-page]')) {
        for (const box of enrolForm.querySelectorAll('input[data-learner-id]')) {
          box.checked = e.target.checked;
        }
      } else if (e.target.matches('input[data-learner-id]')) {
        this.syncSelectAll();
      }
    });
    area.querySelector('[data-enrolled]').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-withdraw]');
      if (b) {
        this.withdraw(Number(b.getAttribute('data-withdraw')), b.getAttribute('data-name'));
      }
    });
    this.loadLearners();
    this.loadEnrolled();
  }

  syncSelectAll() {
    const boxes = [...this.querySelectorAll('input[data-learner-id]')];
    const all = this.querySelector('[data-select-page]');
    if (all) {
      all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
    }
  }

  async loadLearners() {
    const box = this.querySelector('[data-learners]');
    if (!box) {
      return;
    }
    const p = this.context.params;
    const page = Math.max(0, Number(p.page) || 0);
    box.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await api.get(`/api/staff/learners${query({ q: p.q, status: 'ACTIVE', page, size: PAGE_SIZE })}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!data.total) {
      render(box, html`<div class="empty-state" data-empty><p data-i18n="learners.none.filtered">${t('learners.none.filtered')}</p></div>`);
      return;
    }
    const totals = { total: data.total };
    render(box, html`
      <div class="field checkbox">
        <input type="checkbox" id="enrol-select-page" data-select-page>
        <label for="enrol-select-page" data-i18n="enrol.selectPage">${t('enrol.selectPage')}</label>
      </div>
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="enrol-learners-caption">
        <table class="data-table">
          <caption id="enrol-learners-caption"><span data-i18n="enrol.learners.caption">${t('enrol.learners.caption')}</span>
            <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
          <thead><tr>
            <th scope="col" data-i18n="enrol.col.choose">${t('enrol.col.choose')}</th>
            <th scope="col" data-i18n="learners.col.number">${t('learners.col.number')}</th>
          </tr></thead>
          <tbody>${data.items.map((l) => html`<tr>
            <td><div class="field checkbox"><input type="checkbox" id="enrol-l-${l.id}" data-learner-id="${l.id}">
              <label for="enrol-l-${l.id}">${l.fullName}</label></div></td>
            <td class="nowrap">${l.learnerNumber}</td>
          </tr>`)}</tbody>
        </table>
      </div>
      <data-pager page="${page}" size="${PAGE_SIZE}" total="${data.total}"></data-pager>`);
    this.learnerNames = new Map(data.items.map((l) => [l.id, l.fullName]));
  }

  async enrol(form) {
    const c = this.course();
    const result = this.querySelector('[data-enrol-result]');
    const ids = [...form.querySelectorAll('input[data-learner-id]:checked')].map((b) => Number(b.getAttribute('data-learner-id')));
    if (!ids.length) {
      render(result, html`<div class="problem-box" role="alert" data-nobody><p data-i18n="enrol.nobody">${t('enrol.nobody')}</p></div>`);
      return;
    }
    let answer;
    try {
      answer = await api.post('/api/staff/enrolments', { courseId: c.id, learnerIds: ids });
    } catch (error) {
      if (!error.handled) {
        render(result, problemBox(error));
      }
      return;
    }
    const names = (list) => (list || []).map((id) => this.learnerNames?.get(id) || `#${id}`);
    const enrolled = names(answer.enrolled);
    const already = names(answer.alreadyEnrolled);
    const counts = { enrolled: enrolled.length, already: already.length };
    render(result, html`<div class="notice notice-success" data-enrol-done>
      <p class="notice-title" data-i18n="enrol.done" data-i18n-args="${args(counts)}">${t('enrol.done', counts)}</p>
      ${enrolled.length ? html`<p><span data-i18n="enrol.done.enrolled">${t('enrol.done.enrolled')}</span> <span data-enrolled-names>${enrolled.join(', ')}</span></p>` : ''}
      ${already.length ? html`<p><span data-i18n="enrol.done.already">${t('enrol.done.already')}</span> <span data-already-names>${already.join(', ')}</span></p>` : ''}
    </div>`);
    result.focus();
    for (const b of form.querySelectorAll('input[type=checkbox]')) {
      b.checked = false;
    }
    this.loadEnrolled();
  }

  async loadEnrolled() {
    const c = this.course();
    const box = this.querySelector('[data-enrolled]');
    let rows;
    try {
      rows = await api.get(`/api/staff/enrolments${query({ courseId: c.id })}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!rows.length) {
      render(box, html`<div class="empty-state" data-none-enrolled><p data-i18n="enrol.enrolled.none">${t('enrol.enrolled.none')}</p></div>`);
      return;
    }
    const totals = { total: rows.length };
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="enrolled-caption">
      <table class="data-table">
        <caption id="enrolled-caption"><span data-i18n="enrol.enrolled.caption">${t('enrol.enrolled.caption')}</span>
          <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(totals)}">${t('common.total', totals)}</span></caption>
        <thead><tr>
          <th scope="col" data-i18n="learners.col.number">${t('learners.col.number')}</th>
          <th scope="col" data-i18n="learners.col.name">${t('learners.col.name')}</th>
          <th scope="col" data-i18n="enrol.col.since">${t('enrol.col.since')}</th>
          <th scope="col" data-i18n="enrol.col.progress">${t('enrol.col.progress')}</th>
          <th scope="col" data-i18n="enrol.col.actions">${t('enrol.col.actions')}</th>
        </tr></thead>
        <tbody>${rows.map((r) => {
          const counts = { completed: r.completed, items: r.items };
          return html`<tr data-enrolment-id="${r.enrolmentId}" data-learner-id="${r.learnerId}">
            <td class="nowrap">${r.learnerNumber}</td>
            <th scope="row">${r.fullName}</th>
            <td><time datetime="${r.enrolledAt}" data-style="date">${formatDate(r.enrolledAt, 'date')}</time></td>
            <td><label for="ep-${r.enrolmentId}" data-i18n="kiosk.courses.progress" data-i18n-args="${args(counts)}">${t('kiosk.courses.progress', counts)}</label>
              <progress id="ep-${r.enrolmentId}" max="${Math.max(1, r.items)}" value="${r.completed}"></progress></td>
            <td><button type="button" class="secondary" data-withdraw="${r.enrolmentId}" data-name="${r.fullName}"
              aria-label="${t('enrol.withdraw.label', { name: r.fullName })}" data-i18n-aria-label="enrol.withdraw.label"
              data-i18n-args="${args({ name: r.fullName })}"><span data-i18n="enrol.withdraw">${t('enrol.withdraw')}</span></button></td>
          </tr>`;
        })}</tbody>
      </table>
    </div>`);
  }

  async withdraw(enrolmentId, name) {
    const ok = await confirmAction({
      title: t('enrol.withdraw.confirm.title', { name }),
      body: t('enrol.withdraw.confirm.body'),
      confirm: t('enrol.withdraw.confirm.yes'),
      danger: true,
    });
    if (!ok) {
      return;
    }
    const problem = this.querySelector('[data-action-problem]');
    problem.textContent = '';
    try {
      await api.delete(`/api/staff/enrolments/${enrolmentId}`);
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    announce(t('enrol.withdrawn', { name }));
    await this.loadEnrolled();
    this.querySelector('#enrolled-title')?.setAttribute('tabindex', '-1');
    this.querySelector('#enrolled-title')?.focus();
  }
}

customElements.define('course-enrolment', CourseEnrolment);
