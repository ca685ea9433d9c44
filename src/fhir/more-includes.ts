import type { OperationOutcome, Resource } from '@medplum/fhirtypes';
import { isRecord } from './json.js';
import type { SkippedEntry } from './types.js';

/**
 * Most `$includes` pages read for one search. The Microsoft FHIR server pages a search's left-out
 * includes separately; past this many pages the rest are left, and the HIE's own truncation notice
 * (or ours) is kept so the clinician is told that sources may show as not recorded.
 */
export const MAX_INCLUDE_PAGES = 100;

/** What the `$includes` pages behind one search page brought. */
export interface MoreIncludes {
  included: Resource[];
  outcomes: OperationOutcome[];
  skipped: SkippedEntry[];
  /** True when every page was read, up to the last one (no `next`). */
  complete: boolean;
}

/**
 * The Microsoft FHIR server says "Include result was truncated" (severity warning, code
 * `incomplete`) on a page whose `_include`s passed its limit, and on each `$includes` page but the
 * last. Once every page was read the notice is no longer true; any other issue is kept.
 */
const TRUNCATED_INCLUDES = /includ\w*\b.*\btruncat/i;

/** An issue saying the server left out part of a search's included resources. */
export function isTruncatedIncludesIssue(issue: unknown): boolean {
  if (!isRecord(issue) || issue['code'] !== 'incomplete') return false;
  const details = isRecord(issue['details']) ? issue['details'] : {};
  const texts = [issue['diagnostics'], details['text']].filter((t): t is string => typeof t === 'string');
  return texts.some((text) => TRUNCATED_INCLUDES.test(text));
}

/** The outcomes without the "include result was truncated" issues (an outcome left with none is dropped). */
export function withoutTruncatedIncludeNotices(outcomes: OperationOutcome[]): OperationOutcome[] {
  const kept: OperationOutcome[] = [];
  for (const outcome of outcomes) {
    const issues = Array.isArray(outcome.issue) ? outcome.issue : [];
    if (!issues.some(isTruncatedIncludesIssue)) {
      kept.push(outcome);
      continue;
    }
    const rest = issues.filter((issue) => !isTruncatedIncludesIssue(issue));
    if (rest.length > 0) kept.push({ ...outcome, issue: rest });
  }
  return kept;
}

export function hasTruncatedIncludeNotice(outcomes: OperationOutcome[]): boolean {
  return outcomes.some((outcome) => Array.isArray(outcome.issue) && outcome.issue.some(isTruncatedIncludesIssue));
}

/** Said when the HIE offered more related details that could not all be read. */
export function unreadIncludesOutcome(): OperationOutcome {
  const text =
    'The HIE sent only part of the related details (sources, medicines, linked results) and the rest could not be ' +
    'fetched; some sources may show as not recorded.';
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'warning', code: 'incomplete', details: { text }, diagnostics: 'Include result was truncated' }],
  };
}
