import { css } from 'lit';

/**
 * The toolbar, the signal lines and the two densities. Compact (the default) sets each item out in one
 * or two lines with the short source and freshness; the full wording is kept, visually hidden, for
 * screen readers, and shown again when the row is hovered or focused and in the comfortable density.
 * Safety signals are never made smaller than the items' own text and never hidden.
 */
export const densityStyles = css`
  /* Reflow at 320 px (WCAG 1.4.10): tables share the pod's width, long words and codes wrap. */
  table {
    width: 100%;
    table-layout: fixed;
  }
  th,
  td,
  [part~='item'] {
    overflow-wrap: anywhere;
  }
  .widget-header {
    padding-inline-end: var(--_pod-header-inset, 0);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 4px var(--_space);
    align-items: center;
    margin: 4px 0;
  }
  .toolbar .view {
    max-width: 100%;
  }
  .toolbar .search {
    flex: 1 1 8rem;
    min-width: 0;
  }
  .filters-toggle.set {
    font-weight: 600;
  }
  [part~='filters'][hidden] {
    display: none;
  }
  [part~='filters'] input[type='date'] {
    max-width: 11rem;
    font-size: 0.875em;
  }
  .signals.quiet {
    padding: 0;
    margin: 0;
    border: 0;
  }
  .signal-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .signal {
    overflow-wrap: anywhere;
  }
  .signal + .signal {
    border-top: 1px solid var(--_border);
  }
  .signal details {
    display: inline;
  }
  .signal summary {
    cursor: pointer;
  }
  .signal-detail {
    margin: 2px 0 4px;
    padding-left: 1.25em;
    font-weight: 400;
  }
  /* The old hidden-count paragraph was a flex row, which put the action on a line of its own. */
  .signal.hidden-count {
    display: block;
    font-weight: 600;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0 2px;
    min-height: 24px;
    text-decoration: underline;
  }
  [part~='source'] .short,
  [part~='freshness'] .short {
    display: none;
  }
  :host([density='compact']) {
    padding: 6px var(--_space);
    line-height: 1.3;
  }
  :host([density='compact']) .widget-header {
    margin-bottom: 0;
    gap: 0 var(--_space);
  }
  :host([density='compact']) h2 {
    font-size: 1.125em;
    line-height: 1.25;
  }
  :host([density='compact']) .refresh {
    min-height: 24px;
    font-size: 0.875em;
  }
  /* The same size as the rows' facts: one line each, bold where the clinician's own choice hides items. */
  :host([density='compact']) .signals {
    font-size: 0.875em;
  }
  :host([density='compact']) [part~='status'] {
    padding: 2px var(--_space);
    margin: 2px 0 4px;
  }
  :host([density='compact']) .toolbar {
    margin: 2px 0;
  }
  :host([density='compact']) button,
  :host([density='compact']) select,
  :host([density='compact']) input {
    min-height: 28px;
    padding: 0 6px;
  }
  :host([density='compact']) .row-toggle {
    min-height: 20px;
    padding: 0 4px;
  }
  :host([density='compact']) button.link {
    min-height: 24px;
    padding: 0 2px;
  }
  :host([density='compact']) [part~='item'] {
    padding: 1px 0 2px;
    margin-top: 0;
  }
  /* "Not recorded" markers stay in words, at the size of the row's other facts. */
  :host([density='compact']) .main .flagged.none,
  :host([density='compact']) .main h3,
  :host([density='compact']) .main .not-recorded {
    font-size: 0.875em;
  }
  :host([density='compact']) [part~='item'] p,
  :host([density='compact']) [part~='item'] h3,
  :host([density='compact']) [part~='item'] h4 {
    margin: 0;
  }
  :host([density='compact']) .meta {
    gap: 0 var(--_space);
    font-size: 0.875em;
  }
  :host([density='compact']) .provenance {
    color: var(--_muted);
    gap: 0 4px;
  }
  :host([density='compact']) [part~='source'] .short,
  :host([density='compact']) [part~='freshness'] .short {
    display: inline;
  }
  :host([density='compact']) [part~='source'] .full,
  :host([density='compact']) [part~='freshness'] .full {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
    padding: 0;
  }
  /* An opened row says its source and freshness in full. */
  :host([density='compact']) [part~='item']:has(> .more:not([hidden])) :is([part~='source'], [part~='freshness']) .full {
    position: static;
    width: auto;
    height: auto;
    overflow: visible;
    clip: auto;
    white-space: normal;
  }
  :host([density='compact']) [part~='item']:has(> .more:not([hidden])) :is([part~='source'], [part~='freshness']) .short {
    display: none;
  }
  :host([density='compact']) [part~='freshness'].out-of-date {
    padding: 0 2px;
  }
  /* The separator sits with the source, outside the out-of-date mark's box. */
  :host([density='compact']) .provenance [part~='source']::after {
    content: ' ·';
  }
  /* The status the default view implies ("Active" in current medications) is left to screen readers. */
  :host([density='compact']) .default-view .tag.status:not(.attention):is(
      [data-status='active'],
      [data-status='booked'],
      [data-status='current'],
      [data-status='final']
    ) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
    padding: 0;
  }
  /* 24 px wide and spaced a row apart: WCAG 2.5.8's spacing allows the shorter height. */
  .row-toggle {
    border: 0;
    background: none;
    padding: 0 4px;
    min-height: 20px;
    min-width: 24px;
    line-height: 1;
  }
  .more[hidden] {
    display: none;
  }
  /*
   * A compact row flows like an EPR list line: the button, the main text and its key facts, then the
   * short source and freshness pushed to the right, wrapping onto a second line only when needed.
   */
  :host([density='compact']) [part~='item'] > .line {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: var(--_space);
  }
  :host([density='compact']) .line > .main {
    display: contents;
  }
  :host([density='compact']) .line > .provenance {
    margin-left: auto;
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0 4px;
  }
  :host([density='compact']) .main > p,
  :host([density='compact']) .main > h3,
  :host([density='compact']) .main > .title,
  :host([density='compact']) .main > .meta {
    margin: 0;
  }
  :host([density='compact']) .main > .meta,
  :host([density='compact']) .main > .title {
    display: inline-flex;
    flex-wrap: wrap;
    column-gap: 4px;
  }
  :host([density='compact']) .main > ul {
    display: inline;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  :host([density='compact']) .main > ul > li {
    display: inline;
  }
  :host([density='compact']) .main > ul > li + li::before {
    content: '; ';
  }
  :host([density='compact']) .main .measurement {
    display: inline;
    margin: 0 4px 0 0;
  }
  /* Reference ranges open with the row (value, unit, flag and time stay on its line). */
  :host([density='compact']) [part~='item']:not(:has(> .more:not([hidden]))) .main .range,
  :host([density='compact']) .main .range.not-recorded {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
    padding: 0;
  }
  :host([density='compact']) .main button.toggle-members,
  :host([density='compact']) .main button.open {
    min-height: 24px;
    padding: 0 6px;
    font-size: 0.875em;
  }
  :host([density='compact']) .more {
    padding: 2px 0 4px 1.75rem;
    font-size: 0.875em;
  }
  :host([density='compact']) .group {
    padding: 2px 0;
  }
  /* Windows High Contrast drops backgrounds: chips, flags and signals keep a system-coloured border. */
  @media (forced-colors: active) {
    .tag,
    [part~='freshness'].out-of-date,
    [part~='status'],
    .signal + .signal {
      border-color: CanvasText;
    }
    .tag,
    [part~='freshness'].out-of-date {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }
`;
