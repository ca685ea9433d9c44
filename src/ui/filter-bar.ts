import { html, nothing, type TemplateResult } from 'lit';
import type { FilterState } from '../model/view-types.js';

export interface SourceOption {
  key: string;
  label: string;
}

export interface FilterBarOptions {
  state: FilterState;
  sources: readonly SourceOption[];
  /** Plural noun of the widget's items, e.g. "medications". */
  noun: string;
  /** Closed until the toolbar's "Filters" button opens it. */
  open: boolean;
  onChange: (next: FilterState) => void;
}

function toggled(list: readonly string[], key: string, on: boolean): string[] {
  const rest = list.filter((k) => k !== key);
  return on ? [...rest, key] : rest;
}

/**
 * Date and source filters, opened from the toolbar. What they hide is said in the pod's signal lines
 * (with "Show all"), so closing the form never hides that anything is hidden.
 */
export function filterBar(opts: FilterBarOptions): TemplateResult {
  const { state, sources, noun, open, onChange } = opts;
  const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;
  return html`<div part="filters" id="filter-form" role="group" aria-label="Filter ${noun} by date and source" ?hidden=${!open}>
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
  </div>`;
}
