import { createHash, randomUUID } from 'node:crypto';
import type { OfficialDocumentRequest, VacancyAnnouncementRequest } from '@seleksi/domain';
import {
  DocumentClient,
  ServiceError,
  type RunningService,
  stopTestService,
  operatorServiceAuth,
  operatorHeaders,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startDocumentService } from './app';
import { loadDocumentConfig } from './config';
import { pagesOf, pdfsigOf } from './pdf/test-poppler';
import { DEV_TRUST_ANCHORS } from './signing';
import { extractText, getDocumentProxy } from 'unpdf';
import {
  sampleDecreeRequest,
  sampleLetterRequest,
  sampleMinutesRequest,
  sampleRequest,
  sampleSuccessionGroupDecisionRequest,
  sampleSuccessorProposalRequest,
} from './pdf/test-fixtures';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: DocumentClient;

beforeAll(async () => {
  service = await startDocumentService(
    loadDocumentConfig({
      MONGODB_URI: mongoUri,
      DOCUMENT_DB: `it_document_${randomUUID().slice(0, 8)}`,
      DOCUMENT_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      PORTAL_PUBLIC_URL: 'https://seleksi.example.go.id/',
    }),
  );
  client = new DocumentClient(service.url, { timeoutMs: 60_000, auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
});

function request(
  idempotencyKey: string,
  agencyCode = 'KALTIM',
  selectionId = 'sel-2026-01',
): VacancyAnnouncementRequest {
  const base = sampleRequest(2);
  return {
    ...base,
    idempotencyKey,
    agency: { ...base.agency, code: agencyCode },
    selection: { ...base.selection, id: selectionId },
  };
}

describe('document service', () => {
  it('issues once per idempotency key, even for concurrent requests', async () => {
    const req = request('idem-1', 'IDEM', 'sel-idem');
    const [a, b] = await Promise.all([client.issueVacancyAnnouncement(req), client.issueVacancyAnnouncement(req)]);
    const c = await client.issueVacancyAnnouncement(req);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a.number).toBe('800.1.2.2/0001/BKD/2026');
    expect(a.verificationCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}$/);
    expect(await service.conn.collection('documents').countDocuments({ agencyCode: 'IDEM' })).toBe(1);
    expect(await service.conn.collection('numberClaims').countDocuments({ agencyCode: 'IDEM' })).toBe(1);
    expect((await client.listDocuments({ selectionId: 'sel-idem' })).map((d) => d.id)).toEqual([a.id]);
  });

  it('answers 201 for a new document and 200 for a repeat', async () => {
    const body = JSON.stringify(request('idem-status', 'STATUS'));
    const post = async () =>
      fetch(`${service.url}/documents`, {
        method: 'POST',
        headers: await operatorHeaders('document', { 'content-type': 'application/json' }),
        body,
      });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
  });

  it('gives 20 concurrent issues in one agency and year 20 distinct consecutive numbers', async () => {
    const docs = await Promise.all(
      Array.from({ length: 20 }, (_, i) => client.issueVacancyAnnouncement(request(`race-${i}`, 'RACE'))),
    );
    const numbers = docs.map((d) => d.number).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `800.1.2.2/${String(i + 1).padStart(4, '0')}/BKD/2026`),
    );
    expect(new Set(docs.map((d) => d.id)).size).toBe(20);
    expect(new Set(docs.map((d) => d.verificationCode)).size).toBe(20);
    // Another agency has its own sequence.
    expect((await client.issueVacancyAnnouncement(request('other-1', 'OTHER'))).number).toBe('800.1.2.2/0001/BKD/2026');
  });

  it('serves the PDF whose SHA-256 is the stored one, and verifies by code and by file', async () => {
    const doc = await client.issueVacancyAnnouncement(request('pdf-1', 'PDF', 'sel-pdf'));
    const pdf = (await client.getPdf(doc.id))!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe('pengumuman-800.1.2.2-0001-BKD-2026.pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBe(doc.sizeBytes);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(doc.sha256);

    expect(await client.getDocument(doc.id)).toEqual(doc);
    const valid = {
      status: 'VALID',
      document: doc,
      latest: null,
      signature: expect.objectContaining({ status: 'VALID' }),
    };
    expect(await client.verifyCode(doc.verificationCode.toLowerCase())).toEqual({ ...valid, fileSha256: null });
    expect(await client.verifyCode('ZZZZZZZZZZ')).toMatchObject({ status: 'NOT_FOUND', document: null });
    expect(await client.verifyFile(pdf.bytes)).toEqual({ ...valid, fileSha256: doc.sha256 });
    expect(await client.verifyFile(pdf.bytes, doc.verificationCode)).toEqual({ ...valid, fileSha256: doc.sha256 });

    // One changed bit anywhere fails, with or without the code.
    const tampered = Buffer.from(pdf.bytes);
    const at = Math.floor(tampered.length / 2);
    tampered[at] = tampered[at]! ^ 0x01;
    expect(await client.verifyFile(tampered)).toMatchObject({ status: 'FILE_MISMATCH', document: null });
    expect(await client.verifyFile(tampered, doc.verificationCode)).toMatchObject({
      status: 'FILE_MISMATCH',
      document: { id: doc.id },
    });
    expect(await serviceError(client.verifyFile(Buffer.from('not a pdf')))).toEqual([400, 'VALIDATION_FAILED', 'file']);
  });

  it('rejects an invalid request before claiming a number', async () => {
    const bad = request('bad-1', 'BAD');
    bad.selection.vacancies = [];
    const err = await client.issueVacancyAnnouncement(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect([(err as ServiceError).status, (err as ServiceError).code, (err as ServiceError).field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'selection.vacancies',
    ]);
    expect(await service.conn.collection('numberClaims').countDocuments({ agencyCode: 'BAD' })).toBe(0);
    expect(await client.getDocument('missing')).toBeNull();
    expect(await client.getPdf('missing')).toBeNull();
  });
});

describe('PAdES signature', () => {
  it('signs every document at issue: pdfsig accepts it with the development CA trusted and rejects a changed byte', async () => {
    const doc = await client.issueVacancyAnnouncement(request('sig-1', 'SIG', 'sel-sig'));
    const pdf = (await client.getPdf(doc.id))!.bytes;
    const report = pdfsigOf(pdf, DEV_TRUST_ANCHORS);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Certificate Validation: Certificate is Trusted.');
    expect(report).toContain('Signer Certificate Common Name: Pejabat Penandatangan Pengembangan');

    // A byte of the page content changed (outside the signature value): the digest no longer matches.
    const changed = Buffer.from(pdf);
    const at = pdf.indexOf('stream') + 20;
    changed[at] = changed[at]! ^ 0x01;
    const broken = pdfsigOf(changed, DEV_TRUST_ANCHORS);
    expect(broken).not.toContain('Signature is Valid');
    expect(broken).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);

    // A repeat of the issue returns the same signed bytes, not a second signature.
    const again = await client.issueVacancyAnnouncement(request('sig-1', 'SIG', 'sel-sig'));
    expect(again).toEqual(doc);
    expect((await client.getPdf(doc.id))!.bytes.equals(pdf)).toBe(true);

    // The verification answer names the signer and the certificate's issuer and validity.
    expect((await client.verifyCode(doc.verificationCode)).signature).toMatchObject({
      status: 'VALID',
      signer: 'Pejabat Penandatangan Pengembangan',
      issuer: expect.stringContaining('Seleksi JPT Development CA'),
      validTo: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('does not verify a forged file after the stored hash was edited to match it', async () => {
    const doc = await client.issueVacancyAnnouncement(request('sig-forge', 'FORGE', 'sel-forge'));
    const pdf = (await client.getPdf(doc.id))!.bytes;
    // The forger changes the page content and writes the forged file's hash into the record.
    const forged = Buffer.from(pdf);
    const at = pdf.indexOf('stream') + 20;
    forged[at] = forged[at]! ^ 0x01;
    const forgedSha = createHash('sha256').update(forged).digest('hex');
    await service.conn.collection('documents').updateOne({ _id: doc.id as never }, { $set: { sha256: forgedSha } });

    for (const answer of [await client.verifyFile(forged, doc.verificationCode), await client.verifyFile(forged)]) {
      expect(answer).toMatchObject({
        status: 'SIGNATURE_INVALID',
        document: { id: doc.id },
        fileSha256: forgedSha,
        signature: { status: 'INVALID', signer: 'Pejabat Penandatangan Pengembangan' },
      });
    }

    // An unsigned forgery (no signature at all) is refused the same way.
    const unsigned = Buffer.from(pdf.toString('latin1').replace('/ByteRange', '/NoRange'), 'latin1');
    const unsignedSha = createHash('sha256').update(unsigned).digest('hex');
    await service.conn.collection('documents').updateOne({ _id: doc.id as never }, { $set: { sha256: unsignedSha } });
    expect(await client.verifyFile(unsigned, doc.verificationCode)).toMatchObject({
      status: 'SIGNATURE_INVALID',
      signature: { status: 'MISSING' },
    });

    // Stored bytes replaced in the database: the check by code alone reads and checks them too.
    await service.conn.collection('documentFiles').updateOne({ _id: doc.id as never }, { $set: { bytes: forged } });
    expect(await client.verifyCode(doc.verificationCode)).toMatchObject({
      status: 'SIGNATURE_INVALID',
      signature: { status: 'INVALID' },
    });
  });
});

describe('documents issued before signing, and the printed chain head', () => {
  it('answers an unsigned document stored before the store first signed as UNSIGNED_LEGACY, one after as a forgery', async () => {
    const doc = await client.issueVacancyAnnouncement(request('legacy-1', 'LEGACY', 'sel-legacy'));
    const signed = (await client.getPdf(doc.id))!.bytes;
    // As a document of before signing was stored: unsigned bytes, the record's hash of them.
    const unsigned = Buffer.from(signed.toString('latin1').replace('/ByteRange', '/NoRange'), 'latin1');
    const sha = createHash('sha256').update(unsigned).digest('hex');
    const since = (await service.conn.collection('serviceMeta').findOne({ _id: 'signingSince' as never }))!.at as Date;
    await service.conn.collection('documents').updateOne({ _id: doc.id as never }, { $set: { sha256: sha } });
    const files = service.conn.collection('documentFiles');
    await files.updateOne(
      { _id: doc.id as never },
      { $set: { bytes: unsigned, sha256: sha, createdAt: new Date(since.getTime() - 86_400_000) } },
    );
    expect(await client.verifyCode(doc.verificationCode)).toMatchObject({
      status: 'UNSIGNED_LEGACY',
      document: { id: doc.id },
      signature: { status: 'MISSING' },
    });
    expect(await client.verifyFile(unsigned, doc.verificationCode)).toMatchObject({ status: 'UNSIGNED_LEGACY' });

    // The same unsigned file stored after signing began cannot be a document of before: a forgery.
    await files.updateOne({ _id: doc.id as never }, { $set: { createdAt: new Date(since.getTime() + 1000) } });
    expect(await client.verifyCode(doc.verificationCode)).toMatchObject({ status: 'SIGNATURE_INVALID' });
  });

  it('prints and records the chain head a request carries; a correction prints the one it is given', async () => {
    const head = { seq: 12, hash: 'ab'.repeat(32) };
    const doc = await client.issueDocument(
      official('chain-head-1', 'HEAD', sampleMinutesRequest(2), { selectionId: 'sel-head', auditChainHead: head }),
    );
    expect(doc.auditChainHead).toEqual(head);
    const text = pagesOf((await client.getPdf(doc.id))!.bytes).join('\n');
    expect(text).toContain(`Rantai catatan keputusan: tautan ke-12, ${head.hash}`);

    const later = { seq: 15, hash: 'cd'.repeat(32) };
    const fixed = await client.correctDocument(doc.id, {
      idempotencyKey: 'chain-head-1-fix',
      reason: 'Salah ketik',
      correctedBy: { userId: 'u-1', displayName: 'Sekretaris' },
      changes: { title: 'BERITA ACARA YANG DIPERBAIKI' },
      auditChainHead: later,
    });
    expect(fixed.auditChainHead).toEqual(later);

    const bad = await serviceError(
      client.issueDocument(
        official('chain-head-bad', 'HEAD', sampleMinutesRequest(2), { auditChainHead: { seq: 0, hash: 'x' } }),
      ),
    );
    expect(bad.slice(0, 2)).toEqual([400, 'VALIDATION_FAILED']);
  });
});

function official(
  idempotencyKey: string,
  agencyCode: string,
  base: OfficialDocumentRequest = sampleMinutesRequest(3),
  overrides: Partial<OfficialDocumentRequest> = {},
): OfficialDocumentRequest {
  return { ...base, idempotencyKey, agency: { ...base.agency, code: agencyCode }, ...overrides };
}

async function serviceError(promise: Promise<unknown>): Promise<[number, string, string | undefined]> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ServiceError);
  const { status, code, field } = err as ServiceError;
  return [status, code, field];
}

describe('official documents', () => {
  it('issues once per idempotency key with one number, even for concurrent requests', async () => {
    const req = official('off-idem-1', 'OFFIDEM');
    const [a, b] = await Promise.all([client.issueDocument(req), client.issueDocument(req)]);
    const c = await client.issueDocument(req);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(a).toMatchObject({
      kind: 'ADMINISTRATIVE_RESULT_MINUTES',
      agencyCode: 'OFFIDEM',
      selectionId: 'sel-2026-01',
      number: '800.1.2.2/001/Pansel/2026',
      title: 'Berita Acara Hasil Seleksi Administrasi',
      visibility: 'RESTRICTED',
    });
    expect(await service.conn.collection('documents').countDocuments({ agencyCode: 'OFFIDEM' })).toBe(1);
    expect(await service.conn.collection('numberClaims').countDocuments({ agencyCode: 'OFFIDEM' })).toBe(1);
  });

  it('numbers each kind from its own register, per agency and year', async () => {
    const issue = (key: string, base: OfficialDocumentRequest, overrides: Partial<OfficialDocumentRequest> = {}) =>
      client.issueDocument(official(key, 'KINDS', base, overrides));
    const numbers = [
      (await issue('k-decree', sampleDecreeRequest())).number,
      (await issue('k-appointment', sampleDecreeRequest(), { kind: 'APPOINTMENT_DECREE' })).number,
      (await issue('k-minutes', sampleMinutesRequest(2))).number,
      (await issue('k-score', sampleMinutesRequest(2), { kind: 'SCORE_SHEET' })).number,
      (await client.issueDocument(request('k-announcement', 'KINDS'))).number,
      (await issue('k-extension', sampleMinutesRequest(1), { kind: 'EXTENSION_NOTICE', visibility: 'PUBLIC' })).number,
      // The letter fixtures are dated 2027: a new year starts each register again.
      (await issue('k-recommendation', sampleLetterRequest(), { kind: 'OVERSEER_RECOMMENDATION' })).number,
      (await issue('k-inauguration', sampleMinutesRequest(1), { kind: 'INAUGURATION_MINUTES' })).number,
      (await issue('k-letter', sampleLetterRequest())).number,
    ];
    expect(numbers).toEqual([
      '800.1.2.2/K.1/2026',
      '800.1.3.3/K.2/2026',
      '800.1.2.2/001/Pansel/2026',
      '800.1.2.2/002/Pansel/2026',
      '800.1.2.2/0001/BKD/2026',
      '800.1.2.2/0002/BKD/2026',
      '800.1.2.2/001/REK/2027',
      '800.1.3.3/0001/BKD/2026',
      '800.1.2.2/0001/BKD/2027',
    ]);
    const docs = await client.listDocuments({ selectionId: 'sel-2026-01' });
    const mine = docs.filter((d) => d.agencyCode === 'KINDS');
    expect(mine).toHaveLength(numbers.length);
    expect(mine.find((d) => d.kind === 'EXTENSION_NOTICE')?.visibility).toBe('PUBLIC');
  });

  it('issues the talent route documents: the KRS decision in the decree register, the proposal as a letter', async () => {
    const decree = await client.issueDocument(official('t-decree', 'TALENT', sampleDecreeRequest()));
    const krs = await client.issueDocument(official('t-krs', 'TALENT', sampleSuccessionGroupDecisionRequest()));
    const again = await client.issueDocument(official('t-krs', 'TALENT', sampleSuccessionGroupDecisionRequest()));
    const proposal = await client.issueDocument(official('t-proposal', 'TALENT', sampleSuccessorProposalRequest()));
    expect([decree.number, krs.number, proposal.number]).toEqual([
      '800.1.2.2/K.1/2026',
      '800.1.3.3/K.2/2026',
      '800.1.3.3/0001/BKD/2027',
    ]);
    expect(again).toEqual(krs);
    expect(krs).toMatchObject({ kind: 'SUCCESSION_GROUP_DECISION', selectionId: null, visibility: 'PUBLIC' });
    expect(proposal).toMatchObject({ kind: 'SUCCESSOR_PROPOSAL', selectionId: null, visibility: 'RESTRICTED' });
    const pdf = (await client.getPdf(krs.id))!;
    expect(pdf.filename).toBe('keputusan-kelompok-rencana-suksesi-800.1.3.3-K.2-2026.pdf');
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(krs.sha256);
    expect((await client.getPdf(proposal.id))!.filename).toBe('usulan-suksesor-800.1.3.3-0001-BKD-2027.pdf');
    expect(await client.verifyCode(krs.verificationCode)).toMatchObject({ status: 'VALID', document: krs });
  });

  it('rejects bad input with 400 and the failing field, before claiming a number', async () => {
    const bad = (overrides: Partial<OfficialDocumentRequest>) =>
      serviceError(client.issueDocument(official('bad-official', 'BADOFF', sampleMinutesRequest(2), overrides)));
    expect(await bad({ paragraphs: ['{{table:1}}'] })).toEqual([400, 'VALIDATION_FAILED', 'paragraphs.0']);
    expect(await bad({ date: '2026-02-30' })).toEqual([400, 'VALIDATION_FAILED', 'date']);
    expect(await bad({ title: '  ' })).toEqual([400, 'VALIDATION_FAILED', 'title']);
    expect(await bad({ kind: 'NOT_A_KIND' as OfficialDocumentRequest['kind'] })).toEqual([
      400,
      'VALIDATION_FAILED',
      'kind',
    ]);
    const ragged = sampleMinutesRequest(2);
    ragged.tables![0]!.rows[1] = ['2.'];
    expect(await bad({ tables: ragged.tables! })).toEqual([400, 'VALIDATION_FAILED', 'tables.0.rows.1']);
    expect(await bad({ signatory: { name: 'X', title: '' } })).toEqual([400, 'VALIDATION_FAILED', 'signatory.title']);
    expect(await service.conn.collection('numberClaims').countDocuments({ agencyCode: 'BADOFF' })).toBe(0);
  });

  it('refuses an idempotency key reused for another kind', async () => {
    const first = await client.issueDocument(official('reuse-1', 'REUSE'));
    const again = official('reuse-1', 'REUSE', sampleDecreeRequest());
    expect(await serviceError(client.issueDocument(again))).toEqual([409, 'CONFLICT', 'idempotencyKey']);
    expect(await client.getDocument(first.id)).toEqual(first);
  });

  it('serves the PDF whose SHA-256 is the stored one, and verifies by code and by file', async () => {
    const doc = await client.issueDocument(official('off-pdf-1', 'OFFPDF', sampleDecreeRequest()));
    const pdf = (await client.getPdf(doc.id))!;
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.filename).toBe('keputusan-pansel-800.1.2.2-K.1-2026.pdf');
    expect(pdf.bytes.length).toBe(doc.sizeBytes);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).toBe(doc.sha256);

    const proxy = await getDocumentProxy(new Uint8Array(pdf.bytes));
    const { text } = await extractText(proxy, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`KEPUTUSAN GUBERNUR KALIMANTAN TIMUR NOMOR ${doc.number} TENTANG`);
    expect(flat).toContain(`Kode verifikasi: ${doc.verificationCode}`);
    expect(flat).toContain(`https://seleksi.example.go.id/verifikasi/${doc.verificationCode}`);

    expect(await client.verifyCode(doc.verificationCode.toLowerCase())).toMatchObject({
      status: 'VALID',
      document: doc,
    });
    expect(await client.verifyFile(pdf.bytes)).toMatchObject({ status: 'VALID', document: doc });
    expect(doc).toMatchObject({
      date: '2026-11-02',
      version: 1,
      supersedesId: null,
      supersededById: null,
      issuedBy: { agencyName: 'Pemerintah Provinsi Kalimantan Timur' },
    });
  });
});

describe('staged document parts', () => {
  it('keeps a part by key and index, replaced by a retry, and reads it back as put', async () => {
    const key = `open-selection/JPT-2026-PARTS:SCORE_SHEET:${randomUUID().slice(0, 8)}`;
    const rows = Array.from({ length: 250 }, (_x, i) => ({ applicationId: `V1.c${i}`, total: 80 - i / 10 }));
    await client.putDocumentPart(key, 0, { applications: rows, ranking: [] });
    await client.putDocumentPart(key, 1, { applications: [{ applicationId: 'V1.first' }], ranking: [] });
    await client.putDocumentPart(key, 1, { applications: [{ applicationId: 'V1.retried' }], ranking: [] });
    expect(await client.getDocumentPart(key, 0)).toEqual({ applications: rows, ranking: [] });
    expect(await client.getDocumentPart(key, 1)).toEqual({
      applications: [{ applicationId: 'V1.retried' }],
      ranking: [],
    });
    expect(await client.getDocumentPart(key, 2)).toBeNull();
    expect(
      await service.conn
        .collection('documentParts')
        .countDocuments({ _id: { $in: [`${key}#0`, `${key}#1`] } as never }),
    ).toBe(2);
  });

  it('refuses an empty part or a bad index with a typed error', async () => {
    expect(await serviceError(client.http.put('/document-parts/k/0', { part: null }))).toEqual([
      400,
      'VALIDATION_FAILED',
      'part',
    ]);
    expect(await serviceError(client.putDocumentPart('k', -1, { applications: [] }))).toEqual([
      400,
      'VALIDATION_FAILED',
      'index',
    ]);
  });
});

describe('corrections', () => {
  const correction = (key: string, changes: Record<string, unknown>, reason = 'Salah ketik nama anggota') => ({
    idempotencyKey: key,
    reason,
    correctedBy: { userId: 'u-secretary', displayName: 'Sekretaris Pansel' },
    changes,
  });

  it('issues a new version with a new number that references the old one, which stays as it was', async () => {
    const original = await client.issueDocument(official('corr-orig', 'CORR', sampleMinutesRequest(3)));
    const originalPdf = (await client.getPdf(original.id))!;
    const source = (await client.getDocumentSource(original.id)) as OfficialDocumentRequest;
    const paragraphs = [...source.paragraphs];
    paragraphs[0] = `${paragraphs[0]} (diperbaiki)`;

    const fixed = await client.correctDocument(original.id, correction('corr-1', { paragraphs }));
    expect(fixed).toMatchObject({
      kind: original.kind,
      version: 2,
      supersedesId: original.id,
      supersededById: null,
      correctionReason: 'Salah ketik nama anggota',
      selectionId: original.selectionId,
    });
    expect(fixed.number).not.toBe(original.number);
    const register = (n: string) => n.split('/').filter((_, i) => i !== 1); // the number without its sequence
    expect(register(fixed.number)).toEqual(register(original.number));
    expect(fixed.verificationCode).not.toBe(original.verificationCode);

    // The original is unchanged, byte for byte, and now says who replaced it.
    const again = (await client.getPdf(original.id))!;
    expect(createHash('sha256').update(again.bytes).digest('hex')).toBe(original.sha256);
    expect(await client.getDocument(original.id)).toEqual({ ...original, supersededById: fixed.id });
    // The batch read answers the same DTOs, in the order asked, null where unknown.
    expect(await client.getDocumentsByIds([fixed.id, 'tidak-ada', original.id])).toEqual([
      await client.getDocument(fixed.id),
      null,
      { ...original, supersededById: fixed.id },
    ]);
    expect(((await client.getDocumentSource(fixed.id)) as OfficialDocumentRequest).paragraphs[0]).toMatch(/diperbaiki/);

    // The correction prints what it replaces and why.
    const proxy = await getDocumentProxy(new Uint8Array((await client.getPdf(fixed.id))!.bytes));
    const text = (await extractText(proxy, { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain(`perbaikan atas dokumen Nomor ${original.number}`);
    expect(text).toContain('Salah ketik nama anggota');

    // Verification of the old code says it was superseded and names the version in force.
    expect(await client.verifyCode(original.verificationCode)).toMatchObject({
      status: 'SUPERSEDED',
      document: { id: original.id, supersededById: fixed.id },
      latest: { id: fixed.id, version: 2 },
    });
    expect(await client.verifyFile(originalPdf.bytes)).toMatchObject({
      status: 'SUPERSEDED',
      latest: { id: fixed.id },
    });
    expect((await client.listVersions(fixed.id))?.map((d) => d.version)).toEqual([1, 2]);
    expect(
      (await client.listDocuments({ selectionId: original.selectionId! })).find((d) => d.id === original.id),
    ).toMatchObject({ supersededById: fixed.id });

    // A retry gives the same correction; a second correction of the old version is refused.
    expect(await client.correctDocument(original.id, correction('corr-1', { paragraphs }))).toEqual(fixed);
    expect(await serviceError(client.correctDocument(original.id, correction('corr-2', { title: 'Lain' })))).toEqual([
      409,
      'CONFLICT',
      'documentId',
    ]);
    // The newest version can be corrected in turn.
    const third = await client.correctDocument(
      fixed.id,
      correction('corr-3', { title: 'BERITA ACARA (PERBAIKAN KEDUA)' }),
    );
    expect(third).toMatchObject({ version: 3, supersedesId: fixed.id, title: 'BERITA ACARA (PERBAIKAN KEDUA)' });
  });

  it('lets exactly one of two concurrent corrections of a document win', async () => {
    const original = await client.issueDocument(official('corr-race', 'CORRACE', sampleMinutesRequest(1)));
    const results = await Promise.allSettled(
      ['a', 'b', 'c'].map((k) => client.correctDocument(original.id, correction(`race-${k}`, { title: `Versi ${k}` }))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as ServiceError).status).toBe(409);
    }
    expect((await client.listVersions(original.id))?.length).toBe(2);
  });

  it('refuses changes that the document kind does not have, before reserving anything', async () => {
    const original = await client.issueDocument(official('corr-bad', 'CORRBAD', sampleMinutesRequest(1)));
    const bad = (changes: Record<string, unknown>) =>
      serviceError(client.correctDocument(original.id, correction('corr-bad-1', changes)));
    expect(await bad({ requirements: ['x'] })).toEqual([400, 'VALIDATION_FAILED', 'changes']);
    expect(await bad({ paragraphs: ['{{table:9}}'] })).toEqual([400, 'VALIDATION_FAILED', 'changes.paragraphs.0']);
    expect(await bad({ date: '2026-13-01' })).toEqual([400, 'VALIDATION_FAILED', 'changes.date']);
    // Nothing was reserved: a valid correction still goes through.
    expect((await client.correctDocument(original.id, correction('corr-bad-2', { title: 'Baik' }))).version).toBe(2);
    expect(await serviceError(client.correctDocument('no-such-id', correction('x', { title: 'x' })))).toEqual([
      404,
      'NOT_FOUND',
      undefined,
    ]);
  });

  it('corrects a vacancy announcement', async () => {
    const original = await client.issueVacancyAnnouncement(request('corr-ann', 'CORRANN', 'sel-corr-ann'));
    const fixed = await client.correctDocument(
      original.id,
      correction(
        'corr-ann-1',
        { requirements: ['Berpendidikan paling rendah sarjana atau diploma IV'] },
        'Syarat keliru',
      ),
    );
    expect(fixed).toMatchObject({ kind: 'VACANCY_ANNOUNCEMENT', version: 2, supersedesId: original.id });
    const source = (await client.getDocumentSource(fixed.id)) as VacancyAnnouncementRequest;
    expect(source.selection.requirements).toEqual(['Berpendidikan paling rendah sarjana atau diploma IV']);
  });

  it('refuses any update or delete of issued documents through the models', async () => {
    const doc = await client.issueDocument(official('immutable-1', 'IMMUT', sampleMinutesRequest(1)));
    const models = service.conn.models;
    await expect(models.Document!.updateOne({ _id: doc.id }, { $set: { title: 'x' } })).rejects.toThrow(/immutable/);
    await expect(models.DocumentFile!.deleteOne({ _id: doc.id })).rejects.toThrow(/immutable/);
    expect(await client.getDocument(doc.id)).toEqual(doc);
  });
});
