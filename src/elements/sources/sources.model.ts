import type { Organization, Resource } from '@medplum/fhirtypes';
import { resolveFreshness } from '../../model/freshness.js';
import { resolveSource } from '../../model/source.js';
import type { FreshnessInfo, ModelInput, RecordModel, RecordNotice, RecordRow, SourceInfo } from '../../model/record-types.js';
import { asString, lookupTable } from '../../model/json-guards.js';
import { compareIsoDesc } from '../../model/format.js';

/** Words for what each resource type is, as a clinician counts it. */
const KIND_OF: Record<string, string> = lookupTable({
  MedicationStatement: 'medications',
  MedicationRequest: 'medications',
  Condition: 'problems',
  AllergyIntolerance: 'allergies',
  Observation: 'results',
  DiagnosticReport: 'reports',
  DocumentReference: 'documents',
  Composition: 'documents',
  Appointment: 'appointments',
  Encounter: 'encounters',
  CarePlan: 'care plans',
  CareTeam: 'care teams',
});

export interface SourceCount {
  kind: string;
  count: number;
}

export interface SourceRow extends RecordRow {
  name: string;
  /** How many items of each kind this source sent, most first. */
  counts: SourceCount[];
  total: number;
  /** The HIE's own words when it said this source did not respond. */
  unavailable: string | undefined;
  /** Newest `meta.lastUpdated` among its items. */
  newestItem: string | undefined;
}

interface Tally {
  source: SourceInfo;
  organization: Organization | undefined;
  counts: Map<string, number>;
  newestItem: string | undefined;
  sample: Resource;
}

function outageFor(source: SourceInfo, notices: readonly RecordNotice[]): RecordNotice | undefined {
  return notices.find(
    (n) =>
      n.kind === 'source-unavailable' &&
      ((n.sourceCode !== undefined && n.sourceCode === source.odsCode) ||
        (n.source !== undefined && source.name !== undefined && n.source === source.name)),
  );
}

function toRow(t: Tally, freshness: FreshnessInfo, outage: RecordNotice | undefined): SourceRow {
  const counts = [...t.counts.entries()]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const id = t.source.key.startsWith('Organization/') ? t.source.key.slice('Organization/'.length) : undefined;
  return {
    key: t.source.key,
    resourceType: 'Organization',
    id,
    status: outage ? 'unavailable' : 'available',
    statusLabel: outage ? 'Did not respond' : 'Contributed',
    date: freshness.lastReceived ?? t.newestItem,
    source: t.source,
    freshness,
    securityLabels: [],
    name: t.source.name ?? 'Source not recorded',
    counts,
    total,
    unavailable: outage?.message,
    newestItem: t.newestItem,
  };
}

/** A source the HIE says did not respond, which sent nothing this time. */
function silentSource(notice: RecordNotice): SourceRow {
  const name = notice.source ?? 'A source';
  return {
    key: notice.sourceCode ? `ods:${notice.sourceCode}` : `outage:${name.toLowerCase()}`,
    resourceType: 'Organization',
    id: undefined,
    status: 'unavailable',
    statusLabel: 'Did not respond',
    date: undefined,
    source: {
      key: notice.sourceCode ?? `outage:${name.toLowerCase()}`,
      name: notice.source,
      odsCode: notice.sourceCode,
      type: undefined,
      typeLabel: 'organisation type not recorded',
      via: 'none',
    },
    freshness: {
      lastUpdated: undefined,
      feed: 'unknown',
      lastReceived: undefined,
      expectedIntervalMs: undefined,
      schedule: undefined,
      possiblyOutOfDate: false,
    },
    securityLabels: [],
    name,
    counts: [],
    total: 0,
    unavailable: notice.message,
    newestItem: undefined,
  };
}

/**
 * Every organisation that contributed to the patient's record: its type, its feed, whether it is
 * unavailable now, and how many items of each kind it sent. Unavailable sources come first.
 */
export const mapSources: RecordModel<SourceRow> = (input: ModelInput) => {
  const tallies = new Map<string, Tally>();
  for (const resource of input.matches) {
    const { source, organization } = resolveSource(resource, input.index);
    const kind = KIND_OF[resource.resourceType] ?? 'other items';
    const tally = tallies.get(source.key) ?? {
      source,
      organization,
      counts: new Map<string, number>(),
      newestItem: undefined,
      sample: resource,
    };
    tally.organization ??= organization;
    tally.counts.set(kind, (tally.counts.get(kind) ?? 0) + 1);
    const updated = asString(resource.meta?.lastUpdated);
    if (updated && compareIsoDesc(updated, tally.newestItem) < 0) tally.newestItem = updated;
    tallies.set(source.key, tally);
  }
  const notices = input.notices ?? [];
  const rows = [...tallies.values()].map((t) => {
    const freshness = resolveFreshness({ ...t.sample, meta: { lastUpdated: t.newestItem } } as Resource, t.organization, input.now);
    return toRow(t, freshness, outageFor(t.source, notices));
  });
  const matched = new Set(rows.map((r) => r.unavailable).filter(Boolean));
  for (const notice of notices) {
    if (notice.kind === 'source-unavailable' && !matched.has(notice.message)) rows.push(silentSource(notice));
  }
  return rows.sort(
    (a, b) =>
      Number(b.status === 'unavailable') - Number(a.status === 'unavailable') ||
      Number(a.source.name === undefined) - Number(b.source.name === undefined) ||
      a.name.localeCompare(b.name),
  );
};
