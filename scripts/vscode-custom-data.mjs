/**
 * VS Code HTML custom data (`vscode.html-custom-data.json`, shipped in the package) generated from
 * custom-elements.json, so editors complete and describe the tags and attributes without a second
 * copy of the API. Run by `npm run analyze`. Point VS Code at it with `"html.customData"` (README).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));

/** `'idle' | 'ready'` → the literal values, for completion; free text types give none. */
function valuesOf(typeText) {
  const literals = [...(typeText ?? '').matchAll(/'([^']+)'/g)].map((m) => ({ name: m[1] }));
  return literals.length ? literals : undefined;
}

function describe(attribute) {
  const fallback = attribute.default && attribute.default !== 'undefined' ? ` Default: ${attribute.default}.` : '';
  return `${attribute.description ?? ''}${fallback}`.trim();
}

const tags = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((declaration) => declaration.tagName)
  .map((element) => ({
    name: element.tagName,
    description: [element.summary, element.description].filter(Boolean).join('\n\n'),
    attributes: (element.attributes ?? []).map((attribute) => ({
      name: attribute.name,
      description: describe(attribute),
      ...(valuesOf(attribute.type?.text) ? { values: valuesOf(attribute.type?.text) } : {}),
    })),
  }))
  .sort((a, b) => a.name.localeCompare(b.name));

if (tags.length === 0) throw new Error('custom-elements.json declares no custom elements');
writeFileSync('vscode.html-custom-data.json', `${JSON.stringify({ version: 1.1, tags }, null, 2)}\n`);
console.log(`vscode.html-custom-data.json: ${tags.length} elements`);
