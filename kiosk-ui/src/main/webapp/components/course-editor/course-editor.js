import { ApiError, api, request } from '../../lib/api.js';
import { announce } from '../../lib/announce.js';
import { clearFormProblem, guard, problemBox, showFormProblem, showSummary } from '../../lib/forms.js';
import { textareaField, textField } from '../../lib/fields.js';
import { args, html, render, sanitised } from '../../lib/html.js';
import { k, t, translate } from '../../lib/i18n.js';
import { labelHtml } from '../../lib/labels.js';
import { ITEM_KIND } from '../../lib/course-labels.js';
import { confirmAction } from '../confirm-dialog/confirm-dialog.js';
import {
  caseBody, caseFields, formQuestion, newQuestion, questionEntries, quizBody, quizFields, readQuestions, readTasks, taskEntries,
} from './item-forms.js';

/** Problems the server answers when the course changed after this page loaded it. */
const STALE = new Set(['course.revision-stale', 'resource.concurrent-change']);
/** Upload problems that are about the chosen file. */
const FILE_FIELDS = { 'file.too-large': 'file', 'file.type-not-allowed': 'file' };
/** The edit button of each kind whose content this editor writes (documents and recordings are replaced, not edited). */
const EDIT_ACTION = { page: ['edit-page', k('editor.page.edit')], 'case-study': ['edit-case', k('editor.case.edit')], quiz: ['edit-quiz', k('editor.quiz.edit')] };

/**
 * <course-editor>: a lecturer edits the draft of the course they teach, from their workspace
 * (`#/edit`): the modules and their items as an outline — add, rename, move and remove modules;
 * add and edit pages (HTML, sanitised by the server and shown back as it was kept), add documents
 * and recordings (uploaded, then added as a `file` or `media` item), add and edit case studies
 * (scenario and tasks) and quizzes (questions of every type), move and remove items.
 *
 * Every change names the content it was made against (`If-Match` with the ETag of the last
 * answer). When someone changed the course meanwhile (412 / 409) the editor loads the course
 * again and says so: nothing of theirs is overwritten, and an open form keeps what was typed.
 * The version state is always in view: a change goes to a draft that learners see only after an
 * officer of their facility approves it. Its `context` needs `{me, id}`.
 */
class CourseEditor extends HTMLElement {
  static titleKey = k('editor.title');

  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    render(this, html`
      <h1 data-heading data-i18n="editor.title">${t('editor.title')}</h1>
      <div data-load aria-busy="true"><p data-i18n="common.loading">${t('common.loading')}</p></div>`);
    this.start();
  }

  async start() {
    const box = this.querySelector('[data-load]');
    try {
      await this.reload();
    } catch (error) {
      box.removeAttribute('aria-busy');
      if (!error.handled) {
        render(box, problemBox(error));
      }
      return;
    }
    box.removeAttribute('aria-busy');
    render(box, html`
      <div class="notice notice-info" data-version-state></div>
      <p data-i18n="editor.intro">${t('editor.intro')}</p>
      <div class="problem-summary" id="ce-problem" tabindex="-1" hidden></div>
      <div data-outline></div>
      <div data-form-view hidden></div>`);
    this.summary = this.querySelector('#ce-problem');
    this.outline = this.querySelector('[data-outline]');
    this.formView = this.querySelector('[data-form-view]');
    this.drawOutline();
  }

  /** Loads the course and the hash every change is made against. */
  async reload() {
    this.accept(await api.get(`/api/staff/courses/${this.context.id}`, { withEtag: true }));
  }

  accept(answer) {
    this.course = answer.value;
    this.hash = (answer.etag || '').replace(/^W\//, '').replace(/"/g, '') || this.course.latest.contentHash;
  }

  get modules() {
    return this.course.content?.modules || [];
  }

  /** One change to the draft; the answer is the course after it. */
  async change(method, path, body) {
    this.accept(await request(method, `/api/staff/courses/${this.context.id}${path}`, body,
      { withEtag: true, headers: { 'If-Match': `"${this.hash}"` } }));
  }

  drawState() {
    const v = this.course.latest;
    const box = this.querySelector('[data-version-state]');
    const shown = (this.course.versions || []).find((x) => x.state === 'FROZEN' && x.number < v.number);
    const state = v.state === 'DRAFT' ? k('editor.state.draft') : k('editor.state.frozen');
    render(box, html`
      <p class="notice-title" data-state="${v.state}" data-i18n="${state}" data-i18n-args="${args({ number: v.number })}">${t(state, { number: v.number })}</p>
      ${v.state === 'DRAFT' && shown ? html`<p data-i18n="editor.state.learnersSee" data-i18n-args="${args({ number: shown.number })}">${
        t('editor.state.learnersSee', { number: shown.number })}</p>` : ''}
      <p><a href="#/course" data-open-preview data-i18n="editor.openPreview">${t('editor.openPreview')}</a></p>`);
  }

  drawOutline() {
    const c = this.course;
    const lang = c.language;
    const h1 = this.querySelector('[data-heading]');
    h1.setAttribute('data-i18n', k('editor.heading'));
    h1.setAttribute('data-i18n-args', args({ title: c.title }));
    translate(h1);
    this.drawState();
    const modules = this.modules;
    render(this.outline, html`
      ${modules.length ? '' : html`<p data-no-modules data-i18n="editor.noModules">${t('editor.noModules')}</p>`}
      ${modules.map((m, i) => html`<section class="editor-module" aria-labelledby="ce-m-${m.key}" data-module="${m.key}">
        <h2 id="ce-m-${m.key}" tabindex="-1" lang="${lang}">${m.title}</h2>
        <div class="editor-actions">
          ${actionButton(k('editor.module.rename'), m.title, 'rename-module', m.key)}
          ${actionButton(k('editor.moveUp'), m.title, 'module-up', m.key, i === 0)}
          ${actionButton(k('editor.moveDown'), m.title, 'module-down', m.key, i === modules.length - 1)}
          ${actionButton(k('editor.module.remove'), m.title, 'remove-module', m.key)}
        </div>
        ${(m.items || []).length ? html`<ol class="editor-items">${m.items.map((item, j) => this.itemRow(item, j, m.items.length, lang))}</ol>`
          : html`<p data-i18n="editor.module.empty">${t('editor.module.empty')}</p>`}
        <div class="editor-actions editor-add">
          ${actionButton(k('editor.page.add'), m.title, 'add-page', m.key)}
          ${actionButton(k('editor.file.add'), m.title, 'add-file', m.key)}
          ${actionButton(k('editor.case.add'), m.title, 'add-case', m.key)}
          ${actionButton(k('editor.quiz.add'), m.title, 'add-quiz', m.key)}
        </div>
      </section>`)}
      <section class="panel narrow" aria-labelledby="ce-add-module-title">
        <h2 id="ce-add-module-title" tabindex="-1" data-i18n="editor.module.add.heading">${t('editor.module.add.heading')}</h2>
        <div class="problem-summary" id="ce-add-module-problem" tabindex="-1" hidden></div>
        <form class="stack" novalidate data-form="add-module">
          ${textField({ id: 'ce-module-title', name: 'title', label: k('editor.module.title'), required: true, maxlength: 300 })}
          <div class="actions"><button type="submit" class="primary" data-i18n="editor.module.add.submit">${t('editor.module.add.submit')}</button></div>
        </form>
      </section>`);
    const form = this.outline.querySelector('form[data-form=add-module]');
    form.addEventListener('submit', guard(form, () => this.addModule(form)));
    for (const b of this.outline.querySelectorAll('[data-action]')) {
      b.addEventListener('click', () => this.act(b.getAttribute('data-action'), b.getAttribute('data-key')));
    }
  }

  itemRow(item, index, count, lang) {
    const findings = (this.course.lint || []).filter((l) => l.itemKey === item.key).length;
    return html`<li class="editor-item" data-item="${item.key}" data-kind="${item.kind}">
      <h3 id="ce-i-${item.key}" tabindex="-1"><span lang="${lang}">${item.title}</span>
        <span class="item-kind">(${labelHtml(ITEM_KIND, item.kind)})</span></h3>
      ${item.kind === 'page' ? html`<details data-page-view><summary data-i18n="editor.page.show">${t('editor.page.show')}</summary>
        <div class="course-html" lang="${lang}" data-page-html>${sanitised(item.html)}</div></details>` : ''}
      ${findings ? html`<p class="hint" data-item-findings data-i18n="editor.item.findings" data-i18n-args="${args({ count: findings })}">${
        t('editor.item.findings', { count: findings })}</p>` : ''}
      <div class="editor-actions">
        ${EDIT_ACTION[item.kind] ? actionButton(EDIT_ACTION[item.kind][1], item.title, EDIT_ACTION[item.kind][0], item.key) : ''}
        ${actionButton(k('editor.moveUp'), item.title, 'item-up', item.key, index === 0)}
        ${actionButton(k('editor.moveDown'), item.title, 'item-down', item.key, index === count - 1)}
        ${actionButton(k('editor.item.remove'), item.title, 'remove-item', item.key)}
      </div>
    </li>`;
  }

  act(action, key) {
    switch (action) {
      case 'rename-module': return this.openModuleForm(key);
      case 'module-up': return this.moveModule(key, -1);
      case 'module-down': return this.moveModule(key, 1);
      case 'remove-module': return this.removeModule(key);
      case 'add-page': return this.openPageForm(key, null);
      case 'edit-page': return this.openPageForm(this.moduleOf(key).key, key);
      case 'add-file': return this.openFileForm(key);
      case 'add-case': return this.openCaseForm(key, null);
      case 'edit-case': return this.openCaseForm(this.moduleOf(key).key, key);
      case 'add-quiz': return this.openQuizForm(key, null);
      case 'edit-quiz': return this.openQuizForm(this.moduleOf(key).key, key);
      case 'item-up': return this.moveItem(key, -1);
      case 'item-down': return this.moveItem(key, 1);
      case 'remove-item': return this.removeItem(key);
      default: return undefined;
    }
  }

  module(key) {
    return this.modules.find((m) => m.key === key) || null;
  }

  moduleOf(itemKey) {
    return this.modules.find((m) => (m.items || []).some((i) => i.key === itemKey)) || null;
  }

  item(key) {
    return this.moduleOf(key)?.items.find((i) => i.key === key) || null;
  }

  /**
   * Runs a change made from the outline. Afterwards the outline is drawn again, `after` moves
   * focus and the change is announced with the reminder that the draft needs approval. A course
   * changed meanwhile is loaded again and the problem shown above the fresh outline.
   */
  async outlineChange(work, after, message) {
    // One change at a time: a second press while the first is on its way would name a hash that
    // is about to be old, and be refused as if someone else had changed the course.
    if (this.outline.hasAttribute('aria-busy')) {
      return;
    }
    clearFormProblem(null, this.summary);
    this.outline.setAttribute('aria-busy', 'true');
    try {
      await work();
    } catch (error) {
      await this.failed(error, (e) => showSummary(this.summary, e));
      return;
    } finally {
      this.outline.removeAttribute('aria-busy');
    }
    this.drawOutline();
    after();
    announce(`${message} ${t('editor.saved.approval')}`);
  }

  /** Shows a failed change with `show`; when the course changed meanwhile, loads it again first and says so. */
  async failed(error, show) {
    if (error.handled) {
      return;
    }
    if (!STALE.has(error.code) && error.status !== 412) {
      show(error);
      return;
    }
    try {
      await this.reload();
    } catch (again) {
      show(again);
      return;
    }
    if (!this.outline.hidden) {
      this.drawOutline();
    } else {
      this.drawState();
    }
    show(error);
    const box = document.activeElement?.closest('.problem-summary');
    if (box) {
      box.insertAdjacentHTML('beforeend', html`<p data-stale-reloaded data-i18n="editor.stale.reloaded">${t('editor.stale.reloaded')}</p>`.value);
    }
  }

  focusModule(key) {
    this.outline.querySelector(`#ce-m-${key}`)?.focus();
  }

  focusItem(key) {
    this.outline.querySelector(`#ce-i-${key}`)?.focus();
  }

  /** After a move: the same button on the moved row, or the other one when it has gone as far as it can. */
  focusMoved(action, key) {
    const [same, other] = action.endsWith('-up') ? [action, action.replace('-up', '-down')] : [action, action.replace('-down', '-up')];
    for (const a of [same, other]) {
      const b = [...this.outline.querySelectorAll(`[data-action="${a}"]`)].find((x) => x.getAttribute('data-key') === key);
      if (b && !b.disabled) {
        b.focus();
        return;
      }
    }
  }

  async addModule(form) {
    const summary = this.outline.querySelector('#ce-add-module-problem');
    clearFormProblem(form, summary);
    const title = form.elements.title.value.trim();
    const before = new Set(this.modules.map((m) => m.key));
    try {
      await this.change('POST', '/modules', { title });
    } catch (error) {
      await this.failed(error, (e) => {
        const f = this.outline.querySelector('form[data-form=add-module]');
        f.elements.title.value = title;
        showFormProblem(f, this.outline.querySelector('#ce-add-module-problem'), e);
      });
      return;
    }
    const added = this.modules.find((m) => !before.has(m.key));
    this.drawOutline();
    if (added) {
      this.focusModule(added.key);
    }
    announce(`${t('editor.module.added', { title })} ${t('editor.saved.approval')}`);
  }

  moveModule(key, step) {
    const keys = this.modules.map((m) => m.key);
    const at = keys.indexOf(key);
    if (at < 0 || at + step < 0 || at + step >= keys.length) {
      return undefined;
    }
    [keys[at], keys[at + step]] = [keys[at + step], keys[at]];
    const title = this.module(key).title;
    const action = step < 0 ? 'module-up' : 'module-down';
    return this.outlineChange(() => this.change('PUT', '/modules/order', { keys }), () => this.focusMoved(action, key),
      t(step < 0 ? k('editor.movedUp') : k('editor.movedDown'), { title }));
  }

  moveItem(key, step) {
    const m = this.moduleOf(key);
    const keys = (m?.items || []).map((i) => i.key);
    const at = keys.indexOf(key);
    if (at < 0 || at + step < 0 || at + step >= keys.length) {
      return undefined;
    }
    [keys[at], keys[at + step]] = [keys[at + step], keys[at]];
    const title = this.item(key).title;
    const action = step < 0 ? 'item-up' : 'item-down';
    return this.outlineChange(() => this.change('PUT', `/modules/${encodeURIComponent(m.key)}/items/order`, { keys }),
      () => this.focusMoved(action, key), t(step < 0 ? k('editor.movedUp') : k('editor.movedDown'), { title }));
  }

  async removeModule(key) {
    const m = this.module(key);
    const count = (m.items || []).length;
    const yes = await confirmAction({
      title: t('editor.module.remove.title', { title: m.title }),
      body: t('editor.module.remove.body', { count }),
      confirm: t('editor.module.remove.confirm'),
      danger: true,
    });
    if (!yes) {
      return;
    }
    const keys = this.modules.map((x) => x.key);
    const at = keys.indexOf(key);
    const next = keys[at + 1] || keys[at - 1] || null;
    await this.outlineChange(() => this.change('DELETE', `/modules/${encodeURIComponent(key)}`),
      () => (next && this.module(next) ? this.focusModule(next) : this.outline.querySelector('#ce-add-module-title').focus()),
      t('editor.module.removed', { title: m.title }));
  }

  async removeItem(key) {
    const item = this.item(key);
    const m = this.moduleOf(key);
    const yes = await confirmAction({
      title: t('editor.item.remove.title', { title: item.title }),
      body: t('editor.item.remove.body'),
      confirm: t('editor.item.remove.confirm'),
      danger: true,
    });
    if (!yes) {
      return;
    }
    const keys = m.items.map((i) => i.key);
    const at = keys.indexOf(key);
    const next = keys[at + 1] || keys[at - 1] || null;
    await this.outlineChange(() => this.change('DELETE', `/items/${encodeURIComponent(key)}`),
      () => (next && this.item(next) ? this.focusItem(next) : this.focusModule(m.key)),
      t('editor.item.removed', { title: item.title }));
  }

  /** Hides the outline and shows a form in its place; `back` returns to the outline. */
  showForm(markup, formName, submit) {
    this.returnTo = document.activeElement;
    clearFormProblem(null, this.summary);
    this.outline.hidden = true;
    this.formView.hidden = false;
    render(this.formView, markup);
    const form = this.formView.querySelector(`form[data-form=${formName}]`);
    form.addEventListener('submit', guard(form, () => submit(form)));
    this.formView.querySelector('[data-cancel]').addEventListener('click', () => this.back());
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.back();
      }
    });
    form.querySelector('input, textarea').focus();
    return form;
  }

  /** Back to the outline without a change; focus returns to the button that opened the form. */
  back() {
    const key = this.returnTo?.getAttribute('data-key');
    const action = this.returnTo?.getAttribute('data-action');
    this.closeForm();
    const b = [...this.outline.querySelectorAll(`[data-action="${action}"]`)].find((x) => x.getAttribute('data-key') === key);
    (b || this.querySelector('[data-heading]')).focus();
    announce(t('editor.cancelled'));
  }

  closeForm() {
    this.formView.hidden = true;
    this.formView.textContent = '';
    this.outline.hidden = false;
    this.drawOutline();
  }

  formFrame(headingKey, params, formName, fields, submitKey) {
    return html`<section class="panel" aria-labelledby="ce-form-title" data-editor-form="${formName}">
      <h2 id="ce-form-title" data-i18n="${headingKey}" data-i18n-args="${args(params)}">${t(headingKey, params)}</h2>
      <div class="problem-summary" id="ce-form-problem" tabindex="-1" hidden></div>
      <form class="stack" novalidate data-form="${formName}" aria-labelledby="ce-form-title">
        ${fields}
        <div class="actions">
          <button type="submit" class="primary" data-i18n="${submitKey}">${t(submitKey)}</button>
          <button type="button" class="secondary" data-cancel data-i18n="common.cancel">${t('common.cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  /** Saves a form's change: back to the outline with focus on `focusKey()` after, or the problem on the form. */
  async saveForm(form, work, done) {
    const summary = this.formView.querySelector('#ce-form-problem');
    clearFormProblem(form, summary);
    try {
      await work();
    } catch (error) {
      await this.failed(error, (e) => showFormProblem(form, summary, e, FILE_FIELDS));
      return;
    }
    this.closeForm();
    done();
  }

  openModuleForm(key) {
    const m = this.module(key);
    this.showForm(this.formFrame(k('editor.module.rename.heading'), { title: m.title }, 'module',
      textField({ id: 'ce-rename-title', name: 'title', label: k('editor.module.title'), required: true, maxlength: 300, value: m.title }),
      k('editor.save')), 'module', (form) => {
      const title = form.elements.title.value.trim();
      return this.saveForm(form, () => this.change('PUT', `/modules/${encodeURIComponent(key)}`, { title }), () => {
        this.focusModule(key);
        announce(`${t('editor.module.renamed', { title })} ${t('editor.saved.approval')}`);
      });
    });
  }

  openPageForm(moduleKey, itemKey) {
    const m = this.module(moduleKey);
    const item = itemKey ? this.item(itemKey) : null;
    const heading = item ? k('editor.page.edit.heading') : k('editor.page.add.heading');
    const params = item ? { title: item.title } : { module: m.title };
    this.showForm(this.formFrame(heading, params, 'page', html`
      ${textField({ id: 'ce-page-title', name: 'title', label: k('editor.item.title'), required: true, maxlength: 300, value: item?.title || '' })}
      ${textareaField({ id: 'ce-page-html', name: 'html', label: k('editor.page.html'), hint: k('editor.page.html.hint'), rows: 12,
        spellcheck: false, value: item?.html || '' })}`, k('editor.save')), 'page', (form) => {
      const title = form.elements.title.value.trim();
      const body = form.elements.html.value;
      const before = new Set((m.items || []).map((i) => i.key));
      return this.saveForm(form, () => (item
        ? this.change('PUT', `/items/${encodeURIComponent(item.key)}`, { ...this.item(item.key), title, html: body })
        : this.change('POST', `/modules/${encodeURIComponent(moduleKey)}/items`, { kind: 'page', title, html: body, assets: [] })), () => {
        const key = item ? item.key : (this.module(moduleKey)?.items || []).find((i) => !before.has(i.key))?.key;
        // What the server kept of the HTML is shown at once, under the page's heading.
        const row = [...this.outline.querySelectorAll('[data-item]')].find((r) => r.getAttribute('data-item') === key);
        row?.querySelector('details[data-page-view]')?.setAttribute('open', '');
        this.focusItem(key);
        announce(`${t(item ? k('editor.page.saved') : k('editor.page.added'), { title })} ${t('editor.saved.approval')}`);
      });
    });
  }

  openFileForm(moduleKey) {
    const m = this.module(moduleKey);
    this.showForm(this.formFrame(k('editor.file.add.heading'), { module: m.title }, 'file', html`
      ${textField({ id: 'ce-file-title', name: 'title', label: k('editor.item.title'), required: true, maxlength: 300 })}
      ${textField({ id: 'ce-file', name: 'file', type: 'file', label: k('editor.file.file'), hint: k('editor.file.hint'), required: true })}`,
    k('editor.file.submit')), 'file', (form) => {
      const title = form.elements.title.value.trim();
      const file = form.elements.file.files[0];
      const before = new Set((m.items || []).map((i) => i.key));
      return this.saveForm(form, async () => {
        if (!file) {
          const detail = t('editor.file.none.detail');
          throw new ApiError({ title: t('editor.file.none.title'), detail, code: 'editor.file-missing', errors: [{ field: 'file', code: 'editor.file-missing', message: detail }] });
        }
        const ref = await api.upload(`/api/staff/files?name=${encodeURIComponent(file.name)}`, file);
        const fileRef = { fileId: ref.fileId, name: ref.name };
        const recording = /^(video|audio)\//.test(ref.mediaType || '');
        await this.change('POST', `/modules/${encodeURIComponent(moduleKey)}/items`, recording
          ? { kind: 'media', title, media: fileRef, captions: [] }
          : { kind: 'file', title, file: fileRef });
      }, () => {
        const key = (this.module(moduleKey)?.items || []).find((i) => !before.has(i.key))?.key;
        this.focusItem(key);
        announce(`${t('editor.file.added', { title })} ${t('editor.saved.approval')}`);
      });
    });
  }
  /** Saves a case study or a quiz: checked here first, then sent; back to the outline with focus on it. */
  saveItem(form, moduleKey, item, build, message) {
    const m = this.module(moduleKey);
    const before = new Set((m.items || []).map((i) => i.key));
    let title = '';
    return this.saveForm(form, () => {
      const body = build();
      ({ title } = body);
      return item
        ? this.change('PUT', `/items/${encodeURIComponent(item.key)}`, { ...body, key: item.key })
        : this.change('POST', `/modules/${encodeURIComponent(moduleKey)}/items`, body);
    }, () => {
      const key = item ? item.key : (this.module(moduleKey)?.items || []).find((i) => !before.has(i.key))?.key;
      this.focusItem(key);
      announce(`${t(message(Boolean(item)), { title })} ${t('editor.saved.approval')}`);
    });
  }

  /**
   * A form with a list of entries (tasks, questions): `entries` is what the form holds, `read`
   * takes what was typed back into it before the list is drawn again, `draw` draws the list.
   * Adding moves focus to the new entry's first field, removing to the next entry's legend (or the
   * add button), moving to the same button on the moved entry; each is announced.
   */
  wireEntries(form, list) {
    const box = form.querySelector('[data-entries]');
    const redraw = (focus) => {
      render(box, html`${list.draw(list.entries)}`);
      (typeof focus === 'string' ? form.querySelector(focus) : focus?.())?.focus();
    };
    form.querySelector('[data-add-entry]').addEventListener('click', () => {
      list.entries = list.read(form, list.entries);
      list.entries.push(list.create(form));
      const i = list.entries.length - 1;
      redraw(`${list.prefix}${i}-prompt`);
      announce(t(list.added, { number: i + 1 }));
    });
    box.addEventListener('click', (event) => {
      const b = event.target.closest('[data-entry-action]');
      if (!b) {
        return;
      }
      const action = b.getAttribute('data-entry-action');
      const i = Number(b.getAttribute('data-index'));
      const entries = list.read(form, list.entries);
      list.entries = entries;
      if (action === 'up' || action === 'down') {
        const j = action === 'up' ? i - 1 : i + 1;
        [entries[i], entries[j]] = [entries[j], entries[i]];
        redraw(() => {
          const same = box.querySelector(`[data-entry-action="${action}"][data-index="${j}"]:not([data-choice])`);
          return same && !same.disabled ? same : box.querySelector(`[data-entry-action="${action === 'up' ? 'down' : 'up'}"][data-index="${j}"]`);
        });
        announce(t(action === 'up' ? k('editor.entry.movedUp') : k('editor.entry.movedDown'), { from: i + 1, to: j + 1 }));
      } else if (action === 'remove') {
        entries.splice(i, 1);
        redraw(() => box.querySelector(`${list.prefix}${Math.min(i, entries.length - 1)}-legend`) || form.querySelector('[data-add-entry]'));
        announce(t(list.removed, { number: i + 1 }));
      } else if (action === 'add-choice') {
        entries[i].choices.push({ html: '', correct: false });
        const j = entries[i].choices.length - 1;
        redraw(`${list.prefix}${i}-c${j}-html`);
        announce(t('editor.quiz.choice.added', { number: j + 1 }));
      } else if (action === 'remove-choice') {
        const j = Number(b.getAttribute('data-choice'));
        entries[i].choices.splice(j, 1);
        if (entries[i].type === 'single-choice' && !entries[i].choices.some((c) => c.correct)) {
          entries[i].choices[0].correct = true;
        }
        redraw(`${list.prefix}${i}-c${Math.min(j, entries[i].choices.length - 1)}-html`);
        announce(t('editor.quiz.choice.removed', { number: j + 1 }));
      }
    });
  }

  openCaseForm(moduleKey, itemKey) {
    const m = this.module(moduleKey);
    const item = itemKey ? this.item(itemKey) : null;
    const draft = item
      ? { ...item, tasks: item.tasks.map((task) => ({ ...task, maxScore: String(task.maxScore) })) }
      : { title: '', scenarioHtml: '', attachments: [], tasks: [{ promptHtml: '', rubricHtml: '', maxScore: '10' }] };
    const list = {
      entries: draft.tasks, prefix: '#ce-t', read: readTasks, draw: taskEntries,
      create: () => ({ promptHtml: '', rubricHtml: '', maxScore: '10' }),
      added: k('editor.case.task.added'), removed: k('editor.case.task.removed'),
    };
    const form = this.showForm(this.formFrame(item ? k('editor.case.edit.heading') : k('editor.case.add.heading'),
      item ? { title: item.title } : { module: m.title }, 'case', caseFields(draft), k('editor.save')), 'case', (f) => {
      return this.saveItem(f, moduleKey, item, () => caseBody(item || {},
        f.elements.title.value.trim(), f.elements.scenarioHtml.value, readTasks(f, list.entries)),
      (edited) => (edited ? k('editor.case.saved') : k('editor.case.added')));
    });
    this.wireEntries(form, list);
  }

  openQuizForm(moduleKey, itemKey) {
    const m = this.module(moduleKey);
    const item = itemKey ? this.item(itemKey) : null;
    const draft = item
      ? { ...item, attemptsAllowed: String(item.attemptsAllowed), questions: item.questions.map(formQuestion) }
      : { title: '', introHtml: '', attemptsAllowed: '0', questions: [] };
    const list = {
      entries: draft.questions, prefix: '#ce-q', read: readQuestions, draw: questionEntries,
      create: (form) => newQuestion(form.elements.newType.value),
      added: k('editor.quiz.question.added'), removed: k('editor.quiz.question.removed'),
    };
    const form = this.showForm(this.formFrame(item ? k('editor.quiz.edit.heading') : k('editor.quiz.add.heading'),
      item ? { title: item.title } : { module: m.title }, 'quiz', quizFields(draft), k('editor.save')), 'quiz', (f) => {
      list.entries = readQuestions(f, list.entries);
      return this.saveItem(f, moduleKey, item, () => quizBody(item || {}, f.elements.title.value.trim(), f.elements.introHtml.value,
        f.elements.attemptsAllowed.value, list.entries),
      (edited) => (edited ? k('editor.quiz.saved') : k('editor.quiz.added')));
    });
    this.wireEntries(form, list);
  }
}

/** A button on a row: its visible words, and the row's title for whoever hears it out of context. */
function actionButton(key, title, action, dataKey, disabled = false) {
  return html`<button type="button" class="secondary small" data-action="${action}" data-key="${dataKey}" ${disabled ? 'disabled' : ''}>
    <span data-i18n="${key}">${t(key)}</span><span class="visually-hidden">: ${title}</span></button>`;
}

customElements.define('course-editor', CourseEditor);
