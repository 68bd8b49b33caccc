import { api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { LANGUAGE_OPTIONS, checkboxGroup, selectField, textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { args, html, render } from '../../lib/html.js';
import { formatDate, k, t, translate } from '../../lib/i18n.js';
import { LEARNER_STATUS } from '../../lib/labels.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import '../one-time-secret/one-time-secret.js';

/** Problems about one field that the server reports without a field list. */
const CODE_FIELDS = { 'learner.number-taken': 'learnerNumber' };

/**
 * <learner-editor>: adds a learner (`#/learners/new`) or shows and edits one (`#/learners/{id}`):
 * details, status and accessibility needs; reset the PIN (after a confirmation; the new PIN is
 * shown once); unlock sign-in after five wrong PINs. The server's field messages appear next to
 * their fields; a refused change changes nothing.
 */
class LearnerEditor extends HTMLElement {
  static titleKey = k('learner.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    if (this.context.id) {
      this.renderShell();
      this.load();
    } else {
      this.renderCreate();
    }
  }

  // ---- adding a learner -------------------------------------------------------------------

  renderCreate() {
    render(this, html`
      <h1 data-i18n="learner.add.heading">${t('learner.add.heading')}</h1>
      <p><a href="#/learners" data-i18n="learner.back">${t('learner.back')}</a></p>
      <div data-create>
        <p data-i18n="learner.add.intro">${t('learner.add.intro')}</p>
        <div class="problem-summary" id="learner-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="learner">
          ${this.fields({ language: this.context.me.language })}
          <div class="actions">
            <button type="submit" class="primary" data-i18n="learner.add.submit">${t('learner.add.submit')}</button>
          </div>
        </form>
      </div>
      <div data-created hidden></div>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.create(form)));
  }

  fields(l, withStatus = false) {
    const a = l.accessibility || {};
    return html`
      ${textField({ id: 'lf-number', name: 'learnerNumber', label: k('learner.field.number'), hint: k('learner.field.number.hint'),
        value: l.learnerNumber, required: true, autocapitalize: 'characters', spellcheck: false, maxlength: 32 })}
      ${textField({ id: 'lf-name', name: 'fullName', label: k('learner.field.name'), value: l.fullName, required: true,
        maxlength: 200, spellcheck: false })}
      ${selectField({ id: 'lf-language', name: 'language', label: k('learner.field.language'), hint: k('learner.field.language.hint'),
        value: l.language, options: LANGUAGE_OPTIONS, required: true })}
      ${withStatus ? selectField({ id: 'lf-status', name: 'status', label: k('learner.field.status'), hint: k('learner.field.status.hint'),
        value: l.status, required: true, options: Object.entries(LEARNER_STATUS).map(([value, label]) => ({ value, label })) }) : ''}
      ${checkboxGroup({ id: 'lf-a11y', name: 'accessibility', legend: k('learner.field.accessibility'),
        hint: k('learner.field.accessibility.hint'), items: [
          { id: 'lf-largeText', name: 'accessibility.largeText', label: k('a11y.largeText'), checked: a.largeText },
          { id: 'lf-highContrast', name: 'accessibility.highContrast', label: k('a11y.highContrast'), checked: a.highContrast },
          { id: 'lf-screenReader', name: 'accessibility.screenReader', label: k('a11y.screenReader'), checked: a.screenReader },
        ] })}`;
  }

  body(form) {
    const v = (name) => form.elements.namedItem(name);
    return {
      learnerNumber: v('learnerNumber').value.trim(),
      fullName: v('fullName').value.trim(),
      language: v('language').value,
      accessibility: {
        largeText: v('accessibility.largeText').checked,
        highContrast: v('accessibility.highContrast').checked,
        screenReader: v('accessibility.screenReader').checked,
      },
    };
  }

  async create(form) {
    const summary = this.querySelector('#learner-problem');
    clearFormProblem(form, summary);
    let created;
    try {
      created = await api.post('/api/staff/learners', this.body(form));
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, CODE_FIELDS);
      }
      return;
    }
    const l = created.learner;
    this.querySelector('[data-create]').hidden = true;
    const done = this.querySelector('[data-created]');
    done.hidden = false;
    render(done, html`
      <one-time-secret data-id="new-pin"></one-time-secret>
      <ul class="link-list">
        <li><a href="#/learners/${l.id}" data-open-learner data-i18n="learner.add.open">${t('learner.add.open')}</a></li>
        <li><button type="button" class="link" data-add-another data-i18n="learner.add.another">${t('learner.add.another')}</button></li>
        <li><a href="#/learners" data-i18n="learner.back">${t('learner.back')}</a></li>
      </ul>`);
    done.querySelector('[data-add-another]').addEventListener('click', () => {
      this.renderCreate();
      this.querySelector('h1').setAttribute('tabindex', '-1');
      this.querySelector('h1').focus();
    });
    announce(t('learner.add.done', { name: l.fullName }));
    done.querySelector('one-time-secret').show({
      kind: 'pin',
      title: { key: k('learner.pin.title'), args: { name: l.fullName, number: l.learnerNumber } },
      secret: created.pin,
      lines: [{ key: k('learner.pin.handOver') }, { key: k('learner.pin.howToSignIn'), args: { number: l.learnerNumber } }],
    });
  }

  // ---- one learner ------------------------------------------------------------------------

  renderShell() {
    render(this, html`
      <h1 data-heading data-i18n="learner.title">${t('learner.title')}</h1>
      <p><a href="#/learners" data-i18n="learner.back">${t('learner.back')}</a></p>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
  }

  async load() {
    const box = this.querySelector('[data-load]');
    try {
      this.learner = await api.get(`/api/staff/learners/${this.context.id}`);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    this.renderLearner();
  }

  renderLearner() {
    const l = this.learner;
    this.setHeading(l);
    const box = this.querySelector('[data-load]');
    render(box, html`
      <section class="panel" aria-labelledby="signin-title">
        <h2 id="signin-title" data-i18n="learner.signin.heading">${t('learner.signin.heading')}</h2>
        <div data-signin-state tabindex="-1"></div>
        <div class="actions">
          <button type="button" class="secondary" data-reset-pin data-i18n="learner.pin.reset">${t('learner.pin.reset')}</button>
        </div>
        <div data-action-problem></div>
        <one-time-secret data-id="reset-pin"></one-time-secret>
      </section>
      <section class="panel" aria-labelledby="details-title">
        <h2 id="details-title" data-i18n="learner.details.heading">${t('learner.details.heading')}</h2>
        <div class="problem-summary" id="learner-problem" tabindex="-1" hidden></div>
        <div data-reload-offer hidden>
          <button type="button" class="secondary" data-reload data-i18n="learner.reload">${t('learner.reload')}</button>
        </div>
        <form class="stack" novalidate data-form="learner">
          ${this.fields(l, true)}
          <div class="actions">
            <button type="submit" class="primary" data-i18n="learner.save">${t('learner.save')}</button>
          </div>
        </form>
      </section>`);
    this.renderSignInState();
    const form = box.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.save(form)));
    box.querySelector('[data-reset-pin]').addEventListener('click', () => this.resetPin());
    box.querySelector('[data-reload]').addEventListener('click', async () => {
      await this.load();
      this.querySelector('#details-title')?.setAttribute('tabindex', '-1');
      this.querySelector('#details-title')?.focus();
      announce(t('learner.reloaded'));
    });
  }

  setHeading(l) {
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('learner.edit.heading'));
    h1.setAttribute('data-i18n-args', args({ name: l.fullName }));
    translate(h1);
  }

  renderSignInState() {
    const l = this.learner;
    const state = this.querySelector('[data-signin-state]');
    const attempts = { count: l.failedPinAttempts };
    render(state, html`
      <dl class="facts">
        <div><dt data-i18n="learner.field.number">${t('learner.field.number')}</dt><dd data-learner-number>${l.learnerNumber}</dd></div>
        <div><dt data-i18n="learner.field.status">${t('learner.field.status')}</dt>
          <dd data-i18n="${LEARNER_STATUS[l.status]}">${t(LEARNER_STATUS[l.status])}</dd></div>
        <div><dt data-i18n="learner.signin.state">${t('learner.signin.state')}</dt><dd data-signin-locked="${String(l.locked)}">${l.locked
          ? html`<span class="badge badge-danger" data-i18n="learner.signin.locked">${t('learner.signin.locked')}</span>`
          : html`<span data-i18n="learner.signin.open">${t('learner.signin.open')}</span>`}</dd></div>
        <div><dt data-i18n="learner.signin.attempts">${t('learner.signin.attempts')}</dt>
          <dd data-i18n="learner.signin.attempts.value" data-i18n-args="${args(attempts)}">${t('learner.signin.attempts.value', attempts)}</dd></div>
        <div><dt data-i18n="learner.created">${t('learner.created')}</dt><dd><time datetime="${l.createdAt}">${formatDate(l.createdAt)}</time></dd></div>
        <div><dt data-i18n="learner.updated">${t('learner.updated')}</dt><dd><time datetime="${l.updatedAt}">${formatDate(l.updatedAt)}</time></dd></div>
      </dl>
      ${l.locked ? html`<p data-i18n="learner.signin.lockedHelp">${t('learner.signin.lockedHelp')}</p>
        <p><button type="button" class="primary" data-unlock data-i18n="learner.unlock">${t('learner.unlock')}</button></p>` : ''}`);
    state.querySelector('[data-unlock]')?.addEventListener('click', () => this.unlock());
  }

  async save(form) {
    const summary = this.querySelector('#learner-problem');
    const reload = this.querySelector('[data-reload-offer]');
    clearFormProblem(form, summary);
    reload.hidden = true;
    const body = { ...this.body(form), status: form.elements.namedItem('status').value, version: this.learner.version };
    try {
      this.learner = await api.put(`/api/staff/learners/${this.learner.id}`, body);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, CODE_FIELDS);
        reload.hidden = error.code !== 'resource.concurrent-change';
      }
      return;
    }
    this.setHeading(this.learner);
    this.renderSignInState();
    announce(t('learner.saved', { name: this.learner.fullName }));
  }

  async unlock() {
    const problem = this.querySelector('[data-action-problem]');
    problem.textContent = '';
    try {
      this.learner = await api.post(`/api/staff/learners/${this.learner.id}/unlock`);
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    this.renderSignInState();
    this.querySelector('[data-signin-state]').focus();
    announce(t('learner.unlocked', { name: this.learner.fullName }));
  }

  async resetPin() {
    const l = this.learner;
    const ok = await confirmAction({
      title: t('learner.pin.confirm.title', { name: l.fullName }),
      body: t('learner.pin.confirm.body'),
      confirm: t('learner.pin.confirm.yes'),
      danger: true,
    });
    if (!ok) {
      return;
    }
    const problem = this.querySelector('[data-action-problem]');
    problem.textContent = '';
    let result;
    try {
      result = await api.post(`/api/staff/learners/${l.id}/pin-reset`);
    } catch (error) {
      if (!error.handled) {
        render(problem, problemBox(error));
      }
      return;
    }
    this.learner = result.learner;
    this.renderSignInState();
    announce(t('learner.pin.done'));
    this.querySelector('one-time-secret[data-id="reset-pin"]').show({
      kind: 'pin',
      level: 3,
      title: { key: k('learner.pin.title'), args: { name: result.learner.fullName, number: result.learner.learnerNumber } },
      secret: result.pin,
      lines: [{ key: k('learner.pin.handOver') }, { key: k('learner.pin.resetNote') }],
    });
  }
}

customElements.define('learner-editor', LearnerEditor);
