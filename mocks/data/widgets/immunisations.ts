import type { Immunization, Provenance } from '@medplum/fhirtypes';
import { dateDaysAgo, hoursAgo } from '../../clock.js';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import { addBuilt, type PatientRecord } from '../record.js';
import type { BuiltItem } from '../medication-items.js';
import { ORG_IDS, type SourceOrgKey } from '../organisations.js';

const SNOMED = 'http://snomed.info/sct';
const DMD = 'https://dmd.nhs.uk';
const UKCORE_PROCEDURE = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-VaccinationProcedure';
const PERFORMER_FUNCTION = 'http://terminology.hl7.org/CodeSystem/v2-0443';

export const RICH_IMMUNISATION_IDS = {
  fluThisYear: 'imm-rich-gp-flu-this-autumn',
  fluLastYear: 'imm-rich-gp-flu-last-autumn',
  covidBooster: 'imm-rich-community-covid-booster',
  pneumococcal: 'imm-rich-gp-pneumococcal',
  tetanus: 'imm-rich-rvh-tetanus',
  shingles: 'imm-rich-gp-shingles-declined',
  childhoodMmr: 'imm-rich-gp-mmr-historical',
  wrongPatient: 'imm-rich-gp-flu-entered-in-error',
} as const;

interface ImmunisationSpec {
  id: string;
  patientId: string;
  vaccine: { code: string; display: string; system?: string };
  procedure?: { code: string; display: string };
  status: Immunization['status'];
  /** `occurrenceDateTime` as sent: a day, a month ("2019-11") or a year. */
  occurred: string;
  org: SourceOrgKey;
  /** Named by the performer (default), or only by a Provenance. */
  via?: 'performer' | 'provenance';
  giver?: string;
  lastUpdatedHoursAgo: number;
  extra?: Partial<Immunization>;
}

function immunisation(spec: ImmunisationSpec, now: Date): BuiltItem<Immunization> {
  const organisation = { reference: `Organization/${ORG_IDS[spec.org]}` };
  // The person who gave it is named only by display (their Practitioner is not sent), as GP systems do.
  const giver = spec.giver
    ? { function: { coding: [{ system: PERFORMER_FUNCTION, code: 'AP', display: 'Administering Provider' }] }, actor: { reference: `Practitioner/${spec.id}-giver`, display: spec.giver } }
    : undefined;
  const performer: Immunization['performer'] = [
    ...(spec.via === 'provenance' ? [] : [{ actor: organisation }]),
    ...(giver ? [giver] : []),
  ];
  const item: Immunization = {
    resourceType: 'Immunization',
    id: spec.id,
    meta: { lastUpdated: hoursAgo(now, spec.lastUpdatedHoursAgo) },
    ...(spec.procedure
      ? { extension: [{ url: UKCORE_PROCEDURE, valueCodeableConcept: { coding: [{ system: SNOMED, ...spec.procedure }] } }] }
      : {}),
    status: spec.status,
    vaccineCode: { coding: [{ system: spec.vaccine.system ?? DMD, code: spec.vaccine.code, display: spec.vaccine.display }] },
    patient: { reference: `Patient/${spec.patientId}` },
    occurrenceDateTime: spec.occurred,
    recorded: spec.occurred.length === 10 ? spec.occurred : undefined,
    ...(performer.length ? { performer } : {}),
    ...spec.extra,
  };
  if (spec.via !== 'provenance') return { item };
  const provenance: Provenance = {
    resourceType: 'Provenance',
    id: `prov-${spec.id}`,
    target: [{ reference: `Immunization/${spec.id}` }],
    recorded: hoursAgo(now, spec.lastUpdatedHoursAgo),
    agent: [{ who: organisation }],
  };
  return { item, provenance };
}

const site = (code: string, display: string) => ({ coding: [{ system: SNOMED, code, display }] });
const IM = { coding: [{ system: SNOMED, code: '78421000', display: 'Intramuscular' }] };
const LEFT_DELTOID = site('368208006', 'Left upper arm structure');
const RIGHT_DELTOID = site('368209003', 'Right upper arm structure');

/** The rich patient's vaccinations: GP, community (covid), hospital (tetanus after a wound), and a declined one. */
function richImmunisations(now: Date): BuiltItem<Immunization>[] {
  const patientId = MOCK_PATIENT_IDS.rich;
  const ids = RICH_IMMUNISATION_IDS;
  const flu = { code: '40392911000001103', display: 'Adjuvanted trivalent influenza vaccine (surface antigen, inactivated) suspension for injection 0.5ml pre-filled syringes' };
  const fluProcedure = { code: '822851000000102', display: 'Seasonal influenza vaccination' };
  const protocol = (dose: number, disease: string, code: string, series?: string, of?: number) => ({
    protocolApplied: [
      {
        ...(series ? { series } : {}),
        targetDisease: [{ coding: [{ system: SNOMED, code, display: disease }] }],
        doseNumberPositiveInt: dose,
        ...(of ? { seriesDosesPositiveInt: of } : {}),
      },
    ],
  });
  return [
    immunisation({ id: ids.fluThisYear, patientId, vaccine: flu, procedure: fluProcedure, status: 'completed', occurred: dateDaysAgo(now, 38), org: 'gp', giver: 'Nurse Jo Patel', lastUpdatedHoursAgo: 20,
      extra: { site: LEFT_DELTOID, route: IM, lotNumber: 'FLU24-8812A', expirationDate: dateDaysAgo(now, -120), doseQuantity: { value: 0.5, unit: 'ml' }, primarySource: true, ...protocol(1, 'Influenza', '6142004', 'Seasonal influenza 2026/27') } }, now),
    immunisation({ id: ids.fluLastYear, patientId, vaccine: flu, procedure: fluProcedure, status: 'completed', occurred: dateDaysAgo(now, 400), org: 'gp', giver: 'Nurse Jo Patel', lastUpdatedHoursAgo: 20,
      extra: { site: RIGHT_DELTOID, route: IM, lotNumber: 'FLU23-4410C', primarySource: true, ...protocol(1, 'Influenza', '6142004', 'Seasonal influenza 2025/26') } }, now),
    immunisation({ id: ids.covidBooster, patientId, vaccine: { code: '43111411000001101', display: 'Comirnaty JN.1 COVID-19 mRNA Vaccine 30micrograms/0.3ml dose dispersion for injection multidose vials (Pfizer Ltd)' },
      procedure: { code: '1362591000000103', display: 'Immunisation course to maintain protection against SARS-CoV-2' }, status: 'completed', occurred: `${dateDaysAgo(now, 70)}T10:15:00Z`, org: 'community', via: 'provenance', giver: 'Vaccinator Sam Okafor', lastUpdatedHoursAgo: 3,
      extra: { site: LEFT_DELTOID, route: IM, lotNumber: 'HE7732', primarySource: true, ...protocol(7, 'COVID-19', '840539006', 'COVID-19 autumn booster') } }, now),
    immunisation({ id: ids.pneumococcal, patientId, vaccine: { code: '22551111000001107', display: 'Pneumovax 23 vaccine solution for injection 0.5ml pre-filled syringes (Merck Sharp & Dohme (UK) Ltd)' }, status: 'completed', occurred: dateDaysAgo(now, 1900).slice(0, 7), org: 'gp', lastUpdatedHoursAgo: 20,
      extra: { primarySource: true, ...protocol(1, 'Pneumococcal infectious disease', '16814004', undefined, 1) } }, now),
    immunisation({ id: ids.tetanus, patientId, vaccine: { code: '3581111000001101', display: 'Revaxis vaccine suspension for injection 0.5ml pre-filled syringes (Sanofi Pasteur)' }, status: 'completed', occurred: dateDaysAgo(now, 800), org: 'acuteStale', giver: 'Staff Nurse Priya Raman', lastUpdatedHoursAgo: 21,
      extra: { site: LEFT_DELTOID, route: IM, lotNumber: 'R3X051', primarySource: true, note: [{ text: 'Given in the emergency department after a contaminated hand wound' }], ...protocol(5, 'Tetanus', '76902006') } }, now),
    immunisation({ id: ids.shingles, patientId, vaccine: { code: '38737511000001105', display: 'Shingrix vaccine powder and suspension for suspension for injection 0.5ml vials (GlaxoSmithKline UK Ltd)' }, status: 'not-done', occurred: dateDaysAgo(now, 150), org: 'gp', lastUpdatedHoursAgo: 20,
      extra: { statusReason: { coding: [{ system: SNOMED, code: '591000119102', display: 'Vaccine refused by patient' }], text: 'Declined by the patient: wishes to discuss with family first' } } }, now),
    immunisation({ id: ids.childhoodMmr, patientId, vaccine: { code: '38598009', display: 'Measles, mumps and rubella vaccine', system: SNOMED }, status: 'completed', occurred: '1973', org: 'gp', lastUpdatedHoursAgo: 20,
      extra: { primarySource: false, reportOrigin: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/immunization-origin', code: 'record', display: 'Written Record' }], text: 'Parent-held child health record (red book)' } } }, now),
    immunisation({ id: ids.wrongPatient, patientId, vaccine: flu, status: 'entered-in-error', occurred: dateDaysAgo(now, 39), org: 'gp', lastUpdatedHoursAgo: 20 }, now),
  ];
}

/** A long history for the large patient (several pages): a yearly flu vaccine from the GP, for decades. */
export const LARGE_IMMUNISATION_COUNT = 420;
function largeImmunisations(now: Date): BuiltItem<Immunization>[] {
  const patientId = MOCK_PATIENT_IDS.large;
  const vaccine = { code: '6142004', display: 'Influenza vaccine', system: SNOMED };
  return Array.from({ length: LARGE_IMMUNISATION_COUNT }, (_, i) =>
    immunisation({ id: `imm-large-${i}`, patientId, vaccine, status: 'completed', occurred: dateDaysAgo(now, 30 + i * 29), org: 'gp', lastUpdatedHoursAgo: 20 }, now),
  );
}

/** Immunizations for the rich patient (one withheld at source) and the large one; the others have none. */
export function addImmunisations(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richImmunisations(now));
    rich.notices['Immunization'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-immunizations')];
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeImmunisations(now));
}
