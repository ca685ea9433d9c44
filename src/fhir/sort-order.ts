import type { Resource } from '@medplum/fhirtypes';
import { isRecord } from './json.js';

/**
 * The order a clinician reads each resource type in, newest first, as an R4 `_sort` value, and the
 * element that search parameter sorts by (so pages can be checked to arrive in that order). R4
 * search parameters: Observation/DiagnosticReport/Encounter/Appointment/CarePlan/CareTeam/
 * DocumentReference/Composition/AllergyIntolerance `date`, MedicationStatement `effective`,
 * MedicationRequest `authoredon`, Condition `onset-date`. A type without one sorts by `_lastUpdated`.
 */
const SORTS: Record<string, { param: string; dateOf: (r: Record<string, unknown>) => unknown }> = {
  Observation: { param: '-date', dateOf: (r) => r['effectiveDateTime'] ?? r['effectiveInstant'] ?? start(r['effectivePeriod']) },
  DiagnosticReport: { param: '-date', dateOf: (r) => r['effectiveDateTime'] ?? start(r['effectivePeriod']) },
  MedicationStatement: { param: '-effective', dateOf: (r) => r['effectiveDateTime'] ?? start(r['effectivePeriod']) },
  MedicationRequest: { param: '-authoredon', dateOf: (r) => r['authoredOn'] },
  AllergyIntolerance: { param: '-date', dateOf: (r) => r['recordedDate'] },
  Condition: { param: '-onset-date', dateOf: (r) => r['onsetDateTime'] ?? start(r['onsetPeriod']) },
  Encounter: { param: '-date', dateOf: (r) => start(r['period']) },
  Appointment: { param: '-date', dateOf: (r) => r['start'] },
  CarePlan: { param: '-date', dateOf: (r) => start(r['period']) },
  CareTeam: { param: '-date', dateOf: (r) => start(r['period']) },
  DocumentReference: { param: '-date', dateOf: (r) => r['date'] },
  Composition: { param: '-date', dateOf: (r) => r['date'] },
};

const LAST_UPDATED = { param: '-_lastUpdated', dateOf: (r: Record<string, unknown>) => (isRecord(r['meta']) ? r['meta']['lastUpdated'] : undefined) };

function start(period: unknown): unknown {
  return isRecord(period) ? period['start'] : undefined;
}

/** The `_sort` value asked of the HIE for this resource type. */
export function sortParamFor(resourceType: string): string {
  return (SORTS[resourceType] ?? LAST_UPDATED).param;
}

/** `params` with the type's newest-first `_sort`, unless the caller chose a sort. */
export function withNewestFirst(
  resourceType: string,
  params: Record<string, string | string[]>,
): Record<string, string | string[]> {
  return params['_sort'] === undefined ? { ...params, _sort: sortParamFor(resourceType) } : params;
}

/**
 * The instant (ms) a resource sorts at under `sort`, or NaN when it has none or the sort is not one
 * of ours. Partial dates (`2024-03`) sort at their first instant, as servers index them.
 */
export function sortInstant(resource: Resource, sort: string): number {
  const rule = SORTS[resource.resourceType];
  const used = rule && rule.param === sort ? rule : LAST_UPDATED.param === sort ? LAST_UPDATED : undefined;
  if (used === undefined) return NaN;
  const value = used.dateOf(resource as unknown as Record<string, unknown>);
  return typeof value === 'string' ? Date.parse(value.length === 4 ? `${value}-01-01` : value.length === 7 ? `${value}-01` : value) : NaN;
}

/**
 * Watches pages of one search sorted newest first: `ordered` turns false (for good) when an item is
 * newer than one before it, on the same page or across pages: the server ignored `_sort`. Servers
 * differ on where items without the date go, so those are not counted either way.
 */
export class NewestFirstCheck {
  ordered = true;
  /** The oldest instant seen so far; every later item must be at or before it. */
  oldest = Infinity;

  constructor(private readonly sort: string | undefined) {}

  see(resources: readonly Resource[]): void {
    if (this.sort === undefined) return;
    for (const resource of resources) {
      const at = sortInstant(resource, this.sort);
      if (Number.isNaN(at)) continue;
      if (at > this.oldest) this.ordered = false;
      else this.oldest = at;
    }
  }
}
