import { CareRecordResults } from './elements/results/care-record-results.js';
import { define } from './core/define.js';

define(CareRecordResults);

export { CareRecordResults };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-results': CareRecordResults;
  }
}
