import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CareRecordErrorDetail } from '../../src/core/events.js';
import { configureFromSmart, smartCareRecordConfig, SmartLaunchError, type SmartClient } from '../../src/smart.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { resetSmartGrants } from '../../mocks/smart.js';
import { recordHieRequests } from '../support/mock-hie.js';
import { HIE, fixture, html, parts, settled, shadow, text } from '../support/widgets.js';
import { ehrLaunch } from '../../mocks/smart-launch.js';

/**
 * A SMART on FHIR app launched from the EHR: the launch against the mock HIE's authorisation server,
 * then `configureFromSmart` on a provider, and the widgets load the launch's patient with its token.
 */
const hie = recordHieRequests();
beforeEach(() => resetSmartGrants());

async function providerWithOneWidget() {
  const provider = await fixture<HTMLElementTagNameMap['care-record-provider']>(
    html`<care-record-provider><care-record-allergies></care-record-allergies></care-record-provider>`,
  );
  return { provider, widget: provider.querySelector('care-record-allergies')! };
}

describe('care-record-elements/smart', () => {
  it('an EHR launch gives the provider the server URL, the launch patient and the access token', async () => {
    const client = await ehrLaunch(HIE, MOCK_PATIENT_IDS.rich);
    const { provider, widget } = await providerWithOneWidget();
    configureFromSmart(provider, client);
    expect(provider.baseUrl).to.equal(HIE);
    expect(provider.patientId).to.equal(MOCK_PATIENT_IDS.rich);
    await settled(widget);
    expect(widget.state).to.equal('ready');
    expect(parts(widget, 'item').length).to.be.greaterThan(0);
    const fhirReads = hie.urls.filter((u) => !u.includes('/auth/') && !u.includes('.well-known'));
    expect(fhirReads.length).to.be.greaterThan(0);
    expect(fhirReads.every((u) => decodeURIComponent(u).includes(`Patient/${MOCK_PATIENT_IDS.rich}`))).to.equal(true);
    expect(client.grants).to.deep.equal(['authorization_code']);
  });

  it('when the HIE answers 401, refreshes through the client once and shows the record', async () => {
    const client = await ehrLaunch(HIE, `${MOCK_PATIENT_IDS.rich};short-lived`);
    expect(client.state.tokenResponse?.access_token).to.match(/^expired-/);
    const { provider, widget } = await providerWithOneWidget();
    configureFromSmart(provider, client);
    await settled(widget);
    expect(widget.state).to.equal('ready');
    expect(client.grants).to.deep.equal(['authorization_code', 'refresh_token']);
  });

  it('refreshes before sending when the token is past its stated expiry', async () => {
    const client = await ehrLaunch(HIE, MOCK_PATIENT_IDS.rich);
    client.state.expiresAt = Math.floor(Date.now() / 1000) - 60;
    const { tokenProvider } = smartCareRecordConfig(client);
    const before = client.state.tokenResponse?.access_token;
    const token = await tokenProvider({ forceRefresh: false });
    expect(token).not.to.equal(before);
    expect(client.grants).to.deep.equal(['authorization_code', 'refresh_token']);
  });

  it('says plainly when the token has expired and the launch gave no refresh token', async () => {
    const client = await ehrLaunch(HIE, `${MOCK_PATIENT_IDS.rich};short-lived;no-refresh`);
    expect(client.state.tokenResponse?.refresh_token).to.equal(undefined);
    const errors: CareRecordErrorDetail[] = [];
    const { provider, widget } = await providerWithOneWidget();
    widget.addEventListener('care-record-error', (e) => errors.push(e.detail));
    const quiet = console.error;
    console.error = () => {};
    try {
      configureFromSmart(provider, client);
      await settled(widget);
    } finally {
      console.error = quiet;
    }
    expect(widget.state).to.equal('error');
    expect(errors[0]?.kind).to.equal('token-provider');
    expect(errors[0]?.message).to.contain('no refresh token');
    expect(text(shadow(widget))).to.contain('Open the record from the EHR again');
    expect(client.grants).to.deep.equal(['authorization_code']);
  });

  it('refuses a launch without a patient, before any request', async () => {
    const client = await ehrLaunch(HIE, 'no-patient');
    const { provider } = await providerWithOneWidget();
    expect(() => configureFromSmart(provider, client)).to.throw(SmartLaunchError, /no patient in context/);
    expect(provider.tokenProvider).to.equal(undefined);
    expect(hie.urls.filter((u) => !u.includes('/auth/') && !u.includes('.well-known'))).to.deep.equal([]);
  });

  it('shares one refresh between requests that need it at the same time', async () => {
    let refreshes = 0;
    const client: SmartClient = {
      state: { serverUrl: HIE, tokenResponse: { access_token: 'valid-a', refresh_token: 'r' } },
      patient: { id: MOCK_PATIENT_IDS.rich },
      refresh: async () => {
        refreshes += 1;
        (client.state as { tokenResponse: object }).tokenResponse = { access_token: 'valid-b', refresh_token: 'r' };
      },
    };
    const { tokenProvider } = smartCareRecordConfig(client);
    const tokens = await Promise.all([1, 2, 3].map(() => tokenProvider({ forceRefresh: true })));
    expect(tokens).to.deep.equal(['valid-b', 'valid-b', 'valid-b']);
    expect(refreshes).to.equal(1);
  });
});
