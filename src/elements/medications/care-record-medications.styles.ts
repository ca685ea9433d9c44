import { css } from 'lit';

export const medicationsStyles = css`
  .group {
    border-top: 1px solid var(--_border);
    padding: var(--_space) 0;
  }
  .group h3 {
    font-size: 1.05em;
    margin: 0;
  }
  .group .reported-by {
    font-size: 0.875em;
    color: var(--_muted);
    margin: 0;
  }
  .group + [part~='item'],
  [part~='item'] + [part~='item'] {
    border-top: 0;
  }
  [part~='item'] {
    border-left: 3px solid var(--_surface);
    padding: 4px var(--_space);
    margin: 4px 0 0 var(--_space);
    width: calc(100% - var(--_space));
  }
  .dosage-text {
    /* Dosage text as the prescriber wrote it: its line breaks are kept. */
    white-space: pre-line;
  }
  .dosage {
    margin: 0;
  }
`;
