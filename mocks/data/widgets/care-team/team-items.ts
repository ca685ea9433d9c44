import type {
  CareTeam,
  CareTeamParticipant,
  CodeableConcept,
  Coding,
  ContactPoint,
  Organization,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { dateDaysAgo } from '../../../clock.js';
import type { BuiltItem } from '../../medication-items.js';
import { itemMeta, provenanceFor, sourceReference, type SourceLink } from './item-source.js';

export interface TeamSpec {
  id: string;
  patientId: string;
  name?: string;
  status: CareTeam['status'];
  category?: CodeableConcept;
  reason?: CodeableConcept;
  /** Negative values are in the future (e.g. a proposed team's planned start). */
  startDaysAgo?: number;
  endDaysAgo?: number;
  source: SourceLink;
  lastUpdatedHoursAgo: number;
  members: CareTeamParticipant[];
  contained?: Resource[];
  telecom?: ContactPoint[];
  note?: string;
  security?: Coding[];
}

/** LOINC care team categories (R4 care-team-category value set). */
export const TEAM_CATEGORIES = {
  encounter: { coding: [{ system: 'http://loinc.org', code: 'LA27976-2', display: 'Encounter-focused care team' }] },
  episode: { coding: [{ system: 'http://loinc.org', code: 'LA27977-0', display: 'Episode of care-focused care team' }] },
  condition: { coding: [{ system: 'http://loinc.org', code: 'LA27978-8', display: 'Condition-focused care team' }] },
  longitudinal: { coding: [{ system: 'http://loinc.org', code: 'LA28865-6', display: 'Longitudinal care-coordination focused care team' }] },
  community: { coding: [{ system: 'http://loinc.org', code: 'LA28866-4', display: 'Home & Community Based Services (HCBS)-focused care team' }] },
} satisfies Record<string, CodeableConcept>;

export function member(ref: Reference, role: CodeableConcept, onBehalfOf?: Reference): CareTeamParticipant {
  return { role: [role], member: ref as CareTeamParticipant['member'], ...(onBehalfOf ? { onBehalfOf: onBehalfOf as Reference<Organization> } : {}) };
}

export function careTeam(spec: TeamSpec, now: Date): BuiltItem<CareTeam> {
  const managing = sourceReference(spec.source);
  const period = {
    ...(spec.startDaysAgo !== undefined ? { start: dateDaysAgo(now, spec.startDaysAgo) } : {}),
    ...(spec.endDaysAgo !== undefined ? { end: dateDaysAgo(now, spec.endDaysAgo) } : {}),
  };
  const item: CareTeam = {
    resourceType: 'CareTeam',
    id: spec.id,
    meta: itemMeta(spec.source, spec.lastUpdatedHoursAgo, now, spec.security),
    ...(spec.contained ? { contained: spec.contained } : {}),
    status: spec.status,
    ...(spec.category ? { category: [spec.category] } : {}),
    ...(spec.name ? { name: spec.name } : {}),
    subject: { reference: `Patient/${spec.patientId}` },
    ...(Object.keys(period).length > 0 ? { period } : {}),
    participant: spec.members,
    ...(spec.reason ? { reasonCode: [spec.reason] } : {}),
    ...(managing ? { managingOrganization: [managing as Reference<Organization>] } : {}),
    ...(spec.telecom ? { telecom: spec.telecom } : {}),
    ...(spec.note ? { note: [{ text: spec.note }] } : {}),
  };
  const provenance = provenanceFor(spec.source, `CareTeam/${spec.id}`, spec.lastUpdatedHoursAgo, now);
  return provenance ? { item, provenance } : { item };
}
