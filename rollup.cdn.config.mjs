import typescript from '@rollup/plugin-typescript';
import library from './rollup.config.mjs';

/**
 * `dist/cdn/care-record-elements.js`: one file for hosts without a bundler. Every element, with the
 * parts the library build loads on demand (list virtualizer, document reader) inlined, so no chunk
 * files have to be served beside it. Same plugins (minified templates, terser) as the library build;
 * the library build already writes the declarations.
 */
export default {
  input: 'src/index.ts',
  output: {
    file: 'dist/cdn/care-record-elements.js',
    format: 'es',
    sourcemap: true,
    inlineDynamicImports: true,
  },
  plugins: library.plugins.map((plugin) =>
    plugin.name === 'typescript'
      ? typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist/cdn' })
      : plugin,
  ),
};
