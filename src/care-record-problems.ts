import { CareRecordProblems } from './elements/problems/care-record-problems.js';
import { define } from './core/define.js';

define(CareRecordProblems);

export { CareRecordProblems };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-problems': CareRecordProblems;
  }
}
