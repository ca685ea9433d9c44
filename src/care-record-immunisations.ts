import { CareRecordImmunisations } from './elements/immunisations/care-record-immunisations.js';
import { define } from './core/define.js';

define(CareRecordImmunisations);

export { CareRecordImmunisations };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-immunisations': CareRecordImmunisations;
  }
}
