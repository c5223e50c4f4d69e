/**
 * XLSX and CSV exports downloaded through the real gateway (real Temporal dev server, real FerretDB):
 * a training-mode round driven to its final ranking, exported at each step as each role, every file
 * parsed back (exceljs, csv-parse) and its rows, headers and local times checked; the talent map and a
 * KRS from stored talent records. Refusals: no token, a candidate, another agency's staff, the PPK for
 * the audit trail, an unknown selection, scores before the ranking, an unknown format.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  applicationId,
  localDateOf,
  REQUIREMENT_LABELS,
  TIME_ZONES,
  talentMapEntryId,
  type ProfileDto,
  type TalentMapEntryDto,
} from '@seleksi/domain';
import { startStack, type Stack } from './support/stack';
import { eligibleProfile, RECENT_SKP_YEARS, testAgency, testPansel } from './support/fixtures';
import { must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';

const AGENCY = testAgency('EXPROV');
const OTHER_AGENCY = testAgency('EXLAIN');
const PASSWORD = 'rahasia-uji-123';

const PANSEL = testPansel('ex');
const MEMBERS = PANSEL.map((m) => m.userId);
const M2 = MEMBERS[1]!;

const SECRETARY = 'ex-sec';
const OTHER_SECRETARY = 'ex-sec-lain';
const PPK = 'ex-ppk';
const OVERSEER = 'ex-overseer';
const ADMIN = 'ex-admin';
const cand = (n: number) => `ex-cand-${n}`;
const asn = (n: number) => `ex-asn-${n}`;

/** Five candidates; #5 has not filed the LHKPN (TMS). */
function profile(n: number): ProfileDto {
  const p = eligibleProfile(asn(n), AGENCY.code, 40 + n, n === 5 ? { lhkpnFiled: false } : {});
  return {
    ...p,
    careers: p.careers.map((c) => ({ ...c, fields: ['Pendidikan'] })),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  };
}

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER_AGENCY.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  ...MEMBERS.map((id) => testUser(id, 'PANSEL_MEMBER', null)),
  ...[1, 2, 3, 4, 5].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

const WITA_MS = TIME_ZONES.WITA.offsetMinutes * 60_000;
const today = () => localDateOf(new Date(), AGENCY.timeZone);
/** 'YYYY-MM-DD HH:mm' in WITA, as the CSV writes it. */
const wita = (iso: string) => new Date(new Date(iso).getTime() + WITA_MS).toISOString().slice(0, 16).replace('T', ' ');

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'export',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER_AGENCY);
  for (let n = 1; n <= 5; n++) await stack.clients.candidate.upsertProfile(profile(n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
  json: { error?: { code: string; field?: string; message: string } } | null;
}

async function download(path: string, as: string | null): Promise<Download> {
  const res = await fetch(`${stack.gateway.url}${path}`, {
    headers: as ? { authorization: `Bearer ${d.token(as)}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type');
  return {
    status: res.status,
    type,
    disposition: res.headers.get('content-disposition'),
    bytes,
    json: type?.startsWith('application/json') ? (JSON.parse(bytes.toString('utf8')) as Download['json']) : null,
  };
}

function expectRefusal(r: Download, status: number, code: string, field?: string): void {
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  expect(r.json?.error).toMatchObject(field ? { code, field } : { code });
  expect(r.json?.error?.message).toMatch(/\S/);
}

/** The first sheet as rows of cell values (header first). */
async function sheetOf(r: Download): Promise<{ name: string; rows: unknown[][] }> {
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(r.bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: sheet.name, rows };
}

function csvOf(r: Download): string[][] {
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  expect(r.type).toMatch(/^text\/csv/);
  expect(r.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf'); // BOM: spreadsheets read UTF-8
  return parse(r.bytes, { bom: true }) as string[][];
}

describe('exports of a selection', () => {
  it('downloads applicants, scores, ranking and audit as each role may, in WITA', { timeout: 300_000 }, async () => {
    const { selectionId: id, vacancyId } = await d.openTrainingRound(
      { secretary: SECRETARY, overseer: OVERSEER },
      PANSEL,
      {
        title: 'Seleksi Terbuka JPT Pratama Uji Ekspor',
        announcementDate: today(),
        vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
        secondsPerDay: 2,
        rules: {
          registrationDays: 3,
          extensionDays: 1,
          extensionMaxTimes: 1,
          objectionWorkingDays: 1,
          overseerEra: 'KASN',
          overseerDecisionWorkingDays: 30,
        },
      },
    );
    const ids = await d.applyAll([1, 2, 3, 4, 5].map((n) => [cand(n), vacancyId] as [string, string]));
    const app = (n: number) => ids[n - 1]!;
    await d.waitFor(
      SECRETARY,
      id,
      (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
    );
    const base = `/export/selections/${encodeURIComponent(id)}`;

    // Applicants with the screening result per requirement, XLSX and CSV.
    const applicants = await download(`${base}/applicants.xlsx`, SECRETARY);
    expect(applicants.disposition).toMatch(/^attachment; filename="pelamar-.+\.xlsx"/);
    const sheet = await sheetOf(applicants);
    expect(sheet.name).toBe('Pelamar');
    const header = sheet.rows[0] as string[];
    expect(header.slice(0, 9)).toEqual([
      'No',
      'ID Lamaran',
      'Nama Peserta',
      'Jabatan yang Dilamar',
      'Waktu Melamar (WITA)',
      'Status Lamaran',
      'Hasil Seleksi Administrasi',
      'Ditetapkan oleh',
      'Alasan Perubahan oleh Pansel',
    ]);
    expect(header).toContain(REQUIREMENT_LABELS.LHKPN);
    const body = sheet.rows.slice(1);
    expect(body).toHaveLength(5);
    const rowOf = (rows: unknown[][], applicationId: string) => rows.find((r) => r[1] === applicationId)!;
    const lhkpn = header.indexOf(REQUIREMENT_LABELS.LHKPN);
    const tms = rowOf(body, app(5));
    expect(tms[6]).toBe('TMS');
    expect(String(tms[lhkpn])).toMatch(/^Tidak memenuhi: .*LHKPN/);
    const ms = rowOf(body, app(1));
    expect(ms[2]).toBe(profile(1).name);
    expect(ms[3]).toBe('Kepala Dinas Pendidikan (Pratama)');
    expect(ms[6]).toBe('MS');
    expect(ms[lhkpn]).toBe('Memenuhi');
    // The time of application as the agency's wall clock: the cell shows WITA (UTC+8).
    const submittedAt = (await stack.clients.candidate.getApplication(app(1)))!.submittedAt;
    expect(ms[4]).toBeInstanceOf(Date);
    expect(Math.abs((ms[4] as Date).getTime() - (Date.parse(submittedAt) + WITA_MS))).toBeLessThan(1000);

    const csv = csvOf(await download(`${base}/applicants.csv`, PPK));
    expect(csv[0]).toEqual(header);
    expect(csv).toHaveLength(6);
    const csvRow = csv.find((r) => r[1] === app(1))!;
    expect(csvRow[4]).toBe(wita(submittedAt));
    expect(csvRow[4]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);

    // Who may not: no token, a candidate, another agency's secretary; unknown things.
    expectRefusal(await download(`${base}/applicants.xlsx`, null), 401, 'UNAUTHENTICATED');
    expectRefusal(await download(`${base}/applicants.xlsx`, cand(1)), 403, 'FORBIDDEN');
    expectRefusal(await download(`${base}/applicants.csv`, OTHER_SECRETARY), 403, 'FORBIDDEN', 'selectionId');
    expectRefusal(await download(`${base}/audit.xlsx`, PPK), 403, 'FORBIDDEN');
    expectRefusal(
      await download(`/export/selections/tidak-ada/applicants.xlsx`, SECRETARY),
      404,
      'NOT_FOUND',
      'selectionId',
    );
    expectRefusal(await download(`${base}/applicants.pdf`, SECRETARY), 400, 'VALIDATION_FAILED', 'format');
    expectRefusal(await download(`${base}/semua.xlsx`, SECRETARY), 404, 'NOT_FOUND', 'export');
    // Scores and ranking wait for the final ranking, as on the screens.
    expectRefusal(await download(`${base}/scores.xlsx`, SECRETARY), 409, 'WRONG_STAGE', 'selectionId');
    expectRefusal(await download(`${base}/ranking.csv`, ADMIN), 409, 'WRONG_STAGE', 'selectionId');

    // The round to its final ranking; Pansel member 2 is recused for candidate 1.
    must(await d.publishScreening(SECRETARY, id));
    await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT');
    const scores = new Map([
      [app(1), 90],
      [app(2), 86],
      [app(3), 82],
      [app(4), 78],
    ]);
    await d.assessAll(SECRETARY, id, scores, today());
    must(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'));
    await d.waitForStage(SECRETARY, id, 'INTERVIEW');
    must(await d.declareConflict(M2, id, asn(1), true, 'Peserta adalah saudara kandung saya'));
    await d.interviewAll(id, MEMBERS, scores, { skip: (m, a) => m === M2 && a === app(1) });
    must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));
    await d.waitForStage(SECRETARY, id, 'TRACK_RECORD');
    await d.trackRecordAll(SECRETARY, id, scores);
    must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));
    const p = await d.waitForStage(SECRETARY, id, 'FINAL_OBJECTIONS');
    const ranking = p.vacancies[0]!.ranking;

    // Scores per stage and per member (staff see every member's score).
    const staffScores = await sheetOf(await download(`${base}/scores.xlsx`, SECRETARY));
    const sh = staffScores.rows[0] as string[];
    expect(sh).toEqual([
      'No',
      'ID Lamaran',
      'Nama Peserta',
      'Jabatan yang Dilamar',
      'Kompetensi Manajerial',
      'Kompetensi Sosial Kultural',
      'Nilai Asesmen',
      'Makalah',
      'Presentasi',
      ...PANSEL.map((m) => `Wawancara: ${m.name}`),
      'Rata-rata Wawancara',
      'Rekam Jejak',
      'Nilai Akhir',
      'Peringkat',
    ]);
    const scoreRows = staffScores.rows.slice(1);
    expect(scoreRows).toHaveLength(4); // the TMS candidate did not compete
    const s2 = rowOf(scoreRows, app(2));
    // interviewAll gives member i the score + (i - 2).
    expect(s2.slice(9, 14)).toEqual([84, 85, 86, 87, 88]);
    expect(s2[14]).toBe(86);
    expect(s2[15]).toBe(86);
    const r2 = ranking.find((r) => r.applicationId === app(2))!;
    expect(s2[16]).toBe(r2.total);
    expect(s2[17]).toBe(r2.rank);
    const s1 = rowOf(scoreRows, app(1));
    expect(s1.slice(9, 14)).toEqual([88, null, 90, 91, 92].map((v) => v ?? undefined));

    // Blind scoring holds in the export: member 2 never scored candidate 1, so sees no one's score for them.
    const memberScores = (await sheetOf(await download(`${base}/scores.xlsx`, M2))).rows.slice(1);
    expect(rowOf(memberScores, app(1)).slice(9, 14)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(rowOf(memberScores, app(2)).slice(9, 14)).toEqual([84, 85, 86, 87, 88]);
    expectRefusal(await download(`${base}/scores.csv`, cand(2)), 403, 'FORBIDDEN');

    // The final ranking, in rank order.
    const rankingCsv = csvOf(await download(`${base}/ranking.csv`, OVERSEER));
    expect(rankingCsv[0]).toEqual([
      'Jabatan',
      'Peringkat',
      'Nama Peserta',
      'ID Lamaran',
      'Nilai Akhir',
      'Memenuhi Nilai Ambang',
      'Tiga Besar',
      'Keterangan',
    ]);
    expect(rankingCsv.slice(1).map((r) => [r[1], r[3], r[6]])).toEqual([
      ['1', app(1), 'Ya'],
      ['2', app(2), 'Ya'],
      ['3', app(3), 'Ya'],
      ['4', app(4), 'Tidak'],
      ['', app(5), 'Tidak'], // TMS: in the ranking without a place, as on the screen
    ]);
    expect(rankingCsv[5]![7]).toMatch(/\S/);
    expect(rankingCsv[1]![2]).toBe(profile(1).name);

    // The audit trail: every record, oldest first, times in WITA.
    const records = await stack.clients.candidate.listAllAuditRecords({ selectionId: id });
    const audit = await sheetOf(await download(`${base}/audit.xlsx`, ADMIN));
    expect(audit.name).toBe('Jejak Audit');
    expect(audit.rows[0]).toEqual([
      'No',
      'Waktu (WITA)',
      'Jenis Keputusan',
      'Oleh',
      'Peran',
      'Subjek',
      'Alasan',
      'Data Keputusan',
      'ID Keputusan',
    ]);
    expect(audit.rows.slice(1).map((r) => r[8])).toEqual(records.map((r) => r.decisionId));
    const conflict = audit.rows.find((r) => r[2] === 'CONFLICT_DECLARED')!;
    expect(conflict[6]).toBe('Peserta adalah saudara kandung saya');
    const auditCsv = csvOf(await download(`${base}/audit.csv`, SECRETARY));
    expect(auditCsv.slice(1).map((r) => r[1])).toEqual(records.map((r) => wita(r.at)));
    expectRefusal(await download(`${base}/audit.csv`, OTHER_SECRETARY), 403, 'FORBIDDEN', 'selectionId');
  });
});

describe('a large selection', () => {
  it('is exported page by page (applications 200 per service request), every application once', async () => {
    const created = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Terbuka JPT Pratama Uji Ekspor Besar',
        announcementDate: today(),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Badan Pendapatan Daerah', unit: 'Bapenda' }],
        simulationSecondsPerDay: 2,
      }),
    ).createSelection;
    await d.waitForReadModel(SECRETARY, created.id);
    // Applications written straight to the read model (this is about reading them back, not applying).
    const N = 450;
    const vacancyId = created.vacancies[0]!.id;
    const ids = Array.from({ length: N }, (_, i) => applicationId(vacancyId, `ex-bulk-${String(i).padStart(4, '0')}`));
    for (let i = 0; i < N; i += 10) {
      await Promise.all(
        ids.slice(i, i + 10).map((id, j) =>
          stack.clients.candidate.createApplication({
            id,
            selectionId: created.id,
            vacancyId,
            candidateId: `ex-bulk-${String(i + j).padStart(4, '0')}`,
            submittedAt: new Date(Date.UTC(2026, 11, 1, 0, i + j)).toISOString(),
          }),
        ),
      );
    }
    const path = `/export/selections/${encodeURIComponent(created.id)}/applicants`;
    const csv = csvOf(await download(`${path}.csv`, SECRETARY));
    expect(csv).toHaveLength(N + 1);
    expect(new Set(csv.slice(1).map((r) => r[1]))).toEqual(new Set(ids));
    expect(csv.slice(1).map((r) => r[0])).toEqual(ids.map((_, i) => String(i + 1)));
    expect(csv.find((r) => r[1] === ids[61])![4]).toBe('2026-12-01 09:01'); // 01:01 UTC
    const xlsx = await sheetOf(await download(`${path}.xlsx`, ADMIN));
    expect(xlsx.rows).toHaveLength(N + 1);
  });
});

describe('exports of the talent route', () => {
  const PERIOD = '2026-S2';
  const mappedAt = '2026-12-01T16:30:00.000Z'; // 2 Desember 00.30 WITA: the local date differs from UTC

  beforeAll(async () => {
    const entries: TalentMapEntryDto[] = [1, 2, 3, 4].map((n) => ({
      id: talentMapEntryId(AGENCY.code, PERIOD, asn(n)),
      agencyCode: AGENCY.code,
      period: PERIOD,
      employeeId: asn(n),
      box: n === 4 ? null : 10 - n,
      potential: n === 4 ? null : 3,
      performance: n === 4 ? null : ((4 - n) as 1 | 2 | 3),
      performanceScore: n === 4 ? null : 90 - n,
      potentialScore: n === 4 ? null : 85,
      score: n === 4 ? null : 88 - n,
      missing: n === 4 ? ['Hasil asesmen kompetensi'] : [],
      mappedAt,
      runId: 'run-uji',
    }));
    await stack.clients.assessment.putTalentMapEntries(entries);
    await stack.clients.assessment.putSuccessionGroup({
      id: `${AGENCY.code}:2027:post-1`,
      agencyCode: AGENCY.code,
      year: 2027,
      postId: 'post-1',
      postTitle: 'Kepala Dinas Pendidikan',
      level: 'PRATAMA',
      members: [
        { employeeId: asn(2), order: 2, box: 8, score: 86 },
        { employeeId: asn(1), order: 1, box: 9, score: 87 },
      ],
      derivedFrom: PERIOD,
      publishedAt: mappedAt,
      documentId: null,
    });
    await stack.clients.assessment.putSuccessionGroup({
      id: `${AGENCY.code}:2027:post-2`,
      agencyCode: AGENCY.code,
      year: 2027,
      postId: 'post-2',
      postTitle: 'Kepala Badan Kepegawaian Daerah',
      level: 'PRATAMA',
      members: [{ employeeId: asn(3), order: 1, box: 7, score: 85 }],
      derivedFrom: PERIOD,
      publishedAt: null,
      documentId: null,
    });
  });

  it('downloads the talent map of a period to the agency staff only', async () => {
    const path = `/export/talent-map/${AGENCY.code}/${PERIOD}`;
    const map = await download(`${path}.xlsx`, SECRETARY);
    expect(map.disposition).toMatch(/filename="peta-talenta-EXPROV-2026-S2\.xlsx"/);
    const sheet = await sheetOf(map);
    expect(sheet.rows[0]).toEqual([
      'No',
      'Nama Pegawai',
      'ID Pegawai',
      'Kotak',
      'Nama Kotak',
      'Kelompok Talenta',
      'Tingkat Kinerja (1-3)',
      'Tingkat Potensi (1-3)',
      'Nilai Kinerja',
      'Nilai Potensi',
      'Nilai Talenta',
      'Data yang Belum Ada',
      'Dipetakan pada (WITA)',
    ]);
    const rows = sheet.rows.slice(1);
    // Best score first, the unmapped last.
    expect(rows.map((r) => r[2])).toEqual([asn(1), asn(2), asn(3), asn(4)]);
    expect(rows[0]![1]).toBe(profile(1).name);
    expect(rows[0]![3]).toBe(9);
    expect(rows[0]![4]).toMatch(/\S/);
    expect(rows[3]![11]).toBe('Hasil asesmen kompetensi');
    expect((rows[0]![12] as Date).toISOString()).toBe('2026-12-02T00:30:00.000Z');
    const csv = csvOf(await download(`${path}.csv`, OVERSEER));
    expect(csv[1]![12]).toBe('2026-12-02 00:30');

    expectRefusal(await download(`${path}.xlsx`, cand(1)), 403, 'FORBIDDEN');
    expectRefusal(await download(`${path}.csv`, OTHER_SECRETARY), 403, 'FORBIDDEN', 'agencyCode');
    expectRefusal(await download(`/export/talent-map/${AGENCY.code}/2025.xlsx`, SECRETARY), 404, 'NOT_FOUND', 'period');
    expectRefusal(
      await download(`/export/talent-map/${AGENCY.code}/kemarin.xlsx`, SECRETARY),
      400,
      'VALIDATION_FAILED',
      'period',
    );
  });

  it('downloads a KRS in successor order; a draft only to the agency staff', async () => {
    const published = encodeURIComponent(`${AGENCY.code}:2027:post-1`);
    const krs = await sheetOf(await download(`/export/succession-groups/${published}.xlsx`, PPK));
    expect(krs.name).toBe('KRS 2027');
    expect(krs.rows[0]).toEqual([
      'Jabatan Sasaran',
      'Jenjang',
      'Tahun',
      'Urutan',
      'Nama Pegawai',
      'ID Pegawai',
      'Kotak',
      'Nama Kotak',
      'Nilai Talenta',
      'Periode Peta Talenta',
      'Ditetapkan pada (WITA)',
    ]);
    expect(krs.rows.slice(1).map((r) => [r[3], r[5], r[6]])).toEqual([
      [1, asn(1), 9],
      [2, asn(2), 8],
    ]);
    const draft = encodeURIComponent(`${AGENCY.code}:2027:post-2`);
    expect(csvOf(await download(`/export/succession-groups/${draft}.csv`, SECRETARY))).toHaveLength(2);
    expectRefusal(await download(`/export/succession-groups/${draft}.csv`, OTHER_SECRETARY), 404, 'NOT_FOUND', 'id');
    expectRefusal(await download(`/export/succession-groups/${published}.csv`, null), 401, 'UNAUTHENTICATED');
  });
});
