import type { Extension, Organization, PractitionerRole } from '@medplum/fhirtypes';
import {
  FEED_EXTENSION_URL,
  ODS_ORG_CODE_SYSTEM,
  SOURCE_SYSTEM_IDENTIFIER,
  SOURCE_TYPE_SYSTEM,
  type SourceType,
} from '../../src/fhir/hie-contract.js';
import { hoursAgo } from '../clock.js';

/** Fictional organisations; ODS-shaped codes prefixed X/Y so they are not real organisations' codes. */
export const ORG_IDS = {
  gp: 'org-riverside-medical-practice',
  acuteLive: 'org-riverside-university-hospitals',
  acuteStale: 'org-st-anselms-hospital',
  ambulance: 'org-capital-ambulance-service',
  socialCare: 'org-riverside-adult-social-care',
  community: 'org-riverside-community-health',
  outOfHours: 'org-riverside-111-out-of-hours',
  mentalHealth: 'org-north-east-london-mental-health',
} as const;

export type SourceOrgKey = keyof typeof ORG_IDS;

/**
 * `meta.source` is the URI of the sending system, not a reference: items that name their source
 * only this way show the system's host name, not the organisation's.
 */
export function metaSourceUri(orgId: string): string {
  return `https://${orgId.replace(/^org-/, '')}.example/fhir`;
}

export function orgKeyFromMetaSource(uri: string | undefined): string | undefined {
  const match = uri ? /^https:\/\/([a-z0-9-]+)\.example\/fhir$/.exec(uri) : null;
  return match ? `Organization/org-${match[1]}` : undefined;
}

const SOURCE_TYPE_LABELS: Record<SourceType, string> = {
  gp: 'GP practice',
  acute: 'Acute hospital trust',
  ambulance: 'Ambulance service',
  'social-care': 'Social care',
  community: 'Community services',
  'out-of-hours': 'NHS 111 / out of hours',
  'mental-health': 'Mental health trust',
};

type Feed =
  | { mode: 'live'; lastReceivedHoursAgo: number }
  | { mode: 'batch'; lastReceivedHoursAgo: number; intervalHours: number; schedule: string };

interface SourceOrgSpec {
  name: string;
  odsCode: string;
  type: SourceType;
  feed: Feed;
}

/**
 * St Anselm's batch arrived 20 h ago but is expected every 12 h: it is the stale feed the elements
 * must flag as "may be out of date".
 */
export const SOURCE_ORG_SPECS: Record<SourceOrgKey, SourceOrgSpec> = {
  gp: {
    name: 'Riverside Medical Practice',
    odsCode: 'Y99001',
    type: 'gp',
    feed: { mode: 'batch', lastReceivedHoursAgo: 3, intervalHours: 12, schedule: 'twice daily' },
  },
  acuteLive: {
    name: 'Riverside University Hospitals NHS Trust',
    odsCode: 'X9A',
    type: 'acute',
    feed: { mode: 'live', lastReceivedHoursAgo: 0.1 },
  },
  acuteStale: {
    name: "St Anselm's Hospital NHS Foundation Trust",
    odsCode: 'X9B',
    type: 'acute',
    feed: { mode: 'batch', lastReceivedHoursAgo: 20, intervalHours: 12, schedule: 'twice daily' },
  },
  ambulance: {
    name: 'Capital Ambulance Service NHS Trust',
    odsCode: 'X9C',
    type: 'ambulance',
    feed: { mode: 'live', lastReceivedHoursAgo: 0.5 },
  },
  socialCare: {
    name: 'London Borough of Riverside Adult Social Care',
    odsCode: 'X9D01',
    type: 'social-care',
    feed: { mode: 'batch', lastReceivedHoursAgo: 6, intervalHours: 24, schedule: 'daily at 02:00' },
  },
  community: {
    name: 'Riverside Community Health Services',
    odsCode: 'X9E',
    type: 'community',
    feed: { mode: 'batch', lastReceivedHoursAgo: 2, intervalHours: 12, schedule: 'twice daily' },
  },
  outOfHours: {
    name: 'Riverside NHS 111 and Out of Hours Service',
    odsCode: 'X9F01',
    type: 'out-of-hours',
    feed: { mode: 'live', lastReceivedHoursAgo: 1 },
  },
  mentalHealth: {
    name: 'North East London Mental Health Trust',
    odsCode: 'X9G',
    type: 'mental-health',
    feed: { mode: 'batch', lastReceivedHoursAgo: 5, intervalHours: 12, schedule: 'twice daily' },
  },
};

function feedExtension(feed: Feed, now: Date): Extension {
  const extension: Extension[] = [
    { url: 'mode', valueCode: feed.mode },
    { url: 'lastReceived', valueDateTime: hoursAgo(now, feed.lastReceivedHoursAgo) },
  ];
  if (feed.mode === 'batch') {
    extension.push(
      {
        url: 'expectedInterval',
        valueDuration: {
          value: feed.intervalHours,
          unit: 'h',
          system: 'http://unitsofmeasure.org',
          code: 'h',
        },
      },
      { url: 'schedule', valueString: feed.schedule },
    );
  }
  return { url: FEED_EXTENSION_URL, extension };
}

export function buildSourceOrganisation(key: SourceOrgKey, now: Date): Organization {
  const spec = SOURCE_ORG_SPECS[key];
  return {
    resourceType: 'Organization',
    id: ORG_IDS[key],
    meta: { lastUpdated: hoursAgo(now, 24 * 30) },
    extension: [feedExtension(spec.feed, now)],
    identifier: [
      { system: ODS_ORG_CODE_SYSTEM, value: spec.odsCode },
      { system: SOURCE_SYSTEM_IDENTIFIER, value: metaSourceUri(ORG_IDS[key]) },
    ],
    active: true,
    type: [
      {
        coding: [{ system: SOURCE_TYPE_SYSTEM, code: spec.type, display: SOURCE_TYPE_LABELS[spec.type] }],
      },
    ],
    name: spec.name,
  };
}

export function buildSourceOrganisations(now: Date): Organization[] {
  return (Object.keys(ORG_IDS) as SourceOrgKey[]).map((key) => buildSourceOrganisation(key, now));
}

export const PRACTITIONER_ROLE_IDS = {
  riversideCardiology: 'pr-riverside-cardiology-consultant',
  stAnselmsRespiratory: 'pr-st-anselms-respiratory-registrar',
} as const;

/** Prescribers are sometimes a PractitionerRole; its `organization` names the source. */
export function buildPractitionerRoles(): PractitionerRole[] {
  return [
    {
      resourceType: 'PractitionerRole',
      id: PRACTITIONER_ROLE_IDS.riversideCardiology,
      active: true,
      practitioner: { display: 'Dr Aisha Rahman' },
      organization: { reference: `Organization/${ORG_IDS.acuteLive}` },
      code: [{ text: 'Consultant cardiologist' }],
    },
    {
      resourceType: 'PractitionerRole',
      id: PRACTITIONER_ROLE_IDS.stAnselmsRespiratory,
      active: true,
      practitioner: { display: 'Dr Tomasz Nowak' },
      organization: { reference: `Organization/${ORG_IDS.acuteStale}` },
      code: [{ text: 'Specialty registrar, respiratory medicine' }],
    },
  ];
}
