import { html, nothing, type TemplateResult } from 'lit';
import type { FilterSpec, FilterState } from '../model/view-types.js';

export interface RecordToolbarOptions<Row> {
  spec: FilterSpec<Row>;
  state: FilterState;
  /** Plural noun of the widget's items, e.g. "medications". */
  noun: string;
  /** Undefined leaves the search box out (`<care-record>` has one box for every pod). */
  search: string | undefined;
  filtersOpen: boolean;
  onChange: (next: FilterState) => void;
  onSearch: (term: string) => void;
  onToggleFilters: () => void;
}

/** How many of the date and source filters are set: what the closed "Filters" button says. */
export function filtersSet(state: FilterState): number {
  return (state.from ? 1 : 0) + (state.to ? 1 : 0) + (state.sources.length > 0 ? 1 : 0);
}

/** The view selector (current / all / past…). */
export function viewSelect<Row>(spec: FilterSpec<Row>, state: FilterState, onChange: (next: FilterState) => void): TemplateResult {
  return html`<label class="visually-hidden" for="status-filter">Show</label>
    <select
      id="status-filter"
      class="view"
      .value=${state.status}
      @change=${(e: Event) => onChange({ ...state, status: (e.target as HTMLSelectElement).value })}
    >
      ${spec.statusOptions.map(
        (o) => html`<option value=${o.value} ?selected=${o.value === state.status}>${o.label}</option>`,
      )}
    </select>`;
}

/** Type-to-find over the pod's items; Escape clears it. */
export function searchBox(noun: string, term: string, onSearch: (term: string) => void): TemplateResult {
  return html`<input
    type="search"
    id="search-box"
    class="search"
    part="search"
    aria-label="Find in ${noun}"
    placeholder="Find in ${noun}"
    autocomplete="off"
    .value=${term}
    @input=${(e: Event) => onSearch((e.target as HTMLInputElement).value)}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape' && term) {
        e.preventDefault();
        onSearch('');
      }
    }}
  />`;
}

/**
 * One line above the items: the view, the search box, and a "Filters" button that opens the date and
 * source filters and says how many are set, so a set filter is never out of sight when closed.
 */
export function recordToolbar<Row>(opts: RecordToolbarOptions<Row>): TemplateResult {
  const { spec, state, noun, search, filtersOpen, onChange, onSearch, onToggleFilters } = opts;
  const set = filtersSet(state);
  return html`<div class="toolbar" part="toolbar">
    ${viewSelect(spec, state, onChange)} ${search === undefined ? nothing : searchBox(noun, search, onSearch)}
    <button
      type="button"
      class="filters-toggle ${set > 0 ? 'set' : ''}"
      aria-expanded=${filtersOpen ? 'true' : 'false'}
      aria-controls="filter-form"
      @click=${onToggleFilters}
    >
      Filters${set > 0 ? ` (${set})` : ''}<span class="visually-hidden"> for dates and sources</span>
    </button>
  </div>`;
}
