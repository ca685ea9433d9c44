import { expect } from '@open-wc/testing';
import type { CSSResultOrNative, LitElement } from 'lit';
import '../../src/index.js';
import { WIDGET_TAGS } from '../support/widget-tags.js';

/**
 * The theming API in custom-elements.json (written once, in the elements' JSDoc; `npm test` runs the
 * analyzer first) against what the elements' styles really read: a property used but not documented
 * is an API hosts cannot find, one documented but unused is a promise the styles do not keep.
 */
interface Declaration {
  tagName?: string;
  cssProperties?: { name: string }[];
}

const TAGS = ['care-record', 'care-record-provider', ...WIDGET_TAGS];
const PROPERTY = /--care-record-[a-z0-9-]+/g;

async function manifestDeclarations(): Promise<Declaration[]> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json is missing: run npm run analyze').to.equal(true);
  const manifest = (await response.json()) as { modules: { declarations?: Declaration[] }[] };
  return manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
}

function styleText(style: CSSResultOrNative): string {
  return 'cssText' in style ? style.cssText : [...style.cssRules].map((rule) => rule.cssText).join('\n');
}

/** The `--care-record-*` properties an element's styles read. */
function propertiesUsedBy(tag: string): Set<string> {
  const element = customElements.get(tag) as unknown as typeof LitElement | undefined;
  expect(element, `<${tag}> is registered`).to.exist;
  const text = element!.elementStyles.map(styleText).join('\n');
  return new Set(text.match(PROPERTY) ?? []);
}

describe('custom properties: the manifest and the styles agree', () => {
  it('documents, for every element, each --care-record-* property its styles use', async () => {
    const declarations = await manifestDeclarations();
    for (const tag of TAGS) {
      const declaration = declarations.find((d) => d.tagName === tag);
      expect(declaration, `<${tag}> in custom-elements.json`).to.exist;
      const documented = new Set((declaration!.cssProperties ?? []).map((p) => p.name));
      const undocumented = [...propertiesUsedBy(tag)].filter((name) => !documented.has(name));
      expect(undocumented, `<${tag}> uses these without documenting them`).to.deep.equal([]);
    }
  });

  it('documents no property that no element uses', async () => {
    const declarations = await manifestDeclarations();
    const used = new Set(TAGS.flatMap((tag) => [...propertiesUsedBy(tag)]));
    const documented = new Set(declarations.flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)));
    expect(used.has('--care-record-radius'), 'the styles read --care-record-radius').to.equal(true);
    expect([...documented].filter((name) => !used.has(name))).to.deep.equal([]);
  });
});
