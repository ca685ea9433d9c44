import { asRecord, asString, lookupTable } from './json-guards.js';

export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** The kinds of contact the encounters filter offers, from Encounter.class. */
export type EncounterGroup = 'admission' | 'emergency' | 'outpatient' | 'virtual';

const CLASSES: Record<string, { label: string; group: EncounterGroup }> = lookupTable({
  AMB: { label: 'Outpatient or clinic', group: 'outpatient' },
  EMER: { label: 'Emergency', group: 'emergency' },
  FLD: { label: 'Ambulance or on scene (field)', group: 'emergency' },
  HH: { label: 'Home visit', group: 'outpatient' },
  IMP: { label: 'Inpatient admission', group: 'admission' },
  ACUTE: { label: 'Inpatient admission (acute)', group: 'admission' },
  NONAC: { label: 'Inpatient admission (non-acute)', group: 'admission' },
  OBSENC: { label: 'Observation stay', group: 'admission' },
  PRENC: { label: 'Pre-admission', group: 'outpatient' },
  SS: { label: 'Short stay', group: 'admission' },
  VR: { label: 'Telephone or video (virtual)', group: 'virtual' },
});

export const CLASS_NOT_RECORDED = 'Class not recorded';

export interface EncounterClass {
  code: string | undefined;
  label: string;
  group: EncounterGroup | undefined;
}

/**
 * Encounter.class (a Coding in R4) in words. A v3-ActCode code, or a bare code without a system, is
 * read from the table; any other code keeps its display or code: it is never guessed into a group.
 */
export function encounterClass(value: unknown): EncounterClass {
  const coding = asRecord(value);
  const code = asString(coding?.['code']);
  const system = asString(coding?.['system']);
  const display = asString(coding?.['display']);
  const trusted = code !== undefined && (system === undefined || system === ACT_CODE_SYSTEM);
  const known = trusted && Object.hasOwn(CLASSES, code) ? CLASSES[code] : undefined;
  if (known) return { code, label: known.label, group: known.group };
  if (!code && !display) return { code: undefined, label: CLASS_NOT_RECORDED, group: undefined };
  return { code, label: display ?? `Class code ${code}`, group: undefined };
}
