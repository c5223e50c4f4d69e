/**
 * The audit record proves itself: each record is a link of a hash chain per selection. Decisions run
 * through the gateway on a real Temporal dev server and FerretDB; then records are edited, deleted and
 * forged directly in the store, and `verifyAudit` and the command-line verifier name the first broken link.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf, type AuditRecordDto } from '@seleksi/domain';
import { connectDatabase, initModels } from '@seleksi/kit';
import { pagesOf } from '../services/document/src/pdf/test-poppler';
import { createCandidateModels } from '../services/candidate/src/models';
import {
  chainLegacyAuditRecords,
  createAuditRecordRepository,
} from '../services/candidate/src/repositories/audit-records';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';

const AGENCY = testAgency('CHAIN');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('chain');
const SECRETARY = 'chain-sec';
const OVERSEER = 'chain-overseer';
const CANDIDATE = 'chain-cand-1';
const OTHER_SECRETARY = 'chain-sec-other';

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OTHER_SECRETARY, 'PANSEL_SECRETARY', 'OTHER'),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  testUser(CANDIDATE, 'CANDIDATE', AGENCY.code, 'chain-asn-1'),
];

const CLI = fileURLToPath(new URL('../services/candidate/src/verify-audit.ts', import.meta.url));

let stack: Stack;
let d: SelectionDriver;
let store: mongoose.Connection;
let records: mongoose.mongo.Collection;

interface Verification {
  ok: boolean;
  length: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; decisionId: string | null; problem: string; message: string } | null;
}

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'chain' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertProfile(eligibleProfile('chain-asn-1', AGENCY.code, 1));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  store = await connectDatabase({ uri: inject('mongoUri'), dbName: `${stack.prefix}_candidate` });
  records = store.db!.collection('auditRecords');
});

afterAll(async () => {
  await store?.close();
  await stack?.close();
});

async function verify(selectionId: string, as: string | null = null): Promise<Verification> {
  const r = await d.gql<{ verifyAudit: Verification }>(
    as,
    `query($s: ID!) { verifyAudit(selectionId: $s) {
      ok length head { seq hash } firstBroken { seq decisionId problem message } } }`,
    { s: selectionId },
  );
  return must(r).verifyAudit;
}

/** Runs the command-line verifier (`npm run verify-audit`) on the same store. */
async function cli(selectionId: string): Promise<{ code: number; out: string }> {
  const env = { ...process.env, MONGODB_URI: inject('mongoUri'), CANDIDATE_DB: `${stack.prefix}_candidate` };
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, selectionId], {
      env,
      timeout: 120_000,
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

const bySeq = async (selectionId: string, seq: number) => {
  const doc = await records.findOne({ selectionId, seq });
  if (!doc) throw new Error(`no link ${seq}`);
  return doc;
};

describe('the chained audit record', () => {
  let s: string;

  it('chains every decision of a round; verifyAudit is public once the round is announced', async () => {
    const created = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Uji Rantai Audit',
        announcementDate: localDateOf(new Date(), AGENCY.timeZone),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji', field: 'Pendidikan' }],
        simulationSecondsPerDay: 30,
        rules: { registrationDays: 10, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      }),
    ).createSelection;
    s = created.id;
    await d.waitForReadModel(SECRETARY, s);
    must(await d.setPansel(SECRETARY, s, PANSEL, '800/1/BKD'));
    // A planned round: its staff verify it; anyone else does not learn it exists.
    await eventually(async () => (await verify(s, SECRETARY)).length >= 1);
    expectError(await d.gql(null, 'query($s: ID!) { verifyAudit(selectionId: $s) { ok } }', { s }), 'NOT_FOUND');
    expectError(
      await d.gql(OTHER_SECRETARY, 'query($s: ID!) { verifyAudit(selectionId: $s) { ok } }', { s }),
      'NOT_FOUND',
    );

    must(await d.submitPlan(SECRETARY, s));
    await d.waitForStage(SECRETARY, s, 'PLAN_APPROVAL');
    must(
      await d.overseerDecision(OVERSEER, s, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Rencana seleksi sesuai ketentuan',
        reference: 'B-1/KASN/2026',
      }),
    );
    await d.waitForStage(SECRETARY, s, 'REGISTRATION_OPEN');
    must(await d.apply(CANDIDATE, created.vacancies[0]!.id));

    const v = await eventually(async () => {
      const r = await verify(s);
      return r.length >= 4 ? r : null;
    });
    expect(v).toMatchObject({ ok: true, firstBroken: null, head: { seq: v.length } });
    expect(v.head!.hash).toMatch(/^[0-9a-f]{64}$/);
    const seqs = (await records.find({ selectionId: s }).toArray()).map((r) => r.seq as number).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: v.length }, (_, i) => i + 1));
  });

  it("prints the chain head on the round's documents; verifying one checks the printed link against the chain", async () => {
    interface Row {
      id: string;
      kind: string;
      verificationCode: string;
      auditChainHead: { seq: number; hash: string } | null;
    }
    const announcement = await eventually(async () => {
      const r = must(
        await d.gql<{ selectionDocuments: { edges: { node: Row }[] } }>(
          null,
          `query($s: ID!) { selectionDocuments(selectionId: $s, first: 50) {
            edges { node { id kind verificationCode auditChainHead { seq hash } } } } }`,
          { s },
        ),
      );
      return r.selectionDocuments.edges.map((e) => e.node).find((n) => n.kind === 'VACANCY_ANNOUNCEMENT') ?? null;
    });
    const printed = announcement.auditChainHead!;
    expect(printed.seq).toBeGreaterThanOrEqual(1);
    expect(printed.hash).toBe(String((await bySeq(s, printed.seq)).hash));
    // On the paper, in the verification box.
    const pdf = Buffer.from(await (await fetch(`${stack.gateway.url}/documents/${announcement.id}.pdf`)).arrayBuffer());
    expect(pagesOf(pdf).join('\n')).toContain(`tautan ke-${printed.seq}, ${printed.hash}`);

    const check = async () =>
      must(
        await d.gql<{
          verifyDocument: {
            status: string;
            document: { auditChainHead: { seq: number } | null };
            auditChain: { ok: boolean; printedHeadFound: boolean | null } | null;
            auditChainMessage: string | null;
          };
        }>(
          null,
          `query($c: String) { verifyDocument(code: $c) {
            status document { auditChainHead { seq } } auditChain { ok printedHeadFound } auditChainMessage } }`,
          { c: announcement.verificationCode },
        ),
      ).verifyDocument;
    const before = await check();
    expect(before).toMatchObject({ status: 'VALID', auditChain: { ok: true, printedHeadFound: true } });
    expect(before.auditChainMessage).toMatch(/^Utuh/);
    const page = await (await fetch(`${stack.gateway.url}/verifikasi/${announcement.verificationCode}`)).text();
    expect(page).toContain('Rantai catatan keputusan');
    expect(page).toContain(printed.hash);

    // Anyone holding the paper asks verifyAudit with the printed link.
    const withPrinted = async (seq: number, hash: string) =>
      must(
        await d.gql<{ verifyAudit: { printedHeadFound: boolean | null } }>(
          null,
          'query($s: ID!, $q: Int, $h: String) { verifyAudit(selectionId: $s, printedSeq: $q, printedHash: $h) { printedHeadFound } }',
          { s, q: seq, h: hash },
        ),
      ).verifyAudit.printedHeadFound;
    expect(await withPrinted(printed.seq, printed.hash)).toBe(true);
    expect(await withPrinted(printed.seq, 'e'.repeat(64))).toBe(false);
    expectError(
      await d.gql(null, 'query($s: ID!) { verifyAudit(selectionId: $s, printedSeq: 1) { ok } }', { s }),
      'VALIDATION_FAILED',
      'printedHash',
    );

    // A decision before the printed link edited in the store: the paper no longer matches the record.
    const link = await bySeq(s, 1);
    await records.updateOne({ _id: link._id }, { $set: { reason: 'Alasan yang dipalsukan' } });
    try {
      const after = await check();
      expect(after).toMatchObject({ status: 'VALID', auditChain: { ok: false, printedHeadFound: false } });
      expect(after.auditChainMessage).toMatch(/^Tidak cocok/);
    } finally {
      await records.updateOne({ _id: link._id }, { $set: { reason: link.reason } });
    }
    expect((await check()).auditChain).toMatchObject({ ok: true, printedHeadFound: true });
  });

  it('answers the stored record to a retry with the same decisionId, never a second link', async () => {
    const first = await bySeq(s, 1);
    const dto: AuditRecordDto = {
      decisionId: String(first._id),
      selectionId: s,
      workflowId: first.workflowId as string,
      kind: first.kind as string,
      by: first.by as AuditRecordDto['by'],
      at: new Date().toISOString(),
      reason: 'dicoba ulang',
      subjectId: (first.subjectId as string | null) ?? null,
      payload: {},
    };
    const before = await verify(s);
    const again = await stack.clients.candidate.recordAudit(dto);
    expect(again).toMatchObject({ created: false, decisionId: dto.decisionId, reason: first.reason });
    expect(await verify(s)).toEqual(before);
  });

  it('names an edited reason', async () => {
    const link = await bySeq(s, 2);
    await records.updateOne({ _id: link._id }, { $set: { reason: 'Alasan yang dipalsukan' } });
    const v = await verify(s);
    expect(v).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, decisionId: String(link._id), problem: 'HASH_MISMATCH' },
      head: { seq: 1 },
    });
    expect(v.firstBroken!.message).toContain('diubah');
    const run = await cli(s);
    expect(run.code, run.out).toBe(1);
    expect(run.out).toContain(`BROKEN ${s}: link 2 (${String(link._id)}) HASH_MISMATCH`);

    await records.updateOne({ _id: link._id }, { $set: { reason: link.reason } });
    expect((await verify(s)).ok).toBe(true);
  });

  it('names a deleted middle record', async () => {
    const gone = await bySeq(s, 2);
    const next = await bySeq(s, 3);
    await records.deleteOne({ _id: gone._id });
    expect(await verify(s)).toMatchObject({
      ok: false,
      firstBroken: { seq: 2, decisionId: String(next._id), problem: 'MISSING_LINK' },
    });
    await records.insertOne(gone);
    expect((await verify(s)).ok).toBe(true);
  });

  it('names a forged record inserted between two others, and one written around the chain', async () => {
    const second = await bySeq(s, 2);
    const forged = {
      ...second,
      _id: `forged-${randomUUID()}`,
      reason: 'Keputusan palsu',
      seq: 2.5,
      prevHash: second.hash,
      hash: 'f'.repeat(64),
    };
    await records.insertOne(forged as never);
    expect(await verify(s)).toMatchObject({
      ok: false,
      firstBroken: { seq: 3, decisionId: forged._id, problem: 'UNEXPECTED_SEQUENCE' },
    });
    await records.deleteOne({ _id: forged._id } as never);

    // Written around the chain: no sequence number, no hashes.
    const unchained: Record<string, unknown> = { ...second, _id: `forged-${randomUUID()}` };
    for (const key of ['seq', 'prevHash', 'hash']) delete unchained[key];
    await records.insertOne(unchained as never);
    expect(await verify(s)).toMatchObject({
      ok: false,
      firstBroken: { seq: 1, decisionId: unchained._id, problem: 'UNCHAINED' },
    });
    await records.deleteOne({ _id: unchained._id } as never);

    const v = await verify(s);
    expect(v.ok).toBe(true);
    const run = await cli(s);
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain(`OK ${s}: ${v.length} records, head ${v.head!.seq} ${v.head!.hash}`);
  });

  it('keeps one chain when two processes append to it at once', async () => {
    const chain = `race-${randomUUID()}`;
    // A second writer with its own connection, as a second candidate-service instance would be.
    const other = createAuditRecordRepository(createCandidateModels(store));
    const dto = (i: number): AuditRecordDto => ({
      decisionId: `${chain}-${i}`,
      selectionId: chain,
      workflowId: `selection:X:${chain}`,
      kind: 'RACE',
      by: { userId: 'u', role: 'ADMIN' },
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      reason: null,
      subjectId: null,
      payload: { i },
    });
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        i % 2 === 0 ? stack.clients.candidate.recordAudit(dto(i)) : other.record(dto(i)),
      ),
    );
    expect(results.every((r) => r.created)).toBe(true);
    const v = await stack.clients.candidate.verifyAudit(chain);
    expect(v).toMatchObject({ ok: true, length: 24, head: { seq: 24 } });
  });
});

describe('records stored before the chain existed', () => {
  it('are chained once, in their stored order, and the index follows', async () => {
    const conn = await connectDatabase({ uri: inject('mongoUri'), dbName: `${stack.prefix}_legacy` });
    try {
      const models = createCandidateModels(conn);
      const legacy = [3, 1, 2].map((i) => ({
        _id: `old-${i}`,
        selectionId: 'SEL-OLD',
        workflowId: 'selection:X:SEL-OLD',
        kind: 'OLD',
        by: { userId: 'u', role: 'ADMIN' },
        at: new Date(Date.UTC(2025, 5, 1, 0, 0, i)),
        reason: `alasan ${i}`,
        subjectId: null,
        payload: { i },
        recordedAt: new Date(Date.UTC(2025, 5, 1, 0, 0, i)),
      }));
      await conn.db!.collection('auditRecords').insertMany(legacy as never);
      expect(await chainLegacyAuditRecords(models.AuditRecord)).toBe(3);
      expect(await chainLegacyAuditRecords(models.AuditRecord)).toBe(0);
      await initModels(Object.values(models));
      const repo = createAuditRecordRepository(models);
      expect(await repo.verify('SEL-OLD')).toMatchObject({ ok: true, length: 3, head: { seq: 3 } });
      const order = await conn
        .db!.collection('auditRecords')
        .find({ selectionId: 'SEL-OLD' })
        .sort({ seq: 1 })
        .toArray();
      expect(order.map((r) => r._id)).toEqual(['old-1', 'old-2', 'old-3']);
      // A new decision continues the chain.
      await repo.record({
        decisionId: 'new-1',
        selectionId: 'SEL-OLD',
        workflowId: 'selection:X:SEL-OLD',
        kind: 'NEW',
        by: { userId: 'u', role: 'ADMIN' },
        at: new Date().toISOString(),
        reason: null,
        subjectId: null,
        payload: {},
      });
      expect(await repo.verify('SEL-OLD')).toMatchObject({ ok: true, length: 4, head: { seq: 4 } });
      // After the one-time chaining, a record slipped in without a link stays unchained and is reported.
      await conn.db!.collection('auditRecords').insertOne({ ...legacy[0], _id: 'slipped' } as never);
      expect(await chainLegacyAuditRecords(models.AuditRecord)).toBe(0);
      expect((await repo.verify('SEL-OLD')).firstBroken).toMatchObject({ decisionId: 'slipped', problem: 'UNCHAINED' });
    } finally {
      await conn.db!.dropDatabase();
      await conn.close();
    }
  });
});
