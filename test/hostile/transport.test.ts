import { HttpResponse, delay } from 'msw';
import { describeCases, type Ctx, type HostileCase } from './harness.js';
import { resourcesFor, searchset } from './factory.js';
import { PATIENCE } from '../support/patience.js';

/** Hostile transport: what a broken, slow or misconfigured HIE (or proxy) can send back. */

const FHIR = { 'Content-Type': 'application/fhir+json' };
const ok = (ctx: Ctx) => HttpResponse.json(searchset(resourcesFor(ctx.type, ctx.url, ctx.patient, `Item ${ctx.patient}`, ctx.patient)), { headers: FHIR });
const outcome = (code: string, text: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics: text, details: { text } }],
});

const bigCache = new Map<string, string>();
/** A valid searchset of more than 5 MB: 300 items each carrying ~18 KB of narrative. */
function bigBundle(ctx: Ctx): string {
  const key = `${ctx.type}|${ctx.url.searchParams.get('status')}|${ctx.patient}`;
  let body = bigCache.get(key);
  if (!body) {
    const pad = 'x'.repeat(18_000);
    const resources = Array.from({ length: 300 }, (_, i) => {
      const [r] = resourcesFor(ctx.type, ctx.url, ctx.patient, `Big item ${i}`, `${ctx.patient}-${i}`);
      return { ...r, text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${pad}</div>` } };
    });
    body = JSON.stringify(searchset(resources));
    bigCache.set(key, body);
  }
  return body;
}

const cases: HostileCase[] = [
  { name: 'HTML error page with status 200', expect: ['error'], respond: () => new HttpResponse('<html><body><h1>Gateway error</h1></body></html>', { status: 200, headers: { 'Content-Type': 'text/html' } }) },
  { name: 'empty body with status 200', expect: ['error'], respond: () => new HttpResponse('', { status: 200, headers: FHIR }) },
  { name: 'truncated JSON', expect: ['error'], respond: () => new HttpResponse('{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"Con', { status: 200, headers: FHIR }) },
  {
    name: 'invalid UTF-8 bytes inside strings',
    expect: ['ready', 'error'],
    respond: (ctx) => {
      const json = JSON.stringify(searchset(resourcesFor(ctx.type, ctx.url, ctx.patient, 'Bad BYTES here', ctx.patient)));
      const enc = new TextEncoder().encode(json);
      const at = json.indexOf('BYTES');
      const bytes = new Uint8Array(enc.length);
      bytes.set(enc);
      bytes.set([0xc3, 0x28, 0xff, 0xfe, 0x80], at); // invalid sequences in place of "BYTES"
      return new HttpResponse(bytes, { status: 200, headers: FHIR });
    },
  },
  {
    name: 'invalid UTF-8 bytes in the JSON structure',
    expect: ['error'],
    respond: () => new HttpResponse(new Uint8Array([0x7b, 0xff, 0xfe, 0x22, 0x7d]), { status: 200, headers: FHIR }),
  },
  {
    name: 'a valid Bundle of more than 5 MB',
    expect: ['ready'],
    timeout: 30000,
    respond: (ctx) => new HttpResponse(bigBundle(ctx), { status: 200, headers: FHIR }),
  },
  {
    name: 'a response that never ends (request-timeout 300)',
    expect: ['error'],
    attrs: { 'request-timeout': '300' },
    respond: async () => {
      await delay('infinite');
      return new HttpResponse(null);
    },
    check: (el) => {
      if (!/did not respond in time/.test(el.shadowRoot.textContent ?? '')) throw new Error(`${el.localName}: timeout not said`);
    },
  },
  { name: 'connection reset', expect: ['error'], timeout: PATIENCE, respond: () => HttpResponse.error() },
  { name: '301 to another origin', expect: ['error'], respond: () => new HttpResponse(null, { status: 301, headers: { Location: 'https://elsewhere.example/fhir/x' } }) },
  { name: '302 to another origin', expect: ['error'], respond: () => new HttpResponse(null, { status: 302, headers: { Location: 'https://elsewhere.example/fhir/x' } }) },
  { name: '401 then 401 after the token refresh', expect: ['unauthorized'], respond: () => new HttpResponse(null, { status: 401 }) },
  { name: '401 once then 200 after the token refresh', expect: ['ready'], respond: (ctx) => (ctx.call === 1 ? new HttpResponse(null, { status: 401 }) : ok(ctx)) },
  { name: '403 with an OperationOutcome', expect: ['forbidden'], respond: () => HttpResponse.json(outcome('forbidden', 'The patient has objected to sharing.'), { status: 403, headers: FHIR }) },
  { name: '403 without a body', expect: ['forbidden'], respond: () => new HttpResponse(null, { status: 403 }) },
  { name: '404', expect: ['error'], respond: () => HttpResponse.json(outcome('not-found', 'Unknown patient'), { status: 404, headers: FHIR }) },
  { name: '410', expect: ['error'], respond: () => new HttpResponse('Gone', { status: 410 }) },
  {
    name: '429 with a malformed Retry-After, then 200',
    expect: ['ready'],
    respond: (ctx) => (ctx.call === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': 'soon-ish, maybe 5' } }) : ok(ctx)),
  },
  {
    name: '429 with a huge Retry-After once, then 200 (wait capped at 10 s)',
    expect: ['ready'],
    timeout: 16000,
    respond: (ctx) => (ctx.call === 1 ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '999999999' } }) : ok(ctx)),
  },
  { name: '429 every time', expect: ['error'], timeout: PATIENCE, respond: () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0' } }) },
  { name: '500 with an OperationOutcome', expect: ['error'], respond: () => HttpResponse.json(outcome('exception', 'Database <b>down</b>'), { status: 500, headers: FHIR }) },
  { name: '500 without a body', expect: ['error'], respond: () => new HttpResponse(null, { status: 500 }) },
  { name: '502 with an HTML body', expect: ['error'], respond: () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }) },
  { name: '502 with an OperationOutcome', expect: ['error'], respond: () => HttpResponse.json(outcome('transient', 'Upstream failed'), { status: 502, headers: FHIR }) },
  { name: '503 without a body (retried with back-off)', expect: ['error'], timeout: PATIENCE, respond: () => new HttpResponse(null, { status: 503 }) },
  {
    name: '503 with an OperationOutcome (retried with back-off)',
    expect: ['error'],
    timeout: PATIENCE,
    respond: () => HttpResponse.json(outcome('transient', 'Maintenance'), { status: 503, headers: { ...FHIR, 'Retry-After': '0' } }),
  },
  { name: '503 once then 200', expect: ['ready'], respond: (ctx) => (ctx.call === 1 ? new HttpResponse(null, { status: 503 }) : ok(ctx)) },
];

describeCases('hostile transport × every widget', 'tr', cases);
