import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { createHieHandlers, DEFAULT_MOCK_BASE_URL, resetScenarios } from '../mocks/index.js';
import { apiArgTypes } from '../stories/support/api-table.js';
import { createStoryHieHandlers } from '../stories/support/scenario-hie.js';

// Autodocs, args and controls: generated from the elements' JSDoc (npm run analyze).
setCustomElementsManifest(manifest);

/**
 * One msw worker for the whole preview, started with the mock HIE's own handlers (mocks/handlers.ts)
 * and the per-story scenario bases (stories/support/scenario-hie.ts) as its initial handlers: they
 * survive the addon's reset between stories. Stories choose a failure mode by their element's own
 * `base-url`, never by shared state, because the stories of a docs page share this page (and a
 * `parameters.msw.handlers` override would too). The worker script is resolved next to iframe.html, so a
 * catalogue published under a sub-path still finds it.
 */
async function startHieWorker() {
  const worker = setupWorker(...createHieHandlers({ baseUrl: DEFAULT_MOCK_BASE_URL }), ...createStoryHieHandlers());
  const hieOrigin = new URL(DEFAULT_MOCK_BASE_URL).origin;
  await worker.start({
    serviceWorker: { url: new URL('mockServiceWorker.js', window.location.href).pathname },
    quiet: true,
    onUnhandledRequest(request, print) {
      // Anything for the mock HIE that no handler answers is a mistake in a story: say so.
      if (request.url.startsWith(hieOrigin)) print.error();
    },
  });
  return worker;
}

const preview: Preview = {
  // Every component gets a generated docs page (attributes, properties, events, parts, custom properties).
  tags: ['autodocs'],
  // No story sets a global scenario (each names its own in its base URL); the reset keeps it that way
  // for any that a future story or addon might leave behind.
  loaders: [() => resetScenarios(), mswLoader(startHieWorker)],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
    // One row per attribute with its property and default, events with their detail types, methods,
    // and every custom property (Storybook's own reading of the manifest lists attributes twice).
    docs: { extractArgTypes: apiArgTypes },
    // Axe runs after every story (after its play function, so on the settled state) and a violation
    // fails the story in Storybook's test runs; the CI smoke test checks again (scripts/storybook-smoke.mjs).
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Getting started', 'Elements', ['Provider', 'Medications', '*'], 'Guides'],
      },
    },
  },
};

export default preview;
