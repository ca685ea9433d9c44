import { expect } from '@open-wc/testing';
import { isValidNhsNumber, normaliseNhsNumber } from '../../src/fhir/nhs-number.js';
import { describe, it } from './support/mocha.js';

describe('NHS number (Modulus 11)', () => {
  const valid = ['9990000018', '9990000026', '9990000034', '9990000050', '9998765439', '9434765919', '9912003888'];
  for (const number of valid) {
    it(`accepts ${number}`, () => {
      expect(isValidNhsNumber(number)).to.equal(true);
    });
  }

  it('accepts the 3-3-4 spaced form people type', () => {
    expect(isValidNhsNumber('999 000 0018')).to.equal(true);
    expect(isValidNhsNumber(' 999 876 5439 ')).to.equal(true);
  });

  it('rejects 9991234567, whose check digit would be 10 (never issued)', () => {
    expect(isValidNhsNumber('9991234567')).to.equal(false);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9990000019')).to.equal(false);
    expect(isValidNhsNumber('9434765918')).to.equal(false);
  });

  it('rejects wrong lengths, letters, other separators and non-strings', () => {
    for (const bad of ['', '999000001', '99900000180', '99900000A8', '999-000-0018', '999.000.0018', '٩٩٩٠٠٠٠٠١٨']) {
      expect(isValidNhsNumber(bad), bad).to.equal(false);
    }
    expect(isValidNhsNumber(undefined as unknown as string)).to.equal(false);
  });

  it('accepts 0000000000: its sum is 0, so its check digit is 0 and Modulus 11 alone passes it', () => {
    expect(isValidNhsNumber('0000000000')).to.equal(true);
  });

  it('normalises by removing spaces only', () => {
    expect(normaliseNhsNumber('999 000 0018')).to.equal('9990000018');
    expect(normaliseNhsNumber('999-000-0018')).to.equal('999-000-0018');
  });
});
