import { expect } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { assertNoScriptSurface, describeCases, type Ctx, type HostileCase } from './harness.js';
import { resourcesFor, searchset, type Json } from './factory.js';

/**
 * Hostile content: script and CSS injection in every displayed field, dangerous URLs, and
 * prototype-pollution keys. Nothing may run, no handler or javascript: URL may reach the DOM.
 */

const FHIR = { 'Content-Type': 'application/fhir+json' };
const STRUCTURAL = new Set(['resourceType', 'id', 'subject', 'patient', 'status', 'intent', 'reference', 'contentType', 'mode']);
const DATE_KEY = /^(date|dateAsserted|authoredOn|recordedDate|onsetDateTime|effectiveDateTime|issued|start|end|lastUpdated)$/;

/** Puts `payload` into every string field that is not structural or a date; URLs get `url` if given. */
function fill(value: unknown, payload: string, url: string | undefined, key = ''): unknown {
  if (typeof value === 'string') {
    if (STRUCTURAL.has(key) || DATE_KEY.test(key)) return value;
    if (url !== undefined && (key === 'url' || key === 'value')) return url;
    return payload;
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, payload, url, key));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'actor' && JSON.stringify(v).includes('"Patient/') ? v : fill(v, payload, url, k);
    return out;
  }
  return value;
}

function hostile(payload: string, url?: string) {
  return (ctx: Ctx) => {
    const resources = resourcesFor(ctx.type, ctx.url, ctx.patient, 'x', ctx.patient).map((r) => fill(r, payload, url) as Json);
    return HttpResponse.json(searchset(resources), { headers: FHIR });
  };
}

/** Script vectors (OWASP XSS filter evasion and DOMPurify test corpus, abridged). */
const XSS = [
  '<img src=x onerror=window.__pwned=1>',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><svg/onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<body onload=window.__pwned=1>',
  '<details open ontoggle=window.__pwned=1>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<object data="javascript:window.__pwned=1"></object>',
  '<input autofocus onfocus=window.__pwned=1>',
  '${window.__pwned=1}{{constructor.constructor("window.__pwned=1")()}}',
  '<div xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=window.__pwned=1></div>',
  '&lt;img src=x onerror=window.__pwned=1&gt;',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<form><button formaction=javascript:window.__pwned=1>x</button></form>',
  '\u0000<img src=x onerror=window.__pwned=1>',
];

const URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:window.__pwned=1',
  ' \tjavascript:window.__pwned=1',
  'java\u0000script:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+',
  'vbscript:msgbox(1)',
];

const CSS = ['</style><style>*{display:none}</style>', 'red;background:url(//evil.example/x)', 'x" style="background:url(//evil.example/x)', '}</style><script>window.__pwned=1</script>'];

function visibleCheck(el: HTMLElement & { state: string }): void {
  const rect = el.getBoundingClientRect();
  if (rect.height === 0 && el.state === 'ready') throw new Error(`${el.localName} was hidden by injected CSS`);
}

const cases: HostileCase[] = [
  ...XSS.map((p, i): HostileCase => ({ name: `XSS vector ${i + 1} in every displayed field: ${p.slice(0, 40)}`, expect: ['ready'], respond: hostile(p) })),
  ...URLS.map((u, i): HostileCase => ({ name: `dangerous URL ${i + 1} in telecom, attachment and link fields: ${u.slice(0, 30)}`, expect: ['ready'], respond: hostile('Plain text', u) })),
  ...CSS.map((p, i): HostileCase => ({ name: `CSS injection ${i + 1}: ${p.slice(0, 30)}`, expect: ['ready'], respond: hostile(p), check: visibleCheck })),
  {
    name: 'prototype-pollution keys in the JSON',
    expect: ['ready', 'empty', 'error'],
    respond: (ctx) => {
      const b = searchset(resourcesFor(ctx.type, ctx.url, ctx.patient, 'Proto item', ctx.patient));
      // Raw text: JSON.stringify would drop or rename these keys.
      const text = JSON.stringify(b)
        .replace('{"resourceType":"Bundle"', '{"__proto__":{"polluted":"bundle"},"constructor":{"prototype":{"polluted":"ctor"}},"resourceType":"Bundle"')
        .replace(/"id":"/g, '"__proto__":{"polluted":"resource","toString":"x"},"prototype":{"polluted":1},"id":"')
        .replace(/"text":"/g, '"constructor":{"prototype":{"polluted":"deep"}},"text":"');
      return new HttpResponse(text, { status: 200, headers: FHIR });
    },
  },
  {
    name: 'prototype-pollution keys as resource and code names',
    expect: ['ready', 'empty', 'error'],
    respond: (ctx) => {
      const resources = resourcesFor(ctx.type, ctx.url, ctx.patient, '__proto__', ctx.patient).map((r) => fill(r, 'constructor', undefined) as Json);
      const text = JSON.stringify(searchset(resources)).replace(/"code":"[^"]*"/g, '"code":"__proto__"');
      return new HttpResponse(text, { status: 200, headers: FHIR });
    },
  },
];

describe('hostile-input harness self-check', () => {
  it('detects inline handlers and javascript: URLs in shadow roots', () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<a href=" javascript:alert(1)">x</a>';
    expect(() => assertNoScriptSurface(host, 'self')).to.throw();
    root.innerHTML = '<img data-x="1" onerror="void 0">';
    expect(() => assertNoScriptSurface(host, 'self')).to.throw();
    root.innerHTML = '<a href="https://example.org">x</a>';
    expect(() => assertNoScriptSurface(host, 'self')).not.to.throw();
  });
});

describeCases('hostile content (XSS, URLs, CSS, prototype pollution) × every widget', 'se', cases);
