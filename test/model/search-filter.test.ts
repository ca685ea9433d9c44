import { expect } from '@open-wc/testing';
import { applySearch, rowSearchText, searchTerms } from '../../src/model/search-filter.js';
import type { RecordRow } from '../../src/model/record-types.js';

function row(key: string, extra: Record<string, unknown>): RecordRow {
  return {
    key,
    resourceType: 'MedicationStatement',
    id: key,
    status: 'active',
    statusLabel: 'Active',
    date: '2024-03-12',
    source: { key: 'Organization/gp', name: 'Elm Tree Surgery', odsCode: 'A1', type: 'gp', typeLabel: 'GP practice', via: 'resource' },
    freshness: { lastUpdated: undefined, feed: 'batch', lastReceived: undefined, expectedIntervalMs: undefined, schedule: undefined, possiblyOutOfDate: true },
    securityLabels: [],
    ...extra,
  } as RecordRow;
}

const warfarin = row('a', { name: 'Warfarin 1mg tablets', dosage: 'As directed by the anticoagulant clinic' });
const potassium = row('b', { name: 'Potassium', value: 5.4, unit: 'mmol/L', source: { ...warfarin.source, name: 'Riverside University Hospitals NHS Trust', key: 'Organization/h' } });
const cafe = row('c', { name: 'Café au lait spots' });

describe('find in record (applySearch)', () => {
  it('keeps every row for an empty or blank search', () => {
    expect(applySearch([warfarin, potassium], '   ')).to.deep.equal({ visible: [warfarin, potassium], hidden: 0 });
  });

  it('matches name, dose, value and source, case-insensitive, every word', () => {
    expect(applySearch([warfarin, potassium], 'WARF').visible).to.deep.equal([warfarin]);
    expect(applySearch([warfarin, potassium], 'anticoagulant').visible).to.deep.equal([warfarin]);
    expect(applySearch([warfarin, potassium], '5.4').visible).to.deep.equal([potassium]);
    expect(applySearch([warfarin, potassium], 'riverside potassium').visible).to.deep.equal([potassium]);
    expect(applySearch([warfarin, potassium], 'riverside warfarin')).to.deep.equal({ visible: [], hidden: 2 });
  });

  it('ignores accents and never matches keys or machine status codes', () => {
    expect(applySearch([cafe, warfarin], 'cafe').visible).to.deep.equal([cafe]);
    expect(rowSearchText(warfarin)).not.to.contain('organization/gp');
    expect(applySearch([warfarin], 'active').visible, 'statusLabel is text, so "Active" matches').to.have.length(1);
    expect(applySearch([cafe], 'medicationstatement').visible).to.deep.equal([]);
  });

  it('splits the search into folded words', () => {
    expect(searchTerms('  Warf  Élan ')).to.deep.equal(['warf', 'elan']);
  });
});
