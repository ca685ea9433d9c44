import { pdfFile } from '../../mocks/data/widgets/documents/encoding.js';

/**
 * PDFs written by hand for the tests: one A4 page per entry of `pages`, each line in Helvetica. The
 * cross-reference offsets are computed, so pdf.js reads the file without repairing it.
 */
export function pdfBytes(pages: string[][]): Uint8Array {
  const escape = (line: string) => line.replace(/[\\()]/g, (c) => `\\${c}`);
  const pageCount = pages.length;
  // 1 catalog, 2 pages, 3 font, then per page: its page object and its content stream.
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  pages.forEach((lines, i) => {
    const text = ['BT', '/F1 12 Tf', '16 TL', '56 780 Td', ...lines.map((l) => `(${escape(l)}) Tj T*`), 'ET'].join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
      `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    );
  });
  return new TextEncoder().encode(pdfFile(objects));
}

/** Starts like a PDF (so it is typed as one) but is not one: pdf.js cannot read it. */
export function damagedPdfBytes(): Uint8Array {
  return new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body, no objects, no cross-reference\n');
}

export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
