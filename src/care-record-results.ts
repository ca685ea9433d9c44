import { CareRecordResults } from './elements/results/care-record-results.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-results')) {
  customElements.define('care-record-results', CareRecordResults);
}

export { CareRecordResults };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-results': CareRecordResults;
  }
}
