import type {
  CarePlan,
  CarePlanActivity,
  CarePlanActivityDetail,
  CodeableConcept,
  Coding,
  Reference,
  Resource,
  Timing,
} from '@medplum/fhirtypes';
import { dateDaysAgo } from '../../../clock.js';
import type { BuiltItem } from '../../medication-items.js';
import { itemMeta, provenanceFor, sourceReference, type SourceLink } from '../care-team/item-source.js';

export interface ActivitySpec {
  code?: CodeableConcept;
  description?: string;
  status: CarePlanActivityDetail['status'];
  doNotPerform?: boolean;
  /** Negative values are in the future. */
  fromDaysAgo?: number;
  toDaysAgo?: number;
  /** e.g. `{ frequency: 4, period: 1, periodUnit: 'd' }`. */
  repeat?: NonNullable<Timing['repeat']>;
  performer?: Reference;
  outcome?: CodeableConcept;
  /** A reference-only activity: a request held elsewhere, named by its display. */
  linked?: string;
}

export interface PlanSpec {
  id: string;
  patientId: string;
  title?: string;
  description?: string;
  status: CarePlan['status'];
  intent?: CarePlan['intent'];
  category?: CodeableConcept;
  startDaysAgo?: number;
  endDaysAgo?: number;
  /** The plan's author when the source is not named through it (e.g. a person, or a display only). */
  author?: Reference;
  source: SourceLink;
  lastUpdatedHoursAgo: number;
  activities: ActivitySpec[];
  addresses?: string;
  note?: string;
  contained?: Resource[];
  security?: Coding[];
}

function detailOf(activity: ActivitySpec, now: Date): CarePlanActivityDetail {
  const period = {
    ...(activity.fromDaysAgo !== undefined ? { start: dateDaysAgo(now, activity.fromDaysAgo) } : {}),
    ...(activity.toDaysAgo !== undefined ? { end: dateDaysAgo(now, activity.toDaysAgo) } : {}),
  };
  const hasPeriod = Object.keys(period).length > 0;
  return {
    ...(activity.code ? { code: activity.code } : {}),
    status: activity.status,
    doNotPerform: activity.doNotPerform ?? false,
    ...(activity.repeat
      ? { scheduledTiming: { repeat: { ...activity.repeat, ...(hasPeriod ? { boundsPeriod: period } : {}) } } }
      : hasPeriod
        ? { scheduledPeriod: period }
        : {}),
    ...(activity.performer ? { performer: [activity.performer as Reference<never>] } : {}),
    ...(activity.description ? { description: activity.description } : {}),
  };
}

function activityOf(activity: ActivitySpec, now: Date): CarePlanActivity {
  if (activity.linked) return { reference: { display: activity.linked } };
  return {
    ...(activity.outcome ? { outcomeCodeableConcept: [activity.outcome] } : {}),
    detail: detailOf(activity, now),
  };
}

export function carePlan(spec: PlanSpec, now: Date): BuiltItem<CarePlan> {
  const author = sourceReference(spec.source) ?? spec.author;
  const period = {
    ...(spec.startDaysAgo !== undefined ? { start: dateDaysAgo(now, spec.startDaysAgo) } : {}),
    ...(spec.endDaysAgo !== undefined ? { end: dateDaysAgo(now, spec.endDaysAgo) } : {}),
  };
  const item: CarePlan = {
    resourceType: 'CarePlan',
    id: spec.id,
    meta: itemMeta(spec.source, spec.lastUpdatedHoursAgo, now, spec.security),
    ...(spec.contained ? { contained: spec.contained } : {}),
    status: spec.status,
    intent: spec.intent ?? 'plan',
    ...(spec.category ? { category: [spec.category] } : {}),
    ...(spec.title ? { title: spec.title } : {}),
    ...(spec.description ? { description: spec.description } : {}),
    subject: { reference: `Patient/${spec.patientId}` },
    ...(Object.keys(period).length > 0 ? { period } : {}),
    ...(spec.startDaysAgo !== undefined ? { created: dateDaysAgo(now, spec.startDaysAgo + 1) } : {}),
    ...(author ? { author: author as Reference<never> } : {}),
    ...(spec.addresses ? { addresses: [{ display: spec.addresses }] } : {}),
    activity: spec.activities.map((a) => activityOf(a, now)),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
  const provenance = provenanceFor(spec.source, `CarePlan/${spec.id}`, spec.lastUpdatedHoursAgo, now);
  return provenance ? { item, provenance } : { item };
}
