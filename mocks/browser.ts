import { setupWorker, type SetupWorker } from 'msw/browser';
import { createHieHandlers, type HieHandlerOptions } from './handlers.js';

export interface StartMockHieOptions extends HieHandlerOptions {
  /** Where the page serves msw's worker script. Default `/mockServiceWorker.js`. */
  workerUrl?: string;
}

/**
 * Starts the mock HIE in this page (msw service worker). Await it before the elements connect, or
 * their first requests go to the network. Stop it with `worker.stop()`.
 */
export async function startMockHie(opts: StartMockHieOptions = {}): Promise<SetupWorker> {
  const worker = setupWorker(...createHieHandlers(opts));
  await worker.start({
    serviceWorker: { url: opts.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  return worker;
}
