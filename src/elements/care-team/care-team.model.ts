import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { compareIsoDesc } from '../../model/format.js';
import { asRecords, asString, pick, type JsonRecord, lookupTable } from '../../model/json-guards.js';
import { contactsOf, type Contact } from '../../model/contacts.js';
import { conceptTexts, isPast, validDate } from '../../model/datatypes.js';
import { resolveParty, type PartyKind } from '../../model/parties.js';
import { baseRow, mapMatchesOfType, notesOf, statusOf, type StatusWords } from '../../model/record-rows.js';

export interface CareTeamMember {
  key: string;
  kind: PartyKind;
  /** Undefined when nothing names the member. */
  name: string | undefined;
  /** `participant.role` first, then the PractitionerRole's code and specialty or the carer's relationship. */
  roles: string[];
  /** The organisation the member works for (PractitionerRole.organization). */
  organisation: string | undefined;
  /** `participant.onBehalfOf`. */
  onBehalfOf: string | undefined;
  start: string | undefined;
  end: string | undefined;
  /** The member's own period ended before now. */
  left: boolean;
  contacts: Contact[];
}

export interface CareTeamRow extends RecordRow {
  /** `CareTeam.name`; undefined when not recorded. */
  name: string | undefined;
  categories: string[];
  reasons: string[];
  start: string | undefined;
  end: string | undefined;
  /** In the default view (proposed, active, suspended, or a status that cannot be read). */
  current: boolean;
  /** Proposed or suspended: shown, and marked. */
  attention: boolean;
  members: CareTeamMember[];
  /** How to reach the team as a whole (`CareTeam.telecom`). */
  contacts: Contact[];
  notes: string[];
}

export const CARE_TEAM_STATUSES: Record<string, StatusWords> = lookupTable({
  active: { label: 'Active', current: true, attention: false },
  proposed: { label: 'Proposed', current: true, attention: true },
  suspended: { label: 'Suspended', current: true, attention: true },
  inactive: { label: 'Inactive', current: false, attention: false },
});

function mapMember(
  participant: JsonRecord,
  team: JsonRecord,
  input: ModelInput,
  index: number,
): CareTeamMember {
  const from = team as unknown as Resource;
  const party = resolveParty(participant['member'], from, input, team['subject']);
  const onBehalfOf = resolveParty(participant['onBehalfOf'], from, input, team['subject']);
  const start = validDate(pick(participant, 'period', 'start'));
  const end = validDate(pick(participant, 'period', 'end'));
  return {
    key: `member-${index}`,
    kind: party?.kind ?? 'other',
    name: party?.name,
    roles: uniqueIgnoringCase([...conceptTexts(participant['role']), ...(party?.roles ?? [])]),
    organisation: party?.organisation,
    onBehalfOf: onBehalfOf?.name,
    start,
    end,
    left: isPast(end, input.now),
    contacts: party?.kind === 'patient' ? [] : (party?.contacts ?? []),
  };
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): CareTeamRow {
  const status = statusOf(resource['status'], CARE_TEAM_STATUSES);
  const start = validDate(pick(resource, 'period', 'start'));
  const end = validDate(pick(resource, 'period', 'end'));
  const date = start ?? end ?? validDate(pick(resource, 'meta', 'lastUpdated'));
  return {
    ...baseRow(resource, 'CareTeam', position, input, status, date),
    name: asString(resource['name']),
    categories: conceptTexts(resource['category']),
    reasons: [
      ...conceptTexts(resource['reasonCode']),
      ...asRecords(resource['reasonReference']).flatMap((r) => asString(r['display']) ?? []),
    ],
    start,
    end,
    members: asRecords(resource['participant']).map((p, i) => mapMember(p, resource, input, i)),
    contacts: contactsOf(resource['telecom'], input.now),
    notes: notesOf(resource['note']),
  };
}

function compareRows(a: CareTeamRow, b: CareTeamRow): number {
  const byDate = compareIsoDesc(a.date, b.date);
  if (byDate !== 0) return byDate;
  const byName = (a.name ?? '').localeCompare(b.name ?? '');
  return byName !== 0 ? byName : a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Rows for CareTeam matches, newest first; entered-in-error teams are dropped. */
export const mapCareTeams: RecordModel<CareTeamRow> = (input) =>
  mapMatchesOfType(input, 'CareTeam', (resource, position) => mapOne(resource, input, position)).sort(compareRows);

/** The same role said twice ("Care coordinator", "care coordinator") is shown once. */
function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
