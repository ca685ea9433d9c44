import { createRequire } from 'node:module';
import { build } from 'esbuild';

/**
 * React 18 ships CommonJS only, which a browser cannot import. For the React wrapper tests this
 * dev-server plugin serves `react`, `react-dom` and `react-dom/client` as ES modules with their named
 * exports, all from one esbuild bundle so the page has a single copy of React.
 */
const require = createRequire(import.meta.url);
const MODULES = { react: 'React', 'react-dom': 'ReactDOM', 'react-dom/client': 'ReactDOMClient' };
const PREFIX = '/__react-esm/';

const pathOf = (specifier) => `${PREFIX}${specifier.replace('/', '-')}.js`;

function shim(specifier, binding) {
  const names = Object.keys(require(specifier)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  return [
    `import { ${binding} } from '${PREFIX}bundle.js';`,
    `export default ${binding};`,
    `export const { ${names.join(', ')} } = ${binding};`,
  ].join('\n');
}

let bundle;
async function bundled() {
  bundle ??= build({
    stdin: {
      contents: Object.entries(MODULES)
        .map(([specifier, binding]) => `export * as ${binding} from '${specifier}';`)
        .join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    define: { 'process.env.NODE_ENV': '"development"' },
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

export const reactEsm = {
  name: 'react-esm',
  resolveImport({ source }) {
    return source in MODULES ? pathOf(source) : undefined;
  },
  async serve(context) {
    if (!context.path.startsWith(PREFIX)) return undefined;
    if (context.path === `${PREFIX}bundle.js`) return { body: await bundled(), type: 'js' };
    const entry = Object.entries(MODULES).find(([specifier]) => pathOf(specifier) === context.path);
    return entry ? { body: shim(...entry), type: 'js' } : undefined;
  },
};
