import { ApiError, api } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { ITEM_KIND } from '../../lib/course-labels.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';
import { LANGUAGE, labelHtml } from '../../lib/labels.js';

/** The only kind of content Bilim gives an LMS: a link that launches Bilim (Deep Linking 2.0 §3.1). */
const RESOURCE_LINK = 'ltiResourceLink';

/**
 * <deep-linking-picker>: the lecturer adds Bilim to their LMS course (the LMS's activity chooser
 * launched Bilim with a Deep Linking request). The picker lists the courses of the LMS's
 * university, each with its modules and graded work (case studies, quizzes); the lecturer picks
 * one — or several, when the LMS accepts several — and Bilim signs the answer, which the page
 * posts back to the LMS as a plain HTML form: the browser leaves Bilim for the LMS, as the
 * specification wants (§4.2), and the LMS adds the links.
 *
 * Set `reference` (the launch's `<meta name="bilim-deep-linking">`) before connecting it.
 * A request that expired or was already answered cannot be answered again: the picker then says
 * to start again from the LMS.
 */
class DeepLinkingPicker extends HTMLElement {
  static titleKey = k('dl.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="dl.heading">${t('dl.heading')}</h1>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.load();
  }

  get path() {
    return `/api/staff/lti/deep-linking/${encodeURIComponent(this.reference)}`;
  }

  async load() {
    const box = this.querySelector('[data-load]');
    box.setAttribute('aria-busy', 'true');
    let choices;
    try {
      choices = await api.get(this.path);
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        this.showFailure(box, error);
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!(choices.acceptTypes || []).includes(RESOURCE_LINK)) {
      render(box, html`<div class="notice notice-info" data-dl-unsupported>
        <p class="notice-title" data-i18n="dl.unsupported.title">${t('dl.unsupported.title')}</p>
        <p data-i18n="dl.unsupported.detail">${t('dl.unsupported.detail')}</p></div>`);
      return;
    }
    if (!choices.courses.length) {
      render(box, html`<div class="empty-state" data-dl-empty><p data-i18n="dl.empty">${t('dl.empty')}</p></div>`);
      return;
    }
    this.multiple = Boolean(choices.acceptMultiple);
    this.options = [];
    const how = this.multiple ? k('dl.how.multiple') : k('dl.how.single');
    render(box, html`
      <p data-i18n="dl.intro">${t('dl.intro')}</p>
      <div class="problem-summary" id="dl-problem" tabindex="-1" hidden></div>
      <form novalidate data-form="deep-linking">
        <fieldset class="field dl-field" data-field="selections">
          <legend data-i18n="dl.legend">${t('dl.legend')}</legend>
          <p class="hint" id="dl-how" data-i18n="${how}">${t(how)}</p>
          <p class="field-error" id="dl-error" hidden></p>
          ${choices.courses.map((c) => this.course(c))}
        </fieldset>
        <div class="actions"><button type="submit" class="primary" data-i18n="dl.submit">${t('dl.submit')}</button></div>
      </form>`);
    const form = box.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.answer(form)));
  }

  /** One course: the whole course, then each module with its graded work under it. */
  course(c) {
    return html`<fieldset class="dl-course" data-course-id="${c.id}">
      <legend><span class="dl-course-title">${c.title}</span> <span class="muted">(${c.code}, ${labelHtml(LANGUAGE, c.language)})</span></legend>
      <ul class="dl-choices">
        ${this.choice({ courseId: c.id }, html`<span data-i18n="dl.wholeCourse">${t('dl.wholeCourse')}</span>`)}
        ${c.modules.map((m) => this.choice({ courseId: c.id, moduleKey: m.key }, html`<span data-i18n="dl.module">${t('dl.module')}</span>:
          ${m.title}`, m.items.length ? html`<ul class="dl-choices">${m.items.map((i) => this.choice({ courseId: c.id, itemKey: i.key },
          html`${i.title} <span class="badge">${labelHtml(ITEM_KIND, i.kind)}</span>`))}</ul>` : ''))}
      </ul>
    </fieldset>`;
  }

  choice(selection, label, nested = '') {
    const index = this.options.push(selection) - 1;
    const id = `dl-pick-${index}`;
    return html`<li class="dl-choice"><div class="dl-choice-row">
      <input type="${this.multiple ? 'checkbox' : 'radio'}" id="${id}" name="pick" value="${index}"
        aria-describedby="dl-how" data-describedby="dl-how"
        data-course="${selection.courseId}" data-module="${selection.moduleKey || ''}" data-item="${selection.itemKey || ''}">
      <label for="${id}">${label}</label></div>${nested}</li>`;
  }

  async answer(form) {
    const summary = this.querySelector('#dl-problem');
    clearFormProblem(form, summary);
    const selections = [...form.querySelectorAll('input[name=pick]:checked')].map((input) => this.options[Number(input.value)]);
    if (!selections.length) {
      showFormProblem(form, summary, nothingChosen());
      return;
    }
    let answer;
    try {
      answer = await api.post(this.path, { selections });
    } catch (error) {
      if (error.handled) {
        return;
      }
      if (error.code === 'lti.deep-linking-not-found') {
        // Expired or answered already: nothing here can be sent any more.
        this.showFailure(this.querySelector('[data-load]'), error);
        return;
      }
      // Every problem with a choice is about the one group of choices.
      for (const fe of error.fieldErrors) {
        fe.field = 'selections';
      }
      showFormProblem(form, summary, error);
      return;
    }
    this.returnToLms(answer);
  }

  /** Posts the signed answer to the LMS in a real form: the browser goes back to the LMS with it. */
  returnToLms(answer) {
    const box = this.querySelector('[data-load]');
    render(box, html`<div class="notice notice-success" role="status" data-dl-sending>
      <p class="notice-title" data-i18n="dl.sending">${t('dl.sending')}</p></div>`);
    announce(t('dl.sending'));
    if (!/^https?:\/\//i.test(answer.action)) {
      return;
    }
    const form = document.createElement('form');
    form.method = 'post';
    form.action = answer.action;
    form.hidden = true;
    form.setAttribute('data-dl-return', '');
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = answer.field;
    field.value = answer.jwt;
    form.append(field);
    box.append(form);
    form.submit();
  }

  showFailure(box, error) {
    // An expired or answered request cannot be tried again here; the server's words say to start again from the LMS.
    render(box, html`${problemBox(error)}${error.code === 'lti.deep-linking-not-found' ? ''
      : html`<p><button type="button" class="secondary" data-retry data-i18n="common.retry">${t('common.retry')}</button></p>`}`);
    box.querySelector('[data-retry]')?.addEventListener('click', () => this.load());
    box.querySelector('.problem-box')?.setAttribute('tabindex', '-1');
    box.querySelector('.problem-box')?.focus();
  }
}

function nothingChosen() {
  const detail = t('dl.none.detail');
  return new ApiError({ code: 'dl.none', status: 0, title: t('dl.none.title'), detail,
    errors: [{ field: 'selections', code: 'dl.none', message: detail }] });
}

customElements.define('deep-linking-picker', DeepLinkingPicker);
