import { CareRecordProvider } from './elements/provider/care-record-provider.js';
import { define } from './core/define.js';

define(CareRecordProvider, 'care-record-provider');

export { CareRecordProvider };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-provider': CareRecordProvider;
  }
}
