import type { Resource } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS, MOCK_PATIENTS, toFhirPatient } from '../patients.js';
import { MEDICINES } from './medicines.js';
import { medicationRequest, medicationStatement } from './medication-items.js';
import { buildPractitionerRoles, buildSourceOrganisations, ORG_IDS } from './organisations.js';
import { buildLargeRecord } from './large-record.js';
import { buildRichRecord } from './rich-record.js';
import { addBuilt, emptyRecord, type PatientRecord } from './record.js';
import { addProblems } from './widgets/problems.js';
import { addAllergies } from './widgets/allergies.js';
import { addResults } from './widgets/results.js';
import { addDocuments } from './widgets/documents.js';
import { addAppointments } from './widgets/appointments.js';
import { addEncounters } from './widgets/encounters.js';
import { addCarePlans } from './widgets/care-plans.js';
import { addCareTeam } from './widgets/care-team.js';
import { addImmunisations } from './widgets/immunisations.js';

/** Each widget's items, added to the patients' records (one file per widget under widgets/). */
const WIDGET_CONTRIBUTIONS = [
  addProblems,
  addAllergies,
  addResults,
  addDocuments,
  addAppointments,
  addEncounters,
  addCarePlans,
  addCareTeam,
  addImmunisations,
];

export interface MockDataset {
  builtAt: Date;
  patients: Resource[];
  records: Map<string, PatientRecord>;
  /** Organizations, PractitionerRoles and each record's related resources, by `Type/id`. */
  byReference: Map<string, Resource>;
}

function buildBadHieRecord(now: Date): PatientRecord {
  const patientId = MOCK_PATIENT_IDS.badHie;
  const record = emptyRecord(patientId);
  const gp = { via: 'resource', reference: `Organization/${ORG_IDS.gp}` } as const;
  addBuilt(record, [
    medicationStatement({ id: 'ms-bad-sertraline', patientId, medication: { medicine: MEDICINES.sertraline }, status: 'active', startDaysAgo: 90, source: gp, lastUpdatedHoursAgo: 20 }, now),
    medicationStatement({ id: 'ms-bad-lansoprazole', patientId, medication: { medicine: MEDICINES.lansoprazole }, status: 'active', startDaysAgo: 400, source: gp, lastUpdatedHoursAgo: 20 }, now),
  ]);
  addBuilt(record, [
    medicationRequest({ id: 'mr-bad-doxycycline', patientId, medication: { medicine: MEDICINES.doxycycline }, status: 'completed', startDaysAgo: 30, endDaysAgo: 23, source: { via: 'resource', reference: `Organization/${ORG_IDS.outOfHours}` }, lastUpdatedHoursAgo: 700 }, now),
  ]);
  return record;
}

function buildObjectionRecord(): PatientRecord {
  return { ...emptyRecord(MOCK_PATIENT_IDS.objection), objected: true };
}

function buildDataset(now: Date): MockDataset {
  const records = new Map<string, PatientRecord>(
    [
      buildRichRecord(now),
      buildObjectionRecord(),
      emptyRecord(MOCK_PATIENT_IDS.empty),
      buildLargeRecord(now),
      buildBadHieRecord(now),
    ].map((r) => [r.patientId, r]),
  );
  for (const contribute of WIDGET_CONTRIBUTIONS) contribute(records, now);
  const shared: Resource[] = [...buildSourceOrganisations(now), ...buildPractitionerRoles()];
  for (const record of records.values()) shared.push(...record.related);
  return {
    builtAt: now,
    patients: MOCK_PATIENTS.map((p) => toFhirPatient(p, p.id === MOCK_PATIENT_IDS.objection ? undefined : ORG_IDS.gp)),
    records,
    byReference: new Map(shared.map((r) => [`${r.resourceType}/${r.id}`, r])),
  };
}

/** Rebuilt every few minutes so relative ages (e.g. the 20-hour-old batch feed) hold in a long demo. */
const REBUILD_AFTER_MS = 5 * 60 * 1000;
let cached: MockDataset | undefined;

export function getDataset(now: Date = new Date()): MockDataset {
  if (!cached || now.getTime() - cached.builtAt.getTime() > REBUILD_AFTER_MS) cached = buildDataset(now);
  return cached;
}
