import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';
import { asArray } from '../../core/safe.js';

/** Adds `_include:iterate` values to the shared ones rather than replacing them. */
export function withIterate(
  params: Record<string, string | string[]>,
  iterate: string[],
): Record<string, string | string[]> {
  const shared = asArray(params['_include:iterate']).filter((v): v is string => typeof v === 'string');
  return { ...params, '_include:iterate': [...shared, ...iterate] };
}

/** CareTeams with their managing organisations, members, and the people behind members' roles. */
export function careTeamQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'CareTeam',
      params: withIterate(
        sourceIncludes(patient, ['CareTeam:managing-organization', 'CareTeam:participant']),
        ['PractitionerRole:practitioner'],
      ),
    },
  ];
}
