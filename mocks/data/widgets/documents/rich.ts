import type { Binary, Resource } from '@medplum/fhirtypes';
import { hoursAgo } from '../../../clock.js';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import { ORG_IDS, PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import type { BuiltItem, SourceLink } from '../../medication-items.js';
import { base64Text, simplePdf } from './encoding.js';
import {
  composition,
  documentReference,
  DOCUMENT_TYPES,
  practitioner,
  textAttachment,
  type DocumentSpec,
} from './builders.js';
import * as texts from './texts.js';

const patientId = MOCK_PATIENT_IDS.rich;

export const RICH_DOCUMENT_IDS = {
  dischargeSummary: 'doc-rich-discharge-summary',
  dischargeSummaryDraft: 'doc-rich-discharge-summary-draft',
  dischargeSummaryGpCopy: 'doc-rich-discharge-summary-gp-copy',
  clinicLetter: 'doc-rich-respiratory-clinic-letter',
  chestXray: 'doc-rich-chest-xray-report',
  ctHead: 'doc-rich-ct-head-report',
  echo: 'doc-rich-echocardiogram-report',
  ambulance: 'doc-rich-ambulance-patient-report',
  socialCare: 'doc-rich-care-needs-assessment',
  mentalHealth: 'doc-rich-mental-health-letter',
  communityNursing: 'doc-rich-district-nursing-summary',
  communityNursingOld: 'doc-rich-district-nursing-summary-v1',
  powerOfAttorney: 'doc-rich-lasting-power-of-attorney',
  enteredInError: 'doc-rich-letter-wrong-patient',
  outOfHours: 'comp-rich-111-encounter-report',
} as const;

export const RICH_BINARY_IDS = {
  ctHead: 'bin-doc-rich-ct-head-report',
  communityNursing: 'bin-doc-rich-district-nursing-summary',
} as const;

/** On another server: offered as a link, never fetched with the HIE token. */
export const ECHO_REPORT_URL = 'https://pacs.riverside-university-hospitals.example/reports/echo-20417.pdf';

const PRACTITIONER_IDS = {
  paramedic: 'prac-doc-paramedic-fairweather',
  psychiatrist: 'prac-doc-psychiatrist-okafor',
  socialWorker: 'prac-doc-social-worker-mensah',
  districtNurse: 'prac-doc-district-nurse-adebayo',
  radiologist: 'prac-doc-radiologist-achterberg',
  gp: 'prac-doc-gp-macleod',
} as const;

export function richPractitioners(): Resource[] {
  return [
    practitioner(PRACTITIONER_IDS.paramedic, undefined, 'Jordan', 'Fairweather'),
    practitioner(PRACTITIONER_IDS.psychiatrist, 'Dr', 'Helen', 'Okafor'),
    practitioner(PRACTITIONER_IDS.socialWorker, undefined, 'Kwame', 'Mensah'),
    practitioner(PRACTITIONER_IDS.districtNurse, undefined, 'Ruth', 'Adebayo'),
    practitioner(PRACTITIONER_IDS.radiologist, 'Dr', 'Samuel', 'Achterberg'),
    practitioner(PRACTITIONER_IDS.gp, 'Dr', 'Fiona', 'MacLeod'),
  ];
}

export function richBinaries(): Binary[] {
  return [
    {
      resourceType: 'Binary',
      id: RICH_BINARY_IDS.ctHead,
      contentType: 'application/pdf',
      data: simplePdf('CT Head report', texts.CT_HEAD_LINES),
    },
    {
      resourceType: 'Binary',
      id: RICH_BINARY_IDS.communityNursing,
      contentType: 'text/html; charset=utf-8',
      data: base64Text(texts.COMMUNITY_NURSING_HTML),
    },
  ];
}

const org = (id: string): SourceLink => ({ via: 'resource', reference: `Organization/${id}` });
const ref = (type: string, id: string) => ({ reference: `${type}/${id}` });
const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const DAY = 24;

type Spec = Omit<DocumentSpec, 'patientId'>;

const specs: Spec[] = [
  {
    id: RICH_DOCUMENT_IDS.dischargeSummary,
    description: 'Discharge summary: cardiology admission',
    type: DOCUMENT_TYPES.dischargeSummary,
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 3 * DAY,
    periodDaysAgo: { start: 9, end: 3 },
    source: org(ORG_IDS.acuteLive),
    authors: [ref('PractitionerRole', PRACTITIONER_ROLE_IDS.riversideCardiology)],
    lastUpdatedHoursAgo: 3 * DAY - 1,
    masterIdentifier: 'RUH-DS-2026-118734',
    replaces: RICH_DOCUMENT_IDS.dischargeSummaryDraft,
    content: [textAttachment(HTML, base64Text(texts.DISCHARGE_SUMMARY_HTML), 'Discharge summary')],
  },
  {
    id: RICH_DOCUMENT_IDS.dischargeSummaryDraft,
    description: 'Discharge summary: cardiology admission (draft)',
    type: DOCUMENT_TYPES.dischargeSummary,
    status: 'superseded',
    docStatus: 'preliminary',
    dateHoursAgo: 3 * DAY + 6,
    periodDaysAgo: { start: 9, end: 3 },
    source: org(ORG_IDS.acuteLive),
    authors: [ref('PractitionerRole', PRACTITIONER_ROLE_IDS.riversideCardiology)],
    lastUpdatedHoursAgo: 3 * DAY - 1,
    masterIdentifier: 'RUH-DS-2026-118733',
    content: [textAttachment(HTML, base64Text(texts.DISCHARGE_SUMMARY_DRAFT_HTML))],
  },
  {
    // The GP practice filed the same summary: the same document from a second source.
    id: RICH_DOCUMENT_IDS.dischargeSummaryGpCopy,
    description: 'Discharge summary: cardiology admission',
    type: DOCUMENT_TYPES.dischargeSummary,
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 3 * DAY,
    periodDaysAgo: { start: 9, end: 3 },
    source: org(ORG_IDS.gp),
    authors: [ref('PractitionerRole', PRACTITIONER_ROLE_IDS.riversideCardiology)],
    lastUpdatedHoursAgo: 30,
    masterIdentifier: 'RUH-DS-2026-118734',
    content: [textAttachment(HTML, base64Text(texts.DISCHARGE_SUMMARY_HTML), 'Discharge summary')],
  },
  {
    id: RICH_DOCUMENT_IDS.clinicLetter,
    description: 'Respiratory clinic letter',
    type: DOCUMENT_TYPES.consultationReport,
    typeText: 'Clinic letter',
    status: 'current',
    docStatus: 'amended',
    dateHoursAgo: 35 * DAY,
    source: org(ORG_IDS.acuteStale),
    authors: [ref('PractitionerRole', PRACTITIONER_ROLE_IDS.stAnselmsRespiratory)],
    lastUpdatedHoursAgo: 33 * DAY,
    content: [textAttachment(TEXT, base64Text(texts.CLINIC_LETTER_TEXT), 'Respiratory clinic letter')],
  },
  {
    id: RICH_DOCUMENT_IDS.chestXray,
    description: 'Chest X-ray report',
    type: DOCUMENT_TYPES.radiologyReport,
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 9 * DAY - 3,
    source: org(ORG_IDS.acuteLive),
    authors: [ref('Practitioner', PRACTITIONER_IDS.radiologist)],
    lastUpdatedHoursAgo: 9 * DAY - 4,
    content: [textAttachment('application/pdf', simplePdf('Chest X-ray report', texts.CHEST_XRAY_LINES), 'Chest X-ray report')],
  },
  {
    id: RICH_DOCUMENT_IDS.ctHead,
    description: 'CT head report',
    type: DOCUMENT_TYPES.radiologyReport,
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 60 * DAY,
    source: org(ORG_IDS.acuteStale),
    lastUpdatedHoursAgo: 59 * DAY,
    content: [{ contentType: 'application/pdf', url: `Binary/${RICH_BINARY_IDS.ctHead}`, title: 'CT head report' }],
  },
  {
    id: RICH_DOCUMENT_IDS.echo,
    description: 'Transthoracic echocardiogram report',
    type: DOCUMENT_TYPES.procedureReport,
    status: 'current',
    docStatus: 'preliminary',
    dateHoursAgo: 5 * DAY,
    source: org(ORG_IDS.acuteLive),
    authors: [ref('PractitionerRole', PRACTITIONER_ROLE_IDS.riversideCardiology)],
    lastUpdatedHoursAgo: 5 * DAY,
    content: [{ contentType: 'application/pdf', url: ECHO_REPORT_URL, title: 'Echocardiogram report' }],
  },
  {
    id: RICH_DOCUMENT_IDS.ambulance,
    description: 'Ambulance patient care record',
    type: DOCUMENT_TYPES.encounterReport,
    typeText: 'Ambulance patient report',
    status: 'current',
    dateHoursAgo: 9 * DAY,
    source: { via: 'meta.source', orgId: ORG_IDS.ambulance },
    authors: [ref('Practitioner', PRACTITIONER_IDS.paramedic)],
    lastUpdatedHoursAgo: 9 * DAY - 1,
    content: [textAttachment(TEXT, base64Text(texts.AMBULANCE_REPORT_TEXT))],
  },
  {
    id: RICH_DOCUMENT_IDS.socialCare,
    description: 'Care and support needs assessment',
    type: DOCUMENT_TYPES.recordArtifact,
    typeText: 'Social care assessment',
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 60 * DAY,
    source: org(ORG_IDS.socialCare),
    authors: [ref('Practitioner', PRACTITIONER_IDS.socialWorker)],
    lastUpdatedHoursAgo: 8,
    content: [textAttachment(HTML, base64Text(texts.SOCIAL_CARE_ASSESSMENT_HTML))],
  },
  {
    id: RICH_DOCUMENT_IDS.mentalHealth,
    description: 'Older adults mental health team letter',
    type: DOCUMENT_TYPES.consultationReport,
    typeText: 'Mental health letter',
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 50 * DAY,
    source: { via: 'provenance', orgId: ORG_IDS.mentalHealth },
    authors: [ref('Practitioner', PRACTITIONER_IDS.psychiatrist)],
    lastUpdatedHoursAgo: 7,
    security: [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PSY', display: 'psychiatry disorder information sensitivity' },
    ],
    content: [textAttachment(TEXT, base64Text(texts.MENTAL_HEALTH_LETTER_TEXT))],
  },
  {
    id: RICH_DOCUMENT_IDS.communityNursing,
    description: 'District nursing visit summary',
    type: DOCUMENT_TYPES.encounterReport,
    typeText: 'Community nursing letter',
    status: 'current',
    docStatus: 'final',
    dateHoursAgo: 2 * DAY,
    source: org(ORG_IDS.community),
    authors: [ref('Practitioner', PRACTITIONER_IDS.districtNurse)],
    lastUpdatedHoursAgo: 2 * DAY - 2,
    replaces: RICH_DOCUMENT_IDS.communityNursingOld,
    content: [{ contentType: HTML, url: `Binary/${RICH_BINARY_IDS.communityNursing}` }],
  },
  {
    id: RICH_DOCUMENT_IDS.communityNursingOld,
    description: 'District nursing visit summary (earlier version)',
    type: DOCUMENT_TYPES.encounterReport,
    typeText: 'Community nursing letter',
    status: 'superseded',
    docStatus: 'preliminary',
    dateHoursAgo: 2 * DAY + 5,
    source: org(ORG_IDS.community),
    authors: [ref('Practitioner', PRACTITIONER_IDS.districtNurse)],
    lastUpdatedHoursAgo: 2 * DAY - 2,
    content: [textAttachment(HTML, base64Text(texts.COMMUNITY_NURSING_OLD_HTML))],
  },
  {
    // No source anywhere, no content sent: the widget must say both plainly.
    id: RICH_DOCUMENT_IDS.powerOfAttorney,
    description: texts.LASTING_POWER_OF_ATTORNEY_TITLE,
    type: DOCUMENT_TYPES.recordArtifact,
    status: 'current',
    dateHoursAgo: 400 * DAY,
    source: { via: 'none' },
    lastUpdatedHoursAgo: 400 * DAY,
  },
  {
    id: RICH_DOCUMENT_IDS.enteredInError,
    description: 'Clinic letter (filed to the wrong patient)',
    type: DOCUMENT_TYPES.consultationReport,
    status: 'entered-in-error',
    dateHoursAgo: 20 * DAY,
    source: org(ORG_IDS.acuteStale),
    lastUpdatedHoursAgo: 19 * DAY,
    content: [textAttachment(TEXT, base64Text('This letter belongs to another patient.'))],
  },
];

export function richDocuments(now: Date): BuiltItem<Resource>[] {
  const built: BuiltItem<Resource>[] = specs.map((spec) => documentReference({ ...spec, patientId }, now));
  const powerOfAttorney = built.find((b) => b.item.id === RICH_DOCUMENT_IDS.powerOfAttorney)?.item;
  // A partial date, as scanned documents often have.
  if (powerOfAttorney?.resourceType === 'DocumentReference') powerOfAttorney.date = hoursAgo(now, 400 * DAY).slice(0, 7);
  built.push({
    item: composition(
      {
        id: RICH_DOCUMENT_IDS.outOfHours,
        patientId,
        title: 'NHS 111 and out of hours encounter report',
        type: DOCUMENT_TYPES.encounterReport,
        status: 'final',
        dateHoursAgo: 20 * DAY,
        lastUpdatedHoursAgo: 20 * DAY - 2,
        custodian: ref('Organization', ORG_IDS.outOfHours),
        authors: [ref('Organization', ORG_IDS.outOfHours)],
        sections: texts.OUT_OF_HOURS_SECTIONS,
      },
      now,
    ),
  });
  return built;
}
