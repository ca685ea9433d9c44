import type { SetupWorker } from 'msw/browser';
import { startMockHie } from '../../mocks/browser.js';
import { resetScenarios } from '../../mocks/scenarios.js';
import { HIE } from './widgets.js';

let started: Promise<SetupWorker> | undefined;

/**
 * The page's one mock HIE worker. Two msw workers in one page interfere, so every suite in a test
 * file shares this one; it lives as long as the page.
 */
export function mockHie(): Promise<SetupWorker> {
  started ??= startMockHie();
  return started;
}

export interface HieRecording {
  /** Every URL the page asked of the HIE in the current test, in order. */
  readonly urls: string[];
  /** The mock HIE worker, for handlers a test adds; set once the file's first test starts. */
  readonly worker: SetupWorker;
}

/**
 * Starts the mock HIE for a test file and records each test's requests to it. Before each test the
 * record is emptied, the scenarios reset and handlers a test added removed.
 */
export function recordHieRequests(): HieRecording {
  const urls: string[] = [];
  let worker: SetupWorker | undefined;
  before(async () => {
    worker = await mockHie();
    worker.events.on('request:start', ({ request }) => {
      if (request.url.startsWith(HIE)) urls.push(request.url);
    });
  });
  beforeEach(() => {
    urls.length = 0;
    resetScenarios();
    worker!.resetHandlers();
  });
  return {
    urls,
    get worker(): SetupWorker {
      return worker!;
    },
  };
}

/** The HIE URLs the page requests while `action` runs. */
export async function hieRequestsDuring(action: () => Promise<unknown>): Promise<URL[]> {
  const worker = await mockHie();
  const urls: URL[] = [];
  const listener = ({ request }: { request: Request }) => {
    if (request.url.startsWith(HIE)) urls.push(new URL(request.url));
  };
  worker.events.on('request:start', listener);
  try {
    await action();
  } finally {
    worker.events.removeListener('request:start', listener);
  }
  return urls;
}
