import type { Resource } from '@medplum/fhirtypes';
import { asRecords, asString, pick, lookupTable } from './json-guards.js';

const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';

const LABELS: Record<string, Record<string, string>> = lookupTable<Record<string, string>>({
  [CONFIDENTIALITY]: lookupTable({ R: 'Restricted', V: 'Very restricted' }),
  [ACT_CODE]: lookupTable({
    PSY: 'Mental health',
    MH: 'Mental health',
    ETH: 'Substance use',
    SUD: 'Substance use',
    HIV: 'HIV',
    STD: 'Sexual health',
    SEX: 'Sexuality and reproductive health',
    SDV: 'Sexual assault, abuse or domestic violence',
    NOPAT: 'Not for disclosure to the patient',
  }),
  [OBSERVATION_VALUE]: lookupTable({ REDACTED: 'Redacted' }),
});

/** Confidentiality levels that mean nothing special to the reader: no label. */
const ORDINARY_CONFIDENTIALITY = new Set(['U', 'L', 'M', 'N']);

function knownLabel(system: string | undefined, code: string): string | undefined {
  if (system !== undefined) return LABELS[system]?.[code];
  // No system: only a code that means the same in every known system is trusted.
  const matches = Object.values(LABELS).flatMap((codes) => (codes[code] ? [codes[code]] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Human labels for `meta.security`, de-duplicated, in the order sent. Unknown codes keep their display or code. */
export function securityLabels(resource: Resource | undefined): string[] {
  const labels: string[] = [];
  for (const coding of asRecords(pick(resource, 'meta', 'security'))) {
    const system = asString(coding['system']);
    const code = asString(coding['code']);
    if (system === CONFIDENTIALITY && code !== undefined && ORDINARY_CONFIDENTIALITY.has(code)) continue;
    const label =
      (code === undefined ? undefined : knownLabel(system, code)) ?? asString(coding['display']) ?? code;
    if (label !== undefined && !labels.includes(label)) labels.push(label);
  }
  return labels;
}
