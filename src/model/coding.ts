import type { CodeableConcept } from '@medplum/fhirtypes';
import { asRecord, asRecords, asString, lookupTable } from './json-guards.js';

export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const DMD_SYSTEM = 'https://dmd.nhs.uk';

/** Spellings seen in the wild for the same code systems (UK Core examples use both dm+d forms). */
const SYSTEM_ALIASES: Record<string, string> = lookupTable({
  'http://snomed.info/sct': SNOMED_SYSTEM,
  'https://snomed.info/sct': SNOMED_SYSTEM,
  'https://dmd.nhs.uk': DMD_SYSTEM,
  'http://dmd.nhs.uk': DMD_SYSTEM,
});

const SYSTEM_LABELS: Record<string, string> = lookupTable({
  [SNOMED_SYSTEM]: 'SNOMED CT',
  [DMD_SYSTEM]: 'dm+d',
  'http://www.nlm.nih.gov/research/umls/rxnorm': 'RxNorm',
  'http://hl7.org/fhir/sid/ndc': 'NDC',
  'http://loinc.org': 'LOINC',
});

/** One spelling per code system: trailing slash dropped, SNOMED on http, dm+d on https. */
export function normaliseSystem(system: unknown): string | undefined {
  const raw = asString(system);
  if (raw === undefined) return undefined;
  const trimmed = raw.replace(/\/+$/, '');
  return SYSTEM_ALIASES[trimmed.toLowerCase()] ?? raw;
}

function systemLabel(system: string | undefined): string {
  if (system === undefined) return 'code';
  return SYSTEM_LABELS[system] ? `${SYSTEM_LABELS[system]} code` : `code (${system})`;
}

/** What a clinician reads: `text`, else the first coding display, else the code and its system. */
export function conceptText(cc: CodeableConcept | undefined): string | undefined {
  const concept = asRecord(cc);
  if (!concept) return undefined;
  const text = asString(concept['text']);
  if (text !== undefined) return text;
  const codings = asRecords(concept['coding']);
  for (const coding of codings) {
    const display = asString(coding['display']);
    if (display !== undefined) return display;
  }
  for (const coding of codings) {
    const code = asString(coding['code']);
    if (code !== undefined) return `${systemLabel(normaliseSystem(coding['system']))} ${code}`;
  }
  return undefined;
}

/** `system|code` of the first SNOMED CT or dm+d coding, for grouping the same thing across sources. */
export function codeKey(cc: CodeableConcept | undefined): string | undefined {
  for (const coding of asRecords(asRecord(cc)?.['coding'])) {
    const system = normaliseSystem(coding['system']);
    const code = asString(coding['code']);
    if (code !== undefined && (system === SNOMED_SYSTEM || system === DMD_SYSTEM)) {
      return `${system}|${code}`;
    }
  }
  return undefined;
}
