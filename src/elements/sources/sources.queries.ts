import type { QuerySpec } from '../../core/record-controller.js';
import { medicationsQueries } from '../medications/medications.queries.js';
import { problemsQueries } from '../problems/problems.queries.js';
import { allergiesQueries } from '../allergies/allergies.queries.js';
import { resultsQueries } from '../results/results.queries.js';
import { documentsQueries } from '../documents/documents.queries.js';
import { appointmentsQueries } from '../appointments/appointments.queries.js';
import { encountersQueries } from '../encounters/encounters.queries.js';
import { carePlansQueries } from '../care-plans/care-plans.queries.js';
import { careTeamQueries } from '../care-team/care-team.queries.js';
import { immunisationsQueries } from '../immunisations/immunisations.queries.js';

/**
 * The same searches as every other widget, so that on a page with them all the HIE sees each
 * search once (identical concurrent requests are shared).
 */
export function sourcesQueries(patient: string): QuerySpec[] {
  const all = [
    medicationsQueries,
    problemsQueries,
    allergiesQueries,
    resultsQueries,
    documentsQueries,
    appointmentsQueries,
    encountersQueries,
    carePlansQueries,
    careTeamQueries,
    immunisationsQueries,
  ].flatMap((queries) => queries(patient));
  const seen = new Set<string>();
  return all.filter((q) => {
    const key = `${q.resourceType}?${JSON.stringify(q.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
