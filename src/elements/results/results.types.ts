import type { RecordRow, SourceInfo } from '../../model/record-types.js';
import type { InterpretationInfo, RangeInfo, ResultValue } from './results.values.js';

/** One value with its own test name: an Observation's value, or one of its components. */
export interface Measurement {
  name: string;
  value: ResultValue;
  range: RangeInfo | undefined;
  /** Read-only: a single known interpretation's list is shared between results. */
  interpretations: readonly InterpretationInfo[];
  /** Repeated results of the same test in the same unit share it; undefined when not plottable. */
  seriesKey: string | undefined;
}

/** A report, a panel or a single result, as a list row or as a member inside a panel. */
export interface ResultEntry {
  key: string;
  resourceType: string;
  name: string;
  /** e.g. "Laboratory", "Vital signs", "Haematology". */
  category: string | undefined;
  status: string;
  statusLabel: string;
  /** Preliminary, amended, corrected, cancelled…: marked in the list. */
  attention: boolean;
  /** What the status means for the reader, e.g. "Preliminary result: it may change." */
  statusNote: string | undefined;
  /** When the sample was taken or the observation made. */
  effective: string | undefined;
  issued: string | undefined;
  /** The instant of `effective`, else of `issued` (ms since 1970), for trends; undefined without either. */
  time: number | undefined;
  /** Undefined for reports and for panels or component-only results (e.g. blood pressure). */
  main: Measurement | undefined;
  /** Read-only, as are the lists below: an empty one is shared between entries. */
  components: readonly Measurement[];
  members: readonly ResultEntry[];
  /** Results a report or panel names that the HIE did not send. */
  unavailableMembers: number;
  /** Results that could not be shown because they do not name the same patient as their report. */
  unverifiedMembers: number;
  conclusion: string | undefined;
  notes: readonly string[];
  /** Documents attached to a report (presentedForm), not shown here. */
  attachments: number;
  source: SourceInfo;
  securityLabels: string[];
}

/** A value in a row (at any depth) with an interpretation other than normal. */
export interface FlaggedResult {
  key: string;
  name: string;
  value: string;
  interpretation: InterpretationInfo;
}

export type ResultKind = 'report' | 'panel' | 'observation';

/** A list row: a report, a panel no report lists, or a result no report or panel lists. */
export interface ResultRow extends RecordRow, ResultEntry {
  kind: ResultKind;
  flagged: readonly FlaggedResult[];
}
