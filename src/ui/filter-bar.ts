import { html, nothing, type TemplateResult } from 'lit';
import type { FilterOutcome, FilterSpec, FilterState } from '../model/view-types.js';

export interface SourceOption {
  key: string;
  label: string;
}

export interface FilterBarOptions<Row> {
  spec: FilterSpec<Row>;
  state: FilterState;
  outcome: FilterOutcome<Row>;
  sources: readonly SourceOption[];
  /** Plural noun of the widget's items, e.g. "medications". */
  noun: string;
  onChange: (next: FilterState) => void;
  onShowAll: () => void;
}

function toggled(list: readonly string[], key: string, on: boolean): string[] {
  const rest = list.filter((k) => k !== key);
  return on ? [...rest, key] : rest;
}

/**
 * Status, date and source filters. Whenever they hide anything the bar says how many and why, next
 * to one button that shows everything again.
 */
export function filterBar<Row>(opts: FilterBarOptions<Row>): TemplateResult {
  const { spec, state, outcome, sources, noun, onChange, onShowAll } = opts;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<div part="filters" role="group" aria-label="Filter ${noun}">
    <div>
      <label for="status-filter">Show</label>
      <select
        id="status-filter"
        .value=${state.status}
        @change=${(e: Event) => onChange({ ...state, status: value(e) })}
      >
        ${spec.statusOptions.map(
          (o) => html`<option value=${o.value} ?selected=${o.value === state.status}>${o.label}</option>`,
        )}
      </select>
    </div>
    <div>
      <label for="from-filter">From</label>
      <input
        id="from-filter"
        type="date"
        .value=${state.from}
        @change=${(e: Event) => onChange({ ...state, from: value(e) })}
      />
    </div>
    <div>
      <label for="to-filter">To</label>
      <input
        id="to-filter"
        type="date"
        .value=${state.to}
        @change=${(e: Event) => onChange({ ...state, to: value(e) })}
      />
    </div>
    ${sources.length > 1
      ? html`<details class="source-filter" ?open=${state.sources.length > 0}>
          <summary>
            Sources:
            ${state.sources.length === 0 ? `all ${sources.length}` : `${state.sources.length} of ${sources.length}`}
          </summary>
          <fieldset>
            <legend class="visually-hidden">Show items from these sources (none ticked shows all)</legend>
            ${sources.map(
              (s) => html`<label class="source-option"
                ><input
                  type="checkbox"
                  .checked=${state.sources.includes(s.key)}
                  @change=${(e: Event) =>
                    onChange({
                      ...state,
                      sources: toggled(state.sources, s.key, (e.target as HTMLInputElement).checked),
                    })}
                />
                ${s.label}</label
              >`,
            )}
          </fieldset>
        </details>`
      : nothing}
    ${outcome.hidden > 0
      ? html`<p class="hidden-count" role="status">
          <span
            >${outcome.hidden} ${outcome.hidden === 1 ? 'item is' : 'items are'} hidden by your filters:
            ${outcome.reasons.join('; ')}.</span
          >
          <button type="button" class="show-all" @click=${onShowAll}>
            Show all ${noun}
          </button>
        </p>`
      : nothing}
  </div>`;
}
