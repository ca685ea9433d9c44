import { createContext } from '@lit/context';
import type { TokenProvider } from '../fhir/types.js';

/** Configuration a `<care-record-provider>` shares with the widgets inside it. */
export interface CareRecordConfig {
  baseUrl: string | undefined;
  patientId: string | undefined;
  nhsNumber: string | undefined;
  tokenProvider: TokenProvider | undefined;
}

export const careRecordConfigContext = createContext<CareRecordConfig | undefined>(
  Symbol.for('care-record-config'),
);
