import { expect, waitUntil } from '@open-wc/testing';
import { PdfUnreadable, renderPdf } from '../../../src/elements/documents/documents.pdf.js';
import { damagedPdfBytes, pdfBytes } from '../../support/pdf.js';

const PATIENCE = { timeout: 15_000, interval: 50 };

function textOf(node: Element): string {
  return [...node.querySelectorAll('.textLayer span')].map((s) => s.textContent).join(' ');
}

/** Mounted, so that sizes and the scroll position are real (the widgets' styles are not here: the page area's are). */
function mount(node: HTMLElement): HTMLElement {
  const host = document.createElement('div');
  host.append(node);
  Object.assign(node.querySelector<HTMLElement>('.pdf-pages')!.style, { position: 'relative', maxHeight: '400px', overflow: 'auto' });
  document.body.append(host);
  return host;
}

describe('documents.pdf: PDFs drawn by pdf.js with a text layer', function () {
  this.timeout(60_000);
  const mounted: HTMLElement[] = [];
  afterEach(() => mounted.splice(0).forEach((n) => n.remove()));

  it('draws every page under a text layer that holds the words of each page', async () => {
    const controller = new AbortController();
    const bytes = pdfBytes([
      ['Discharge summary', 'Diagnosis: community-acquired pneumonia'],
      ['Page two: follow up in clinic in 6 weeks'],
    ]);
    const node = await renderPdf(bytes, 'Discharge summary', controller.signal);
    mounted.push(mount(node));
    const pages = node.querySelectorAll('.pdf-page');
    expect(pages.length).to.equal(2);
    expect(pages[0]!.getAttribute('aria-label')).to.equal('Page 1 of 2');
    expect(textOf(pages[0]!)).to.contain('community-acquired pneumonia');
    expect(textOf(pages[1]!)).to.contain('follow up in clinic in 6 weeks');
    expect(pages[0]!.querySelector('canvas')!.getAttribute('aria-hidden')).to.equal('true');
    // The first page comes into view and is drawn: something other than blank pixels.
    await waitUntil(() => {
      const canvas = pages[0]!.querySelector('canvas')!;
      if (canvas.width === 0) return false;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      return pixels.some((v, i) => i % 4 === 3 && v > 0);
    }, 'the first page was not drawn', PATIENCE);
    expect(node.querySelector('button, a')?.textContent).to.not.match(/print|download/i);
    expect([...node.querySelectorAll('button')].map((b) => b.textContent)).to.deep.equal([
      'Previous page',
      'Next page',
      'Zoom out',
      'Zoom in',
    ]);
    controller.abort();
  });

  it('moves between pages and zooms, saying where it is', async () => {
    const controller = new AbortController();
    const node = await renderPdf(pdfBytes([['One'], ['Two'], ['Three']]), 'Letter', controller.signal);
    mounted.push(mount(node));
    const label = () => node.querySelector('.pdf-page-number')!.textContent;
    const click = (name: string) => node.querySelector<HTMLButtonElement>(`.pdf-${name}`)!.click();
    expect(label()).to.equal('Page 1 of 3');
    expect(node.querySelector<HTMLButtonElement>('.pdf-previous')!.disabled).to.equal(true);
    click('next');
    expect(label()).to.equal('Page 2 of 3');
    const pages = node.querySelector<HTMLElement>('.pdf-pages')!;
    const second = node.querySelectorAll<HTMLElement>('.pdf-page')[1]!;
    expect(pages.scrollTop).to.be.closeTo(second.offsetTop - node.querySelector<HTMLElement>('.pdf-page')!.offsetTop, 2);
    click('next');
    expect(label()).to.equal('Page 3 of 3');
    expect(node.querySelector<HTMLButtonElement>('.pdf-next')!.disabled).to.equal(true);

    const width = second.getBoundingClientRect().width;
    expect(node.querySelector('.pdf-zoom')!.textContent).to.equal('100%');
    click('zoom-in');
    expect(node.querySelector('.pdf-zoom')!.textContent).to.equal('125%');
    await waitUntil(() => second.getBoundingClientRect().width > width * 1.2, 'the page did not grow', PATIENCE);
    await waitUntil(() => textOf(second).includes('Two'), 'the text layer was not written again', PATIENCE);
    controller.abort();
  });

  it('refuses a file that starts like a PDF but is not one, saying why', async () => {
    let error: unknown;
    try {
      await renderPdf(damagedPdfBytes(), 'Broken', new AbortController().signal);
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(PdfUnreadable);
    expect((error as Error).message).to.equal('the file is damaged or is not a PDF');
  });
});
