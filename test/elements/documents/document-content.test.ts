import { expect } from '@open-wc/testing';
import { loadAttachment, type AttachmentFetcher } from '../../../src/elements/documents/documents.content.js';
import { formatLabel, kindOf, parseMediaType, type DocumentAttachment } from '../../../src/elements/documents/documents.attachments.js';

const BASE = 'https://hie.example/fhir';
const PDF = '%PDF-1.4\n%%EOF\n';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

function attachment(body: Partial<DocumentAttachment>): DocumentAttachment {
  const { type, charset } = parseMediaType(body.contentType);
  const kind = kindOf(type);
  return {
    title: undefined,
    contentType: type,
    charset: body.charset ?? charset,
    kind,
    formatLabel: formatLabel(kind, type),
    data: undefined,
    url: undefined,
    size: undefined,
    creation: undefined,
    ...body,
    ...(body.contentType ? { contentType: type } : {}),
  };
}

function fetcher(respond: (url: string) => Blob | Promise<Blob>): AttachmentFetcher & { asked: string[] } {
  const asked: string[] = [];
  return {
    baseUrl: BASE,
    asked,
    fetchAttachment: async (url: string) => {
      asked.push(url);
      return respond(url);
    },
  };
}

const signal = () => new AbortController().signal;
const fhirJson = (body: unknown) => new Blob([JSON.stringify(body)], { type: 'application/fhir+json; charset=utf-8' });

describe('loadAttachment', () => {
  it('decodes inline text with its charset', async () => {
    const latin1 = btoa(String.fromCharCode(0x43, 0x61, 0x66, 0xe9)); // "Café" in ISO-8859-1
    const content = await loadAttachment(attachment({ contentType: 'text/plain; charset=ISO-8859-1', data: latin1 }), undefined, signal());
    expect(content).to.deep.equal({ kind: 'text', text: 'Café' });
  });

  it('returns inline HTML as a string for the sanitiser', async () => {
    const content = await loadAttachment(attachment({ contentType: 'text/html', data: btoa('<p>Hi</p>') }), undefined, signal());
    expect(content).to.deep.equal({ kind: 'html', html: '<p>Hi</p>' });
  });

  it('types an inline PDF by its bytes and refuses a "PDF" that is not one', async () => {
    const ok = await loadAttachment(attachment({ contentType: 'application/pdf', data: btoa(PDF) }), undefined, signal());
    expect(ok.kind).to.equal('binary');
    expect(ok.kind === 'binary' && ok.blob.type).to.equal('application/pdf');
    const bad = await loadAttachment(attachment({ contentType: 'application/pdf', data: btoa('<script>alert(1)</script>') }), undefined, signal());
    expect(bad).to.deep.equal({ kind: 'unavailable', message: 'The document is said to be a PDF but is not a valid PDF file.' });
  });

  it('types images by their bytes, whatever was declared', async () => {
    let binary = '';
    for (const b of PNG) binary += String.fromCharCode(b);
    const png = await loadAttachment(attachment({ contentType: 'image/jpeg', data: btoa(binary) }), undefined, signal());
    expect(png.kind === 'binary' && png.blob.type).to.equal('image/png');
    const fake = await loadAttachment(attachment({ contentType: 'image/png', data: btoa('<svg onload=alert(1)>') }), undefined, signal());
    expect(fake.kind).to.equal('unavailable');
  });

  it('says when inline data cannot be decoded', async () => {
    const content = await loadAttachment(attachment({ contentType: 'text/plain', data: '%%%not base64%%%' }), undefined, signal());
    expect(content).to.deep.equal({ kind: 'unavailable', message: 'The document content sent by the HIE could not be decoded.' });
  });

  it('does not show formats it cannot render safely, and does not fetch them', async () => {
    const hie = fetcher(() => new Blob(['x']));
    for (const contentType of ['image/svg+xml', 'application/dicom', 'application/msword']) {
      const content = await loadAttachment(attachment({ contentType, url: 'Binary/1' }), hie, signal());
      expect(content.kind, contentType).to.equal('unavailable');
      expect(content.kind === 'unavailable' && content.message).to.contain(contentType);
    }
    expect(hie.asked).to.deep.equal([]);
  });

  it('fetches a relative address on the HIE and unwraps a FHIR Binary', async () => {
    const hie = fetcher(() => fhirJson({ resourceType: 'Binary', contentType: 'text/plain; charset=utf-8', data: btoa('Letter text') }));
    const content = await loadAttachment(attachment({ contentType: 'text/plain', url: 'Binary/abc' }), hie, signal());
    expect(hie.asked).to.deep.equal([`${BASE}/Binary/abc`]);
    expect(content).to.deep.equal({ kind: 'text', text: 'Letter text' });
  });

  it('uses the Binary content type when the attachment did not give one', async () => {
    const hie = fetcher(() => fhirJson({ resourceType: 'Binary', contentType: 'application/pdf', data: btoa(PDF) }));
    const content = await loadAttachment(attachment({ url: `${BASE}/Binary/abc` }), hie, signal());
    expect(content.kind === 'binary' && content.blob.type).to.equal('application/pdf');
  });

  it('reads raw bytes when the HIE answers with the file itself, sniffing an undeclared PDF', async () => {
    const hie = fetcher(() => new Blob([PDF], { type: 'application/octet-stream' }));
    const content = await loadAttachment(attachment({ url: 'Binary/raw' }), hie, signal());
    expect(content.kind === 'binary' && content.blob.type).to.equal('application/pdf');
  });

  it('explains an OperationOutcome, another resource or a Binary without data instead of showing it', async () => {
    const cases: [unknown, string][] = [
      [{ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'suppressed', diagnostics: 'Withheld by the trust' }] }, 'Withheld by the trust'],
      [{ resourceType: 'Patient', id: 'other' }, 'something other than the document'],
      [{ resourceType: 'Binary', contentType: 'application/pdf' }, 'without its content'],
    ];
    for (const [body, words] of cases) {
      const content = await loadAttachment(attachment({ contentType: 'application/pdf', url: 'Binary/x' }), fetcher(() => fhirJson(body)), signal());
      expect(content.kind).to.equal('unavailable');
      expect(content.kind === 'unavailable' && content.message).to.contain(words);
    }
  });

  it('turns fetch errors into a message', async () => {
    const hie = fetcher(() => Promise.reject(new Error('HTTP 404: Binary/x is not known')));
    const content = await loadAttachment(attachment({ contentType: 'application/pdf', url: 'Binary/x' }), hie, signal());
    expect(content).to.deep.equal({ kind: 'unavailable', message: 'The document could not be loaded. HTTP 404: Binary/x is not known' });
  });

  it('offers other servers as a link, and unsafe addresses as text, without fetching', async () => {
    const hie = fetcher(() => new Blob(['x']));
    const other = await loadAttachment(attachment({ contentType: 'application/pdf', url: 'https://files.example/a.pdf' }), hie, signal());
    expect(other).to.deep.equal({ kind: 'elsewhere', href: 'https://files.example/a.pdf', address: 'https://files.example/a.pdf' });
    const plainHttp = await loadAttachment(attachment({ contentType: 'application/pdf', url: 'http://hie.example/fhir/Binary/1' }), hie, signal());
    expect(plainHttp.kind).to.equal('elsewhere');
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://files.example/a.pdf']) {
      const content = await loadAttachment(attachment({ contentType: 'application/pdf', url }), hie, signal());
      expect(content, url).to.deep.equal({ kind: 'elsewhere', href: undefined, address: url });
    }
    expect(hie.asked).to.deep.equal([]);
  });

  it('says when nothing was sent', async () => {
    const content = await loadAttachment(attachment({ title: 'Scan' }), undefined, signal());
    expect(content).to.deep.equal({ kind: 'unavailable', message: 'No document content was sent to the shared care record.' });
  });

  it('rejects when aborted instead of returning a result', async () => {
    const controller = new AbortController();
    const hie = fetcher(
      () =>
        new Promise<Blob>((_, reject) =>
          controller.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    const pending = loadAttachment(attachment({ contentType: 'application/pdf', url: 'Binary/x' }), hie, controller.signal);
    controller.abort(new DOMException('closed', 'AbortError'));
    let rejected: unknown;
    await pending.catch((e) => (rejected = e));
    expect(rejected).to.be.instanceOf(DOMException);
  });
});
