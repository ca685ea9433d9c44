import { readFileSync } from 'node:fs';

/**
 * custom-elements-manifest analyzer (`npm run analyze` → custom-elements.json).
 *
 * Reads the elements' JSDoc (@summary, @attr, @event, @csspart, @cssprop, @slot) and Lit's decorators.
 * Storybook's autodocs, args and controls, and editors' tooling (package.json `customElements`), are
 * generated from that file, so nothing about the API is written down twice.
 *
 * The manifest is generated, not committed (it is in .gitignore): `npm run analyze` runs before
 * `npm run storybook` and `npm run build-storybook` (npm pre-scripts), so a fresh clone regenerates it.
 */

/** Keeps only the public API: protected/private members and `_`/`#` names are implementation. */
function publicApiOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.name.startsWith('_') &&
    !member.name.startsWith('#');
  return {
    name: 'care-record-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        }
      }
    },
  };
}

/**
 * `max-entries` and `request-timeout` have no initializer (unset means "the client's default"), so the
 * analyzer would document their default as `undefined`. Their real defaults are read from the HIE
 * client's DEFAULTS (src/fhir/client.ts), the one place they are written.
 */
function clientDefaults() {
  const source = readFileSync(new URL('./src/fhir/client.ts', import.meta.url), 'utf8');
  const block = /const DEFAULTS = \{([^}]*)\}/.exec(source)?.[1] ?? '';
  const value = (key) => /\d[\d_]*/.exec(new RegExp(`${key}:\\s*([\\d_]+)`).exec(block)?.[1] ?? '')?.[0]?.replaceAll('_', '');
  const defaults = { maxEntries: value('maxEntries'), requestTimeout: value('timeoutMs') };
  for (const [field, v] of Object.entries(defaults)) if (!v) throw new Error(`No default for ${field} in src/fhir/client.ts DEFAULTS`);
  return {
    name: 'care-record-client-defaults',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            const field = item.fieldName ?? item.name;
            if (field in defaults && (item.default === undefined || item.default === 'undefined')) item.default = defaults[field];
          }
        }
      }
    },
  };
}

/**
 * Tag names from our own registration: a widget's tag is in its `static widget` descriptor, and the
 * entry files call `define(Class)` or `define(Class, 'tag')` (src/core/define.ts), which the analyzer
 * cannot follow by itself. Attributes, events, CSS parts and properties need nothing here: the
 * analyzer inherits them from the base element's JSDoc.
 */
function definedTags() {
  const descriptorTags = new Map(); // class name -> tag from `static widget = { tag: '…' }`
  const defines = []; // { className, tag, module } from define() calls in entry files
  const stringValue = (ts, expression) => (expression && ts.isStringLiteralLike(expression) ? expression.text : undefined);
  return {
    name: 'care-record-defined-tags',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isClassDeclaration(node) && node.name) {
        for (const member of node.members) {
          const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
          if (!isStatic || !ts.isPropertyDeclaration(member) || member.name.getText() !== 'widget') continue;
          const init = member.initializer;
          if (!init || !ts.isObjectLiteralExpression(init)) continue;
          const tagProp = init.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === 'tag');
          const tag = tagProp && stringValue(ts, tagProp.initializer);
          if (tag) descriptorTags.set(node.name.text, tag);
        }
      }
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'define') {
        const [element, tag] = node.arguments;
        if (element && ts.isIdentifier(element)) {
          defines.push({ className: element.text, tag: stringValue(ts, tag), module: moduleDoc.path });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const classes = new Map();
      for (const mod of modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind === 'class') classes.set(declaration.name, { declaration, path: mod.path });
        }
        // The helper's own customElements.define(name, element) is no definition of a tag.
        if (mod.path === 'src/core/define.ts') {
          mod.exports = (mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition');
        }
      }
      for (const { className, tag: given, module } of defines) {
        const found = classes.get(className);
        const tag = given ?? descriptorTags.get(className);
        if (!found || !tag) continue;
        found.declaration.tagName = tag;
        found.declaration.customElement = true;
        const entry = modules.find((m) => m.path === module);
        entry.exports = [
          ...(entry.exports ?? []),
          { kind: 'custom-element-definition', name: tag, declaration: { name: className, module: found.path } },
        ];
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.d.ts', 'test/**', 'mocks/**', 'demo/**', 'stories/**'],
  outdir: '.',
  litelement: true,
  // package.json `customElements` is set once; the analyzer must not rewrite package.json on every run.
  packagejson: false,
  plugins: [definedTags(), publicApiOnly(), clientDefaults()],
};
