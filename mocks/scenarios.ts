/**
 * Failure modes the mock HIE can play, chosen per request (`X-Mock-Scenario` header or
 * `_mockScenario` query parameter), per patient, or globally with `setScenario()`. Elements cannot
 * add headers, so the demo and element tests use the per-patient or global choice.
 */
export const MOCK_SCENARIOS = [
  'normal',
  'slow',
  'error-500',
  'rate-limited',
  'unauthorized',
  'html-200',
  'malformed-json',
  'source-outage',
  'never',
  'other-patient',
  'no-search-mode',
  'strict-includes',
  'capped-includes',
  'rotate',
] as const;

export type MockScenarioName = (typeof MOCK_SCENARIOS)[number];
/** A scenario name, or `slow:<ms>` for a chosen delay. */
export type MockScenario = MockScenarioName | `slow:${number}`;

export interface ResolvedScenario {
  name: Exclude<MockScenarioName, 'rotate'>;
  /** For `slow`: how long to wait before answering normally. */
  delayMs: number;
}

export const DEFAULT_SLOW_MS = 3000;

/** What `rotate` cycles through, one per request, for the misbehaving-HIE patient. */
const ROTATION: ResolvedScenario['name'][] = ['html-200', 'malformed-json', 'error-500', 'rate-limited', 'slow'];

let globalScenario: MockScenario | undefined;
const patientScenarios = new Map<string, MockScenario>();
const rateLimitedRequests = new Map<string, number>();
let rotationIndex = 0;

export function isMockScenario(value: string): value is MockScenario {
  if ((MOCK_SCENARIOS as readonly string[]).includes(value)) return true;
  return /^slow:\d+$/.test(value);
}

/**
 * Sets the scenario for every request (no `patientId`) or for one patient's requests.
 * `undefined` clears it; a request's own header or query parameter still wins.
 */
export function setScenario(scenario: MockScenario | undefined, opts: { patientId?: string } = {}): void {
  if (opts.patientId === undefined) globalScenario = scenario;
  else if (scenario === undefined) patientScenarios.delete(opts.patientId);
  else patientScenarios.set(opts.patientId, scenario);
}

export function getScenario(opts: { patientId?: string } = {}): MockScenario | undefined {
  return opts.patientId === undefined ? globalScenario : patientScenarios.get(opts.patientId);
}

/** Clears every chosen scenario and the rate-limit and rotation memory (between tests). */
export function resetScenarios(): void {
  globalScenario = undefined;
  patientScenarios.clear();
  rateLimitedRequests.clear();
  rotationIndex = 0;
}

/** Request beats per-patient choice beats global choice beats the patient's default. */
export function chooseScenario(choices: {
  requested: string | undefined;
  patientId: string | undefined;
  patientDefault: MockScenario | undefined;
}): MockScenario {
  const perPatient = choices.patientId === undefined ? undefined : patientScenarios.get(choices.patientId);
  return (choices.requested as MockScenario | undefined) ?? perPatient ?? globalScenario ?? choices.patientDefault ?? 'normal';
}

export function resolveScenario(scenario: MockScenario): ResolvedScenario {
  if (scenario.startsWith('slow:')) return { name: 'slow', delayMs: Number(scenario.slice(5)) };
  if (scenario === 'rotate') {
    const name = ROTATION[rotationIndex % ROTATION.length]!;
    rotationIndex += 1;
    return { name, delayMs: DEFAULT_SLOW_MS };
  }
  return { name: scenario as ResolvedScenario['name'], delayMs: DEFAULT_SLOW_MS };
}

/** `rate-limited` refuses the 1st, 3rd, 5th… request for a URL, so each retry after a 429 succeeds. */
export function shouldRateLimit(requestKey: string): boolean {
  const seen = rateLimitedRequests.get(requestKey) ?? 0;
  rateLimitedRequests.set(requestKey, seen + 1);
  return seen % 2 === 0;
}
