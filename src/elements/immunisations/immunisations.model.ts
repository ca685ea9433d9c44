import type { Resource } from '@medplum/fhirtypes';
import type { ModelInput, RecordModel, RecordRow } from '../../model/record-types.js';
import { codeKey } from '../../model/coding.js';
import { resolveFreshness } from '../../model/freshness.js';
import { securityLabels } from '../../model/security-labels.js';
import { asNumber, asRecord, asRecords, asString, lookupTable, type JsonRecord } from '../../model/json-guards.js';
import { clinicalTime, clinicalTimeDate, type ClinicalTime } from '../../model/clinical-time.js';
import { conceptTextOf, validDate } from '../../model/datatypes.js';
import { partyText, resolveParty } from '../../model/parties.js';
import { resolveRecord, referenceName } from '../../model/references.js';
import { conceptKeyOf, mapMatchesOfType, notesOf, rowKey, safeSource } from '../../model/record-rows.js';
import { newestFirst } from '../../model/row-order.js';

export interface ImmunisationRow extends RecordRow {
  vaccine: string;
  /** The same vaccine across sources: its SNOMED CT/dm+d code, else its name. */
  vaccineKey: string;
  /** UK Core's vaccination procedure (e.g. "Administration of first dose of SARS-CoV-2 vaccine"). */
  procedure: string | undefined;
  /** When it was given (or not given), at the precision sent: a day, a month, a year, or words. */
  occurrence: ClinicalTime | undefined;
  recorded: string | undefined;
  /** `completed`: given. Anything else is shown only with "Show all". */
  given: boolean;
  /** Why it was not given (`statusReason`), for `not-done`. */
  notGivenReason: string | undefined;
  /** "Dose 2 of 3 (series: primary)", "Booster": one per protocolApplied (a combined vaccine has several). */
  doses: string[];
  targetDiseases: string[];
  /** The dose does not count (`isSubpotent`), with its reasons. */
  subpotent: string | undefined;
  site: string | undefined;
  route: string | undefined;
  doseQuantity: string | undefined;
  lotNumber: string | undefined;
  expirationDate: string | undefined;
  manufacturer: string | undefined;
  /** "Administering provider: Nurse Jo Patel", one per performer. */
  performers: string[];
  /** The organisations among the performers, else the location: where it was given. */
  organisation: string | undefined;
  location: string | undefined;
  /** true: recorded by whoever gave it; false: a report from elsewhere (see `reportOrigin`). */
  primarySource: boolean | undefined;
  reportOrigin: string | undefined;
  notes: string[];
}

export const VACCINE_NOT_RECORDED = 'Vaccine not recorded';

const STATUS: Record<string, { label: string; given: boolean }> = lookupTable({
  completed: { label: 'Given', given: true },
  'not-done': { label: 'Not given', given: false },
});

const UKCORE_PROCEDURE = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-VaccinationProcedure';

function procedureOf(resource: JsonRecord): string | undefined {
  const extension = asRecords(resource['extension']).find((e) => asString(e['url']) === UKCORE_PROCEDURE);
  return conceptTextOf(extension?.['valueCodeableConcept']);
}

function countText(positive: unknown, text: unknown): string | undefined {
  const n = asNumber(positive);
  return n !== undefined ? String(n) : asString(text);
}

function doseOf(protocol: JsonRecord): string | undefined {
  const dose = countText(protocol['doseNumberPositiveInt'], protocol['doseNumberString']);
  const of = countText(protocol['seriesDosesPositiveInt'], protocol['seriesDosesString']);
  if (dose === undefined) return of === undefined ? undefined : `Dose number not recorded, of ${of}`;
  const numbered = /^\d+$/.test(dose) ? `Dose ${dose}` : dose;
  return of === undefined ? numbered : `${numbered} of ${of}`;
}

function dosesOf(protocols: JsonRecord[]): string[] {
  return protocols.flatMap((protocol) => {
    const dose = doseOf(protocol);
    const series = asString(protocol['series']);
    if (!dose) return series ? [`Series: ${series}`] : [];
    return [series ? `${dose} (series: ${series})` : dose];
  });
}

function quantityText(value: unknown): string | undefined {
  const q = asRecord(value);
  const amount = asNumber(q?.['value']);
  if (amount === undefined) return undefined;
  const unit = asString(q?.['unit']) ?? asString(q?.['code']);
  return unit ? `${amount} ${unit}` : String(amount);
}

const FUNCTION_WORDS: Record<string, string> = lookupTable({ AP: 'Administering provider', OP: 'Ordering provider' });

function performersOf(resource: JsonRecord, input: ModelInput): { performers: string[]; organisations: string[] } {
  const performers: string[] = [];
  const organisations: string[] = [];
  for (const performer of asRecords(resource['performer'])) {
    const party = resolveParty(performer['actor'], resource as unknown as Resource, input, resource['patient']);
    const name = partyText(party);
    if (!name) continue;
    if (party?.kind === 'organization') organisations.push(name);
    else if (party?.organisation) organisations.push(party.organisation);
    const code = asString(asRecords(asRecord(performer['function'])?.['coding'])[0]?.['code']);
    const role = (code && FUNCTION_WORDS[code]) ?? conceptTextOf(performer['function']);
    if (party?.kind !== 'organization') performers.push(role ? `${role}: ${name}` : name);
  }
  return { performers: [...new Set(performers)], organisations: [...new Set(organisations)] };
}

function referenced(resource: JsonRecord, field: string, input: ModelInput): string | undefined {
  const ref = asRecord(resource[field]);
  if (!ref) return undefined;
  return referenceName(ref, resolveRecord(input.index, ref, resource));
}

function mapOne(resource: JsonRecord, input: ModelInput, position: number): ImmunisationRow | undefined {
  const fhir = resource as unknown as Resource;
  const id = asString(resource['id']);
  const key = rowKey('Immunization', id, position);
  const statusCode = asString(resource['status']) ?? 'unknown';
  const status = STATUS[statusCode];
  const procedure = procedureOf(resource);
  const vaccine = conceptTextOf(resource['vaccineCode']) ?? procedure ?? VACCINE_NOT_RECORDED;
  const occurrence = clinicalTime(resource, 'occurrence');
  const recorded = validDate(resource['recorded']);
  const protocols = asRecords(resource['protocolApplied']);
  const { source, organization } = safeSource(fhir, input);
  const { performers, organisations } = performersOf(resource, input);
  const location = referenced(resource, 'location', input);
  const subpotent = resource['isSubpotent'] === true;
  const subpotentReasons = asRecords(resource['subpotentReason']).flatMap((r) => conceptTextOf(r) ?? []);
  return {
    key,
    resourceType: 'Immunization',
    id,
    status: statusCode,
    statusLabel: status?.label ?? `Status: ${statusCode === 'unknown' ? 'not recorded' : statusCode}`,
    date: clinicalTimeDate(occurrence) ?? recorded,
    source,
    freshness: resolveFreshness(fhir, organization, input.now),
    securityLabels: securityLabels(fhir),
    vaccine,
    vaccineKey: conceptKeyOf(codeKey(asRecord(resource['vaccineCode'])), vaccine, VACCINE_NOT_RECORDED, key),
    procedure: procedure !== vaccine ? procedure : undefined,
    occurrence,
    recorded,
    given: status?.given ?? false,
    notGivenReason: statusCode === 'not-done' ? (conceptTextOf(resource['statusReason']) ?? 'reason not recorded') : undefined,
    doses: dosesOf(protocols),
    targetDiseases: [
      ...new Set(protocols.flatMap((p) => asRecords(p['targetDisease']).flatMap((d) => conceptTextOf(d) ?? []))),
    ],
    subpotent: subpotent
      ? `This dose does not count${subpotentReasons.length ? `: ${subpotentReasons.join(', ')}` : ''}`
      : undefined,
    site: conceptTextOf(resource['site']),
    route: conceptTextOf(resource['route']),
    doseQuantity: quantityText(resource['doseQuantity']),
    lotNumber: asString(resource['lotNumber']),
    expirationDate: validDate(resource['expirationDate']),
    manufacturer: referenced(resource, 'manufacturer', input),
    performers,
    organisation: organisations[0],
    location,
    primarySource: typeof resource['primarySource'] === 'boolean' ? resource['primarySource'] : undefined,
    reportOrigin: conceptTextOf(resource['reportOrigin']),
    notes: notesOf(resource['note']),
  };
}

/** Rows for Immunization matches, newest first; entered-in-error ones are never shown. */
export const mapImmunisations: RecordModel<ImmunisationRow> = (input) =>
  newestFirst(
    mapMatchesOfType(input, 'Immunization', (resource, position) => mapOne(resource, input, position)),
    (row) => row.vaccine,
  );
