import { expect } from '@open-wc/testing';
import {
  compareIsoDesc,
  formatDate,
  formatDateTime,
  formatExact,
  formatNhsNumber,
  formatRelativeAge,
  formatTime,
  parseFhirDate,
  UNKNOWN_DATE,
} from '../../src/model/format.js';

const HOST_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Zones far either side of UTC, so a date-only value that shifted would change day in one of them. */
const EXTREME_ZONES = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London', 'UTC', HOST_ZONE];

describe('parseFhirDate', () => {
  it('gives the same frozen reading for the same text, and rejects bad text every time', () => {
    const first = parseFhirDate('2025-03-04T10:00:00Z');
    expect(parseFhirDate('2025-03-04T10:00:00Z')).to.equal(first);
    expect(Object.isFrozen(first)).to.equal(true);
    expect(first?.date.toISOString()).to.equal('2025-03-04T10:00:00.000Z');
    for (let i = 0; i < 2; i += 1) expect(parseFhirDate('2025-02-30')).to.equal(undefined);
  });

  it('reads each precision', () => {
    expect(parseFhirDate('2024')?.precision).to.equal('year');
    expect(parseFhirDate('2024-02')?.precision).to.equal('month');
    expect(parseFhirDate('2024-02-29')?.precision).to.equal('day');
    expect(parseFhirDate('2024-02-29T10:00:00Z')?.precision).to.equal('time');
    expect(parseFhirDate('2024-02')).to.include({ year: 2024, month: 2, day: undefined });
  });

  it('anchors partial dates at UTC midnight of their first day', () => {
    expect(parseFhirDate('2024')!.date.getTime()).to.equal(Date.UTC(2024, 0, 1));
    expect(parseFhirDate('2024-02')!.date.getTime()).to.equal(Date.UTC(2024, 1, 1));
    expect(parseFhirDate('2024-02-29')!.date.getTime()).to.equal(Date.UTC(2024, 1, 29));
  });

  it('applies the zone offset of a dateTime', () => {
    expect(parseFhirDate('2026-11-24T14:32:05Z')!.date.getTime()).to.equal(Date.UTC(2026, 10, 24, 14, 32, 5));
    expect(parseFhirDate('2026-07-01T10:00:00+01:00')!.date.getTime()).to.equal(Date.UTC(2026, 6, 1, 9));
    expect(parseFhirDate('2026-07-01T10:00:00.250-05:30')!.date.getTime()).to.equal(
      Date.UTC(2026, 6, 1, 15, 30, 0, 250),
    );
  });

  it('reads year 0001 without mapping it to 1901', () => {
    expect(parseFhirDate('0001-01-01')!.date.getUTCFullYear()).to.equal(1);
  });

  it('accepts year 9999 and leap days', () => {
    expect(parseFhirDate('9999-12-31')?.year).to.equal(9999);
    expect(parseFhirDate('2000-02-29')).to.not.equal(undefined);
  });

  for (const bad of [
    '0000',
    '0000-01-01',
    '2024-00',
    '2024-13',
    '2024-04-31',
    '2023-02-29',
    '1900-02-29',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60:00Z',
    '2024-01-01T10:00:61Z',
    '2024-01-01T10:00:00+15:00',
    '24-11-2026',
    '2024-1-1',
    '20240101',
    'yesterday',
    '',
  ]) {
    it(`rejects "${bad}"`, () => {
      expect(parseFhirDate(bad)).to.equal(undefined);
    });
  }

  it('rejects values that are not strings', () => {
    for (const bad of [undefined, null, 20240101, {}, ['2024']]) expect(parseFhirDate(bad)).to.equal(undefined);
  });
});

describe('formatDate', () => {
  it('uses DD-Mmm-YYYY with fixed English months (Sep, not Sept)', () => {
    expect(formatDate('2026-11-24')).to.equal('24-Nov-2026');
    expect(formatDate('2024-09-05')).to.equal('05-Sep-2024');
  });

  it('keeps partial dates partial', () => {
    expect(formatDate('2024')).to.equal('2024');
    expect(formatDate('2024-02')).to.equal('Feb-2024');
  });

  it('never shifts a date-only value, whatever the zone', () => {
    for (const timeZone of EXTREME_ZONES) {
      expect(formatDate('2026-01-01', { timeZone }), timeZone).to.equal('01-Jan-2026');
      expect(formatDate('2026-12-31', { timeZone }), timeZone).to.equal('31-Dec-2026');
    }
  });

  it('shows a dateTime on its local calendar day', () => {
    expect(formatDate('2026-11-24T03:00:00Z', { timeZone: 'America/New_York' })).to.equal('23-Nov-2026');
    expect(formatDate('2026-11-24T03:00:00Z', { timeZone: 'Europe/London' })).to.equal('24-Nov-2026');
  });

  it('formats the extreme years', () => {
    expect(formatDate('0001-01-01')).to.equal('01-Jan-0001');
    expect(formatDate('9999-12-31')).to.equal('31-Dec-9999');
  });

  it('says "Unknown date" for missing and invalid values', () => {
    expect(UNKNOWN_DATE).to.equal('Unknown date');
    for (const bad of [undefined, '', '0000', '2024-02-30', 'not a date']) expect(formatDate(bad)).to.equal(UNKNOWN_DATE);
  });
});

describe('formatDateTime and formatTime', () => {
  it('uses 24-hour HH:mm with leading zeros', () => {
    expect(formatDateTime('2026-11-24T14:32:05Z', { timeZone: 'Europe/London' })).to.equal('24-Nov-2026 14:32');
    expect(formatDateTime('2026-03-02T09:05:00Z', { timeZone: 'UTC' })).to.equal('02-Mar-2026 09:05');
  });

  it('shows midnight as 00:00, never 24:00', () => {
    expect(formatDateTime('2026-11-24T00:00:00Z', { timeZone: 'Europe/London' })).to.equal('24-Nov-2026 00:00');
  });

  it('applies summer time in Europe/London', () => {
    expect(formatDateTime('2026-07-01T00:05:00Z', { timeZone: 'Europe/London' })).to.equal('01-Jul-2026 01:05');
  });

  it('crosses the date line in the given zone', () => {
    expect(formatDateTime('2026-11-24T03:00:00Z', { timeZone: 'America/New_York' })).to.equal('23-Nov-2026 22:00');
  });

  it('uses the host zone by default', () => {
    const iso = '2026-11-24T14:32:05Z';
    expect(formatDateTime(iso)).to.equal(formatDateTime(iso, { timeZone: HOST_ZONE }));
  });

  it('formats values without a time as dates', () => {
    expect(formatDateTime('2026-11-24')).to.equal('24-Nov-2026');
    expect(formatDateTime('2024-02')).to.equal('Feb-2024');
    expect(formatDateTime('garbage')).to.equal(UNKNOWN_DATE);
  });

  it('formats a time of day', () => {
    expect(formatTime(new Date(Date.UTC(2026, 0, 1, 9, 5)), { timeZone: 'UTC' })).to.equal('09:05');
    expect(formatTime(new Date(Date.UTC(2026, 6, 1, 23, 59)), { timeZone: 'Europe/London' })).to.equal('00:59');
    expect(formatTime(new Date(Number.NaN))).to.equal('Unknown time');
  });
});

describe('formatExact', () => {
  it('gives seconds and the zone name', () => {
    expect(formatExact('2026-11-24T14:32:05Z', { timeZone: 'Europe/London' })).to.equal('24-Nov-2026 14:32:05 GMT');
    expect(formatExact('2026-07-24T14:32:05Z', { timeZone: 'Europe/London' })).to.equal('24-Jul-2026 15:32:05 BST');
  });

  it('says how precise a date-only or partial value is', () => {
    expect(formatExact('2026-11-24')).to.equal('24-Nov-2026 (date only)');
    expect(formatExact('2024-02')).to.equal('Feb-2024 (month only)');
    expect(formatExact('2024')).to.equal('2024 (year only)');
  });

  it('shows what was sent when it cannot be read', () => {
    expect(formatExact('2024-13-01')).to.equal('Unknown date ("2024-13-01")');
    expect(formatExact(undefined)).to.equal(UNKNOWN_DATE);
  });
});

describe('formatRelativeAge', () => {
  const minute = 60_000;
  const hour = 60 * minute;
  it('words the age', () => {
    expect(formatRelativeAge(10_000)).to.equal('less than a minute ago');
    expect(formatRelativeAge(minute)).to.equal('1 minute ago');
    expect(formatRelativeAge(3 * minute + 59_000)).to.equal('3 minutes ago');
    expect(formatRelativeAge(hour)).to.equal('1 hour ago');
    expect(formatRelativeAge(20 * hour)).to.equal('20 hours ago');
    expect(formatRelativeAge(47 * hour)).to.equal('47 hours ago');
    expect(formatRelativeAge(50 * hour)).to.equal('2 days ago');
  });

  it('does not pretend a future time is recent', () => {
    expect(formatRelativeAge(-2 * hour)).to.equal('in the future (clocks disagree)');
    expect(formatRelativeAge(Number.NaN)).to.equal('at an unknown time');
  });
});

describe('formatNhsNumber', () => {
  it('groups ten digits 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).to.equal('943 476 5919');
    expect(formatNhsNumber(' 943 4765 919 ')).to.equal('943 476 5919');
  });

  it('leaves anything else as sent', () => {
    expect(formatNhsNumber('94347659')).to.equal('94347659');
    expect(formatNhsNumber('943-476-5919')).to.equal('943-476-5919');
    expect(formatNhsNumber(undefined)).to.equal('');
  });
});

describe('compareIsoDesc', () => {
  it('sorts newest first, partial dates by their first day, more precise first on a tie, unknown last', () => {
    const sorted = [
      '2024',
      'garbage',
      '2024-03-01',
      '2023-12-31',
      '2025-01',
      '2024-03-01T10:00:00Z',
      '2024-01-01',
    ].sort(compareIsoDesc);
    expect(sorted).to.deep.equal([
      '2025-01',
      '2024-03-01T10:00:00Z',
      '2024-03-01',
      '2024-01-01',
      '2024',
      '2023-12-31',
      'garbage',
    ]);
  });

  it('treats two unknown values as equal', () => {
    expect(compareIsoDesc(undefined, 'bad')).to.equal(0);
    expect(compareIsoDesc(undefined, '2024')).to.be.greaterThan(0);
    expect(compareIsoDesc('2024', undefined)).to.be.lessThan(0);
  });
});
