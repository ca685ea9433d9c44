import { CareRecordDocuments } from './elements/documents/care-record-documents.js';
import { ensureContextRoot } from './core/context-root.js';

ensureContextRoot();
if (!customElements.get('care-record-documents')) {
  customElements.define('care-record-documents', CareRecordDocuments);
}

export { CareRecordDocuments };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-documents': CareRecordDocuments;
  }
}
