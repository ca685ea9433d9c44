import { css } from 'lit';

export const resultsStyles = css`
  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
  }
  h3 {
    font-size: 1.05em;
    margin: 0;
  }
  .category {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .measurement,
  .conclusion,
  .note,
  .status-note,
  .flagged,
  .missing-members,
  .attachments,
  .member-name {
    margin: 2px 0;
  }
  .measurement {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--_space);
  }
  .value {
    font-weight: 600;
  }
  .value.not-recorded {
    font-weight: 400;
  }
  .unit-missing {
    font-style: italic;
    border-bottom: 1px dashed currentColor;
  }
  .range {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .interpretation {
    display: inline-block;
    border: 1px solid currentColor;
    border-radius: 4px;
    padding: 0 4px;
    font-size: 0.875em;
  }
  .interpretation[data-level='abnormal'] {
    font-weight: 600;
  }
  .interpretation[data-level='critical'] {
    font-weight: 700;
    color: var(--_error);
    border-width: 2px;
  }
  .flag[data-level='critical'] {
    font-weight: 700;
  }
  .status-note {
    font-weight: 600;
  }
  .tag.status.attention {
    font-weight: 700;
    border-width: 2px;
  }
  .components,
  .members {
    list-style: none;
    margin: 4px 0;
    padding: 0;
  }
  .members {
    border-left: 3px solid var(--_border);
    padding-left: var(--_space);
  }
  .member {
    padding: 4px 0;
  }
  .member + .member {
    border-top: 1px solid var(--_surface);
  }
  .member-name {
    font-weight: 600;
  }
  .toggle-members {
    margin: 4px 0;
  }
  .trend {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    margin: 4px 0;
  }
  .sparkline {
    flex: none;
    overflow: visible;
  }
  .trend-range {
    fill: var(--_surface);
    stroke: var(--_border);
    stroke-width: 0.5;
    stroke-dasharray: 2 2;
  }
  .trend-line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5;
  }
  .trend-point {
    fill: var(--_accent);
  }
  .trend-point.latest {
    fill: var(--_text);
  }
  .trend-table summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  .trend-table table {
    border-collapse: collapse;
    font-size: 0.875em;
    margin-top: 4px;
  }
  .trend-table caption {
    text-align: left;
    font-weight: 600;
  }
  .trend-table th,
  .trend-table td {
    border-bottom: 1px solid var(--_border);
    padding: 2px var(--_space);
    text-align: left;
    vertical-align: top;
  }
`;
