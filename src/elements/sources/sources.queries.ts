import type { QuerySpec } from '../../core/record-controller.js';
import { WIDGETS, type WidgetEntry } from '../widgets.js';

/**
 * The same searches as every other widget, so that on a page with them all the HIE sees each
 * search once (identical concurrent requests are shared).
 */
export function sourcesQueries(patient: string): QuerySpec[] {
  const all = WIDGETS.flatMap((widget: WidgetEntry) => widget.queries?.(patient) ?? []);
  const seen = new Set<string>();
  return all.filter((q) => {
    const key = `${q.resourceType}?${JSON.stringify(q.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
