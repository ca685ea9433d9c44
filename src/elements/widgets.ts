import type { QuerySpec } from '../core/record-assembly.js';
import { allergiesQueries } from './allergies/allergies.queries.js';
import { appointmentsQueries } from './appointments/appointments.queries.js';
import { carePlansQueries } from './care-plans/care-plans.queries.js';
import { careTeamQueries } from './care-team/care-team.queries.js';
import { documentsQueries } from './documents/documents.queries.js';
import { encountersQueries } from './encounters/encounters.queries.js';
import { medicationsQueries } from './medications/medications.queries.js';
import { problemsQueries } from './problems/problems.queries.js';
import { resultsQueries } from './results/results.queries.js';

export interface WidgetEntry {
  /** Its name in `<care-record sections="…">`. */
  readonly section: string;
  /** Its tag, as its descriptor and its entry file `src/<tag>.ts` name it. */
  readonly tag: `care-record-${string}`;
  /** The pod's label in `<care-record>`. */
  readonly label: string;
  /** Its searches, which the sources widget runs too; the sources widget has none of its own. */
  readonly queries?: (patient: string) => QuerySpec[];
}

/**
 * Every data widget, in `<care-record>`'s default order. It feeds the composite's sections, the
 * sources widget's searches and the tests' list of tags; it holds no element class, so an entry that
 * registers one widget does not load the others. Adding a widget: its folder, its entry file, one line here.
 */
export const WIDGETS = [
  { section: 'medications', tag: 'care-record-medications', label: 'Medications', queries: medicationsQueries },
  { section: 'allergies', tag: 'care-record-allergies', label: 'Allergies', queries: allergiesQueries },
  { section: 'problems', tag: 'care-record-problems', label: 'Problems and diagnoses', queries: problemsQueries },
  { section: 'results', tag: 'care-record-results', label: 'Test results', queries: resultsQueries },
  { section: 'appointments', tag: 'care-record-appointments', label: 'Appointments', queries: appointmentsQueries },
  { section: 'documents', tag: 'care-record-documents', label: 'Letters and documents', queries: documentsQueries },
  { section: 'encounters', tag: 'care-record-encounters', label: 'Encounters', queries: encountersQueries },
  { section: 'care-plans', tag: 'care-record-care-plans', label: 'Care plans', queries: carePlansQueries },
  { section: 'care-team', tag: 'care-record-care-team', label: 'Care team', queries: careTeamQueries },
  { section: 'sources', tag: 'care-record-sources', label: 'Sources of this record' },
] as const satisfies readonly WidgetEntry[];

export type WidgetTag = (typeof WIDGETS)[number]['tag'];
