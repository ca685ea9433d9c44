import { css } from 'lit';

export const immunisationsStyles = css`
  .vaccine {
    margin: 0;
    font-weight: 600;
  }
  .details,
  .origin,
  .subpotent,
  .not-given-reason {
    font-size: 0.875em;
    margin: 0;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .label {
    color: var(--_muted);
  }
  [part~='item'].not-given {
    border-left: 4px dashed var(--_text);
    padding-left: var(--_space);
  }
  .tag.status[data-status='not-done'],
  .subpotent {
    font-weight: 600;
    background: var(--_warning-bg);
    color: var(--_text);
  }
`;
