import { randomUUID } from 'node:crypto';
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
