import { css } from 'lit';

/** Layout of one encounter; the shared widget styles give the list, tags and provenance line. */
export const encountersStyles = css`
  .title {
    margin: 0;
    font-weight: 600;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .field .label {
    color: var(--_muted);
  }
  .tag.class {
    color: var(--_muted);
  }
  .tag.status.attention {
    color: var(--_text);
    background: var(--_warning-bg);
    border-width: 2px;
    font-weight: 600;
  }
  .not-happened .title {
    font-weight: normal;
  }
  .open-end {
    color: var(--_muted);
  }
  /* The virtual list is size-contained, so max-height alone collapses it to one item. */
  .scroller {
    height: var(--care-record-max-list-height, 32rem);
  }
`;
