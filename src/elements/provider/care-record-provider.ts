import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { provide } from '@lit/context';
import { careRecordConfigContext, type CareRecordConfig } from '../../core/config.js';
import type { TokenProvider } from '../../fhir/types.js';

/**
 * Shares one HIE configuration with every care-record widget inside it. Widgets' own attributes
 * override it. Changing any value restarts the widgets for the new patient or HIE.
 *
 * @summary Shares the HIE address, patient and token provider with the widgets it wraps.
 * @slot - The widgets (and any host markup).
 */
export class CareRecordProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** FHIR base URL of the HIE, e.g. `https://hie.example/fhir`. */
  @property({ attribute: 'base-url' }) baseUrl: string | undefined;

  /** The patient's FHIR id on the HIE. */
  @property({ attribute: 'patient-id' }) patientId: string | undefined;

  /** NHS number, used to find the patient when no `patient-id` is given. */
  @property({ attribute: 'nhs-number' }) nhsNumber: string | undefined;

  /**
   * Called for each request to get the bearer token; after a 401 it is called once more with
   * `forceRefresh: true` and the request is retried once.
   */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  @provide({ context: careRecordConfigContext })
  protected config: CareRecordConfig | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A new object each time, so every consumer sees the change and restarts.
    this.config = {
      baseUrl: this.baseUrl,
      patientId: this.patientId,
      nhsNumber: this.nhsNumber,
      tokenProvider: this.tokenProvider,
    };
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
