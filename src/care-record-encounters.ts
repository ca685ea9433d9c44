import { CareRecordEncounters } from './elements/encounters/care-record-encounters.js';
import { define } from './core/define.js';

define(CareRecordEncounters);

export { CareRecordEncounters };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-encounters': CareRecordEncounters;
  }
}
