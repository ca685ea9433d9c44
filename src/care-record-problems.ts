import { CareRecordProblems } from './elements/problems/care-record-problems.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-problems')) {
  customElements.define('care-record-problems', CareRecordProblems);
}

export { CareRecordProblems };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-problems': CareRecordProblems;
  }
}
