import type { CarePlan } from '@medplum/fhirtypes';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import type { BuiltItem } from '../medication-items.js';
import { ORG_IDS } from '../organisations.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { orgLink } from './care-team/item-source.js';
import { snomed, text } from './care-team/people.js';
import { addCareRelatedOnce } from './care-team/related.js';
import { largeCarePlans } from './care-plans/large-plans.js';
import { carePlan } from './care-plans/plan-items.js';
import { richCarePlans } from './care-plans/rich-plans.js';

function badHieCarePlans(now: Date): BuiltItem<CarePlan>[] {
  const patientId = MOCK_PATIENT_IDS.badHie;
  return [
    carePlan({ id: 'cp-bad-asthma', patientId, title: 'Asthma action plan', status: 'active', category: snomed('734163000', 'Care plan'), startDaysAgo: 400, source: orgLink(ORG_IDS.gp), lastUpdatedHoursAgo: 20, activities: [{ code: text('Annual asthma review'), status: 'scheduled', fromDaysAgo: -30 }] }, now),
    carePlan({ id: 'cp-bad-talking-therapies', patientId, title: 'Talking therapies plan', status: 'completed', startDaysAgo: 400, endDaysAgo: 300, source: orgLink(ORG_IDS.mentalHealth), lastUpdatedHoursAgo: 2000, activities: [{ code: text('Guided self-help'), status: 'completed' }] }, now),
  ];
}

/**
 * CarePlans: the rich patient's plans from social care, mental health (CPA), community nursing,
 * both acute trusts (a discharge plan also held by the GP), 111 and the GP; 320 for the large
 * patient; two for the bad-HIE patient. The empty and objection patients have none.
 */
export function addCarePlans(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richCarePlans(now));
    addCareRelatedOnce(rich);
    rich.notices['CarePlan'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-care-plans')];
    rich.redactedTypes.push('CarePlan');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeCarePlans(now));
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) addBuilt(bad, badHieCarePlans(now));
}
