import type { TemplateResult } from 'lit';
import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { otherSourcesByRow } from '../../model/also-recorded.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapAllergies, type AllergyRow } from './allergies.model.js';
import { allergiesQueries } from './allergies.queries.js';
import { allergyItem, noKnownAllergyItem } from './allergies.templates.js';
import { allergiesStyles } from './care-record-allergies.styles.js';

/**
 * A patient's allergies and intolerances from every source in the shared care record
 * (AllergyIntolerance): substance, reactions with manifestation and severity, criticality (high
 * criticality marked in words), category, status, its source and freshness. A coded "no known
 * allergies" is shown as a statement by its source, never as a substance, and is told apart
 * from receiving no allergy records at all (the empty state). Refuted and entered-in-error items are
 * never shown. Default view: active allergies; inactive and resolved ones are counted as hidden with
 * a one-click "Show all".
 *
 * @summary Allergies and adverse reactions from the shared care record, with source and freshness of every item.
 */
export class CareRecordAllergies extends CareRecordElement<AllergyRow> {
  static override styles = [widgetStyles, allergiesStyles];

  static readonly widget: WidgetDescriptor<AllergyRow> = {
    tag: 'care-record-allergies',
    heading: 'Allergies and adverse reactions',
    // The empty state then reads "No allergy records were received…": not "no allergies".
    noun: 'allergy records',
    queries: allergiesQueries,
    model: mapAllergies,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Active allergies', matches: (row) => row.current },
        { value: 'all', label: 'All allergy records' },
        { value: 'past', label: 'Inactive or resolved', matches: (row) => !row.current },
      ],
      describeHidden: (n) => plural(n, 'inactive or resolved allergy record'),
    },
  };

  /** Each allergy says which other sources on screen record it too; "no known" statements stand alone. */
  protected override renderRows(rows: AllergyRow[], now: Date): TemplateResult {
    const others = otherSourcesByRow(rows.filter((r) => r.kind === 'allergy'));
    const view = this.rowView();
    return this.renderList(rows, (row) => row.key, (row) =>
      row.kind === 'no-known' ? noKnownAllergyItem(row, now, view) : allergyItem(row, others.get(row.key) ?? [], now, view),
    );
  }
}
