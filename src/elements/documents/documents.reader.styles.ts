import { css } from 'lit';

/** The open document, wherever it is read (documents, and reports in results). */
export const documentReaderStyles = css`
  .viewer {
    margin-top: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: var(--_bg);
    overflow-wrap: anywhere;
  }
  .viewer h4,
  .viewer h5,
  .viewer h6 {
    margin: var(--_space) 0 4px;
  }
  .document-text {
    white-space: pre-wrap;
    font-family: inherit;
    margin: 0;
  }
  .document-frame {
    display: block;
    width: 100%;
    height: var(--care-record-document-height, 36rem);
    border: 1px solid var(--_border);
  }
  .frame-note {
    font-size: 0.875em;
    color: var(--_muted);
    margin: 4px 0 0;
  }
  .document-html table {
    border-collapse: collapse;
    margin: 4px 0;
  }
  .document-html th,
  .document-html td {
    border: 1px solid var(--_border);
    padding: 2px 4px;
    text-align: left;
    vertical-align: top;
  }
  .document-html a,
  .elsewhere a {
    color: var(--_accent);
  }
  .unavailable {
    margin: 0;
    padding: 4px var(--_space);
    border-left: 4px solid var(--_text);
    background: var(--_warning-bg);
  }
  button.close {
    margin-top: var(--_space);
  }
  .pdf-controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px var(--_space);
    margin-bottom: 4px;
  }
  .pdf-pages {
    position: relative;
    max-height: var(--care-record-document-height, 36rem);
    overflow: auto;
    border: 1px solid var(--_border);
    background: var(--_surface);
  }
  .pdf-page {
    --scale-round-x: 1px;
    --scale-round-y: 1px;
    position: relative;
    margin: var(--_space) auto;
    background: #fff;
    box-shadow: 0 0 0 1px var(--_border);
  }
  .pdf-canvas {
    display: block;
    width: 100%;
    height: 100%;
  }
  /* pdf.js's text layer (after its pdf_viewer.css): transparent text laid over the drawing. */
  .textLayer {
    position: absolute;
    inset: 0;
    overflow: clip;
    line-height: 1;
    text-align: initial;
    text-size-adjust: none;
    forced-color-adjust: none;
    transform-origin: 0 0;
    --min-font-size: 1;
    --text-scale-factor: calc(var(--total-scale-factor) * var(--min-font-size));
    --min-font-size-inv: calc(1 / var(--min-font-size));
  }
  .textLayer :is(span, br) {
    color: transparent;
    position: absolute;
    white-space: pre;
    cursor: text;
    transform-origin: 0% 0%;
  }
  .textLayer > :not(.markedContent),
  .textLayer .markedContent span:not(.markedContent) {
    --font-height: 0;
    font-size: calc(var(--text-scale-factor) * var(--font-height));
    --scale-x: 1;
    --rotate: 0deg;
    transform: rotate(var(--rotate)) scaleX(var(--scale-x)) scale(var(--min-font-size-inv));
  }
  .textLayer .markedContent {
    display: contents;
  }
  .textLayer ::selection {
    background: rgb(0 0 255 / 0.25);
  }
`;
