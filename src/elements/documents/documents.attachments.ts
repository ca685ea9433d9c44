import { validDate } from '../../model/datatypes.js';
import { asNumber, asRecord, asRecords, asString, type JsonRecord } from '../../model/json-guards.js';

/**
 * How an attachment can be shown: `unknown` when no content type was sent (decided from what is
 * fetched), `unsupported` for formats the viewer will not render (offered for a copy instead).
 */
export type AttachmentKind = 'html' | 'text' | 'pdf' | 'image' | 'unknown' | 'unsupported';

export interface DocumentAttachment {
  title: string | undefined;
  /** Media type as sent, lower case, without parameters. */
  contentType: string | undefined;
  charset: string | undefined;
  kind: AttachmentKind;
  /** The format in words, e.g. "PDF", "Web page (HTML)". */
  formatLabel: string;
  /** Base64 content sent inline. */
  data: string | undefined;
  url: string | undefined;
  size: number | undefined;
  creation: string | undefined;
}

/** Raster formats only: an SVG can carry scripts and remote references. */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function parseMediaType(raw: unknown): { type: string | undefined; charset: string | undefined } {
  const text = asString(raw);
  if (!text) return { type: undefined, charset: undefined };
  const [type, ...params] = text.split(';');
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p)?.[1])
    .find((c) => c !== undefined);
  return { type: asString(type)?.toLowerCase(), charset };
}

export function kindOf(type: string | undefined): AttachmentKind {
  // A generic binary type says nothing about the content: it is decided from the bytes.
  if (type === undefined || type === 'application/octet-stream') return 'unknown';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'application/pdf') return 'pdf';
  if (IMAGE_TYPES.has(type)) return 'image';
  if (type.startsWith('text/') || type === 'application/xml' || (type.endsWith('+xml') && !type.includes('svg'))) {
    return 'text';
  }
  return 'unsupported';
}

export function formatLabel(kind: AttachmentKind, type: string | undefined): string {
  switch (kind) {
    case 'html':
      return 'Web page (HTML)';
    case 'pdf':
      return 'PDF';
    case 'image':
      return `Image (${(type ?? '').replace('image/', '').toUpperCase()})`;
    case 'text':
      return type === 'text/plain' ? 'Plain text' : `Text (${type})`;
    case 'unknown':
      return 'Format not recorded';
    default:
      return `Format ${type}`;
  }
}

function toAttachment(attachment: JsonRecord): DocumentAttachment | undefined {
  const data = typeof attachment['data'] === 'string' ? attachment['data'].replace(/\s+/g, '') : undefined;
  const url = asString(attachment['url']);
  const title = asString(attachment['title']);
  if (!data && !url && !title) return undefined;
  const { type, charset } = parseMediaType(attachment['contentType']);
  const kind = kindOf(type);
  return {
    title,
    contentType: type,
    charset,
    kind,
    formatLabel: formatLabel(kind, type),
    data: data || undefined,
    url,
    size: asNumber(attachment['size']),
    creation: validDate(attachment['creation']),
  };
}

/** `DocumentReference.content[].attachment`, skipping entries that carry nothing at all. */
export function attachmentsOf(resource: JsonRecord): DocumentAttachment[] {
  return asRecords(resource['content']).flatMap((content) => {
    const attachment = asRecord(content['attachment']);
    const mapped = attachment ? toAttachment(attachment) : undefined;
    return mapped ? [mapped] : [];
  });
}
