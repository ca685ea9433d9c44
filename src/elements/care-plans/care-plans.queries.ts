import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * CarePlans with their authors (the source field). R4 defines no `author` search parameter for
 * CarePlan, so `CarePlan:author` is part of the HIE contract; an HIE without it may contain the author.
 */
export function carePlansQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'CarePlan',
      params: sourceIncludes(patient, ['CarePlan:author'], {}, ['PractitionerRole:practitioner']),
    },
  ];
}
