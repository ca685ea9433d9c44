/**
 * Shows a PDF with Mozilla's pdf.js: each page drawn on a canvas under a text layer (real, selectable
 * text, so screen readers and the browser's find read it), with page navigation and zoom and no print
 * or download. Loaded on demand with the first PDF opened (see documents.controller.ts): pdf.js is large.
 */
import { PDFWorker, getDocument, TextLayer, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist';
import { pdfWorkerUrl } from './documents.pdf-worker.js';

/** The PDF could not be parsed or drawn; the reason is pdf.js's, in words a clinician can pass on. */
export class PdfUnreadable extends Error {}

/** The Trusted Types policy that lets exactly pdf.js's worker script through (a host's `trusted-types` lists it). */
export const PDF_WORKER_POLICY = 'care-record-pdf-worker';

interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): {
    createScriptURL(url: string): unknown;
  };
}

let worker: { pdfWorker: PDFWorker; failed: Promise<never> } | undefined;

function workerScript(): string | URL {
  const trustedTypes = (globalThis as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return pdfWorkerUrl;
  const policy = trustedTypes.createPolicy(PDF_WORKER_POLICY, {
    createScriptURL: (url) => {
      if (url !== pdfWorkerUrl) throw new TypeError(`Not pdf.js's worker: ${url}`);
      return url;
    },
  });
  return policy.createScriptURL(pdfWorkerUrl) as string;
}

/**
 * One worker for every PDF on the page. pdf.js would make its own from a plain string, which a page
 * requiring Trusted Types refuses; made here, its address goes through a policy that allows only it.
 * A worker that cannot start (a CSP without `worker-src 'self'`) is reported, never waited for.
 */
function sharedWorker(): { pdfWorker: PDFWorker; failed: Promise<never> } {
  if (worker) return worker;
  const port = new Worker(workerScript(), { type: 'module', name: 'care-record-pdf' });
  const failed = new Promise<never>((_, reject) => {
    port.addEventListener('error', (event) => {
      event.preventDefault();
      worker = undefined;
      reject(new PdfUnreadable('the PDF reader could not start (the page may not allow its worker script)'));
    });
  });
  failed.catch(() => undefined);
  // Given to each document (never owned by one), so closing a document leaves it running for the next.
  worker = { pdfWorker: PDFWorker.create({ port }), failed };
  return worker;
}

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
const DEFAULT_ZOOM = 2;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(className: string, label: string, onClick: () => void): HTMLButtonElement {
  const node = element('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** One page: its canvas (drawn when it comes near the view) and its text layer (always, for find). */
interface PageView {
  page: PDFPageProxy;
  node: HTMLElement;
  drawnAt: number | undefined;
  drawing: { cancel(): void } | undefined;
}

class PdfView {
  readonly node = element('div', 'pdf');
  private readonly pagesNode = element('div', 'pdf-pages');
  private readonly pageLabel = element('span', 'pdf-page-number');
  private readonly zoomLabel = element('span', 'pdf-zoom');
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly zoomOut: HTMLButtonElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly pages: PageView[] = [];
  private readonly nearView = new Set<PageView>();
  private zoom = DEFAULT_ZOOM;
  private current = 0;
  private observer: IntersectionObserver | undefined;

  constructor(
    private readonly pdf: PDFDocumentProxy,
    title: string,
  ) {
    const controls = element('div', 'pdf-controls');
    controls.setAttribute('role', 'toolbar');
    controls.setAttribute('aria-label', `PDF pages and zoom: ${title}`);
    this.previous = button('pdf-previous', 'Previous page', () => this.goTo(this.current - 1));
    this.next = button('pdf-next', 'Next page', () => this.goTo(this.current + 1));
    this.zoomOut = button('pdf-zoom-out', 'Zoom out', () => void this.setZoom(this.zoom - 1));
    this.zoomIn = button('pdf-zoom-in', 'Zoom in', () => void this.setZoom(this.zoom + 1));
    this.pageLabel.setAttribute('aria-live', 'polite');
    controls.append(this.previous, this.pageLabel, this.next, this.zoomOut, this.zoomLabel, this.zoomIn);
    this.pagesNode.tabIndex = 0;
    this.pagesNode.setAttribute('role', 'document');
    this.pagesNode.setAttribute('aria-label', `${title}, ${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'}`);
    this.pagesNode.addEventListener('scroll', () => this.trackScroll(), { passive: true });
    this.node.append(controls, this.pagesNode);
  }

  async build(signal: AbortSignal): Promise<void> {
    for (let n = 1; n <= this.pdf.numPages; n++) {
      const page = await this.pdf.getPage(n);
      if (signal.aborted) return;
      const node = element('div', 'pdf-page');
      node.setAttribute('role', 'region');
      node.setAttribute('aria-label', `Page ${n} of ${this.pdf.numPages}`);
      node.dataset['page'] = String(n);
      this.pages.push({ page, node, drawnAt: undefined, drawing: undefined });
      this.pagesNode.append(node);
    }
    await this.layOut();
    this.observer = new IntersectionObserver((entries) => this.onVisibility(entries), {
      root: this.pagesNode,
      rootMargin: '100% 0px',
    });
    for (const view of this.pages) this.observer.observe(view.node);
    signal.addEventListener('abort', () => this.destroy(), { once: true });
    this.showState();
  }

  private get scale(): number {
    return ZOOMS[this.zoom] ?? 1;
  }

  /** Sizes every page and writes its text layer at the current zoom; canvases are drawn as they come into view. */
  private async layOut(): Promise<void> {
    const scale = this.scale;
    await Promise.all(
      this.pages.map(async (view) => {
        view.drawing?.cancel();
        view.drawing = undefined;
        view.drawnAt = undefined;
        const viewport = view.page.getViewport({ scale });
        const total = scale * view.page.userUnit;
        view.node.style.setProperty('--scale-factor', String(scale));
        view.node.style.setProperty('--total-scale-factor', String(total));
        view.node.style.width = `${Math.floor(viewport.width)}px`;
        view.node.style.height = `${Math.floor(viewport.height)}px`;
        const canvas = element('canvas', 'pdf-canvas');
        canvas.setAttribute('aria-hidden', 'true');
        const text = element('div', 'textLayer');
        view.node.replaceChildren(canvas, text);
        await new TextLayer({ textContentSource: view.page.streamTextContent(), container: text, viewport }).render();
      }),
    );
    for (const view of this.nearView) this.draw(view);
  }

  private onVisibility(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const view = this.pages.find((p) => p.node === entry.target);
      if (!view) continue;
      if (entry.isIntersecting) {
        this.nearView.add(view);
        this.draw(view);
      } else this.nearView.delete(view);
    }
  }

  private draw(view: PageView): void {
    if (view.drawnAt === this.zoom) return;
    const canvas = view.node.querySelector('canvas');
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return;
    view.drawnAt = this.zoom;
    const viewport = view.page.getViewport({ scale: this.scale });
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.floor(viewport.width * ratio);
    canvas.height = Math.floor(viewport.height * ratio);
    const task = view.page.render({
      canvas,
      canvasContext: context,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    view.drawing = task;
    task.promise.catch(() => {
      // Cancelled by a zoom or a close; a page that cannot be drawn keeps its text layer.
      if (view.drawing === task) view.drawnAt = undefined;
    });
  }

  private goTo(index: number): void {
    const view = this.pages[index];
    if (!view) return;
    this.current = index;
    this.pagesNode.scrollTop = this.offsetOf(view);
    this.showState();
  }

  /** From the top of the first page (the page area is positioned: it is every page's offset parent). */
  private offsetOf(view: PageView): number {
    return view.node.offsetTop - (this.pages[0]?.node.offsetTop ?? 0);
  }

  private trackScroll(): void {
    const top = this.pagesNode.scrollTop;
    let index = 0;
    this.pages.forEach((view, i) => {
      if (this.offsetOf(view) <= top + 1) index = i;
    });
    if (index !== this.current) {
      this.current = index;
      this.showState();
    }
  }

  private async setZoom(zoom: number): Promise<void> {
    if (zoom < 0 || zoom >= ZOOMS.length || zoom === this.zoom) return;
    this.zoom = zoom;
    this.showState();
    await this.layOut();
    this.goTo(this.current);
  }

  private showState(): void {
    const count = this.pages.length;
    this.pageLabel.textContent = `Page ${this.current + 1} of ${count}`;
    this.zoomLabel.textContent = `${Math.round(this.scale * 100)}%`;
    this.previous.disabled = this.current === 0;
    this.next.disabled = this.current >= count - 1;
    this.zoomOut.disabled = this.zoom === 0;
    this.zoomIn.disabled = this.zoom === ZOOMS.length - 1;
  }

  private destroy(): void {
    this.observer?.disconnect();
    for (const view of this.pages) view.drawing?.cancel();
    void this.pdf.destroy();
  }
}

function reasonOf(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidPDFException') return 'the file is damaged or is not a PDF';
  if (name === 'PasswordException') return 'the file is protected with a password';
  return error instanceof Error ? error.message : String(error);
}

/**
 * The PDF ready to show, or `PdfUnreadable` when pdf.js cannot read it. Everything is released (the
 * document, its pages and drawings) when `signal` aborts, as it does when the document is closed.
 */
export async function renderPdf(bytes: Uint8Array, title: string, signal: AbortSignal): Promise<HTMLElement> {
  const { pdfWorker, failed } = sharedWorker();
  const task = getDocument({
    worker: pdfWorker,
    // pdf.js takes ownership of (detaches) the buffer it is given: it gets a copy.
    data: bytes.slice(),
    // No `eval` (a strict CSP forbids it), no scripts or forms inside the PDF.
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  const abort = () => void task.destroy();
  signal.addEventListener('abort', abort, { once: true });
  try {
    const pdf = await Promise.race([task.promise, failed]);
    const view = new PdfView(pdf, title);
    await Promise.race([view.build(signal), failed]);
    return view.node;
  } catch (error) {
    void task.destroy();
    if (signal.aborted) throw signal.reason ?? error;
    throw new PdfUnreadable(reasonOf(error));
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
