import { createServer } from 'node:net';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8000);
const hostname = process.env.HOST ?? 'localhost';
/** `npm run demo:smart` serves the SMART on FHIR launch demo at `/` instead of the EPR demo. */
const page = process.env.DEMO === 'smart' ? '/demo/smart.html' : '/demo/index.html';

// A port in use would otherwise end in a stack trace: say it in one line, with the way out.
await new Promise((resolve) => {
  const probe = createServer()
    .once('error', (error) => {
      if (error.code !== 'EADDRINUSE') return resolve();
      console.error(`Port ${port} is in use (another demo or server?). Start on another port: PORT=${port + 1} ${process.env.DEMO === 'smart' ? 'npm run demo:smart' : 'npm start'}`);
      process.exit(1);
    })
    .once('listening', () => probe.close(resolve))
    .listen(port, hostname);
});

/**
 * msw's worker must be served from the site root so its scope covers the demo page; the page itself
 * is served at `/` (appIndex alone only covers paths under /demo/).
 */
function rootPathsMiddleware(context, next) {
  if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
  else if (context.path === '/' || context.path === '/index.html') context.url = page;
  return next();
}

/** Prints where the demo is, after the dev server's own start-up lines. */
const printUrlPlugin = {
  name: 'print-demo-url',
  serverStart() {
    setTimeout(() => console.log(`\n${page.includes('smart') ? 'SMART on FHIR launch demo' : 'Riverside EPR demo'} (mock HIE in the page): http://${hostname}:${port}/\n`), 0);
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
