import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import type { EncounterGroup } from '../../model/encounter-class.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapEncounters, type EncounterRow } from './encounters.model.js';
import { encountersQueries } from './encounters.queries.js';
import { encounterItem } from './encounters.templates.js';
import { encountersStyles } from './care-record-encounters.styles.js';

function contactsOf(group: EncounterGroup): (row: EncounterRow) => boolean {
  return (row) => row.happened && row.group === group;
}

/**
 * A patient's contacts with services from every source in the shared care record (Encounter):
 * admissions, A&E attendances, ambulance conveyances, 111 and out-of-hours contacts, community,
 * mental-health and social-care contacts, newest first, each with its source and freshness.
 * Default view: every contact that took place; planned encounters (shown as appointments) and
 * cancelled ones are counted as hidden with a one-click "Show all".
 *
 * @summary Encounters from the shared care record, with source and freshness of every item.
 */
export class CareRecordEncounters extends CareRecordElement<EncounterRow> {
  static override styles = [widgetStyles, encountersStyles];

  static readonly widget: WidgetDescriptor<EncounterRow> = {
    tag: 'care-record-encounters',
    heading: 'Encounters',
    noun: 'encounters',
    queries: encountersQueries,
    model: mapEncounters,
    filters: {
      statusOptions: [
        { value: 'contacts', label: 'All contacts', matches: (row) => row.happened },
        { value: 'admissions', label: 'Admissions', matches: contactsOf('admission') },
        { value: 'emergency', label: 'Emergency and ambulance', matches: contactsOf('emergency') },
        { value: 'outpatient', label: 'Outpatient, community and home visits', matches: contactsOf('outpatient') },
        { value: 'virtual', label: 'Telephone and video', matches: contactsOf('virtual') },
        { value: 'all', label: 'All, including planned and cancelled' },
      ],
      // The shared spec gives one wording for every option, so it reads the option now chosen.
      describeHidden: (n, option) =>
        option.value === 'contacts'
          ? plural(n, 'planned or cancelled encounter')
          : `${plural(n, 'encounter')} outside "${option.label}"`,
    },
    item: encounterItem,
  };
}
