import type { CodeableConcept, Resource } from '@medplum/fhirtypes';
import type { ModelInput } from '../../model/record-types.js';
import { conceptText } from '../../model/coding.js';
import { asArray, asNumber, asRecord, asRecords, asString, pick, type JsonRecord, lookup, lookupTable } from '../../model/json-guards.js';
import { conceptTexts, referencedType, validDate } from '../../model/datatypes.js';
import { partyText, resolveParty } from '../../model/parties.js';
import { resolveResource } from '../../model/references.js';

/** When an activity is to happen: dates and/or words; at least one part is present. */
export interface ActivitySchedule {
  start: string | undefined;
  end: string | undefined;
  /** Single occurrences (`Timing.event`). */
  dates: string[];
  /** e.g. "4 times a day", or `scheduledString` as sent. */
  text: string | undefined;
}

export interface CarePlanActivity {
  key: string;
  /** What is to be done: the detail's code, else its description, else the linked request's name. */
  text: string | undefined;
  /** The detail's description when the code already named the activity. */
  description: string | undefined;
  status: string | undefined;
  statusLabel: string;
  /** The activity is something that must not be done. */
  doNotPerform: boolean;
  schedule: ActivitySchedule | undefined;
  outcomes: string[];
  performers: string[];
  /** The linked request (`activity.reference`) when the detail already named the activity. */
  linked: string | undefined;
  /** False when the plan only links to a request held elsewhere, which carries its own schedule. */
  hasDetail: boolean;
}

const ACTIVITY_STATUSES: Record<string, string> = lookupTable({
  'not-started': 'Not started',
  scheduled: 'Scheduled',
  'in-progress': 'In progress',
  'on-hold': 'On hold',
  completed: 'Completed',
  cancelled: 'Cancelled',
  stopped: 'Stopped',
  unknown: 'Status unknown',
});

const PERIOD_UNITS: Record<string, [string, string]> = lookupTable({
  min: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  wk: ['week', 'weeks'],
  mo: ['month', 'months'],
  a: ['year', 'years'],
});

function timesWords(frequency: number): string {
  return frequency === 1 ? 'once' : frequency === 2 ? 'twice' : `${frequency} times`;
}

/** "4 times a day", "once every 4 weeks"; undefined for anything but a plain frequency per period. */
function repeatWords(repeat: JsonRecord | undefined): string | undefined {
  const frequency = asNumber(repeat?.['frequency']) ?? 1;
  const period = asNumber(repeat?.['period']);
  const unit = lookup(PERIOD_UNITS, asString(repeat?.['periodUnit']));
  if (period === undefined || !unit || frequency <= 0 || period <= 0) return undefined;
  if (repeat?.['frequencyMax'] !== undefined || repeat?.['periodMax'] !== undefined) return undefined;
  const per = period === 1 ? `a${unit[0] === 'hour' ? 'n' : ''} ${unit[0]}` : `every ${period} ${unit[1]}`;
  return `${timesWords(frequency)} ${per}`;
}

function scheduleOf(detail: JsonRecord): ActivitySchedule | undefined {
  const timing = asRecord(detail['scheduledTiming']);
  const period = asRecord(detail['scheduledPeriod']);
  const repeat = asRecord(timing?.['repeat']);
  const bounds = asRecord(repeat?.['boundsPeriod']) ?? period;
  const schedule: ActivitySchedule = {
    start: validDate(bounds?.['start']),
    end: validDate(bounds?.['end']),
    dates: asArray(timing?.['event']).flatMap((d) => validDate(d) ?? []),
    text:
      asString(detail['scheduledString']) ??
      repeatWords(repeat) ??
      conceptText(asRecord(timing?.['code']) as CodeableConcept | undefined),
  };
  const empty = !schedule.start && !schedule.end && schedule.dates.length === 0 && !schedule.text;
  return empty ? undefined : schedule;
}

/** A linked request's name: its display, else the code of the resource when it was sent. */
function linkedText(ref: unknown, plan: Resource, input: ModelInput): string | undefined {
  const reference = asRecord(ref);
  if (!reference) return undefined;
  const display = asString(reference['display']);
  if (display) return display;
  const linked = resolveResource(input, reference, plan) as unknown as JsonRecord | undefined;
  const code = conceptText(asRecord(linked?.['code']) as CodeableConcept | undefined);
  const type = asString(linked?.['resourceType']) ?? referencedType(reference);
  if (code) return code;
  return type ? `Linked ${type} (details not recorded)` : 'Linked request (details not recorded)';
}

function statusWords(raw: unknown): { status: string | undefined; statusLabel: string } {
  const status = asString(raw);
  if (status === undefined) return { status, statusLabel: 'Status not recorded' };
  return { status, statusLabel: lookup(ACTIVITY_STATUSES, status) ?? `Status: ${status}` };
}

function mapActivity(activity: JsonRecord, plan: JsonRecord, input: ModelInput, index: number): CarePlanActivity {
  const from = plan as unknown as Resource;
  const sentDetail = asRecord(activity['detail']);
  const detail = sentDetail ?? {};
  const code = conceptText(asRecord(detail['code']) as CodeableConcept | undefined);
  const description = asString(detail['description']);
  const linked = linkedText(activity['reference'], from, input);
  const text = code ?? description ?? linked;
  return {
    key: `activity-${index}`,
    text,
    description: description !== text ? description : undefined,
    ...statusWords(detail['status']),
    doNotPerform: detail['doNotPerform'] === true,
    schedule: scheduleOf(detail),
    outcomes: [
      ...conceptTexts(activity['outcomeCodeableConcept']),
      ...asRecords(activity['outcomeReference']).flatMap((r) => asString(r['display']) ?? []),
    ],
    performers: asRecords(detail['performer']).flatMap(
      (p) => partyText(resolveParty(p, from, input, plan['subject'])) ?? [],
    ),
    linked: linked !== text ? linked : undefined,
    hasDetail: sentDetail !== undefined,
  };
}

/** The plan's activities in the order sent; entered-in-error activities are dropped like items. */
export function activitiesOf(plan: JsonRecord, input: ModelInput): CarePlanActivity[] {
  return asRecords(plan['activity'])
    .map((activity, index) => ({ activity, index }))
    .filter(({ activity }) => pick(activity, 'detail', 'status') !== 'entered-in-error')
    .map(({ activity, index }) => mapActivity(activity, plan, input, index));
}
