import { args, html, render } from '../../lib/html.js';
import { t } from '../../lib/i18n.js';

/**
 * <data-pager page="0" size="25" total="120" data-label-key="...">: previous / next for a paged
 * list, with "page X of Y". Fires `page-change` ({detail: {page}}, bubbling).
 */
class DataPager extends HTMLElement {
  static get observedAttributes() {
    return ['page', 'size', 'total'];
  }

  connectedCallback() {
    this.draw();
    if (!this.listening) {
      this.listening = true;
      this.addEventListener('click', (event) => {
        const b = event.target.closest('button[data-page]');
        if (b && !b.disabled) {
          this.dispatchEvent(new CustomEvent('page-change', { bubbles: true, detail: { page: Number(b.getAttribute('data-page')) } }));
        }
      });
    }
  }

  attributeChangedCallback() {
    if (this.isConnected) {
      this.draw();
    }
  }

  draw() {
    const page = Number(this.getAttribute('page') || 0);
    const size = Math.max(1, Number(this.getAttribute('size') || 25));
    const total = Number(this.getAttribute('total') || 0);
    const pages = Math.max(1, Math.ceil(total / size));
    if (pages <= 1) {
      this.textContent = '';
      return;
    }
    const position = { page: page + 1, pages };
    render(this, html`<nav class="pager" data-i18n-aria-label="pager.label" aria-label="${t('pager.label')}">
      <button type="button" class="secondary" data-page="${page - 1}" ${page <= 0 ? 'disabled' : ''}
        data-i18n="pager.previous">${t('pager.previous')}</button>
      <span class="pager-position" data-i18n="pager.position" data-i18n-args="${args(position)}">${t('pager.position', position)}</span>
      <button type="button" class="secondary" data-page="${page + 1}" ${page >= pages - 1 ? 'disabled' : ''}
        data-i18n="pager.next">${t('pager.next')}</button>
    </nav>`);
  }
}

customElements.define('data-pager', DataPager);
