import { css, html, nothing, type TemplateResult } from 'lit';
import { dateText } from './dates.js';

/** The parts care teams and care plans share: a titled item, its facts list and marked statuses. */
export const titledItemStyles = css`
  [part~='item'] h3 {
    font-size: 1.05em;
    margin: 0;
  }
  .facts {
    margin: 4px 0;
  }
  .facts > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dt::after {
    content: ':';
  }
  .facts dd {
    margin: 0;
  }
  .tag.attention {
    font-weight: 600;
    background: var(--_warning-bg);
    color: var(--_text);
  }
  h4 {
    font-size: 1em;
    margin: var(--_space) 0 4px;
  }
  a {
    color: var(--_accent);
  }
  /* A virtual list needs a definite height: with max-height alone it collapses to its 150px minimum. */
  .scroller {
    height: var(--care-record-max-list-height, 32rem);
  }
`;

/** The "Period" fact of a titled item; a missing end reads as not recorded, never as ongoing. */
export function periodFact(start: string | undefined, end: string | undefined): TemplateResult {
  return html`<div>
    <dt>Period</dt>
    <dd>
      ${dateText(start, 'Start not recorded')} to
      ${end ? dateText(end) : html`<span class="not-recorded">no end date recorded</span>`}
    </dd>
  </div>`;
}

/** The "Note" fact, left out when there are no notes. */
export function notesFact(notes: readonly string[]): TemplateResult | typeof nothing {
  return notes.length > 0 ? html`<div><dt>Note</dt><dd>${notes.join(' ')}</dd></div>` : nothing;
}
