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

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.spec.ts', 'src/**/*.d.ts', 'test/**', 'mocks/**', 'demo/**', 'stories/**'],
  outdir: '.',
  litelement: true,
  // package.json `customElements` is set once; the analyzer must not rewrite package.json on every run.
  packagejson: false,
  plugins: [publicApiOnly()],
};
