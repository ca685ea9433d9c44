import { CareRecord } from './elements/care-record/care-record.js';
import { define } from './core/define.js';
import './care-record-medications.js';
import './care-record-allergies.js';
import './care-record-problems.js';
import './care-record-results.js';
import './care-record-appointments.js';
import './care-record-documents.js';
import './care-record-encounters.js';
import './care-record-care-plans.js';
import './care-record-care-team.js';
import './care-record-sources.js';

define(CareRecord, 'care-record');

export { CareRecord };

declare global {
  interface HTMLElementTagNameMap {
    'care-record': CareRecord;
  }
}
