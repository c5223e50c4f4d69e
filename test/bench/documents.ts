/**
 * Benchmark: rendering official documents in-process with the document service's real renderer (pdfkit,
 * embedded DejaVu fonts, QR code, page footers), one at a time as the issuer does. Cases: (a) an
 * appointment decree, (b) the public list of the administrative result with N candidates (default 200),
 * each rendered a few times to warm up, then measured. Prints documents per second, milliseconds per
 * document (mean, median, p95), PDF size and pages. Not a test: figures only.
 *
 *   node --import tsx test/bench/documents.ts [decrees=200] [lists=50] [candidates=200]
 */
import type { OfficialDocumentRequest } from '@seleksi/domain';
import { renderOfficialDocument, type IssueMeta } from '@seleksi/document-service/src/pdf/index';
import {
  sampleAdministrativeResultAnnouncement,
  sampleAppointmentDecreeRequest,
  sampleMeta,
} from '@seleksi/document-service/src/pdf/test-fixtures';

const decrees = positive(process.argv[2], 200);
const lists = positive(process.argv[3], 50);
const candidates = positive(process.argv[4], 200);
const WARM_UP = 5;

function positive(arg: string | undefined, fallback: number): number {
  const n = Number(arg ?? fallback);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Expected a positive integer, got ${arg}`);
  return n;
}

/** Page objects of a PDF ('/Type /Page', not '/Pages'). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

interface Result {
  name: string;
  iterations: number;
  totalMs: number;
  meanMs: number;
  medianMs: number;
  p95Ms: number;
  kb: number;
  pages: number;
}

async function measure(name: string, iterations: number, request: () => OfficialDocumentRequest): Promise<Result> {
  const meta = (i: number): IssueMeta => ({
    ...sampleMeta(),
    number: `800.1.2.2/${String(i).padStart(4, '0')}/BKD/2027`,
  });
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < WARM_UP; i++) last = await renderOfficialDocument(request(), meta(i));
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const req = request();
    const t = performance.now();
    last = await renderOfficialDocument(req, meta(i));
    times.push(performance.now() - t);
  }
  const totalMs = performance.now() - start;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    iterations,
    totalMs,
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    kb: last.length / 1024,
    pages: pageCount(last),
  };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${WARM_UP} warm-up renders per case, then measured one at a time.\n`);
  const results = [
    await measure('APPOINTMENT_DECREE', decrees, sampleAppointmentDecreeRequest),
    await measure(`ADMINISTRATIVE_RESULT_ANNOUNCEMENT (${candidates} rows)`, lists, () =>
      sampleAdministrativeResultAnnouncement(candidates),
    ),
  ];
  console.table(
    results.map((r) => ({
      document: r.name,
      renders: r.iterations,
      'docs/s': Number((r.iterations / (r.totalMs / 1000)).toFixed(1)),
      'ms/doc mean': Number(r.meanMs.toFixed(1)),
      'ms/doc p50': Number(r.medianMs.toFixed(1)),
      'ms/doc p95': Number(r.p95Ms.toFixed(1)),
      'PDF KB': Number(r.kb.toFixed(1)),
      pages: r.pages,
    })),
  );
  const rss = process.memoryUsage().rss / 1024 / 1024;
  console.log(`\nResident memory at the end: ${rss.toFixed(0)} MB`);
}

await main();
