/**
 * Profile disputes in services/candidate on FerretDB: a dispute stored before the staff's queue existed joins
 * its agency's queue at start-up; a decision is recorded once, and a repeat answers it without a second audit
 * entry, version or notice.
 */
import type { ProfileDto } from '@seleksi/domain';
import { CandidateClient, type RunningService, serviceErrorOf, stopTestService, testServiceEnv } from '@seleksi/kit';
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
    const a = new CandidateClient(first!.url);
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
    const b = new CandidateClient(second.url);
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
    expect(await second.conn.collection('profileVersions').countDocuments({ profileId: profile.id })).toBe(1);
    expect(await second.conn.collection('outbox').countDocuments({ kind: 'PROFILE_DISPUTE_DECIDED' })).toBe(1);
    expect((await b.listProfileDisputes({ agencyCode: 'KALTIM' })).totalCount).toBe(0);
    expect((await b.getProfileConfirmation(profile.id)).resolution).toMatchObject({
      outcome: 'ACCEPTED',
      corrected: ['rank'],
    });
  });
});
