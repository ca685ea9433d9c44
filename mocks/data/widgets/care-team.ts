import type { CareTeam } from '@medplum/fhirtypes';
import { withheldOutcome } from '../../fhir/outcomes.js';
import { MOCK_PATIENT_IDS } from '../../patients.js';
import type { BuiltItem } from '../medication-items.js';
import { ORG_IDS } from '../organisations.js';
import { addBuilt, type PatientRecord } from '../record.js';
import { orgLink } from './care-team/item-source.js';
import { largeCareTeams } from './care-team/large-teams.js';
import { addCareRelatedOnce } from './care-team/related.js';
import { text } from './care-team/people.js';
import { richCareTeams } from './care-team/rich-teams.js';
import { careTeam, member, TEAM_CATEGORIES } from './care-team/team-items.js';

function badHieCareTeams(now: Date): BuiltItem<CareTeam>[] {
  const patientId = MOCK_PATIENT_IDS.badHie;
  return [
    careTeam({ id: 'ct-bad-practice-team', patientId, name: 'Practice team', status: 'active', category: TEAM_CATEGORIES.longitudinal, startDaysAgo: 2000, source: orgLink(ORG_IDS.gp), lastUpdatedHoursAgo: 20, members: [member({ type: 'Practitioner', display: 'Dr Helen Oduya' }, text('Usual GP'))] }, now),
    careTeam({ id: 'ct-bad-talking-therapies', patientId, name: 'Talking therapies', status: 'inactive', category: TEAM_CATEGORIES.episode, startDaysAgo: 400, endDaysAgo: 300, source: orgLink(ORG_IDS.mentalHealth), lastUpdatedHoursAgo: 2000, members: [member({ type: 'Practitioner', display: 'Ravi Shah' }, text('Psychological wellbeing practitioner'))] }, now),
  ];
}

/**
 * CareTeams: the rich patient's teams from GP, both acute trusts (St Anselm's being the stale batch
 * feed), community, social care (with a family carer) and mental health; 310 for the large patient;
 * two for the bad-HIE patient. The empty and objection patients have none.
 */
export function addCareTeam(records: Map<string, PatientRecord>, now: Date): void {
  const rich = records.get(MOCK_PATIENT_IDS.rich);
  if (rich) {
    addBuilt(rich, richCareTeams(now));
    addCareRelatedOnce(rich);
    rich.notices['CareTeam'] = [withheldOutcome(1, 'sensitive', 'withheld-rich-care-teams')];
    rich.redactedTypes.push('CareTeam');
  }
  const large = records.get(MOCK_PATIENT_IDS.large);
  if (large) addBuilt(large, largeCareTeams(now));
  const bad = records.get(MOCK_PATIENT_IDS.badHie);
  if (bad) addBuilt(bad, badHieCareTeams(now));
}
