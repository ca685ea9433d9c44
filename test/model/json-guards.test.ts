import { expect } from '@open-wc/testing';
import { asArray, asNumber, asRecord, asRecords, asString, pick } from '../../src/model/json-guards.js';

describe('safe accessors', () => {
  it('asArray wraps a lone value and drops null', () => {
    expect(asArray([1, 2])).to.deep.equal([1, 2]);
    expect(asArray('x')).to.deep.equal(['x']);
    expect(asArray(null)).to.deep.equal([]);
    expect(asArray(undefined)).to.deep.equal([]);
  });

  it('asRecords keeps only objects', () => {
    expect(asRecords([{ a: 1 }, 'x', null, [1], { b: 2 }])).to.deep.equal([{ a: 1 }, { b: 2 }]);
    expect(asRecords({ a: 1 })).to.deep.equal([{ a: 1 }]);
  });

  it('asRecord rejects arrays and primitives', () => {
    expect(asRecord([])).to.equal(undefined);
    expect(asRecord('x')).to.equal(undefined);
    expect(asRecord(null)).to.equal(undefined);
    expect(asRecord({})).to.deep.equal({});
  });

  it('asString trims and rejects blanks and numbers', () => {
    expect(asString('  a ')).to.equal('a');
    expect(asString(' ')).to.equal(undefined);
    expect(asString(5)).to.equal(undefined);
  });

  it('asNumber rejects strings and non-finite numbers', () => {
    expect(asNumber(5)).to.equal(5);
    expect(asNumber('5')).to.equal(undefined);
    expect(asNumber(Number.POSITIVE_INFINITY)).to.equal(undefined);
  });

  it('pick walks a path without throwing', () => {
    expect(pick({ a: { b: { c: 1 } } }, 'a', 'b', 'c')).to.equal(1);
    expect(pick({ a: 'x' }, 'a', 'b')).to.equal(undefined);
    expect(pick(null, 'a')).to.equal(undefined);
  });
});
