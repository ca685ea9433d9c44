import type { TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { sameItemsMemo } from '../../core/same-items-memo.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapMedications, type MedicationRow } from './medications.model.js';
import { medicationsQueries } from './medications.queries.js';
import { medicationGroupHeading, medicationItem, medicationListEntries } from './medications.templates.js';
import { medicationsStyles } from './care-record-medications.styles.js';

/**
 * A patient's medications from every source in the shared care record (MedicationStatement and
 * MedicationRequest), grouped by medicine, each report with its source and freshness.
 * Default view: current medications; past ones are counted as hidden with a one-click "Show all".
 *
 * @summary Medications from the shared care record, with source and freshness of every item.
 */
export class CareRecordMedications extends CareRecordElement<MedicationRow> {
  static override styles = [widgetStyles, medicationsStyles];

  static readonly widget: WidgetDescriptor<MedicationRow> = {
    tag: 'care-record-medications',
    heading: 'Medications',
    noun: 'medications',
    queries: medicationsQueries,
    model: mapMedications,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Current medications', matches: (row) => row.current },
        { value: 'all', label: 'All medications' },
        { value: 'past', label: 'Past medications', matches: (row) => !row.current },
      ],
      describeHidden: (n, option) => plural(n, `${option.value === 'past' ? 'current' : 'past'} medication`),
    },
    item: medicationItem,
  };

  /** Kept while the rows are the same: re-renders (scrolling, a filter bar toggle) do not regroup. */
  private readonly entriesFor = sameItemsMemo(medicationListEntries);

  protected override renderRows(rows: MedicationRow[], now: Date): TemplateResult {
    return this.renderList(
      this.entriesFor(rows),
      (e) => (e.row ? e.row.key : `group:${e.group.key}`),
      (e) => (e.row ? this.renderItem(e.row, now) : medicationGroupHeading(e.group)),
    );
  }
}
