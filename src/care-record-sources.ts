import { CareRecordSources } from './elements/sources/care-record-sources.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-sources')) {
  customElements.define('care-record-sources', CareRecordSources);
}

export { CareRecordSources };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-sources': CareRecordSources;
  }
}
