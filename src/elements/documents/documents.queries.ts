import type { QuerySpec } from '../../core/record-controller.js';
import { sourceIncludes } from '../../core/queries.js';

/**
 * DocumentReferences with their custodians and authors, and Compositions with their authors (R4 has
 * no Composition `custodian` search parameter, so its custodian is named by display or Provenance).
 * Attachments are fetched only when a document is opened.
 */
export function documentsQueries(patient: string): QuerySpec[] {
  return [
    {
      resourceType: 'DocumentReference',
      params: sourceIncludes(patient, ['DocumentReference:custodian', 'DocumentReference:author']),
    },
    {
      resourceType: 'Composition',
      params: sourceIncludes(patient, ['Composition:author']),
    },
  ];
}
