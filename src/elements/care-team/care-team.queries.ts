import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/** CareTeams with their managing organisations, members, and the people behind members' roles. */
export function careTeamQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'CareTeam',
      params: sourceIncludes(patient, ['CareTeam:managing-organization', 'CareTeam:participant'], {}, [
        'PractitionerRole:practitioner',
      ]),
    },
  ];
}
