import { expect } from '@open-wc/testing';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { ODS_ORG_CODE_SYSTEM, OUTCOME_CODE_SYSTEM, OUTCOME_CODES, SDHR_WITHHELD } from '../../src/fhir/hie-contract.js';
import { DEFAULT_MESSAGES, noticesFromSearch, objectionNotice, type SearchNoticeInput } from '../../src/model/notices.js';

const empty: SearchNoticeInput = { outcomes: [], truncated: false, shown: 0, skipped: [] };

function outcome(issue: Record<string, unknown>, extra: Record<string, unknown> = {}): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'informational', ...issue }], ...extra } as OperationOutcome;
}

const coded = (code: string, system = OUTCOME_CODE_SYSTEM) => ({ coding: [{ system, code }] });

describe('noticesFromSearch', () => {
  it('says nothing when nothing is missing', () => {
    expect(noticesFromSearch({ ...empty, shown: 12, total: 12 })).to.deep.equal([]);
  });

  it('reports withheld items from each signal, using the outcome\'s own text', () => {
    const [system, code] = SDHR_WITHHELD.split('#') as [string, string];
    const signals = [
      outcome({ details: { ...coded(OUTCOME_CODES.withheld), text: 'Riverside Surgery withheld 2 items at the patient\'s request.' } }),
      outcome({ details: coded(code, system) }),
      outcome({ code: 'suppressed', diagnostics: 'Suppressed by source' }),
    ];
    const notices = noticesFromSearch({ ...empty, outcomes: signals });
    expect(notices.map((n) => n.kind)).to.deep.equal(['withheld', 'withheld', 'withheld']);
    expect(notices.map((n) => n.message)).to.deep.equal([
      'Riverside Surgery withheld 2 items at the patient\'s request.',
      DEFAULT_MESSAGES.withheld,
      'Suppressed by source',
    ]);
  });

  it('reads a withheld count only from the start of the outcome text', () => {
    const notices = noticesFromSearch({
      ...empty,
      outcomes: [
        outcome({ code: 'suppressed', details: { text: '2 items were withheld at source (sensitive)' } }),
        outcome({ code: 'suppressed', details: { text: 'Withheld: 3 items' } }),
        outcome({ code: 'timeout', details: { text: '4 items could not be fetched' } }),
      ],
    });
    expect(notices.map((n) => [n.kind, n.count])).to.deep.equal([
      ['withheld', 2],
      ['withheld', undefined],
      ['source-unavailable', undefined],
    ]);
  });

  it('reports a redacted searchset as withheld', () => {
    const notices = noticesFromSearch({
      ...empty,
      bundleSecurity: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED' }],
    });
    expect(notices).to.deep.equal([{ kind: 'withheld', message: DEFAULT_MESSAGES.redacted }]);
  });

  it('ignores other bundle security labels', () => {
    const notices = noticesFromSearch({ ...empty, bundleSecurity: [{ system: 'urn:x', code: 'REDACTED' }, { code: 'R' }] });
    expect(notices).to.deep.equal([]);
  });

  it('reports an unavailable source by its text and name', () => {
    const named = outcome({
      code: 'transient',
      details: { coding: [{ system: ODS_ORG_CODE_SYSTEM, code: 'RV3', display: 'Central Mental Health Trust' }], text: 'Central Mental Health Trust did not respond; its items may be missing.' },
    });
    const [notice] = noticesFromSearch({ ...empty, outcomes: [named] });
    expect(notice).to.deep.equal({
      kind: 'source-unavailable',
      message: 'Central Mental Health Trust did not respond; its items may be missing.',
      source: 'Central Mental Health Trust',
      sourceCode: 'RV3',
    });
  });

  it('does not repeat a REDACTED label when a withheld outcome already says it', () => {
    const withheld = outcome({ code: 'suppressed', details: { text: '2 items were withheld at source' } });
    const notices = noticesFromSearch({
      ...empty,
      outcomes: [withheld],
      bundleSecurity: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'REDACTED' }],
    });
    expect(notices.map((n) => n.kind)).to.deep.equal(['withheld']);
  });

  it('recognises every source-unavailable signal and names a contained organisation', () => {
    const signals = [
      outcome({ details: coded(OUTCOME_CODES.sourceUnavailable) }, { contained: [{ resourceType: 'Organization', name: 'London Ambulance Service' }] }),
      outcome({ code: 'timeout' }),
      outcome({ code: 'incomplete' }),
    ];
    const notices = noticesFromSearch({ ...empty, outcomes: signals });
    expect(notices.map((n) => n.kind)).to.deep.equal(['source-unavailable', 'source-unavailable']);
    expect(notices[0]).to.deep.equal({
      kind: 'source-unavailable',
      message: 'London Ambulance Service did not respond; its items may be missing.',
      source: 'London Ambulance Service',
    });
    expect(notices[1]?.message).to.equal(DEFAULT_MESSAGES.sourceUnavailable);
  });

  it('reports role restrictions', () => {
    const signals = [outcome({ details: coded(OUTCOME_CODES.roleRestricted) }), outcome({ code: 'forbidden' }), outcome({ code: 'security', diagnostics: 'Sealed records hidden for your role' })];
    const notices = noticesFromSearch({ ...empty, outcomes: signals });
    expect(notices.map((n) => [n.kind, n.message])).to.deep.equal([
      ['role-restricted', DEFAULT_MESSAGES.roleRestricted],
      ['role-restricted', 'Sealed records hidden for your role'],
    ]);
  });

  it('passes other outcomes on as information', () => {
    const notices = noticesFromSearch({
      ...empty,
      outcomes: [outcome({ details: { text: 'Data from 2019 onwards only' } }), outcome({ code: 'not-supported' })],
    });
    expect(notices.map((n) => [n.kind, n.message])).to.deep.equal([
      ['information', 'Data from 2019 onwards only'],
      ['information', 'The HIE sent a notice (not-supported) without an explanation.'],
    ]);
  });

  it('reports truncation with and without a total', () => {
    const withTotal = noticesFromSearch({ ...empty, truncated: true, shown: 1000, total: 1450 });
    expect(withTotal).to.deep.equal([
      { kind: 'truncated', count: 1000, message: 'Showing the first 1,000 of 1,450 items; the rest were not loaded.' },
    ]);
    const withoutTotal = noticesFromSearch({ ...empty, truncated: true, shown: 1000 });
    expect(withoutTotal[0]?.message).to.equal('Showing the first 1,000 of more than 1,000 items; the rest were not loaded.');
  });

  it('counts skipped entries, separating other patients\' entries', () => {
    const notices = noticesFromSearch({
      ...empty,
      skipped: [{ reason: 'invalid' }, { reason: 'unexpected-type' }, { reason: 'no-resource' }, { reason: 'other-patient' }],
    });
    expect(notices).to.deep.equal([
      { kind: 'other-patient-dropped', count: 1, message: '1 entry was not shown because it belongs to a different patient.' },
      { kind: 'skipped', count: 3, message: '3 entries could not be shown because the HIE sent them in an unexpected form.' },
    ]);
    expect(noticesFromSearch({ ...empty, skipped: [{ reason: 'invalid' }] })[0]?.message).to.equal(
      '1 entry could not be shown because the HIE sent it in an unexpected form.',
    );
  });

  it('says which related details the HIE refused, so missing sources are never silent', () => {
    const notices = noticesFromSearch({ ...empty, refusedIncludes: ['CarePlan:author', 'Provenance:target'] });
    expect(notices).to.deep.equal([
      {
        kind: 'details-missing',
        message:
          'The HIE did not accept the request for some related details (CarePlan:author, Provenance:target). All items found are shown, but some sources, medicines or linked results may be shown as not recorded.',
      },
    ]);
    expect(noticesFromSearch({ ...empty, refusedIncludes: [] })).to.deep.equal([]);
  });

  it('reads the Microsoft FHIR server\'s "Include result was truncated" as missing details, not a source outage', () => {
    const truncated = outcome({ severity: 'warning', code: 'incomplete', diagnostics: 'Include result was truncated' });
    const [notice] = noticesFromSearch({ ...empty, outcomes: [truncated] });
    expect(notice?.kind).to.equal('details-missing');
    expect(notice?.message).to.equal(DEFAULT_MESSAGES.detailsTruncated);
    const outage = outcome({ severity: 'warning', code: 'incomplete', diagnostics: 'The GP system did not respond' });
    expect(noticesFromSearch({ ...empty, outcomes: [outage] })[0]?.kind).to.equal('source-unavailable');
  });

  it('says when the HIE sent fewer items than its total, with no page left, and how many are not shown', () => {
    expect(noticesFromSearch({ ...empty, total: 5, received: 3 })).to.deep.equal([
      { kind: 'skipped', count: 2, message: 'The HIE said it found 5 items but sent 3; 2 are not shown.' },
    ]);
    expect(noticesFromSearch({ ...empty, total: 4, received: 3 })[0]?.message).to.equal(
      'The HIE said it found 4 items but sent 3; 1 is not shown.',
    );
  });

  it('does not count twice what it already reported: withheld with a count, skipped entries, a cut list', () => {
    const withheld = outcome({ severity: 'information', code: 'suppressed', details: { text: '2 items were withheld at source' } });
    expect(noticesFromSearch({ ...empty, total: 5, received: 3, outcomes: [withheld] }).map((n) => n.kind)).to.deep.equal(['withheld']);
    expect(noticesFromSearch({ ...empty, total: 5, received: 4, skipped: [{ reason: 'invalid' }] }).map((n) => n.kind)).to.deep.equal([
      'skipped',
    ]);
    expect(noticesFromSearch({ ...empty, total: 3000, received: 1000, shown: 1000, truncated: true }).map((n) => n.kind)).to.deep.equal([
      'truncated',
    ]);
    expect(noticesFromSearch({ ...empty, total: 3, received: 3 })).to.deep.equal([]);
    expect(noticesFromSearch({ ...empty, received: 3 })).to.deep.equal([]);
  });

  it('orders notices most serious first and drops exact duplicates', () => {
    const notices = noticesFromSearch({
      outcomes: [
        outcome({ details: { text: 'FYI' } }),
        outcome({ code: 'timeout' }),
        outcome({ code: 'suppressed' }),
        outcome({ code: 'suppressed' }),
      ],
      truncated: true,
      shown: 5,
      total: 9,
      skipped: [{ reason: 'invalid' }],
    });
    expect(notices.map((n) => n.kind)).to.deep.equal(['withheld', 'source-unavailable', 'truncated', 'skipped', 'information']);
  });

  it('does not throw on malformed input', () => {
    const messy = {
      outcomes: [null, 'x', { resourceType: 'OperationOutcome', issue: 'bad' }, { issue: [null, { code: 5 }] }],
      bundleSecurity: 'REDACTED',
      truncated: 'yes',
      shown: 'many',
      skipped: [null, 'x'],
    } as unknown as SearchNoticeInput;
    const notices = noticesFromSearch(messy);
    expect(notices.map((n) => n.kind)).to.deep.equal(['information']);
  });
});

describe('objectionNotice', () => {
  it('uses the HIE\'s words when sent', () => {
    expect(objectionNotice('The patient has objected to sharing their record.')).to.deep.equal({
      kind: 'objected',
      message: 'No access to this record: The patient has objected to sharing their record.',
    });
  });

  it('explains a bare 403', () => {
    expect(objectionNotice()).to.deep.equal({ kind: 'objected', message: DEFAULT_MESSAGES.objected });
    expect(objectionNotice('  ')).to.deep.equal({ kind: 'objected', message: DEFAULT_MESSAGES.objected });
  });
});
