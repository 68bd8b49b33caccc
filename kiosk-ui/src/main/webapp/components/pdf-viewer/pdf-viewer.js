import { authorization } from '../../lib/api.js';
import { args, html, render } from '../../lib/html.js';
import { k, t } from '../../lib/i18n.js';

/** pdf.js, vendored (see vendor/pdfjs and the README); loaded the first time a PDF is shown. */
const PDFJS = '/vendor/pdfjs/pdf.min.mjs';
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
let pdfjsLoading = null;

function pdfjs() {
  if (!pdfjsLoading) {
    pdfjsLoading = import(PDFJS).then((lib) => {
      // The worker comes from this origin (CSP worker-src 'self'), as a module.
      lib.GlobalWorkerOptions.workerSrc = '/vendor/pdfjs/pdf.worker.min.mjs';
      return lib;
    }).catch((error) => {
      pdfjsLoading = null;
      throw error;
    });
  }
  return pdfjsLoading;
}

/**
 * <pdf-viewer>: a PDF inside the kiosk, drawn by pdf.js page by page on a canvas, with pdf.js's
 * text layer over it so that a screen reader reads (and a person can select) the text; the
 * canvas itself is hidden from assistive technology. Previous / next page and zoom are buttons;
 * the page number is announced. There is no download, no print and no link: annotations (links
 * among them) are never made into elements, so nothing leads out of the kiosk.
 *
 * Either property `item` (a kiosk file item: `item.file` = {url, name, mediaType}) or `file`
 * ({url, name, mediaType}) directly (attachments, the officer's preview); `lang` = the course's
 * language, for the text layer.
 */
class PdfViewer extends HTMLElement {
  connectedCallback() {
    if (this.rendered) {
      return;
    }
    this.rendered = true;
    const file = this.file || this.item?.file;
    this.source = file;
    const id = `pdf-${Math.random().toString(36).slice(2, 9)}`;
    this.uid = id;
    if (!file || (file.mediaType && file.mediaType !== 'application/pdf')) {
      render(this, html`<div class="notice notice-info" data-not-pdf>
        <p class="notice-title" data-i18n="pdf.notShown">${t('pdf.notShown')}</p>
        ${file ? html`<p>${file.name}</p>` : ''}
      </div>`);
      return;
    }
    const nameArgs = { name: file.name || '' };
    render(this, html`<section class="pdf-viewer" aria-labelledby="${id}-name">
      <h2 class="pdf-name" id="${id}-name"><span data-i18n="pdf.document" data-i18n-args="${args(nameArgs)}">${t('pdf.document', nameArgs)}</span></h2>
      <div class="pdf-controls">
        <div class="pdf-group" role="group" data-i18n-aria-label="pdf.pages" aria-label="${t('pdf.pages')}">
          <button type="button" class="secondary" data-prev-page disabled data-i18n="pdf.previous">${t('pdf.previous')}</button>
          <span class="pdf-position" data-position aria-live="polite"></span>
          <button type="button" class="secondary" data-next-page disabled data-i18n="pdf.next">${t('pdf.next')}</button>
        </div>
        <div class="pdf-group" role="group" data-i18n-aria-label="pdf.zoom" aria-label="${t('pdf.zoom')}">
          <button type="button" class="secondary" data-zoom-out disabled data-i18n="pdf.zoomOut">${t('pdf.zoomOut')}</button>
          <span class="pdf-zoom" data-zoom-level aria-live="polite"></span>
          <button type="button" class="secondary" data-zoom-in disabled data-i18n="pdf.zoomIn">${t('pdf.zoomIn')}</button>
        </div>
      </div>
      <p class="status-line" data-pdf-status role="status" data-i18n="pdf.loading">${t('pdf.loading')}</p>
      <div class="pdf-scroll" data-pdf-scroll role="region" tabindex="0" data-i18n-aria-label="pdf.pageRegion" aria-label="${t('pdf.pageRegion')}">
        <div class="pdf-page" data-pdf-page>
          <canvas aria-hidden="true"></canvas>
          <div class="textLayer" lang="${this.lang || ''}" data-text-layer></div>
        </div>
      </div>
    </section>`);
    this.pageNumber = 1;
    this.zoomIndex = ZOOMS.indexOf(1);
    this.querySelector('[data-prev-page]').addEventListener('click', () => this.go(this.pageNumber - 1));
    this.querySelector('[data-next-page]').addEventListener('click', () => this.go(this.pageNumber + 1));
    this.querySelector('[data-zoom-out]').addEventListener('click', () => this.zoom(-1));
    this.querySelector('[data-zoom-in]').addEventListener('click', () => this.zoom(1));
    // No "save image as" on the page: the kiosk keeps documents inside Bilim.
    this.querySelector('[data-pdf-page]').addEventListener('contextmenu', (e) => e.preventDefault());
    this.open(file.url);
  }

  disconnectedCallback() {
    this.renderTask?.cancel();
    this.loadingTask?.destroy();
    this.doc = null;
  }

  async open(url) {
    const status = this.querySelector('[data-pdf-status]');
    try {
      const lib = await pdfjs();
      this.lib = lib;
      this.loadingTask = lib.getDocument({
        url,
        withCredentials: false,
        // A lecturer's workspace has a bearer token instead of a cookie; elsewhere this is empty.
        httpHeaders: authorization(),
        // The CSP has no 'unsafe-eval' and no 'wasm-unsafe-eval': no generated code, no WebAssembly decoders.
        isEvalSupported: false,
        useWasm: false,
        enableXfa: false,
        cMapUrl: '/vendor/pdfjs/cmaps/',
        cMapPacked: true,
        standardFontDataUrl: '/vendor/pdfjs/standard_fonts/',
      });
      this.doc = await this.loadingTask.promise;
    } catch (error) {
      console.error('PDF not shown', error);
      status.setAttribute('data-i18n', k('pdf.failed'));
      status.textContent = t('pdf.failed');
      status.setAttribute('data-pdf-failed', '');
      return;
    }
    if (!this.isConnected) {
      return;
    }
    await this.draw();
  }

  go(number) {
    if (!this.doc || number < 1 || number > this.doc.numPages) {
      return;
    }
    this.pageNumber = number;
    this.draw();
  }

  zoom(step) {
    const next = this.zoomIndex + step;
    if (next < 0 || next >= ZOOMS.length) {
      return;
    }
    this.zoomIndex = next;
    this.draw();
  }

  async draw() {
    const doc = this.doc;
    const page = await doc.getPage(this.pageNumber);
    const box = this.querySelector('[data-pdf-page]');
    const scroll = this.querySelector('[data-pdf-scroll]');
    const canvas = box.querySelector('canvas');
    const textLayer = box.querySelector('[data-text-layer]');
    // 100 % is the page as wide as the space it has; the zoom buttons go from there.
    const natural = page.getViewport({ scale: 1 });
    const fit = Math.max(0.25, (scroll.clientWidth - 4) / natural.width);
    const scale = fit * ZOOMS[this.zoomIndex];
    const viewport = page.getViewport({ scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    canvas.style.width = `${Math.floor(viewport.width)}px`;
    canvas.style.height = `${Math.floor(viewport.height)}px`;
    box.style.width = `${Math.floor(viewport.width)}px`;
    box.style.height = `${Math.floor(viewport.height)}px`;
    box.style.setProperty('--scale-factor', String(scale));
    box.style.setProperty('--total-scale-factor', String(scale));
    box.style.setProperty('--scale-round-x', '1px');
    box.style.setProperty('--scale-round-y', '1px');
    this.renderTask?.cancel();
    this.renderTask = page.render({
      canvasContext: canvas.getContext('2d'),
      viewport,
      transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : null,
    });
    textLayer.replaceChildren();
    try {
      await this.renderTask.promise;
      const text = new this.lib.TextLayer({ textContentSource: page.streamTextContent(), container: textLayer, viewport });
      await text.render();
    } catch (error) {
      if (error?.name === 'RenderingCancelledException') {
        return;
      }
      throw error;
    }
    this.updateControls();
  }

  updateControls() {
    const pages = this.doc.numPages;
    const position = { page: this.pageNumber, pages };
    const where = this.querySelector('[data-position]');
    where.setAttribute('data-i18n', k('pdf.position'));
    where.setAttribute('data-i18n-args', JSON.stringify(position));
    where.textContent = t('pdf.position', position);
    const level = { percent: Math.round(ZOOMS[this.zoomIndex] * 100) };
    const zoom = this.querySelector('[data-zoom-level]');
    zoom.setAttribute('data-i18n', k('pdf.zoomLevel'));
    zoom.setAttribute('data-i18n-args', JSON.stringify(level));
    zoom.textContent = t('pdf.zoomLevel', level);
    this.querySelector('[data-prev-page]').disabled = this.pageNumber <= 1;
    this.querySelector('[data-next-page]').disabled = this.pageNumber >= pages;
    this.querySelector('[data-zoom-out]').disabled = this.zoomIndex <= 0;
    this.querySelector('[data-zoom-in]').disabled = this.zoomIndex >= ZOOMS.length - 1;
    const status = this.querySelector('[data-pdf-status]');
    status.setAttribute('data-i18n', k('pdf.ready'));
    status.textContent = t('pdf.ready');
    this.setAttribute('data-rendered', String(this.pageNumber));
  }
}

customElements.define('pdf-viewer', PdfViewer);
