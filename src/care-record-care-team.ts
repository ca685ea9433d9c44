import { CareRecordCareTeam } from './elements/care-team/care-record-care-team.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-care-team')) {
  customElements.define('care-record-care-team', CareRecordCareTeam);
}

export { CareRecordCareTeam };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-care-team': CareRecordCareTeam;
  }
}
