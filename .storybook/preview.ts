import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { createHieHandlers, DEFAULT_MOCK_BASE_URL, resetScenarios } from '../mocks/index.js';

// Autodocs, args and controls: generated from the elements' JSDoc (npm run analyze).
setCustomElementsManifest(manifest);

/**
 * One msw worker for the whole preview, started with the mock HIE's own handlers (mocks/handlers.ts)
 * as its initial handlers: they survive the addon's reset between stories, and a story adds
 * overrides with `parameters.msw.handlers`. The worker script is resolved next to iframe.html, so a
 * catalogue published under a sub-path still finds it.
 */
async function startHieWorker() {
  const worker = setupWorker(...createHieHandlers({ baseUrl: DEFAULT_MOCK_BASE_URL }));
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
  // Scenarios are module state of the preview page: each story starts from a normal HIE and its own
  // loaders (which run after these) choose any other.
  loaders: [() => resetScenarios(), mswLoader(startHieWorker)],
  parameters: {
    layout: 'padded',
    controls: { expanded: true, sort: 'requiredFirst' },
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
