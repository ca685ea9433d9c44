import { normaliseSystem, SNOMED_SYSTEM } from '../../model/coding.js';
import { asRecord, asRecords, asString, lookupTable } from '../../model/json-guards.js';

/** What a "no known allergy" statement covers. */
export type NoKnownScope = 'all' | 'medication' | 'food' | 'environment' | 'latex';

/**
 * SNOMED CT 716186003 |No known allergy| and the descendants in use (domain notes §7). Without a
 * terminology server, descendants outside this list are shown as ordinary coded items (their display
 * reads "No known …" anyway) rather than guessed.
 */
const NO_KNOWN: Record<string, { scope: NoKnownScope; label: string }> = lookupTable({
  '716186003': { scope: 'all', label: 'No known allergies' },
  '409137002': { scope: 'medication', label: 'No known drug allergies' },
  '429625007': { scope: 'food', label: 'No known food allergies' },
  '428607008': { scope: 'environment', label: 'No known environmental allergies' },
  '716184000': { scope: 'latex', label: 'No known latex allergy' },
});

/** The "no known allergy" statement a code makes, when it is one. */
export function noKnownAllergy(code: unknown): { scope: NoKnownScope; label: string } | undefined {
  for (const coding of asRecords(asRecord(code)?.['coding'])) {
    const found = NO_KNOWN[asString(coding['code']) ?? ''];
    if (found && normaliseSystem(coding['system']) === SNOMED_SYSTEM) return found;
  }
  return undefined;
}

/** Whether an allergy with these category labels ("Food"…) and name falls under a "no known …" statement's scope. */
export function withinScope(scope: NoKnownScope, categories: readonly string[], name: string): boolean {
  if (scope === 'all') return true;
  if (scope === 'latex') return /latex/i.test(name);
  // An uncategorised allergy may be of any kind, so it may contradict the statement.
  return categories.length === 0 || categories.some((c) => c.toLowerCase() === scope);
}
