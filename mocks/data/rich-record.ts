import type { Medication } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../patients.js';
import { withheldOutcome } from '../fhir/outcomes.js';
import { MEDICINES, medicineConcept } from './medicines.js';
import { medicationRequest, medicationStatement, type MedicationItemSpec, type SourceLink } from './medication-items.js';
import { ORG_IDS, PRACTITIONER_ROLE_IDS } from './organisations.js';
import { addBuilt, emptyRecord, type PatientRecord } from './record.js';

const patientId = MOCK_PATIENT_IDS.rich;

const org = (id: string): SourceLink => ({ via: 'resource', reference: `Organization/${id}` });
const role = (id: string): SourceLink => ({ via: 'resource', reference: `PractitionerRole/${id}` });

export const RICH_INCLUDED_MEDICATION_ID = 'med-salbutamol-inhaler';

type Spec = Omit<MedicationItemSpec, 'patientId'>;

/** GP record (informationSource → Organization), incl. the included, contained and entered-in-error cases. */
const gpStatements: Spec[] = [
  { id: 'ms-rich-ramipril', medication: { medicine: MEDICINES.ramipril }, status: 'active', startDaysAgo: 2900, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
  { id: 'ms-rich-atorvastatin', medication: { medicine: MEDICINES.atorvastatin }, status: 'active', startDaysAgo: 1500, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
  { id: 'ms-rich-metformin', medication: { medicine: MEDICINES.metformin }, status: 'active', startDaysAgo: 1100, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
  { id: 'ms-rich-omeprazole', medication: { medicine: MEDICINES.omeprazole }, status: 'active', startDaysAgo: 700, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
  { id: 'ms-rich-amlodipine', medication: { medicine: MEDICINES.amlodipine }, status: 'stopped', startDaysAgo: 900, endDaysAgo: 120, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 2880, statusReason: 'Ankle swelling' },
  { id: 'ms-rich-amoxicillin', medication: { medicine: MEDICINES.amoxicillin }, status: 'completed', startDaysAgo: 60, endDaysAgo: 55, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 1300 },
  { id: 'ms-rich-simvastatin', medication: { medicine: MEDICINES.simvastatin }, status: 'entered-in-error', startDaysAgo: 1500, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 1400, note: 'Entered in error: duplicate of the statin entry' },
  { id: 'ms-rich-salbutamol', medication: { medicationId: RICH_INCLUDED_MEDICATION_ID }, dose: MEDICINES.salbutamol.dose, status: 'active', startDaysAgo: 2000, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
  { id: 'ms-rich-levothyroxine', medication: { contained: MEDICINES.levothyroxine }, status: 'active', startDaysAgo: 400, source: org(ORG_IDS.gp), lastUpdatedHoursAgo: 30 },
];

/** Items from the other sources, each naming its source a different way. */
const otherStatements: Spec[] = [
  { id: 'ms-rich-aspirin-300', medication: { medicine: MEDICINES.aspirinDispersible }, status: 'completed', startDaysAgo: 9, endDaysAgo: 9, source: { via: 'meta.source', orgId: ORG_IDS.ambulance }, lastUpdatedHoursAgo: 215, note: 'Given by ambulance crew for chest pain' },
  { id: 'ms-rich-gtn-spray', medication: { medicine: MEDICINES.gtnSpray }, status: 'completed', startDaysAgo: 9, endDaysAgo: 9, source: { via: 'meta.source', orgId: ORG_IDS.ambulance }, lastUpdatedHoursAgo: 215, dose: 'Two sprays under the tongue, given once by ambulance crew' },
  { id: 'ms-rich-donepezil', medication: { medicine: MEDICINES.donepezil }, status: 'active', startDaysAgo: 300, source: org(ORG_IDS.socialCare), lastUpdatedHoursAgo: 8, note: 'From the care home medication administration record' },
  { id: 'ms-rich-macrogol', medication: { medicine: MEDICINES.macrogol }, status: 'active', startDaysAgo: 45, source: { via: 'provenance', orgId: ORG_IDS.community }, lastUpdatedHoursAgo: 4 },
  { id: 'ms-rich-sertraline', medication: { medicine: MEDICINES.sertraline }, status: 'active', startDaysAgo: 200, source: { via: 'provenance', orgId: ORG_IDS.mentalHealth }, lastUpdatedHoursAgo: 7 },
  { id: 'ms-rich-mirtazapine', medication: { medicine: MEDICINES.mirtazapine }, status: 'stopped', startDaysAgo: 400, endDaysAgo: 200, source: { via: 'provenance', orgId: ORG_IDS.mentalHealth }, lastUpdatedHoursAgo: 4800, statusReason: 'Changed to sertraline' },
  { id: 'ms-rich-paracetamol', medication: { medicine: MEDICINES.paracetamol }, status: 'active', startDaysAgo: 30, source: { via: 'none' }, lastUpdatedHoursAgo: 100, note: 'Patient reports buying over the counter' },
];

const requests: Spec[] = [
  { id: 'mr-rich-omeprazole', medication: { medicine: MEDICINES.omeprazole }, status: 'active', startDaysAgo: 10, source: org(ORG_IDS.acuteLive), lastUpdatedHoursAgo: 0.5 },
  { id: 'mr-rich-apixaban', medication: { medicine: MEDICINES.apixaban }, status: 'active', startDaysAgo: 8, source: role(PRACTITIONER_ROLE_IDS.riversideCardiology), lastUpdatedHoursAgo: 0.5, note: 'New atrial fibrillation. Started on admission' },
  { id: 'mr-rich-bisoprolol', medication: { medicine: MEDICINES.bisoprolol }, status: 'active', startDaysAgo: 8, source: role(PRACTITIONER_ROLE_IDS.riversideCardiology), lastUpdatedHoursAgo: 0.5 },
  { id: 'mr-rich-cocodamol', medication: { medicine: MEDICINES.cocodamol }, status: 'completed', startDaysAgo: 8, endDaysAgo: 3, source: org(ORG_IDS.acuteLive), lastUpdatedHoursAgo: 70 },
  { id: 'mr-rich-enoxaparin', medication: { medicine: MEDICINES.enoxaparin }, status: 'stopped', startDaysAgo: 9, endDaysAgo: 8, source: org(ORG_IDS.acuteLive), lastUpdatedHoursAgo: 190, statusReason: 'Switched to apixaban' },
  { id: 'mr-rich-furosemide', medication: { medicine: MEDICINES.furosemide }, status: 'active', startDaysAgo: 40, source: role(PRACTITIONER_ROLE_IDS.stAnselmsRespiratory), lastUpdatedHoursAgo: 21 },
  { id: 'mr-rich-prednisolone', medication: { medicine: MEDICINES.prednisolone }, status: 'completed', startDaysAgo: 40, endDaysAgo: 22, source: org(ORG_IDS.acuteStale), lastUpdatedHoursAgo: 21 },
  { id: 'mr-rich-nitrofurantoin', medication: { medicine: MEDICINES.nitrofurantoin }, status: 'completed', startDaysAgo: 20, endDaysAgo: 17, source: org(ORG_IDS.outOfHours), lastUpdatedHoursAgo: 480 },
  { id: 'mr-rich-colecalciferol', medication: { medicine: MEDICINES.colecalciferol }, status: 'active', startDaysAgo: 150, source: { via: 'none' }, lastUpdatedHoursAgo: 2000 },
];

function includedMedication(): Medication {
  return {
    resourceType: 'Medication',
    id: RICH_INCLUDED_MEDICATION_ID,
    code: medicineConcept(MEDICINES.salbutamol),
    form: { text: 'Pressurised inhalation' },
  };
}

export function buildRichRecord(now: Date): PatientRecord {
  const record = emptyRecord(patientId);
  addBuilt(record, [...gpStatements, ...otherStatements].map((s) => medicationStatement({ ...s, patientId }, now)));
  addBuilt(record, requests.map((s) => medicationRequest({ ...s, patientId }, now)));
  record.related.push(includedMedication());
  record.notices['MedicationStatement'] = [withheldOutcome(2, 'sensitive', 'withheld-rich-medication-statements')];
  record.redactedTypes.push('MedicationStatement');
  return record;
}
