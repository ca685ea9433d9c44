import type { OperationOutcome } from '@medplum/fhirtypes';
import { isRecord } from './json.js';

/** True for a parsed JSON value that is an OperationOutcome (its issues may still be malformed). */
export function isOperationOutcome(value: unknown): value is OperationOutcome {
  return isRecord(value) && value['resourceType'] === 'OperationOutcome';
}

/**
 * The human text of an OperationOutcome: each issue's `details.text`, else its `diagnostics`, else
 * its first coding display, joined with "; ". Undefined when the outcome says nothing readable.
 */
export function outcomeText(outcome: OperationOutcome | undefined): string | undefined {
  if (!isRecord(outcome) || !Array.isArray(outcome.issue)) return undefined;
  const texts = outcome.issue.map(issueText).filter((text): text is string => text !== undefined);
  const unique = [...new Set(texts)];
  return unique.length > 0 ? unique.join('; ') : undefined;
}

function issueText(issue: unknown): string | undefined {
  if (!isRecord(issue)) return undefined;
  const details = isRecord(issue['details']) ? issue['details'] : {};
  const codings = Array.isArray(details['coding']) ? details['coding'] : [];
  const display = codings.find((coding) => isRecord(coding) && nonEmpty(coding['display']));
  return (
    nonEmptyText(details['text']) ??
    nonEmptyText(issue['diagnostics']) ??
    (isRecord(display) ? nonEmptyText(display['display']) : undefined)
  );
}

function nonEmptyText(value: unknown): string | undefined {
  return nonEmpty(value) ? value.trim() : undefined;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
