import type {
  CodeableConcept,
  Coding,
  DiagnosticReport,
  Meta,
  Observation,
  ObservationComponent,
  ObservationReferenceRange,
  Provenance,
  Quantity,
} from '@medplum/fhirtypes';
import { hoursAgo } from '../../../clock.js';
import type { BuiltItem, SourceLink } from '../../medication-items.js';
import { metaSourceUri } from '../../organisations.js';
import { flagFor, type InterpretationCode, type PanelDef, type TestDef } from './tests.js';

const SNOMED = 'http://snomed.info/sct';
const UCUM = 'http://unitsofmeasure.org';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const DATA_ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

const INTERPRETATION_DISPLAY: Record<InterpretationCode, string> = {
  H: 'High',
  L: 'Low',
  HH: 'Critical high',
  LL: 'Critical low',
  N: 'Normal',
  A: 'Abnormal',
  POS: 'Positive',
  NEG: 'Negative',
};

/** What a result holds: a number (flagged from the test's range unless told), words, a code, or why nothing. */
export type ResultValueSpec =
  | { number: number; comparator?: '<' | '>' | '<=' | '>='; flag?: InterpretationCode | 'none'; noUnit?: boolean }
  | { text: string; flag?: InterpretationCode }
  | { concept: CodeableConcept; flag?: InterpretationCode }
  | { absent: string };

export interface ResultItemSpec {
  id: string;
  patientId: string;
  takenHoursAgo: number;
  /** Hours from sample to result; the result is never issued in the future. */
  turnaroundHours?: number;
  source: SourceLink;
  lastUpdatedHoursAgo: number;
  note?: string;
  security?: Coding[];
}

export interface ObservationSpec extends ResultItemSpec {
  status?: Observation['status'];
  test: TestDef;
  value?: ResultValueSpec;
  components?: { test: TestDef; value: ResultValueSpec }[];
  /** Ids of member Observations (a panel). */
  members?: string[];
}

export interface ReportSpec extends ResultItemSpec {
  report: PanelDef;
  status?: DiagnosticReport['status'];
  /** Ids of the result Observations. */
  results: string[];
  conclusion?: string;
  /** The report's own text, as radiology systems send it. */
  presentedForm?: DiagnosticReport['presentedForm'];
}

export function concept(code: string, display: string, text?: string): CodeableConcept {
  return { coding: [{ system: SNOMED, code, display }], ...(text ? { text } : {}) };
}

function meta(spec: ResultItemSpec, now: Date): Meta {
  return {
    lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo),
    ...(spec.source.via === 'meta.source' ? { source: metaSourceUri(spec.source.orgId) } : {}),
    ...(spec.security ? { security: spec.security } : {}),
  };
}

function times(spec: ResultItemSpec, now: Date): { taken: string; issued: string } {
  const issuedHoursAgo = Math.max(0, spec.takenHoursAgo - (spec.turnaroundHours ?? 4));
  return { taken: hoursAgo(now, spec.takenHoursAgo), issued: hoursAgo(now, issuedHoursAgo) };
}

function quantity(test: TestDef, value: number, comparator: string | undefined, noUnit: boolean): Quantity {
  return {
    value,
    ...(comparator ? { comparator: comparator as Quantity['comparator'] } : {}),
    ...(!noUnit && test.unit ? { unit: test.unit, system: UCUM, code: test.ucum } : {}),
  };
}

function referenceRange(test: TestDef, noUnit: boolean): ObservationReferenceRange[] | undefined {
  if (test.low === undefined && test.high === undefined) return undefined;
  const bound = (value: number): Quantity => ({
    value,
    ...(!noUnit && test.unit ? { unit: test.unit, system: UCUM, code: test.ucum } : {}),
  });
  return [
    {
      ...(test.low !== undefined ? { low: bound(test.low) } : {}),
      ...(test.high !== undefined ? { high: bound(test.high) } : {}),
    },
  ];
}

function interpretation(code: InterpretationCode | undefined): CodeableConcept[] | undefined {
  return code ? [{ coding: [{ system: INTERPRETATION, code, display: INTERPRETATION_DISPLAY[code] }] }] : undefined;
}

/** The value[x], reference range and interpretation of an Observation or one of its components. */
function valueFields(test: TestDef, value: ResultValueSpec | undefined): Partial<Observation> {
  if (!value) return {};
  if ('absent' in value) {
    return { dataAbsentReason: { coding: [{ system: DATA_ABSENT, code: 'error', display: 'Error' }], text: value.absent } };
  }
  if ('text' in value) return { valueString: value.text, interpretation: interpretation(value.flag) };
  if ('concept' in value) return { valueCodeableConcept: value.concept, interpretation: interpretation(value.flag) };
  const noUnit = value.noUnit ?? false;
  const flag = value.flag === 'none' ? undefined : (value.flag ?? (value.comparator ? undefined : flagFor(test, value.number)));
  return {
    valueQuantity: quantity(test, value.number, value.comparator, noUnit),
    referenceRange: referenceRange(test, noUnit),
    interpretation: interpretation(flag),
  };
}

function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function provenanceFor(spec: ResultItemSpec, target: string, now: Date): Provenance | undefined {
  if (spec.source.via !== 'provenance') return undefined;
  return {
    resourceType: 'Provenance',
    id: `prov-${spec.id}`,
    target: [{ reference: target }],
    recorded: hoursAgo(now, spec.lastUpdatedHoursAgo),
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian' }] },
        who: { reference: `Organization/${spec.source.orgId}` },
      },
    ],
  };
}

function built<T>(item: T, provenance: Provenance | undefined): BuiltItem<T> {
  return provenance ? { item, provenance } : { item };
}

export function observation(spec: ObservationSpec, now: Date): BuiltItem<Observation> {
  const { taken, issued } = times(spec, now);
  const components: ObservationComponent[] | undefined = spec.components?.map(
    (c) => defined({ code: concept(c.test.code, c.test.display), ...valueFields(c.test, c.value) }) as ObservationComponent,
  );
  const item = defined({
    resourceType: 'Observation',
    id: spec.id,
    meta: meta(spec, now),
    status: spec.status ?? 'final',
    category: [{ coding: [{ system: CATEGORY, code: spec.test.category, display: spec.test.category === 'laboratory' ? 'Laboratory' : 'Vital Signs' }] }],
    code: concept(spec.test.code, spec.test.display),
    subject: { reference: `Patient/${spec.patientId}` },
    effectiveDateTime: taken,
    issued,
    performer: spec.source.via === 'resource' ? [{ reference: spec.source.reference }] : undefined,
    ...valueFields(spec.test, spec.value),
    component: components,
    hasMember: spec.members?.map((id) => ({ reference: `Observation/${id}` })),
    note: spec.note ? [{ text: spec.note }] : undefined,
  }) as Observation;
  return built(item, provenanceFor(spec, `Observation/${spec.id}`, now));
}

export function diagnosticReport(spec: ReportSpec, now: Date): BuiltItem<DiagnosticReport> {
  const { taken, issued } = times(spec, now);
  const item = defined({
    resourceType: 'DiagnosticReport',
    id: spec.id,
    meta: meta(spec, now),
    status: spec.status ?? 'final',
    category: [spec.report.category],
    code: spec.report.code,
    subject: { reference: `Patient/${spec.patientId}` },
    effectiveDateTime: taken,
    issued,
    performer: spec.source.via === 'resource' ? [{ reference: spec.source.reference }] : undefined,
    result: spec.results.map((id) => ({ reference: `Observation/${id}` })),
    conclusion: spec.conclusion,
    presentedForm: spec.presentedForm,
  }) as DiagnosticReport;
  return built(item, provenanceFor(spec, `DiagnosticReport/${spec.id}`, now));
}
