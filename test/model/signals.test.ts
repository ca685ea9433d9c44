import { expect } from '@open-wc/testing';
import { buildSignals, type SignalInput } from '../../src/model/signals.js';
import type { RecordNotice } from '../../src/model/record-types.js';

const quiet: SignalInput = {
  notices: [],
  noun: 'medications',
  hiddenByFilters: { count: 0, reasons: [] },
  hiddenBySearch: { count: 0, term: '' },
  outOfDate: { count: 0, sources: [] },
};

const withheld = (count: number | undefined, reason: string): RecordNotice => ({
  kind: 'withheld',
  message: `${count ?? 'Some'} items were withheld at source (${reason})`,
  ...(count === undefined ? {} : { count }),
});

describe('buildSignals', () => {
  it('says nothing when nothing is missing or hidden', () => {
    expect(buildSignals(quiet)).to.deep.equal([]);
  });

  it('aggregates withheld notices into one line with a count per reason, each notice kept in the detail', () => {
    const notices = [
      withheld(2, 'sensitive'),
      withheld(2, 'confidential'),
      withheld(1, 'sensitive'),
      withheld(1, 'sexual health'),
      withheld(1, 'restricted mental health'),
    ];
    const [signal, ...rest] = buildSignals({ ...quiet, notices });
    expect(rest).to.deep.equal([]);
    expect(signal!.summary).to.equal(
      '7 items withheld at source: 3 sensitive, 2 confidential, 1 sexual health, 1 restricted mental health',
    );
    expect(signal!.details).to.deep.equal(notices.map((n) => n.message));
  });

  it('never claims an exact total when a withheld notice gave no count', () => {
    const [signal] = buildSignals({ ...quiet, notices: [withheld(2, 'sensitive'), withheld(undefined, 'confidential')] });
    expect(signal!.summary).to.equal('At least 2 items withheld at source: 2 sensitive, confidential');
  });

  it('keeps a lone notice in its own words, with no detail to open', () => {
    const notice: RecordNotice = { kind: 'source-unavailable', message: 'Mental Health Trust did not respond; its items may be missing.', source: 'Mental Health Trust' };
    expect(buildSignals({ ...quiet, notices: [notice] })).to.deep.equal([{ kind: 'source-unavailable', summary: notice.message, details: [] }]);
  });

  it('names every silent source on one outage line', () => {
    const outage = (source: string): RecordNotice => ({ kind: 'source-unavailable', message: `${source} did not respond`, source });
    const [signal] = buildSignals({ ...quiet, notices: [outage('A'), outage('B')] });
    expect(signal!.summary).to.equal('2 sources did not respond: A, B; their items may be missing');
    expect(signal!.details).to.have.length(2);
  });

  it('keeps different kinds on separate lines in the order given, information notices one each', () => {
    const notices: RecordNotice[] = [
      { kind: 'objected', message: 'No access' },
      withheld(1, 'x'),
      { kind: 'truncated', message: 'Showing the first 1,000 of 1,200 items', count: 1000 },
      { kind: 'information', message: 'GP sources only' },
      { kind: 'information', message: 'Another note' },
    ];
    expect(buildSignals({ ...quiet, notices }).map((s) => s.kind)).to.deep.equal([
      'objected',
      'withheld',
      'truncated',
      'information',
      'information',
    ]);
  });

  it('counts what the filters and the search hide, each with its action, and late batch feeds', () => {
    const signals = buildSignals({
      ...quiet,
      hiddenByFilters: { count: 9, reasons: ['9 past medications'] },
      hiddenBySearch: { count: 4, term: 'warf' },
      outOfDate: { count: 2, sources: ['Elm Tree Surgery'] },
    });
    expect(signals[0]!.details).to.deep.equal(['Elm Tree Surgery: its last batch is older than its schedule allows']);
    expect(signals.map((s) => [s.kind, s.summary, s.action])).to.deep.equal([
      ['out-of-date', '2 items may be out of date (late batch feed)', undefined],
      ['hidden-by-filters', '9 items are hidden by your filters: 9 past medications.', 'show-all'],
      ['hidden-by-search', "4 items hidden by your search 'warf'", 'clear-search'],
    ]);
  });
});
