import type { Resource } from '@medplum/fhirtypes';

type Paths = string[];

/** R4 date search parameters the mock sorts by, per type: the elements each one indexes, in order. */
const DATE_PARAMS: Record<string, Record<string, Paths>> = {
  Observation: { date: ['effectiveDateTime', 'effectiveInstant', 'effectivePeriod.start'] },
  DiagnosticReport: { date: ['effectiveDateTime', 'effectivePeriod.start'] },
  MedicationStatement: { effective: ['effectiveDateTime', 'effectivePeriod.start'] },
  MedicationRequest: { authoredon: ['authoredOn'] },
  AllergyIntolerance: { date: ['recordedDate'] },
  Condition: { 'onset-date': ['onsetDateTime', 'onsetPeriod.start'], 'recorded-date': ['recordedDate'] },
  Encounter: { date: ['period.start'] },
  Appointment: { date: ['start'] },
  CarePlan: { date: ['period.start'] },
  CareTeam: { date: ['period.start'] },
  DocumentReference: { date: ['date'] },
  Composition: { date: ['date'] },
};

function valueAt(resource: Resource, path: string): unknown {
  let value: unknown = resource;
  for (const step of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return value;
}

function instant(resource: Resource, paths: Paths): number {
  for (const path of paths) {
    const value = valueAt(resource, path);
    if (typeof value === 'string') return Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value);
  }
  return NaN;
}

/**
 * Matches in `_sort` order (one parameter, `-` for descending; items without the value last), as
 * FHIR servers do; `undefined` when the mock does not know the parameter, so it can refuse it.
 */
export function sortMatches(resourceType: string, matches: Resource[], sort: string): Resource[] | undefined {
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const paths = name === '_lastUpdated' ? ['meta.lastUpdated'] : DATE_PARAMS[resourceType]?.[name];
  if (paths === undefined) return undefined;
  const keyed = matches.map((resource, at) => ({ resource, at, time: instant(resource, paths) }));
  keyed.sort((a, b) => {
    const aMissing = Number.isNaN(a.time);
    if (aMissing !== Number.isNaN(b.time)) return aMissing ? 1 : -1;
    if (!aMissing && a.time !== b.time) return descending ? b.time - a.time : a.time - b.time;
    return a.at - b.at;
  });
  return keyed.map((k) => k.resource);
}
