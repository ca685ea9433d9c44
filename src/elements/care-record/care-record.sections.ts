import { WIDGETS } from '../widgets.js';

type Widget = (typeof WIDGETS)[number];

export type SectionName = Widget['section'];

/** The pods `<care-record>` can lay out, in their default order, and the tag of each. */
export const SECTIONS = Object.fromEntries(WIDGETS.map((w) => [w.section, w.tag])) as {
  readonly [S in SectionName]: Extract<Widget, { section: S }>['tag'];
};

export const SECTION_LABELS = Object.fromEntries(WIDGETS.map((w) => [w.section, w.label])) as Record<SectionName, string>;

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
    if (!Object.hasOwn(SECTIONS, name)) unknown.push(name);
    else if (!sections.includes(name as SectionName)) sections.push(name as SectionName);
  }
  return { sections, unknown };
}
