import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapCarePlans, type CarePlanRow } from './care-plans.model.js';
import { carePlansQueries } from './care-plans.queries.js';
import { carePlanItem } from './care-plans.templates.js';
import { carePlansStyles } from './care-record-care-plans.styles.js';

/**
 * A patient's care plans from every source in the shared care record (CarePlan): title, category,
 * status, period, author and activities, each plan with its source, source type and freshness.
 * Default view: current plans (active, on hold and draft, the last two marked); completed and
 * revoked plans are counted as hidden with a one-click "Show all".
 *
 * @summary Care plans from the shared care record, with activities, source and freshness of every plan.
 */
export class CareRecordCarePlans extends CareRecordElement<CarePlanRow> {
  static override styles = [widgetStyles, ...carePlansStyles];

  static readonly widget: WidgetDescriptor<CarePlanRow> = {
    tag: 'care-record-care-plans',
    heading: 'Care plans',
    noun: 'care plans',
    queries: carePlansQueries,
    model: mapCarePlans,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Current care plans', matches: (row) => row.current },
        { value: 'all', label: 'All care plans' },
        { value: 'ended', label: 'Completed and revoked care plans', matches: (row) => !row.current },
      ],
      describeHidden: (n) => plural(n, 'completed or revoked care plan'),
    },
    item: carePlanItem,
  };
}
