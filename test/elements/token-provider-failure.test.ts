import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { CareRecordErrorDetail } from '../../src/core/events.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { recordHieRequests } from '../support/mock-hie.js';
import { HIE, fixture, html, settled, shadow, text } from '../support/widgets.js';

/**
 * A host whose token provider throws has a bug of its own: the widget says so, `care-record-error`
 * names the token provider, and it is not dressed up as "Not signed in" with a 401 that never happened.
 */
const hie = recordHieRequests();
const realError = console.error;
let logged: string[] = [];
beforeEach(() => {
  logged = [];
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
});
afterEach(() => {
  console.error = realError;
});

describe('a host token provider that throws', () => {
  it('is reported as the token provider failing, logged, and no request reaches the HIE', async () => {
    const errors: CareRecordErrorDetail[] = [];
    const authRequired: unknown[] = [];
    const broken = () => {
      throw new Error('session store not ready');
    };
    const el = await fixture<HTMLElementTagNameMap['care-record-allergies']>(html`<care-record-allergies
      base-url=${HIE}
      patient-id=${MOCK_PATIENT_IDS.rich}
      .tokenProvider=${broken}
      @care-record-error=${(e: CustomEvent<CareRecordErrorDetail>) => errors.push(e.detail)}
      @care-record-auth-required=${(e: Event) => authRequired.push(e)}
    ></care-record-allergies>`);
    await settled(el);
    expect(el.state).to.equal('error');
    expect(errors).to.have.length(1);
    expect(errors[0]!.kind).to.equal('token-provider');
    expect(errors[0]!.status).to.equal(undefined);
    expect(errors[0]!.message).to.contain('token provider failed');
    expect(authRequired).to.have.length(0);
    const shown = text(shadow(el));
    expect(shown).to.contain('token provider failed');
    expect(shown).not.to.contain('Not signed in');
    expect(hie.urls).to.deep.equal([]);
    expect(logged.some((line) => line.includes('tokenProvider threw'))).to.equal(true);
  });
});
