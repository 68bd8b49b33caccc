import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { k, t, translate } from '../../lib/i18n.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import { FACILITY_CODE_FIELDS, facilityBody, facilityFields } from '../../lib/facility-fields.js';

/**
 * <facility-editor>: one facility: its details; the address ranges its kiosks may connect from
 * (add, remove after a confirmation); its classrooms (add).
 */
class FacilityEditor extends HTMLElement {
  static titleKey = k('facility.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="facility.title">${t('facility.title')}</h1>
      <p><a href="#/facilities" data-i18n="facility.back">${t('facility.back')}</a></p>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  async load() {
    const box = this.querySelector('[data-load]');
    try {
      this.facility = await api.get(`/api/staff/facilities/${this.context.id}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    const f = this.facility;
    this.setHeading();
    render(box, html`
      <section class="panel" aria-labelledby="fd-details-title">
        <h2 id="fd-details-title" data-i18n="facility.details.heading">${t('facility.details.heading')}</h2>
        <div class="problem-summary" id="fd-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="facility">
          ${facilityFields('fd', f)}
          <div class="actions"><button type="submit" class="primary" data-i18n="facility.save">${t('facility.save')}</button></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="fd-ranges-title">
        <h2 id="fd-ranges-title" data-i18n="facility.ranges.heading">${t('facility.ranges.heading')}</h2>
        <p data-i18n="facility.ranges.intro">${t('facility.ranges.intro')}</p>
        <div data-ranges></div>
        <div data-range-action-problem></div>
        <h3 data-i18n="facility.ranges.add.heading">${t('facility.ranges.add.heading')}</h3>
        <div class="problem-summary" id="fr-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="range">
          ${textField({ id: 'fr-cidr', name: 'cidr', label: k('facility.range.cidr'), hint: k('facility.range.cidr.hint'), required: true,
            spellcheck: false, maxlength: 64 })}
          ${textField({ id: 'fr-label', name: 'label', label: k('facility.range.label'), hint: k('facility.range.label.hint'), maxlength: 200 })}
          <div class="actions"><button type="submit" class="primary" data-i18n="facility.ranges.add.submit">${t('facility.ranges.add.submit')}</button></div>
        </form>
      </section>
      <section class="panel" aria-labelledby="fd-rooms-title">
        <h2 id="fd-rooms-title" data-i18n="facility.rooms.heading">${t('facility.rooms.heading')}</h2>
        <div data-rooms></div>
        <h3 data-i18n="facility.rooms.add.heading">${t('facility.rooms.add.heading')}</h3>
        <div class="problem-summary" id="fc-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="classroom">
          ${textField({ id: 'fc-name', name: 'name', label: k('facility.room.name'), required: true, maxlength: 200 })}
          <div class="actions"><button type="submit" class="primary" data-i18n="facility.rooms.add.submit">${t('facility.rooms.add.submit')}</button></div>
        </form>
      </section>`);
    this.renderRanges();
    this.renderRooms();
    const [details, range, room] = box.querySelectorAll('form');
    details.addEventListener('submit', guard(details, () => this.save(details)));
    range.addEventListener('submit', guard(range, () => this.addRange(range)));
    room.addEventListener('submit', guard(room, () => this.addRoom(room)));
    box.querySelector('[data-ranges]').addEventListener('click', (e) => {
      const b = e.target.closest('button[data-remove-range]');
      if (b) {
        this.removeRange(Number(b.getAttribute('data-remove-range')));
      }
    });
  }

  setHeading() {
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('facility.edit.heading'));
    h1.setAttribute('data-i18n-args', args({ name: this.facility.name }));
    translate(h1);
  }

  renderRanges() {
    const box = this.querySelector('[data-ranges]');
    const ranges = this.facility.addressRanges;
    if (!ranges.length) {
      render(box, html`<div class="empty-state"><p data-i18n="facility.ranges.none">${t('facility.ranges.none')}</p></div>`);
      return;
    }
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="ranges-caption"><table class="data-table">
      <caption id="ranges-caption" data-i18n="facility.ranges.caption">${t('facility.ranges.caption')}</caption>
      <thead><tr>
        <th scope="col" data-i18n="facility.range.cidr">${t('facility.range.cidr')}</th>
        <th scope="col" data-i18n="facility.range.label">${t('facility.range.label')}</th>
        <th scope="col" data-i18n="facility.ranges.col.actions">${t('facility.ranges.col.actions')}</th>
      </tr></thead>
      <tbody>${ranges.map((r) => html`<tr data-range-id="${r.id}">
        <th scope="row"><code>${r.cidr}</code></th>
        <td>${r.label || ''}</td>
        <td><button type="button" class="danger small" data-remove-range="${r.id}"
          data-i18n-aria-label="facility.range.remove.label" data-i18n-args="${args({ cidr: r.cidr })}"
          aria-label="${t('facility.range.remove.label', { cidr: r.cidr })}"><span data-i18n="facility.range.remove">${t('facility.range.remove')}</span></button></td>
      </tr>`)}</tbody></table></div>`);
  }

  renderRooms() {
    const box = this.querySelector('[data-rooms]');
    const rooms = this.facility.classrooms;
    render(box, rooms.length
      ? html`<ul class="plain-list" data-room-list>${rooms.map((c) => html`<li>${c.name}</li>`)}</ul>`
      : html`<div class="empty-state"><p data-i18n="facility.rooms.none">${t('facility.rooms.none')}</p></div>`);
  }

  async save(form) {
    const summary = this.querySelector('#fd-problem');
    clearFormProblem(form, summary);
    try {
      this.facility = await api.put(`/api/staff/facilities/${this.facility.id}`, facilityBody(form));
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, FACILITY_CODE_FIELDS);
      }
      return;
    }
    this.setHeading();
    announce(t('facility.saved', { name: this.facility.name }));
  }

  async addRange(form) {
    const summary = this.querySelector('#fr-problem');
    clearFormProblem(form, summary);
    const body = { cidr: form.elements.namedItem('cidr').value.trim(), label: form.elements.namedItem('label').value.trim() };
    let range;
    try {
      range = await api.post(`/api/staff/facilities/${this.facility.id}/address-ranges`, body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, { 'address-range.invalid': 'cidr', 'address-range.duplicate': 'cidr' });
      }
      return;
    }
    this.facility.addressRanges = [...this.facility.addressRanges, range];
    form.reset();
    this.renderRanges();
    announce(t('facility.range.added', { cidr: range.cidr }));
  }

  async removeRange(id) {
    const range = this.facility.addressRanges.find((r) => r.id === id);
    if (!range) {
      return;
    }
    const ok = await confirmAction({
      title: t('facility.range.remove.confirm.title', { cidr: range.cidr }),
      body: t('facility.range.remove.confirm.body'),
      confirm: t('facility.range.remove'),
      danger: true,
    });
    if (!ok) {
      return;
    }
    const problem = this.querySelector('[data-range-action-problem]');
    problem.textContent = '';
    try {
      await api.delete(`/api/staff/facilities/${this.facility.id}/address-ranges/${id}`);
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    this.facility.addressRanges = this.facility.addressRanges.filter((r) => r.id !== id);
    this.renderRanges();
    announce(t('facility.range.removed', { cidr: range.cidr }));
    const heading = this.querySelector('#fd-ranges-title');
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }

  async addRoom(form) {
    const summary = this.querySelector('#fc-problem');
    clearFormProblem(form, summary);
    let room;
    try {
      room = await api.post(`/api/staff/facilities/${this.facility.id}/classrooms`, { name: form.elements.namedItem('name').value.trim() });
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, { 'classroom.name-taken': 'name' });
      }
      return;
    }
    this.facility.classrooms = [...this.facility.classrooms, room];
    form.reset();
    this.renderRooms();
    announce(t('facility.room.added', { name: room.name }));
  }
}

customElements.define('facility-editor', FacilityEditor);
