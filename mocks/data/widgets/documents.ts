import type { PatientRecord } from '../record.js';

/**
 * Adds this widget's synthetic items to the mock patients' records (rich, large, bad-HIE…).
 * Filled in with the widget; until then it adds nothing.
 */
export function addDocuments(_records: Map<string, PatientRecord>, _now: Date): void {}
