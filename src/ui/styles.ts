import { css } from 'lit';
import { densityStyles } from './density-styles.js';

/**
 * Shared look of every widget. Colours default to the NHS palette (domain notes §8) and meet WCAG 2.2 AA:
 * text #212b32 on white 14.4:1, secondary #4c6272 6.4:1, links #005eb8 6.4:1, boundaries #768692 ≥ 3:1.
 */
export const widgetStyles = css`
  :host {
    --_text: var(--care-record-text-color, #212b32);
    --_muted: var(--care-record-secondary-text-color, #4c6272);
    --_bg: var(--care-record-background, #ffffff);
    --_surface: var(--care-record-surface, #f0f4f5);
    --_border: var(--care-record-border-color, #768692);
    --_accent: var(--care-record-accent-color, #005eb8);
    --_focus: var(--care-record-focus-color, #ffeb3b);
    --_warning-bg: var(--care-record-warning-background, #fff9c4);
    --_error: var(--care-record-error-color, #d5281b);
    --_space: var(--care-record-spacing, 8px);
    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--care-record-font-family, Frutiger W01, Arial, sans-serif);
    font-size: var(--care-record-font-size, 16px);
    line-height: 1.5;
    border: 1px solid var(--_border);
    border-radius: var(--care-record-radius, 4px);
    padding: calc(var(--_space) * 2);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .widget-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
    justify-content: space-between;
    margin-bottom: var(--_space);
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  .retrieved {
    color: var(--_muted);
    font-size: 0.875em;
  }
  button,
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 2px var(--_space);
    min-height: 32px;
  }
  button {
    cursor: pointer;
    color: var(--_accent);
    border-color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_text);
    box-shadow: 0 0 0 6px var(--_focus);
    outline-offset: 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  [part~='status'] {
    padding: var(--_space);
    margin: var(--_space) 0;
    border-left: 4px solid var(--_accent);
    background: var(--_surface);
  }
  [part~='status'].error {
    border-left-color: var(--_error);
  }
  [part~='status'].warning {
    border-left-color: var(--_text);
    background: var(--_warning-bg);
  }
  [part~='status'] p {
    margin: 0;
  }
  [part~='filters'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin: var(--_space) 0;
    padding: var(--_space);
    background: var(--_surface);
    border-radius: 4px;
  }
  [part~='filters'] label,
  [part~='filters'] legend {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='filters'] fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .source-filter summary {
    cursor: pointer;
    min-height: 32px;
    line-height: 32px;
    color: var(--_accent);
  }
  .source-filter .source-option {
    color: var(--_text);
    font-size: 0.875em;
  }
  .hidden-count {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    font-weight: 600;
  }
  ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .scroller {
    /* A virtual list sizes itself to its container, so the container needs a height, not a maximum. */
    height: var(--care-record-max-list-height, 32rem);
    overflow: auto;
  }
  [part~='item'] {
    border-top: 1px solid var(--_border);
    padding: var(--_space) 0;
    width: 100%;
  }
  [part~='source'] {
    display: inline-block;
    font-size: 0.875em;
  }
  [part~='source'] .type {
    color: var(--_muted);
  }
  [part~='freshness'] {
    display: inline-block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  [part~='freshness'].out-of-date {
    color: var(--_text);
    background: var(--_warning-bg);
    border: 1px solid var(--_text);
    padding: 0 4px;
    font-weight: 600;
  }
  .exact {
    display: none;
    color: var(--_muted);
  }
  [part~='item']:hover .exact,
  [part~='item']:focus-within .exact {
    display: inline;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .tag {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 4px;
    font-size: 0.875em;
  }
  .not-recorded {
    color: var(--_muted);
    font-style: italic;
  }
  .print-note {
    display: none;
  }
  @media print {
    .content {
      display: none !important;
    }
    .print-note {
      display: block;
    }
  }
  ${densityStyles}
`;
