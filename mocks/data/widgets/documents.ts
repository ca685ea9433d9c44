import type { Resource } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { ORG_IDS } from '../organisations.js';
import { addBuilt, type PatientRecord } from '../record.js';
import type { BuiltItem } from '../medication-items.js';
import { base64Text } from './documents/encoding.js';
import { documentReference, DOCUMENT_TYPES, textAttachment } from './documents/builders.js';
import { largeDocuments } from './documents/large.js';
import { richBinaries, richDocuments, richPractitioners } from './documents/rich.js';

function badHieDocuments(now: Date): BuiltItem<Resource>[] {
  const patientId = MOCK_PATIENT_IDS.badHie;
  return [
    documentReference(
      {
        id: 'doc-bad-gp-letter',
        patientId,
        description: 'GP referral letter: dermatology',
        type: DOCUMENT_TYPES.referralNote,
        status: 'current',
        docStatus: 'final',
        dateHoursAgo: 24 * 30,
        source: { via: 'resource', reference: `Organization/${ORG_IDS.gp}` },
        lastUpdatedHoursAgo: 24 * 30,
        content: [textAttachment('text/plain', base64Text('Referral to dermatology: changing pigmented lesion on the left forearm.'))],
      },
      now,
    ),
    documentReference(
      {
        id: 'doc-bad-111-report',
        patientId,
        description: 'NHS 111 encounter report',
        type: DOCUMENT_TYPES.encounterReport,
        status: 'current',
        dateHoursAgo: 24 * 60,
        source: { via: 'resource', reference: `Organization/${ORG_IDS.outOfHours}` },
        lastUpdatedHoursAgo: 24 * 60,
        content: [textAttachment('text/plain', base64Text('Called 111 with a sore throat; self-care advice given.'))],
      },
      now,
    ),
  ];
}

/**
 * Documents for the mock patients: the rich record's letters, reports and summaries from every
 * source (HTML, text, inline and HIE-hosted PDFs, one held on another server, one Composition),
 * 320 documents for the large record and two for the misbehaving HIE's patient.
 */
export function addDocuments(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richDocuments(now));
    rich.related.push(...richPractitioners(), ...richBinaries());
    rich.notices['DocumentReference'] = [withheldOutcome(1, 'a restricted mental health document')];
    rich.redactedTypes.push('DocumentReference');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeDocuments(now));
  const badHie = records.get(MOCK_PATIENT_IDS.badHie);
  if (badHie) addBuilt(badHie, badHieDocuments(now));
}
