import { CareRecordAllergies } from './elements/allergies/care-record-allergies.js';
import { define } from './core/define.js';

define(CareRecordAllergies);

export { CareRecordAllergies };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-allergies': CareRecordAllergies;
  }
}
