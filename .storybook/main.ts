import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The catalogue: stories for every element and state (stories/), the "Getting started" page and the
 * theming guide. The API tables come from custom-elements.json (npm run analyze), the data from the
 * mock HIE in mocks/ through msw (see preview.ts).
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  // msw's worker (public/mockServiceWorker.js) is served next to iframe.html.
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // The elements use TypeScript's experimentalDecorators with useDefineForClassFields: false (Lit's
      // reactive properties). Vite's transform (Oxc in Vite 8) must compile them exactly as tsc and
      // rollup do, so it is given the project's tsconfig explicitly, for every file it transforms,
      // including stories/ and .storybook/, which that tsconfig's `include` does not list.
      tsconfig: `${root}tsconfig.json`,
      // staticDirs already copies public/; Vite must not copy it a second time.
      publicDir: false,
      build: { chunkSizeWarningLimit: 2000 },
    });
  },
};

export default config;
