import { CareRecordCarePlans } from './elements/care-plans/care-record-care-plans.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-care-plans')) {
  customElements.define('care-record-care-plans', CareRecordCarePlans);
}

export { CareRecordCarePlans };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-care-plans': CareRecordCarePlans;
  }
}
