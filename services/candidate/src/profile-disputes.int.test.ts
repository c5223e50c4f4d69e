/**
 * Profile disputes in services/candidate on FerretDB: a dispute stored before the staff's queue existed joins
 * its agency's queue at start-up; a decision is recorded once, and a repeat answers it without a second audit
 * entry, version or notice. Versions kept before the one history (the import's and the queue's own shapes)
 * move into it at start-up, once however often the service starts.
 */
import type { ProfileDto } from '@seleksi/domain';
import {
  CandidateClient,
  type RunningService,
  serviceErrorOf,
  stopTestService,
  testServiceEnv,
  operatorServiceAuth,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let first: RunningService | undefined;
let second: RunningService | undefined;
let env: Record<string, string>;

const profile: ProfileDto = {
  id: 'asn-dispute-1',
  nip: '197608222001122002',
  name: 'Dr. Sri Wahyuni',
  rank: 'IV/b',
  agencyCode: 'KALTIM',
  education: 'S2',
  careers: [],
  skp: [],
  lhkpnFiled: true,
  disciplinarySanction: false,
};
const by = { userId: 'u-secretary', role: 'PANSEL_SECRETARY' as const };

beforeAll(async () => {
  env = testServiceEnv('CANDIDATE', 'it_candidate_disputes', mongoUri);
  first = await startCandidateService(loadCandidateConfig(env));
});

afterAll(async () => {
  await second?.close();
  await stopTestService(first);
});

describe('profile disputes (service)', () => {
  it('a dispute stored before the queue joins it at start-up, and is decided once', async () => {
    const a = new CandidateClient(first!.url, { auth: operatorServiceAuth() });
    await a.upsertProfile(profile);
    // The shape of a dispute recorded before the queue: no disputeId, agency or open flag.
    await first!.conn.collection<{ _id: string } & Record<string, unknown>>('profileConfirmations').insertOne({
      _id: profile.id,
      status: 'DISPUTED',
      note: 'Pangkat saya sudah IV/c',
      fields: ['rank'],
      at: new Date('2026-11-30T02:00:00Z'),
      by: { userId: 'u-cand', role: 'CANDIDATE' },
      updatedAt: new Date('2026-11-30T02:00:00Z'),
    });
    expect((await a.listProfileDisputes({ agencyCode: 'KALTIM' })).totalCount).toBe(0);

    second = await startCandidateService(loadCandidateConfig(env));
    const b = new CandidateClient(second.url, { auth: operatorServiceAuth() });
    const queue = await b.listProfileDisputes({ agencyCode: 'KALTIM' });
    expect(queue.totalCount).toBe(1);
    expect(queue.items[0]).toMatchObject({ candidateId: profile.id, fields: ['rank'], open: true });
    expect((await b.listProfileDisputes({ agencyCode: 'OTHER' })).totalCount).toBe(0);
    const id = queue.items[0]!.id;

    // Refused: an undisputed part, a reason-less rejection; nothing recorded.
    const refused = await serviceErrorOf(
      b.decideProfileDispute(id, {
        outcome: 'ACCEPTED',
        reason: null,
        corrections: { name: 'X' },
        by,
        at: new Date().toISOString(),
      }),
    );
    expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', field: 'corrections.name' });
    expect(
      await serviceErrorOf(
        b.decideProfileDispute(id, {
          outcome: 'REJECTED',
          reason: null,
          corrections: {},
          by,
          at: new Date().toISOString(),
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reason' });

    const decision = {
      outcome: 'ACCEPTED' as const,
      reason: 'SK April',
      corrections: { rank: 'IV/c' },
      by,
      at: new Date().toISOString(),
    };
    const once = await b.decideProfileDispute(id, decision);
    const twice = await b.decideProfileDispute(id, {
      ...decision,
      corrections: { rank: 'IV/d' },
      at: new Date().toISOString(),
    });
    expect(once.created).toBe(true);
    expect(twice.created).toBe(false);
    expect(twice.dispute.resolution).toEqual(once.dispute.resolution);
    expect((await b.getProfile(profile.id))?.rank).toBe('IV/c');
    expect((await b.listAuditRecords({ subjectId: profile.id })).items.map((r) => r.kind)).toEqual([
      'PROFILE_DISPUTE_ACCEPTED',
    ]);
    expect((await b.listProfileVersions(profile.id)).map((v) => [v.previous.rank, v.replacedBy.kind])).toEqual([
      ['IV/b', 'PROFILE_DISPUTE'],
    ]);
    expect(await second.conn.collection('outbox').countDocuments({ kind: 'PROFILE_DISPUTE_DECIDED' })).toBe(1);
    expect((await b.listProfileDisputes({ agencyCode: 'KALTIM' })).totalCount).toBe(0);
    expect((await b.getProfileConfirmation(profile.id)).resolution).toMatchObject({
      outcome: 'ACCEPTED',
      corrected: ['rank'],
    });
  });

  it('versions kept in the shapes before the one history move into it at start-up, once', async () => {
    const id = 'asn-legacy-1';
    const asn = { ...profile, id, nip: '198001012005011003', name: 'Budi Santoso' };
    const importedAt = new Date('2026-10-01T03:00:00Z');
    const replacedAt = new Date('2026-11-02T04:00:00Z');
    const decidedAt = new Date('2026-12-01T05:00:00Z');
    const source = (importId: string, fileName: string, at: Date) => ({
      importId,
      fileName,
      byUserId: 'u-bkd',
      byName: 'Operator BKD',
      at,
    });
    // The import's shape (its own collection; the previous profile as stored, with its _id).
    const { id: _id, ...stored } = asn;
    const legacyImport = {
      _id: `${id}:imp-2`,
      profileId: id,
      agencyCode: 'KALTIM',
      previous: { ...stored, _id: id, rank: 'III/d', updatedAt: importedAt },
      previousSource: source('imp-1', 'pegawai-lama.csv', importedAt),
      replacedBy: source('imp-2', 'pegawai-baru.xlsx', replacedAt),
    };
    // The dispute queue's shape (the collection the one history keeps).
    const legacyDispute = {
      _id: 'decision-legacy-1',
      profileId: id,
      profile: { ...asn, rank: 'IV/a' },
      replacedBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY', displayName: 'Sekretariat' },
      replacedAt: decidedAt,
      reason: 'SK kenaikan pangkat',
      source: { kind: 'PROFILE_DISPUTE', id: 'dispute-legacy-1' },
    };
    const db = first!.conn;
    await db.collection<{ _id: string }>('profileImportVersions').insertOne(legacyImport);
    await db.collection<{ _id: string }>('profileVersions').insertOne(legacyDispute);

    const expected = [
      {
        id: 'decision-legacy-1',
        profileId: id,
        previous: { ...asn, rank: 'IV/a' },
        previousSource: null,
        replacedBy: {
          kind: 'PROFILE_DISPUTE',
          id: 'dispute-legacy-1',
          fileName: null,
          reason: 'SK kenaikan pangkat',
          byUserId: 'u-secretary',
          byName: 'Sekretariat',
          at: decidedAt.toISOString(),
        },
      },
      {
        id: `${id}:imp-2`,
        profileId: id,
        previous: { ...asn, rank: 'III/d' },
        previousSource: {
          kind: 'IMPORT',
          id: 'imp-1',
          fileName: 'pegawai-lama.csv',
          reason: null,
          byUserId: 'u-bkd',
          byName: 'Operator BKD',
          at: importedAt.toISOString(),
        },
        replacedBy: {
          kind: 'IMPORT',
          id: 'imp-2',
          fileName: 'pegawai-baru.xlsx',
          reason: null,
          byUserId: 'u-bkd',
          byName: 'Operator BKD',
          at: replacedAt.toISOString(),
        },
      },
    ];
    // Started again: moved. Started once more, after a crash that left a copied document behind: the same.
    for (const leftBehind of [false, true]) {
      if (leftBehind) await db.collection<{ _id: string }>('profileImportVersions').insertOne(legacyImport);
      const restarted = await startCandidateService(loadCandidateConfig(env));
      try {
        expect(
          await new CandidateClient(restarted.url, { auth: operatorServiceAuth() }).listProfileVersions(id),
        ).toEqual(expected);
        expect(await restarted.conn.collection('profileImportVersions').countDocuments()).toBe(0);
        expect(await restarted.conn.collection('profileVersions').countDocuments({ profileId: id })).toBe(2);
      } finally {
        await restarted.close();
      }
    }
  });
});
