/** Items per page asked of the HIE; paging continues up to the widget's entry cap. */
export const PAGE_SIZE = '100';

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
