/**
 * A FHIR server on its own origin for the latency bench: every response, CORS preflights included,
 * waits `delayMs` (one round trip of a real HIE). It pages by item offset (`_offset`, `_count` up to
 * 1,000, `Bundle.total`), sorts newest first when `_sort` asks, and counts the requests it answers.
 * Patients are `<kind>-<n>`: `results-5000` has 5,000 laboratory Observations, `medications-1000`
 * 1,000 MedicationStatements; every other search of a widget is answered empty.
 */
import { createServer } from 'node:http';

const MAX_PAGE = 1000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);

function item(type, patient, i) {
  const when = new Date(START - i * (DAY / 4)).toISOString();
  const subject = { reference: `Patient/${patient}` };
  const meta = { lastUpdated: when, source: 'https://fhir.example/gp' };
  if (type === 'Observation') {
    const tests = [['Haemoglobin', 'g/L', 135], ['Sodium', 'mmol/L', 140], ['Potassium', 'mmol/L', 4.2], ['Creatinine', 'umol/L', 80]];
    const [name, unit, base] = tests[i % tests.length];
    return {
      resourceType: 'Observation', id: `obs-${i}`, meta, status: 'final', subject,
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
      code: { text: name }, effectiveDateTime: when,
      valueQuantity: { value: base + (i % 7), unit, system: 'http://unitsofmeasure.org', code: unit },
    };
  }
  return {
    resourceType: 'MedicationStatement', id: `ms-${i}`, meta, status: i % 5 === 0 ? 'stopped' : 'active', subject,
    medicationCodeableConcept: { text: `Medicine ${i % 400} 10 mg tablets` }, effectiveDateTime: when,
    dosage: [{ text: 'One tablet daily' }],
  };
}

const records = new Map();
function itemsFor(type, patient) {
  const [kind, n] = patient.split('-');
  const wanted = { results: 'Observation', medications: 'MedicationStatement' }[kind];
  if (type !== wanted) return [];
  const key = `${type}/${patient}`;
  if (!records.has(key)) records.set(key, Array.from({ length: Number(n) }, (_, i) => item(type, patient, i)));
  return records.get(key);
}

export async function startLatencyServer() {
  const state = { delayMs: 0, requests: 0, preflights: 0 };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__reset') {
      Object.assign(state, { delayMs: Number(url.searchParams.get('delay') ?? 0), requests: 0, preflights: 0 });
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' }).end('{}');
      return;
    }
    if (url.pathname === '/__stats') {
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ requests: state.requests, preflights: state.preflights }));
      return;
    }
    const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Authorization, Accept' };
    setTimeout(() => {
      if (req.method === 'OPTIONS') {
        state.preflights += 1;
        // No Access-Control-Max-Age, as many HIEs today: Chromium then keeps a preflight 5 s.
        res.writeHead(204, { ...cors, 'Access-Control-Allow-Methods': 'GET' }).end();
        return;
      }
      state.requests += 1;
      const type = url.pathname.split('/').filter(Boolean).at(-1);
      const patient = (url.searchParams.get('patient') ?? '').replace('Patient/', '');
      let items = itemsFor(type, patient);
      // Stored newest first already; without `_sort` a server's own order is another one.
      if (!url.searchParams.get('_sort')) items = [...items].reverse();
      const offset = Number(url.searchParams.get('_offset') ?? 0);
      const count = Math.min(Number(url.searchParams.get('_count') ?? 100), MAX_PAGE);
      const page = items.slice(offset, offset + count);
      const link = [{ relation: 'self', url: `http://${req.headers.host}${req.url}` }];
      if (offset + count < items.length) {
        const next = new URL(`http://${req.headers.host}${req.url}`);
        next.searchParams.set('_offset', String(offset + count));
        next.searchParams.set('_count', String(count));
        link.push({ relation: 'next', url: next.href });
      }
      const body = JSON.stringify({
        resourceType: 'Bundle', type: 'searchset', total: items.length, link,
        entry: page.map((resource) => ({ fullUrl: `http://${req.headers.host}/fhir/${type}/${resource.id}`, resource, search: { mode: 'match' } })),
      });
      res.writeHead(200, { ...cors, 'Content-Type': 'application/fhir+json' }).end(body);
    }, state.delayMs);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  // Another origin than the bench page (127.0.0.1): `localhost` makes every request cross-origin.
  return { base: `http://localhost:${port}/fhir`, control: `http://localhost:${port}`, stop: () => new Promise((r) => server.close(r)) };
}
