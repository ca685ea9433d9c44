import { expect } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { describeCases, type Ctx, type HostileCase } from './harness.js';
import { ROWS_ARE_NOT_ITEMS, makeResource, resourcesFor, searchset, type Json } from './factory.js';

/** Hostile FHIR shapes: what a non-conformant HIE or a faulty feed can put in a searchset. */

const FHIR = { 'Content-Type': 'application/fhir+json' };
const json = (body: unknown, init: ResponseInit = {}) => HttpResponse.json(body as Json, { headers: FHIR, ...init });
const items = (ctx: Ctx, label = `Item ${ctx.patient}`) => resourcesFor(ctx.type, ctx.url, ctx.patient, label, ctx.patient);

/** Keys that keep an item this patient's, of its type and countable: never rewritten. */
const STRUCTURAL = new Set(['resourceType', 'id', 'subject', 'patient', 'status', 'intent']);
const DATE_KEY = /^(date|dateAsserted|authoredOn|recordedDate|onsetDateTime|effectiveDateTime|issued|start|end|lastUpdated)$/;

/** Rewrites every non-structural value of a resource (deeply) with `f(key, value)`. */
function rewrite(value: unknown, f: (key: string, v: unknown) => unknown, key = '', top = true): unknown {
  if (Array.isArray(value)) return value.map((v) => rewrite(v, f, key, false));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) {
      if (top && STRUCTURAL.has(k)) out[k] = v;
      else if (k === 'actor' && JSON.stringify(v).includes('"Patient/')) out[k] = v; // appointment patient
      else {
        const r = f(k, v);
        if (r !== undefined) out[k] = r === KEEP ? rewrite(v, f, k, false) : r;
      }
    }
    return out;
  }
  return value;
}
const KEEP = Symbol('keep');

function withEach(ctx: Ctx, f: (key: string, v: unknown) => unknown): Json[] {
  return items(ctx).map((r) => rewrite(r, f) as Json);
}
const dates = (value: string) => (ctx: Ctx) => json(searchset(withEach(ctx, (k, v) => (DATE_KEY.test(k) && typeof v === 'string' ? value : KEEP))));

function nested(depth: number): Json {
  let ext: Json = { url: 'https://example.org/leaf', valueString: 'leaf' };
  for (let i = 0; i < depth; i++) ext = { url: `https://example.org/e${i}`, extension: [ext] };
  return ext;
}

const ANY: HostileCase['expect'] = ['ready', 'empty', 'error'];

const cases: HostileCase[] = [
  { name: 'wrong resourceType (a Patient instead of a Bundle)', expect: ['error'], respond: (ctx) => json({ resourceType: 'Patient', id: ctx.patient }) },
  { name: 'no resourceType at all', expect: ['error'], respond: () => json({ type: 'searchset', entry: [] }) },
  { name: 'a JSON array body', expect: ['error'], respond: () => json([1, 2, 3]) },
  { name: 'Bundle of type collection', expect: ['error'], respond: (ctx) => json({ ...searchset(items(ctx)), type: 'collection' }) },
  { name: 'Bundle of type transaction-response', expect: ['error'], respond: (ctx) => json({ ...searchset(items(ctx)), type: 'transaction-response' }) },
  { name: 'entries without resource', expect: ['empty', 'error'], respond: () => json({ resourceType: 'Bundle', type: 'searchset', total: 3, entry: [{}, { fullUrl: 'x' }, { search: { mode: 'match' } }] }) },
  { name: 'entry list that is not a list', expect: ['error'], respond: () => json({ resourceType: 'Bundle', type: 'searchset', entry: { resource: {} } }) },
  {
    name: 'resources missing every optional field',
    expect: ANY,
    respond: (ctx) => json(searchset(items(ctx).map((r) => {
      const min: Json = { resourceType: r['resourceType'], id: r['id'] };
      for (const k of ['subject', 'patient', 'status', 'intent']) if (k in r) min[k] = r[k];
      if (r['resourceType'] === 'Appointment') min['participant'] = (r['participant'] as Json[]).slice(0, 1);
      return min;
    }))),
  },
  { name: 'strings where arrays belong', expect: ANY, respond: (ctx) => json(searchset(withEach(ctx, (_k, v) => (Array.isArray(v) ? 'not-a-list' : KEEP)))) },
  { name: 'numbers where strings belong', expect: ANY, respond: (ctx) => json(searchset(withEach(ctx, (_k, v) => (typeof v === 'string' ? 12345 : KEEP)))) },
  { name: 'null in every field', expect: ANY, respond: (ctx) => json(searchset(withEach(ctx, () => null))) },
  { name: 'objects where strings belong', expect: ANY, respond: (ctx) => json(searchset(withEach(ctx, (_k, v) => (typeof v === 'string' ? { a: 1 } : KEEP)))) },
  {
    name: 'unknown codes and systems',
    expect: ['ready', 'empty'],
    respond: (ctx) => json(searchset(withEach(ctx, (k, v) => (k === 'system' ? 'urn:unknown:system' : k === 'code' && typeof v === 'string' ? 'ZZZ-UNKNOWN' : KEEP)))),
  },
  { name: 'unknown status values', expect: ANY, respond: (ctx) => json(searchset(items(ctx).map((r) => ({ ...r, status: 'zombie' })))) },
  { name: 'dates of year 0000', expect: ANY, respond: dates('0000-01-01T00:00:00Z') },
  { name: 'dates in year 9999', expect: ANY, respond: dates('9999-12-31T23:59:59Z') },
  { name: 'partial dates (year only)', expect: ANY, respond: dates('2024') },
  { name: 'partial dates (year and month)', expect: ANY, respond: dates('2024-02') },
  { name: 'dates with far time zones', expect: ANY, respond: dates('2024-02-29T23:30:00+14:00') },
  { name: 'dates with negative time zones', expect: ANY, respond: dates('2024-03-01T00:30:00-12:00') },
  { name: 'garbage dates', expect: ANY, respond: dates('not-a-date 31/02/2024') },
  { name: 'impossible calendar dates', expect: ANY, respond: dates('2023-02-30T25:61:00Z') },
  { name: 'huge strings (100 KB) in every text', expect: ['ready'], respond: (ctx) => json(searchset(items(ctx, `Huge ${'W'.repeat(100_000)}`))) },
  {
    name: 'deeply nested extensions and contained resources',
    expect: ANY,
    respond: (ctx) => json(searchset(items(ctx).map((r) => ({
      ...r,
      extension: [nested(2000)],
      contained: [{ resourceType: 'Basic', id: 'c1', extension: [nested(500)] }],
      meta: { extension: [nested(500)] },
    })))),
  },
  {
    name: 'a paging loop',
    // Ready only with the first page kept and marked incomplete, with the reason (issue 15).
    expect: ['error', 'ready'],
    check: (el, tag) => {
      if (el.state === 'ready') expect(el.hasAttribute('incomplete'), `${tag}: a list cut short by the loop is marked incomplete`).to.equal(true);
    },
    respond: (ctx) => {
      const next = new URL(ctx.url);
      next.searchParams.set('_page', '2');
      return json(searchset(items(ctx), { link: [{ relation: 'next', url: next.href }] }));
    },
  },
  { name: 'next link to another origin', expect: ['error'], respond: (ctx) => json(searchset(items(ctx), { link: [{ relation: 'next', url: 'https://evil.example/fhir/page2' }] })) },
  { name: 'next link that is javascript:', expect: ['error'], respond: (ctx) => json(searchset(items(ctx), { link: [{ relation: 'next', url: 'javascript:window.__pwned=1' }] })) },
  { name: 'total lying (says 5000, sends 1)', expect: ['ready'], respond: (ctx) => json({ ...searchset(items(ctx)), total: 5000 }) },
  { name: 'total lying (says 0, sends 1)', expect: ['ready'], respond: (ctx) => json({ ...searchset(items(ctx)), total: 0 }) },
  { name: 'total negative and fractional', expect: ['ready'], respond: (ctx) => json({ ...searchset(items(ctx)), total: -3.5 }) },
  { name: 'duplicate ids', expect: ['ready'], respond: (ctx) => json(searchset([...items(ctx), ...items(ctx, 'Second copy'), ...items(ctx)])) },
  {
    name: 'another patient\'s item slipped in (mismatched subject)',
    expect: ['ready'],
    respond: (ctx) => {
      const other = resourcesFor(ctx.type, ctx.url, 'intruder-patient', 'INTRUDER item', 'intruder-hx-x');
      return json(searchset([...items(ctx), ...other]));
    },
    check: (el) => {
      if ((el.shadowRoot.textContent ?? '').includes('INTRUDER')) throw new Error(`${el.localName} shows another patient's item`);
    },
  },
  {
    name: 'an included clinical resource of another patient',
    expect: ['ready'],
    respond: (ctx) => {
      const b = searchset(items(ctx));
      const foreign = makeResource('Observation', 'intruder-patient', 'intruder-obs', 'INTRUDER included');
      (b['entry'] as Json[]).push({ fullUrl: 'https://hie.example/fhir/Observation/intruder-obs', search: { mode: 'include' }, resource: foreign });
      return json(b);
    },
    check: (el) => {
      if ((el.shadowRoot.textContent ?? '').includes('INTRUDER')) throw new Error(`${el.localName} shows another patient's included item`);
    },
  },
  {
    name: 'unknown resource types among the matches',
    expect: ['ready'],
    respond: (ctx) => {
      const b = searchset(items(ctx));
      (b['entry'] as Json[]).push({ search: { mode: 'match' }, resource: { resourceType: 'Zebra', id: 'z1', subject: { reference: `Patient/${ctx.patient}` } } });
      return json(b);
    },
  },
  {
    name: 'entered-in-error items only',
    expect: ['ready', 'empty'],
    check: (el) => {
      // The sources widget's rows are organisations (here named after the label), not the items.
      if (ROWS_ARE_NOT_ITEMS.includes(el.localName)) return;
      for (const item of el.shadowRoot.querySelectorAll('[part~="item"]')) {
        if ((item.textContent ?? '').includes('ERRONEOUS')) throw new Error(`${el.localName} shows an entered-in-error item`);
      }
    },
    respond: (ctx) => json(searchset(items(ctx, 'ERRONEOUS entry').map((r) => ({ ...r, status: 'entered-in-error', ...(r['verificationStatus'] ? { verificationStatus: { coding: [{ code: 'entered-in-error' }] } } : {}) })))),
  },
];

describeCases('hostile FHIR shapes × every widget', 'sh', cases);
