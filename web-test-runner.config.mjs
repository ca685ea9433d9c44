import { readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { resolve, relative, join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/summary-reporter.mjs';
import { chromePath, chromeArgs } from './test/chrome-path.mjs';

/** The shared FHIR example corpus lives beside the repository; it is read in place, never copied. */
const examplesDir = resolve(process.env.FHIR_EXAMPLES_DIR ?? '../shared/fhir-examples');

function listJson(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listJson(full);
    return name.endsWith('.json') ? [relative(examplesDir, full)] : [];
  });
}

/** Serves the example corpus at /__fhir-examples/ and its file list at /__fhir-examples/index.json. */
function fhirExamplesMiddleware(context, next) {
  if (!context.path.startsWith('/__fhir-examples/')) return next();
  const rel = decodeURIComponent(context.path.slice('/__fhir-examples/'.length));
  if (rel === 'index.json') {
    context.type = 'application/json';
    context.body = JSON.stringify({ dir: examplesDir, files: listJson(examplesDir) });
    return undefined;
  }
  const file = resolve(examplesDir, rel);
  if (!file.startsWith(examplesDir) || !existsSync(file)) {
    context.status = 404;
    return undefined;
  }
  context.type = 'application/json';
  context.body = readFileSync(file);
  return undefined;
}

/** The msw worker must be served from the root so its scope covers the test pages. */
function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  return next();
}

/** The policy a careful host serves (README "Content-Security-Policy"); the CSP test page runs under it. */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  "connect-src 'self' https://hie.example",
].join('; ');

async function strictCspMiddleware(context, next) {
  await next();
  if (context.path === '/test/csp/csp-host.html') context.set('Content-Security-Policy', STRICT_CSP);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  rootDir: '.',
  // One page at a time: a background tab gets no animation frames, which virtual lists and fixtures need.
  concurrency: 1,
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [strictCspMiddleware, mswWorkerMiddleware, fhirExamplesMiddleware],
  reporters: [defaultReporter(), summaryReporter()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov', 'json-summary'],
  },
};
