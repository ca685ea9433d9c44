import { css } from 'lit';

export const documentsStyles = css`
  .title {
    font-size: 1.05em;
    margin: 0;
  }
  .people,
  .also-shared,
  .copy-advice {
    font-size: 0.875em;
    margin: 0;
  }
  .copy-advice {
    color: var(--_muted);
  }
  .tag.attention {
    font-weight: 600;
    background: var(--_warning-bg);
    color: var(--_text);
  }
  button.open {
    margin-top: 4px;
  }
`;
