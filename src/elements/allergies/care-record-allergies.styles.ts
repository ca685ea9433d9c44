import { css } from 'lit';

export const allergiesStyles = css`
  .name {
    margin: 0;
    font-weight: 600;
  }
  .name .tag {
    font-weight: normal;
  }
  .tag.attention,
  .severity.attention {
    font-weight: 700;
    background: var(--_warning-bg);
    color: var(--_text);
  }
  .tag.attention {
    border-width: 2px;
  }
  .uncertain-mark {
    border-style: dashed;
  }
  [part~='item'].high-criticality {
    border-left: 4px solid var(--_text);
    padding-left: var(--_space);
  }
  [part~='item'].no-known {
    border-left: 4px double var(--_border);
    padding-left: var(--_space);
    background: var(--_surface);
  }
  .no-known .name {
    font-weight: normal;
  }
  .no-known .statement {
    font-weight: 600;
  }
  .reactions {
    margin: 0;
    padding-left: calc(var(--_space) * 2);
  }
  .contradiction {
    margin: 4px 0;
    padding: 4px var(--_space);
    border: 1px solid var(--_text);
    background: var(--_warning-bg);
  }
  .recorded,
  .also,
  .note,
  .ended {
    margin: 0;
    font-size: 0.875em;
  }
  .also,
  .note {
    color: var(--_muted);
  }
`;
