/** Registers every element. Import single elements from `care-record-elements/care-record-<name>.js`. */
import './care-record-provider.js';
import './care-record-medications.js';

export * from './classes.js';
