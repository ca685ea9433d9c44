import { css } from 'lit';

export const documentsStyles = css`
  .title {
    font-size: 1.05em;
    margin: 0;
  }
  .people,
  .also-shared,
  .copy-advice {
    font-size: 0.875em;
    margin: 0;
  }
  .copy-advice {
    color: var(--_muted);
  }
  .tag.attention {
    font-weight: 600;
    background: var(--_warning-bg);
    color: var(--_text);
  }
  button.open {
    margin-top: 4px;
  }
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
`;
