import { CareRecordMedications } from './elements/medications/care-record-medications.js';
import { define } from './core/define.js';

define(CareRecordMedications);

export { CareRecordMedications };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-medications': CareRecordMedications;
  }
}
