import { readdirSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

/** One entry per element (`src/care-record-*.ts`), the all-elements index, and the side-effect-free classes. */
const elementEntries = readdirSync('src')
  .filter((f) => /^care-record(-.*)?\.ts$/.test(f))
  .map((f) => `src/${f}`);

export default {
  input: ['src/index.ts', 'src/classes.ts', ...elementEntries],
  output: {
    dir: 'dist',
    format: 'es',
    sourcemap: true,
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
  },
  plugins: [
    nodeResolve({ browser: true }),
    typescript({ tsconfig: './tsconfig.build.json' }),
    terser({ ecma: 2022, module: true, format: { comments: false } }),
  ],
};
