/**
 * The SMART on FHIR demo (`npm run demo:smart`): an EHR launch against the mock HIE's authorisation
 * server, then `configureFromSmart()` on the provider. In a real app the client comes from
 * fhirclient's `await FHIR.oauth2.ready()`; here mocks/smart-launch.ts plays that part offline.
 */
import { startMockHie, MOCK_PATIENT_IDS } from '../mocks/index.js';
import { ehrLaunch } from '../mocks/smart-launch.js';
import { configureFromSmart, SmartLaunchError } from '../src/smart.js';

const HIE = 'https://hie.example/fhir';

const LAUNCHES: [label: string, launch: string][] = [
  ['Mrs Margaret Ellwood (token valid)', MOCK_PATIENT_IDS.rich],
  ['Mrs Margaret Ellwood (token already expired: the app refreshes it)', `${MOCK_PATIENT_IDS.rich};short-lived`],
  ['Mrs Margaret Ellwood (token expired, no refresh token)', `${MOCK_PATIENT_IDS.rich};short-lived;no-refresh`],
  ['No patient selected in the EHR', 'no-patient'],
];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const steps = byId<HTMLOListElement>('launch-steps');
const errorBox = byId<HTMLParagraphElement>('launch-error');

function step(text: string): void {
  const li = document.createElement('li');
  li.textContent = text;
  steps.append(li);
}

async function launch(context: string): Promise<void> {
  steps.replaceChildren();
  errorBox.hidden = true;
  // A fresh provider per launch, so nothing of the previous launch's patient or token stays.
  const old = byId('record');
  const provider = old.cloneNode(true) as HTMLElementTagNameMap['care-record-provider'];
  old.replaceWith(provider);
  step(`EHR launch: iss=${HIE}, launch=${context}`);
  const client = await ehrLaunch(HIE, context);
  step(`Token received; patient in context: ${client.patient.id ?? 'none'}; refresh token: ${client.state.tokenResponse?.refresh_token ? 'yes' : 'no'}`);
  try {
    configureFromSmart(provider, client);
    step(`configureFromSmart(): base URL ${provider.baseUrl}, patient ${provider.patientId}`);
  } catch (error) {
    if (!(error instanceof SmartLaunchError)) throw error;
    errorBox.textContent = error.message;
    errorBox.hidden = false;
  }
}

await startMockHie({ baseUrl: HIE });
await import('../src/index.js');
for (const [label, context] of LAUNCHES) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', () => void launch(context));
  byId('launches').append(button);
}
void launch(LAUNCHES[0]![1]);
