import { expect, waitUntil } from '@open-wc/testing';
import { startMockHie } from '../../mocks/browser.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * A host without a bundler serves one file: `dist/cdn/care-record-elements.js` (built by `npm run
 * build`). A page that loads only that file, under the strict CSP, registers every element, loads
 * nothing else from the library, and shows a widget (the list virtualizer inlined) against the mock HIE.
 */
const ALL_TAGS = ['care-record-provider', 'care-record', ...WIDGET_TAGS];

function hostPage(): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.width = '1200';
  iframe.height = '900';
  iframe.src = '/test/bundle/cdn-host.html';
  document.body.append(iframe);
  return new Promise((resolve) => iframe.addEventListener('load', () => resolve(iframe), { once: true }));
}

describe('dist/cdn/care-record-elements.js, alone on a page', () => {
  let iframe: HTMLIFrameElement;
  let page: Window & { __cspViolations: string[] };
  before(async () => {
    await startMockHie();
    iframe = await hostPage();
    page = iframe.contentWindow as typeof page;
  });
  after(() => iframe.remove());

  it('registers every element', async () => {
    await waitUntil(() => ALL_TAGS.every((tag) => page.customElements.get(tag)), 'not every element registered', {
      timeout: 15000,
    });
    for (const tag of ALL_TAGS) expect(page.customElements.get(tag), tag).to.be.a('function');
  });

  it('shows the patient’s medications from the HIE with no chunk file and no CSP violation', async () => {
    const widget = page.document.querySelector('care-record-medications')!;
    await waitUntil(() => widget.getAttribute('state') === 'ready', `widget is ${widget.getAttribute('state')}`, {
      timeout: 15000,
    });
    expect(widget.shadowRoot!.querySelectorAll('[part~="item"]').length).to.be.greaterThan(0);
    const scripts = page.performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js') && !p.startsWith('/__web-dev-server') && p !== '/test/csp/csp-probe.js' && p !== '/test/bundle/cdn-host-token.js');
    expect(scripts).to.deep.equal(['/dist/cdn/care-record-elements.js']);
    expect(page.__cspViolations).to.deep.equal([]);
  });
});
