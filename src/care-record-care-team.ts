import { CareRecordCareTeam } from './elements/care-team/care-record-care-team.js';
import { define } from './core/define.js';

define(CareRecordCareTeam);

export { CareRecordCareTeam };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-care-team': CareRecordCareTeam;
  }
}
