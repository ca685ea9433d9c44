/**
 * Prebuilt searchset Bundles for the render bench: N MedicationStatements, or N laboratory
 * Observations, each naming its source organisation (included, with source type and feed extension)
 * the way docs/hie-api.md asks. Seeded, so every run measures the same data.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BENCH_BASE = 'https://hie.bench/fhir';
export const BENCH_PATIENT = 'bench-patient';

const CONTRACT = 'https://fhir.care-record-elements.org';
const SOURCE_TYPE_SYSTEM = `${CONTRACT}/CodeSystem/source-type`;
const FEED_URL = `${CONTRACT}/StructureDefinition/source-feed`;
const ODS = 'https://fhir.nhs.uk/Id/ods-organization-code';

function seeded(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Times are offsets from now, so feed ages look the same whenever the bench runs. */
const NOW = Date.now();
const hoursAgo = (h) => new Date(NOW - h * 3600_000).toISOString();
const daysAgo = (d) => new Date(NOW - d * 86400_000).toISOString().slice(0, 10);

const ORGS = [
  ['gp', 'Riverside Medical Practice', 'X81001', { mode: 'live', h: 0 }],
  ['acute', 'Riverside University Hospitals', 'XR1', { mode: 'live', h: 0 }],
  ['acute', "St Anselm's Hospital", 'XR2', { mode: 'batch', h: 20, every: 12, schedule: 'twice daily' }],
  ['ambulance', 'Capital Ambulance Service', 'XR3', { mode: 'batch', h: 3, every: 24, schedule: 'daily' }],
  ['social-care', 'Riverside Adult Social Care', 'Y001', { mode: 'batch', h: 30, every: 24, schedule: 'nightly' }],
  ['community', 'Riverside Community Health', 'XR4', { mode: 'live', h: 0 }],
  ['out-of-hours', 'Riverside 111 / Out of Hours', 'XR5', { mode: 'live', h: 0 }],
  ['mental-health', 'North East Mental Health Trust', 'XR6', { mode: 'batch', h: 6, every: 12, schedule: 'twice daily' }],
].map(([type, name, ods, feed], i) => ({
  resourceType: 'Organization',
  id: `bench-org-${i + 1}`,
  meta: { lastUpdated: hoursAgo(24 * 30) },
  identifier: [{ system: ODS, value: ods }],
  active: true,
  type: [{ coding: [{ system: SOURCE_TYPE_SYSTEM, code: type }] }],
  name,
  extension: [
    {
      url: FEED_URL,
      extension: [
        { url: 'mode', valueCode: feed.mode },
        { url: 'lastReceived', valueDateTime: hoursAgo(feed.h) },
        ...(feed.every
          ? [
              { url: 'expectedInterval', valueDuration: { value: feed.every, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' } },
              { url: 'schedule', valueString: feed.schedule },
            ]
          : []),
      ],
    },
  ],
}));

const DRUGS = [
  'Paracetamol', 'Amlodipine', 'Amoxicillin', 'Atorvastatin', 'Omeprazole', 'Metformin', 'Ramipril', 'Lansoprazole',
  'Simvastatin', 'Bisoprolol', 'Levothyroxine', 'Salbutamol', 'Sertraline', 'Furosemide', 'Aspirin', 'Citalopram',
  'Codeine', 'Gabapentin', 'Naproxen', 'Prednisolone', 'Warfarin', 'Apixaban', 'Doxycycline', 'Losartan', 'Tramadol',
  'Mirtazapine', 'Bendroflumethiazide', 'Folic acid', 'Colecalciferol', 'Ibuprofen', 'Fluoxetine', 'Clopidogrel',
  'Propranolol', 'Co-codamol', 'Senna', 'Lactulose', 'Tamsulosin', 'Finasteride', 'Pregabalin', 'Amitriptyline',
];
const STRENGTHS = ['5 mg', '10 mg', '20 mg', '40 mg', '100 mg'];
const FORMS = ['tablets', 'capsules'];
const DOSES = ['One tablet once a day', 'One tablet twice a day', 'Two tablets four times a day when required', 'One capsule at night', 'As directed'];

/** 200 distinct medicines (40 drugs × 5 strengths), so lists group like a long real record. */
function medicine(k) {
  const drug = DRUGS[k % DRUGS.length];
  const strength = STRENGTHS[Math.floor(k / DRUGS.length) % STRENGTHS.length];
  const form = FORMS[k % 2];
  return { code: String(300000000 + k * 17), display: `${drug} ${strength} ${form}` };
}

function entry(resource, mode) {
  return { fullUrl: `${BENCH_BASE}/${resource.resourceType}/${resource.id}`, resource, search: { mode } };
}

function bundle(type, matches, includes) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link: [{ relation: 'self', url: `${BENCH_BASE}/${type}?patient=Patient/${BENCH_PATIENT}` }],
    entry: [...matches.map((r) => entry(r, 'match')), ...includes.map((r) => entry(r, 'include'))],
  };
}

export function medicationsBundle(n) {
  const random = seeded(7);
  const items = [];
  for (let i = 0; i < n; i += 1) {
    const med = medicine(Math.floor(random() * 200));
    const org = ORGS[Math.floor(random() * ORGS.length)];
    const start = Math.floor(random() * 365 * 15);
    items.push({
      resourceType: 'MedicationStatement',
      id: `bench-ms-${i + 1}`,
      meta: { lastUpdated: hoursAgo(1 + Math.floor(random() * 24 * 30)) },
      status: 'active',
      medicationCodeableConcept: {
        coding: [{ system: 'http://snomed.info/sct', code: med.code, display: med.display }],
        text: med.display,
      },
      subject: { reference: `Patient/${BENCH_PATIENT}` },
      effectivePeriod: { start: daysAgo(start) },
      dateAsserted: hoursAgo(24 * start),
      dosage: [{ text: DOSES[Math.floor(random() * DOSES.length)] }],
      informationSource: { reference: `Organization/${org.id}` },
    });
  }
  return bundle('MedicationStatement', items, ORGS);
}

const TESTS = [
  ['718-7', 'Haemoglobin', 'g/L', 130, 170],
  ['6690-2', 'White cell count', '10*9/L', 4, 11],
  ['777-3', 'Platelet count', '10*9/L', 150, 400],
  ['2951-2', 'Sodium', 'mmol/L', 133, 146],
  ['2823-3', 'Potassium', 'mmol/L', 3.5, 5.3],
  ['3094-0', 'Urea', 'mmol/L', 2.5, 7.8],
  ['2160-0', 'Creatinine', 'umol/L', 59, 104],
  ['1742-6', 'ALT', 'U/L', 0, 40],
  ['4548-4', 'HbA1c', 'mmol/mol', 20, 42],
  ['2093-3', 'Total cholesterol', 'mmol/L', 0, 5],
  ['3016-3', 'TSH', 'mU/L', 0.27, 4.2],
  ['1988-5', 'C-reactive protein', 'mg/L', 0, 5],
];

export function resultsBundle(n) {
  const random = seeded(11);
  const items = [];
  for (let i = 0; i < n; i += 1) {
    const [code, name, unit, low, high] = TESTS[Math.floor(random() * TESTS.length)];
    const org = ORGS[Math.floor(random() * ORGS.length)];
    const value = Math.round((low + (high - low) * (random() * 1.4 - 0.2)) * 10) / 10;
    const taken = Math.floor(random() * 24 * 365 * 10);
    const flag = value < low ? 'L' : value > high ? 'H' : 'N';
    items.push({
      resourceType: 'Observation',
      id: `bench-obs-${i + 1}`,
      meta: { lastUpdated: hoursAgo(taken - 2 > 0 ? taken - 2 : 1) },
      status: 'final',
      category: [
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] },
      ],
      code: { coding: [{ system: 'http://loinc.org', code, display: name }], text: name },
      subject: { reference: `Patient/${BENCH_PATIENT}` },
      effectiveDateTime: hoursAgo(taken),
      issued: hoursAgo(Math.max(0, taken - 2)),
      performer: [{ reference: `Organization/${org.id}` }],
      valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      interpretation: [
        {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: flag }],
        },
      ],
      referenceRange: [
        {
          low: { value: low, unit, system: 'http://unitsofmeasure.org', code: unit },
          high: { value: high, unit, system: 'http://unitsofmeasure.org', code: unit },
        },
      ],
    });
  }
  return bundle('Observation', items, ORGS);
}

export const KINDS = {
  medications: {
    tag: 'care-record-medications',
    entry: 'care-record-medications.js',
    matchType: 'MedicationStatement',
    /** The widget's searches: the one that carries the data, the other answered empty. */
    queries: 2,
    build: medicationsBundle,
  },
  results: {
    tag: 'care-record-results',
    entry: 'care-record-results.js',
    matchType: 'Observation',
    queries: 2,
    build: resultsBundle,
  },
};

/** Writes bench/out/fixtures/<kind>-<n>.json; returns the URL path the page fetches it from. */
export function ensureFixture(outDir, kind, n) {
  const dir = join(outDir, 'fixtures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${kind}-${n}.json`);
  writeFileSync(file, JSON.stringify(KINDS[kind].build(n)));
  return `/bench/out/fixtures/${kind}-${n}.json`;
}
