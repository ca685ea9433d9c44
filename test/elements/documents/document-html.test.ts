import { expect } from '@open-wc/testing';
import { sanitizedHtml } from '../../../src/elements/documents/documents.html.js';

const FLAG = '__documentHtmlTestRan';

describe('sanitizedHtml', () => {
  afterEach(() => delete (window as unknown as Record<string, unknown>)[FLAG]);

  it('keeps text, lists and tables', () => {
    const node = sanitizedHtml('<p>Plan:</p><ol><li>Bloods</li></ol><table><tr><th scope="col">Drug</th></tr><tr><td colspan="2">Apixaban</td></tr></table>', 4);
    expect(node.className).to.equal('document-html');
    expect(node.querySelector('ol li')!.textContent).to.equal('Bloods');
    expect(node.querySelector('th')!.getAttribute('scope')).to.equal('col');
    expect(node.querySelector('td')!.getAttribute('colspan')).to.equal('2');
  });

  it('removes scripts, handlers, styles, forms, frames, embedded media and their content', () => {
    const hostile = [
      `<script>window.${FLAG}=1</script>`,
      '<style>p{display:none}</style>',
      '<link rel="stylesheet" href="https://cdn.example/x.css">',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<base href="https://evil.example/">',
      `<p style="display:none" class="visually-hidden" id="status-filter" onclick="window.${FLAG}=1" data-x="1" aria-hidden="true">Visible text</p>`,
      '<form action="https://evil.example"><input name="a"><button>Go</button><textarea>t</textarea><select><option>o</option></select></form>',
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf">',
      `<svg><script>window.${FLAG}=1</script><image href="https://evil.example/i.png"/></svg>`,
      '<math><mi>x</mi></math>',
      '<video src="https://evil.example/v.mp4"></video><audio src="a.mp3"></audio><picture><source srcset="https://evil.example/p.png"></picture>',
      '<template><p>hidden</p></template>',
    ].join('');
    const node = sanitizedHtml(hostile, 4);
    expect(node.querySelector('script, style, link, meta, base, form, input, button, textarea, select, iframe, object, embed, svg, math, video, audio, picture, source, template')).to.equal(null);
    const p = node.querySelector('p')!;
    expect(p.textContent).to.equal('Visible text');
    expect(p.getAttributeNames()).to.deep.equal([]);
    expect((window as unknown as Record<string, unknown>)[FLAG]).to.equal(undefined);
  });

  it('never loads images: they become a note with their alternative text', () => {
    const node = sanitizedHtml('<img src="https://tracker.example/p.gif" alt="Logo"><img src="data:image/png;base64,AAAA"><img srcset="https://x.example/a.png 2x" onerror="alert(1)">', 4);
    expect(node.querySelector('img')).to.equal(null);
    expect([...node.querySelectorAll('span')].map((s) => s.textContent)).to.deep.equal([
      '[Image not shown: Logo]',
      '[Image not shown]',
      '[Image not shown]',
    ]);
  });

  it('keeps absolute http(s), mailto and tel links, opening outside the record; other links become text', () => {
    const node = sanitizedHtml(
      [
        '<a href="https://www.nhs.uk/">NHS</a>',
        '<a href="mailto:team@example.nhs.uk">Email</a>',
        '<a href="tel:02079460000">Phone</a>',
        '<a href="javascript:alert(1)">JS</a>',
        '<a href=" jav&#x09;ascript:alert(1)">JS2</a>',
        '<a href="data:text/html,<script>alert(1)</script>">Data</a>',
        '<a href="Binary/123">Relative</a>',
        '<a href="#top">Anchor</a>',
        '<a href="vbscript:x">VB</a>',
      ].join(' '),
      4,
    );
    const links = [...node.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.nhs.uk/', 'mailto:team@example.nhs.uk', 'tel:02079460000']);
    for (const a of links) {
      expect(a.getAttribute('target')).to.equal('_blank');
      expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
    }
    expect(node.textContent).to.contain('JS').and.contain('Relative').and.contain('Anchor');
  });

  it('moves document headings below the widget outline without skipping levels', () => {
    const node = sanitizedHtml('<h1>A</h1><h3>B</h3><h6>C</h6><h1>D</h1>', 4);
    expect([...node.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => `${h.tagName}:${h.textContent}`)).to.deep.equal([
      'H4:A',
      'H5:B',
      'H6:C',
      'H4:D',
    ]);
  });

  it('reads FHIR narrative XHTML and whole HTML documents', () => {
    expect(sanitizedHtml('<div xmlns="http://www.w3.org/1999/xhtml"><p>Narrative</p></div>', 4).querySelector('div')!.getAttributeNames()).to.deep.equal([]);
    const whole = sanitizedHtml('<!doctype html><html><head><title>T</title></head><body><p>Body</p></body></html>', 4);
    expect(whole.textContent!.trim()).to.equal('Body');
  });
});
