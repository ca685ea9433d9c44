import type { Meta, Patient, Practitioner, PractitionerRole, Provenance, Reference, RelatedPerson } from '@medplum/fhirtypes';

/** Who may record a Condition or an AllergyIntolerance. */
export type RecorderReference = Reference<Patient | Practitioner | PractitionerRole | RelatedPerson>;
import { hoursAgo } from '../../../clock.js';
import { metaSourceUri, ORG_IDS, type SourceOrgKey } from '../../organisations.js';
import { practitionerId, roleId } from './clinicians.js';

/**
 * How a problem or allergy names its source: its recorder's PractitionerRole (or a shared role id),
 * `meta.source`, a Provenance, or nothing. Only the first names an organisation through the item
 * itself; with the others the recorder, if any, is a Practitioner with no organisation.
 */
export type ItemSource =
  | { via: 'recorder'; org: SourceOrgKey }
  | { via: 'role'; roleId: string }
  | { via: 'meta.source'; org: SourceOrgKey; recorder?: boolean }
  | { via: 'provenance'; org: SourceOrgKey; recorder?: boolean }
  | { via: 'none' };

export function recorderOf(source: ItemSource): RecorderReference | undefined {
  switch (source.via) {
    case 'recorder':
      return { reference: `PractitionerRole/${roleId(source.org)}` };
    case 'role':
      return { reference: `PractitionerRole/${source.roleId}` };
    case 'meta.source':
    case 'provenance':
      return source.recorder === false ? undefined : { reference: `Practitioner/${practitionerId(source.org)}` };
    default:
      return undefined;
  }
}

export function metaOf(source: ItemSource, now: Date, lastUpdatedHoursAgo: number, security?: Meta['security']): Meta {
  return {
    lastUpdated: hoursAgo(now, lastUpdatedHoursAgo),
    ...(source.via === 'meta.source' ? { source: metaSourceUri(ORG_IDS[source.org]) } : {}),
    ...(security ? { security } : {}),
  };
}

export function provenanceOf(source: ItemSource, target: string, now: Date, recordedHoursAgo: number): Provenance | undefined {
  if (source.via !== 'provenance') return undefined;
  return {
    resourceType: 'Provenance',
    id: `prov-${target.replace('/', '-').toLowerCase()}`,
    target: [{ reference: target }],
    recorded: hoursAgo(now, recordedHoursAgo),
    agent: [
      {
        type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'author' }] },
        who: { reference: `Practitioner/${practitionerId(source.org)}` },
        onBehalfOf: { reference: `Organization/${ORG_IDS[source.org]}` },
      },
    ],
  };
}
