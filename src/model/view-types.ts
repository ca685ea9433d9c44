/**
 * What a widget shows besides its rows: its state and its filters. Shared by the display parts
 * (`ui/`) and the element machinery (`core/`), so neither imports the other's files for types.
 */

export type WidgetState =
  | 'idle'
  | 'loading'
  | 'ready'
  | 'empty'
  | 'error'
  | 'forbidden'
  | 'unauthorized';

/** One choice of the status filter, e.g. "Current" or "All". */
export interface StatusOption<Row> {
  value: string;
  label: string;
  /** Undefined means the option lets every row through. */
  matches?: (row: Row) => boolean;
}

/** What a widget tells the shared filters about its rows. */
export interface FilterSpec<Row> {
  /** The first option is the widget's default view. One option must let every row through. */
  statusOptions: StatusOption<Row>[];
  /** Words for rows the chosen status option hides, e.g. `3 past medications`. */
  describeHidden: (count: number, option: StatusOption<Row>) => string;
}

export interface FilterState {
  status: string;
  /** Inclusive ISO dates (YYYY-MM-DD); empty means open. */
  from: string;
  to: string;
  /** Source keys to show; empty means every source. */
  sources: string[];
}

export interface FilterOutcome<Row> {
  visible: Row[];
  hidden: number;
  /** One phrase per filter that hides rows, e.g. "3 past medications", "2 outside the dates". */
  reasons: string[];
}
