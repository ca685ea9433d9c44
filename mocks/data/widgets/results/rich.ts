import type { PatientRecord } from '../../record.js';
import type { SourceLink } from '../../medication-items.js';
import { ORG_IDS, PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { withheldOutcome } from '../../../fhir/outcomes.js';
import { concept, observation, type ObservationSpec } from './builders.js';
import { addReports, addResultItems, reportWithResults } from './panels.js';
import { REPORTS, TESTS } from './tests.js';
import { base64Text, simplePdf } from '../documents/encoding.js';
import { RICH_BINARY_IDS } from '../documents/rich.js';

/** Radiology reports as Oracle Health and most radiology systems send them: the text only in presentedForm. */
export const RICH_IMAGING_REPORT_IDS = { chestXray: 'dr-rich-rvh-chest-xray-9d', ctHead: 'dr-rich-sta-ct-head-40d' } as const;
export const CHEST_XRAY_REPORT_LINES = [
  'Examination: XR Chest PA, 2 views.',
  'Findings: heart size normal. Lungs clear. No pleural effusion.',
  'Conclusion: no acute cardiopulmonary abnormality.',
];
export const CT_HEAD_REPORT_TEXT = 'CT head without contrast.\nNo intracranial haemorrhage, mass or infarct.\nConclusion: normal study.';

const DAY = 24;
const org = (id: string): SourceLink => ({ via: 'resource', reference: `Organization/${id}` });
const gp = org(ORG_IDS.gp);
const riverside = org(ORG_IDS.acuteLive);
const cardiology: SourceLink = { via: 'resource', reference: `PractitionerRole/${PRACTITIONER_ROLE_IDS.riversideCardiology}` };
const stAnselms = org(ORG_IDS.acuteStale);

type Spec = Omit<ObservationSpec, 'patientId'>;

/**
 * Mrs Ellwood's results: GP monitoring on ramipril and furosemide (potassium and renal function
 * drifting), an admission to Riverside 9 days ago (critical potassium, amended FBC, troponin, a
 * preliminary urine culture), a stale St Anselm's respiratory admission 40 days ago, ambulance,
 * care-home, district-nurse, 111 and mental health trust observations, and one with no source.
 */
function standalone(): Spec[] {
  return [
    { id: 'obs-rich-gp-hba1c-400d', test: TESTS.hba1c, value: { number: 62 }, takenHoursAgo: 400 * DAY, source: gp, lastUpdatedHoursAgo: 399 * DAY },
    { id: 'obs-rich-gp-hba1c-220d', test: TESTS.hba1c, value: { number: 58 }, takenHoursAgo: 220 * DAY, source: gp, lastUpdatedHoursAgo: 219 * DAY },
    { id: 'obs-rich-gp-hba1c-35d', test: TESTS.hba1c, value: { number: 55 }, takenHoursAgo: 35 * DAY, source: gp, lastUpdatedHoursAgo: 34 * DAY },
    // The same HbA1c, copied to the St Anselm's diabetes clinic record: one result, two sources.
    { id: 'obs-rich-sta-hba1c-35d', test: TESTS.hba1c, value: { number: 55 }, takenHoursAgo: 35 * DAY, source: stAnselms, lastUpdatedHoursAgo: 21 },
    { id: 'obs-rich-gp-tsh-35d', test: TESTS.tsh, value: { number: 2.1 }, takenHoursAgo: 35 * DAY, source: gp, lastUpdatedHoursAgo: 34 * DAY },
    {
      id: 'obs-rich-gp-bp-35d', test: TESTS.bloodPressure, takenHoursAgo: 35 * DAY, source: gp, lastUpdatedHoursAgo: 35 * DAY,
      components: [{ test: TESTS.systolic, value: { number: 150 } }, { test: TESTS.diastolic, value: { number: 88 } }],
    },
    { id: 'obs-rich-gp-weight-35d', test: TESTS.weight, value: { number: 61.2 }, takenHoursAgo: 35 * DAY, source: gp, lastUpdatedHoursAgo: 35 * DAY },
    { id: 'obs-rich-gp-b12-30d', test: TESTS.vitaminB12, status: 'cancelled', takenHoursAgo: 30 * DAY, source: gp, lastUpdatedHoursAgo: 29 * DAY, note: 'Sample not received by the laboratory' },
    { id: 'obs-rich-gp-weight-eie', test: TESTS.weight, value: { number: 16.2 }, status: 'entered-in-error', takenHoursAgo: 35 * DAY, source: gp, lastUpdatedHoursAgo: 34 * DAY, note: 'Entered in error: typing error' },

    { id: 'obs-rich-rvh-k-haemolysed-9d', test: TESTS.potassium, value: { absent: 'Sample haemolysed' }, takenHoursAgo: 9 * DAY, source: riverside, lastUpdatedHoursAgo: 9 * DAY },
    { id: 'obs-rich-rvh-trop-8d', test: TESTS.troponin, value: { number: 38 }, takenHoursAgo: 8 * DAY + 6, source: riverside, lastUpdatedHoursAgo: 8 * DAY },
    { id: 'obs-rich-rvh-trop-8d-3h', test: TESTS.troponin, value: { number: 41 }, status: 'corrected', takenHoursAgo: 8 * DAY + 3, source: riverside, lastUpdatedHoursAgo: 7 * DAY, note: 'Corrected: first reported against the wrong sample time' },
    { id: 'obs-rich-rvh-crp-6d', test: TESTS.crp, value: { number: 5, comparator: '<', flag: 'N' }, takenHoursAgo: 6 * DAY, source: riverside, lastUpdatedHoursAgo: 6 * DAY },
    { id: 'obs-rich-rvh-vitals-8d', test: TESTS.vitalSignsPanel, takenHoursAgo: 8 * DAY, source: riverside, lastUpdatedHoursAgo: 8 * DAY, members: ['obs-rich-rvh-vitals-8d-temp', 'obs-rich-rvh-vitals-8d-hr', 'obs-rich-rvh-vitals-8d-rr', 'obs-rich-rvh-vitals-8d-spo2'] },
    { id: 'obs-rich-rvh-vitals-8d-temp', test: TESTS.temperature, value: { number: 37.4 }, takenHoursAgo: 8 * DAY, source: riverside, lastUpdatedHoursAgo: 8 * DAY },
    { id: 'obs-rich-rvh-vitals-8d-hr', test: TESTS.heartRate, value: { number: 112, flag: 'H' }, takenHoursAgo: 8 * DAY, source: riverside, lastUpdatedHoursAgo: 8 * DAY },
    { id: 'obs-rich-rvh-vitals-8d-rr', test: TESTS.respiratoryRate, value: { number: 22, flag: 'H' }, takenHoursAgo: 8 * DAY, source: riverside, lastUpdatedHoursAgo: 8 * DAY },
    { id: 'obs-rich-rvh-vitals-8d-spo2', test: TESTS.oxygenSaturation, value: { number: 95 }, takenHoursAgo: 8 * DAY, source: riverside, lastUpdatedHoursAgo: 8 * DAY },

    { id: 'obs-rich-sta-crp-40d', test: TESTS.crp, value: { number: 86 }, takenHoursAgo: 40 * DAY, source: stAnselms, lastUpdatedHoursAgo: 21 },
    // A number sent without its unit: the widget must say so.
    { id: 'obs-rich-sta-magnesium-40d', test: TESTS.magnesium, value: { number: 0.62, noUnit: true }, takenHoursAgo: 40 * DAY, source: stAnselms, lastUpdatedHoursAgo: 21 },

    {
      id: 'obs-rich-amb-bp-9d', test: TESTS.bloodPressure, takenHoursAgo: 9 * DAY, source: { via: 'meta.source', orgId: ORG_IDS.ambulance }, lastUpdatedHoursAgo: 215,
      components: [{ test: TESTS.systolic, value: { number: 168 } }, { test: TESTS.diastolic, value: { number: 96 } }],
    },
    { id: 'obs-rich-amb-hr-9d', test: TESTS.heartRate, value: { number: 118 }, takenHoursAgo: 9 * DAY, source: { via: 'meta.source', orgId: ORG_IDS.ambulance }, lastUpdatedHoursAgo: 215, note: 'Irregularly irregular' },
    { id: 'obs-rich-amb-glucose-9d', test: TESTS.capillaryGlucose, value: { number: 8.4 }, takenHoursAgo: 9 * DAY, source: { via: 'meta.source', orgId: ORG_IDS.ambulance }, lastUpdatedHoursAgo: 215 },

    { id: 'obs-rich-sc-weight-60d', test: TESTS.weight, value: { number: 62 }, takenHoursAgo: 60 * DAY, source: org(ORG_IDS.socialCare), lastUpdatedHoursAgo: 59 * DAY, note: 'Care home monthly weight' },
    { id: 'obs-rich-sc-weight-5d', test: TESTS.weight, value: { number: 60.1 }, takenHoursAgo: 5 * DAY, source: org(ORG_IDS.socialCare), lastUpdatedHoursAgo: 8, note: 'Care home monthly weight' },

    { id: 'obs-rich-com-glucose-2d', test: TESTS.capillaryGlucose, value: { number: 7.2 }, takenHoursAgo: 2 * DAY, source: { via: 'provenance', orgId: ORG_IDS.community }, lastUpdatedHoursAgo: 4 },
    {
      id: 'obs-rich-com-bp-2d', test: TESTS.bloodPressure, takenHoursAgo: 2 * DAY, source: { via: 'provenance', orgId: ORG_IDS.community }, lastUpdatedHoursAgo: 4,
      components: [{ test: TESTS.systolic, value: { number: 132 } }, { test: TESTS.diastolic, value: { number: 78 } }],
    },

    { id: 'obs-rich-ooh-temp-20d', test: TESTS.temperature, value: { number: 38.3, flag: 'H' }, takenHoursAgo: 20 * DAY, source: org(ORG_IDS.outOfHours), lastUpdatedHoursAgo: 480 },
    {
      id: 'obs-rich-ooh-leucocytes-20d', test: TESTS.urineLeucocytes, value: { concept: concept('167585009', 'Urine leukocyte test = ++', 'Leucocytes ++'), flag: 'A' },
      takenHoursAgo: 20 * DAY, source: org(ORG_IDS.outOfHours), lastUpdatedHoursAgo: 480,
    },

    {
      id: 'obs-rich-mh-sodium-60d', test: TESTS.sodium, value: { number: 131 }, takenHoursAgo: 60 * DAY, source: { via: 'provenance', orgId: ORG_IDS.mentalHealth }, lastUpdatedHoursAgo: 7,
      note: 'Sodium monitoring on sertraline', security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }],
    },
    { id: 'obs-rich-mh-bmi-60d', test: TESTS.bmi, value: { number: 23.1 }, takenHoursAgo: 60 * DAY, source: { via: 'provenance', orgId: ORG_IDS.mentalHealth }, lastUpdatedHoursAgo: 7 },

    { id: 'obs-rich-nosource-temp-1d', test: TESTS.temperature, value: { number: 36.8 }, takenHoursAgo: 1 * DAY, source: { via: 'none' }, lastUpdatedHoursAgo: 20 },
  ];
}

function ue(values: [number, number, number, number]) {
  const [na, k, creatinine, egfr] = values;
  return [
    { suffix: 'na', test: TESTS.sodium, value: { number: na } },
    { suffix: 'k', test: TESTS.potassium, value: { number: k } },
    { suffix: 'creat', test: TESTS.creatinine, value: { number: creatinine } },
    { suffix: 'egfr', test: TESTS.egfr, value: { number: egfr } },
  ];
}

function reports(patientId: string, now: Date) {
  const at = (days: number, hours = 0) => days * DAY + hours;
  return [
    reportWithResults({ id: 'dr-rich-gp-ue-120d', patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo: at(120), source: gp, lastUpdatedHoursAgo: at(119) }, ue([140, 4.6, 104, 44]), now),
    reportWithResults({ id: 'dr-rich-sta-ue-40d', patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo: at(40), source: stAnselms, lastUpdatedHoursAgo: 21 }, ue([136, 4.1, 98, 49]), now),
    reportWithResults({ id: 'dr-rich-gp-ue-14d', patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo: at(14), source: gp, lastUpdatedHoursAgo: at(13) }, ue([137, 5.6, 128, 34]), now),
    reportWithResults({ id: 'dr-rich-rvh-ue-8d', patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo: at(8, 2), turnaroundHours: 1, source: cardiology, lastUpdatedHoursAgo: at(8) }, ue([132, 6.6, 152, 27]), now),
    reportWithResults({ id: 'dr-rich-rvh-ue-6d', patientId, report: REPORTS.ureaElectrolytes, takenHoursAgo: at(6), source: riverside, lastUpdatedHoursAgo: at(6) }, ue([135, 5, 131, 33]), now),
    reportWithResults(
      { id: 'dr-rich-rvh-fbc-8d', patientId, report: REPORTS.fullBloodCount, status: 'amended', takenHoursAgo: at(8, 2), source: riverside, lastUpdatedHoursAgo: at(7) },
      [
        { suffix: 'hb', test: TESTS.haemoglobin, value: { number: 108 } },
        { suffix: 'wcc', test: TESTS.whiteCells, value: { number: 11.8 } },
        { suffix: 'plt', test: TESTS.platelets, value: { number: 212 }, status: 'amended', note: 'Amended after a blood film showed platelet clumps; first reported as 98' },
      ],
      now,
    ),
    reportWithResults(
      { id: 'dr-rich-rvh-urine-culture-3d', patientId, report: REPORTS.urineCulture, status: 'preliminary', takenHoursAgo: at(3), turnaroundHours: 20, source: riverside, lastUpdatedHoursAgo: at(2), conclusion: 'Preliminary report: identification and sensitivities to follow' },
      [{ suffix: 'growth', test: TESTS.urineCulture, value: { text: 'Mixed growth of 2 organisms, more than 100,000 CFU/mL' }, status: 'preliminary' }],
      now,
    ),
    reportWithResults(
      { id: 'dr-rich-rvh-lft-8d', patientId, report: REPORTS.liverFunction, status: 'cancelled', takenHoursAgo: at(8, 2), source: riverside, lastUpdatedHoursAgo: at(8), conclusion: 'Sample haemolysed: test cancelled, please repeat' },
      [],
      now,
    ),
    reportWithResults(
      {
        id: RICH_IMAGING_REPORT_IDS.chestXray, patientId, report: REPORTS.chestXray, takenHoursAgo: at(9), turnaroundHours: 6, source: riverside, lastUpdatedHoursAgo: at(9),
        conclusion: 'No acute cardiopulmonary abnormality',
        presentedForm: [{ contentType: 'application/pdf', data: simplePdf('Chest X-ray report', CHEST_XRAY_REPORT_LINES), title: 'Chest X-ray report' }],
      },
      [],
      now,
    ),
    reportWithResults(
      {
        id: RICH_IMAGING_REPORT_IDS.ctHead, patientId, report: REPORTS.ctHead, takenHoursAgo: at(40), turnaroundHours: 3, source: stAnselms, lastUpdatedHoursAgo: 21,
        // The same report as plain text and as the PDF the documents widget lists, held on the HIE.
        presentedForm: [
          { contentType: 'text/plain; charset=utf-8', data: base64Text(CT_HEAD_REPORT_TEXT), title: 'Report text' },
          { contentType: 'application/pdf', url: `Binary/${RICH_BINARY_IDS.ctHead}`, title: 'CT head report (PDF)' },
        ],
      },
      [],
      now,
    ),
    reportWithResults(
      { id: 'dr-rich-sta-blood-culture-40d', patientId, report: REPORTS.bloodCulture, takenHoursAgo: at(40), turnaroundHours: 120, source: stAnselms, lastUpdatedHoursAgo: 21 },
      [{ suffix: 'growth', test: TESTS.bloodCulture, value: { concept: concept('264868006', 'No growth', 'No growth after 5 days') } }],
      now,
    ),
  ];
}

export function addRichResults(record: PatientRecord, now: Date): void {
  const patientId = record.patientId;
  addReports(record, reports(patientId, now));
  const specs = standalone();
  const memberIds = new Set(specs.flatMap((s) => s.members ?? []));
  addResultItems(
    record,
    specs.filter((s) => !memberIds.has(s.id)).map((s) => observation({ ...s, patientId }, now)),
  );
  addResultItems(
    record,
    specs.filter((s) => memberIds.has(s.id)).map((s) => observation({ ...s, patientId }, now)),
    true,
  );
  record.notices['Observation'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-observations')];
  record.notices['DiagnosticReport'] = [withheldOutcome(1, 'sexual health', 'withheld-rich-diagnostic-reports')];
  record.redactedTypes.push('Observation');
}
