/**
 * Is this a PDF? Decided by content, never by file name or declared type: the header `%PDF-x.y`, and
 * a trailer that parses — `startxref <offset>` and `%%EOF` at the end, the offset pointing inside the
 * file at a cross-reference table (`xref` … `trailer << … /Root … >>`) or a cross-reference stream
 * (`n g obj << /Type /XRef … >>`).
 */

/** How far from the end the trailer is looked for (PDF readers use ~1 KB; allow trailing junk/whitespace). */
const TAIL_BYTES = 2048;

export function isPdf(bytes: Uint8Array): boolean {
  if (bytes.length < 32) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!/^%PDF-\d\.\d/.test(buf.subarray(0, 16).toString('latin1'))) return false;
  const tail = buf.subarray(Math.max(0, buf.length - TAIL_BYTES)).toString('latin1');
  const m = /startxref\s+(\d{1,12})\s+%%EOF\s*$/.exec(tail);
  if (!m) return false;
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset <= 0 || offset >= buf.length) return false;
  const at = buf.subarray(offset, Math.min(buf.length, offset + 4096)).toString('latin1');
  if (/^xref\s/.test(at)) {
    // Classic table: the trailer dictionary follows the table and names the document catalogue.
    const trailer = buf.subarray(offset).toString('latin1');
    return /trailer\s*<<[\s\S]*\/Root\s+\d+\s+\d+\s+R[\s\S]*>>\s*startxref/.test(trailer);
  }
  return /^\d+\s+\d+\s+obj\s*<<[\s\S]*\/Type\s*\/XRef/.test(at);
}
