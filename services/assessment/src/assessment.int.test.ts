import {
  defaultMeritAspectConfig,
  defaultTalentSettings,
  employeeBucket,
  mapTalentPage,
  type ConflictDeclarationDto,
  type ScoreRecordDto,
  type SuccessionGroupDto,
  type TalentMapEntryDto,
  type TalentSettings,
} from '@seleksi/domain';
import {
  AssessmentClient,
  BULK_TIMEOUT_MS,
  ServiceError,
  type AssessmentResultDto,
  type RunningService,
  testServiceEnv,
  stopTestService,
  serviceErrorOf,
  operatorServiceAuth,
  operatorHeaders,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startAssessmentService } from './app';
import { loadAssessmentConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: AssessmentClient;

beforeAll(async () => {
  service = await startAssessmentService(loadAssessmentConfig(testServiceEnv('ASSESSMENT', 'it_assessment', mongoUri)));
  client = new AssessmentClient(service.url, { auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
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
    const tooHigh = await serviceErrorOf(client.putScoreRecord({ ...base, value: 100.5 }));
    expect([tooHigh.status, tooHigh.code, tooHigh.field]).toEqual([400, 'VALIDATION_FAILED', 'value']);
    const otherId = await serviceErrorOf(client.http.put('/score-records/other-id', base));
    expect([otherId.status, otherId.field]).toEqual([400, 'id']);
    const badKey = await serviceErrorOf(client.putScoreRecord({ ...base, components: { 'a.b': 1 } }));
    expect([badKey.status, badKey.field]).toEqual([400, 'components.a.b']);
    const noFilter = await serviceErrorOf(client.listScoreRecords({ kind: 'INTERVIEW' }));
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
    const dup = await serviceErrorOf(client.putConflict({ ...declaration('pm-2', 'c-1'), id: 'another-id' }));
    expect([dup.status, dup.code, dup.field]).toEqual([409, 'CONFLICT', 'id']);
    const noReason = await serviceErrorOf(client.putConflict({ ...declaration('pm-3', 'c-1', true), reason: null }));
    expect([noReason.status, noReason.code, noReason.field]).toEqual([400, 'VALIDATION_FAILED', 'reason']);
    const noFilter = await serviceErrorOf(client.listConflicts({}));
    expect(noFilter.status).toBe(400);
  });
});

describe('talent settings', () => {
  const settings: TalentSettings = {
    ...defaultTalentSettings('KALTIM'),
    targetPosts: [{ id: 'post-dinkes', title: 'Kepala Dinas Kesehatan', level: 'PRATAMA', unit: 'Dinas Kesehatan' }],
  };

  it('stores the settings as given and answers 404 (null) for an agency without any', async () => {
    expect(await client.getTalentSettings('KALTIM')).toBeNull();
    expect(
      (await fetch(`${service.url}/talent-settings/KALTIM`, { headers: await operatorHeaders('assessment') })).status,
    ).toBe(404);
    expect(await client.putTalentSettings(settings)).toEqual(settings);
    expect(await client.getTalentSettings('KALTIM')).toEqual(settings);
    // Kept as JSON text: shapes FerretDB v1 cannot store as a document round-trip too.
    const odd = { ...settings, agencyCode: 'ODD', extra: { matrix: [[1, 2], [3]], 'dotted.key': true, $money: 1 } };
    await client.http.put('/talent-settings/ODD', odd);
    expect(await client.getTalentSettings('ODD')).toEqual(odd);
    const revised = { ...settings, targetPosts: [] };
    await client.putTalentSettings(revised);
    expect(await client.getTalentSettings('KALTIM')).toEqual(revised);
  });

  it('checks only the agency code and the top-level shape', async () => {
    const other = await serviceErrorOf(
      client.http.put('/talent-settings/KALTIM', { ...settings, agencyCode: 'JATIM' }),
    );
    expect([other.status, other.code, other.field]).toEqual([400, 'VALIDATION_FAILED', 'agencyCode']);
    const array = await serviceErrorOf(client.http.put('/talent-settings/KALTIM', [settings]));
    expect([array.status, array.code]).toEqual([400, 'VALIDATION_FAILED']);
    const badCode = await serviceErrorOf(client.http.put('/talent-settings/A%20B', { agencyCode: 'A B' }));
    expect([badCode.status, badCode.field]).toEqual([400, 'agencyCode']);
    // The path fills a missing agencyCode.
    expect(await client.http.put('/talent-settings/BARE', { scoring: null })).toEqual({
      scoring: null,
      agencyCode: 'BARE',
    });
  });
});

describe('talent settings written before the overseer owned the gate', () => {
  it('answers a stored merit index and approval as legacyGate, which the gate state never reads', async () => {
    await client.http.put('/talent-settings/LAMA', {
      ...defaultTalentSettings('LAMA'),
      meritIndexScore: 330,
      meritAssessedOn: '2026-03-01',
      talentSystemApproval: { approvedOn: '2026-01-10', reference: 'B-1/BKN' },
    });
    const s = await client.getTalentSettings('LAMA');
    expect(s).not.toHaveProperty('meritIndexScore');
    expect(s?.legacyGate).toEqual({
      meritIndexScore: 330,
      meritAssessedOn: '2026-03-01',
      talentSystemApproval: { approvedOn: '2026-01-10', reference: 'B-1/BKN' },
    });
    expect(await client.getTalentGateState('LAMA')).toEqual({ agencyCode: 'LAMA', validated: null, approval: null });
  });
});

describe('merit-system assessments and the talent gate decisions', () => {
  const agency = { userId: 'u-bkd', role: 'PANSEL_SECRETARY' as const };
  const overseer = { userId: 'u-bkn', role: 'OVERSEER' as const };

  it('keeps the decision a state write carried when its append was lost, and appends it on the next read', async () => {
    const a = await client.startMeritAssessment({
      agencyCode: 'REPAIR',
      period: '2026',
      config: defaultMeritAspectConfig(),
      by: agency,
    });
    const scored = await client.editMeritAssessment(a.id, {
      expectedVersion: a.version,
      aspects: a.aspects.map((x) => ({ code: x.code, score: 3, note: null })),
    });
    const submitted = await client.decideMeritAssessment(a.id, {
      action: 'SUBMIT',
      expectedVersion: scored.version,
      by: agency,
    });
    const validated = await client.decideMeritAssessment(a.id, {
      action: 'VALIDATE',
      expectedVersion: submitted.assessment.version,
      by: overseer,
      validatedOn: '2026-06-30',
    });
    expect(validated.assessment).toMatchObject({ status: 'VALIDATED', index: 300, category: 'BAIK' });
    // A crash between the state write and the append: the decision is missing from the log.
    const log = service.conn.collection('talentGateDecisions');
    await log.deleteOne({ _id: validated.decision.decisionId } as never);
    expect(await log.countDocuments({ agencyCode: 'REPAIR' })).toBe(1);
    const state = await client.getTalentGateState('REPAIR');
    expect(state.validated).toMatchObject({
      assessmentId: a.id,
      index: 300,
      category: 'BAIK',
      validatedOn: '2026-06-30',
    });
    expect((await client.listTalentGateDecisions('REPAIR')).map((d) => d.kind)).toEqual([
      'ASSESSMENT_SUBMITTED',
      'ASSESSMENT_VALIDATED',
    ]);
  });

  it('refuses a stale version, a second open assessment, and a withdrawal without an approval', async () => {
    const a = await client.startMeritAssessment({
      agencyCode: 'RACE',
      period: '2026',
      config: defaultMeritAspectConfig(),
      by: agency,
    });
    const stale = await serviceErrorOf(
      client.editMeritAssessment(a.id, { expectedVersion: a.version + 1, aspects: [] }),
    );
    expect([stale.status, stale.code]).toEqual([409, 'CONFLICT']);
    const second = await serviceErrorOf(
      client.startMeritAssessment({
        agencyCode: 'RACE',
        period: '2026',
        config: defaultMeritAspectConfig(),
        by: agency,
      }),
    );
    expect([second.status, second.code, second.field]).toEqual([409, 'CONFLICT', 'agencyCode']);
    const withdraw = await serviceErrorOf(
      client.decideTalentSystemApproval('RACE', {
        action: 'WITHDRAW',
        by: overseer,
        reason: 'Tidak ada yang dicabut',
        withdrawnOn: '2026-06-30',
        reference: 'B-9',
      }),
    );
    expect([withdraw.status, withdraw.code]).toEqual([409, 'WRONG_STAGE']);
  });
});

describe('inputs of talent mapping for many candidates', () => {
  const by = { userId: 'u-bkd', role: 'PANSEL_SECRETARY' as const };

  it('lists assessment results of many candidates, grouped in input order and newest first', async () => {
    const result = (candidateId: string, id: string, assessedAt: string): AssessmentResultDto => ({
      id,
      candidateId,
      provider: 'UPT Penilaian Kompetensi',
      assessedAt,
      managerial: 80,
      socioCultural: 75,
      validUntil: '2029-12-31',
    });
    await client.upsertAssessmentResult(result('c-m-1', 'ar-m-1a', '2024-05-01'));
    await client.upsertAssessmentResult(result('c-m-1', 'ar-m-1b', '2026-01-10'));
    await client.upsertAssessmentResult(result('c-m-2', 'ar-m-2a', '2025-07-01'));
    const listed = await client.listAssessmentResultsFor(['c-m-2', 'nobody', 'c-m-1', 'c-m-2']);
    expect(listed.map((r) => r.id)).toEqual(['ar-m-2a', 'ar-m-1b', 'ar-m-1a']);
    const repeated = await fetch(`${service.url}/assessment-results?candidateIds=c-m-1&candidateIds=c-m-2`, {
      headers: await operatorHeaders('assessment'),
    });
    expect(((await repeated.json()) as { items: AssessmentResultDto[] }).items.map((r) => r.id)).toEqual([
      'ar-m-1b',
      'ar-m-1a',
      'ar-m-2a',
    ]);
    // The single-candidate form still works; both at once or neither is a 400.
    expect((await client.listAssessmentResults({ candidateId: 'c-m-1' })).map((r) => r.id)).toEqual([
      'ar-m-1b',
      'ar-m-1a',
    ]);
    const both = await serviceErrorOf(
      client.http.get('/assessment-results', { query: { candidateId: 'a', candidateIds: 'b' } }),
    );
    expect([both.status, both.field]).toEqual([400, 'candidateId']);
    const tooMany = Array.from({ length: 201 }, (_, i) => `c-${i}`);
    const over = await serviceErrorOf(client.http.get('/assessment-results', { query: { candidateIds: tooMany } }));
    expect([over.status, over.field]).toEqual([400, 'candidateIds']);
  });

  it('batches more than 100 candidates per request', async () => {
    const ids = Array.from({ length: 230 }, (_, i) => `c-batch-${String(i).padStart(3, '0')}`);
    for (const id of [ids[0]!, ids[150]!, ids[229]!]) {
      await client.upsertAssessmentResult({
        id: `ar-${id}`,
        candidateId: id,
        provider: 'UPT',
        assessedAt: '2026-02-01',
        managerial: 70,
        socioCultural: 70,
        validUntil: '2029-02-01',
      });
    }
    expect((await client.listAssessmentResultsFor(ids)).map((r) => r.candidateId)).toEqual([
      ids[0],
      ids[150],
      ids[229],
    ]);
    expect(await client.listAssessmentResultsFor([])).toEqual([]);
  });

  it('lists track records of many candidates by kind', async () => {
    const track = (candidateId: string, kind: ScoreRecordDto['kind'], value: number): ScoreRecordDto => ({
      id: `tr:${candidateId}:${kind}`,
      selectionId: 'talent-2026',
      applicationId: `talent-2026:${candidateId}`,
      candidateId,
      kind,
      memberId: null,
      round: 0,
      value,
      components: null,
      note: null,
      recordedBy: by,
      recordedAt: '2026-06-01T00:00:00.000Z',
    });
    await client.putScoreRecord(track('c-t-1', 'TRACK_RECORD', 82));
    await client.putScoreRecord(track('c-t-2', 'TRACK_RECORD', 77));
    await client.putScoreRecord(track('c-t-2', 'INTERVIEW', 90));
    await client.putScoreRecord(track('c-t-3', 'TRACK_RECORD', 60));
    const records = await client.listScoreRecordsFor(['c-t-2', 'c-t-1', 'c-none'], 'TRACK_RECORD');
    expect(records.map((r) => [r.candidateId, r.value])).toEqual([
      ['c-t-1', 82],
      ['c-t-2', 77],
    ]);
    expect((await client.listScoreRecordsFor(['c-t-2'])).map((r) => r.kind)).toEqual(['INTERVIEW', 'TRACK_RECORD']);
  });
});

describe('talent map', () => {
  const AGENCY = 'MAP';
  // 60 employees: every box, 8 unmapped, and runs of equal scores so pages split ties.
  function entry(i: number, period = '2026', mappedAt = '2026-12-01T02:00:00.000Z'): TalentMapEntryDto {
    const employeeId = `e-${String(i).padStart(3, '0')}`;
    const unmapped = i % 7 === 3;
    const box = unmapped ? null : (i % 9) + 1;
    const score = unmapped ? null : 60 + (i % 4) * 10;
    return {
      id: `${AGENCY}:${period}:${employeeId}`,
      agencyCode: AGENCY,
      period,
      employeeId,
      box,
      potential: unmapped ? null : ((Math.floor((i % 9) / 3) + 1) as 1 | 2 | 3),
      performance: unmapped ? null : (((i % 3) + 1) as 1 | 2 | 3),
      performanceScore: unmapped ? null : score,
      potentialScore: unmapped ? null : 70.5,
      score,
      missing: unmapped ? ['ASSESSMENT'] : [],
      mappedAt,
      runId: 'run-1',
    };
  }
  const entries = Array.from({ length: 60 }, (_, i) => entry(i));

  function expectedOrder(list: TalentMapEntryDto[]): string[] {
    return [...list]
      .sort(
        (a, b) =>
          (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0) ||
          (b.score ?? 0) - (a.score ?? 0) ||
          (a.employeeId < b.employeeId ? -1 : 1),
      )
      .map((e) => e.employeeId);
  }

  async function allPages(query: { box?: number | 'none'; limit: number }): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await client.listTalentMapEntries({ agencyCode: AGENCY, period: '2026', ...query, after });
      expect(page.items.length).toBeLessThanOrEqual(query.limit);
      seen.push(...page.items.map((e) => e.employeeId));
      after = page.nextCursor;
    } while (after);
    return seen;
  }

  it("maps a page of slots server-side: reads the slots' assessments and track records, scores, writes once", async () => {
    const scoring = defaultTalentSettings('SLOTS').scoring;
    const skp = [2023, 2024, 2025].map((year) => ({ year, predicate: 'SANGAT_BAIK' as const }));
    const assessed = 'slot-emp-1';
    const assessment = {
      candidateId: assessed,
      provider: 'UPT',
      assessedAt: '2026-03-01',
      managerial: 85,
      socioCultural: 80,
      validUntil: '2029-03-01',
    };
    await client.upsertAssessmentResult({ id: `ar-${assessed}`, ...assessment });
    await client.putScoreRecord({
      id: `tr:${assessed}`,
      selectionId: 'talent-2026',
      applicationId: `talent-2026:${assessed}`,
      candidateId: assessed,
      kind: 'TRACK_RECORD',
      memberId: null,
      round: 0,
      value: 90,
      components: null,
      note: null,
      recordedBy: { userId: 'u-admin', role: 'ADMIN' },
      recordedAt: '2026-06-01T00:00:00.000Z',
    });
    const stamps = { asOf: '2026-11-24', runId: 'run-slots', mappedAt: '2026-12-01T02:00:00.000Z' };
    for (const [id, expected] of [
      [
        assessed,
        {
          assessments: [assessment],
          trackRecords: [{ candidateId: assessed, recordedAt: '2026-06-01T00:00:00.000Z', value: 90 }],
        },
      ],
      ['slot-emp-2', { assessments: [], trackRecords: [] }],
    ] as const) {
      const slot = employeeBucket(id);
      const body = { fromSlot: slot, toSlot: slot + 1, ...stamps, scoring, employees: [{ id, skp }] };
      const page = mapTalentPage(
        { agencyCode: 'SLOTS', period: '2026', ...stamps, employees: body.employees, ...expected },
        scoring,
      );
      for (let time = 0; time < 2; time++) {
        expect(await client.mapTalentSlots('SLOTS', '2026', body)).toEqual({
          processed: 1,
          unmapped: page.unmapped,
          byBox: page.byBox,
        });
      }
      const stored = await client.getTalentHistory(id);
      expect(stored).toEqual(page.entries);
    }
    // The assessed employee lands in a box; the other lacks an assessment.
    expect((await client.getTalentHistory(assessed))[0]!.box).not.toBeNull();
    expect((await client.getTalentMapCounts('SLOTS', '2026')).total).toBe(2);

    const post = (body: object) => serviceErrorOf(client.http.post('/talent-map/SLOTS/2026/slots', body));
    const valid = { fromSlot: 0, toSlot: 1, ...stamps, scoring, employees: [] };
    const badSkp = await post({ ...valid, employees: [{ id: 'x', skp: [{ year: 2025, predicate: 'HEBAT' }] }] });
    expect([badSkp.status, badSkp.code, badSkp.field]).toEqual([
      400,
      'VALIDATION_FAILED',
      'employees.0.skp.0.predicate',
    ]);
    const badSlot = await post({ ...valid, fromSlot: -1 });
    expect([badSlot.status, badSlot.field]).toEqual([400, 'fromSlot']);
    const badRules = await post({ ...valid, scoring: { ...scoring, skpYears: 0 }, employees: [{ id: 'x', skp }] });
    expect(badRules.code).toBe('INVALID_RULES');
  });

  it('upserts entries idempotently: the same batch twice gives the same counts', async () => {
    expect(await client.putTalentMapEntries(entries)).toEqual({ upserted: 60 });
    const counts = await client.getTalentMapCounts(AGENCY, '2026');
    expect(await client.putTalentMapEntries(entries)).toEqual({ upserted: 60 });
    expect(await client.getTalentMapCounts(AGENCY, '2026')).toEqual(counts);
    expect(await service.conn.collection('talentMapEntries').countDocuments({ agencyCode: AGENCY })).toBe(60);
  });

  it('counts every box, the unmapped and the total', async () => {
    const byBox: Record<string, number> = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((b) => [b, 0]),
    );
    for (const e of entries) if (e.box !== null) byBox[String(e.box)]! += 1;
    expect(await client.getTalentMapCounts(AGENCY, '2026')).toEqual({
      agencyCode: AGENCY,
      period: '2026',
      total: 60,
      unmapped: entries.filter((e) => e.box === null).length,
      byBox,
    });
    expect(await client.getTalentMapCounts(AGENCY, '2030')).toEqual({
      agencyCode: AGENCY,
      period: '2030',
      total: 0,
      unmapped: 0,
      byBox: Object.fromEntries(Object.keys(byBox).map((b) => [b, 0])),
    });
  });

  it('pages the drill-down by score then employeeId, stable across equal scores', async () => {
    expect(await allPages({ limit: 7 })).toEqual(expectedOrder(entries));
    expect(await allPages({ limit: 1 })).toEqual(expectedOrder(entries));
    expect(await allPages({ box: 9, limit: 2 })).toEqual(expectedOrder(entries.filter((e) => e.box === 9)));
    expect(await allPages({ box: 'none', limit: 3 })).toEqual(expectedOrder(entries.filter((e) => e.box === null)));
    const first = await client.listTalentMapEntries({ agencyCode: AGENCY, period: '2026', limit: 2 });
    expect(first.items[0]).toEqual(entries.find((e) => e.employeeId === first.items[0]!.employeeId));
    // A re-mapping with changed scores between pages neither repeats nor skips the untouched.
    const page1 = await client.listTalentMapEntries({ agencyCode: AGENCY, period: '2026', box: 'none', limit: 100 });
    expect(page1.nextCursor).toBeNull();
  });

  it("answers a person's history newest period first, and the periods of an agency", async () => {
    await client.putTalentMapEntries([
      entry(1, '2025', '2025-12-01T00:00:00.000Z'),
      entry(2, '2025', '2025-12-03T00:00:00.000Z'),
      { ...entry(1, '2026-S2', '2026-12-20T00:00:00.000Z'), agencyCode: 'MAP2', id: 'MAP2:2026-S2:e-001' },
    ]);
    await client.putTalentMapEntries([entry(5, '2026', '2026-12-02T05:00:00.000Z')]);
    expect((await client.getTalentHistory('e-001')).map((e) => [e.agencyCode, e.period])).toEqual([
      ['MAP2', '2026-S2'],
      [AGENCY, '2026'],
      [AGENCY, '2025'],
    ]);
    expect(await client.getTalentHistory('nobody')).toEqual([]);
    expect(await client.listTalentMapPeriods(AGENCY)).toEqual([
      { period: '2026', mappedAt: '2026-12-02T05:00:00.000Z', total: 60 },
      { period: '2025', mappedAt: '2025-12-03T00:00:00.000Z', total: 2 },
    ]);
    expect(await client.listTalentMapPeriods('NONE')).toEqual([]);
  });

  it('rejects bad entries and queries with 400 and the field', async () => {
    const put = (items: unknown[]) => serviceErrorOf(client.http.put('/talent-map/entries', { items }));
    const cases: [unknown[], string][] = [
      [[{ ...entry(0), box: 10 }], 'items.0.box'],
      [[entry(0), { ...entry(1), potential: 4 }], 'items.1.potential'],
      [[{ ...entry(0), id: 'MAP:2026:someone' }], 'items.0.id'],
      [[{ ...entry(0), period: '26', id: 'MAP:26:e-000' }], 'items.0.period'],
      [[entry(0), entry(0)], 'items.1.id'],
      [[{ ...entry(0), mappedAt: 'yesterday' }], 'items.0.mappedAt'],
      [[], 'items'],
      [Array.from({ length: 1001 }, (_, i) => entry(i)), 'items'],
    ];
    for (const [items, field] of cases) {
      const err = await put(items);
      expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    const list = (query: Record<string, string>, period = '2026') =>
      serviceErrorOf(client.http.get(`/talent-map/${AGENCY}/${period}/entries`, { query }));
    expect((await list({ box: '0' })).field).toBe('box');
    expect((await list({ box: 'x' })).field).toBe('box');
    expect((await list({ after: 'garbage' })).field).toBe('after');
    expect((await list({ limit: '1001' })).field).toBe('limit');
    expect((await list({}, '2026-X')).field).toBe('period');
    expect((await serviceErrorOf(client.http.get(`/talent-map/${AGENCY}/26/counts`))).field).toBe('period');
  });

  it('writes a thousand entries in one request, and re-maps a period (timings printed)', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({
      ...entry(i, '2024'),
      id: `${AGENCY}:2024:e-${String(i).padStart(3, '0')}`,
    }));
    const timed = async <T>(label: string, f: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await f();
      console.log(`[bench] ${label} took ${(performance.now() - started).toFixed(0)} ms`);
      return result;
    };
    const put = (items: TalentMapEntryDto[]) =>
      client.http.put('/talent-map/entries', { items }, { timeoutMs: BULK_TIMEOUT_MS });
    expect(await timed('PUT /talent-map/entries: 1000 new entries', () => put(many))).toEqual({ upserted: 1000 });
    expect(await timed('PUT /talent-map/entries: the same 1000 again', () => put(many))).toEqual({ upserted: 1000 });
    const changed = many.map((e) => ({ ...e, runId: 'run-2' }));
    expect(
      await timed('PUT /talent-map/entries: 250 changed entries (in-place replace)', () => put(changed.slice(0, 250))),
    ).toEqual({ upserted: 250 });
    expect(await timed('DELETE /talent-map/MAP/2024', () => client.deleteTalentMapPeriod(AGENCY, '2024'))).toEqual({
      deleted: 1000,
    });
    expect(await timed('PUT /talent-map/entries: 1000 re-mapped entries', () => put(changed))).toEqual({
      upserted: 1000,
    });
    expect((await client.getTalentMapCounts(AGENCY, '2024')).total).toBe(1000);
    const page = await client.listTalentMapEntries({ agencyCode: AGENCY, period: '2024', limit: 1000 });
    expect(page.items.every((e) => e.runId === 'run-2')).toBe(true);
    expect(await client.deleteTalentMapPeriod(AGENCY, '2023')).toEqual({ deleted: 0 });
  });
});

describe('succession groups (KRS)', () => {
  function group(year: number, postId: string, overrides: Partial<SuccessionGroupDto> = {}): SuccessionGroupDto {
    return {
      id: `KALTIM:${year}:${postId}`,
      agencyCode: 'KALTIM',
      year,
      postId,
      postTitle: 'Kepala Dinas Kesehatan',
      level: 'PRATAMA',
      members: [
        { employeeId: 'e-009', order: 1, box: 9, score: 91.2 },
        { employeeId: 'e-004', order: 2, box: 9, score: 88.75 },
        { employeeId: 'e-017', order: 3, box: 8, score: 86.1 },
      ],
      derivedFrom: String(year),
      publishedAt: '2026-12-15T02:00:00.000Z',
      documentId: 'doc-krs-1',
      ...overrides,
    };
  }

  it("round-trips a group and lists an agency's groups newest year first, then by post", async () => {
    expect(await client.putSuccessionGroup(group(2026, 'post-b'))).toEqual(group(2026, 'post-b'));
    await client.putSuccessionGroup(group(2026, 'post-a', { publishedAt: null, documentId: null, members: [] }));
    await client.putSuccessionGroup(group(2025, 'post-a'));
    expect(await client.getSuccessionGroup('KALTIM:2026:post-b')).toEqual(group(2026, 'post-b'));
    expect(await client.getSuccessionGroup('KALTIM:2026:none')).toBeNull();
    expect((await client.listSuccessionGroups({ agencyCode: 'KALTIM' })).map((g) => g.id)).toEqual([
      'KALTIM:2026:post-a',
      'KALTIM:2026:post-b',
      'KALTIM:2025:post-a',
    ]);
    expect((await client.listSuccessionGroups({ agencyCode: 'KALTIM', year: 2025 })).map((g) => g.id)).toEqual([
      'KALTIM:2025:post-a',
    ]);
    // Replaced as a whole.
    const published = group(2026, 'post-a', { publishedAt: '2026-12-16T08:00:00+08:00' });
    await client.putSuccessionGroup(published);
    expect(await client.getSuccessionGroup(published.id)).toEqual({
      ...published,
      publishedAt: '2026-12-16T00:00:00.000Z',
    });
  });

  it('rejects bad groups with 400 and the field', async () => {
    const cases: [SuccessionGroupDto, string][] = [
      [{ ...group(2026, 'post-x'), id: 'KALTIM:2026:post-y' }, 'id'],
      [group(2026, 'post-x', { level: 'ADMIN' as SuccessionGroupDto['level'] }), 'level'],
      [
        group(2026, 'post-x', { members: [group(2026, 'p').members[0]!, group(2026, 'p').members[0]!] }),
        'members.1.employeeId',
      ],
      [group(2026, 'post-x', { members: [{ employeeId: 'e-1', order: 1, box: 0, score: 1 }] }), 'members.0.box'],
      [group(2026, 'post-x', { derivedFrom: 'last year' }), 'derivedFrom'],
    ];
    for (const [dto, field] of cases) {
      const err = await serviceErrorOf(client.putSuccessionGroup(dto));
      expect([err.status, err.code, err.field]).toEqual([400, 'VALIDATION_FAILED', field]);
    }
    const noAgency = await serviceErrorOf(client.http.get('/succession-groups'));
    expect([noAgency.status, noAgency.field]).toEqual([400, 'agencyCode']);
  });
});
