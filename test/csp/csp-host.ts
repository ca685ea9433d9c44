/**
 * A host page served with a strict Content-Security-Policy (see web-test-runner.config.mjs). It runs
 * every element in every state and reports each CSP or Trusted Types violation to the test page.
 */
import { startMockHie } from '../../mocks/browser.js';
import { MOCK_PATIENT_IDS } from '../../mocks/patients.js';
import { setScenario } from '../../mocks/scenarios.js';

/** Filled by csp-probe.js, which loads before any module. */
const violations = (window as unknown as { __cspViolations: string[] }).__cspViolations;

const HIE = 'https://hie.example/fhir';
const token = () => 'demo-valid-token';

interface Case {
  patientId: string;
  tokenProvider?: () => string;
  attrs?: Record<string, string>;
}

const CASES: Case[] = [
  { patientId: MOCK_PATIENT_IDS.rich },
  { patientId: MOCK_PATIENT_IDS.rich, attrs: { 'source-types': 'gp' } },
  { patientId: MOCK_PATIENT_IDS.empty },
  { patientId: MOCK_PATIENT_IDS.objection },
  { patientId: MOCK_PATIENT_IDS.large },
  { patientId: MOCK_PATIENT_IDS.badHie },
  { patientId: MOCK_PATIENT_IDS.rich, tokenProvider: () => '' },
  { patientId: '' },
];

function settled(el: Element, expectIdle: boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const s = el.getAttribute('state');
      if (s && s !== 'loading' && (expectIdle || s !== 'idle')) resolve();
      else setTimeout(check, 20);
    };
    check();
  });
}

async function run(tags: string[]): Promise<{ violations: string[]; rendered: number; states: string[] }> {
  const progress: string[] = [];
  (window as unknown as { __progress: string[] }).__progress = progress;
  await startMockHie();
  progress.push('msw');
  setScenario('html-200', { patientId: MOCK_PATIENT_IDS.badHie });
  await import('../../src/index.js');
  const host = document.getElementById('host')!;
  const states: string[] = [];
  let rendered = 0;
  for (const tag of tags) {
    for (const c of CASES) {
      const el = document.createElement(tag) as HTMLElement & { tokenProvider?: unknown };
      el.setAttribute('base-url', HIE);
      if (c.patientId) el.setAttribute('patient-id', c.patientId);
      for (const [k, v] of Object.entries(c.attrs ?? {})) el.setAttribute(k, v);
      el.tokenProvider = c.tokenProvider ?? token;
      host.append(el);
      progress.push(`${tag} ${c.patientId}`);
      await settled(el, !c.patientId);
      // Interact as a clinician would: show everything, open the source filter.
      el.shadowRoot?.querySelector<HTMLButtonElement>('button.show-all')?.click();
      el.shadowRoot?.querySelector<HTMLElement>('.source-filter summary')?.click();
      await new Promise((r) => setTimeout(r, 50));
      const count = el.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
      rendered += count;
      states.push(`${tag}:${el.getAttribute('state')}:${count}`);
      el.remove();
    }
  }
  return { violations, rendered, states };
}

/** Opens a PDF as a clinician would; pdf.js and its worker start under the page's policy. */
async function openPdf(): Promise<{ violations: string[]; text: string }> {
  await startMockHie();
  await import('../../src/index.js');
  const el = document.createElement('care-record-documents') as HTMLElement & { tokenProvider?: unknown };
  el.setAttribute('base-url', HIE);
  el.setAttribute('patient-id', MOCK_PATIENT_IDS.rich);
  el.tokenProvider = token;
  document.getElementById('host')!.append(el);
  await settled(el, false);
  const root = el.shadowRoot!;
  const item = [...root.querySelectorAll<HTMLElement>('[part~="item"]')].find((i) => i.dataset['key']?.includes('chest-xray'));
  item?.querySelector<HTMLButtonElement>('button.open')?.click();
  const deadline = Date.now() + 30_000;
  let text = '';
  while (!text && Date.now() < deadline && !root.querySelector('.unavailable')) {
    await new Promise((r) => setTimeout(r, 50));
    text = root.querySelector('.pdf .textLayer')?.textContent ?? '';
  }
  return { violations, text: text || (root.querySelector('.unavailable')?.textContent ?? '') };
}

window.addEventListener('message', async (event) => {
  if (event.origin !== location.origin) return;
  if (event.data?.type === 'open-pdf') {
    (event.source as Window).postMessage({ type: 'pdf-result', ...(await openPdf()) }, location.origin);
    return;
  }
  if (event.data?.type !== 'run') return;
  const result = await run(event.data.tags as string[]);
  (event.source as Window).postMessage({ type: 'result', ...result }, location.origin);
});
window.parent.postMessage({ type: 'ready' }, location.origin);
