import type { Resource } from '@medplum/fhirtypes';
import { seededRandom } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import { ORG_IDS } from '../../organisations.js';
import type { BuiltItem, SourceLink } from '../../medication-items.js';
import { base64Text } from './encoding.js';
import { documentReference, DOCUMENT_TYPES, textAttachment, type DocumentType } from './builders.js';

export const LARGE_DOCUMENT_COUNT = 320;

const KINDS: { type: DocumentType; text: string; org: string }[] = [
  { type: DOCUMENT_TYPES.dischargeSummary, text: 'Discharge summary', org: ORG_IDS.acuteLive },
  { type: DOCUMENT_TYPES.consultationReport, text: 'Clinic letter', org: ORG_IDS.acuteStale },
  { type: DOCUMENT_TYPES.radiologyReport, text: 'Radiology report', org: ORG_IDS.acuteLive },
  { type: DOCUMENT_TYPES.encounterReport, text: 'Ambulance patient report', org: ORG_IDS.ambulance },
  { type: DOCUMENT_TYPES.encounterReport, text: 'NHS 111 encounter report', org: ORG_IDS.outOfHours },
  { type: DOCUMENT_TYPES.recordArtifact, text: 'Social care review', org: ORG_IDS.socialCare },
  { type: DOCUMENT_TYPES.encounterReport, text: 'District nursing visit summary', org: ORG_IDS.community },
  { type: DOCUMENT_TYPES.consultationReport, text: 'Memory clinic letter', org: ORG_IDS.mentalHealth },
  { type: DOCUMENT_TYPES.referralNote, text: 'GP referral letter', org: ORG_IDS.gp },
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sourceFor(random: () => number, orgId: string): SourceLink {
  const roll = random();
  if (roll < 0.85) return { via: 'resource', reference: `Organization/${orgId}` };
  if (roll < 0.92) return { via: 'meta.source', orgId };
  if (roll < 0.97) return { via: 'provenance', orgId };
  return { via: 'none' };
}

/** 320 letters and reports over 15 years; about nine in ten current, the rest superseded or in error. */
export function largeDocuments(now: Date): BuiltItem<Resource>[] {
  const random = seededRandom(20261124);
  const patientId = MOCK_PATIENT_IDS.large;
  return Array.from({ length: LARGE_DOCUMENT_COUNT }, (_, i) => {
    const kind = pick(random, KINDS);
    const daysAgo = 1 + Math.floor(random() * 365 * 15);
    const roll = random();
    const status = roll < 0.9 ? 'current' : roll < 0.98 ? 'superseded' : 'entered-in-error';
    const docRoll = random();
    const n = String(i + 1).padStart(4, '0');
    return documentReference(
      {
        id: `doc-large-${n}`,
        patientId,
        description: `${kind.text} ${n}`,
        type: kind.type,
        typeText: kind.text,
        status,
        docStatus: docRoll < 0.85 ? 'final' : docRoll < 0.95 ? 'amended' : 'preliminary',
        dateHoursAgo: daysAgo * 24,
        source: sourceFor(random, kind.org),
        lastUpdatedHoursAgo: daysAgo * 24 - 1,
        content: [textAttachment('text/plain; charset=utf-8', base64Text(`${kind.text} ${n} for Mr Desmond Hartigan-Moss. Synthetic test letter.`))],
      },
      now,
    );
  });
}
