/**
 * Exports of one selection: its applicants with the screening result per requirement, the scores per
 * stage and per Pansel member, the final ranking, and the audit trail. Each honours the rule of the
 * screen that shows the same data (schema/selection-process.ts, schema/application-scores.ts): staff
 * of the agency, the overseer and administrators; the selection's Pansel members (interview scores
 * blind until their own); scores and ranking only once the final ranking is published. Rows are read
 * page by page from the services (applications 200 at a time), never in one unbounded request.
 */
import {
  APPLICATION_STATUS_NAME_ID,
  interviewScore,
  JPT_LEVEL_NAME_ID,
  REQUIREMENT_KEYS,
  REQUIREMENT_LABELS,
  type ApplicationDto,
  type ProfileDto,
  type ScoreRecordDto,
} from '@seleksi/domain';
import type { ApplicationListQuery, SelectionSummaryDto } from '@seleksi/kit';
import type { OpenSelectionSummary, RankedEntry } from '@seleksi/workflows';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { rankingPublished } from '../schema/application-scores';
import { requireOwnAgency, selectionFor } from '../schema/decision';
import { applicantListFilter, type ApplicantListArgs } from '../schema/applicant-list';
import { ROLE_ID, yesNo } from './labels';
import { instant, streamPages, zoneSuffix, type Cell, type ExportTable } from './table';

export const SELECTION_EXPORTS = ['applicants', 'scores', 'ranking', 'audit'] as const;
export type SelectionExport = (typeof SELECTION_EXPORTS)[number];

/** Applications read per page from the candidate service. */
const PAGE = 200;

type Viewer = { kind: 'STAFF' } | { kind: 'MEMBER'; memberId: string };

interface Scope {
  selection: SelectionSummaryDto;
  summary: OpenSelectionSummary;
  viewer: Viewer;
}

const NOT_COMMITTEE = 'Ekspor data seleksi hanya untuk panitia seleksi, PPK, pengawas dan administrator';

/**
 * Who may export what of a selection: the role first (a candidate learns nothing of a selection),
 * then the selection, then its agency or Pansel. The audit trail as `selectionAudit`.
 */
async function scopeOf(ctx: GraphQLContext, selectionId: string, kind: SelectionExport): Promise<Scope> {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  const auditRoles = ['PANSEL_SECRETARY', 'OVERSEER', 'ADMIN'];
  const roles = kind === 'audit' ? auditRoles : [...auditRoles, 'PPK', 'PANSEL_MEMBER'];
  if (!roles.includes(u.role)) {
    throw gqlError(
      'FORBIDDEN',
      kind === 'audit' ? 'Jejak audit hanya untuk sekretariat instansi, pengawas dan administrator' : NOT_COMMITTEE,
    );
  }
  const selection = await selectionFor(ctx, selectionId);
  requireOwnAgency(ctx, selection);
  const summary = await ctx.loaders.summary.load(selection.id);
  if (!summary) throw gqlError('NOT_FOUND', 'Proses seleksi tidak ditemukan', 'selectionId');
  let viewer: Viewer = { kind: 'STAFF' };
  if (u.role === 'PANSEL_MEMBER') {
    const m = summary.pansel.find((x) => x.userId === u.id);
    if (!m) throw gqlError('FORBIDDEN', 'Anda bukan anggota panitia seleksi ini', 'selectionId');
    viewer = { kind: 'MEMBER', memberId: m.id };
  }
  if ((kind === 'scores' || kind === 'ranking') && !rankingPublished(summary.stage)) {
    throw gqlError(
      'WRONG_STAGE',
      'Nilai dan peringkat dapat diekspor setelah peringkat akhir diumumkan',
      'selectionId',
    );
  }
  return { selection, summary, viewer };
}

/** Checks access and answers the table to write (nothing is read from the rows until it is written). */
export async function selectionExport(
  ctx: GraphQLContext,
  selectionId: string,
  kind: SelectionExport,
  /** For applicants: the list's search and order (`?search=&sort=&desc=`), as on the screen. */
  list: ApplicantListArgs = {},
): Promise<ExportTable> {
  const filter = kind === 'applicants' ? applicantListFilter(list) : {};
  const scope = await scopeOf(ctx, selectionId, kind);
  switch (kind) {
    case 'applicants':
      return applicantsTable(ctx, scope, filter);
    case 'scores':
      return scoresTable(ctx, scope);
    case 'ranking':
      return rankingTable(ctx, scope);
    case 'audit':
      return auditTable(ctx, scope);
  }
}

const safeId = (id: string) => id.replace(/[^\w-]+/g, '_');

function positionOf(s: SelectionSummaryDto, vacancyId: string): string {
  const v = s.vacancies.find((x) => x.id === vacancyId);
  return v ? `${v.position} (${JPT_LEVEL_NAME_ID[v.level] ?? v.level})` : vacancyId;
}

/** The selection's applications, a page at a time, with their candidates' profiles. */
async function* applicationPages(
  ctx: GraphQLContext,
  selectionId: string,
  filter: Pick<ApplicationListQuery, 'search' | 'sort' | 'desc'> = {},
): AsyncGenerator<{ app: ApplicationDto; profile: ProfileDto | null }[]> {
  const pages = streamPages((after) =>
    ctx.services.candidate.listApplications({ selectionId, limit: PAGE, after, ...filter }),
  );
  for await (const apps of pages) {
    const profiles = await ctx.services.candidate.getProfilesByIds(apps.map((a) => a.candidateId));
    yield apps.map((app, i) => ({ app, profile: profiles[i] ?? null }));
  }
}

function applicantsTable(
  ctx: GraphQLContext,
  { selection }: Scope,
  filter: Pick<ApplicationListQuery, 'search' | 'sort' | 'desc'>,
): ExportTable {
  const tz = selection.timeZone;
  async function* rows(): AsyncGenerator<Cell[]> {
    let n = 0;
    for await (const page of applicationPages(ctx, selection.id, filter)) {
      for (const { app, profile } of page) {
        const s = app.screening ?? null;
        const byKey = new Map((s?.requirements ?? []).map((r) => [r.key, r]));
        yield [
          ++n,
          app.id,
          profile?.name ?? null,
          positionOf(selection, app.vacancyId),
          instant(app.submittedAt),
          APPLICATION_STATUS_NAME_ID[app.status] ?? app.status,
          s ? (s.eligible ? 'MS' : 'TMS') : 'Belum diperiksa',
          s ? (s.decidedBy === 'PANSEL' ? 'Pansel' : 'Sistem') : null,
          s?.overrideReason ?? null,
          ...REQUIREMENT_KEYS.map((key) => {
            const r = byKey.get(key);
            if (!r) return null;
            return r.met ? 'Memenuhi' : `Tidak memenuhi: ${r.reason ?? r.detail}`;
          }),
        ];
      }
    }
  }
  return {
    fileName: `pelamar-${safeId(selection.id)}`,
    sheetName: 'Pelamar',
    timeZone: tz,
    columns: [
      { header: 'No', width: 6 },
      { header: 'ID Lamaran', width: 30 },
      { header: 'Nama Peserta', width: 30 },
      { header: 'Jabatan yang Dilamar', width: 40 },
      { header: `Waktu Melamar${zoneSuffix(tz)}`, width: 20 },
      { header: 'Status Lamaran', width: 26 },
      { header: 'Hasil Seleksi Administrasi', width: 14 },
      { header: 'Ditetapkan oleh', width: 14 },
      { header: 'Alasan Perubahan oleh Pansel', width: 40 },
      ...REQUIREMENT_KEYS.map((key) => ({ header: REQUIREMENT_LABELS[key], width: 36 })),
    ],
    rows: rows(),
  };
}

function rankingIndex(summary: OpenSelectionSummary): Map<string, RankedEntry> {
  return new Map(summary.vacancies.flatMap((v) => v.ranking.map((r) => [r.applicationId, r] as const)));
}

/** The latest round of each kind (and member) of one application's score records. */
function latestScores(records: ScoreRecordDto[]): Map<string, ScoreRecordDto> {
  const latest = new Map<string, ScoreRecordDto>();
  for (const r of records) {
    const key = r.kind === 'INTERVIEW' ? `INTERVIEW:${r.memberId}` : r.kind;
    const prev = latest.get(key);
    if (!prev || r.round >= prev.round) latest.set(key, r);
  }
  return latest;
}

function scoresTable(ctx: GraphQLContext, { selection, summary, viewer }: Scope): ExportTable {
  const members = summary.pansel;
  const ranking = rankingIndex(summary);
  const me = viewer.kind === 'MEMBER' ? viewer.memberId : null;
  async function* rows(): AsyncGenerator<Cell[]> {
    let n = 0;
    for await (const page of applicationPages(ctx, selection.id)) {
      // Those who competed in the scored stages: found eligible (MS), or given a place in the ranking.
      const competed = page.filter(({ app }) => app.screening?.eligible === true || ranking.get(app.id)?.rank != null);
      const records = await ctx.services.assessment.listScoreRecordsFor(competed.map(({ app }) => app.candidateId));
      const byApp = new Map<string, ScoreRecordDto[]>();
      for (const r of records) {
        if (r.selectionId !== selection.id) continue;
        byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
      }
      for (const { app, profile } of competed) {
        const latest = latestScores(byApp.get(app.id) ?? []);
        const interviews = members.map((m) => latest.get(`INTERVIEW:${m.id}`)?.value ?? null);
        // Blind scoring, as on the screen: a member sees the others' scores once they scored this one.
        const blind = me !== null && !latest.has(`INTERVIEW:${me}`);
        const given = interviews.filter((v): v is number => v !== null);
        const ranked = ranking.get(app.id);
        const assessment = latest.get('ASSESSMENT');
        yield [
          ++n,
          app.id,
          profile?.name ?? null,
          positionOf(selection, app.vacancyId),
          assessment?.components?.managerial ?? null,
          assessment?.components?.socioCultural ?? null,
          assessment?.value ?? null,
          latest.get('PAPER')?.value ?? null,
          latest.get('PRESENTATION')?.value ?? null,
          ...members.map((m, i) => (blind && m.id !== me ? null : interviews[i]!)),
          given.length > 0 ? interviewScore(given) : null,
          latest.get('TRACK_RECORD')?.value ?? null,
          ranked?.total ?? null,
          ranked?.rank ?? null,
        ];
      }
    }
  }
  return {
    fileName: `nilai-${safeId(selection.id)}`,
    sheetName: 'Nilai per Tahap',
    timeZone: selection.timeZone,
    columns: [
      { header: 'No', width: 6 },
      { header: 'ID Lamaran', width: 30 },
      { header: 'Nama Peserta', width: 30 },
      { header: 'Jabatan yang Dilamar', width: 40 },
      { header: 'Kompetensi Manajerial' },
      { header: 'Kompetensi Sosial Kultural' },
      { header: 'Nilai Asesmen' },
      { header: 'Makalah' },
      { header: 'Presentasi' },
      ...members.map((m) => ({ header: `Wawancara: ${m.name}`, width: 24 })),
      { header: 'Rata-rata Wawancara' },
      { header: 'Rekam Jejak' },
      { header: 'Nilai Akhir' },
      { header: 'Peringkat' },
    ],
    rows: rows(),
  };
}

function rankingTable(ctx: GraphQLContext, { selection, summary }: Scope): ExportTable {
  async function* rows(): AsyncGenerator<Cell[]> {
    for (const v of summary.vacancies) {
      const ordered = [...v.ranking].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
      for (let i = 0; i < ordered.length; i += 100) {
        const chunk = ordered.slice(i, i + 100);
        const apps = await ctx.services.candidate.getApplicationsByIds(chunk.map((r) => r.applicationId));
        const profiles = await ctx.services.candidate.getProfilesByIds(apps.map((a) => a?.candidateId ?? ''));
        for (const [j, r] of chunk.entries()) {
          yield [
            positionOf(selection, v.id),
            r.rank,
            profiles[j]?.name ?? null,
            r.applicationId,
            r.total,
            yesNo(r.qualified),
            yesNo(r.shortlisted),
            r.note || null,
          ];
        }
      }
    }
  }
  return {
    fileName: `peringkat-akhir-${safeId(selection.id)}`,
    sheetName: 'Peringkat Akhir',
    timeZone: selection.timeZone,
    columns: [
      { header: 'Jabatan', width: 40 },
      { header: 'Peringkat', width: 10 },
      { header: 'Nama Peserta', width: 30 },
      { header: 'ID Lamaran', width: 30 },
      { header: 'Nilai Akhir' },
      { header: 'Memenuhi Nilai Ambang' },
      { header: 'Tiga Besar' },
      { header: 'Keterangan', width: 40 },
    ],
    rows: rows(),
  };
}

function auditTable(ctx: GraphQLContext, { selection }: Scope): ExportTable {
  const tz = selection.timeZone;
  async function* rows(): AsyncGenerator<Cell[]> {
    let n = 0;
    const pages = streamPages((after) =>
      ctx.services.candidate.listAuditRecords({ selectionId: selection.id, limit: 500, after }),
    );
    for await (const records of pages) {
      for (const r of records) {
        yield [
          ++n,
          instant(r.at),
          r.kind,
          r.by.displayName ?? r.by.userId,
          ROLE_ID[r.by.role] ?? r.by.role,
          r.subjectId,
          r.reason,
          JSON.stringify(r.payload ?? {}),
          r.decisionId,
        ];
      }
    }
  }
  return {
    fileName: `jejak-audit-${safeId(selection.id)}`,
    sheetName: 'Jejak Audit',
    timeZone: tz,
    columns: [
      { header: 'No', width: 6 },
      { header: `Waktu${zoneSuffix(tz)}`, width: 20 },
      { header: 'Jenis Keputusan', width: 28 },
      { header: 'Oleh', width: 24 },
      { header: 'Peran', width: 20 },
      { header: 'Subjek', width: 30 },
      { header: 'Alasan', width: 40 },
      { header: 'Data Keputusan', width: 50 },
      { header: 'ID Keputusan', width: 36 },
    ],
    rows: rows(),
  };
}
