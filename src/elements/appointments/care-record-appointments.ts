import { CareRecordElement } from '../../core/care-record-element.js';
import type { WidgetDescriptor } from '../../core/widget-descriptor.js';
import { plural } from '../../model/format.js';
import { widgetStyles } from '../../ui/styles.js';
import { mapAppointments, type AppointmentRow } from './appointments.model.js';
import { appointmentsQueries } from './appointments.queries.js';
import { appointmentItem } from './appointments.templates.js';
import { appointmentsStyles } from './care-record-appointments.styles.js';

/**
 * A patient's appointments from every source in the shared care record (Appointment, and planned
 * Encounters where the HIE sends bookings that way), each with its source and freshness.
 * Default view: upcoming appointments, soonest first; past ones are counted as hidden with a
 * one-click "Show all". Cancelled appointments are kept and marked "Cancelled" in words.
 *
 * @summary Appointments from the shared care record, with source and freshness of every item.
 */
export class CareRecordAppointments extends CareRecordElement<AppointmentRow> {
  static override styles = [widgetStyles, appointmentsStyles];

  static readonly widget: WidgetDescriptor<AppointmentRow> = {
    tag: 'care-record-appointments',
    heading: 'Appointments',
    noun: 'appointments',
    queries: appointmentsQueries,
    model: mapAppointments,
    filters: {
      statusOptions: [
        { value: 'upcoming', label: 'Upcoming appointments', matches: (row) => row.upcoming },
        { value: 'all', label: 'All appointments' },
        { value: 'past', label: 'Past appointments', matches: (row) => !row.upcoming },
      ],
      // The shared spec gives one wording for every option, so it reads the option now chosen.
      describeHidden: (n, option) => plural(n, option.value === 'past' ? 'upcoming appointment' : 'past appointment'),
    },
    item: appointmentItem,
  };
}
