import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapImmunisations, type ImmunisationRow } from './immunisations.model.js';
import { immunisationsQueries } from './immunisations.queries.js';
import { immunisationItem } from './immunisations.templates.js';
import { immunisationsStyles } from './care-record-immunisations.styles.js';

/**
 * A patient's immunisations from every source in the shared care record (UK Core Immunization):
 * vaccine, date at the precision recorded, dose number and series, status ("not given" with its
 * reason), site, route, batch, who gave it and where, whether the record is from whoever gave it or
 * a report from elsewhere, its source and freshness. Entered-in-error records are never shown.
 * Default view: vaccines given, newest first; those not given are counted as hidden with "Show all".
 *
 * @summary Immunisations from the shared care record, with source and freshness of every item.
 */
export class CareRecordImmunisations extends CareRecordElement<ImmunisationRow> {
  static override styles = [widgetStyles, immunisationsStyles];

  static readonly widget: WidgetDescriptor<ImmunisationRow> = {
    tag: 'care-record-immunisations',
    heading: 'Immunisations',
    noun: 'immunisation records',
    queries: immunisationsQueries,
    model: mapImmunisations,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Vaccines given', matches: (row) => row.given },
        { value: 'all', label: 'All immunisation records' },
        { value: 'not-given', label: 'Not given', matches: (row) => !row.given },
      ],
      describeHidden: (n, option) =>
        option.value === 'not-given'
          ? plural(n, 'vaccine given', 'vaccines given')
          : plural(n, 'immunisation record not given or with another status', 'immunisation records not given or with another status'),
    },
    item: immunisationItem,
  };
}
