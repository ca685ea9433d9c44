/**
 * A pretend host EPR page embedding the care record elements. The mock HIE (msw) starts first, so
 * the elements' first requests are already answered by it.
 */
import type { TokenProvider } from '../src/fhir/types.js';
import {
  MOCK_PATIENTS,
  MOCK_SCENARIOS,
  findMockPatient,
  getScenario,
  setScenario,
  startMockHie,
  type MockPatient,
  type MockScenario,
} from '../mocks/index.js';
import { attachEventLog } from './event-log.js';
import { renderPatientBanner } from './patient-banner.js';
import { TOKEN_MODES, tokenProviderFor, type TokenMode } from './token-modes.js';

const HIE_BASE_URL = 'https://hie.example/fhir';

type ProviderElement = HTMLElement & { tokenProvider: TokenProvider | undefined };

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Demo page is missing #${id}`);
  return element as T;
}

const patientPicker = byId<HTMLSelectElement>('patient-picker');
const tokenMode = byId<HTMLSelectElement>('token-mode');
const scenarioPicker = byId<HTMLSelectElement>('scenario');
const recordHost = byId<HTMLDivElement>('record-host');
const recordStatus = byId<HTMLParagraphElement>('record-status');

function fillSelect(select: HTMLSelectElement, options: Array<[value: string, label: string]>): void {
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
}

function currentPatient(): MockPatient {
  return findMockPatient(patientPicker.value) ?? MOCK_PATIENTS[0]!;
}

function scenarioFor(patient: MockPatient): MockScenario {
  return getScenario({ patientId: patient.id }) ?? patient.defaultScenario ?? 'normal';
}

/**
 * The elements as a vendor would write them: one provider around the whole record (every pod) and,
 * as the London Care Record does, a separate "GP record" section restricted to GP sources.
 */
function buildRecord(patient: MockPatient): ProviderElement {
  const provider = document.createElement('care-record-provider') as ProviderElement;
  provider.setAttribute('base-url', HIE_BASE_URL);
  provider.setAttribute('patient-id', patient.id);
  provider.tokenProvider = tokenProviderFor(tokenMode.value as TokenMode);
  const record = document.createElement('care-record');
  // Compact is the default; said here because it is what a vendor fitting pods into a screen picks.
  record.setAttribute('density', 'compact');
  const gpHeading = document.createElement('h2');
  gpHeading.className = 'epr-section-heading';
  gpHeading.textContent = 'GP record';
  const gpOnly = document.createElement('care-record-medications');
  gpOnly.setAttribute('source-types', 'gp');
  gpOnly.setAttribute('heading', 'GP record – medications');
  provider.append(record, gpHeading, gpOnly);
  return provider;
}

function provider(): ProviderElement | null {
  return recordHost.querySelector<ProviderElement>('care-record-provider');
}

function showPatient(patient: MockPatient): void {
  renderPatientBanner(byId('patient-banner'), patient);
  byId('patient-description').textContent = patient.description;
  scenarioPicker.value = scenarioFor(patient);
}

/** A new provider: what a host does after changing how the HIE behaves. */
function reloadRecord(): void {
  recordHost.replaceChildren(buildRecord(currentPatient()));
}

fillSelect(patientPicker, MOCK_PATIENTS.map((p) => [p.id, `${p.name.family.toUpperCase()}, ${p.name.given[0]} – ${p.description.split(':')[0]}`]));
fillSelect(tokenMode, Object.entries(TOKEN_MODES));
/** What each mock HIE behaviour does, in words, for the picker. */
const SCENARIO_LABELS: Record<(typeof MOCK_SCENARIOS)[number], string> = {
  normal: 'Normal: answers at once',
  slow: 'Slow: answers after 3 seconds',
  'error-500': 'Server error (500)',
  'rate-limited': 'Busy: too many requests (429), then answers',
  unauthorized: 'Refuses the token (401)',
  'html-200': 'Sends an HTML error page instead of FHIR',
  'malformed-json': 'Sends cut-off JSON',
  'source-outage': 'One source is unavailable',
  never: 'Never answers (the request times out)',
  'other-patient': "Slips in another patient's item",
  'no-search-mode': 'Leaves out search.mode on entries',
  'strict-includes': 'Refuses _include (the elements fetch the referenced items instead)',
  'capped-includes': 'Caps the included items',
  rotate: 'Misbehaves differently on each request',
};
fillSelect(scenarioPicker, [
  ...MOCK_SCENARIOS.map((s): [string, string] => [s, SCENARIO_LABELS[s]]),
  ['slow:8000', 'Very slow: answers after 8 seconds'],
]);

// Switching patient changes the attribute in place, as an EPR would: the elements must drop the
// previous patient's data at once.
patientPicker.addEventListener('change', () => {
  const patient = currentPatient();
  showPatient(patient);
  provider()?.setAttribute('patient-id', patient.id);
});
tokenMode.addEventListener('change', () => {
  const current = provider();
  if (current) current.tokenProvider = tokenProviderFor(tokenMode.value as TokenMode);
});
scenarioPicker.addEventListener('change', () => {
  setScenario(scenarioPicker.value as MockScenario, { patientId: currentPatient().id });
  reloadRecord();
});
byId('reload').addEventListener('click', reloadRecord);
byId('clear-log').addEventListener('click', () => byId('event-log').replaceChildren());
attachEventLog(document, byId<HTMLOListElement>('event-log'));

const startPatient = findMockPatient(new URLSearchParams(location.search).get('patient') ?? '') ?? MOCK_PATIENTS[0]!;
patientPicker.value = startPatient.id;
showPatient(startPatient);

recordStatus.textContent = 'Starting the mock HIE…';
try {
  await startMockHie({ baseUrl: HIE_BASE_URL });
  recordStatus.textContent = 'Loading the care record elements…';
  await import('../src/index.js');
  recordStatus.textContent = '';
  reloadRecord();
} catch (error) {
  recordStatus.textContent = `The demo could not start: ${error instanceof Error ? error.message : String(error)}`;
  recordStatus.classList.add('epr-status-error');
}
