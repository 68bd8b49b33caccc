import { args, html } from './html.js';
import { t } from './i18n.js';
import { labelHtml } from './labels.js';
import { LINT_ACTION, LINT_REASON, REPORT_PARAM } from './course-labels.js';

/**
 * Pieces the officer's import report and course preview share: a report code's parameters as a
 * small list with translated names, and the sanitiser's findings as a table.
 */

/** `{url: "…", title: "…"}` as "Web address: … · Title: …" (names translated, values as they are). */
export function paramList(params) {
  const entries = Object.entries(params || {});
  if (!entries.length) {
    return '';
  }
  return html`<dl class="params">${entries.map(([name, value]) => html`<div>
    <dt>${labelHtml(REPORT_PARAM, name)}</dt><dd><code>${value}</code></dd></div>`)}</dl>`;
}

/**
 * The sanitiser's findings: where, which element and attribute, the reference as found, what was
 * done and why. `findings` are LintFinding objects; `id` makes the caption's id unique.
 */
export function lintTable(findings, id) {
  const count = { total: findings.length };
  return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}-caption" data-lint-table>
    <table class="data-table">
      <caption id="${id}-caption"><span data-i18n="lint.caption">${t('lint.caption')}</span>
        <span class="caption-count" data-i18n="common.total" data-i18n-args="${args(count)}">${t('common.total', count)}</span></caption>
      <thead><tr>
        <th scope="col" data-i18n="lint.col.location">${t('lint.col.location')}</th>
        <th scope="col" data-i18n="lint.col.element">${t('lint.col.element')}</th>
        <th scope="col" data-i18n="lint.col.reference">${t('lint.col.reference')}</th>
        <th scope="col" data-i18n="lint.col.action">${t('lint.col.action')}</th>
        <th scope="col" data-i18n="lint.col.reason">${t('lint.col.reason')}</th>
      </tr></thead>
      <tbody>${findings.map((f) => html`<tr data-finding="${f.reason}">
        <th scope="row">${f.location}</th>
        <td><code>${f.element}${f.attribute ? html` / ${f.attribute}` : ''}</code></td>
        <td><code class="reference">${f.reference || ''}</code></td>
        <td>${labelHtml(LINT_ACTION, f.action)}</td>
        <td>${labelHtml(LINT_REASON, f.reason)}</td>
      </tr>`)}</tbody>
    </table>
  </div>`;
}
