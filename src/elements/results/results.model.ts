import type { CodeableConcept, Organization, Reference, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel } from '../../model/record-types.js';
import { conceptText, normaliseSystem, SNOMED_SYSTEM } from '../../model/coding.js';
import { compareIsoDesc, parseFhirDate } from '../../model/format.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { safeSource } from '../../model/record-rows.js';
import { newestFirst } from '../../model/row-order.js';
import { asArray, asRecord, asRecords, asString, pick, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { patientReferencesOf } from '../../fhir/index.js';
import { resultStatus } from './results.status.js';
import { absentValue, hasValue, interpretations, rangeInfo, resultValue, VALUE_NOT_RECORDED } from './results.values.js';
import type { FlaggedResult, Measurement, ResultEntry, ResultKind, ResultRow } from './results.types.js';

export type { FlaggedResult, Measurement, ResultEntry, ResultKind, ResultRow } from './results.types.js';

export const TEST_NOT_RECORDED = 'Test name not recorded';
export const COMPONENT_NOT_RECORDED = 'Component name not recorded';

/** Nesting deeper than this is not followed; what lies below is counted as not shown. */
const MAX_DEPTH = 5;
const LOINC_SYSTEM = 'http://loinc.org';

/**
 * The empty list, frozen and shared. Most entries have no members, components, notes or flags, and
 * four new empty arrays per row were objects to allocate and keep for as long as the list is shown.
 */
const NONE: readonly never[] = Object.freeze([]);

const CATEGORY_WORDS: Record<string, string> = lookupTable({
  laboratory: 'Laboratory',
  'vital-signs': 'Vital signs',
  imaging: 'Imaging',
  'social-history': 'Social history',
  survey: 'Survey',
  exam: 'Examination',
  therapy: 'Therapy',
  activity: 'Activity',
  procedure: 'Procedure',
});

/**
 * normaliseSystem, skipped for the two spellings it returns unchanged: nearly every result is coded
 * in LOINC or SNOMED CT spelt exactly so, and the regular expression per coding added up.
 */
function systemOf(system: unknown): string | undefined {
  return system === LOINC_SYSTEM || system === SNOMED_SYSTEM ? system : normaliseSystem(system);
}

/** `system|code` of a test: SNOMED CT first, then LOINC, then any coded value. Never the name. */
export function resultCodeKey(concept: unknown): string | undefined {
  let loinc: string | undefined;
  let first: string | undefined;
  for (const coding of asRecords(asRecord(concept)?.['coding'])) {
    const system = systemOf(coding['system']);
    const code = asString(coding['code']);
    if (!system || !code) continue;
    if (system === SNOMED_SYSTEM) return `${system}|${code}`;
    if (system === LOINC_SYSTEM) loinc ??= `${system}|${code}`;
    first ??= `${system}|${code}`;
  }
  return loinc ?? first;
}

/** asRecords(value)[0] without copying the list. */
function firstRecord(value: unknown): JsonRecord | undefined {
  if (!Array.isArray(value)) return asRecord(value);
  for (const item of value) {
    const record = asRecord(item);
    if (record) return record;
  }
  return undefined;
}

function categoryOf(resource: JsonRecord): string | undefined {
  const first = firstRecord(resource['category']);
  if (!first) return undefined;
  for (const coding of asRecords(first['coding'])) {
    const words = CATEGORY_WORDS[asString(coding['code']) ?? ''];
    if (words) return words;
  }
  return conceptText(first as CodeableConcept);
}

interface ValidDate {
  text: string;
  /** ms since 1970 (for trends). */
  time: number;
}

/**
 * A valid FHIR date's text (as validDate gives it) with its instant, from one parse: the trends
 * need the instant, and looking every date up again (see parseFhirDate) cost a cache miss per result.
 */
function readDate(value: unknown): ValidDate | undefined {
  const text = asString(value);
  const parsed = parseFhirDate(text);
  return parsed && text !== undefined ? { text, time: parsed.date.getTime() } : undefined;
}

function effectiveOf(resource: JsonRecord): ValidDate | undefined {
  return (
    readDate(resource['effectiveDateTime']) ??
    readDate(resource['effectiveInstant']) ??
    readDate(pick(resource, 'effectivePeriod', 'start')) ??
    readDate(pick(resource, 'effectivePeriod', 'end'))
  );
}

function measurement(element: JsonRecord, name: string, testKey: string | undefined, walk: Walk): Measurement {
  const value = resultValue(element);
  const plottable = value.number !== undefined && value.unitKey !== undefined && testKey !== undefined;
  return {
    name,
    value,
    range: rangeInfo(element),
    interpretations: interpretations(element),
    seriesKey: plottable ? sharedKey(walk.seriesKeys, `${testKey}|${value.unitKey}`) : undefined,
  };
}

/**
 * One string per distinct key within this record (not beyond it): the trends and the chart rows look
 * every series key up, and a key built per result is a new string to join up and hash each time.
 */
function sharedKey(keys: Map<string, string>, key: string): string {
  const shared = keys.get(key);
  if (shared !== undefined) return shared;
  keys.set(key, key);
  return key;
}

function noResult(name: string, status: string): Measurement {
  const text =
    status === 'cancelled'
      ? 'No result: the test was cancelled'
      : status === 'registered'
        ? 'No result yet'
        : VALUE_NOT_RECORDED;
  return {
    name,
    value: absentValue(text),
    range: undefined,
    interpretations: NONE,
    seriesKey: undefined,
  };
}

function conclusionOf(resource: JsonRecord): string | undefined {
  const texts = [
    asString(resource['conclusion']),
    ...asRecords(resource['conclusionCode']).map((c) => conceptText(c as CodeableConcept)),
  ].filter((t): t is string => t !== undefined);
  return texts.length > 0 ? [...new Set(texts)].join('. ') : undefined;
}

function safeResolve(input: ModelInput, ref: unknown, from: JsonRecord): Resource | undefined {
  try {
    return asRecord(input.index.resolve<Resource>(ref as Reference, from as unknown as Resource)) as
      | Resource
      | undefined;
  } catch {
    return undefined;
  }
}

function patientRefs(resource: unknown): string[] {
  return patientReferencesOf(resource as Resource).map((ref) =>
    (asString(ref.reference) ?? '').replace(/\/_history\/[^/]+$/, ''),
  );
}

interface Walk {
  input: ModelInput;
  /** Matches were checked by the controller to belong to the patient; included resources were not. */
  matches: { has(resource: object): boolean };
  /** Everything shown somewhere (as a row or inside one), or deliberately dropped. */
  reached: Set<object>;
  /** Series keys of this record, one string each (see sharedKey). */
  seriesKeys: Map<string, string>;
  /** Row keys so far, to notice a repeated one while its string is at hand. */
  rowKeys: Set<string>;
  /** Some row key was made twice (the same id sent twice): keys are made unique after sorting. */
  repeatedRowKey: boolean;
}

/**
 * The matches that are records, as a set built when a report or panel first asks: most records
 * have few or none, and a set of every match was work for nothing.
 */
function matchSet(matches: readonly unknown[]): { has(resource: object): boolean } {
  let set: Set<unknown> | undefined;
  return {
    has: (resource) => {
      set ??= new Set(matches.filter((m) => asRecord(m)));
      return set.has(resource);
    },
  };
}

/**
 * A member only reached through `_include` is shown when it names the same patient as the report
 * or panel that lists it: included resources are not patient-checked. A contained member may name
 * no patient (its container does), but never another one.
 */
function belongsWith(member: Resource, parent: JsonRecord, ref: unknown, walk: Walk): boolean {
  if (walk.matches.has(member)) return true;
  const own = patientRefs(member);
  const parents = new Set(patientRefs(parent));
  const contained = asString(asRecord(ref)?.['reference'])?.startsWith('#') ?? false;
  if (own.length === 0) return contained;
  return own.every((r) => r !== '' && parents.has(r));
}

interface Members {
  members: readonly ResultEntry[];
  unavailable: number;
  unverified: number;
}

const NO_MEMBERS: Members = Object.freeze({ members: NONE, unavailable: 0, unverified: 0 });

function membersOf(
  parent: JsonRecord,
  parentKey: string,
  refs: unknown[],
  walk: Walk,
  path: readonly object[],
  depth: number,
): Members {
  if (refs.length === 0) return NO_MEMBERS;
  const members: ResultEntry[] = [];
  const found = { members, unavailable: 0, unverified: 0 };
  for (let position = 0; position < refs.length; position += 1) {
    const ref = refs[position];
    const target = safeResolve(walk.input, ref, parent);
    if (!target || asString(asRecord(target)?.['resourceType']) !== 'Observation') {
      found.unavailable++;
      continue;
    }
    if (path.includes(target)) continue; // A cycle: it is already shown above this point.
    if (!belongsWith(target, parent, ref, walk)) {
      found.unverified++;
      continue;
    }
    if (asRecord(target)?.['status'] === 'entered-in-error') {
      walk.reached.add(target);
      continue;
    }
    if (depth >= MAX_DEPTH) {
      found.unavailable++;
      continue;
    }
    walk.reached.add(target);
    const id = asString(asRecord(target)?.['id']);
    // Members without an id are told apart by their place, so trends never merge two of them.
    const key = id ? `Observation/${id}` : `${parentKey}>${position + 1}`;
    members.push(describe(target as unknown as JsonRecord, key, walk, [...path, target], depth + 1).entry);
  }
  return found;
}

function componentsOf(resource: JsonRecord, testKey: string | undefined, walk: Walk): Measurement[] {
  const components: Measurement[] = [];
  for (const component of asRecords(resource['component'])) {
    const componentKey = resultCodeKey(component['code']);
    const componentName =
      conceptText(asRecord(component['code']) as CodeableConcept | undefined) ?? COMPONENT_NOT_RECORDED;
    components.push(
      measurement(component, componentName, testKey && componentKey ? `${testKey}>${componentKey}` : undefined, walk),
    );
  }
  return components;
}

function notesOf(resource: JsonRecord): string[] {
  const notes: string[] = [];
  for (const note of asRecords(resource['note'])) {
    const text = asString(note['text']);
    if (text !== undefined) notes.push(text);
  }
  return notes;
}

function describe(
  resource: JsonRecord,
  key: string,
  walk: Walk,
  /** The resources from the row down to this one (at most MAX_DEPTH): a short array, not a Set per item. */
  path: readonly object[],
  depth: number,
): { entry: ResultEntry; organization: Organization | undefined } {
  const resourceType = asString(resource['resourceType']) ?? 'Observation';
  const isReport = resourceType === 'DiagnosticReport';
  const fhirResource = resource as unknown as Resource;
  const name = conceptText(asRecord(resource['code']) as CodeableConcept | undefined) ?? TEST_NOT_RECORDED;
  const testKey = resultCodeKey(resource['code']);
  const status = resultStatus(asString(resource['status']));
  const memberRefs = asArray(isReport ? resource['result'] : resource['hasMember']);
  const { members, unavailable, unverified } = membersOf(resource, key, memberRefs, walk, path, depth);
  const components = isReport || resource['component'] === undefined ? NONE : componentsOf(resource, testKey, walk);
  const grouping = memberRefs.length > 0 || components.length > 0;
  const main = isReport
    ? undefined
    : hasValue(resource)
      ? measurement(resource, name, testKey, walk)
      : grouping
        ? undefined
        : noResult(name, status.status);
  const { source, organization } = safeSource(fhirResource, walk.input);
  const effective = effectiveOf(resource);
  const issued = readDate(resource['issued']);
  return {
    organization,
    entry: {
      key,
      resourceType,
      name,
      category: categoryOf(resource),
      status: status.status,
      statusLabel: status.statusLabel,
      attention: status.attention,
      statusNote: status.statusNote,
      effective: effective?.text,
      issued: issued?.text,
      time: (effective ?? issued)?.time,
      main,
      components,
      members,
      unavailableMembers: unavailable,
      unverifiedMembers: unverified,
      conclusion: isReport ? conclusionOf(resource) : undefined,
      notes: resource['note'] === undefined ? NONE : notesOf(resource),
      attachments: isReport ? asRecords(resource['presentedForm']).length : 0,
      source,
      securityLabels: securityLabels(fhirResource),
    },
  };
}

function isFlagged(m: Measurement | undefined): boolean {
  if (m === undefined) return false;
  for (const interpretation of m.interpretations) if (interpretation.level !== 'normal') return true;
  return false;
}

function addFlagged(flagged: FlaggedResult[], entry: ResultEntry, m: Measurement, name: string): void {
  for (const interpretation of m.interpretations) {
    if (interpretation.level !== 'normal') flagged.push({ key: entry.key, name, value: m.value.text, interpretation });
  }
}

function collectFlagged(entry: ResultEntry, flagged: FlaggedResult[]): FlaggedResult[] {
  if (entry.main) addFlagged(flagged, entry, entry.main, entry.name);
  for (const component of entry.components) addFlagged(flagged, entry, component, `${entry.name}: ${component.name}`);
  for (const member of entry.members) collectFlagged(member, flagged);
  return flagged;
}

/** The entry's flagged values at any depth; the shared empty list when none (most results). */
function flaggedOf(entry: ResultEntry): readonly FlaggedResult[] {
  const plain = entry.components.length === 0 && entry.members.length === 0;
  return plain && !isFlagged(entry.main) ? NONE : collectFlagged(entry, []);
}

function kindOf(entry: ResultEntry): ResultKind {
  if (entry.resourceType === 'DiagnosticReport') return 'report';
  return entry.members.length > 0 || entry.unavailableMembers > 0 || entry.unverifiedMembers > 0
    ? 'panel'
    : 'observation';
}

function toRow(resource: JsonRecord, walk: Walk, position: number): ResultRow {
  const resourceType = asString(resource['resourceType']) ?? 'Observation';
  const id = asString(resource['id']);
  const key = id ? `${resourceType}/${id}` : `${resourceType}/#${position}`;
  if (walk.rowKeys.has(key)) walk.repeatedRowKey = true;
  else walk.rowKeys.add(key);
  walk.reached.add(resource);
  const { entry, organization } = describe(resource, key, walk, [resource], 0);
  // The entry becomes the row: it is new and not shared yet, so its fields need no copy.
  return Object.assign(entry, {
    id,
    date: entry.effective ?? entry.issued,
    freshness: resolveFreshness(resource as unknown as Resource, organization, walk.input.now),
    kind: kindOf(entry),
    flagged: flaggedOf(entry),
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first (undated last, the more precise of equal dates first), then by name, then by key. */
export function compareResultRows(a: ResultRow, b: ResultRow): number {
  return (
    compareIsoDesc(a.date, b.date) ||
    compareText(a.name.toLowerCase(), b.name.toLowerCase()) ||
    compareText(a.key, b.key)
  );
}

/** Rows in compareResultRows order (a test holds them to it), each row's keys read once. */
export function sortResultRows(rows: readonly ResultRow[]): ResultRow[] {
  return newestFirst(rows, (row) => row.name);
}

/**
 * Rows for DiagnosticReports (with their results as members) and for Observations that no shown
 * report or panel lists, so no result appears twice. Anything listed only in a cycle or below the
 * nesting limit still gets its own row: nothing the HIE sent for this patient disappears silently.
 * Entered-in-error items are dropped. Newest first.
 */
export const mapResults: RecordModel<ResultRow> = (input) => {
  const matches = asArray(input.matches);
  const walk: Walk = {
    input,
    matches: matchSet(matches),
    reached: new Set(),
    seriesKeys: new Map(),
    rowKeys: new Set(),
    repeatedRowKey: false,
  };
  const reports: number[] = [];
  const observations: number[] = [];
  for (let position = 0; position < matches.length; position += 1) {
    const resource = asRecord(matches[position]);
    if (!resource) continue;
    if (resource['status'] === 'entered-in-error') walk.reached.add(resource);
    else if (resource['resourceType'] === 'DiagnosticReport') reports.push(position);
    else if (resource['resourceType'] === 'Observation') observations.push(position);
  }
  const resourceAt = (position: number) => matches[position] as JsonRecord;
  const rows: ResultRow[] = [];
  for (const position of reports) rows.push(toRow(resourceAt(position), walk, position));

  const listedByPanels = new Set<object>();
  for (const position of observations) {
    const resource = resourceAt(position);
    if (resource['hasMember'] === undefined) continue;
    for (const ref of asArray(resource['hasMember'])) {
      const target = safeResolve(input, ref, resource);
      if (target && target !== (resource as unknown)) listedByPanels.add(target);
    }
  }
  for (const position of observations) {
    const resource = resourceAt(position);
    if (!walk.reached.has(resource) && !listedByPanels.has(resource)) rows.push(toRow(resource, walk, position));
  }
  for (const position of observations) {
    const resource = resourceAt(position);
    if (!walk.reached.has(resource)) rows.push(toRow(resource, walk, position));
  }

  const sorted = sortResultRows(rows);
  if (!walk.repeatedRowKey) return sorted;
  const seen = new Map<string, number>();
  for (let i = 0; i < sorted.length; i += 1) {
    const row = sorted[i]!;
    // The same id twice (e.g. repeated across pages) must still give unique row keys.
    const times = seen.get(row.key) ?? 0;
    seen.set(row.key, times + 1);
    if (times > 0) sorted[i] = { ...row, key: `${row.key}~${times + 1}` };
  }
  return sorted;
};
