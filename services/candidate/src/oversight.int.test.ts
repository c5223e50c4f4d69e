/**
 * The candidate service's oversight reads on a real store: a record stored before audit records carried
 * their agency is tagged once at start (its chain still verifies), a round stored before selections kept
 * their stage's due time gets it from its stage event, new records carry their agency, and an open
 * round's stage brings its due time from the stage event.
 */
import mongoose from 'mongoose';
import { selectionWorkflowId, type AuditRecordDto } from '@seleksi/domain';
import {
  CandidateClient,
  operatorServiceAuth,
  stopTestService,
  testServiceEnv,
  type RunningService,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GENESIS_HASH, linkHash } from './audit-chain';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');
const by = { userId: 'u-ppk', role: 'PPK' as const };

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  const env = testServiceEnv('CANDIDATE', 'it_oversight', mongoUri);
  // A record as stored before the oversight view: chained, no agency.
  const conn = await mongoose.createConnection(mongoUri, { dbName: env.CANDIDATE_DB }).asPromise();
  const legacy = {
    _id: 'legacy-1',
    selectionId: 'S-OLD',
    workflowId: selectionWorkflowId('AGOLD', 'S-OLD'),
    kind: 'APPOINTEE_CHOSEN',
    by,
    at: new Date('2026-10-01T02:00:00.000Z'),
    reason: 'Lebih berpengalaman di daerah',
    subjectId: 'S-OLD-V1',
    payload: { applicationId: 'a', rank: 3, route: 'PPK' },
    recordedAt: new Date('2026-10-01T02:00:01.000Z'),
  };
  await conn
    .collection('auditRecords')
    .insertOne({ ...legacy, seq: 1, prevHash: GENESIS_HASH, hash: linkHash(legacy, 1, GENESIS_HASH) } as never);
  await conn.collection('auditChainMeta').insertOne({ _id: 'audit-chain-v1' } as never);
  // A round as stored before selections kept their stage's due time.
  await conn.collection('selections').insertOne({
    _id: 'R-OLD',
    agencyCode: 'AGOLD',
    title: 'Seleksi Lama',
    workflowId: selectionWorkflowId('AGOLD', 'R-OLD'),
    stage: 'OVERSEER_RECOMMENDATION',
    stageAt: new Date('2026-10-05T01:00:00.000Z'),
    timeZone: 'WITA',
    announcementDate: '2026-09-01',
    registrationClosesAt: new Date('2026-09-15T15:59:59.999Z'),
    vacancies: [],
    announcementDocumentId: null,
    simulation: false,
    createdBy: { userId: 'u-sec', role: 'PANSEL_SECRETARY' },
    createdAt: new Date('2026-09-01T00:00:00.000Z'),
    updatedAt: new Date('2026-10-05T01:00:00.000Z'),
  } as never);
  await conn.collection('stageEvents').insertOne({
    _id: 'R-OLD:ev',
    selectionId: 'R-OLD',
    eventId: 'ev',
    stage: 'OVERSEER_RECOMMENDATION',
    at: new Date('2026-10-05T01:00:00.000Z'),
    reasonCode: 'OVERSEER_REVIEW_STARTED',
    expectedNextAt: new Date('2026-10-12T08:00:00.000Z'),
    recordedAt: new Date('2026-10-05T01:00:00.000Z'),
    feedBucket: 0,
  } as never);
  await conn.close();
  service = await startCandidateService(loadCandidateConfig(env));
  client = new CandidateClient(service.url, { auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
});

describe('oversight reads', () => {
  it('tags a stored record with its agency at start, keeps its chain, and files new ones by agency', async () => {
    const old = await client.listAuditRecordsOfKind('APPOINTEE_CHOSEN', 'AGOLD');
    expect(old.map((r) => [r.decisionId, r.reason])).toEqual([['legacy-1', 'Lebih berpengalaman di daerah']]);
    expect((await client.verifyAudit('S-OLD')).ok).toBe(true);
    // The round stored before: its due time from its latest stage event.
    expect((await client.listOpenRounds('AGOLD')).map((r) => [r.selectionId, r.dueAt])).toEqual([
      ['R-OLD', '2026-10-12T08:00:00.000Z'],
    ]);

    const fresh: AuditRecordDto = {
      decisionId: 'new-1',
      selectionId: 'S-NEW',
      workflowId: selectionWorkflowId('AGNEW', 'S-NEW'),
      kind: 'APPOINTEE_CHOSEN',
      by,
      at: new Date().toISOString(),
      reason: null,
      subjectId: 'S-NEW-V1',
      payload: { rank: 1 },
    };
    await client.recordAudit(fresh);
    expect((await client.listAuditRecordsOfKind('APPOINTEE_CHOSEN', 'AGNEW')).map((r) => r.decisionId)).toEqual([
      'new-1',
    ]);
    expect((await client.listAuditRecordsOfKind('APPOINTEE_CHOSEN')).map((r) => r.decisionId)).toEqual([
      'legacy-1',
      'new-1',
    ]);
    expect(await client.listAuditRecordsOfKind('APPOINTEE_CHOSEN', 'AGNONE')).toEqual([]);
    expect((await client.verifyAudit('S-NEW')).ok).toBe(true);
  });

  it("an open round's stage brings the due time of its stage event; finished rounds are left out", async () => {
    const base = {
      title: 'Seleksi Terbuka Uji',
      timeZone: 'WITA' as const,
      announcementDate: '2026-11-02',
      registrationClosesAt: '2026-11-20T15:59:59.999Z',
      vacancies: [],
      announcementDocumentId: null,
      createdBy: { userId: 'u-sec', role: 'PANSEL_SECRETARY' as const },
      createdAt: '2026-11-01T00:00:00.000Z',
    };
    for (const [id, stage] of [
      ['R-1', 'PLAN_APPROVAL'],
      ['R-2', 'COMPLETED'],
    ] as const) {
      await client.upsertSelection({
        ...base,
        id,
        agencyCode: 'AGR',
        workflowId: selectionWorkflowId('AGR', id),
        stage: 'PLANNED',
      });
      await client.recordStageEvent(id, {
        eventId: `${id}:1`,
        stage,
        at: '2026-11-03T01:00:00.000Z',
        reasonCode: 'PLAN_SUBMITTED',
        expectedNextAt: '2026-11-10T08:00:00.000Z',
      });
    }
    expect(await client.listOpenRounds('AGR')).toEqual([
      {
        selectionId: 'R-1',
        agencyCode: 'AGR',
        title: 'Seleksi Terbuka Uji',
        stage: 'PLAN_APPROVAL',
        stageAt: '2026-11-03T01:00:00.000Z',
        dueAt: '2026-11-10T08:00:00.000Z',
        stageReason: 'PLAN_SUBMITTED',
        simulation: false,
      },
    ]);
    // A later event of the same stage without a deadline (e.g. approval by silence) clears it.
    await client.recordStageEvent('R-1', {
      eventId: 'R-1:2',
      stage: 'PLAN_APPROVAL',
      at: '2026-11-10T08:00:00.000Z',
      reasonCode: 'OVERSEER_APPROVED_BY_SILENCE',
      expectedNextAt: null,
    });
    expect((await client.listOpenRounds('AGR'))[0]!.dueAt).toBeNull();
  });

  it('a period is applied in the store before the cap, and a cut list says so', async () => {
    const rec = (n: number, at: string): AuditRecordDto => ({
      decisionId: `cap-${n}`,
      selectionId: `S-CAP-${n}`,
      workflowId: selectionWorkflowId('AGCAP', `S-CAP-${n}`),
      kind: 'SCREENING_OVERRIDDEN',
      by,
      at,
      reason: 'Uji batas baca',
      subjectId: null,
      payload: {},
    });
    await client.recordAudit(rec(1, '2026-01-10T02:00:00.000Z'));
    await client.recordAudit(rec(2, '2026-02-10T02:00:00.000Z'));
    await client.recordAudit(rec(3, '2026-03-10T02:00:00.000Z'));
    const ids = (r: { items: AuditRecordDto[] }) => r.items.map((x) => x.decisionId);

    // Cap 2 over all three: the newest two, and the answer says the list was cut.
    const all = await client.readAuditRecordsOfKind('SCREENING_OVERRIDDEN', 'AGCAP', {}, 2);
    expect({ ids: ids(all), truncated: all.truncated }).toEqual({ ids: ['cap-2', 'cap-3'], truncated: true });
    // January only: the period is applied before the cap (after it, cap 2 would have left January out).
    const jan = await client.readAuditRecordsOfKind(
      'SCREENING_OVERRIDDEN',
      'AGCAP',
      { from: new Date('2026-01-01T00:00:00.000Z'), to: new Date('2026-02-01T00:00:00.000Z') },
      2,
    );
    expect({ ids: ids(jan), truncated: jan.truncated }).toEqual({ ids: ['cap-1'], truncated: false });
    // Exactly at the cap is not cut.
    const two = await client.readAuditRecordsOfKind(
      'SCREENING_OVERRIDDEN',
      'AGCAP',
      { from: new Date('2026-02-01T00:00:00.000Z') },
      2,
    );
    expect({ ids: ids(two), truncated: two.truncated }).toEqual({ ids: ['cap-2', 'cap-3'], truncated: false });

    // Open rounds: capped per stage, the longest in their stage kept, and flagged.
    for (const [n, day] of [
      [1, '03'],
      [2, '01'],
      [3, '02'],
    ] as const) {
      const id = `R-CAP-${n}`;
      await client.upsertSelection({
        id,
        agencyCode: 'AGCAP',
        title: `Seleksi Batas ${n}`,
        workflowId: selectionWorkflowId('AGCAP', id),
        stage: 'PLANNED',
        timeZone: 'WITA',
        announcementDate: '2026-11-02',
        registrationClosesAt: '2026-11-20T15:59:59.999Z',
        vacancies: [],
        announcementDocumentId: null,
        createdBy: { userId: 'u-sec', role: 'PANSEL_SECRETARY' },
        createdAt: '2026-11-01T00:00:00.000Z',
      });
      await client.recordStageEvent(id, {
        eventId: `${id}:1`,
        stage: 'PLAN_APPROVAL',
        at: `2026-11-${day}T01:00:00.000Z`,
        reasonCode: 'PLAN_SUBMITTED',
        expectedNextAt: null,
      });
    }
    const capped = await client.readOpenRounds('AGCAP', 2);
    expect({ ids: capped.items.map((r) => r.selectionId), truncated: capped.truncated }).toEqual({
      ids: ['R-CAP-2', 'R-CAP-3'],
      truncated: true,
    });
    expect((await client.readOpenRounds('AGCAP')).truncated).toBe(false);
  });
});
