#!/usr/bin/env node
/**
 * Checks docs/safety/hazard-log.md: every `file` › `title` reference must name an existing test file
 * that contains the title as a literal substring, every control named as a `src/…` path must exist
 * (a moved module would otherwise leave the log pointing nowhere), and every hazard (### H-NN) must
 * name at least one test. Exit 1 with the list of problems otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const logPath = resolve(root, process.argv[2] ?? 'docs/safety/hazard-log.md');
if (!existsSync(logPath)) {
  console.error(`check:hazards: ${logPath} not found`);
  process.exit(1);
}
const log = readFileSync(logPath, 'utf8');
const REF = /`([^`\s]+\.test\.[cm]?[jt]sx?)`\s*›\s*`([^`]+)`/g;

// Split into hazard sections: from each "### H-NN" heading to the next heading of level ≤ 3.
const sections = [];
let current;
for (const line of log.split('\n')) {
  const heading = /^(#{1,3})\s+(.*)$/.exec(line);
  if (heading) {
    current = /^H-\d+\b/.test(heading[2]) && heading[1] === '###' ? { title: heading[2].trim(), body: '' } : undefined;
    if (current) sections.push(current);
    continue;
  }
  if (current) current.body += `${line}\n`;
}

const problems = [];
const cache = new Map();
const read = (file) => {
  if (!cache.has(file)) {
    const full = resolve(root, file);
    cache.set(file, existsSync(full) ? readFileSync(full, 'utf8') : undefined);
  }
  return cache.get(file);
};

let references = 0;
for (const m of log.matchAll(REF)) {
  references += 1;
  const [, file, title] = m;
  const text = read(file);
  if (text === undefined) problems.push(`missing file: ${file} (for "${title}")`);
  else if (!text.includes(title)) problems.push(`title not found in ${file}: "${title}"`);
}
// Controls: `src/...` paths (a pattern with * or … stands for a family of files and is not checked).
const CONTROL = /`(src\/[^`\s*…]+)`/g;
let controls = 0;
for (const m of log.matchAll(CONTROL)) {
  controls += 1;
  if (!existsSync(resolve(root, m[1]))) problems.push(`missing control: ${m[1]}`);
}
if (sections.length === 0) problems.push('no hazards (### H-NN headings) found');
for (const s of sections) {
  if (![...s.body.matchAll(REF)].length) problems.push(`hazard without a test reference: ${s.title}`);
}

if (problems.length > 0) {
  console.error(`check:hazards: ${problems.length} problem(s) in ${logPath}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(`${sections.length} hazards, ${references} test references and ${controls} control paths checked`);
