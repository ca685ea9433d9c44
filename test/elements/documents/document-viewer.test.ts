import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DocumentViewer, type DocumentReader } from '../../../src/elements/documents/documents.controller.js';
import type { DocumentRow } from '../../../src/elements/documents/documents.model.js';

function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  return {
    updates: 0,
    controllers: [],
    addController(c) {
      this.controllers.push(c);
    },
    removeController() {},
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
}

/** A Composition row with one section, which the reader turns into sanitised HTML. */
const row = {
  key: 'Composition/c1',
  resourceType: 'Composition',
  title: 'Discharge summary',
  attachments: [],
  sections: [{ title: 'Plan', narrative: '<div xmlns="http://www.w3.org/1999/xhtml"><p>Review in clinic</p></div>', sections: [] }],
  narrative: undefined,
} as unknown as DocumentRow;

const realReader = (): Promise<DocumentReader> => import('../../../src/elements/documents/documents.reader.js');

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('DocumentViewer: the reader that loads on demand', () => {
  it('says when the reader cannot be downloaded, and a reopened document tries again', async () => {
    let fail = true;
    const viewer = new DocumentViewer(host(), {
      fetcher: () => undefined,
      owner: () => 'hie|Patient/p1',
      loadReader: () => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : realReader()),
    });
    viewer.openDocument(row);
    expect(viewer.get(row.key)?.readiness).to.equal('opening');
    await new Promise((r) => setTimeout(r, 0));
    const failed = viewer.get(row.key)?.readiness as { failed: string };
    expect(failed.failed).to.contain('The document viewer could not be loaded (Failed to fetch dynamically imported module)');
    expect(failed.failed).to.contain('open it again');

    viewer.close(row.key);
    fail = false;
    viewer.openDocument(row);
    await waitUntil(() => viewer.get(row.key)?.readiness !== 'opening', 'reader not loaded on the second opening');
    const doc = viewer.get(row.key)!;
    expect(doc.readiness).to.equal('ready');
    expect(doc.sections[0]!.node!.textContent).to.contain('Review in clinic');
  });

  it('shows nothing of a document whose reader arrives after the patient changed', async () => {
    let owner = 'hie|Patient/p1';
    const arrival = deferred<DocumentReader>();
    const h = host();
    const viewer = new DocumentViewer(h, { fetcher: () => undefined, owner: () => owner, loadReader: () => arrival.promise });
    viewer.openDocument(row);
    const opened = viewer.get(row.key)!;
    owner = 'hie|Patient/p2';
    viewer.hostUpdate();
    expect(viewer.isOpen(row.key)).to.equal(false);
    arrival.resolve(await realReader());
    await new Promise((r) => setTimeout(r, 0));
    expect(viewer.isOpen(row.key)).to.equal(false);
    expect(opened.readiness).to.equal('opening');
    expect(opened.sections).to.deep.equal([]);
  });
});
