import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { conceptText } from '../../model/coding.js';
import { compareIsoDesc } from '../../model/format.js';
import { asRecords, asString, pick, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { conceptTexts, validDate } from '../../model/datatypes.js';
import { partyText, resolveParty } from '../../model/parties.js';
import { baseRow, mapMatchesOfType, notesOf, statusOf, type StatusWords } from '../../model/record-rows.js';
import { resolveResource } from '../../model/references.js';
import { activitiesOf, type CarePlanActivity } from './care-plans.activities.js';

export interface CarePlanRow extends RecordRow {
  /** `CarePlan.title`; undefined when not recorded. */
  title: string | undefined;
  description: string | undefined;
  categories: string[];
  /** The intent in words when it is not simply a plan (e.g. "Proposal"). */
  intentLabel: string | undefined;
  start: string | undefined;
  end: string | undefined;
  created: string | undefined;
  /** Who wrote the plan, in words; undefined when not recorded. */
  author: string | undefined;
  /** Conditions the plan addresses. */
  addresses: string[];
  activities: CarePlanActivity[];
  notes: string[];
  /** In the default view (active, on hold, draft, or a status that cannot be read). */
  current: boolean;
  /** Draft or on hold: shown, and marked. */
  attention: boolean;
}

export const CARE_PLAN_STATUSES: Record<string, StatusWords> = lookupTable({
  active: { label: 'Active', current: true, attention: false },
  'on-hold': { label: 'On hold', current: true, attention: true },
  draft: { label: 'Draft', current: true, attention: true },
  unknown: { label: 'Status unknown', current: true, attention: true },
  completed: { label: 'Completed', current: false, attention: false },
  revoked: { label: 'Revoked', current: false, attention: false },
});

const INTENTS: Record<string, string | undefined> = lookupTable({
  plan: undefined,
  proposal: 'Proposal',
  order: 'Order',
  option: 'Option',
});

function intentLabel(raw: unknown): string | undefined {
  const intent = asString(raw);
  if (intent === undefined) return undefined;
  return Object.hasOwn(INTENTS, intent) ? INTENTS[intent] : `Intent: ${intent}`;
}

function addressed(plan: JsonRecord, input: ModelInput): string[] {
  return asRecords(plan['addresses']).flatMap((ref) => {
    const condition = resolveResource(input, ref, plan) as unknown as JsonRecord | undefined;
    const text =
      asString(ref['display']) ?? conceptText(condition?.['code'] as CodeableConcept | undefined);
    return text ?? [];
  });
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): CarePlanRow {
  const status = statusOf(resource['status'], CARE_PLAN_STATUSES);
  const start = validDate(pick(resource, 'period', 'start'));
  const end = validDate(pick(resource, 'period', 'end'));
  const created = validDate(resource['created']);
  const date = start ?? created ?? end ?? validDate(pick(resource, 'meta', 'lastUpdated'));
  const author = resolveParty(resource['author'], resource as unknown as Resource, input, resource['subject']);
  return {
    ...baseRow(resource, 'CarePlan', position, input, status, date),
    title: asString(resource['title']),
    description: asString(resource['description']),
    categories: conceptTexts(resource['category']),
    intentLabel: intentLabel(resource['intent']),
    start,
    end,
    created,
    author: partyText(author),
    addresses: addressed(resource, input),
    activities: activitiesOf(resource, input),
    notes: notesOf(resource['note']),
  };
}

function compareRows(a: CarePlanRow, b: CarePlanRow): number {
  const byDate = compareIsoDesc(a.date, b.date);
  if (byDate !== 0) return byDate;
  const byTitle = (a.title ?? '').localeCompare(b.title ?? '');
  return byTitle !== 0 ? byTitle : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Rows for CarePlan matches, newest first; entered-in-error plans are dropped. */
export const mapCarePlans: RecordModel<CarePlanRow> = (input) =>
  mapMatchesOfType(input, 'CarePlan', (resource, position) => mapOne(resource, input, position)).sort(compareRows);
