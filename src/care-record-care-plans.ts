import { CareRecordCarePlans } from './elements/care-plans/care-record-care-plans.js';
import { define } from './core/define.js';

define(CareRecordCarePlans);

export { CareRecordCarePlans };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-care-plans': CareRecordCarePlans;
  }
}
