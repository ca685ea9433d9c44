import { CareRecordAppointments } from './elements/appointments/care-record-appointments.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-appointments')) {
  customElements.define('care-record-appointments', CareRecordAppointments);
}

export { CareRecordAppointments };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-appointments': CareRecordAppointments;
  }
}
