import { CareRecord } from './elements/care-record/care-record.js';
import { ensureContextRoot } from './core/context-root.js';
import './care-record-medications.js';
import './care-record-allergies.js';
import './care-record-problems.js';
import './care-record-results.js';
import './care-record-appointments.js';
import './care-record-documents.js';
import './care-record-encounters.js';
import './care-record-care-plans.js';
import './care-record-care-team.js';
import './care-record-immunisations.js';
import './care-record-sources.js';

ensureContextRoot();
if (!customElements.get('care-record')) {
  customElements.define('care-record', CareRecord);
}

export { CareRecord };

declare global {
  interface HTMLElementTagNameMap {
    'care-record': CareRecord;
  }
}
