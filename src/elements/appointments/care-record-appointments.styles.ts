import { css } from 'lit';

/** Layout of one appointment; the shared widget styles give the list, tags and provenance line. */
export const appointmentsStyles = css`
  .when,
  .title,
  .cancelled-note,
  .outcome-missing {
    margin: 0;
  }
  .when {
    font-weight: 600;
  }
  .description {
    color: var(--_muted);
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
  }
  .field .label {
    color: var(--_muted);
  }
  .tag.status.attention {
    color: var(--_text);
    background: var(--_warning-bg);
    border-width: 2px;
    font-weight: 600;
  }
  .tag.kind,
  .tag.channel {
    color: var(--_muted);
  }
  .cancelled .when time {
    text-decoration: line-through;
  }
  .cancelled-note,
  .outcome-missing {
    padding: 0 4px;
    border-left: 4px solid var(--_text);
    background: var(--_warning-bg);
  }
  /* The virtual list is size-contained, so max-height alone collapses it to one item. */
  .scroller {
    height: var(--care-record-max-list-height, 32rem);
  }
`;
