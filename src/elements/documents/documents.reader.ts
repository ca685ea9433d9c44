/** Loaded on demand by the viewer (see documents.controller.ts): everything needed to read an opened document. */
export { loadAttachment } from './documents.content.js';
export { sanitizedHtml } from './documents.html.js';
