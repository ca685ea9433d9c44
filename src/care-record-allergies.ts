import { CareRecordAllergies } from './elements/allergies/care-record-allergies.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-allergies')) {
  customElements.define('care-record-allergies', CareRecordAllergies);
}

export { CareRecordAllergies };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-allergies': CareRecordAllergies;
  }
}
