import type { Coding, Meta, Provenance, Reference } from '@medplum/fhirtypes';
import { hoursAgo } from '../../../clock.js';
import type { SourceLink } from '../../medication-items.js';
import { metaSourceUri } from '../../organisations.js';

export type { SourceLink };

export const orgLink = (orgId: string): SourceLink => ({ via: 'resource', reference: `Organization/${orgId}` });
export const roleLink = (roleId: string): SourceLink => ({ via: 'resource', reference: `PractitionerRole/${roleId}` });

export const MENTAL_HEALTH_SECURITY: Coding[] = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY', display: 'psychiatry information sensitivity' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
];

export function itemMeta(source: SourceLink, lastUpdatedHoursAgo: number, now: Date, security?: Coding[]): Meta {
  return {
    lastUpdated: hoursAgo(now, lastUpdatedHoursAgo),
    ...(source.via === 'meta.source' ? { source: metaSourceUri(source.orgId) } : {}),
    ...(security ? { security } : {}),
  };
}

/** The item's own source field (`managingOrganization`, `author`), when it names its source that way. */
export function sourceReference(source: SourceLink): Reference | undefined {
  return source.via === 'resource' ? { reference: source.reference } : undefined;
}

/** A Provenance naming the source, for items that name it no other way (`_revinclude=Provenance:target`). */
export function provenanceFor(source: SourceLink, target: string, recordedHoursAgo: number, now: Date): Provenance | undefined {
  if (source.via !== 'provenance') return undefined;
  return {
    resourceType: 'Provenance',
    id: `prov-${target.replace('/', '-').toLowerCase()}`,
    target: [{ reference: target }],
    recorded: hoursAgo(now, recordedHoursAgo),
    agent: [
      {
        type: {
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'custodian' }],
        },
        who: { reference: `Organization/${source.orgId}` },
      },
    ],
  };
}
