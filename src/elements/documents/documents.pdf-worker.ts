/**
 * Where pdf.js's worker script is. Unbundled (tests, the demo, Storybook) it is the package's own file;
 * the build (rollup.config.mjs, `pdfWorkerAsset`) replaces this module with a copy emitted beside the
 * chunks, addressed as `new URL('pdf.worker.min.mjs', import.meta.url)` so that a host's bundler
 * copies it too. Same origin as the page: a host's CSP needs `worker-src 'self'` (or its default).
 */
export const pdfWorkerUrl: string = new URL('../../../node_modules/pdfjs-dist/build/pdf.worker.min.mjs', import.meta.url)
  .href;
