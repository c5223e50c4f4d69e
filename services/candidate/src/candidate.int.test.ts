import {
  addWorkingDays,
  applicationId,
  DEFAULT_HOLIDAY_CALENDAR,
  EMPLOYEE_BUCKETS,
  employeeBucket,
  HOLIDAYS_2026,
  type AgencyDto,
  type AuditRecordDto,
  type HolidayYear,
  type InvitationDto,
  type ProfileDto,
  type ScreeningDto,
  type StageEventDto,
} from '@seleksi/domain';
import {
  BULK_TIMEOUT_MS,
  CandidateClient,
  type RunningService,
  type SelectionUpsertDto,
  testServiceEnv,
  stopTestService,
  serviceErrorOf,
  operatorServiceAuth,
  operatorHeaders,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  service = await startCandidateService(loadCandidateConfig(testServiceEnv('CANDIDATE', 'it_candidate', mongoUri)));
  client = new CandidateClient(service.url, { auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
});

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
    const missing = await fetch(`${service.url}/nope`, { headers: await operatorHeaders('candidate') });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const bad = await fetch(`${service.url}/agencies/X`, {
      method: 'PUT',
      headers: await operatorHeaders('candidate', { 'content-type': 'application/json' }),
      body: '{',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('stores agencies idempotently and rejects a body for another code', async () => {
    // A legacy kind is accepted and answered as the current one.
    const current = { ...agency, kind: 'PROVINSI' };
    expect(await client.upsertAgency(agency)).toEqual(current);
    expect(await client.upsertAgency(agency)).toEqual(current);
    expect(await client.getAgency('KALTIM')).toEqual(current);
    expect(await client.getAgency('NOPE')).toBeNull();
    const err = await serviceErrorOf(client.http.put('/agencies/OTHER', agency));
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', 'code']);
  });

  it('keeps the officials a seed does not name, and refuses an invalid NIP in a change with INVALID_NIP', async () => {
    const by = { userId: 'admin-1', role: 'ADMIN' as const };
    const official = { role: 'PPK' as const, name: 'Gubernur Uji', title: 'Gubernur Kalimantan Timur', nip: null };
    await client.changeAgency('KALTIM', { by, create: false, change: { officials: [official] } });
    expect((await client.upsertAgency(agency)).officials).toEqual([official]);
    const bad = await serviceErrorOf(
      client.changeAgency('KALTIM', {
        by,
        create: false,
        change: { officials: [{ ...official, nip: '197513452000031001' }] },
      }),
    );
    expect([bad.status, bad.code, bad.field]).toEqual([400, 'INVALID_NIP', 'change.officials.0.nip']);
    const missing = await serviceErrorOf(client.changeAgency('NOPE', { by, create: false, change: {} }));
    expect([missing.status, missing.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('profiles', () => {
  it('rejects an invalid NIP with INVALID_NIP on field nip and stores nothing', async () => {
    const bad = profile('p-bad', '197113321997032004'); // month 13
    const err = await serviceErrorOf(client.upsertProfile(bad));
    expect([err.status, err.code, err.field]).toEqual([400, 'INVALID_NIP', 'nip']);
    expect(await client.getProfile('p-bad')).toBeNull();
    expect(await service.conn.collection('profiles').countDocuments({ _id: 'p-bad' as never })).toBe(0);
  });

  it('keeps NIPs unique, reads by NIP and in batch order', async () => {
    await client.upsertProfile(profile('p-1', '197103121997032004'));
    await client.upsertProfile(profile('p-2', '198001012005011001'));
    const err = await serviceErrorOf(client.upsertProfile(profile('p-3', '1971 0312 1997 03 2 004')));
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

  it('reads a batch by id in the order asked, null where unknown, and refuses ids with other filters', async () => {
    const batch = await client.getSelectionsByIds(['s-page-c', 's-none', 's-page-a']);
    expect(batch.map((s) => s?.id ?? null)).toEqual(['s-page-c', null, 's-page-a']);
    expect(batch[0]).toEqual(await client.getSelection('s-page-c'));
    await expect(
      client.http.get('/selections', { query: { ids: 's-page-a', stage: 'PLANNED' } }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'ids',
    });
  });
});

describe('applications', () => {
  it('rejects an unknown vacancy with UNKNOWN_VACANCY on field vacancyId', async () => {
    await client.upsertSelection(selection('s-unknown'));
    const err = await serviceErrorOf(apply('s-unknown', 's-unknown-V9', 'p-1'));
    expect([err.status, err.code, err.field]).toEqual([404, 'UNKNOWN_VACANCY', 'vacancyId']);
  });

  it('keeps one record for the same vacancy and candidate, even when submitted concurrently', async () => {
    await client.upsertSelection(selection('s-dup'));
    const results = await Promise.all([apply('s-dup', 's-dup-V1', 'p-1'), apply('s-dup', 's-dup-V1', 'p-1')]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    const again = await fetch(`${service.url}/applications`, {
      method: 'POST',
      headers: await operatorHeaders('candidate', { 'content-type': 'application/json' }),
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

    // Summaries are the same read model without the history.
    const { stageHistory: _h, ...summary } = older;
    expect(await client.getSelectionSummariesByIds(['s-fan', 'nope'])).toEqual([summary, null]);
    const listed = await client.listSelectionSummaries({ stage: 'REGISTRATION_CLOSED', limit: 100 });
    expect(listed.items.find((s) => s.id === 's-fan')).toEqual(summary);
    expect(listed.items.every((s) => !('stageHistory' in s))).toBe(true);
  });

  it('fans a recorded stage event out page by page: every open application once, repeatable, unknown events refused', async () => {
    await client.upsertSelection(selection('s-page'));
    const apps = await Promise.all(
      Array.from({ length: 7 }, (_, i) => apply('s-page', `s-page-V${(i % 2) + 1}`, `c-page-${i}`)),
    );
    const withdrawn = apps[3]!.id;
    await client.appendTimeline(withdrawn, {
      eventId: 'withdraw-1',
      at: '2026-11-26T00:00:00.000Z',
      status: 'WITHDRAWN',
      reasonCode: 'APPLICATION_SUBMITTED',
    });
    const event = {
      eventId: 'selection:KALTIM:s-page:4:REGISTRATION_CLOSED',
      stage: 'REGISTRATION_CLOSED' as const,
      at: '2026-12-08T16:00:00.000Z',
      reasonCode: 'REGISTRATION_CLOSED' as const,
    };
    const sel = await client.recordStageEvent('s-page', { ...event, fanOut: false });
    expect(sel.stage).toBe('REGISTRATION_CLOSED');
    const hits = async () =>
      (await client.getApplicationsByIds(apps.map((a) => a.id))).filter((a) =>
        a!.timeline.some((e) => e.eventId === event.eventId),
      ).length;
    expect(await hits()).toBe(0);

    const pages: { added: number; next: string | null }[] = [];
    let after: string | null = null;
    do {
      const page = await client.fanOutStageEvent('s-page', event.eventId, { after, limit: 3 });
      pages.push(page);
      after = page.next;
    } while (after);
    // 7 applications, one withdrawn, at most 3 per page (slot by slot, so the withdrawn one's page varies).
    expect(pages.reduce((n, p) => n + p.added, 0)).toBe(6);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.every((p) => p.added <= 3)).toBe(true);
    expect(pages.at(-1)!.next).toBeNull();
    expect(await hits()).toBe(6);
    // A repeated page (a retried activity) adds nothing.
    expect(await client.fanOutStageEvent('s-page', event.eventId, { limit: 100 })).toEqual({ added: 0, next: null });
    const err = await serviceErrorOf(client.fanOutStageEvent('s-page', 'nope', {}));
    expect([err.status, err.code]).toEqual([404, 'NOT_FOUND']);
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

  it("reads a candidate's applications with every timeline entry, also those stored before entries carried the candidate", async () => {
    await client.upsertSelection(selection('s-mine'));
    const [a, b] = [await apply('s-mine', 's-mine-V1', 'c-mine'), await apply('s-mine', 's-mine-V2', 'c-mine')];
    await apply('s-mine', 's-mine-V1', 'c-other');
    await client.recordStageEvent('s-mine', {
      eventId: 'stage:REGISTRATION_CLOSED',
      stage: 'REGISTRATION_CLOSED',
      at: '2026-12-08T16:00:00.000Z',
      reasonCode: 'REGISTRATION_CLOSED',
    });
    await client.appendTimeline(b.id, {
      eventId: 'withdraw-1',
      at: '2026-12-09T00:00:00.000Z',
      status: 'WITHDRAWN',
      reasonCode: 'APPLICATION_SUBMITTED',
    });
    const entries = service.conn.collection('timelineEntries');
    expect(await entries.countDocuments({ candidateId: 'c-mine' })).toBe(5);
    const mine = async () => (await client.listApplications({ candidateId: 'c-mine' })).items;
    const expected = [
      { id: a.id, status: 'AWAITING_SCREENING', events: ['APPLICATION_SUBMITTED', 'stage:REGISTRATION_CLOSED'] },
      { id: b.id, status: 'WITHDRAWN', events: ['APPLICATION_SUBMITTED', 'stage:REGISTRATION_CLOSED', 'withdraw-1'] },
    ];
    const shape = (apps: Awaited<ReturnType<typeof mine>>) =>
      apps.map((x) => ({ id: x.id, status: x.status, events: x.timeline.map((e) => e.eventId) }));
    expect(shape(await mine())).toEqual(expected);
    // Entries recorded before they carried their candidate: wholly (a), or all but a later one (b).
    await entries.updateMany({ applicationId: a.id }, { $unset: { candidateId: '' } });
    await entries.updateMany({ applicationId: b.id, eventId: { $ne: 'withdraw-1' } }, { $unset: { candidateId: '' } });
    expect(shape(await mine())).toEqual(expected);
  });

  it('requires a filter and rejects appends to unknown applications', async () => {
    expect((await serviceErrorOf(client.listApplications({}))).code).toBe('VALIDATION_FAILED');
    const err = await serviceErrorOf(
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

describe('profile careers', () => {
  it('stores the optional fields of a career entry and omits them when not sent', async () => {
    const base = profile('p-fields', '198505052010012003');
    const withFields = { ...base, careers: [{ ...base.careers[0]!, fields: ['Kesehatan', 'Manajemen'] }] };
    const stored = await client.upsertProfile(withFields);
    expect(stored.careers[0]).toMatchObject({ fields: ['Kesehatan', 'Manajemen'] });
    expect((await client.getProfile('p-fields'))?.careers[0]).toMatchObject({ fields: ['Kesehatan', 'Manajemen'] });
    await client.upsertProfile(base);
    expect((await client.getProfile('p-fields'))?.careers[0]).not.toHaveProperty('fields');
  });
});

describe('vacancies in the selection read model', () => {
  it('round-trips every status and the optional outcome, extension and shortlist', async () => {
    const base = selection('s-vac');
    const statuses = ['OPEN', 'CLOSED', 'CANCELLED', 'FILLED'] as const;
    const vacancies = statuses.map((status, i) => ({ ...base.vacancies[0]!, id: `s-vac-V${i + 1}`, status }));
    vacancies[0] = { ...vacancies[0]!, extendedUntil: '2026-12-15', outcome: null, shortlist: null };
    vacancies[3] = { ...vacancies[3]!, outcome: 'Diisi oleh pilihan PPK', shortlist: ['app-1', 'app-2', 'app-3'] };
    vacancies[1] = { ...vacancies[1]!, extendedUntil: '2026-12-15T08:00:00+08:00' };
    const saved = await client.upsertSelection({ ...base, vacancies });
    const read = (await client.getSelection('s-vac'))!;
    for (const sel of [saved, read]) {
      expect(sel.vacancies.map((v) => v.status)).toEqual([...statuses]);
      expect(sel.vacancies[0]).toEqual({ ...vacancies[0], extendedUntil: '2026-12-15' });
      expect(sel.vacancies[1]?.extendedUntil).toBe('2026-12-15T00:00:00.000Z');
      expect(sel.vacancies[2]).toEqual(vacancies[2]);
      expect(sel.vacancies[2]).not.toHaveProperty('shortlist');
      expect(sel.vacancies[3]).toEqual(vacancies[3]);
    }
    const err = await serviceErrorOf(
      client.upsertSelection({ ...base, vacancies: [{ ...vacancies[0]!, extendedUntil: '2026-13-01' }] }),
    );
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', 'vacancies.0.extendedUntil']);
  });
});

describe('screening and the home PPK permission', () => {
  const engine: ScreeningDto = {
    eligible: false,
    requirements: [
      { key: 'EDUCATION', label: 'Pendidikan minimal S1', met: true, detail: 'S2', reason: null },
      { key: 'RANK', label: 'Pangkat minimal IV/a', met: false, detail: 'III/d', reason: 'Pangkat belum memenuhi' },
    ],
    rulesVersion: 'rules-2026.1',
    decidedBy: 'ENGINE',
    overrideReason: null,
    decidedAt: '2026-12-09T02:00:00.000Z',
    actor: null,
  };

  it('stores homePpkPermission when sent and omits it otherwise', async () => {
    await client.upsertSelection(selection('s-ppk'));
    const withPermission = await client.createApplication({
      id: applicationId('s-ppk-V1', 'c-ppk-1'),
      selectionId: 's-ppk',
      vacancyId: 's-ppk-V1',
      candidateId: 'c-ppk-1',
      submittedAt: '2026-11-25T02:00:00.000Z',
      homePpkPermission: true,
    });
    expect(withPermission.homePpkPermission).toBe(true);
    expect((await client.getApplication(withPermission.id))?.homePpkPermission).toBe(true);
    const without = await apply('s-ppk', 's-ppk-V1', 'c-ppk-2');
    expect(without).not.toHaveProperty('homePpkPermission');
    expect(without).not.toHaveProperty('screening');
  });

  it('overwrites the screening idempotently and shows it on GET /applications/:id', async () => {
    await client.upsertSelection(selection('s-scr'));
    const app = await apply('s-scr', 's-scr-V1', 'c-scr');
    expect((await client.putScreening(app.id, engine)).screening).toEqual(engine);
    expect((await client.putScreening(app.id, engine)).screening).toEqual(engine);
    expect((await client.getApplication(app.id))?.screening).toEqual(engine);

    const override: ScreeningDto = {
      ...engine,
      eligible: true,
      decidedBy: 'PANSEL',
      overrideReason: 'SK kenaikan pangkat IV/a terbit 1 Oktober 2026',
      decidedAt: '2026-12-10T03:00:00+08:00',
      actor: { userId: 'u-secretary', role: 'PANSEL_SECRETARY', displayName: 'Sekretaris Pansel' },
    };
    await client.putScreening(app.id, override);
    const read = (await client.getApplication(app.id))!;
    expect(read.screening).toEqual({ ...override, decidedAt: '2026-12-09T19:00:00.000Z' });
    expect((await client.listApplications({ selectionId: 's-scr' })).items[0]?.screening?.decidedBy).toBe('PANSEL');
    // The timeline is untouched.
    expect(read.timeline.map((e) => e.eventId)).toEqual(['APPLICATION_SUBMITTED']);
  });

  it('rejects an override without actor or reason and unknown applications', async () => {
    const app = (await client.listApplications({ selectionId: 's-scr' })).items[0]!;
    const noReason = await serviceErrorOf(client.putScreening(app.id, { ...engine, decidedBy: 'PANSEL' }));
    expect([noReason.status, noReason.code, noReason.field]).toEqual([400, 'VALIDATION_FAILED', 'actor']);
    const missing = await serviceErrorOf(client.putScreening('nope', engine));
    expect([missing.status, missing.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('holiday calendars', () => {
  const y2027: HolidayYear = {
    year: 2027,
    source: 'SKB Menteri Agama, Menteri Ketenagakerjaan, dan MenPANRB tentang hari libur 2027',
    holidays: [
      { date: '2027-08-17', name: 'Hari Proklamasi Kemerdekaan Republik Indonesia' },
      { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' },
    ],
    cutiBersama: [{ date: '2027-12-24', name: 'Cuti bersama Kelahiran Yesus Kristus' }],
  };

  it('serves the shipped years before any amendment', async () => {
    const items = await client.listHolidayYears();
    expect(items.map((y) => y.year)).toContain(2026);
    const y2026 = (await client.getHolidayYear(2026))!;
    expect([y2026.revision, y2026.updatedAt]).toEqual([0, null]);
    expect(y2026.holidays).toHaveLength(HOLIDAYS_2026.holidays.length);
    // Beyond the years computed provisionally (this year and the next two) and the computation's range.
    expect(await client.getHolidayYear(2090)).toBeNull();
    const missing = await fetch(`${service.url}/calendars/2090`, { headers: await operatorHeaders('candidate') });
    expect(missing.status).toBe(404);
  });

  it('stores an amended year: PUT then GET returns it, with a revision counter', async () => {
    const saved = await client.putHolidayYear(y2027);
    expect(saved.revision).toBe(1);
    expect(saved.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-08-17']);
    expect(await client.getHolidayYear(2027)).toEqual(saved);
    // The same data again adds no revision (a retried request).
    expect((await client.putHolidayYear(y2027)).revision).toBe(1);

    // Amend the shipped 2026: one more day of cuti bersama.
    const amended2026: HolidayYear = {
      ...HOLIDAYS_2026,
      source: `${HOLIDAYS_2026.source}; diubah SKB 2026`,
      cutiBersama: [...HOLIDAYS_2026.cutiBersama, { date: '2026-12-28', name: 'Cuti bersama tambahan' }],
    };
    const stored2026 = await client.putHolidayYear(amended2026);
    expect(stored2026.revision).toBe(1);
    const again = await client.putHolidayYear({ ...amended2026, source: `${amended2026.source} (ralat)` });
    expect(again.revision).toBe(2);

    const list = await client.listHolidayYears();
    const shippedYears = Object.keys(DEFAULT_HOLIDAY_CALENDAR).map(Number);
    const thisYear = new Date().getUTCFullYear();
    const window = [thisYear, thisYear + 1, thisYear + 2];
    expect(list.map((y) => y.year)).toEqual(
      [...new Set([...shippedYears, 2026, 2027, ...window])].sort((a, b) => a - b),
    );
    expect(list.filter((y) => y.year >= 2026 && !y.provisional).map((y) => [y.year, y.revision])).toEqual([
      [2026, 2],
      [2027, 1],
    ]);
    const calendar = await client.getHolidayCalendar();
    expect(Object.keys(calendar)).toEqual(list.map((y) => String(y.year)));
    expect(calendar[2026]).not.toHaveProperty('revision');
    // The working-day engine sees the amendment: 28 Dec 2026 is now a day off.
    expect(addWorkingDays('2026-12-23', 1, calendar)).toBe('2026-12-29');
  });

  it('lists a year without its SKB as provisional, and an entered SKB (number and date) ends that', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const provisional = (await client.getHolidayYear(year))!;
    expect(provisional).toMatchObject({ year, provisional: true, revision: 0, skbNumber: null, cutiBersama: [] });
    expect(provisional.holidays.every((d) => d.provisional)).toBe(true);
    expect((await client.getHolidayCalendar())[year]?.provisional).toBe(true);

    const entered = await client.putHolidayYear({
      year,
      holidays: provisional.holidays.map(({ date, name }) => ({ date, name })),
      cutiBersama: [],
      source: `SKB tahun ${year}`,
      skbNumber: ` 1/${year - 1} `,
      skbDate: `${year - 1}-09-19`,
    });
    expect(entered).toMatchObject({
      provisional: false,
      revision: 1,
      skbNumber: `1/${year - 1}`,
      skbDate: `${year - 1}-09-19`,
    });
    expect((await client.getHolidayCalendar())[year]?.provisional).toBeUndefined();

    for (const [body, field] of [
      [{ skbNumber: '1/2025', skbDate: null }, 'skbDate'],
      [{ skbNumber: '1/2025', skbDate: `${year - 1}-02-30` }, 'skbDate'],
      [{ skbNumber: '1/2025', skbDate: `${year + 1}-01-01` }, 'skbDate'],
    ] as const) {
      const err = await serviceErrorOf(client.http.put(`/calendars/${year}`, { ...entered, ...body }));
      expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
  });

  it("stores an agency's regional days off, replaced whole; the agency calendar includes them", async () => {
    expect(await client.getRegionalHolidays('KALREG')).toEqual({
      agencyCode: 'KALREG',
      days: [],
      revision: 0,
      updatedAt: null,
    });
    const day = { date: '2026-11-09', name: ' Hari Jadi ', basis: 'Keputusan Gubernur No. 1/2026' };
    const saved = await client.putRegionalHolidays('KALREG', [day]);
    expect(saved).toMatchObject({ revision: 1, days: [{ ...day, name: 'Hari Jadi' }] });
    expect((await client.putRegionalHolidays('KALREG', [day])).revision).toBe(1);
    const calendar = await client.getAgencyCalendar('KALREG');
    expect(addWorkingDays('2026-11-06', 1, calendar)).toBe('2026-11-10');
    const err = await serviceErrorOf(
      client.http.put('/agencies/KALREG/regional-holidays', { days: [{ ...day, basis: '' }] }),
    );
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', 'days.0.basis']);
  });

  it('keeps one revision per amendment when two administrators save at once', async () => {
    const a = { ...y2027, source: 'race A' };
    const b = { ...y2027, source: 'race B' };
    const [ra, rb] = await Promise.all([client.putHolidayYear(a), client.putHolidayYear(b)]);
    expect(new Set([ra.revision, rb.revision]).size).toBe(2);
    const latest = (await client.getHolidayYear(2027))!;
    expect(latest.revision).toBe(Math.max(ra.revision, rb.revision));
  });

  it.each<[string, unknown, string, string]>([
    ['an impossible date', { ...y2027, holidays: [{ date: '2027-02-29', name: 'X' }] }, '2027', 'holidays.0.date'],
    [
      'a date of another year',
      { ...y2027, cutiBersama: [{ date: '2028-01-01', name: 'X' }] },
      '2027',
      'cutiBersama.0.date',
    ],
    [
      'a duplicate date',
      { ...y2027, holidays: [...y2027.holidays, { date: '2027-01-01', name: 'Lagi' }] },
      '2027',
      'holidays.2.date',
    ],
    ['an empty name', { ...y2027, holidays: [{ date: '2027-01-01', name: '' }] }, '2027', 'holidays.0.name'],
    ['an empty source', { ...y2027, source: '' }, '2027', 'source'],
    ['a year other than the path', y2027, '2028', 'year'],
    ['a path that is no year', y2027, 'abc', 'year'],
  ])('rejects %s with 400 and the field', async (_label, body, year, field) => {
    const err = await serviceErrorOf(client.http.put(`/calendars/${year}`, body));
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', field]);
  });
});

describe('audit records', () => {
  function decision(i: number, overrides: Partial<AuditRecordDto> = {}): AuditRecordDto {
    return {
      decisionId: `d-${String(i).padStart(2, '0')}`,
      selectionId: 's-audit',
      workflowId: 'selection:KALTIM:s-audit',
      kind: i % 2 ? 'SCREENING_OVERRIDDEN' : 'SHORTLIST_APPROVED',
      by: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
      at: new Date(Date.UTC(2026, 11, 10, 0, 0, i % 5)).toISOString(),
      reason: i % 2 ? 'Dokumen menyusul telah diterima' : null,
      subjectId: i % 2 ? `app-${i}` : null,
      payload: { eligible: true, requirements: ['RANK'], round: i },
      ...overrides,
    };
  }

  it('records a decision once: a retry answers 200 with the first recording', async () => {
    const first = await client.http.raw('POST', '/audit-records', {
      body: Buffer.from(JSON.stringify(decision(1))),
      contentType: 'application/json',
    });
    expect(first?.status).toBe(201);
    const retry = await client.recordAudit({
      ...decision(1),
      at: '2026-12-11T00:00:00.000Z',
      payload: { retry: true },
    });
    expect(retry.created).toBe(false);
    const { created: _created, ...stored } = retry;
    expect(stored).toEqual(decision(1));
    expect(await service.conn.collection('auditRecords').countDocuments({ _id: 'd-01' as never })).toBe(1);
    const clash = await serviceErrorOf(client.recordAudit({ ...decision(1), kind: 'OTHER' }));
    expect([clash.status, clash.code, clash.field]).toEqual([409, 'CONFLICT', 'decisionId']);
  });

  it('rejects personal data in the payload', async () => {
    const err = await serviceErrorOf(client.recordAudit(decision(90, { payload: { nip: '197103121997032004' } })));
    expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', 'payload.nip']);
  });

  it('lists oldest first with a cursor and filters by subject and kind', async () => {
    for (let i = 2; i <= 12; i++) await client.recordAudit(decision(i));
    const expected = Array.from({ length: 12 }, (_, k) => decision(k + 1))
      .sort((a, b) => a.at.localeCompare(b.at) || a.decisionId.localeCompare(b.decisionId))
      .map((d) => d.decisionId);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await client.listAuditRecords({ selectionId: 's-audit', limit: 5, after });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((r) => r.decisionId));
      after = page.nextCursor ?? undefined;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    expect((await client.listAllAuditRecords({ selectionId: 's-audit', limit: 2 })).map((r) => r.decisionId)).toEqual(
      expected,
    );
    expect((await client.listAllAuditRecords({ subjectId: 'app-3' })).map((r) => r.decisionId)).toEqual(['d-03']);
    const overrides = await client.listAllAuditRecords({ selectionId: 's-audit', kind: 'SCREENING_OVERRIDDEN' });
    expect(overrides.map((r) => r.decisionId).sort()).toEqual(['d-01', 'd-03', 'd-05', 'd-07', 'd-09', 'd-11']);
    const bad = await serviceErrorOf(client.listAuditRecords({ selectionId: 's-audit', after: 'garbage' }));
    expect([bad.status, bad.field]).toEqual([400, 'after']);
  });
});

describe('profiles by agency (bulk upsert, paging, count)', () => {
  const TOTAL = 2500;
  // Distinct birth dates make distinct NIPs: born from 1 Jan 1970, CPNS from January 1996.
  function bulkProfile(i: number): ProfileDto {
    const born = new Date(Date.UTC(1970, 0, 1 + i)).toISOString().slice(0, 10).replace(/-/g, '');
    return { ...profile(`bulk-${i}`, `${born}199601${(i % 2) + 1}001`), agencyCode: 'BULK', name: `Pegawai ${i}` };
  }
  const all = Array.from({ length: TOTAL }, (_, i) => bulkProfile(i));

  it('stores 2,500 profiles through PUT /profiles and counts them per agency', async () => {
    const started = performance.now();
    for (let i = 0; i < TOTAL; i += 1000) {
      const body = { items: all.slice(i, i + 1000) };
      expect(await client.http.put('/profiles', body, { timeoutMs: BULK_TIMEOUT_MS })).toEqual({
        upserted: body.items.length,
      });
    }
    const ms = performance.now() - started;
    console.log(
      `[bench] PUT /profiles: ${TOTAL} new profiles in 3 requests (1000+1000+500) took ${ms.toFixed(0)} ms ` +
        `(${((TOTAL / ms) * 1000).toFixed(0)} profiles/s)`,
    );
    expect(await client.countProfiles('BULK')).toBe(TOTAL);
    expect(await client.countProfiles('NOBODY')).toBe(0);
    expect(await client.getProfile('bulk-1234')).toEqual(all[1234]);
  });

  it('pages the agency slot by slot (then by id) without duplicates or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    const started = performance.now();
    do {
      const page = await client.listProfilesPage({ agencyCode: 'BULK', limit: 300, after });
      expect(page.items.length).toBeLessThanOrEqual(300);
      expect(page.items.every((p) => p.agencyCode === 'BULK')).toBe(true);
      seen.push(...page.items.map((p) => p.id));
      after = page.nextCursor;
      pages++;
    } while (after);
    console.log(
      `[bench] GET /profiles?agencyCode: ${pages} pages of 300 took ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(pages).toBe(Math.ceil(TOTAL / 300));
    expect(new Set(seen).size).toBe(TOTAL);
    // Slot order, then code-unit order of the ids within a slot ('bulk-10' before 'bulk-2').
    const bySlotThenId = (a: string, b: string): number =>
      employeeBucket(a) - employeeBucket(b) || (a < b ? -1 : a > b ? 1 : 0);
    expect(seen).toEqual(all.map((p) => p.id).sort(bySlotThenId));
    const first = await client.listProfilesPage({ agencyCode: 'BULK' });
    expect(first.items).toHaveLength(100);
    expect(first.items[0]).toEqual(all.find((p) => p.id === seen[0]));
  });

  it('gives the mapping inputs of whole slots, the slot as the cursor, and refuses bad slots by field', async () => {
    const seen: string[] = [];
    let fromSlot: number | null = 0;
    while (fromSlot !== null) {
      const page: { items: { id: string; skp: unknown[] }[]; nextSlot: number | null } = await client.listTalentInputs({
        agencyCode: 'BULK',
        fromSlot,
        limit: 300,
      });
      // Whole slots: at least the limit unless the end came, and never a slot cut in two.
      if (page.nextSlot !== null) expect(page.items.length).toBeGreaterThanOrEqual(300);
      for (const p of page.items) {
        expect(employeeBucket(p.id)).toBeGreaterThanOrEqual(fromSlot);
        expect(employeeBucket(p.id)).toBeLessThan(page.nextSlot ?? EMPLOYEE_BUCKETS);
      }
      seen.push(...page.items.map((p) => p.id));
      fromSlot = page.nextSlot;
    }
    expect(new Set(seen).size).toBe(TOTAL);
    const one = all.find((p) => p.id === seen[0])!;
    const first = await client.listTalentInputs({ agencyCode: 'BULK', fromSlot: 0, toSlot: 1, limit: 1 });
    expect(first.nextSlot).toBeNull();
    expect(first.items.find((p) => p.id === one.id)).toEqual({ id: one.id, skp: one.skp });
    const bad = await serviceErrorOf(client.listTalentInputs({ agencyCode: 'BULK', fromSlot: 5, toSlot: 4 }));
    expect([bad.status, bad.code, bad.field]).toEqual([400, 'VALIDATION_FAILED', 'toSlot']);
    const beyond = await serviceErrorOf(
      client.listTalentInputs({ agencyCode: 'BULK', fromSlot: EMPLOYEE_BUCKETS + 1 }),
    );
    expect([beyond.status, beyond.field]).toEqual([400, 'fromSlot']);
  });

  it('is idempotent: the same batch again changes nothing', async () => {
    const stamp = async (id: string) =>
      (await service.conn.collection<{ _id: string; updatedAt: Date }>('profiles').findOne({ _id: id }))?.updatedAt;
    const before = await stamp('bulk-0');
    const slice = all.slice(0, 1000);
    const started = performance.now();
    expect(await client.upsertProfiles(slice)).toEqual({ upserted: 1000 });
    const ms = performance.now() - started;
    console.log(`[bench] PUT /profiles: the same 1000 existing profiles again took ${ms.toFixed(0)} ms`);
    expect(await client.countProfiles('BULK')).toBe(TOTAL);
    expect(await client.getProfilesByIds(['bulk-0', 'bulk-999'])).toEqual([all[0], all[999]]);
    // Not rewritten: the stamp of the first write stays.
    expect(await stamp('bulk-0')).toEqual(before);

    const renamed = all.slice(0, 300).map((p) => ({ ...p, name: `${p.name} (baru)` }));
    const t1 = performance.now();
    expect(await client.upsertProfiles(renamed)).toEqual({ upserted: 300 });
    console.log(`[bench] PUT /profiles: 300 changed profiles took ${(performance.now() - t1).toFixed(0)} ms`);
    expect(await client.getProfilesByIds(['bulk-0', 'bulk-299', 'bulk-300'])).toEqual([
      renamed[0],
      renamed[299],
      all[300],
    ]);
    expect((await stamp('bulk-0'))!.getTime()).toBeGreaterThan(before!.getTime());
    expect(await client.countProfiles('BULK')).toBe(TOTAL);
  });

  it('rejects a bad batch with 400/409 and the item field, writing none of it', async () => {
    const fresh = (i: number) => bulkProfile(TOTAL + i);
    const put = (items: unknown[]) => serviceErrorOf(client.http.put('/profiles', { items }));
    const cases: [unknown[], number, string, string][] = [
      [[fresh(0), fresh(1), fresh(2), { ...fresh(3), nip: '197113321997032004' }], 400, 'INVALID_NIP', 'items.3.nip'],
      [[fresh(0), { ...fresh(1), name: '' }], 400, 'VALIDATION_FAILED', 'items.1.name'],
      [[fresh(0), { ...fresh(1), id: fresh(0).id }], 400, 'VALIDATION_FAILED', 'items.1.id'],
      [[fresh(0), { ...fresh(1), nip: fresh(0).nip }], 409, 'CONFLICT', 'items.1.nip'],
      // The NIP of bulk-0 under another id.
      [[{ ...fresh(0), nip: all[0]!.nip }], 409, 'CONFLICT', 'items.0.nip'],
      [[], 400, 'VALIDATION_FAILED', 'items'],
      [Array.from({ length: 1001 }, (_, i) => fresh(i)), 400, 'VALIDATION_FAILED', 'items'],
    ];
    for (const [items, status, code, field] of cases) {
      const err = await put(items);
      expect([err.status, err.code, err.field]).toEqual([status, code, field]);
    }
    expect(await client.getProfile(fresh(0).id)).toBeNull();
    expect(await client.countProfiles('BULK')).toBe(TOTAL);
  });

  it('validates the list query and keeps the ids= batch form', async () => {
    const noFilter = await serviceErrorOf(client.http.get('/profiles'));
    expect([noFilter.status, noFilter.field]).toEqual([400, 'agencyCode']);
    const both = await serviceErrorOf(client.http.get('/profiles', { query: { ids: 'bulk-1', agencyCode: 'BULK' } }));
    expect([both.status, both.field]).toEqual([400, 'ids']);
    const cursor = await serviceErrorOf(client.listProfilesPage({ agencyCode: 'BULK', after: 'garbage' }));
    expect([cursor.status, cursor.field]).toEqual([400, 'after']);
    const limit = await serviceErrorOf(client.listProfilesPage({ agencyCode: 'BULK', limit: 1001 }));
    expect([limit.status, limit.field]).toEqual([400, 'limit']);
    const count = await serviceErrorOf(client.http.get('/profiles/count'));
    expect([count.status, count.field]).toEqual([400, 'agencyCode']);
    // Repeated ids work as well as a comma list.
    const res = await fetch(`${service.url}/profiles?ids=bulk-2&ids=missing,bulk-1`, {
      headers: await operatorHeaders('candidate'),
    });
    const { items } = (await res.json()) as { items: (ProfileDto | null)[] };
    expect(items.map((p) => p?.id ?? null)).toEqual(['bulk-2', null, 'bulk-1']);
  });
});

describe('invitations', () => {
  function invitation(selectionId: string, candidateId: string, invitedAt: string): InvitationDto {
    return {
      id: `${selectionId}:${candidateId}`,
      candidateId,
      selectionId,
      vacancyId: `${selectionId}-V1`,
      reason: 'Tidak ada talenta yang memenuhi syarat pada kelompok rencana suksesi',
      invitedAt,
    };
  }

  it('records an invitation once: a repeat answers the first recording', async () => {
    const first = invitation('s-inv', 'c-inv-1', '2027-01-05T02:00:00Z');
    const put = async () =>
      fetch(`${service.url}/invitations/${encodeURIComponent(first.id)}`, {
        method: 'PUT',
        headers: await operatorHeaders('candidate', { 'content-type': 'application/json' }),
        body: JSON.stringify(first),
      });
    expect((await put()).status).toBe(201);
    expect((await put()).status).toBe(200);
    const retry = await client.putInvitation({ ...first, invitedAt: '2027-01-06T00:00:00.000Z', reason: 'Lagi' });
    expect(retry).toEqual({ ...first, invitedAt: '2027-01-05T02:00:00.000Z' });
    expect(await service.conn.collection('invitations').countDocuments({ _id: first.id as never })).toBe(1);
  });

  it('lists by candidate and by selection, newest first', async () => {
    await client.putInvitation(invitation('s-inv', 'c-inv-2', '2027-01-05T03:00:00.000Z'));
    await client.putInvitation(invitation('s-inv-2', 'c-inv-1', '2027-02-01T00:00:00.000Z'));
    expect((await client.listInvitations({ candidateId: 'c-inv-1' })).map((i) => i.selectionId)).toEqual([
      's-inv-2',
      's-inv',
    ]);
    expect((await client.listInvitations({ selectionId: 's-inv' })).map((i) => i.candidateId)).toEqual([
      'c-inv-2',
      'c-inv-1',
    ]);
    expect(await client.listInvitations({ selectionId: 's-inv', candidateId: 'c-inv-2' })).toHaveLength(1);
    expect(await client.listInvitations({ candidateId: 'nobody' })).toEqual([]);
  });

  it('rejects bad input with 400 and the field', async () => {
    const base = invitation('s-inv', 'c-inv-9', '2027-01-05T02:00:00Z');
    const wrongId = await serviceErrorOf(
      client.putInvitation({ ...base, id: 's-inv:someone-else', candidateId: 'c-inv-9' }),
    );
    expect([wrongId.status, wrongId.code, wrongId.field]).toEqual([400, 'VALIDATION_FAILED', 'id']);
    const otherPath = await serviceErrorOf(client.http.put('/invitations/s-inv:c-inv-8', base));
    expect([otherPath.status, otherPath.field]).toEqual([400, 'id']);
    const badTime = await serviceErrorOf(client.putInvitation({ ...base, invitedAt: '2027-13-01T00:00:00Z' }));
    expect([badTime.status, badTime.field]).toEqual([400, 'invitedAt']);
    const noReason = await serviceErrorOf(client.putInvitation({ ...base, reason: ' ' }));
    expect([noReason.status, noReason.field]).toEqual([400, 'reason']);
    const noFilter = await serviceErrorOf(client.listInvitations({}));
    expect([noFilter.status, noFilter.field]).toEqual([400, 'candidateId']);
  });
});
