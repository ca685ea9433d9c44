import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapSources, type SourceRow } from './sources.model.js';
import { sourcesQueries } from './sources.queries.js';
import { sourceItem } from './sources.templates.js';
import { sourcesStyles } from './care-record-sources.styles.js';

/**
 * Every organisation that contributed to the patient's shared care record: its type, live or batch
 * feed, when the HIE last received it, whether it is unavailable now, and how many items of each kind
 * it sent. How a clinician judges what the record may be missing.
 *
 * @summary The sources of the shared care record, their feeds and what each sent.
 */
export class CareRecordSources extends CareRecordElement<SourceRow> {
  static override styles = [widgetStyles, sourcesStyles];

  static readonly widget: WidgetDescriptor<SourceRow> = {
    tag: 'care-record-sources',
    heading: 'Sources of this record',
    noun: 'sources',
    queries: sourcesQueries,
    model: mapSources,
    progressive: false,
    filters: {
      statusOptions: [
        { value: 'all', label: 'All sources' },
        { value: 'unavailable', label: 'Unavailable now', matches: (row) => row.status === 'unavailable' },
        { value: 'out-of-date', label: 'Possibly out of date', matches: (row) => row.freshness.possiblyOutOfDate },
      ],
      describeHidden: (n) => plural(n, 'source'),
    },
    item: sourceItem,
  };
}
