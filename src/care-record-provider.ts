import { CareRecordProvider } from './elements/provider/care-record-provider.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-provider')) {
  customElements.define('care-record-provider', CareRecordProvider);
}

export { CareRecordProvider };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-provider': CareRecordProvider;
  }
}
