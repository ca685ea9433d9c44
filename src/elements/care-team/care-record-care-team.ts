import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapCareTeams, type CareTeamRow } from './care-team.model.js';
import { careTeamQueries } from './care-team.queries.js';
import { careTeamItem } from './care-team.templates.js';
import { careTeamStyles } from './care-record-care-team.styles.js';

/**
 * The teams involved in a patient's care, from every source in the shared care record (CareTeam):
 * each team's members with their role, organisation and contact details, its status and period.
 * Default view: current teams (active, proposed and suspended, the last two marked); inactive teams
 * are counted as hidden with a one-click "Show all".
 *
 * @summary Care teams from the shared care record, with members, contacts, source and freshness.
 */
export class CareRecordCareTeam extends CareRecordElement<CareTeamRow> {
  static override styles = [widgetStyles, ...careTeamStyles];

  static readonly widget: WidgetDescriptor<CareTeamRow> = {
    tag: 'care-record-care-team',
    heading: 'Care teams',
    noun: 'care teams',
    queries: careTeamQueries,
    model: mapCareTeams,
    filters: {
      statusOptions: [
        { value: 'current', label: 'Current care teams', matches: (row) => row.current },
        { value: 'all', label: 'All care teams' },
        { value: 'inactive', label: 'Inactive care teams', matches: (row) => !row.current },
      ],
      describeHidden: (n) => plural(n, 'inactive care team'),
    },
    item: careTeamItem,
  };
}
