import { expect } from '@open-wc/testing';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { isOperationOutcome, outcomeText } from '../../src/fhir/outcome.js';
import { retryAfterMs } from '../../src/fhir/retry-after.js';
import { describe, it } from './support/mocha.js';

describe('outcomeText', () => {
  it('joins details.text, falling back to diagnostics then coding display per issue', () => {
    const outcome: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'warning', code: 'suppressed', details: { text: 'Records withheld at source' } },
        { severity: 'warning', code: 'transient', diagnostics: 'Source GP system offline' },
        { severity: 'information', code: 'informational', details: { coding: [{ code: 'x', display: 'Role restricted' }] } },
        { severity: 'information', code: 'informational' },
      ],
    };
    expect(outcomeText(outcome)).to.equal('Records withheld at source; Source GP system offline; Role restricted');
  });

  it('says each distinct text once', () => {
    const repeated: OperationOutcome = {
      resourceType: 'OperationOutcome',
      issue: [
        { severity: 'error', code: 'forbidden', details: { text: 'No legitimate relationship' } },
        { severity: 'error', code: 'forbidden', details: { text: 'No legitimate relationship' } },
      ],
    };
    expect(outcomeText(repeated)).to.equal('No legitimate relationship');
  });

  it('is undefined when there is nothing readable, and never throws on garbage', () => {
    expect(outcomeText(undefined)).to.equal(undefined);
    expect(outcomeText({ resourceType: 'OperationOutcome', issue: [] })).to.equal(undefined);
    const garbage = { resourceType: 'OperationOutcome', issue: [null, 3, { details: { text: '  ' } }] };
    expect(outcomeText(garbage as unknown as OperationOutcome)).to.equal(undefined);
    expect(outcomeText('text' as unknown as OperationOutcome)).to.equal(undefined);
  });

  it('recognises OperationOutcome JSON', () => {
    expect(isOperationOutcome({ resourceType: 'OperationOutcome' })).to.equal(true);
    expect(isOperationOutcome({ resourceType: 'Bundle' })).to.equal(false);
    expect(isOperationOutcome(null)).to.equal(false);
  });
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('7', now)).to.equal(7000);
    expect(retryAfterMs(' 0 ', now)).to.equal(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(retryAfterMs('Fri, 27 Nov 2026 12:00:05 GMT', now)).to.equal(5000);
    expect(retryAfterMs('Fri, 27 Nov 2026 11:00:00 GMT', now)).to.equal(0);
  });

  it('is undefined when absent or malformed', () => {
    for (const bad of [null, undefined, '', 'soon', '-5', '1.5', '2026-11-27T12:00:05Z', 'Fri, 99 Nov 2026 12:00:05 GMT']) {
      expect(retryAfterMs(bad, now), String(bad)).to.equal(undefined);
    }
  });
});
