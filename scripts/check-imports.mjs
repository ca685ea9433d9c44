/**
 * The one-way rule between the rooms of src/ (docs/architecture.md): fhir → model → ui → core →
 * elements. A file may import from its own room and the rooms before it, never after; src/fhir/
 * knows nothing of the DOM or Lit; nothing in src/ imports mocks/. `npm test` runs this first.
 *
 *   node scripts/check-imports.mjs
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOMS = ['fhir', 'model', 'ui', 'core', 'elements'];
const src = new URL('../src/', import.meta.url).pathname;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The room of a path inside src/, or undefined for the entry files at its root. */
function roomOf(path) {
  const [first, ...rest] = relative(src, path).split('/');
  return rest.length > 0 && ROOMS.includes(first) ? first : undefined;
}

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
const problems = [];
for (const file of files(src)) {
  const from = roomOf(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(SPECIFIER)) {
    const spec = match[1] ?? match[2] ?? match[3];
    const where = relative(process.cwd(), file);
    if (from === 'fhir' && /^(lit|@lit|@lit-labs)(\/|$)/.test(spec)) problems.push(`${where}: src/fhir/ imports ${spec} (no DOM, no Lit)`);
    if (!spec.startsWith('.')) continue;
    const target = normalize(join(dirname(file), spec));
    if (relative(process.cwd(), target).startsWith('mocks/')) problems.push(`${where}: imports the mock HIE (${spec})`);
    const to = roomOf(target);
    if (!from || !to) continue;
    if (ROOMS.indexOf(to) > ROOMS.indexOf(from)) problems.push(`${where}: ${from}/ imports ${to}/ (${spec}); the rule is ${ROOMS.join(' → ')}`);
  }
}
if (problems.length > 0) {
  console.error(`Imports against the one-way rule (docs/architecture.md):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Imports follow ${ROOMS.join(' → ')} in ${files(src).length} files.`);
