import { asString, type JsonRecord, lookupTable } from '../../model/json-guards.js';

/** Status fields of a document row. */
export interface DocumentStatus {
  status: string;
  statusLabel: string;
  /** Statuses a reader must notice (superseded, preliminary, amended, unknown codes). */
  statusAttention: boolean;
  /** A newer version replaces this one: hidden by the default view. */
  superseded: boolean;
  /** `DocumentReference.docStatus` (preliminary / final / amended), when sent. */
  docStatus: string | undefined;
  docStatusLabel: string | undefined;
  docStatusAttention: boolean;
}

const REFERENCE_STATUS: Record<string, { label: string; attention: boolean; superseded: boolean }> = lookupTable({
  current: { label: 'Current', attention: false, superseded: false },
  superseded: { label: 'Superseded by a newer version', attention: true, superseded: true },
});

const COMPOSITION_STATUS: Record<string, { label: string; attention: boolean }> = lookupTable({
  final: { label: 'Final', attention: false },
  preliminary: { label: 'Preliminary', attention: true },
  amended: { label: 'Amended', attention: true },
});

function docStatusOf(raw: unknown): Pick<DocumentStatus, 'docStatus' | 'docStatusLabel' | 'docStatusAttention'> {
  const code = asString(raw);
  if (code === undefined) return { docStatus: undefined, docStatusLabel: undefined, docStatusAttention: false };
  const known = COMPOSITION_STATUS[code];
  return {
    docStatus: code,
    docStatusLabel: known?.label ?? `Document status: ${code}`,
    docStatusAttention: known?.attention ?? true,
  };
}

/**
 * Status in words, or undefined for a document entered in error (never shown). A missing or unknown
 * status is shown as such and stays in the default view: hiding it could hide the current version.
 */
export function statusOf(resourceType: string, resource: JsonRecord): DocumentStatus | undefined {
  const code = asString(resource['status']);
  if (code === 'entered-in-error') return undefined;
  if (resourceType === 'Composition') {
    const known = code === undefined ? undefined : COMPOSITION_STATUS[code];
    return {
      status: code ?? 'unknown',
      statusLabel: known?.label ?? (code ? `Status: ${code}` : 'Status not recorded'),
      statusAttention: known?.attention ?? true,
      superseded: false,
      docStatus: undefined,
      docStatusLabel: undefined,
      docStatusAttention: false,
    };
  }
  const doc = docStatusOf(resource['docStatus']);
  if (doc.docStatus === 'entered-in-error') return undefined;
  const known = code === undefined ? undefined : REFERENCE_STATUS[code];
  return {
    status: code ?? 'unknown',
    statusLabel: known?.label ?? (code ? `Status: ${code}` : 'Status not recorded'),
    statusAttention: known?.attention ?? true,
    superseded: known?.superseded ?? false,
    ...doc,
  };
}
