import { CareRecordImmunisations } from './elements/immunisations/care-record-immunisations.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-immunisations')) {
  customElements.define('care-record-immunisations', CareRecordImmunisations);
}

export { CareRecordImmunisations };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-immunisations': CareRecordImmunisations;
  }
}
