/** Registers every element. Import single elements from `care-record-elements/care-record-<name>.js`. */
import './care-record-provider.js';
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
import './care-record.js';

export * from './classes.js';
