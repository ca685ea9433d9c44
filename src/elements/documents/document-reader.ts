/** Loaded on demand by the viewer (see document-viewer.ts): everything needed to read an opened document. */
export { loadAttachment } from './document-content.js';
export { sanitizedHtml } from './document-html.js';
