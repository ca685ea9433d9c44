import { css } from 'lit';

export const immunisationsStyles = css`
  .vaccine {
    margin: 0;
    font-weight: 600;
  }
  /*
   * Compact: a product name from dm+d runs to three lines ("Adjuvanted trivalent influenza vaccine
   * (surface antigen, inactivated) suspension for injection 0.5ml pre-filled syringes"); it keeps one
   * line beside the row's button, and the whole name opens with the row (and is its title).
   */
  :host([density='compact']) .vaccine {
    flex: 1 1 12rem;
    min-width: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  :host([density='comfortable']) .vaccine-full {
    display: none;
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
