import { expect, waitUntil } from '@open-wc/testing';
import { createElement, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { components, CareRecordMedications, CareRecordProvider, WRAPPED_TAGS } from '../../src/react.js';
import type { CareRecordErrorDetail, CareRecordLoadDetail, CareRecordViewDetail } from '../../src/core/events.js';
import { sharedRequestsInFlight } from '../../src/fhir/inflight.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { setScenario } from '../../mocks/scenarios.js';
import { recordHieRequests } from '../support/mock-hie.js';
import { HIE, parts, settled, validToken } from '../support/widgets.js';

/** A React host as a vendor writes one: props in, `onCareRecord…` handlers out, no refs. */
const hie = recordHieRequests();

interface Sent {
  url: string;
  signal: AbortSignal | undefined;
}

let root: Root | undefined;
let container: HTMLElement;
let sent: Sent[] = [];
const realFetch = window.fetch;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  sent = [];
  window.fetch = (input, init) => {
    sent.push({ url: String(input instanceof Request ? input.url : input), signal: init?.signal ?? undefined });
    return realFetch(input, init);
  };
});

afterEach(() => {
  root?.unmount();
  root = undefined;
  container.remove();
  window.fetch = realFetch;
});

function render<P extends object>(component: ComponentType<P>, props: P): void {
  root!.render(createElement(component, props));
}

async function rendered<T extends keyof HTMLElementTagNameMap>(tag: T): Promise<HTMLElementTagNameMap[T]> {
  await waitUntil(() => container.querySelector(tag), `React did not render <${tag}>`, { timeout: 15000 });
  return container.querySelector(tag)!;
}

const forPatient = (id: string) => (s: Sent) => s.url.includes(`Patient/${id}`) || s.url.includes(`Patient%2F${id}`);

describe('React wrappers (care-record-elements/react)', () => {
  it('has a wrapper for every registered care-record element, named after its tag', () => {
    const registered = WRAPPED_TAGS.filter((tag) => customElements.get(tag));
    expect(registered).to.deep.equal([...WRAPPED_TAGS]);
    expect(Object.keys(components)).to.include.members(['CareRecordMedications', 'CareRecordCareTeam', 'CareRecord']);
    expect(Object.keys(components)).to.have.length(WRAPPED_TAGS.length);
  });

  it('renders a widget with the token provider set as a property, and shows the patient’s items', async () => {
    render(CareRecordMedications, { baseUrl: HIE, patientId: MOCK_PATIENT_IDS.rich, tokenProvider: validToken });
    const el = await settled(await rendered('care-record-medications'));
    expect(el.state).to.equal('ready');
    expect(el.tokenProvider).to.equal(validToken);
    expect(el.hasAttribute('tokenprovider')).to.equal(false);
    expect(parts(el, 'item').length).to.be.greaterThan(0);
  });

  it('delivers care-record-load, -view and -error to the on… props with their typed detail', async () => {
    const loads: CareRecordLoadDetail[] = [];
    const views: CareRecordViewDetail[] = [];
    const errors: CareRecordErrorDetail[] = [];
    const authRequired: string[] = [];
    const handlers = {
      onCareRecordLoad: (e: CustomEvent<CareRecordLoadDetail>) => loads.push(e.detail),
      onCareRecordView: (e: CustomEvent<CareRecordViewDetail>) => views.push(e.detail),
      onCareRecordError: (e: CustomEvent<CareRecordErrorDetail>) => errors.push(e.detail),
      onCareRecordAuthRequired: (e: CustomEvent<{ baseUrl: string }>) => authRequired.push(e.detail.baseUrl),
    };
    render(CareRecordMedications, { baseUrl: HIE, patientId: MOCK_PATIENT_IDS.rich, tokenProvider: validToken, ...handlers });
    await settled(await rendered('care-record-medications'));
    await waitUntil(() => loads.length > 0 && views.length > 0, 'no load or view event reached React', { timeout: 15000 });
    expect(loads[0]!.patient).to.equal(`Patient/${MOCK_PATIENT_IDS.rich}`);
    expect(views[0]!.resources.length).to.be.greaterThan(0);

    render(CareRecordMedications, {
      baseUrl: HIE,
      patientId: MOCK_PATIENT_IDS.rich,
      tokenProvider: () => 'refused-token',
      ...handlers,
    });
    await waitUntil(() => errors.length > 0, 'no error event reached React', { timeout: 15000 });
    expect(errors[0]!.status).to.equal(401);
    expect(authRequired).to.deep.equal([HIE]);
  });

  it('changing the patient through props aborts the first patient’s requests and shows only the second', async () => {
    setScenario('never', { patientId: MOCK_PATIENT_IDS.large });
    const props = { baseUrl: HIE, tokenProvider: validToken };
    render(CareRecordMedications, { ...props, patientId: MOCK_PATIENT_IDS.large });
    const el = await rendered('care-record-medications');
    await waitUntil(() => sent.some(forPatient(MOCK_PATIENT_IDS.large)), 'the first patient was never asked for', {
      timeout: 15000,
    });

    render(CareRecordMedications, { ...props, patientId: MOCK_PATIENT_IDS.rich });
    await settled(el);
    expect(el.state).to.equal('ready');
    expect(el.patientId).to.equal(MOCK_PATIENT_IDS.rich);
    const first = sent.filter(forPatient(MOCK_PATIENT_IDS.large));
    expect(first.length).to.be.greaterThan(0);
    expect(first.every((s) => s.signal?.aborted), 'every request for the first patient aborted').to.equal(true);
  });

  it('unmounting stops every request and leaves no element behind', async () => {
    setScenario('never');
    render(CareRecordProvider, {
      baseUrl: HIE,
      patientId: MOCK_PATIENT_IDS.rich,
      tokenProvider: validToken,
      children: [
        createElement(components.CareRecordAllergies, { key: 'a' }),
        createElement(components.CareRecordProblems, { key: 'p' }),
      ],
    });
    await rendered('care-record-problems');
    await waitUntil(() => sent.length >= 2 && sharedRequestsInFlight() > 0, 'the widgets sent nothing', {
      timeout: 15000,
    });
    root!.unmount();
    root = undefined;
    await waitUntil(() => sharedRequestsInFlight() === 0, 'requests still in flight after unmount', { timeout: 15000 });
    expect(sent.every((s) => s.signal?.aborted)).to.equal(true);
    expect(container.querySelector('care-record-provider')).to.equal(null);
    expect(hie.urls.length).to.be.greaterThan(0);
  });
});
