/**
 * `compute` remembered for the last list it was given. The same items in the same order reuse the
 * answer (a re-render after a panel opens or a list scrolls); any other items compute afresh: another
 * filter, or a refresh, whose rows are new objects even when they look the same, so nothing derived
 * from rows before a refresh is ever shown after it. Items are compared one by one rather than by the
 * array, and the list is copied, so a caller that reuses or changes its array cannot make a stale
 * answer look current.
 */
export function sameItemsMemo<Item, Answer>(compute: (items: readonly Item[]) => Answer): (items: readonly Item[]) => Answer {
  let lastItems: readonly Item[] | undefined;
  let last: Answer | undefined;
  return (items) => {
    const previous = lastItems;
    if (!previous || previous.length !== items.length || items.some((item, i) => item !== previous[i])) {
      last = compute(items);
      lastItems = items.slice();
    }
    return last as Answer;
  };
}
