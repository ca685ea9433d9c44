/** Base64 of UTF-8 text, in the browser and in Node alike. */
export function base64Text(text: string): string {
  return base64Bytes(new TextEncoder().encode(text));
}

export function base64Bytes(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function escapePdfText(line: string): string {
  return line.replace(/[\\()]/g, (c) => `\\${c}`).replace(/[^\x20-\x7e]/g, '?');
}

/**
 * A small, valid one-page PDF (A4, Helvetica) with the given lines, as base64. The cross-reference
 * offsets are computed, so PDF readers open it without repairing it.
 */
export function simplePdf(title: string, lines: string[]): string {
  const text = [
    'BT',
    '/F1 14 Tf',
    '16 TL',
    '56 780 Td',
    `(${escapePdfText(title)}) Tj`,
    '/F1 10 Tf',
    '14 TL',
    'T* T*',
    ...lines.map((line) => `(${escapePdfText(line)}) Tj T*`),
    'ET',
  ].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  return btoa(pdfFile(objects));
}

/** A PDF file of the given objects (numbered from 1, the first the catalog), with its cross-reference table. */
export function pdfFile(objects: string[]): string {
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return pdf;
}
