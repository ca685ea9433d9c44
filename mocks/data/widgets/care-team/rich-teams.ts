import type { CareTeam } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS, PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { MENTAL_HEALTH_SECURITY, orgLink } from './item-source.js';
import {
  CARE_PRACTITIONER_IDS,
  CARE_ROLE_IDS,
  email,
  mobile,
  organisationRef,
  phone,
  practitioner,
  relatedPerson,
  serviceOrganisation,
  snomed,
  text,
  website,
} from './people.js';
import { careTeam, member, TEAM_CATEGORIES, type TeamSpec } from './team-items.js';

const patientId = MOCK_PATIENT_IDS.rich;

type Spec = Omit<TeamSpec, 'patientId'>;

/** Hospital, GP and specialist teams: each names its source a different way. */
const clinicalTeams: Spec[] = [
  {
    id: 'ct-rich-gp-practice',
    name: 'Riverside Medical Practice: practice team',
    status: 'active',
    category: TEAM_CATEGORIES.longitudinal,
    startDaysAgo: 2900,
    source: orgLink(ORG_IDS.gp),
    lastUpdatedHoursAgo: 30,
    contained: [
      practitioner('nurse', { given: 'Grace', family: 'Mensah' }, [phone('020 7946 0102'), email('practice.nurses@riverside-medical.example')]),
    ],
    members: [
      member(
        { reference: `Practitioner/${CARE_PRACTITIONER_IDS.usualGp}`, display: 'Dr Helen Oduya' },
        snomed('62247001', 'General practitioner', 'Usual GP'),
        organisationRef('gp'),
      ),
      member({ reference: '#nurse' }, text('Practice nurse (long-term conditions)'), organisationRef('gp')),
    ],
    telecom: [phone('020 7946 0100'), email('reception@riverside-medical.example'), website('https://riverside-medical.example')],
  },
  {
    id: 'ct-rich-cardiology',
    name: 'Cardiology: atrial fibrillation follow-up',
    status: 'active',
    category: TEAM_CATEGORIES.episode,
    reason: snomed('49436004', 'Atrial fibrillation'),
    startDaysAgo: 9,
    source: orgLink(ORG_IDS.acuteLive),
    lastUpdatedHoursAgo: 0.5,
    contained: [practitioner('af-nurse', { given: 'Tom', family: 'Fairweather' }, [phone('020 7946 0330')])],
    members: [
      member(
        { reference: `PractitionerRole/${PRACTITIONER_ROLE_IDS.riversideCardiology}`, display: 'Dr Aisha Rahman' },
        snomed('17561000', 'Cardiologist', 'Consultant cardiologist'),
        organisationRef('acuteLive'),
      ),
      member({ reference: '#af-nurse' }, text('Arrhythmia nurse specialist'), organisationRef('acuteLive')),
    ],
    telecom: [phone('020 7946 0331')],
  },
  {
    id: 'ct-rich-respiratory',
    name: 'Respiratory medicine team',
    status: 'active',
    category: TEAM_CATEGORIES.condition,
    reason: snomed('13645005', 'Chronic obstructive lung disease', 'COPD'),
    startDaysAgo: 40,
    source: orgLink(ORG_IDS.acuteStale),
    lastUpdatedHoursAgo: 21,
    contained: [practitioner('resp-nurse', { given: 'Lena', family: 'Marsh' }, [phone('020 7946 0744')])],
    members: [
      member(
        { reference: `PractitionerRole/${PRACTITIONER_ROLE_IDS.stAnselmsRespiratory}`, display: 'Dr Tomasz Nowak' },
        text('Specialty registrar, respiratory medicine'),
        organisationRef('acuteStale'),
      ),
      member({ reference: '#resp-nurse' }, text('Respiratory nurse specialist'), organisationRef('acuteStale')),
    ],
  },
  {
    id: 'ct-rich-mental-health',
    name: 'Older adults community mental health team',
    status: 'active',
    category: TEAM_CATEGORIES.condition,
    reason: snomed('35489007', 'Depressive disorder'),
    startDaysAgo: 200,
    source: orgLink(ORG_IDS.mentalHealth),
    lastUpdatedHoursAgo: 7,
    security: MENTAL_HEALTH_SECURITY,
    members: [
      member(
        { reference: `PractitionerRole/${CARE_ROLE_IDS.mentalHealthCareCoordinator}`, display: 'Femi Adebayo' },
        text('Care coordinator (Care Programme Approach)'),
        organisationRef('mentalHealth'),
      ),
      member(
        { reference: `Practitioner/${CARE_PRACTITIONER_IDS.psychiatrist}`, display: 'Dr Ruth Lindqvist' },
        snomed('80584001', 'Psychiatrist', 'Consultant psychiatrist'),
        organisationRef('mentalHealth'),
      ),
    ],
    telecom: [phone('020 7946 0670')],
  },
  {
    id: 'ct-rich-memory-service',
    name: 'Memory assessment service',
    status: 'proposed',
    category: TEAM_CATEGORIES.episode,
    startDaysAgo: -14,
    source: { via: 'provenance', orgId: ORG_IDS.mentalHealth },
    lastUpdatedHoursAgo: 50,
    members: [],
    note: 'Referral accepted; first appointment to be offered.',
  },
];

/** Community and social care around the patient's home, including her son as family carer. */
const communityTeams: Spec[] = [
  {
    id: 'ct-rich-district-nursing',
    name: 'District nursing: Riverside North',
    status: 'active',
    category: TEAM_CATEGORIES.community,
    startDaysAgo: 45,
    source: { via: 'provenance', orgId: ORG_IDS.community },
    lastUpdatedHoursAgo: 4,
    contained: [
      practitioner('dn-sister', { given: 'Bernadette', family: 'Kelly' }, [mobile('07700 900451')]),
      practitioner('hca', { given: 'Samuel', family: 'Adeyemi' }),
    ],
    members: [
      member({ reference: '#dn-sister' }, text('District nursing sister (team leader)'), organisationRef('community')),
      member({ reference: '#hca' }, text('Healthcare assistant'), organisationRef('community')),
    ],
    telecom: [phone('020 7946 0450')],
  },
  {
    // The GP's copy of the same team: named only by the GP system's meta.source, members by display.
    id: 'ct-rich-district-nursing-gp-copy',
    name: 'District nursing: Riverside North',
    status: 'active',
    category: TEAM_CATEGORIES.community,
    startDaysAgo: 45,
    source: { via: 'meta.source', orgId: ORG_IDS.gp },
    lastUpdatedHoursAgo: 30,
    members: [member({ type: 'Practitioner', display: 'Bernadette Kelly' }, text('District nurse'))],
  },
  {
    id: 'ct-rich-social-care',
    name: 'Adult social care: care and support',
    status: 'active',
    category: TEAM_CATEGORIES.community,
    startDaysAgo: 300,
    source: { via: 'meta.source', orgId: ORG_IDS.socialCare },
    lastUpdatedHoursAgo: 8,
    contained: [
      serviceOrganisation('home-care', 'Brightwater Home Care Ltd', [phone('020 7946 0990'), website('https://brightwater-homecare.example/')]),
      relatedPerson(
        'carer',
        patientId,
        { given: 'Daniel', family: 'Ellwood' },
        { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'SON', display: 'natural son' }], text: 'Son' },
        [mobile('07700 900123'), email('d.ellwood@mail.example')],
      ),
    ],
    members: [
      member(
        { reference: `PractitionerRole/${CARE_ROLE_IDS.socialWorker}`, display: 'Joanna Pike' },
        text('Care coordinator'),
        organisationRef('socialCare'),
      ),
      member({ reference: '#home-care' }, text('Domiciliary care provider (four calls a day)')),
      member({ reference: '#carer' }, snomed('133932002', 'Caregiver', 'Family carer')),
      member({ reference: `Patient/${patientId}` }, text('Person receiving care and support')),
    ],
    telecom: [phone('020 7946 0500'), email('asc.duty@riverside-asc.example')],
  },
  {
    id: 'ct-rich-physiotherapy',
    name: 'Community physiotherapy',
    status: 'suspended',
    category: TEAM_CATEGORIES.episode,
    startDaysAgo: 120,
    source: orgLink(ORG_IDS.community),
    lastUpdatedHoursAgo: 200,
    contained: [practitioner('physio', { given: 'Imogen', family: 'Hale' })],
    members: [member({ reference: '#physio' }, text('Physiotherapist'), organisationRef('community'))],
    note: 'Visits paused during the hospital admission; to restart after cardiology review.',
  },
  {
    id: 'ct-rich-befriending',
    name: 'Riverside Befrienders (voluntary sector)',
    status: 'active',
    startDaysAgo: 500,
    source: { via: 'none' },
    lastUpdatedHoursAgo: 300,
    members: [member({ display: 'Pat Okafor' }, text('Volunteer befriender'))],
  },
];

/** Past teams (hidden by default) and one entered in error (never shown). */
const pastTeams: Spec[] = [
  {
    id: 'ct-rich-reablement',
    name: 'Reablement team',
    status: 'inactive',
    category: TEAM_CATEGORIES.episode,
    startDaysAgo: 420,
    endDaysAgo: 380,
    source: orgLink(ORG_IDS.socialCare),
    lastUpdatedHoursAgo: 9000,
    members: [member({ display: 'Reablement support workers' }, text('Reablement'))],
  },
  {
    id: 'ct-rich-early-supported-discharge',
    name: 'Respiratory early supported discharge',
    status: 'inactive',
    category: TEAM_CATEGORIES.episode,
    startDaysAgo: 60,
    endDaysAgo: 45,
    source: orgLink(ORG_IDS.acuteStale),
    lastUpdatedHoursAgo: 21,
    members: [member({ type: 'Practitioner', display: 'Lena Marsh' }, text('Respiratory nurse specialist'))],
  },
  {
    id: 'ct-rich-entered-in-error',
    name: 'Cardiology: atrial fibrillation follow-up',
    status: 'entered-in-error',
    startDaysAgo: 9,
    source: orgLink(ORG_IDS.acuteLive),
    lastUpdatedHoursAgo: 1,
    members: [],
    note: 'Created twice in error',
  },
];

export function richCareTeams(now: Date): BuiltItem<CareTeam>[] {
  return [...clinicalTeams, ...communityTeams, ...pastTeams].map((spec) => careTeam({ ...spec, patientId }, now));
}
