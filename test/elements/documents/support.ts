import type { SetupWorker } from 'msw/browser';
import type { CareRecordDocuments } from '../../../src/care-record-documents.js';
import { mockHie } from '../../support/mock-hie.js';
import { HIE, fixture, html, parts, settled, shadow, validToken } from '../../support/widgets.js';

export async function documentsWidget(patientId: string): Promise<CareRecordDocuments> {
  const el = await fixture<CareRecordDocuments>(html`<care-record-documents
    base-url=${HIE}
    patient-id=${patientId}
    .tokenProvider=${validToken}
  ></care-record-documents>`);
  return settled(el);
}

export function item(el: Element, key: string): HTMLElement {
  const found = parts(el, 'item').find((i) => i.dataset['key'] === key);
  if (!found) throw new Error(`No item ${key}`);
  return found;
}

export function openButton(el: Element, key: string): HTMLButtonElement {
  return item(el, key).querySelector<HTMLButtonElement>('button.open')!;
}

export async function showAll(el: CareRecordDocuments): Promise<void> {
  shadow(el).querySelector<HTMLButtonElement>('button.show-all')?.click();
  await el.updateComplete;
}

/** Opens a document and waits until none of its parts is still loading. */
export async function openDocument(el: CareRecordDocuments, key: string): Promise<HTMLElement> {
  openButton(el, key).click();
  await el.updateComplete;
  const viewer = (): HTMLElement | null => item(el, key).querySelector<HTMLElement>('[part~="viewer"]');
  const deadline = Date.now() + 10_000;
  while (!viewer() || viewer()!.querySelector('.loading-document')) {
    if (Date.now() > deadline) throw new Error(`${key} did not finish loading`);
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
  return viewer()!;
}

/** Every request the page sent through the service worker, by URL. */
export async function recordRequests(): Promise<{ urls: string[]; headers: Map<string, Headers>; worker: SetupWorker }> {
  const worker = await mockHie();
  const urls: string[] = [];
  const headers = new Map<string, Headers>();
  worker.events.on('request:start', ({ request }) => {
    urls.push(request.url);
    headers.set(request.url, request.headers);
  });
  return { urls, headers, worker };
}
