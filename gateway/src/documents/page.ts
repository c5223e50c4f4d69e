/**
 * The public verification page the QR code on every document points to (`/verifikasi/<code>`). Plain
 * server-rendered HTML so it works on any phone without JavaScript; the answer is the same as the
 * GraphQL `verifyDocument` query's.
 */
import type { AuditVerification } from '@seleksi/kit';
import {
  formatLocalDateId,
  type DocumentDto,
  type DocumentVerificationDto,
  type SignatureCheckDto,
} from '@seleksi/domain';
import { signatureMessage, verificationMessage } from './verification';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The document's date ('2026-11-24') the Indonesian way. */
const dateId = (date: string) => formatLocalDateId(date.slice(0, 10));

export interface VerificationPage {
  code: string;
  result: DocumentVerificationDto | null;
  withCode: boolean;
  error: string | null;
  selectionTitle: string | null;
  publicUrl: string;
  /** The round's decision chain recomputed now against the head the document prints (null: none printed). */
  auditChain?: AuditVerification | null;
}

function documentRows(doc: DocumentDto, selectionTitle: string | null, publicUrl: string): string {
  const rows: [string, string][] = [
    ['Judul', doc.title],
    ['Nomor', doc.number],
    ['Tanggal', dateId(doc.date)],
    ['Diterbitkan oleh', doc.issuedBy.agencyName],
    ['Penanda tangan', `${doc.issuedBy.signatoryName}, ${doc.issuedBy.signatoryTitle}`],
    ['Seleksi', selectionTitle ?? '-'],
    ['Versi', doc.version > 1 ? `${doc.version} (perbaikan: ${doc.correctionReason ?? '-'})` : '1 (asli)'],
    ['Sidik SHA-256', doc.sha256],
  ];
  const download =
    doc.visibility === 'PUBLIC'
      ? `<p><a href="${escape(`${publicUrl}/documents/${encodeURIComponent(doc.id)}.pdf`)}">Unduh dokumen asli (PDF)</a></p>`
      : '<p>Dokumen ini bersifat terbatas; isinya hanya dapat dibuka oleh panitia seleksi, PPK dan pengawas.</p>';
  return `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>${download}`;
}

/** An ISO instant as the Indonesian date and UTC time ('6 Desember 2026 20.48 UTC'). */
const instantId = (iso: string) => `${dateId(iso)} ${iso.slice(11, 16).replace(':', '.')} UTC`;

/** The electronic signature: its state, the signer, who certified the signer and for how long. */
function signatureRows(sig: SignatureCheckDto): string {
  const rows: [string, string][] = [['Tanda tangan elektronik', signatureMessage(sig.status)]];
  if (sig.signer) rows.push(['Penanda tangan (sertifikat)', sig.signerSubject ?? sig.signer]);
  if (sig.issuer) rows.push(['Penerbit sertifikat', sig.issuer]);
  if (sig.validFrom && sig.validTo) {
    rows.push(['Masa berlaku sertifikat', `${instantId(sig.validFrom)} s.d. ${instantId(sig.validTo)}`]);
  }
  if (sig.signedAt) rows.push(['Ditandatangani pada', instantId(sig.signedAt)]);
  return `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

/** The head printed on the document and what the chain says of it now. */
export function auditChainText(printed: { seq: number; hash: string }, chain: AuditVerification): string {
  const at = `tautan ke-${printed.seq}`;
  if (chain.printedHeadFound && chain.ok) {
    return `Utuh: ${at} yang tercetak ada dalam rantai tanpa perubahan; rantai kini ${chain.length} catatan.`;
  }
  if (chain.printedHeadFound) {
    return `${at} yang tercetak utuh, tetapi rantai rusak sesudahnya (tautan ke-${chain.firstBroken?.seq ?? '-'}).`;
  }
  return `Tidak cocok: ${at} yang tercetak tidak ada dalam rantai atau catatan sebelumnya telah diubah.`;
}

function auditChainRows(doc: DocumentDto, chain: AuditVerification | null | undefined): string {
  if (!doc.auditChainHead) return '';
  const rows: [string, string][] = [
    ['Rantai catatan keputusan', `tautan ke-${doc.auditChainHead.seq}, ${doc.auditChainHead.hash}`],
  ];
  if (chain) rows.push(['Pemeriksaan rantai', auditChainText(doc.auditChainHead, chain)]);
  return `<dl>${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

const VERDICT_TITLE: Record<DocumentVerificationDto['status'], string> = {
  VALID: 'Dokumen sah',
  SUPERSEDED: 'Dokumen sah, telah diperbaiki',
  UNSIGNED_LEGACY: 'Dokumen tercatat, tanpa tanda tangan elektronik',
  FILE_MISMATCH: 'Tidak sah',
  NOT_FOUND: 'Tidak sah',
  SIGNATURE_INVALID: 'Tidak sah',
};

export function renderVerificationPage(page: VerificationPage): string {
  const r = page.result;
  const ok = r?.status === 'VALID';
  const warn = r?.status === 'SUPERSEDED' || r?.status === 'UNSIGNED_LEGACY';
  const verdict = page.error
    ? `<section class="box bad" role="alert"><h2>Tidak dapat diperiksa</h2><p>${escape(page.error)}</p></section>`
    : r
      ? `<section class="box ${ok ? 'good' : warn ? 'warn' : 'bad'}" role="status" aria-live="polite">
  <h2>${VERDICT_TITLE[r.status]}</h2>
  <p>${escape(verificationMessage(r, page.withCode))}</p>
  ${r.document && r.status !== 'FILE_MISMATCH' && r.status !== 'SIGNATURE_INVALID' ? documentRows(r.document, page.selectionTitle, page.publicUrl) : ''}
  ${r.document && (r.status === 'FILE_MISMATCH' || r.status === 'SIGNATURE_INVALID') ? `<p>Kode ini milik dokumen Nomor ${escape(r.document.number)} (${escape(r.document.title)}).</p>` : ''}
  ${r.signature ? signatureRows(r.signature) : ''}
  ${r.document && r.status !== 'FILE_MISMATCH' && r.status !== 'SIGNATURE_INVALID' ? auditChainRows(r.document, page.auditChain) : ''}
  ${r.latest ? `<p>Versi yang berlaku: Nomor ${escape(r.latest.number)}, kode <a href="${escape(`${page.publicUrl}/verifikasi/${encodeURIComponent(r.latest.verificationCode)}`)}">${escape(r.latest.verificationCode)}</a>.</p>` : ''}
</section>`
      : '';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi Dokumen — Seleksi JPT</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 44rem; padding: 1rem; color: #1a1a1a; line-height: 1.5; }
  h1 { font-size: 1.4rem; }
  label { display: block; font-weight: 600; margin-top: 0.8rem; }
  input[type=text] { font-size: 1rem; padding: 0.4rem; width: 100%; max-width: 20rem; }
  button { margin-top: 1rem; font-size: 1rem; padding: 0.5rem 1.2rem; background: #0b4f8a; color: #fff; border: 0; border-radius: 4px; }
  button:focus, input:focus, a:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
  .box { border: 2px solid; border-radius: 6px; padding: 0.8rem 1rem; margin: 1rem 0; }
  .good { border-color: #1e7b34; background: #eaf6ec; } .warn { border-color: #8a5a00; background: #fff6e0; } .bad { border-color: #a4161a; background: #fdecec; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
  @media (max-width: 30rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: 0.4rem; } }
</style>
</head>
<body>
<main>
<h1>Verifikasi Dokumen Resmi Seleksi JPT</h1>
<p>Periksa keaslian dokumen dengan kode verifikasi yang tercetak pada dokumen, dengan berkas PDF-nya, atau keduanya.</p>
${verdict}
<form method="post" action="/verifikasi" enctype="multipart/form-data">
  <label for="code">Kode verifikasi</label>
  <input id="code" name="code" type="text" value="${escape(page.code)}" autocomplete="off" inputmode="text" aria-describedby="code-help">
  <div id="code-help">Contoh: 7KQ2M9XHTD (tercetak di samping kode QR).</div>
  <label for="file">Berkas PDF (opsional, maks. 10 MB)</label>
  <input id="file" name="file" type="file" accept="application/pdf">
  <button type="submit">Periksa</button>
</form>
</main>
</body>
</html>`;
}
