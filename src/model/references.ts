import type { Reference, Resource } from '@medplum/fhirtypes';
import type { ModelInput, ReferenceResolver } from './record-types.js';
import { asRecord, asRecords, asString, type JsonRecord } from './json-guards.js';

/** A resolver supplied by the host may throw; a reference it cannot follow is simply unresolved. */
export function resolveRecord(index: ReferenceResolver, ref: unknown, from: unknown): JsonRecord | undefined {
  try {
    return asRecord(index.resolve<Resource>(asRecord(ref) as Reference | undefined, from as Resource));
  } catch {
    return undefined;
  }
}

/** As resolveRecord, typed as the resource it is; undefined without asking when `ref` is no reference. */
export function resolveResource(input: ModelInput, ref: unknown, from: unknown): Resource | undefined {
  if (!asRecord(ref)) return undefined;
  return resolveRecord(input.index, ref, asRecord(from)) as Resource | undefined;
}

/** What a clinician calls a referenced thing: its resolved name, else the reference's display. */
export function referenceName(ref: JsonRecord, resolved: JsonRecord | undefined): string | undefined {
  return asString(resolved?.['name']) ?? asString(ref['display']);
}

/** Names of an Encounter's locations in the order sent (transfers read A → B). */
export function encounterLocations(encounter: JsonRecord, index: ReferenceResolver): string[] {
  const names: string[] = [];
  for (const entry of asRecords(encounter['location'])) {
    const ref = asRecord(entry['location']);
    if (!ref) continue;
    const name = referenceName(ref, resolveRecord(index, ref, encounter));
    if (name && names[names.length - 1] !== name) names.push(name);
  }
  return names;
}
