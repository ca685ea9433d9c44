import type { TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { otherSourcesByRow } from '../../model/also-recorded.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapProblems, type ProblemRow } from './problems.model.js';
import { problemsQueries } from './problems.queries.js';
import { problemItem } from './problems.templates.js';
import { problemsStyles } from './care-record-problems.styles.js';

/**
 * A patient's problems and diagnoses from every source in the shared care record (Condition:
 * problem-list items and encounter diagnoses), each with its clinical and verification status, onset
 * and resolution, severity, who recorded it, its source and freshness. Unconfirmed, provisional and
 * differential diagnoses are marked in words; refuted and entered-in-error conditions are never shown.
 * Default view: current problems (active, recurrence, relapse, in remission, or status not recorded);
 * resolved and inactive ones are counted as hidden with a one-click "Show all".
 *
 * @summary Problems and diagnoses from the shared care record, with source and freshness of every item.
 */
export class CareRecordProblems extends CareRecordElement<ProblemRow> {
  static override styles = [widgetStyles, problemsStyles];

  static readonly widget: WidgetDescriptor<ProblemRow> = {
    tag: 'care-record-problems',
    heading: 'Problems and diagnoses',
    noun: 'problems',
    queries: problemsQueries,
    model: mapProblems,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Current problems', matches: (row) => row.current },
        { value: 'all', label: 'All problems' },
        { value: 'past', label: 'Resolved or inactive problems', matches: (row) => !row.current },
      ],
      describeHidden: (n) => plural(n, 'resolved or inactive problem'),
    },
  };

  /** Each problem says which other sources on screen record it too. */
  protected override renderRows(rows: ProblemRow[], now: Date): TemplateResult {
    const others = otherSourcesByRow(rows);
    const view = this.rowView();
    return this.renderList(rows, (row) => row.key, (row) => problemItem(row, others.get(row.key) ?? [], now, view));
  }
}
