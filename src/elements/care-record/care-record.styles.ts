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
    position: relative;
  }
  /* The toggle sits on the pod's heading line instead of a line of its own; the pod leaves it room. */
  .pod:not(.collapsed) .pod-bar {
    position: absolute;
    top: 6px;
    right: 20px;
    z-index: 1;
  }
  .pod:not(.collapsed) .pod-body {
    --_pod-header-inset: 4rem;
  }
  .record-bar {
    display: flex;
    margin-bottom: var(--care-record-spacing, 8px);
  }
  .record-bar input {
    font: inherit;
    flex: 1 1 auto;
    max-width: 32rem;
    min-width: 0;
    min-height: 32px;
    padding: 2px 8px;
    border: 1px solid var(--care-record-border-color, #768692);
    border-radius: 4px;
    color: inherit;
    background: var(--care-record-background, #ffffff);
  }
  .record-bar input:focus-visible {
    outline: 3px solid var(--care-record-text-color, #212b32);
    box-shadow: 0 0 0 6px var(--care-record-focus-color, #ffeb3b);
  }
  .record-status {
    padding: 8px 12px;
    margin-bottom: var(--care-record-spacing, 8px);
    border-left: 6px solid var(--care-record-error-color, #d5281b);
    background: var(--care-record-warning-background, #fff9c4);
  }
  .record-status p {
    margin: 0 0 4px;
  }
  @media (forced-colors: active) {
    .record-status {
      border: 2px solid CanvasText;
    }
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
    .record-bar,
    .record-status,
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
