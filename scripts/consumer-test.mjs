/**
 * The published package, as a stranger gets it: `npm pack`, installed into a clean Vite + TypeScript
 * project (plain TS, React and Vue 3) and into a plain HTML page (the CDN file), each type-checked, built
 * and shown against the mock HIE in headless Chromium. `node scripts/consumer-test.mjs` (CI runs it
 * after `npm test`; it needs `npm run build` and `npm run analyze` first and runs them if missing).
 *
 * Offline-safe: the tarball's own dependencies are installed by npm (`--prefer-offline`: from the cache
 * `npm ci` filled, the registry only for metadata it lacks); the tools (TypeScript, Vite, React, Vue,
 * Chromium's driver) are the repository's own, linked into the consumer's node_modules.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const repo = resolve(dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(join(tmpdir(), 'care-record-consumer-'));
const TOKEN = 'demo-valid-token';
const PATIENT = 'mock-rich-record';
const keep = process.argv.includes('--keep');

function step(message) {
  console.log(`\n▶ ${message}`);
}

function run(command, args, cwd = repo) {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, npm_config_fund: 'false' } });
}

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

function fail(message) {
  throw new Error(`consumer test: ${message}`);
}

// ── 1. The package ────────────────────────────────────────────────────────────────────────────────
step('npm pack');
const needed = ['dist/index.js', 'dist/react.js', 'dist/cdn/care-record-elements.js', 'custom-elements.json', 'vscode.html-custom-data.json'];
if (!needed.every((f) => existsSync(join(repo, f)))) {
  run('npm', ['run', 'build']);
  run('npm', ['run', 'analyze']);
}
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' }),
);
const tarball = join(work, packed.filename);
const shipped = new Set(packed.files.map((f) => f.path));
for (const f of [...needed, 'dist/types/index.d.ts', 'dist/types/react.d.ts', 'README.md', 'package.json']) {
  if (!shipped.has(f)) fail(`the package does not ship ${f}`);
}
const stray = [...shipped].filter((f) => /^(src|test|mocks|demo|stories|bench|scripts)\//.test(f) || f.includes('node_modules'));
if (stray.length) fail(`the package ships files a host does not need: ${stray.slice(0, 5).join(', ')}`);
console.log(`${packed.filename}: ${packed.files.length} files, ${(packed.size / 1024).toFixed(0)} KB packed`);

step('custom-elements.json and the VS Code custom data');
const manifest = JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8'));
if (!/^\d+\.\d+\.\d+$/.test(manifest.schemaVersion ?? '')) fail('custom-elements.json has no schemaVersion');
const declared = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const manifestTags = new Set(declared.map((d) => d.tagName));
const defined = [...readFileSync(join(repo, 'dist/cdn/care-record-elements.js'), 'utf8').matchAll(/customElements\.define\("([a-z-]+)"/g)].map(
  (m) => m[1],
);
const registeredTags = new Set(defined);
if (registeredTags.size === 0) fail('found no customElements.define in the CDN file');
for (const tag of registeredTags) if (!manifestTags.has(tag)) fail(`custom-elements.json does not describe <${tag}>`);
for (const d of declared) {
  for (const a of d.attributes ?? []) if (!a.name || !a.description) fail(`<${d.tagName}> attribute ${a.name} has no description`);
  for (const e of d.events ?? []) if (!/^care-record-/.test(e.name)) fail(`<${d.tagName}> event ${e.name} is not care-record-*`);
}
const customData = JSON.parse(readFileSync(join(repo, 'vscode.html-custom-data.json'), 'utf8'));
const customDataTags = new Set(customData.tags.map((t) => t.name));
for (const tag of registeredTags) if (!customDataTags.has(tag)) fail(`the VS Code custom data lacks <${tag}>`);
console.log(`${registeredTags.size} elements registered, all described in both files`);

// ── 2. A Vite + TypeScript project (plain TS and React) ───────────────────────────────────────────
const app = join(work, 'vite-app');
step(`install the tarball into a clean Vite + TypeScript project (${app})`);
write(app, {
  'package.json': JSON.stringify(
    { name: 'consumer-vite-app', private: true, type: 'module', dependencies: { 'care-record-elements': `file:${tarball}` } },
    null,
    2,
  ),
});
run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], app);
// The host's own tools and framework, as a host already has them (linked, not downloaded).
for (const tool of ['typescript', 'vite', 'react', 'react-dom', '@types/react', '@types/react-dom', 'vue']) {
  const target = join(app, 'node_modules', tool);
  if (existsSync(target)) continue;
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(repo, 'node_modules', tool), target, 'dir');
}

write(app, {
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        jsx: 'react-jsx',
        strict: true,
        noEmit: true,
        isolatedModules: true,
        types: [],
      },
      include: ['src'],
    },
    null,
    2,
  ),
  'index.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Consumer: plain TypeScript</title></head>
  <body>
    <main id="plain"></main>
    <script type="module" src="/src/plain.ts"></script>
  </body>
</html>
`,
  'react.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Consumer: React</title></head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/react-app.tsx"></script>
  </body>
</html>
`,
  'vue.html': `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><link rel="icon" href="data:," /><title>Consumer: Vue 3</title></head>
  <body>
    <div id="app"></div>
    <script type="module" src="/src/vue-app.ts"></script>
  </body>
</html>
`,
  'src/vue-app.ts': `import { createApp, ref } from 'vue';
import 'care-record-elements';
import type { CareRecordLoadDetail } from 'care-record-elements/classes.js';
import { HIE, tokenProvider } from './hie.js';

const app = createApp({
  setup() {
    const shown = ref<number>();
    const onLoad = (event: CustomEvent<CareRecordLoadDetail>) => {
      shown.value = event.detail.shown;
    };
    return { HIE, tokenProvider, shown, onLoad };
  },
  template: \`
    <care-record-provider :base-url="HIE" patient-id="${PATIENT}" .tokenProvider="tokenProvider">
      <care-record-problems @care-record-load="onLoad"></care-record-problems>
    </care-record-provider>
    <output id="vue-shown">{{ shown ?? '' }}</output>\`,
});
// The README's Vue configuration: care-record-* tags are custom elements, not Vue components.
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('care-record');
app.mount('#app');
`,
  'src/hie.ts': `export const HIE = new URLSearchParams(location.search).get('hie') ?? 'http://127.0.0.1:8787/fhir';
export const tokenProvider = async () => '${TOKEN}';
`,
  'src/plain.ts': `import 'care-record-elements';
import type { CareRecordLoadDetail } from 'care-record-elements/classes.js';
import { HIE, tokenProvider } from './hie.js';

// HTMLElementTagNameMap: the tag gives the class, with its typed properties and events.
const medications = document.createElement('care-record-medications');
medications.baseUrl = HIE;
medications.patientId = '${PATIENT}';
medications.tokenProvider = tokenProvider;
medications.addEventListener('care-record-load', (event) => {
  const detail: CareRecordLoadDetail = event.detail;
  document.body.dataset['shown'] = String(detail.shown);
});
/** Never called: the type checker must refuse this (max-entries is a number). */
export function refusedByTheTypeChecker(element: HTMLElementTagNameMap['care-record-medications']): void {
  // @ts-expect-error a string is not a number
  element.maxEntries = 'lots';
}
document.querySelector('#plain')!.append(medications);
`,
  'src/react-app.tsx': `import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CareRecordProvider, CareRecordAllergies, type CareRecordLoadDetail } from 'care-record-elements/react';
import { HIE, tokenProvider } from './hie.js';

function App() {
  const [shown, setShown] = useState<number>();
  return (
    <CareRecordProvider baseUrl={HIE} patientId="${PATIENT}" tokenProvider={tokenProvider}>
      <CareRecordAllergies
        heading="Allergies (React)"
        onCareRecordLoad={(event) => {
          const detail: CareRecordLoadDetail = event.detail;
          setShown(detail.shown);
        }}
        onCareRecordError={(event) => console.error(event.detail.kind, event.detail.message)}
      />
      {/* @ts-expect-error an event prop's handler gets the typed CustomEvent, not any event */}
      <CareRecordAllergies onCareRecordView={(event: MouseEvent) => event.clientX} />
      <output id="react-shown">{shown === undefined ? '' : String(shown)}</output>
    </CareRecordProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
`,
});

step('type-check the consumer (tsc --noEmit: HTMLElementTagNameMap, the React wrappers’ JSX types)');
run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);

step('build the consumer (vite build)');
write(app, {
  'vite.config.mjs': `import { resolve } from 'node:path';
export default {
  build: {
    target: 'es2022',
    rollupOptions: { input: { plain: resolve('index.html'), react: resolve('react.html'), vue: resolve('vue.html') } },
  },
  // Vue's full build compiles the in-DOM template in the browser, where isCustomElement applies.
  resolve: { alias: { vue: 'vue/dist/vue.esm-bundler.js' } },
  define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
};
`,
});
run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], app);

// ── 3. A plain HTML page with the one CDN file ────────────────────────────────────────────────────
const page = join(work, 'plain-html');
step(`a plain HTML page with the package's CDN file only (${page})`);
mkdirSync(page, { recursive: true });
cpSync(join(app, 'node_modules/care-record-elements/dist/cdn/care-record-elements.js'), join(page, 'care-record-elements.js'));
write(page, {
  'index.html': `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Consumer: plain HTML</title>
    <link rel="icon" href="data:," />
    <script type="module" src="./care-record-elements.js"></script>
    <script type="module" src="./host.js"></script>
  </head>
  <body>
    <care-record-provider patient-id="${PATIENT}">
      <care-record-problems></care-record-problems>
    </care-record-provider>
  </body>
</html>
`,
  'host.js': `await customElements.whenDefined('care-record-provider');
const provider = document.querySelector('care-record-provider');
provider.baseUrl = new URLSearchParams(location.search).get('hie');
provider.tokenProvider = () => '${TOKEN}';
`,
});

// ── 4. Each consumer in Chromium against the mock HIE ────────────────────────────────────────────
const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

function serve(dir) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

async function startMockHie() {
  const port = 18000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, [join(repo, 'mocks/server.mjs')], {
    cwd: repo,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/fhir`;
  for (let i = 0; i < 600; i += 1) {
    if (child.exitCode !== null) fail('the mock HIE server exited');
    try {
      if ((await fetch(`${base}/metadata`)).status < 500) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return fail('the mock HIE server did not start within 60 s');
}

async function widgetReady(browserPage, selector, label) {
  await browserPage.waitForFunction(
    (s) => {
      const el = document.querySelector(s) ?? document.querySelector('care-record-provider')?.querySelector(s);
      return el && ['ready', 'empty', 'error', 'forbidden', 'unauthorized'].includes(el.getAttribute('state') ?? '');
    },
    selector,
    { timeout: 30000 },
  );
  const result = await browserPage.evaluate((s) => {
    const el = document.querySelector(s);
    const text = el.shadowRoot.textContent.replace(/\s+/g, ' ').trim().slice(0, 300);
    return { state: el.getAttribute('state'), items: el.shadowRoot.querySelectorAll('[part~="item"]').length, text };
  }, selector);
  if (result.state !== 'ready' || result.items === 0) fail(`${label}: <${selector}> ended ${result.state} with ${result.items} items: ${result.text}`);
  console.log(`${label}: <${selector}> ready with ${result.items} items`);
}

step('show a widget from each consumer against the mock HIE (headless Chromium)');
const hie = await startMockHie();
const servers = [];
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const built = await serve(join(app, 'dist'));
  const plain = await serve(page);
  servers.push(built, plain);
  const origin = (server) => `http://127.0.0.1:${server.address().port}`;
  const errors = [];
  const open = async (url) => {
    const p = await browser.newPage();
    p.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
    p.on('console', (m) => {
      // Vue warns (not errors) when it takes a custom element for a component it cannot resolve.
      if (m.type() === 'error' || /Failed to resolve component/.test(m.text())) errors.push(`${url}: ${m.text()}`);
    });
    await p.goto(url);
    return p;
  };
  const query = `?hie=${encodeURIComponent(hie.base)}`;

  const ts = await open(`${origin(built)}/index.html${query}`);
  await widgetReady(ts, 'care-record-medications', 'Vite + TypeScript');
  await ts.waitForFunction(() => Number(document.body.dataset['shown']) > 0, null, { timeout: 30000 });

  const react = await open(`${origin(built)}/react.html${query}`);
  await react.waitForSelector('care-record-allergies', { state: 'attached', timeout: 30000 });
  await widgetReady(react, 'care-record-allergies', 'Vite + React');
  await react.waitForFunction(() => Number(document.querySelector('#react-shown')?.textContent) > 0, null, { timeout: 30000 });

  const vue = await open(`${origin(built)}/vue.html${query}`);
  await vue.waitForSelector('care-record-problems', { state: 'attached', timeout: 30000 });
  await widgetReady(vue, 'care-record-problems', 'Vite + Vue 3');
  await vue.waitForFunction(() => Number(document.querySelector('#vue-shown')?.textContent) > 0, null, { timeout: 30000 });

  const html = await open(`${origin(plain)}/index.html${query}`);
  await widgetReady(html, 'care-record-problems', 'plain HTML + CDN file');

  if (errors.length) fail(`errors in the consumer pages:\n${errors.join('\n')}`);
} finally {
  await browser.close();
  for (const s of servers) s.close();
  hie.child.kill();
  if (!keep) rmSync(work, { recursive: true, force: true });
}
console.log('\n✔ the packed package installs, type-checks, builds and shows widgets in a Vite + TS, a React, a Vue 3 and a plain HTML host');
