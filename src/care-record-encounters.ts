import { CareRecordEncounters } from './elements/encounters/care-record-encounters.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-encounters')) {
  customElements.define('care-record-encounters', CareRecordEncounters);
}

export { CareRecordEncounters };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-encounters': CareRecordEncounters;
  }
}
