import { randomUUID } from 'node:crypto';
import { applicationId, type AgencyDto, type ProfileDto, type StageEventDto } from '@seleksi/domain';
import { CandidateClient, ServiceError, type RunningService, type SelectionUpsertDto } from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  service = await startCandidateService(
    loadCandidateConfig({
      MONGODB_URI: mongoUri,
      CANDIDATE_DB: `it_candidate_${randomUUID().slice(0, 8)}`,
      CANDIDATE_PORT: '0',
      LOG_LEVEL: 'silent',
    }),
  );
  client = new CandidateClient(service.url);
});

afterAll(async () => {
  await service?.conn.dropDatabase().catch(() => undefined);
  await service?.close();
});

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ServiceError);
  return err as ServiceError;
}

const agency: AgencyDto = {
  code: 'KALTIM',
  name: 'Pemerintah Provinsi Kalimantan Timur',
  address: 'Jalan Gajah Mada Nomor 2',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINCE',
};

function profile(id: string, nip: string): ProfileDto {
  return {
    id,
    nip,
    name: 'Dr. Sri Wahyuni',
    rank: 'IV/b',
    agencyCode: 'KALTIM',
    education: 'S2',
    careers: [
      {
        position: 'Kepala Bidang',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas',
        agencyCode: 'KALTIM',
        from: '2015-01-01',
        to: null,
      },
    ],
    skp: [{ year: 2025, predicate: 'BAIK' }],
    lhkpnFiled: true,
    disciplinarySanction: false,
  };
}

function selection(id: string, createdAt = '2026-11-20T01:00:00.000Z'): SelectionUpsertDto {
  return {
    id,
    agencyCode: 'KALTIM',
    title: 'Seleksi Terbuka JPT Pratama 2026',
    workflowId: `selection:KALTIM:${id}`,
    stage: 'REGISTRATION_OPEN',
    timeZone: 'WITA',
    announcementDate: '2026-11-24',
    registrationClosesAt: '2026-12-08T15:59:00.000Z',
    vacancies: [
      { id: `${id}-V1`, level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan', status: 'OPEN' },
      { id: `${id}-V2`, level: 'PRATAMA', position: 'Kepala Biro Hukum', unit: 'Setda', status: 'OPEN' },
    ],
    announcementDocumentId: null,
    createdBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
    createdAt,
  };
}

async function apply(selectionId: string, vacancyId: string, candidateId: string) {
  return client.createApplication({
    id: applicationId(vacancyId, candidateId),
    selectionId,
    vacancyId,
    candidateId,
    submittedAt: '2026-11-25T02:00:00.000Z',
  });
}

describe('service basics', () => {
  it('answers the probes, unknown routes and malformed JSON with error bodies', async () => {
    expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    const missing = await fetch(`${service.url}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const bad = await fetch(`${service.url}/agencies/X`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('stores agencies idempotently and rejects a body for another code', async () => {
    expect(await client.upsertAgency(agency)).toEqual(agency);
    expect(await client.upsertAgency(agency)).toEqual(agency);
    expect(await client.getAgency('KALTIM')).toEqual(agency);
    expect(await client.getAgency('NOPE')).toBeNull();
    const err = await failure(client.http.put('/agencies/OTHER', agency));
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', 'code']);
  });
});

describe('profiles', () => {
  it('rejects an invalid NIP with INVALID_NIP on field nip and stores nothing', async () => {
    const bad = profile('p-bad', '197113321997032004'); // month 13
    const err = await failure(client.upsertProfile(bad));
    expect([err.status, err.code, err.field]).toEqual([400, 'INVALID_NIP', 'nip']);
    expect(await client.getProfile('p-bad')).toBeNull();
    expect(await service.conn.collection('profiles').countDocuments({ _id: 'p-bad' as never })).toBe(0);
  });

  it('keeps NIPs unique, reads by NIP and in batch order', async () => {
    await client.upsertProfile(profile('p-1', '197103121997032004'));
    await client.upsertProfile(profile('p-2', '198001012005011001'));
    const err = await failure(client.upsertProfile(profile('p-3', '1971 0312 1997 03 2 004')));
    expect([err.status, err.code, err.field]).toEqual([409, 'CONFLICT', 'nip']);
    expect((await client.getProfileByNip('197103121997032004'))?.id).toBe('p-1');
    const batch = await client.getProfilesByIds(['p-2', 'missing', 'p-1']);
    expect(batch.map((p) => p?.id ?? null)).toEqual(['p-2', null, 'p-1']);
  });
});

describe('selections', () => {
  it('paginates newest first with a cursor', async () => {
    const ids = ['s-page-a', 's-page-b', 's-page-c', 's-page-d', 's-page-e'];
    for (const [i, id] of ids.entries()) {
      await client.upsertSelection({ ...selection(id, `2026-10-0${i + 1}T00:00:00.000Z`), agencyCode: 'PAGED' });
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await client.listSelections({ agencyCode: 'PAGED', limit: 2, after });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => s.id));
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
  });
});

describe('applications', () => {
  it('rejects an unknown vacancy with UNKNOWN_VACANCY on field vacancyId', async () => {
    await client.upsertSelection(selection('s-unknown'));
    const err = await failure(apply('s-unknown', 's-unknown-V9', 'p-1'));
    expect([err.status, err.code, err.field]).toEqual([404, 'UNKNOWN_VACANCY', 'vacancyId']);
  });

  it('keeps one record for the same vacancy and candidate, even when submitted concurrently', async () => {
    await client.upsertSelection(selection('s-dup'));
    const results = await Promise.all([apply('s-dup', 's-dup-V1', 'p-1'), apply('s-dup', 's-dup-V1', 'p-1')]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const again = await fetch(`${service.url}/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: applicationId('s-dup-V1', 'p-1'),
        selectionId: 's-dup',
        vacancyId: 's-dup-V1',
        candidateId: 'p-1',
        submittedAt: '2026-11-25T02:00:00.000Z',
      }),
    });
    expect(again.status).toBe(200);
    expect(
      await service.conn.collection('applications').countDocuments({ vacancyId: 's-dup-V1', candidateId: 'p-1' }),
    ).toBe(1);
    const [app] = (await client.listApplications({ candidateId: 'p-1', selectionId: 's-dup' })).items;
    expect(app?.status).toBe('SUBMITTED');
    expect(app?.timeline.map((e) => e.reasonCode)).toEqual(['APPLICATION_SUBMITTED']);
  });

  it('fans a stage event out to every open application exactly once, even when sent twice', async () => {
    await client.upsertSelection(selection('s-fan'));
    const candidates = Array.from({ length: 6 }, (_, i) => `c-fan-${i}`);
    const apps = await Promise.all(candidates.map((c, i) => apply('s-fan', `s-fan-V${(i % 2) + 1}`, c)));
    const withdrawn = apps[5]!.id;
    await client.appendTimeline(withdrawn, {
      eventId: 'withdraw-1',
      at: '2026-11-26T00:00:00.000Z',
      status: 'WITHDRAWN',
      reasonCode: 'APPLICATION_SUBMITTED',
    });
    const event: StageEventDto = {
      eventId: 'stage:REGISTRATION_CLOSED',
      stage: 'REGISTRATION_CLOSED',
      at: '2026-12-08T16:00:00.000Z',
      reasonCode: 'REGISTRATION_CLOSED',
      expectedNextAt: '2026-12-15T16:00:00.000Z',
    };
    await Promise.all([client.recordStageEvent('s-fan', event), client.recordStageEvent('s-fan', event)]);
    const sel = await client.recordStageEvent('s-fan', event);
    expect(sel.stage).toBe('REGISTRATION_CLOSED');
    expect(sel.stageHistory.filter((e) => e.eventId === event.eventId)).toHaveLength(1);

    const all = await client.getApplicationsByIds(apps.map((a) => a.id));
    for (const app of all) {
      const hits = app!.timeline.filter((e) => e.eventId === event.eventId);
      if (app!.id === withdrawn) {
        expect(hits).toHaveLength(0);
        expect(app!.status).toBe('WITHDRAWN');
      } else {
        expect(hits).toHaveLength(1);
        expect(hits[0]!.expectedNextAt).toBe(event.expectedNextAt);
        expect(app!.status).toBe('AWAITING_SCREENING');
      }
    }

    // An older event replayed later neither regresses the stage nor duplicates entries.
    const older = await client.recordStageEvent('s-fan', {
      eventId: 'stage:REGISTRATION_OPEN',
      stage: 'REGISTRATION_OPEN',
      at: '2026-11-24T00:00:00.000Z',
      reasonCode: 'REGISTRATION_OPENED',
    });
    expect(older.stage).toBe('REGISTRATION_CLOSED');
    expect(older.stageHistory.map((e) => e.eventId)).toEqual(['stage:REGISTRATION_OPEN', 'stage:REGISTRATION_CLOSED']);
  });

  it('loses no timeline entry under 20 concurrent appends', async () => {
    await client.upsertSelection(selection('s-race'));
    const app = await apply('s-race', 's-race-V1', 'c-race');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.appendTimeline(app.id, {
          eventId: `e-${i}`,
          at: new Date(Date.UTC(2026, 11, 1, 0, i)).toISOString(),
          status: i === 19 ? 'ELIGIBLE' : 'AWAITING_SCREENING',
          reasonCode: 'REGISTRATION_CLOSED',
        }),
      ),
    );
    const stored = (await client.getApplication(app.id))!;
    expect(stored.timeline.map((e) => e.eventId).sort()).toEqual(
      ['APPLICATION_SUBMITTED', ...Array.from({ length: 20 }, (_, i) => `e-${i}`)].sort(),
    );
    expect(stored.status).toBe('ELIGIBLE');
    // Same eventId again is a no-op.
    const replay = await client.appendTimeline(app.id, {
      eventId: 'e-3',
      at: '2027-01-01T00:00:00.000Z',
      status: 'NOT_ELIGIBLE',
      reasonCode: 'REGISTRATION_CLOSED',
    });
    expect(replay.timeline).toHaveLength(21);
    expect(replay.status).toBe('ELIGIBLE');
  });

  it('requires a filter and rejects appends to unknown applications', async () => {
    expect((await failure(client.listApplications({}))).code).toBe('VALIDATION_FAILED');
    const err = await failure(
      client.appendTimeline('nope', {
        eventId: 'x',
        at: '2026-12-01T00:00:00Z',
        status: 'ELIGIBLE',
        reasonCode: 'REGISTRATION_CLOSED',
      }),
    );
    expect([err.status, err.code]).toEqual([404, 'NOT_FOUND']);
  });
});
