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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.d.ts', 'test/**', 'mocks/**', 'demo/**', 'stories/**'],
  outdir: '.',
  litelement: true,
  // package.json `customElements` is set once; the analyzer must not rewrite package.json on every run.
  packagejson: false,
  plugins: [publicApiOnly(), clientDefaults()],
};
