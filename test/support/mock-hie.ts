import type { SetupWorker } from 'msw/browser';
import { startMockHie } from '../../mocks/browser.js';

let started: Promise<SetupWorker> | undefined;

/**
 * The page's one mock HIE worker. Two msw workers in one page interfere, so every suite in a test
 * file shares this one; it lives as long as the page.
 */
export function mockHie(): Promise<SetupWorker> {
  started ??= startMockHie();
  return started;
}
