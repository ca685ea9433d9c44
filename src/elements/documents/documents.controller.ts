import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DocumentAttachment, DocumentRow, DocumentSection } from './documents.model.js';
import type { AttachmentFetcher } from './documents.content.js';

/** What reads a document: attachment fetching and the HTML sanitiser (DOMPurify). */
export type DocumentReader = typeof import('./documents.reader.js');

let reader: Promise<DocumentReader> | undefined;

/**
 * The reader is downloaded with the first document a clinician opens, so hosts that only list
 * documents never pay for the sanitiser. A failed download (offline) may be retried by opening again.
 */
function loadReader(): Promise<DocumentReader> {
  reader ??= import('./documents.reader.js').catch((error: unknown) => {
    reader = undefined;
    throw error;
  });
  return reader;
}

/** One attachment as the viewer shows it. */
export type AttachmentView =
  | { state: 'loading' }
  | { state: 'text'; text: string }
  | { state: 'html'; node: HTMLElement }
  /** A blob: URL owned by the viewer, revoked when the document closes. */
  | { state: 'frame'; url: string; type: string }
  | { state: 'elsewhere'; href: string | undefined; address: string }
  | { state: 'unavailable'; message: string };

export interface SectionView {
  title: string | undefined;
  node: HTMLElement | undefined;
  sections: SectionView[];
}

export interface OpenDocument {
  /** 'opening' until the reader has loaded; a message when it could not be loaded. */
  readiness: 'opening' | 'ready' | { failed: string };
  attachments: { attachment: DocumentAttachment; view: AttachmentView }[];
  sections: SectionView[];
  /** Composition narrative when it has no sections. */
  narrative: HTMLElement | undefined;
}

interface Entry extends OpenDocument {
  controller: AbortController;
  urls: Set<string>;
}

export interface DocumentViewerOptions {
  /** The HIE client for fetching attachments, if the widget has one. */
  fetcher: () => AttachmentFetcher | undefined;
  /** Identifies the record on screen (HIE + patient); undefined while none is. */
  owner: () => string | undefined;
  /** Where the reader comes from; by default downloaded with the first opened document. */
  loadReader?: () => Promise<DocumentReader>;
}

/** Document headings start below the item (h3) and viewer (h4) headings. */
const SECTION_HEADING = 4;

function sectionViews(read: DocumentReader, sections: DocumentSection[], level: number): SectionView[] {
  return sections.map((s) => ({
    title: s.title,
    node: s.narrative ? read.sanitizedHtml(s.narrative, level + 1) : undefined,
    sections: sectionViews(read, s.sections, Math.min(6, level + 1)),
  }));
}

/**
 * The documents open in a widget. Everything belongs to the record it was opened from: when the
 * patient or HIE changes, the record is reloaded or the widget leaves the page, every fetch is
 * aborted, every blob URL revoked, and a fetch that still resolves is discarded.
 */
export class DocumentViewer implements ReactiveController {
  private readonly open = new Map<string, Entry>();
  private owner: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DocumentViewerOptions,
  ) {
    host.addController(this);
  }

  isOpen(key: string): boolean {
    return this.open.has(key);
  }

  get(key: string): OpenDocument | undefined {
    return this.open.get(key);
  }

  hostUpdate(): void {
    const owner = this.options.owner();
    if (owner !== this.owner) this.closeAll();
    this.owner = owner;
  }

  hostDisconnected(): void {
    this.closeAll();
    this.owner = undefined;
  }

  openDocument(row: DocumentRow): void {
    const owner = this.options.owner();
    if (this.open.has(row.key) || owner === undefined) return;
    const entry: Entry = {
      readiness: 'opening',
      controller: new AbortController(),
      urls: new Set(),
      attachments: row.attachments.map((attachment) => ({ attachment, view: { state: 'loading' } })),
      sections: [],
      narrative: undefined,
    };
    this.owner = owner;
    this.open.set(row.key, entry);
    void this.read(row, entry, owner);
    this.host.requestUpdate();
  }

  private async read(row: DocumentRow, entry: Entry, owner: string): Promise<void> {
    let read: DocumentReader;
    try {
      read = await (this.options.loadReader ?? loadReader)();
    } catch (error) {
      if (!this.stillShowing(row.key, entry, owner)) return;
      const reason = error instanceof Error ? error.message : String(error);
      entry.readiness = {
        failed: `The document viewer could not be loaded (${reason}). Close the document and open it again; if this persists, check the network connection.`,
      };
      this.host.requestUpdate();
      return;
    }
    if (!this.stillShowing(row.key, entry, owner)) return;
    entry.sections = sectionViews(read, row.sections, SECTION_HEADING);
    entry.narrative =
      row.sections.length === 0 && row.narrative ? read.sanitizedHtml(row.narrative, SECTION_HEADING) : undefined;
    entry.readiness = 'ready';
    const fetcher = this.options.fetcher();
    entry.attachments.forEach((part, i) => void this.load(read, row.key, entry, i, part.attachment, fetcher, owner));
    this.host.requestUpdate();
  }

  close(key: string): void {
    const entry = this.open.get(key);
    if (!entry) return;
    this.open.delete(key);
    this.release(entry);
    this.host.requestUpdate();
  }

  closeAll(): void {
    if (this.open.size === 0) return;
    for (const entry of this.open.values()) this.release(entry);
    this.open.clear();
    this.host.requestUpdate();
  }

  private release(entry: Entry): void {
    entry.controller.abort(new DOMException('The document was closed.', 'AbortError'));
    for (const url of entry.urls) URL.revokeObjectURL(url);
    entry.urls.clear();
  }

  /** Still the same open document of the same record? Anything else is another patient's screen now. */
  private stillShowing(key: string, entry: Entry, owner: string): boolean {
    return !entry.controller.signal.aborted && this.open.get(key) === entry && this.options.owner() === owner;
  }

  private async load(
    read: DocumentReader,
    key: string,
    entry: Entry,
    index: number,
    attachment: DocumentAttachment,
    fetcher: AttachmentFetcher | undefined,
    owner: string,
  ): Promise<void> {
    let view: AttachmentView;
    try {
      const content = await read.loadAttachment(attachment, fetcher, entry.controller.signal);
      if (!this.stillShowing(key, entry, owner)) return;
      switch (content.kind) {
        case 'binary': {
          const url = URL.createObjectURL(content.blob);
          entry.urls.add(url);
          view = { state: 'frame', url, type: content.blob.type };
          break;
        }
        case 'html': {
          // Several attachments each get an h4 of their own; a single one continues below the item.
          const base = entry.attachments.length > 1 ? SECTION_HEADING + 1 : SECTION_HEADING;
          view = { state: 'html', node: read.sanitizedHtml(content.html, base) };
          break;
        }
        case 'text':
          view = { state: 'text', text: content.text };
          break;
        case 'elsewhere':
          view = { state: 'elsewhere', href: content.href, address: content.address };
          break;
        default:
          view = { state: 'unavailable', message: content.message };
      }
    } catch {
      // Aborted: the document was closed or the record changed; nothing is shown.
      return;
    }
    const part = entry.attachments[index];
    if (part) part.view = view;
    this.host.requestUpdate();
  }
}
