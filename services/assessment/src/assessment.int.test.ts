import { randomUUID } from 'node:crypto';
import type { ConflictDeclarationDto, ScoreRecordDto } from '@seleksi/domain';
import { AssessmentClient, ServiceError, type AssessmentResultDto, type RunningService } from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAssessmentService } from './app';
import { loadAssessmentConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: AssessmentClient;

beforeAll(async () => {
  service = await startAssessmentService(
    loadAssessmentConfig({
      MONGODB_URI: mongoUri,
      ASSESSMENT_DB: `it_assessment_${randomUUID().slice(0, 8)}`,
      ASSESSMENT_PORT: '0',
      LOG_LEVEL: 'silent',
    }),
  );
  client = new AssessmentClient(service.url);
});

afterAll(async () => {
  await service?.conn.dropDatabase().catch(() => undefined);
  await service?.close();
});

describe('assessment service', () => {
  it('stores Pansel members and lists them per selection', async () => {
    const base = { institution: 'Universitas Mulawarman', internal: false, partyMember: false };
    await client.upsertPanselMember({ id: 'pm-2', name: 'Prof. B', selectionIds: ['s-1', 's-2', 's-1'], ...base });
    await client.upsertPanselMember({ id: 'pm-1', name: 'Dr. A', userId: 'u-1', selectionIds: ['s-1'], ...base });
    await client.upsertPanselMember({ id: 'pm-3', name: 'Dr. C', selectionIds: ['s-2'], ...base });
    expect((await client.listPanselMembers({ selectionId: 's-1' })).map((m) => m.id)).toEqual(['pm-1', 'pm-2']);
    expect((await client.getPanselMember('pm-2'))?.selectionIds).toEqual(['s-1', 's-2']);
    expect(await client.getPanselMember('nope')).toBeNull();
  });

  it('validates score ranges and lists results newest first', async () => {
    const result: AssessmentResultDto = {
      id: 'ar-1',
      candidateId: 'c-1',
      provider: 'UPT Penilaian Kompetensi',
      assessedAt: '2025-03-01',
      managerial: 78.5,
      socioCultural: 81,
      validUntil: '2028-03-01',
    };
    await client.upsertAssessmentResult(result);
    await client.upsertAssessmentResult({ ...result, id: 'ar-2', assessedAt: '2026-02-01', validUntil: '2029-02-01' });
    expect((await client.listAssessmentResults({ candidateId: 'c-1' })).map((r) => r.id)).toEqual(['ar-2', 'ar-1']);
    const err = await client.upsertAssessmentResult({ ...result, managerial: 101 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect([(err as ServiceError).code, (err as ServiceError).field]).toEqual(['VALIDATION_FAILED', 'managerial']);
    expect((await client.getAssessmentResult('ar-1'))?.managerial).toBe(78.5);
  });
});

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

describe('Pansel members (BKN official)', () => {
  it('stores the optional bknOfficial flag and omits it when not sent', async () => {
    const base = { institution: 'BKN', internal: false, partyMember: false, selectionIds: ['s-bkn'] };
    await client.upsertPanselMember({ id: 'pm-bkn', name: 'Dr. BKN', bknOfficial: true, ...base });
    await client.upsertPanselMember({ id: 'pm-plain', name: 'Dr. Plain', ...base });
    const members = await client.listPanselMembers({ selectionId: 's-bkn' });
    expect(members.map((m) => [m.id, m.bknOfficial])).toEqual([
      ['pm-bkn', true],
      ['pm-plain', undefined],
    ]);
    expect(members[1]).not.toHaveProperty('bknOfficial');
  });
});

describe('score records', () => {
  const by = { userId: 'u-pm-1', role: 'PANSEL_MEMBER' as const };
  function score(
    applicationId: string,
    kind: ScoreRecordDto['kind'],
    memberId: string | null,
    round: number,
    value = 80,
  ) {
    return {
      id: `${applicationId}:${kind}:${memberId ?? '-'}:${round}`,
      selectionId: applicationId.startsWith('x') ? 's-other' : 's-score',
      applicationId,
      candidateId: `c-${applicationId}`,
      kind,
      memberId,
      round,
      value,
      components: kind === 'ASSESSMENT' ? { managerial: 78.5, socioCultural: 81 } : null,
      note: null,
      recordedBy: by,
      recordedAt: '2026-12-20T03:00:00.000Z',
    } satisfies ScoreRecordDto;
  }

  it('upserts by id and lists with filters in a stable order', async () => {
    const records = [
      score('app-b', 'INTERVIEW', 'pm-2', 0),
      score('app-a', 'INTERVIEW', 'pm-2', 0),
      score('app-a', 'INTERVIEW', 'pm-1', 1),
      score('app-a', 'INTERVIEW', 'pm-1', 0),
      score('app-a', 'ASSESSMENT', null, 0),
      score('app-a', 'PAPER', null, 0),
      score('x-app', 'INTERVIEW', 'pm-1', 0),
    ];
    for (const r of records) expect(await client.putScoreRecord(r)).toEqual(r);
    // Upsert: the same id again replaces the value.
    const revised = { ...score('app-a', 'INTERVIEW', 'pm-1', 1, 86.5), note: 'Setelah kalibrasi' };
    expect(await client.putScoreRecord(revised)).toEqual(revised);

    const all = await client.listScoreRecords({ selectionId: 's-score' });
    expect(all.map((r) => r.id)).toEqual([
      'app-a:ASSESSMENT:-:0',
      'app-a:INTERVIEW:pm-1:0',
      'app-a:INTERVIEW:pm-1:1',
      'app-a:INTERVIEW:pm-2:0',
      'app-a:PAPER:-:0',
      'app-b:INTERVIEW:pm-2:0',
    ]);
    expect(all.find((r) => r.id === revised.id)).toEqual(revised);
    expect(all[0]?.components).toEqual({ managerial: 78.5, socioCultural: 81 });

    const pm1 = await client.listScoreRecords({ selectionId: 's-score', kind: 'INTERVIEW', memberId: 'pm-1' });
    expect(pm1.map((r) => r.id)).toEqual(['app-a:INTERVIEW:pm-1:0', 'app-a:INTERVIEW:pm-1:1']);
    expect((await client.listScoreRecords({ applicationId: 'app-b' })).map((r) => r.id)).toEqual([
      'app-b:INTERVIEW:pm-2:0',
    ]);
    expect((await client.listScoreRecords({ selectionId: 's-other' })).map((r) => r.id)).toEqual([
      'x-app:INTERVIEW:pm-1:0',
    ]);
  });

  it('validates the record, the path id and the filters', async () => {
    const base = score('app-v', 'INTERVIEW', 'pm-1', 0);
    const tooHigh = await failure(client.putScoreRecord({ ...base, value: 100.5 }));
    expect([tooHigh.status, tooHigh.code, tooHigh.field]).toEqual([400, 'VALIDATION_FAILED', 'value']);
    const otherId = await failure(client.http.put('/score-records/other-id', base));
    expect([otherId.status, otherId.field]).toEqual([400, 'id']);
    const badKey = await failure(client.putScoreRecord({ ...base, components: { 'a.b': 1 } }));
    expect([badKey.status, badKey.field]).toEqual([400, 'components.a.b']);
    const noFilter = await failure(client.listScoreRecords({ kind: 'INTERVIEW' }));
    expect([noFilter.status, noFilter.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});

describe('conflict-of-interest declarations', () => {
  const by = { userId: 'u-pm-1', role: 'PANSEL_MEMBER' as const };
  function declaration(memberId: string, candidateId: string, hasConflict = false): ConflictDeclarationDto {
    return {
      id: `s-coi:${memberId}:${candidateId}`,
      selectionId: 's-coi',
      memberId,
      candidateId,
      hasConflict,
      reason: hasConflict ? 'Hubungan keluarga sedarah' : null,
      declaredBy: by,
      declaredAt: '2026-12-18T01:00:00.000Z',
    };
  }

  it('upserts declarations and lists them by selection, member and candidate', async () => {
    await client.putConflict(declaration('pm-2', 'c-1'));
    await client.putConflict(declaration('pm-1', 'c-2'));
    await client.putConflict(declaration('pm-1', 'c-1'));
    // A revised declaration replaces the first one under the same id.
    const revised = await client.putConflict({
      ...declaration('pm-1', 'c-1', true),
      declaredAt: '2026-12-19T01:00:00Z',
    });
    expect(revised).toEqual({ ...declaration('pm-1', 'c-1', true), declaredAt: '2026-12-19T01:00:00.000Z' });

    expect((await client.listConflicts({ selectionId: 's-coi' })).map((d) => d.id)).toEqual([
      's-coi:pm-1:c-1',
      's-coi:pm-1:c-2',
      's-coi:pm-2:c-1',
    ]);
    const pm1 = await client.listConflicts({ selectionId: 's-coi', memberId: 'pm-1' });
    expect(pm1.map((d) => [d.candidateId, d.hasConflict])).toEqual([
      ['c-1', true],
      ['c-2', false],
    ]);
    expect((await client.listConflicts({ candidateId: 'c-1' })).map((d) => d.memberId)).toEqual(['pm-1', 'pm-2']);
  });

  it('keeps one declaration per member and candidate, and requires a reason for a conflict', async () => {
    const dup = await failure(client.putConflict({ ...declaration('pm-2', 'c-1'), id: 'another-id' }));
    expect([dup.status, dup.code, dup.field]).toEqual([409, 'CONFLICT', 'id']);
    const noReason = await failure(client.putConflict({ ...declaration('pm-3', 'c-1', true), reason: null }));
    expect([noReason.status, noReason.code, noReason.field]).toEqual([400, 'VALIDATION_FAILED', 'reason']);
    const noFilter = await failure(client.listConflicts({}));
    expect(noFilter.status).toBe(400);
  });
});
