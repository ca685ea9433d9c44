import type { Provenance, Reference, Resource } from '@medplum/fhirtypes';
import type { SourceType } from '../fhir/hie-contract.js';

/** Who an item came from. `name` undefined means the HIE named no source: say "source not recorded". */
export interface SourceInfo {
  /** Stable key for grouping and the source filter: `Organization/<id>`, ODS code, or `unknown`. */
  key: string;
  name: string | undefined;
  odsCode: string | undefined;
  /** Undefined when neither Organization.type nor the contract names a type. */
  type: SourceType | undefined;
  /** Words for the type, e.g. "GP practice"; "organisation type not recorded" when unknown. */
  typeLabel: string;
  /** Which field named the source; `none` when nothing did. */
  via: 'resource' | 'meta.source' | 'provenance' | 'none';
}

export type FeedMode = 'live' | 'batch' | 'unknown';

/** How fresh an item is: its own `meta.lastUpdated` and its source's feed into the HIE. */
export interface FreshnessInfo {
  /** `meta.lastUpdated` of the item (ISO), when sent. */
  lastUpdated: string | undefined;
  feed: FeedMode;
  /** When the HIE last received this source's batch (ISO), when known. */
  lastReceived: string | undefined;
  /** Expected interval between batches, in ms, when known. */
  expectedIntervalMs: number | undefined;
  /** The feed's schedule in words, e.g. "twice daily". */
  schedule: string | undefined;
  /** True when a batch feed is older than its schedule allows: the item may be out of date. */
  possiblyOutOfDate: boolean;
}

/** Why items may be missing. Each kind has its own wording; none is ever silent. */
export type NoticeKind =
  | 'objected'
  | 'withheld'
  | 'role-restricted'
  | 'source-unavailable'
  | 'search-unsupported'
  | 'truncated'
  | 'other-patient-dropped'
  | 'skipped'
  | 'details-missing'
  | 'information';

export interface RecordNotice {
  kind: NoticeKind;
  /** Plain-language text shown to the clinician. */
  message: string;
  /** Organisation concerned, when the notice names one. */
  source?: string | undefined;
  /** Its ODS code, when the notice gives one. */
  sourceCode?: string | undefined;
  count?: number | undefined;
}

/** Fields every widget row has; widgets extend it with their own. */
export interface RecordRow {
  /** `ResourceType/id`, unique within the widget. */
  key: string;
  resourceType: string;
  /** The FHIR id (for the audit event), or undefined when the resource had none. */
  id: string | undefined;
  /** Machine status code, e.g. `active`. */
  status: string;
  /** Status in words, e.g. "Active", "Stopped". */
  statusLabel: string;
  /** Main clinical date used for sorting and the date filter (ISO, possibly partial), if any. */
  date: string | undefined;
  source: SourceInfo;
  freshness: FreshnessInfo;
  /** Human labels of `meta.security` marks (e.g. "Restricted"), empty when none. */
  securityLabels: string[];
}

/** Looks up referenced resources among a search's matches, `_include`d and contained resources. */
export interface ReferenceResolver {
  /** Resolves `Type/id`, absolute URLs on the HIE base, `urn:uuid:` fullUrls and `#contained` refs. */
  resolve<T extends Resource>(ref: Reference | undefined, from?: Resource): T | undefined;
  /** Provenance resources (from `_revinclude=Provenance:target`) that target `resource`. */
  provenanceFor(resource: Resource): Provenance[];
}

/** What a widget's pure model function receives. */
export interface ModelInput {
  /** Match resources, already checked to belong to the current patient. */
  matches: Resource[];
  index: ReferenceResolver;
  /** "Now" for freshness and current/past decisions; injected so models stay pure. */
  now: Date;
  /** What the HIE said about missing data (withheld, sources unavailable…), for models that show it. */
  notices?: readonly RecordNotice[];
}

export type RecordModel<Row extends RecordRow> = (input: ModelInput) => Row[];
