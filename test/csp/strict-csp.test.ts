import { expect } from '@open-wc/testing';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * Every element, in every state, in a page served with the strict CSP a careful host uses
 * (`default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none';
 * require-trusted-types-for 'script'; connect-src 'self' https://hie.example`): zero violations.
 */
const TAGS: readonly string[] = WIDGET_TAGS;

function frame(): Promise<HTMLIFrameElement> {
  return new Promise((resolve) => {
    const iframe = document.createElement('iframe');
    iframe.width = '1200';
    iframe.height = '900';
    const onReady = (e: MessageEvent) => {
      if (e.source === iframe.contentWindow && e.data?.type === 'ready') {
        window.removeEventListener('message', onReady);
        resolve(iframe);
      }
    };
    window.addEventListener('message', onReady);
    iframe.src = '/test/csp/csp-host.html';
    document.body.append(iframe);
  });
}

it('runs every element in every state under a strict CSP with Trusted Types, with no violation', async function () {
  this.timeout(600_000);
  const iframe = await frame();
  const result = await new Promise<{ violations: string[]; rendered: number; states: string[] }>((resolve) => {
    window.addEventListener('message', (e) => {
      if (e.source === iframe.contentWindow && e.data?.type === 'result') resolve(e.data);
    });
    iframe.contentWindow!.postMessage({ type: 'run', tags: [...TAGS] }, location.origin);
  });
  expect(result.violations, result.violations.join('\n')).to.deep.equal([]);
  expect(result.rendered, `items rendered under CSP: ${result.states.join(' ')}`).to.be.greaterThan(10);
  for (const tag of TAGS) {
    const states = result.states.filter((s) => s.startsWith(`${tag}:`)).map((s) => s.split(':')[1]!);
    expect(states).to.include.members(['ready', 'empty', 'forbidden', 'error', 'unauthorized', 'idle']);
  }
});

it('opens a PDF with pdf.js and its worker under the strict CSP (no worker-src of its own: script-src self covers it)', async function () {
  this.timeout(120_000);
  const iframe = await frame();
  const result = await new Promise<{ violations: string[]; text: string }>((resolve) => {
    window.addEventListener('message', (e) => {
      if (e.source === iframe.contentWindow && e.data?.type === 'pdf-result') resolve(e.data);
    });
    iframe.contentWindow!.postMessage({ type: 'open-pdf' }, location.origin);
  });
  expect(result.text).to.contain('no acute abnormality');
  expect(result.violations, result.violations.join('\n')).to.deep.equal([]);
  iframe.remove();
});
