/**
 * Builds the library exactly as `npm run build` does (the project's own rollup.config.mjs), but into a
 * private copy under bench/out/lib/<name>/dist, so the bench never reads a dist/ that another
 * process (a test run's `pretest` build) is rewriting, and a scratch copy of the project
 * (`--root /tmp/x`) can be measured side by side with the same scripts.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const repoDir = resolve(benchDir, '..');
export const outDir = join(benchDir, 'out');

const COPIED = ['src', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

/** Returns the absolute path of the built dist/ of `root` (default: this repository). */
export function buildLibrary({ root = repoDir, log = () => {} } = {}) {
  const absRoot = resolve(root);
  const name =
    absRoot === repoDir ? 'main' : `${basename(absRoot)}-${createHash('sha1').update(absRoot).digest('hex').slice(0, 6)}`;
  const work = join(outDir, 'lib', name);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const config = existsSync(join(absRoot, 'rollup.config.mjs')) ? readFileSync(join(absRoot, 'rollup.config.mjs'), 'utf8') : '';
  const local = [...config.matchAll(/from\s+['"]\.\/([^'"]+)['"]/g)].map((m) => m[1]);
  for (const f of [...COPIED, ...local]) {
    if (existsSync(join(absRoot, f))) cpSync(join(absRoot, f), join(work, f), { recursive: true });
  }
  const modules = existsSync(join(absRoot, 'node_modules')) ? join(absRoot, 'node_modules') : join(repoDir, 'node_modules');
  symlinkSync(modules, join(work, 'node_modules'), 'dir');
  log(`building ${absRoot} → ${join(work, 'dist')}`);
  const rollupBin = join(modules, 'rollup', 'dist', 'bin', 'rollup');
  const r = spawnSync(process.execPath, [rollupBin, '-c', 'rollup.config.mjs', '--silent'], {
    cwd: work,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    throw new Error(`Build of ${absRoot} failed:\n${r.stdout}\n${r.stderr}`);
  }
  return join(work, 'dist');
}
