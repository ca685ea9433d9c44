import { outcomeText } from '../../fhir/index.js';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { asRecord, asString } from '../../model/json-guards.js';
import { kindOf, parseMediaType, type DocumentAttachment } from './documents.attachments.js';

/** What one attachment turned out to be, ready to show. */
export type LoadedContent =
  | { kind: 'text'; text: string }
  | { kind: 'html'; html: string }
  /** A PDF or raster image, typed by what its bytes are, for a sandboxed frame. */
  | { kind: 'binary'; blob: Blob }
  /** Held on another server: offered as a link (safe schemes only), never fetched with the token. */
  | { kind: 'elsewhere'; href: string | undefined; address: string }
  | { kind: 'unavailable'; message: string };

/** The part of the HIE client the viewer needs; `fetchAttachment` enforces the same-origin token rule. */
export interface AttachmentFetcher {
  readonly baseUrl: string;
  fetchAttachment(url: string, opts: { signal?: AbortSignal }): Promise<Blob>;
}

interface Bytes {
  bytes: Uint8Array;
  type: string | undefined;
  charset: string | undefined;
}

class Unavailable extends Error {}

const SAFE_LINK = /^(https?:|mailto:|tel:)$/;

export function decodeBase64(data: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(data.replace(/\s+/g, ''));
  } catch {
    throw new Unavailable('The document content sent by the HIE could not be decoded.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function startsWith(bytes: Uint8Array, ...signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** The raster image type the bytes really are, whatever was declared. */
function imageType(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (startsWith(bytes, 0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  const webp = startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && startsWith(bytes.subarray(8), 0x57, 0x45, 0x42, 0x50);
  if (webp) return 'image/webp';
  return undefined;
}

const isPdf = (bytes: Uint8Array): boolean => startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d);

function decodeText(bytes: Uint8Array, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 shows most letters correctly.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function looksLikeText(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 4096));
    return !text.includes('\u0000');
  } catch {
    return false;
  }
}

/** A FHIR Binary sent as JSON (a `Binary/<id>` read) is unwrapped; any other resource is not the document. */
async function unwrapBinary(blob: Blob, declared: DocumentAttachment): Promise<Bytes | undefined> {
  const type = parseMediaType(blob.type).type;
  if (!type || !/(^application\/(fhir\+)?json)$/.test(type)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(await blob.text());
  } catch {
    throw new Unavailable('The HIE sent the document in a form that could not be read.');
  }
  const resource = asRecord(json);
  const resourceType = asString(resource?.['resourceType']);
  if (resourceType === 'OperationOutcome') {
    const reason = outcomeText(resource as unknown as OperationOutcome);
    throw new Unavailable(`The HIE did not send the document${reason ? `: ${reason}` : '.'}`);
  }
  if (resourceType !== 'Binary') throw new Unavailable('The HIE sent something other than the document.');
  const data = asString(resource?.['data']);
  if (!data) throw new Unavailable('The HIE sent the document without its content.');
  const media = parseMediaType(resource?.['contentType']);
  return {
    bytes: decodeBase64(data),
    type: media.type ?? declared.contentType,
    charset: media.charset ?? declared.charset,
  };
}

async function fetchBytes(
  attachment: DocumentAttachment,
  target: URL,
  hie: AttachmentFetcher,
  signal: AbortSignal,
): Promise<Bytes> {
  const blob = await hie.fetchAttachment(target.href, { signal });
  const binary = await unwrapBinary(blob, attachment);
  if (binary) return binary;
  const media = parseMediaType(blob.type);
  return {
    bytes: new Uint8Array(await blob.arrayBuffer()),
    type: attachment.contentType ?? media.type,
    charset: attachment.charset ?? media.charset,
  };
}

function resolveAddress(url: string, baseUrl: string | undefined): URL | undefined {
  try {
    return new URL(url, baseUrl ? `${baseUrl}/` : undefined);
  } catch {
    return undefined;
  }
}

function present({ bytes, type, charset }: Bytes): LoadedContent {
  let kind = kindOf(type);
  if (kind === 'unknown') {
    kind = isPdf(bytes) ? 'pdf' : imageType(bytes) ? 'image' : looksLikeText(bytes) ? 'text' : 'unsupported';
  }
  switch (kind) {
    case 'pdf':
      if (!isPdf(bytes)) throw new Unavailable('The document is said to be a PDF but is not a valid PDF file.');
      return { kind: 'binary', blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }) };
    case 'image': {
      const actual = imageType(bytes);
      if (!actual) throw new Unavailable('The document is said to be an image but is not a valid image file.');
      return { kind: 'binary', blob: new Blob([bytes as BlobPart], { type: actual }) };
    }
    case 'html':
      return { kind: 'html', html: decodeText(bytes, charset) };
    case 'text':
      return { kind: 'text', text: decodeText(bytes, charset) };
    default:
      throw new Unavailable(`This document's format (${type ?? 'not recorded'}) cannot be shown here.`);
  }
}

/**
 * Gets one attachment's content: inline data is decoded here; an address on the HIE is fetched with
 * the token; an address anywhere else is only offered as a link. Never throws except when aborted.
 */
export async function loadAttachment(
  attachment: DocumentAttachment,
  hie: AttachmentFetcher | undefined,
  signal: AbortSignal,
): Promise<LoadedContent> {
  try {
    if (attachment.kind === 'unsupported') {
      throw new Unavailable(`This document's format (${attachment.contentType}) cannot be shown here.`);
    }
    if (attachment.data) {
      const bytes = decodeBase64(attachment.data);
      return present({ bytes, type: attachment.contentType, charset: attachment.charset });
    }
    if (!attachment.url) throw new Unavailable('No document content was sent to the shared care record.');
    const target = resolveAddress(attachment.url, hie?.baseUrl);
    if (!target) throw new Unavailable(`The document's address could not be read: ${attachment.url}`);
    if (!hie || target.origin !== new URL(hie.baseUrl).origin) {
      const href = SAFE_LINK.test(target.protocol) ? target.href : undefined;
      return { kind: 'elsewhere', href, address: attachment.url };
    }
    return present(await fetchBytes(attachment, target, hie, signal));
  } catch (error) {
    if (signal.aborted) throw signal.reason ?? error;
    if (error instanceof Unavailable) return { kind: 'unavailable', message: error.message };
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'unavailable', message: `The document could not be loaded. ${message}` };
  }
}
