import DOMPurify, { type Config } from 'dompurify';

/**
 * Documents are shown as text and tables only. Everything that runs code, submits data, loads a
 * resource or styles the page is removed: a strict-CSP host (style-src 'self', Trusted Types)
 * must see no violation.
 */
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup',
  'dd', 'del', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'section', 'small', 'span', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time',
  'tr', 'u', 'ul', 'var', 'wbr',
];

/** Attributes that are never addresses; only `href` is. */
const TEXT_ATTR = [
  'title', 'alt', 'colspan', 'rowspan', 'scope', 'headers', 'abbr', 'datetime', 'lang', 'dir', 'start', 'reversed', 'span',
];

/** No `style`, `class`, `id` or `name` (they could restyle, hide or clobber the widget's own content). */
const ALLOWED_ATTR = ['href', ...TEXT_ATTR];

const FORBID_TAGS = [
  'script', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'option', 'textarea',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'video', 'audio', 'source',
  'track', 'picture', 'canvas', 'template', 'slot', 'noscript', 'portal', 'dialog',
];

const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:)/i;

const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // DOMPurify checks every other attribute against ALLOWED_URI_REGEXP, which would drop "col" or "2".
  ADD_URI_SAFE_ATTR: TEXT_ATTR,
  FORBID_TAGS,
  FORBID_ATTR: [
    'style', 'class', 'id', 'name', 'src', 'srcset', 'background', 'poster', 'action', 'formaction', 'ping',
  ],
  // Form controls and style sheets are removed with their text, not just their tags.
  ADD_FORBID_CONTENTS: ['button', 'select', 'option', 'textarea'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Absolute http(s), mailto and tel only: relative links would navigate the host application.
  ALLOWED_URI_REGEXP: SAFE_HREF,
  RETURN_DOM_FRAGMENT: true,
};

/** A start tag, quoted attribute values included (a `>` inside quotes does not end it). */
const START_TAG = /<[a-zA-Z](?:"[^"]*"|'[^']*'|[^'">])*>/g;
/** A `style` attribute name inside a start tag: after a separator, outside quoted values. */
const STYLE_ATTRIBUTE = /("[^"]*"|'[^']*')|(?<=[\s/"'])style(?=[\s/=>]|$)/gi;

/**
 * Chrome applies the page's CSP while parsing, even in the inert document DOMPurify parses into, so
 * a `style` attribute or element would be reported as a violation before DOMPurify removes it. They
 * are renamed first: a style element becomes a textarea (its CSS stays raw text) and is removed with
 * its content; a style attribute becomes a data attribute that is then dropped. This is not the
 * security boundary (DOMPurify is); a miss only means a violation report.
 */
function withoutInlineStyles(html: string): string {
  return html
    .replace(/<(\/?)style(?=[\s/>])/gi, '<$1textarea')
    .replace(START_TAG, (tag) =>
      tag.replace(STYLE_ATTRIBUTE, (_name, quoted: string | undefined) => quoted ?? 'data-removed-style'),
    );
}

/** Images are never loaded (remote ones would leak that the record was opened); their text stays. */
function replaceImages(root: DocumentFragment): void {
  for (const img of [...root.querySelectorAll('img')]) {
    const alt = img.getAttribute('alt')?.trim();
    const note = img.ownerDocument.createElement('span');
    note.textContent = alt ? `[Image not shown: ${alt}]` : '[Image not shown]';
    img.replaceWith(note);
  }
}

function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/**
 * Links open outside the record, without the record's address as referrer; links without a safe
 * address become text.
 */
function fixLinks(root: DocumentFragment): void {
  for (const link of [...root.querySelectorAll('a')]) {
    if (!SAFE_HREF.test(link.getAttribute('href') ?? '')) {
      unwrap(link);
      continue;
    }
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
    link.setAttribute('referrerpolicy', 'no-referrer');
  }
}

/** Document headings continue the widget's outline: the document's top level becomes `base`. */
function demoteHeadings(root: DocumentFragment, base: number): void {
  const headings = [...root.querySelectorAll('h1, h2, h3, h4, h5, h6')];
  const levels = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort();
  for (const heading of headings) {
    const level = Math.min(6, base + levels.indexOf(Number(heading.tagName[1])));
    const replacement = heading.ownerDocument.createElement(`h${level}`);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
}

/**
 * Sanitised HTML as a detached element, built from DOM nodes so that no HTML string is ever assigned
 * to the page (no Trusted Types sink). Parsing and cleaning happen in an inert document: nothing in
 * the input loads or runs before it is removed.
 */
export function sanitizedHtml(html: string, headingBase: number): HTMLElement {
  const fragment = DOMPurify.sanitize(withoutInlineStyles(html), CONFIG);
  replaceImages(fragment);
  fixLinks(fragment);
  demoteHeadings(fragment, headingBase);
  const container = document.createElement('div');
  container.className = 'document-html';
  container.append(fragment);
  return container;
}
