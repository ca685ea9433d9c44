import { FIRST_PAGE_SIZE } from '../fhir/page-size.js';
/** Items on the first page asked of the HIE; later pages are larger where the HIE's next links allow. */
export const PAGE_SIZE = String(FIRST_PAGE_SIZE);

/**
 * Search parameters for a patient's items with what names their source: the widget's own
 * `_include`s, PractitionerRole → Organization, and Provenance with its agents.
 */
export function sourceIncludes(
  patient: string,
  includes: string[],
  extra: Record<string, string | string[]> = {},
  iterate: string[] = [],
): Record<string, string | string[]> {
  return {
    patient,
    ...extra,
    _include: includes,
    '_include:iterate': ['PractitionerRole:organization', 'Provenance:agent', ...iterate],
    _revinclude: 'Provenance:target',
    _count: PAGE_SIZE,
  };
}
