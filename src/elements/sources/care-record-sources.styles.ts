import { css } from 'lit';

export const sourcesStyles = css`
  .source-name {
    font-weight: 600;
    margin: 0;
  }
  .counts {
    margin: 0;
  }
  .unavailable {
    display: inline-block;
    font-weight: 600;
    background: var(--_warning-bg);
    border: 1px solid var(--_text);
    padding: 0 4px;
  }
`;
