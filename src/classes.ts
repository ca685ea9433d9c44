/** Element classes and types without registering anything (no side effects). */
export { CareRecordProvider } from './elements/provider/care-record-provider.js';
export { CareRecordMedications } from './elements/medications/care-record-medications.js';
export { CareRecordAllergies } from './elements/allergies/care-record-allergies.js';
export { CareRecordProblems } from './elements/problems/care-record-problems.js';
export { CareRecordResults } from './elements/results/care-record-results.js';
export { CareRecordAppointments } from './elements/appointments/care-record-appointments.js';
export { CareRecordDocuments } from './elements/documents/care-record-documents.js';
export { CareRecordEncounters } from './elements/encounters/care-record-encounters.js';
export { CareRecordCarePlans } from './elements/care-plans/care-record-care-plans.js';
export { CareRecordCareTeam } from './elements/care-team/care-record-care-team.js';
export { CareRecordSources } from './elements/sources/care-record-sources.js';
export { CareRecord } from './elements/care-record/care-record.js';
export { CareRecordElement } from './core/care-record-element.js';
export { careRecordConfigContext, type CareRecordConfig } from './core/config.js';
export type * from './core/events.js';
export type { WidgetState } from './core/record-controller.js';
export type { TokenProvider, HieErrorKind } from './fhir/types.js';
export { HieError } from './fhir/errors.js';
