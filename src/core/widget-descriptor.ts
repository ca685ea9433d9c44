import type { TemplateResult } from 'lit';
import type { QuerySpec } from './record-assembly.js';
import type { ModelInput, RecordRow } from '../model/record-types.js';
import type { FilterSpec } from '../model/view-types.js';
import type { RowView } from '../ui/row-disclosure.js';

/**
 * A widget in one static description (`static readonly widget` on its class), read by the base
 * element: it runs the searches, builds the rows with the model, and renders the heading, the states,
 * the filters and the list. The class keeps only what is its own (an open document, an expanded
 * panel, grouped rows). Static, so it exists before the base element's controllers are built.
 */
export interface WidgetDescriptor<Row extends RecordRow> {
  /** The element's tag; its entry file registers the class under it. */
  readonly tag: `care-record-${string}`;
  /** Default heading, e.g. "Medications"; the `heading` attribute replaces it. */
  readonly heading: string;
  /** Plural noun of the items, e.g. "medications", in the states, the filters and the section notice. */
  readonly noun: string;
  /** The FHIR searches for a patient (`Patient/<id>`). */
  queries(patient: string): QuerySpec[];
  /** The searches' resources made into rows; pure. */
  model(input: ModelInput): Row[];
  /** Status filter options (the first is the default view) and words for what they hide. */
  readonly filters: FilterSpec<Row>;
  /**
   * One visible row as a list item (`<li part="item">`), unless the class renders its own. `view`
   * says which of the row's fields the density shows at once and gives the row its disclosure.
   */
  item?(row: Row, now: Date, view: RowView): TemplateResult;
  /** False when rows sum up every item (the sources list): shown once complete. Default true. */
  readonly progressive?: boolean;
}
