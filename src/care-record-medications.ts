import { CareRecordMedications } from './elements/medications/care-record-medications.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-medications')) {
  customElements.define('care-record-medications', CareRecordMedications);
}

export { CareRecordMedications };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-medications': CareRecordMedications;
  }
}
