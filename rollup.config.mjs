import { readdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/** One entry per element (`src/care-record-*.ts`), the all-elements index, and the side-effect-free classes. */
const elementEntries = readdirSync('src')
  .filter((f) => /^care-record(-.*)?\.ts$/.test(f))
  .map((f) => `src/${f}`);

export default {
  // `react` (the React wrappers) and `smart` (the SMART on FHIR adapter) are entries of their own so
  // neither React nor SMART code reaches a host that does not import them.
  input: ['src/index.ts', 'src/classes.ts', ...elementEntries, 'src/react.ts', 'src/smart.ts'],
  external: ['react', 'react-dom'],
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ browser: true }),
    // Whitespace and comments in Lit's html/css templates (our sources only); a failure stops the build.
    // `staticHtml` (lit/static-html) builds tag names at run time and is left as written.
    minifyHtmlLiterals({
      include: ['src/**/*.ts'],
      failOnError: true,
      options: {
        // Never drop an empty attribute (an iframe's `sandbox=""` is its whole protection) nor a
        // space between words and inline elements.
        minifyOptions: { conservativeCollapse: true, removeEmptyAttributes: false, minifyJS: false },
        shouldMinify: (template) => template.tag === 'html' || template.tag === 'svg',
        shouldMinifyCSS: (template) => template.tag === 'css',
      },
    }),
    typescript({ tsconfig: './tsconfig.build.json' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};
