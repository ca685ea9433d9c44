import type { HieErrorKind } from '../fhir/types.js';

export interface CareRecordSourceSummary {
  key: string;
  name: string | undefined;
  type: string | undefined;
}

export interface CareRecordLoadDetail {
  /** `Patient/<id>` the data belongs to. */
  patient: string;
  resourceTypes: string[];
  /** Items on screen after filters. */
  shown: number;
  /** Items received but hidden by the clinician's filters. */
  hiddenByFilters: number;
  /** Items outside the section's `source-types`. */
  outsideSection: number;
  /** Items the HIE said it withheld (sum of counts it stated; 0 when it stated none). */
  withheld: number;
  /** Plain-language notices shown with the data (withheld, source unavailable, truncated…). */
  notices: string[];
  sources: CareRecordSourceSummary[];
  truncated: boolean;
  fetchedAt: string;
}

export type CareRecordErrorKind = Exclude<HieErrorKind, 'aborted'>;

export interface CareRecordErrorDetail {
  kind: CareRecordErrorKind;
  /** HTTP status, when the HIE answered. */
  status: number | undefined;
  message: string;
}

export interface CareRecordAuthRequiredDetail {
  /** Base URL of the HIE that refused the token (never the token itself). */
  baseUrl: string;
  message: string;
}

export interface CareRecordViewDetail {
  /** `Patient/<id>` whose data is on screen. */
  patient: string;
  /** `ResourceType/id` of every item now displayed, for the host's audit log. */
  resources: string[];
}

export interface CareRecordProgressDetail {
  /** Items received so far. */
  loaded: number;
  /** Items the HIE said there are (`Bundle.total`), when it said. */
  total: number | undefined;
  /** False while pages are still arriving (the list on screen is partial). */
  complete: boolean;
}

/** The clinician changed a widget's search (typed, cleared with Escape or "Clear"). */
export interface CareRecordSearchDetail {
  search: string;
}

declare global {
  interface HTMLElementEventMap {
    'care-record-load': CustomEvent<CareRecordLoadDetail>;
    'care-record-error': CustomEvent<CareRecordErrorDetail>;
    'care-record-auth-required': CustomEvent<CareRecordAuthRequiredDetail>;
    'care-record-view': CustomEvent<CareRecordViewDetail>;
    'care-record-progress': CustomEvent<CareRecordProgressDetail>;
    'care-record-search': CustomEvent<CareRecordSearchDetail>;
  }
}

type CareRecordEventMap = {
  'care-record-load': CareRecordLoadDetail;
  'care-record-error': CareRecordErrorDetail;
  'care-record-auth-required': CareRecordAuthRequiredDetail;
  'care-record-view': CareRecordViewDetail;
  'care-record-progress': CareRecordProgressDetail;
  'care-record-search': CareRecordSearchDetail;
};

/** Every care-record event bubbles and crosses shadow roots so a host can listen once on its page. */
export function emit<K extends keyof CareRecordEventMap>(
  target: EventTarget,
  type: K,
  detail: CareRecordEventMap[K],
): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
