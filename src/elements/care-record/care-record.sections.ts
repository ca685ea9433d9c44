/** The pods `<care-record>` can lay out, in their default order, and the tag of each. */
export const SECTIONS = {
  medications: 'care-record-medications',
  allergies: 'care-record-allergies',
  problems: 'care-record-problems',
  results: 'care-record-results',
  appointments: 'care-record-appointments',
  documents: 'care-record-documents',
  encounters: 'care-record-encounters',
  'care-plans': 'care-record-care-plans',
  'care-team': 'care-record-care-team',
  sources: 'care-record-sources',
} as const;

export type SectionName = keyof typeof SECTIONS;

export const SECTION_LABELS: Record<SectionName, string> = {
  medications: 'Medications',
  allergies: 'Allergies',
  problems: 'Problems and diagnoses',
  results: 'Test results',
  appointments: 'Appointments',
  documents: 'Letters and documents',
  encounters: 'Encounters',
  'care-plans': 'Care plans',
  'care-team': 'Care team',
  sources: 'Sources of this record',
};

/**
 * Reads the `sections` attribute: names in the host's order, unknown and repeated names ignored.
 * Empty means every section in the default order.
 */
export function parseSections(value: string | null | undefined): { sections: SectionName[]; unknown: string[] } {
  const names = (value ?? '').split(/[\s,]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0) return { sections: Object.keys(SECTIONS) as SectionName[], unknown: [] };
  const sections: SectionName[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (!(name in SECTIONS)) unknown.push(name);
    else if (!sections.includes(name as SectionName)) sections.push(name as SectionName);
  }
  return { sections, unknown };
}
