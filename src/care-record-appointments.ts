import { CareRecordAppointments } from './elements/appointments/care-record-appointments.js';
import { define } from './core/define.js';

define(CareRecordAppointments);

export { CareRecordAppointments };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-appointments': CareRecordAppointments;
  }
}
