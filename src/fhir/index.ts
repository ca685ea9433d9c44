export { HieClient } from './client.js';
export { HieError } from './errors.js';
export { searchWithIncludeFallback } from './include-fallback.js';
export { isTruncatedIncludesIssue } from './more-includes.js';
export { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';
export { patientGuard, patientReferencesOf, referencesPatient } from './patient-guard.js';
export { isOperationOutcome, outcomeText } from './outcome.js';
export * from './hie-contract.js';
export type * from './types.js';
