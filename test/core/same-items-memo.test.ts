import { expect } from '@open-wc/testing';
import { sameItemsMemo } from '../../src/core/same-items-memo.js';

interface Item {
  id: string;
}

function counted(): { memo: (items: readonly Item[]) => string[]; calls: () => number } {
  let calls = 0;
  const memo = sameItemsMemo((items: readonly Item[]) => {
    calls += 1;
    return items.map((i) => i.id);
  });
  return { memo, calls: () => calls };
}

describe('sameItemsMemo', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };

  it('answers again without computing for the same items, in a new array or the same one', () => {
    const { memo, calls } = counted();
    const first = memo([a, b]);
    expect(memo([a, b])).to.equal(first);
    expect(calls()).to.equal(1);
  });

  it('computes afresh for other items, another order, fewer items, or equal-looking new objects', () => {
    const { memo, calls } = counted();
    memo([a, b]);
    expect(memo([b, a])).to.deep.equal(['b', 'a']);
    expect(memo([b])).to.deep.equal(['b']);
    expect(memo([{ id: 'b' }])).to.deep.equal(['b']);
    expect(memo([])).to.deep.equal([]);
    expect(calls()).to.equal(5);
  });

  it('is not fooled by a caller changing the array it passed', () => {
    const { memo, calls } = counted();
    const items = [a, b];
    memo(items);
    items[1] = { id: 'c' };
    expect(memo(items)).to.deep.equal(['a', 'c']);
    expect(calls()).to.equal(2);
  });
});
