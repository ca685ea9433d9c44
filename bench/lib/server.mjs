/** A small @web/dev-server for the bench pages: esbuild TS transform, node resolution, msw worker at the root. */
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { repoDir } from './build.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function mswWorkerMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  return next();
}

/** Bench assets must never be cached between a build and the next run. */
async function noStoreMiddleware(context, next) {
  await next();
  if (context.path.startsWith('/bench/')) context.set('Cache-Control', 'no-store');
}

export async function startServer() {
  const port = await freePort();
  const server = await startDevServer({
    config: {
      rootDir: repoDir,
      hostname: '127.0.0.1',
      port,
      watch: false,
      nodeResolve: { exportConditions: ['browser'] },
      middleware: [mswWorkerMiddleware, noStoreMiddleware],
      plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(repoDir, 'tsconfig.json') })],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => server.stop() };
}
