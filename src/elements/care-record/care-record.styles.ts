import { css } from 'lit';

export const careRecordStyles = css`
  :host {
    display: block;
    font-family: var(--care-record-font-family, Frutiger W01, Arial, sans-serif);
    color: var(--care-record-text-color, #212b32);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--care-record-pod-min-width, 26rem)), 1fr));
    gap: var(--care-record-spacing, 8px);
    align-items: start;
  }
  .pod {
    min-width: 0;
  }
  .pod-body {
    max-height: var(--care-record-pod-max-height, none);
    overflow: auto;
  }
  .pod-bar {
    display: flex;
    justify-content: flex-end;
  }
  .pod.collapsed .pod-bar {
    justify-content: space-between;
    align-items: center;
    border: 1px solid var(--care-record-border-color, #768692);
    border-radius: var(--care-record-radius, 4px);
    padding: var(--care-record-spacing, 8px);
    background: var(--care-record-background, #ffffff);
  }
  .pod-title {
    font-size: 1.125em;
    font-weight: 600;
    margin: 0;
  }
  button {
    font: inherit;
    font-size: 0.875em;
    color: var(--care-record-accent-color, #005eb8);
    background: var(--care-record-background, #ffffff);
    border: 1px solid var(--care-record-accent-color, #005eb8);
    border-radius: 4px;
    min-height: 32px;
    padding: 2px 8px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--care-record-text-color, #212b32);
    box-shadow: 0 0 0 6px var(--care-record-focus-color, #ffeb3b);
  }
  .unknown {
    border-left: 4px solid var(--care-record-error-color, #d5281b);
    padding: 8px;
    background: var(--care-record-surface, #f0f4f5);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .print-note {
    display: none;
  }
  @media print {
    .grid,
    .unknown {
      display: none !important;
    }
    .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .print-note {
      display: block;
    }
  }
`;
