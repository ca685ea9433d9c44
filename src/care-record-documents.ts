import { CareRecordDocuments } from './elements/documents/care-record-documents.js';
import { define } from './core/define.js';

define(CareRecordDocuments);

export { CareRecordDocuments };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-documents': CareRecordDocuments;
  }
}
