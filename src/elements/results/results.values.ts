import type { CodeableConcept } from '@medplum/fhirtypes';
import { conceptText } from '../../model/coding.js';
import { formatDateTime, parseFhirDate } from '../../model/format.js';
import { asNumber, asRecord, asRecords, asString, type JsonRecord, lookupTable } from '../../model/json-guards.js';

/** One value of a result in words, with what a trend needs when it is a plain number with a unit. */
export interface ResultValue {
  /** What is shown, e.g. "5.4 mmol/L", "< 5 mg/L", "Negative", "Not recorded: specimen haemolysed". */
  text: string;
  /** The number, only for a quantity without a comparator (a "< 5" is not the number 5). */
  number: number | undefined;
  /** Unit as shown (`unit`, else `code`). */
  unit: string | undefined;
  /** Groups the same unit across sources: the UCUM code when sent, else the unit text, lower case. */
  unitKey: string | undefined;
  /** A number was sent without a unit: the UI must say "unit not recorded". */
  unitMissing: boolean;
  /** A measured amount (quantity, integer, range), for which a reference range and flag matter. */
  numeric: boolean;
  /** Nothing usable was sent (dataAbsentReason, or no value at all). */
  absent: boolean;
}

export interface RangeInfo {
  /** e.g. "3.5 to 5.3 mmol/L", "up to 5 mg/L", "Therapeutic range: 0.4 to 1 mmol/L". */
  text: string;
  /** Numeric bounds of the first range, for the trend chart's band. */
  low: number | undefined;
  high: number | undefined;
  unitKey: string | undefined;
}

export type InterpretationLevel = 'critical' | 'abnormal' | 'normal' | 'other';

export interface InterpretationInfo {
  code: string | undefined;
  /** In words, e.g. "Critically high". */
  label: string;
  /** Shown after the words, never instead of them, e.g. "↑", "⚠". */
  symbol: string;
  level: InterpretationLevel;
}

export const VALUE_NOT_RECORDED = 'Value not recorded';
export const UNIT_NOT_RECORDED = 'unit not recorded';

const COMPARATORS = new Set(['<', '<=', '>=', '>']);
const UCUM = 'http://unitsofmeasure.org';

/** Shows a number as sent; JSON has already dropped trailing zeros, nothing is rounded here. */
function numberText(value: number): string {
  return String(value);
}

interface QuantityParts {
  /** The quantity as sent, for its unit key when one is needed. */
  quantity: JsonRecord | undefined;
  number: number | undefined;
  unit: string | undefined;
  comparator: string | undefined;
}

function unitKeyOf(quantity: JsonRecord | undefined): string | undefined {
  const system = asString(quantity?.['system']);
  const code = asString(quantity?.['code']);
  const key = (system === UCUM || system === undefined ? code : undefined) ?? asString(quantity?.['unit']);
  return key?.toLowerCase();
}

/** A quantity's parts; its words are made by quantityText only where they are shown. */
function quantityParts(value: unknown): QuantityParts {
  const quantity = asRecord(value);
  const number = asNumber(quantity?.['value']);
  const comparatorRaw = asString(quantity?.['comparator']);
  const comparator = comparatorRaw && COMPARATORS.has(comparatorRaw) ? comparatorRaw : undefined;
  const unit = asString(quantity?.['unit']) ?? asString(quantity?.['code']);
  return { quantity, number, unit, comparator };
}

/** "< 5 mg/L", "12%"; undefined without a number. */
function quantityText(q: QuantityParts): string | undefined {
  if (q.number === undefined) return undefined;
  const prefix = q.comparator ? `${q.comparator} ` : '';
  const suffix = q.unit === undefined ? '' : q.unit === '%' ? '%' : ` ${q.unit}`;
  return `${prefix}${numberText(q.number)}${suffix}`;
}

const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

const DATA_ABSENT_WORDS: Record<string, string> = lookupTable({
  unknown: 'unknown',
  'asked-unknown': 'asked but not known',
  'temp-unknown': 'not yet known',
  'not-asked': 'not asked',
  'asked-declined': 'declined',
  masked: 'withheld',
  'not-applicable': 'not applicable',
  unsupported: 'not supported by the sending system',
  'as-text': 'see note',
  error: 'error in the result',
  'not-a-number': 'not a number',
  'negative-infinity': 'below the measurable range',
  'positive-infinity': 'above the measurable range',
  'not-performed': 'test not performed',
  'not-permitted': 'not permitted',
});

/** "Not recorded: <reason>": the text first, then our words for a data-absent-reason code. */
export function dataAbsentText(reason: unknown): string {
  const concept = asRecord(reason);
  const text = asString(concept?.['text']);
  const codings = asRecords(concept?.['coding']);
  const display = codings.map((c) => asString(c['display'])).find((d) => d !== undefined);
  const known = codings
    .filter((c) => asString(c['system']) === DATA_ABSENT_SYSTEM || asString(c['system']) === undefined)
    .map((c) => DATA_ABSENT_WORDS[asString(c['code']) ?? ''])
    .find((w) => w !== undefined);
  const words = text ?? display ?? known ?? (concept ? conceptText(concept as CodeableConcept) : undefined);
  return `Not recorded: ${words ?? 'no reason given'}`;
}

export function absentValue(text: string): ResultValue {
  return { text, number: undefined, unit: undefined, unitKey: undefined, unitMissing: false, numeric: false, absent: true };
}

const absent = absentValue;

function present(text: string, numeric = false, unitMissing = false): ResultValue {
  return { text, number: undefined, unit: undefined, unitKey: undefined, unitMissing, numeric, absent: false };
}

function fromQuantity(value: unknown): ResultValue {
  const q = quantityParts(value);
  const text = quantityText(q);
  if (text === undefined) return absent(VALUE_NOT_RECORDED);
  return {
    text,
    number: q.comparator ? undefined : q.number,
    unit: q.unit,
    unitKey: unitKeyOf(q.quantity),
    unitMissing: q.unit === undefined,
    numeric: true,
    absent: false,
  };
}

function fromRange(value: unknown): ResultValue {
  const low = quantityParts(asRecord(value)?.['low']);
  const high = quantityParts(asRecord(value)?.['high']);
  const lowText = quantityText(low);
  const highText = quantityText(high);
  if (lowText === undefined && highText === undefined) return absent(VALUE_NOT_RECORDED);
  const text =
    lowText !== undefined && highText !== undefined
      ? `${lowText} to ${highText}`
      : lowText !== undefined
        ? `at least ${lowText}`
        : `up to ${highText}`;
  const unitMissing = (lowText !== undefined && low.unit === undefined) || (highText !== undefined && high.unit === undefined);
  return present(text, true, unitMissing);
}

function fromRatio(value: unknown): ResultValue {
  const numerator = quantityText(quantityParts(asRecord(value)?.['numerator']));
  const denominator = quantityText(quantityParts(asRecord(value)?.['denominator']));
  if (numerator === undefined || denominator === undefined) return absent(VALUE_NOT_RECORDED);
  return present(`${numerator} : ${denominator}`);
}

function fromPeriod(value: unknown): ResultValue {
  const start = asString(asRecord(value)?.['start']);
  const end = asString(asRecord(value)?.['end']);
  const when = (iso: string | undefined) => (iso && parseFhirDate(iso) ? formatDateTime(iso) : 'not recorded');
  if (!start && !end) return absent(VALUE_NOT_RECORDED);
  return present(`${when(start)} to ${when(end)}`);
}

/**
 * The value[x] of an Observation or one of its components, in words. A number without a unit is
 * marked (unitMissing) so it is never shown as if complete; anything unreadable says so.
 */
export function resultValue(element: JsonRecord): ResultValue {
  if (element['valueQuantity'] !== undefined) return fromQuantity(element['valueQuantity']);
  const integer = element['valueInteger'];
  if (integer !== undefined) {
    const n = asNumber(integer);
    return n === undefined ? absent(VALUE_NOT_RECORDED) : present(numberText(n), true, true);
  }
  if (element['valueString'] !== undefined) {
    const text = asString(element['valueString']);
    return text === undefined ? absent(VALUE_NOT_RECORDED) : present(text);
  }
  if (element['valueCodeableConcept'] !== undefined) {
    const text = conceptText(asRecord(element['valueCodeableConcept']) as CodeableConcept | undefined);
    return text === undefined ? absent(VALUE_NOT_RECORDED) : present(text);
  }
  if (element['valueBoolean'] !== undefined) {
    const b = element['valueBoolean'];
    return typeof b === 'boolean' ? present(b ? 'Yes' : 'No') : absent(VALUE_NOT_RECORDED);
  }
  if (element['valueRange'] !== undefined) return fromRange(element['valueRange']);
  if (element['valueRatio'] !== undefined) return fromRatio(element['valueRatio']);
  if (element['valuePeriod'] !== undefined) return fromPeriod(element['valuePeriod']);
  if (element['valueDateTime'] !== undefined) {
    const iso = asString(element['valueDateTime']);
    return iso && parseFhirDate(iso) ? present(formatDateTime(iso)) : absent(VALUE_NOT_RECORDED);
  }
  if (element['valueTime'] !== undefined) {
    const time = asString(element['valueTime']);
    return time && /^\d{2}:\d{2}(:\d{2})?/.test(time) ? present(time.slice(0, 5)) : absent(VALUE_NOT_RECORDED);
  }
  if (element['valueSampledData'] !== undefined) return present('Sampled data (a waveform): not shown here');
  if (element['dataAbsentReason'] !== undefined) return absent(dataAbsentText(element['dataAbsentReason']));
  return absent(VALUE_NOT_RECORDED);
}

/** True when the element carries a value or says why it has none. */
export function hasValue(element: JsonRecord): boolean {
  // Most results are quantities: answered without walking every key of the result.
  if (element['valueQuantity'] !== undefined && Object.hasOwn(element, 'valueQuantity')) return true;
  // for-in rather than Object.entries: no array of pairs for every result.
  for (const key in element) {
    if (!Object.hasOwn(element, key) || element[key] === undefined) continue;
    if (key.startsWith('value') || key === 'dataAbsentReason') return true;
  }
  return false;
}

function boundText(range: JsonRecord): { text: string | undefined; low: QuantityParts; high: QuantityParts } {
  const low = quantityParts(range['low']);
  const high = quantityParts(range['high']);
  let text: string | undefined;
  if (low.number !== undefined && high.number !== undefined) {
    // One unit after both numbers when they share it ("3.5 to 5.3 mmol/L").
    const sharedUnit = low.unit !== undefined && low.unit === high.unit;
    text = sharedUnit
      ? `${numberText(low.number)} to ${numberText(high.number)}${low.unit === '%' ? '%' : ` ${low.unit}`}`
      : `${quantityText(low)} to ${quantityText(high)}`;
  } else if (low.number !== undefined) {
    text = `at least ${quantityText(low)}`;
  } else if (high.number !== undefined) {
    text = `up to ${quantityText(high)}`;
  }
  return { text, low, high };
}

/** Every reference range in words ("; " between them); numeric bounds from the first. */
export function rangeInfo(element: JsonRecord): RangeInfo | undefined {
  // Strings are joined as they come rather than collected in arrays: nearly every result has one
  // range, and two arrays per result were most of this function's garbage.
  let text: string | undefined;
  let first: { low: QuantityParts; high: QuantityParts } | undefined;
  for (const range of asRecords(element['referenceRange'])) {
    const bounds = boundText(range);
    first ??= bounds;
    const own = asString(range['text']);
    const type = conceptText(asRecord(range['type']) as CodeableConcept | undefined);
    let appliesTo: string | undefined;
    for (const concept of asRecords(range['appliesTo'])) {
      const words = conceptText(concept as CodeableConcept);
      if (words !== undefined) appliesTo = appliesTo === undefined ? words : `${appliesTo}, ${words}`;
    }
    const main = bounds.text && own && own !== bounds.text ? `${bounds.text} (${own})` : (bounds.text ?? own);
    if (main === undefined) continue;
    const prefix = type && !/^normal/i.test(type) ? `${type}: ` : '';
    const suffix = appliesTo !== undefined ? ` (for ${appliesTo})` : '';
    const part = `${prefix}${main}${suffix}`;
    text = text === undefined ? part : `${text}; ${part}`;
  }
  if (text === undefined) return undefined;
  return {
    text,
    low: first?.low.number,
    high: first?.high.number,
    unitKey: unitKeyOf(first?.low.quantity) ?? unitKeyOf(first?.high.quantity),
  };
}

const INTERPRETATION_SYSTEMS = new Set([
  'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
  'http://hl7.org/fhir/v2/0078',
  'http://terminology.hl7.org/CodeSystem/v2-0078',
]);

const INTERPRETATIONS: Record<string, Omit<InterpretationInfo, 'code'>> = lookupTable({
  H: { label: 'High', symbol: '↑', level: 'abnormal' },
  L: { label: 'Low', symbol: '↓', level: 'abnormal' },
  HH: { label: 'Critically high', symbol: '⚠', level: 'critical' },
  LL: { label: 'Critically low', symbol: '⚠', level: 'critical' },
  HU: { label: 'Significantly high', symbol: '⇈', level: 'abnormal' },
  LU: { label: 'Significantly low', symbol: '⇊', level: 'abnormal' },
  A: { label: 'Abnormal', symbol: '!', level: 'abnormal' },
  AA: { label: 'Critically abnormal', symbol: '⚠', level: 'critical' },
  N: { label: 'Normal', symbol: '', level: 'normal' },
  '<': { label: 'Below the measurable range', symbol: '↓', level: 'abnormal' },
  '>': { label: 'Above the measurable range', symbol: '↑', level: 'abnormal' },
  HX: { label: 'Above the high threshold', symbol: '↑', level: 'abnormal' },
  LX: { label: 'Below the low threshold', symbol: '↓', level: 'abnormal' },
  EX: { label: 'Outside the threshold', symbol: '!', level: 'abnormal' },
  POS: { label: 'Positive', symbol: '+', level: 'other' },
  NEG: { label: 'Negative', symbol: '', level: 'normal' },
  DET: { label: 'Detected', symbol: '+', level: 'other' },
  ND: { label: 'Not detected', symbol: '', level: 'normal' },
  RR: { label: 'Reactive', symbol: '+', level: 'other' },
  NR: { label: 'Non-reactive', symbol: '', level: 'normal' },
  IND: { label: 'Indeterminate', symbol: '?', level: 'other' },
  E: { label: 'Equivocal', symbol: '?', level: 'other' },
  R: { label: 'Resistant', symbol: '', level: 'other' },
  S: { label: 'Susceptible', symbol: '', level: 'other' },
  I: { label: 'Intermediate', symbol: '', level: 'other' },
  U: { label: 'Significant change up', symbol: '↑', level: 'other' },
  D: { label: 'Significant change down', symbol: '↓', level: 'other' },
  B: { label: 'Better', symbol: '', level: 'other' },
  W: { label: 'Worse', symbol: '', level: 'other' },
});

/**
 * The known codes' words with their code, frozen and shared: nearly every result sends H, L or N,
 * and a copy per result was an object kept for as long as the record is shown.
 */
const KNOWN_INTERPRETATIONS: Record<string, InterpretationInfo> = lookupTable(
  Object.fromEntries(
    Object.entries(INTERPRETATIONS).map(([code, words]) => [code, Object.freeze({ code, ...words })]),
  ),
);

/** A known code alone, as a frozen one-item list shared by every result that sends only it. */
const ONLY_KNOWN: Record<string, readonly InterpretationInfo[]> = lookupTable(
  Object.fromEntries(
    Object.entries(KNOWN_INTERPRETATIONS).map(([code, info]) => [code, Object.freeze([info])]),
  ),
);

const NO_INTERPRETATIONS: readonly InterpretationInfo[] = Object.freeze([]);

function interpretationOf(concept: JsonRecord): InterpretationInfo | undefined {
  for (const coding of asRecords(concept['coding'])) {
    const system = asString(coding['system']);
    const code = asString(coding['code']);
    if (code === undefined || (system !== undefined && !INTERPRETATION_SYSTEMS.has(system))) continue;
    const known = KNOWN_INTERPRETATIONS[code];
    if (known) return known;
    const display = asString(coding['display']);
    return { code, label: display ?? `Interpretation code ${code}`, symbol: '', level: 'other' };
  }
  const text = conceptText(concept as CodeableConcept);
  return text === undefined ? undefined : { code: undefined, label: text, symbol: '', level: 'other' };
}

/**
 * Each interpretation in words and symbol; text or unknown codes keep their own words ("other").
 * The list is read-only: it may be shared with other results that sent the same single code.
 */
export function interpretations(element: JsonRecord): readonly InterpretationInfo[] {
  const concepts = asRecords(element['interpretation']);
  if (concepts.length === 1) {
    const info = interpretationOf(concepts[0]!);
    if (info === undefined) return NO_INTERPRETATIONS;
    const shared = info.code === undefined ? undefined : ONLY_KNOWN[info.code];
    return shared !== undefined && shared[0] === info ? shared : [info];
  }
  const found: InterpretationInfo[] = [];
  for (const concept of concepts) {
    const info = interpretationOf(concept);
    if (info !== undefined) found.push(info);
  }
  return found.length === 0 ? NO_INTERPRETATIONS : found;
}

/** "Critically high ⚠", "Normal". */
export function interpretationText(interpretation: InterpretationInfo): string {
  return interpretation.symbol ? `${interpretation.label} ${interpretation.symbol}` : interpretation.label;
}

/** The words of each shared one-item list, made once: every point of a trend needs them. */
const ONLY_KNOWN_TEXT = new Map(Object.values(ONLY_KNOWN).map((list) => [list, interpretationText(list[0]!)]));

/** Every interpretation in words ("High ↑, Haemolysed"), or undefined when there is none. */
export function interpretationsText(list: readonly InterpretationInfo[]): string | undefined {
  if (list.length === 0) return undefined;
  return ONLY_KNOWN_TEXT.get(list) ?? list.map(interpretationText).join(', ');
}
