import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/** Every Encounter of the patient with its service provider and locations. */
export function encountersQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'Encounter',
      params: sourceIncludes(patient, ['Encounter:service-provider', 'Encounter:location']),
    },
  ];
}
