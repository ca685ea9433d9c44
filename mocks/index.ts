/** Everything demo pages and tests use from the mock HIE (browser side). */
export { startMockHie, type StartMockHieOptions } from './browser.js';
export { createHieHandlers, DEFAULT_MOCK_BASE_URL, type HieHandlerOptions } from './handlers.js';
export { MOCK_TOKENS } from './auth.js';
export { MOCK_PATIENTS, MOCK_PATIENT_IDS, findMockPatient, type MockPatient } from './patients.js';
export {
  MOCK_SCENARIOS,
  setScenario,
  getScenario,
  resetScenarios,
  type MockScenario,
  type MockScenarioName,
} from './scenarios.js';
export { ORG_IDS, SOURCE_ORG_SPECS } from './data/organisations.js';
export { LARGE_REQUEST_COUNT, LARGE_STATEMENT_COUNT } from './data/large-record.js';
