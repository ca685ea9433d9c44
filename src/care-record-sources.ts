import { CareRecordSources } from './elements/sources/care-record-sources.js';
import { define } from './core/define.js';

define(CareRecordSources);

export { CareRecordSources };

declare global {
  interface HTMLElementTagNameMap {
    'care-record-sources': CareRecordSources;
  }
}
