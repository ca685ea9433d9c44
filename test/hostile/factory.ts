import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * Minimal valid resources of each widget's main type(s), for a given patient, with one text used in
 * every displayed string field. Shared by the hostile-input corpus and the all-widgets race.
 */
export type Json = Record<string, unknown>;
export type WidgetTag = (typeof WIDGET_TAGS)[number];

const DAY = 86_400_000;
export const pastIso = (days = 30) => new Date(Date.now() - days * DAY).toISOString();
export const futureIso = (days = 30) => new Date(Date.now() + days * DAY).toISOString();

/** One resource of `type` for `patient` (an id, not a reference), its id and visible texts built from `tag`. */
export function makeResource(type: string, patient: string, id: string, label: string, opts: { planned?: boolean } = {}): Json {
  const subject = { reference: `Patient/${patient}` };
  const note = [{ text: `${label} note` }];
  switch (type) {
    case 'MedicationStatement':
      return {
        resourceType: type, id, status: 'active', subject,
        medicationCodeableConcept: { text: label, coding: [{ system: 'http://snomed.info/sct', code: '322236009', display: label }] },
        effectivePeriod: { start: pastIso(60) }, dateAsserted: pastIso(5),
        dosage: [{ text: `${label} dose` }], note,
      };
    case 'MedicationRequest':
      return {
        resourceType: type, id, status: 'active', intent: 'order', subject,
        medicationCodeableConcept: { text: label }, authoredOn: pastIso(10),
        dosageInstruction: [{ text: `${label} dose` }], requester: { display: `${label} prescriber` }, note,
      };
    case 'AllergyIntolerance':
      return {
        resourceType: type, id, patient: subject,
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] },
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'confirmed' }] },
        code: { text: label }, recordedDate: pastIso(100), recorder: { display: `${label} recorder` },
        reaction: [{ manifestation: [{ text: `${label} reaction` }], description: `${label} description` }], note,
      };
    case 'Condition':
      return {
        resourceType: type, id, subject,
        clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
        verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
        code: { text: label }, onsetDateTime: pastIso(400), recordedDate: pastIso(390), recorder: { display: `${label} recorder` }, note,
      };
    case 'DiagnosticReport':
      return {
        resourceType: type, id, status: 'final', subject,
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
        code: { text: label }, effectiveDateTime: pastIso(3), issued: pastIso(2), conclusion: `${label} conclusion`,
        performer: [{ display: `${label} lab` }],
      };
    case 'Observation':
      return {
        resourceType: type, id, status: 'final', subject,
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
        code: { text: label }, effectiveDateTime: pastIso(3), issued: pastIso(2),
        valueQuantity: { value: 4.2, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        referenceRange: [{ low: { value: 3.5, unit: 'mmol/L' }, high: { value: 5.3, unit: 'mmol/L' }, text: `${label} range` }],
        note, performer: [{ display: `${label} lab` }],
      };
    case 'Appointment':
      return {
        resourceType: type, id, status: 'booked', start: futureIso(10), end: futureIso(10.05),
        description: label, comment: `${label} comment`, patientInstruction: `${label} instruction`,
        serviceType: [{ text: `${label} service` }],
        participant: [
          { actor: { reference: `Patient/${patient}`, display: `${label} patient` }, status: 'accepted' },
          { actor: { display: `${label} clinic` }, status: 'accepted' },
        ],
      };
    case 'Encounter':
      return opts.planned
        ? {
            resourceType: type, id, status: 'planned', subject,
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: `${label} class` },
            type: [{ text: label }], period: { start: futureIso(12) }, serviceProvider: { display: `${label} provider` },
          }
        : {
            resourceType: type, id, status: 'finished', subject,
            class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: `${label} class` },
            type: [{ text: label }], period: { start: pastIso(20), end: pastIso(19.9) },
            reasonCode: [{ text: `${label} reason` }], serviceProvider: { display: `${label} provider` },
          };
    case 'CarePlan':
      return {
        resourceType: type, id, status: 'active', intent: 'plan', subject, title: label, description: `${label} description`,
        period: { start: pastIso(30) }, author: { display: `${label} author` },
        activity: [{ detail: { status: 'in-progress', description: `${label} activity` } }], note,
      };
    case 'CareTeam':
      return {
        resourceType: type, id, status: 'active', subject, name: label, period: { start: pastIso(30) },
        participant: [{ role: [{ text: `${label} role` }], member: { display: `${label} member` } }],
        telecom: [
          { system: 'phone', value: '01632 960000' },
          { system: 'email', value: 'team@example.org' },
          { system: 'url', value: 'https://team.example.org/' },
        ],
        managingOrganization: [{ display: `${label} organisation` }], note,
      };
    case 'DocumentReference':
      return {
        resourceType: type, id, status: 'current', subject, type: { text: label }, date: pastIso(4), description: `${label} description`,
        author: [{ display: `${label} author` }], custodian: { display: `${label} custodian` },
        content: [{ attachment: { contentType: 'text/plain', url: `Binary/${id}`, title: `${label} attachment` } }],
      };
    case 'Composition':
      return {
        resourceType: type, id, status: 'final', subject, type: { text: label }, date: pastIso(4), title: label,
        author: [{ display: `${label} author` }], section: [{ title: `${label} section`, text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } }],
      };
    case 'Immunization':
      return {
        resourceType: type, id, status: 'completed', patient: subject, vaccineCode: { text: label }, occurrenceDateTime: pastIso(4),
        performer: [{ actor: { display: `${label} organisation` } }], lotNumber: `${label} batch`, note,
      };
    default:
      throw new Error(`no factory for ${type}`);
  }
}

/** The FHIR types each widget searches; a new tag in WIDGET_TAGS must be added here. */
export const TAG_TYPES: Record<WidgetTag, string[]> = {
  'care-record-medications': ['MedicationStatement', 'MedicationRequest'],
  'care-record-allergies': ['AllergyIntolerance'],
  'care-record-problems': ['Condition'],
  'care-record-results': ['DiagnosticReport', 'Observation'],
  'care-record-appointments': ['Appointment', 'Encounter'],
  'care-record-encounters': ['Encounter'],
  'care-record-care-plans': ['CarePlan'],
  'care-record-care-team': ['CareTeam'],
  'care-record-documents': ['DocumentReference', 'Composition'],
  'care-record-immunisations': ['Immunization'],
  // Rows are sources (organisations), counted over every type the other widgets search.
  'care-record-sources': ['MedicationStatement', 'MedicationRequest', 'AllergyIntolerance', 'Condition', 'DiagnosticReport', 'Observation', 'DocumentReference', 'Composition', 'Appointment', 'Encounter', 'CarePlan', 'CareTeam', 'Immunization'],
};

/** Widgets whose rows are not the patient's items (their keys do not name the items). */
export const ROWS_ARE_NOT_ITEMS: readonly string[] = ['care-record-sources'];

/** Resources answering a search of `type` (with its URL, to tell planned-encounter searches apart). */
export function resourcesFor(type: string, url: URL, patient: string, label: string, idPrefix: string): Json[] {
  const planned = type === 'Encounter' && url.searchParams.get('status') === 'planned';
  return [makeResource(type, patient, `${idPrefix}-${type}${planned ? '-p' : ''}-1`, label, { planned })];
}

export function searchset(resources: Json[], extra: Json = {}): Json {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `https://hie.example/fhir/${String(resource['resourceType'])}/${String(resource['id'])}`,
      search: { mode: 'match' },
      resource,
    })),
    ...extra,
  };
}

/** A small deterministic PRNG so a failure can be replayed from its seed. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
