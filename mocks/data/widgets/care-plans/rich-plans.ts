import type { CarePlan } from '@medplum/fhirtypes';
import { MOCK_PATIENT_IDS } from '../../../patients.js';
import type { BuiltItem } from '../../medication-items.js';
import { ORG_IDS, PRACTITIONER_ROLE_IDS } from '../../organisations.js';
import { MENTAL_HEALTH_SECURITY, orgLink, roleLink } from '../care-team/item-source.js';
import { CARE_ROLE_IDS, practitioner, snomed, text } from '../care-team/people.js';
import { carePlan, type PlanSpec } from './plan-items.js';

const patientId = MOCK_PATIENT_IDS.rich;

type Spec = Omit<PlanSpec, 'patientId'>;

/**
 * SNOMED CT record-artifact codes for the categories as used by Synthea (734163000 care plan,
 * 718347000 mental health, 773130005 nursing, 736372004 discharge, 736283006 COPD); the activity
 * codes likewise. Plans without a fitting code carry text only.
 */
const CATEGORIES = {
  carePlan: snomed('734163000', 'Care plan', 'Care and support plan (Care Act 2014)'),
  mentalHealth: snomed('718347000', 'Mental health care plan', 'Care Programme Approach'),
  nursing: snomed('773130005', 'Nursing care plan'),
  discharge: snomed('736372004', 'Discharge care plan'),
  copd: snomed('736283006', 'Chronic obstructive pulmonary disease clinical management plan'),
};

/** Plans from social care and mental health, the settings the issue asks to see by source type. */
const socialAndMentalHealthPlans: Spec[] = [
  {
    id: 'cp-rich-care-and-support',
    title: 'Care and support plan',
    description: 'Support to keep living at home: personal care, meals and medication prompts; support for her son as carer.',
    status: 'active',
    category: CATEGORIES.carePlan,
    startDaysAgo: 300,
    endDaysAgo: -65,
    source: orgLink(ORG_IDS.socialCare),
    lastUpdatedHoursAgo: 8,
    activities: [
      {
        code: text('Domiciliary care'),
        description: 'Four calls a day: personal care, meals and medication prompts',
        status: 'in-progress',
        repeat: { frequency: 4, period: 1, periodUnit: 'd' },
        fromDaysAgo: 300,
        performer: { type: 'Organization', display: 'Brightwater Home Care Ltd' },
      },
      { code: text("Carer's assessment"), description: 'For her son, Daniel Ellwood', status: 'scheduled', fromDaysAgo: -14, performer: { type: 'Practitioner', display: 'Joanna Pike' } },
      { code: snomed('710824005', 'Assessment of health and social care needs'), status: 'completed', fromDaysAgo: 310, toDaysAgo: 302, outcome: text('Eligible for care and support') },
      { code: text('Telecare: pendant alarm'), status: 'in-progress', fromDaysAgo: 290 },
      { linked: 'Annual review of the care and support plan (appointment request)', status: 'scheduled' },
    ],
  },
  {
    id: 'cp-rich-cpa',
    title: 'Care Programme Approach (CPA) care plan',
    description: 'Depression in later life: keep mood stable, reduce isolation and stay safe at home.',
    status: 'active',
    category: CATEGORIES.mentalHealth,
    startDaysAgo: 200,
    endDaysAgo: -165,
    source: roleLink(CARE_ROLE_IDS.mentalHealthCareCoordinator),
    lastUpdatedHoursAgo: 7,
    security: MENTAL_HEALTH_SECURITY,
    addresses: 'Depressive disorder',
    note: 'Crisis and contingency: if her mood worsens or she talks of harming herself, her son or carers call the crisis line on 0808 157 0123 (24 hours).',
    activities: [
      { code: text('Care coordinator visit'), status: 'in-progress', repeat: { frequency: 1, period: 4, periodUnit: 'wk' }, fromDaysAgo: 200, performer: { type: 'PractitionerRole', display: 'Femi Adebayo, care coordinator' } },
      { code: snomed('228557008', 'Cognitive and behavioral therapy', 'Cognitive behavioural therapy'), description: 'Eight weekly sessions at home', status: 'scheduled', repeat: { frequency: 1, period: 1, periodUnit: 'wk' }, fromDaysAgo: -10, toDaysAgo: -66 },
      { code: text('Antidepressant review with consultant psychiatrist'), status: 'scheduled', fromDaysAgo: -21, performer: { type: 'Practitioner', display: 'Dr Ruth Lindqvist' } },
    ],
  },
];

/** Community, hospital, GP and 111 plans, including the hospital discharge plan from two sources. */
const healthPlans: Spec[] = [
  {
    id: 'cp-rich-community-nursing',
    title: 'Community nursing care plan',
    status: 'active',
    category: CATEGORIES.nursing,
    startDaysAgo: 45,
    source: { via: 'provenance', orgId: ORG_IDS.community },
    author: { reference: '#author' },
    contained: [practitioner('author', { given: 'Bernadette', family: 'Kelly' })],
    lastUpdatedHoursAgo: 4,
    activities: [
      { code: snomed('225358003', 'Wound care'), description: 'Left lower leg ulcer: clean, dress and apply compression bandaging', status: 'in-progress', repeat: { frequency: 2, period: 1, periodUnit: 'wk' }, fromDaysAgo: 45 },
      { code: text('Pressure area care'), description: 'Check heels and sacrum at every visit; pressure-relieving mattress in place', status: 'in-progress', fromDaysAgo: 45 },
      { code: text('Bowel care'), status: 'completed', fromDaysAgo: 45, toDaysAgo: 20, outcome: text('Bowels open every 2 days on macrogol') },
    ],
  },
  {
    id: 'cp-rich-discharge',
    title: 'Hospital discharge plan: cardiology',
    status: 'active',
    category: CATEGORIES.discharge,
    startDaysAgo: 3,
    endDaysAgo: -42,
    source: roleLink(PRACTITIONER_ROLE_IDS.riversideCardiology),
    lastUpdatedHoursAgo: 0.5,
    addresses: 'Atrial fibrillation (new)',
    activities: [
      { code: snomed('430193006', 'Medication reconciliation'), status: 'completed', fromDaysAgo: 3, outcome: text('Apixaban and bisoprolol started; omeprazole continued') },
      { code: snomed('40701008', 'Echocardiography'), status: 'scheduled', fromDaysAgo: -28, performer: { type: 'Organization', display: 'Riverside University Hospitals cardiac physiology' } },
      { code: text('Amlodipine'), description: 'Do not restart: ankle swelling', status: 'not-started', doNotPerform: true },
      { linked: 'Cardiology clinic follow-up in 6 weeks (appointment request)', status: 'scheduled' },
    ],
  },
  {
    // The GP's copy of the same plan, from the discharge summary: its source is the GP system's meta.source.
    id: 'cp-rich-discharge-gp-copy',
    title: 'Hospital discharge plan: cardiology',
    status: 'active',
    category: CATEGORIES.discharge,
    startDaysAgo: 3,
    endDaysAgo: -42,
    source: { via: 'meta.source', orgId: ORG_IDS.gp },
    author: { type: 'Practitioner', display: 'Dr Aisha Rahman, consultant cardiologist' },
    lastUpdatedHoursAgo: 30,
    activities: [
      { code: snomed('40701008', 'Echocardiography'), status: 'scheduled', fromDaysAgo: -28 },
      { code: text('Cardiology clinic follow-up'), status: 'scheduled', fromDaysAgo: -42 },
    ],
  },
  {
    id: 'cp-rich-copd',
    title: 'COPD self-management plan',
    status: 'on-hold',
    category: CATEGORIES.copd,
    startDaysAgo: 40,
    source: orgLink(ORG_IDS.acuteStale),
    lastUpdatedHoursAgo: 21,
    note: 'On hold while under the cardiology team.',
    activities: [
      { code: snomed('15081005', 'Pulmonary rehabilitation'), status: 'on-hold', repeat: { frequency: 2, period: 1, periodUnit: 'wk' }, fromDaysAgo: 30 },
      { code: text('Rescue pack'), description: 'Prednisolone and amoxicillin kept at home; start if sputum changes colour and tell the GP', status: 'completed', fromDaysAgo: 40 },
    ],
  },
  {
    id: 'cp-rich-urgent-care',
    title: 'Urgent care plan (special patient note)',
    description: 'Lives alone with four home care calls a day. Memory problems: check understanding and involve her son, the main carer.',
    status: 'active',
    category: text('Urgent care plan'),
    startDaysAgo: 20,
    source: orgLink(ORG_IDS.outOfHours),
    lastUpdatedHoursAgo: 480,
    activities: [{ code: text('Contact son before any out of hours home visit'), status: 'not-started' }],
  },
  {
    id: 'cp-rich-advance-care',
    title: 'Advance care plan',
    description: 'Discussion started with her and her son about future care preferences; to be completed at the next review.',
    status: 'draft',
    category: text('Advance care plan'),
    startDaysAgo: 15,
    source: orgLink(ORG_IDS.gp),
    lastUpdatedHoursAgo: 30,
    activities: [{ code: text('Advance care planning discussion'), status: 'scheduled', fromDaysAgo: -21 }],
  },
  {
    id: 'cp-rich-befriending',
    title: 'Befriending support plan',
    status: 'active',
    startDaysAgo: 500,
    source: { via: 'none' },
    lastUpdatedHoursAgo: 300,
    activities: [{ code: text('Weekly befriending visit'), status: 'in-progress', repeat: { frequency: 1, period: 1, periodUnit: 'wk' } }],
  },
];

/** Finished plans (hidden by default) and one entered in error (never shown). */
const pastPlans: Spec[] = [
  {
    id: 'cp-rich-reablement',
    title: 'Reablement plan',
    status: 'completed',
    category: CATEGORIES.carePlan,
    startDaysAgo: 420,
    endDaysAgo: 380,
    source: orgLink(ORG_IDS.socialCare),
    lastUpdatedHoursAgo: 9000,
    activities: [{ code: text('Reablement visits'), status: 'completed', repeat: { frequency: 2, period: 1, periodUnit: 'd' }, fromDaysAgo: 420, toDaysAgo: 380, outcome: text('Independent with washing and dressing') }],
  },
  {
    id: 'cp-rich-falls-exercise',
    title: 'Falls prevention exercise programme',
    status: 'revoked',
    startDaysAgo: 150,
    endDaysAgo: 120,
    source: orgLink(ORG_IDS.community),
    lastUpdatedHoursAgo: 2900,
    note: 'Replaced by the community physiotherapy plan.',
    activities: [{ code: text('Strength and balance exercises'), status: 'cancelled' }],
  },
  {
    id: 'cp-rich-entered-in-error',
    title: 'Hospital discharge plan: cardiology',
    status: 'entered-in-error',
    startDaysAgo: 3,
    source: orgLink(ORG_IDS.acuteLive),
    lastUpdatedHoursAgo: 1,
    activities: [],
  },
];

export function richCarePlans(now: Date): BuiltItem<CarePlan>[] {
  return [...socialAndMentalHealthPlans, ...healthPlans, ...pastPlans].map((spec) => carePlan({ ...spec, patientId }, now));
}
