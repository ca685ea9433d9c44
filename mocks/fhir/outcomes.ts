import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM, OUTCOME_CODE_SYSTEM, OUTCOME_CODES } from '../../src/fhir/hie-contract.js';

function outcome(issue: OperationOutcomeIssue, id?: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', ...(id ? { id } : {}), issue: [issue] };
}

export function withheldOutcome(count: number, reason: string, id?: string): OperationOutcome {
  const text = `${count} ${count === 1 ? 'item was' : 'items were'} withheld at source (${reason})`;
  return outcome(
    {
      severity: 'information',
      code: 'suppressed',
      details: { coding: [{ system: OUTCOME_CODE_SYSTEM, code: OUTCOME_CODES.withheld }], text },
      diagnostics: text,
    },
    id,
  );
}

export function sourceUnavailableOutcome(organisationName: string, odsCode?: string): OperationOutcome {
  const text = `${organisationName} did not respond; its items may be missing`;
  return outcome({
    severity: 'warning',
    code: 'transient',
    details: {
      coding: [
        { system: OUTCOME_CODE_SYSTEM, code: OUTCOME_CODES.sourceUnavailable },
        ...(odsCode ? [{ system: ODS_ORG_CODE_SYSTEM, code: odsCode, display: organisationName }] : []),
      ],
      text,
    },
    diagnostics: text,
  });
}

export function objectionOutcome(): OperationOutcome {
  const text = 'The patient has objected to sharing their record';
  return outcome({ severity: 'error', code: 'security', details: { text }, diagnostics: text });
}

export function errorOutcome(
  code: OperationOutcomeIssue['code'],
  text: string,
  severity: OperationOutcomeIssue['severity'] = 'error',
): OperationOutcome {
  return outcome({ severity, code, details: { text }, diagnostics: text });
}
