import { css } from 'lit';

export const problemsStyles = css`
  .name {
    margin: 0;
    font-weight: 600;
  }
  .uncertain-mark,
  .category {
    font-weight: normal;
  }
  .uncertain-mark {
    border-style: dashed;
  }
  [part~='item'].uncertain {
    border-left: 3px dashed var(--_border);
    padding-left: var(--_space);
  }
  .recorded,
  .also,
  .note {
    margin: 0;
    font-size: 0.875em;
  }
  .also,
  .note {
    color: var(--_muted);
  }
`;
