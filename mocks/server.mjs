/**
 * Standalone mock HIE for trying the elements against a real HTTP server (npm run mock-hie).
 * Node cannot import the TypeScript handlers, so they are bundled in memory with esbuild first.
 */
import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import express from 'express';
import { createMiddleware } from '@mswjs/http-middleware';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';

async function loadMocks() {
  const result = await build({
    stdin: {
      contents: `export { createHieHandlers } from './handlers.ts';
        export { MOCK_PATIENTS } from './patients.ts';
        export { MOCK_TOKENS } from './auth.ts';
        export { MOCK_SCENARIOS } from './scenarios.ts';`,
      resolveDir: here,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    packages: 'external',
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  // A data: URL cannot resolve bare imports such as 'msw', so resolve them from this folder first.
  const resolved = code.replace(/from\s+["'](msw[^"']*)["']/g, (_, name) => `from ${JSON.stringify(import.meta.resolve(name))}`);
  return import(`data:text/javascript;base64,${Buffer.from(resolved).toString('base64')}`);
}

function cors(req, res, next) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Accept, Content-Type, X-Mock-Scenario');
  res.setHeader('Access-Control-Allow-Methods', 'GET, OPTIONS');
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After, WWW-Authenticate');
  if (req.method === 'OPTIONS') {
    res.statusCode = 204;
    res.end();
    return;
  }
  next();
}

const { createHieHandlers, MOCK_PATIENTS, MOCK_TOKENS, MOCK_SCENARIOS } = await loadMocks();
const app = express();
app.use(cors);
// A path pattern resolves against whatever host the request used (127.0.0.1, localhost, a LAN name).
app.use(createMiddleware(...createHieHandlers({ baseUrl: '/fhir' })));
app.use((req, res) => {
  res.status(404).type('application/fhir+json').send(
    JSON.stringify({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-found', diagnostics: `No mock HIE route for ${req.path}` }],
    }),
  );
});

const server = createHttpServer(app);
server.listen(port, host, () => {
  const base = `http://${host}:${port}/fhir`;
  const lines = [
    `Mock HIE listening at ${base}`,
    '',
    'Patients (id, NHS number, what it shows):',
    ...MOCK_PATIENTS.map((p) => `  ${p.id.padEnd(20)} ${p.nhsNumber}  ${p.description}`),
    '',
    `Tokens: "Bearer ${MOCK_TOKENS.valid}" (or any "valid-…"); "${MOCK_TOKENS.expired}" (any "expired-…") gives 401; "${MOCK_TOKENS.refreshed}" is what a refresh yields.`,
    `Scenarios (header X-Mock-Scenario or query _mockScenario): ${MOCK_SCENARIOS.join(', ')}, slow:<ms>`,
    '',
    'Try:',
    `  curl -H "Authorization: Bearer ${MOCK_TOKENS.valid}" "${base}/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9990000018"`,
    `  curl -H "Authorization: Bearer ${MOCK_TOKENS.valid}" "${base}/MedicationStatement?patient=Patient/mock-rich-record&_include=MedicationStatement:medication&_revinclude=Provenance:target"`,
  ];
  console.log(lines.join('\n'));
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
