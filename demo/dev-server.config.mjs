import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';

/**
 * msw's worker must be served from the site root so its scope covers the demo page; the page itself
 * is served at `/` (appIndex alone only covers paths under /demo/).
 */
function rootPathsMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  else if (context.path === '/' || context.path === '/index.html') context.url = '/demo/index.html';
  return next();
}

/** Prints where the demo is, after the dev server's own start-up lines. */
const printUrlPlugin = {
  name: 'print-demo-url',
  serverStart() {
    setTimeout(() => console.log(`\nRiverside EPR demo (mock HIE in the page): http://${hostname}:${port}/\n`), 0);
  },
};

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  hostname,
  port,
  open: false,
  watch: false,
  nodeResolve: { exportConditions: ['browser'] },
  middleware: [rootPathsMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), printUrlPlugin],
};
