import { api, query } from '../../lib/api.js';
import { LANGUAGE_OPTIONS, selectField, textField } from '../../lib/fields.js';
import { clearFormProblem, guard, problemBox, showFormProblem } from '../../lib/forms.js';
import { html, render } from '../../lib/html.js';
import { formatDate, k, t } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { IMPORT_STATE } from '../../lib/course-labels.js';

/** Problems about one field that the server reports without a field list. */
const CODE_FIELDS = {
  'university.not-found': 'universityId',
  'course.code-taken': 'code',
  'file.too-large': 'file',
  'file.type-not-allowed': 'file',
};

/**
 * <course-import>: import a course from a Common Cartridge (.imscc or .zip): the file, the
 * university it comes from, its code, language and credits. The file's bytes are the request's
 * body; the job then runs on the server and its own page (`#/imports/{id}`) follows it. Below,
 * the latest imports with their state.
 */
class CourseImport extends HTMLElement {
  static titleKey = k('import.heading');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-i18n="import.heading">${t('import.heading')}</h1>
      <p data-i18n="import.intro">${t('import.intro')}</p>
      <section class="panel" aria-labelledby="import-form-title">
        <h2 id="import-form-title" data-i18n="import.form.heading">${t('import.form.heading')}</h2>
        <div class="problem-summary" id="import-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="import">
          <div class="field" data-field="file">
            <label for="import-file"><span data-i18n="import.field.file">${t('import.field.file')}</span>
              <span class="required" data-i18n="form.required">${t('form.required')}</span></label>
            <p class="hint" id="import-file-hint" data-i18n="import.field.file.hint">${t('import.field.file.hint')}</p>
            <p class="field-error" id="import-file-error" hidden></p>
            <input id="import-file" name="file" type="file" accept=".imscc,.zip,application/zip"
              aria-describedby="import-file-hint" data-describedby="import-file-hint" aria-required="true">
          </div>
          <div data-universities>${selectField({ id: 'import-university', name: 'universityId', label: k('import.field.university'),
            required: true, options: [{ value: '', label: k('import.field.university.choose') }] })}</div>
          <div data-universities-problem></div>
          ${textField({ id: 'import-code', name: 'code', label: k('import.field.code'), hint: k('import.field.code.hint'),
            required: true, autocapitalize: 'characters', spellcheck: false, maxlength: 32 })}
          ${selectField({ id: 'import-language', name: 'language', label: k('import.field.language'),
            hint: k('import.field.language.hint'), value: this.context.me.language || 'ru', options: LANGUAGE_OPTIONS, required: true })}
          ${textField({ id: 'import-credits', name: 'credits', label: k('import.field.credits'), value: '0',
            inputmode: 'numeric', maxlength: 2 })}
          <div class="actions">
            <button type="submit" class="primary" data-i18n="import.submit">${t('import.submit')}</button>
          </div>
        </form>
      </section>
      <section aria-labelledby="import-recent-title">
        <h2 id="import-recent-title" data-i18n="import.recent.heading">${t('import.recent.heading')}</h2>
        <div data-recent aria-busy="true"></div>
      </section>`);
    const form = this.querySelector('form');
    form.addEventListener('submit', guard(form, () => this.start(form)));
    this.loadUniversities();
    this.loadRecent();
  }

  async loadUniversities() {
    try {
      const universities = await api.get('/api/staff/universities');
      const select = this.querySelector('#import-university');
      for (const u of universities) {
        const option = document.createElement('option');
        option.value = String(u.id);
        option.textContent = u.name;
        select.append(option);
      }
      if (universities.length === 1) {
        select.value = String(universities[0].id);
      }
    } catch (error) {
      if (!error.handled) {
        render(this.querySelector('[data-universities-problem]'), problemBox(error));
      }
    }
  }

  async loadRecent() {
    const box = this.querySelector('[data-recent]');
    let jobs;
    try {
      jobs = await api.get('/api/staff/imports');
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    if (!jobs.length) {
      render(box, html`<p class="empty-state" data-i18n="import.recent.none">${t('import.recent.none')}</p>`);
      return;
    }
    render(box, html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="imports-caption">
      <table class="data-table">
        <caption id="imports-caption" data-i18n="import.recent.caption">${t('import.recent.caption')}</caption>
        <thead><tr>
          <th scope="col" data-i18n="import.col.file">${t('import.col.file')}</th>
          <th scope="col" data-i18n="import.col.state">${t('import.col.state')}</th>
          <th scope="col" data-i18n="import.col.started">${t('import.col.started')}</th>
        </tr></thead>
        <tbody>${jobs.map((j) => html`<tr data-import-id="${j.id}">
          <th scope="row"><a href="#/imports/${j.id}">${j.fileName}</a></th>
          <td>${labelHtml(IMPORT_STATE, j.state)}</td>
          <td><time datetime="${j.createdAt}">${formatDate(j.createdAt)}</time></td>
        </tr>`)}</tbody>
      </table>
    </div>`);
  }

  async start(form) {
    const summary = this.querySelector('#import-problem');
    clearFormProblem(form, summary);
    const v = (name) => form.elements.namedItem(name).value.trim();
    const file = form.elements.namedItem('file').files[0];
    const missing = [];
    if (!file) {
      missing.push({ field: 'file', code: 'import.file-required', message: t('import.field.file.missing') });
    }
    if (!v('universityId')) {
      missing.push({ field: 'universityId', code: 'import.university-required', message: t('import.field.university.missing') });
    }
    if (!v('code')) {
      missing.push({ field: 'code', code: 'import.code-required', message: t('import.field.code.missing') });
    }
    if (missing.length) {
      // Said before the upload: nothing to send without a file, a university and a code.
      showFormProblem(form, summary, { code: 'import.incomplete', title: t('import.incomplete'), detail: '', fieldErrors: missing });
      return;
    }
    let job;
    try {
      job = await api.upload(`/api/staff/imports${query({
        name: file.name, universityId: v('universityId'), code: v('code'), language: v('language'), credits: v('credits') || '0',
      })}`, file);
    } catch (error) {
      if (!error.handled) {
        showFormProblem(form, summary, error, CODE_FIELDS);
      }
      return;
    }
    this.context.navigate(`/imports/${job.id}`);
  }
}

customElements.define('course-import', CourseImport);
