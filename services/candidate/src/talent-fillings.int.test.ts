/**
 * The talent fillings' read model of services/candidate on the real FerretDB: a repeated projection is a
 * no-op, a stale one (lower seq, e.g. a late retry) never overwrites a later step, and the lists and inboxes
 * page in their orders with their filters.
 */
import type { TalentFillingViewDto } from '@seleksi/domain';
import {
  CandidateClient,
  type RunningService,
  testServiceEnv,
  stopTestService,
  operatorServiceAuth,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  service = await startCandidateService(
    loadCandidateConfig(testServiceEnv('CANDIDATE', 'it_talent_fillings', mongoUri)),
  );
  client = new CandidateClient(service.url, { auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
});

function row(id: string, over: Partial<TalentFillingViewDto> = {}): TalentFillingViewDto {
  return {
    id,
    agencyCode: 'KALTIM',
    workflowId: `talent-filling:KALTIM:${id}`,
    postId: `${id}-P1`,
    position: 'Kepala Dinas Kesehatan',
    unit: 'Dinas Kesehatan',
    level: 'PRATAMA',
    stage: 'CONFIRMATION',
    route: 'PPK',
    waitingOn: 'PANSEL_SECRETARY',
    waitingSince: '2026-12-01T01:00:00.000Z',
    deadline: null,
    appointedEmployeeId: null,
    fallbackSelectionId: null,
    seq: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T01:00:00.000Z',
    ...over,
  };
}

describe('the talent fillings read model', () => {
  it('keeps the latest step: a repeat is a no-op, a stale write changes nothing', async () => {
    await client.putTalentFilling(row('TF-1'));
    const later = row('TF-1', {
      seq: 3,
      stage: 'OVERSEER_APPROVAL',
      waitingOn: 'OVERSEER',
      waitingSince: '2026-12-02T01:00:00.000Z',
      deadline: '2026-12-09T15:59:59.999Z',
      updatedAt: '2026-12-02T01:00:00.000Z',
    });
    expect(await client.putTalentFilling(later)).toEqual(later);
    expect(await client.putTalentFilling(later)).toEqual(later);
    // A late retry of step 2 arrives after step 3.
    const stale = row('TF-1', { seq: 2, stage: 'CONFIRMATION', updatedAt: '2026-12-01T02:00:00.000Z' });
    expect(await client.putTalentFilling(stale)).toEqual(later);
    expect(await client.getTalentFilling('TF-1')).toEqual(later);
  });

  it('lists newest first and serves each inbox oldest wait first, paged and filtered', async () => {
    for (let i = 0; i < 5; i++) {
      await client.putTalentFilling(
        row(`TF-P${i}`, {
          agencyCode: i === 4 ? 'KUKAR' : 'KALTIM',
          waitingOn: i % 2 === 0 ? 'PPK' : null,
          stage: i % 2 === 0 ? 'PPK_DECISION' : 'DECREE',
          waitingSince: i % 2 === 0 ? `2026-12-0${5 - i}T00:00:00.000Z` : null,
          createdAt: `2026-12-0${i + 1}T05:00:00.000Z`,
        }),
      );
    }
    const all = async (query: Parameters<CandidateClient['listTalentFillings']>[0]) => {
      const ids: string[] = [];
      let after: string | undefined;
      for (let n = 0; n < 20; n++) {
        const page = await client.listTalentFillings({ ...query, limit: 1, after });
        ids.push(...page.items.map((x) => x.id));
        if (!page.nextCursor) return ids;
        after = page.nextCursor;
      }
      throw new Error('too many pages');
    };
    const kaltim = await all({ agencyCode: 'KALTIM' });
    expect(kaltim.filter((id) => id.startsWith('TF-P'))).toEqual(['TF-P3', 'TF-P2', 'TF-P1', 'TF-P0']);
    // The PPK's inbox across agencies (as the store serves it): TF-P4 waits since the 1st, P2 the 3rd, P0 the 5th.
    expect(await all({ waitingOn: 'PPK' })).toEqual(['TF-P4', 'TF-P2', 'TF-P0']);
    expect(await all({ waitingOn: 'PPK', agencyCode: 'KALTIM' })).toEqual(['TF-P2', 'TF-P0']);
    expect(await all({ waitingOn: 'OVERSEER', agencyCode: 'KUKAR' })).toEqual([]);
    expect(await all({ stage: 'DECREE' })).toEqual(['TF-P3', 'TF-P1']);
  });
});
