/**
 * Pilkada windows from data (domain.md §4): each region's election schedule, maintained by the national
 * administrator; the windows an agency's appointments fall under; the Minister's permission on the talent
 * route (the open selection's is in appointment.ts); the duty to report an appointment made inside a window.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  checkElectionSchedule,
  ELECTION_REGION_KINDS,
  electionRegionId,
  electionRegionIdOf,
  isLocalDate,
  type AgencyDto,
  type AgencyElectionWindowsDto,
  type AuditRecordDto,
  type ElectionRegionDto,
  type ElectionRegionSaved,
  type ElectionReportDutyDto,
  type ElectionScheduleDto,
} from '@seleksi/domain';
import type { ElectionGuardState } from '@seleksi/workflows';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { AgencyType } from './agency';
import { actorOf, idText, reasonText, shortText } from './decision';
import { parseInput } from './input';
import { ElectionPermissionType, ElectionWindowType, permissionView } from './selection-process';
import { TalentFillingType } from './talent-filling';

const STAFF = ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY', 'PPK', 'OVERSEER'] as const;

const ElectionRegionKindEnum = builder.enumType('ElectionRegionKind', {
  values: ELECTION_REGION_KINDS,
  description: 'A region whose head is elected: province, regency or city',
});

const ElectionScheduleType = builder.objectRef<ElectionScheduleDto>('ElectionSchedule').implement({
  description: "One election of a region's head",
  fields: (t) => ({
    label: t.exposeString('label'),
    candidatePairsDeterminedOn: t.field({
      type: 'LocalDate',
      description: 'Penetapan pasangan calon',
      resolve: (s) => s.candidatePairsDeterminedOn,
    }),
    currentTermEndsOn: t.field({
      type: 'LocalDate',
      description: "End of the current head's term",
      resolve: (s) => s.currentTermEndsOn,
    }),
    newHeadInauguratedOn: t.field({
      type: 'LocalDate',
      nullable: true,
      description: "The new head's inauguration (pelantikan); null until known",
      resolve: (s) => s.newHeadInauguratedOn,
    }),
  }),
});

const ElectionRegionType = builder.objectRef<ElectionRegionDto>('ElectionRegion').implement({
  description: "A region's pilkada schedules, maintained by the national administrator",
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: ElectionRegionKindEnum, resolve: (r) => r.kind }),
    name: t.exposeString('name'),
    schedules: t.field({ type: [ElectionScheduleType], resolve: (r) => r.schedules }),
    revision: t.exposeInt('revision', { description: '+1 per saved change' }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      resolve: (r) => (r.updatedAt ? new Date(r.updatedAt) : null),
    }),
    changes: t.field({
      type: [ElectionRegionChangeType],
      description: 'Every saved change, oldest first: who, when, why, before and after',
      authScopes: { roles: ['ADMIN'] },
      resolve: async (r, _a, ctx) =>
        (await typed(() => ctx.services.candidate.listAuditRecords({ selectionId: chainOf(r.id), limit: 200 }))).items,
    }),
  }),
});

const ElectionRegionChangeType = builder.objectRef<AuditRecordDto>('ElectionRegionChange').implement({
  fields: (t) => ({
    id: t.exposeID('decisionId'),
    revision: t.int({ resolve: (r) => Number(r.payload.revision ?? 0) }),
    byUserId: t.string({ resolve: (r) => r.by.userId }),
    byName: t.string({ nullable: true, resolve: (r) => r.by.displayName ?? null }),
    at: t.field({ type: 'DateTime', resolve: (r) => new Date(r.at) }),
    reason: t.string({ nullable: true, resolve: (r) => r.reason }),
    before: t.string({
      nullable: true,
      description: 'JSON',
      resolve: (r) => (r.payload.before == null ? null : JSON.stringify(r.payload.before)),
    }),
    after: t.string({ description: 'JSON', resolve: (r) => JSON.stringify(r.payload.after) }),
  }),
});

const AgencyElectionWindowsType = builder.objectRef<AgencyElectionWindowsDto>('AgencyElectionWindows').implement({
  description: "The pilkada windows an agency's appointments fall under",
  fields: (t) => ({
    regionId: t.id({ nullable: true, description: 'Null for a central agency', resolve: (w) => w.regionId }),
    region: t.field({ type: ElectionRegionType, nullable: true, resolve: (w) => w.region }),
    monthsBefore: t.int({
      description: 'Configured months before the determination',
      resolve: (w) => w.span.monthsBefore,
    }),
    monthsAfter: t.int({ description: 'Configured months after the inauguration', resolve: (w) => w.span.monthsAfter }),
    windows: t.field({
      type: [ElectionWindowType],
      resolve: (w) => w.windows.map((x) => ({ ...x, label: x.label ?? null })),
    }),
  }),
});

builder.objectField(AgencyType, 'electionRegionId', (t) =>
  t.id({
    nullable: true,
    description:
      'The region whose pilkada windows apply (provincial, regency and city governments; null for central agencies)',
    resolve: (a: AgencyDto) => electionRegionIdOf(a),
  }),
);

builder.objectField(AgencyType, 'electionWindows', (t) =>
  t.field({
    type: AgencyElectionWindowsType,
    nullable: true,
    resolve: (a: AgencyDto, _x, ctx) => typed(() => ctx.services.candidate.getAgencyElectionWindows(a.code)),
  }),
);

builder.queryField('electionRegions', (t) =>
  t.field({
    type: [ElectionRegionType],
    description: "Every region's pilkada schedules (staff)",
    authScopes: { roles: [...STAFF] },
    resolve: (_r, _a, ctx) => typed(() => ctx.services.candidate.listElectionRegions()),
  }),
);

builder.queryField('electionRegion', (t) =>
  t.field({
    type: ElectionRegionType,
    nullable: true,
    authScopes: { roles: [...STAFF] },
    args: { id: t.arg.id() },
    resolve: (_r, args, ctx) => typed(() => ctx.services.candidate.getElectionRegion(String(args.id))),
  }),
);

builder.queryField('agencyElectionWindows', (t) =>
  t.field({
    type: AgencyElectionWindowsType,
    nullable: true,
    description: "The pilkada windows an agency's appointments fall under (null for an unknown agency)",
    authScopes: { roles: [...STAFF] },
    args: { agencyCode: t.arg.id() },
    resolve: (_r, args, ctx) => typed(() => ctx.services.candidate.getAgencyElectionWindows(String(args.agencyCode))),
  }),
);

// --- the administrator's edit ---------------------------------------------------------------------

const chainOf = (regionId: string) => `election-region:${regionId}`;

const localDate = (what: string) => z.string().refine(isLocalDate, `${what} tidak valid (TTTT-BB-HH)`);

const regionSchema = z
  .object({
    kind: z.enum(ELECTION_REGION_KINDS, { message: 'Jenis daerah harus PROVINSI, KABUPATEN atau KOTA' }),
    name: shortText('Nama daerah', 200),
    schedules: z
      .array(
        z.object({
          label: shortText('Nama pemilihan', 200),
          candidatePairsDeterminedOn: localDate('Tanggal penetapan pasangan calon'),
          currentTermEndsOn: localDate('Tanggal akhir masa jabatan'),
          newHeadInauguratedOn: localDate('Tanggal pelantikan')
            .nullish()
            .transform((v) => v ?? null),
        }),
      )
      .max(20, 'Paling banyak 20 jadwal pilkada'),
    expectedRevision: z.number().int().min(0).nullish(),
    reason: reasonText('Alasan perubahan'),
  })
  .superRefine((v, c) => {
    v.schedules.forEach((s, i) => {
      for (const p of checkElectionSchedule(s))
        c.addIssue({ code: 'custom', path: ['schedules', i, p.field], message: p.message });
    });
  });

const ElectionScheduleInput = builder.inputType('ElectionScheduleInput', {
  fields: (t) => ({
    label: t.string({ description: "e.g. 'Pilkada serentak 2029'" }),
    candidatePairsDeterminedOn: t.field({ type: 'LocalDate' }),
    currentTermEndsOn: t.field({ type: 'LocalDate' }),
    newHeadInauguratedOn: t.field({ type: 'LocalDate', required: false }),
  }),
});

const ElectionRegionInput = builder.inputType('ElectionRegionInput', {
  fields: (t) => ({
    kind: t.field({ type: ElectionRegionKindEnum }),
    name: t.string({ description: "The region's name, e.g. 'Kutai Kartanegara' (it names the region: kind + name)" }),
    schedules: t.field({ type: [ElectionScheduleInput] }),
    expectedRevision: t.int({
      required: false,
      description: 'The revision you edited: a newer save is not overwritten',
    }),
    reason: t.string(),
  }),
});

/**
 * The audit entry's id: from the revision saved, so each revision is recorded once whichever request (a retry
 * with the same Idempotency-Key, or the same content sent again after a timeout) gets to record it.
 */
function changeDecisionId(regionId: string, revision: number): string {
  return `election-region-${createHash('sha256').update(`${regionId}:${revision}`).digest('hex').slice(0, 32)}`;
}

/**
 * Records the audit entry of the region's current revision unless it is on record: a save whose audit was lost
 * (the write went through, the request timed out before the audit) is recorded by its retry, which finds nothing
 * to change. The entry's `before` is then the previous revision's `after` from the same chain.
 */
async function auditRegionRevision(ctx: GraphQLContext, saved: ElectionRegionSaved, reason: string): Promise<void> {
  const { region } = saved;
  let before: ElectionScheduleDto[] | null = saved.before?.schedules ?? null;
  if (!saved.changed) {
    const chain = await ctx.services.candidate.listAllAuditRecords({ selectionId: chainOf(region.id) });
    if (chain.some((r) => Number(r.payload.revision) === region.revision)) return;
    const previous = chain.find((r) => Number(r.payload.revision) === region.revision - 1);
    before = (previous?.payload.after as ElectionScheduleDto[] | undefined) ?? null;
  }
  const recorded = await ctx.services.candidate.recordAudit({
    decisionId: changeDecisionId(region.id, region.revision),
    selectionId: chainOf(region.id),
    workflowId: 'gateway:elections',
    kind: 'ELECTION_SCHEDULE_SET',
    // The revision's own author, time and reason: a retry that only records a lost entry is not its author.
    // A region saved before authors were kept has none: then the sender, now, with their reason, all three.
    by: region.updatedBy ?? actorOf(ctx),
    at: (region.updatedBy && region.updatedAt) || new Date().toISOString(),
    reason: (region.updatedBy && region.reason) || reason,
    subjectId: region.id,
    payload: { revision: region.revision, before, after: region.schedules },
  });
  ctx.logger.info(
    { regionId: region.id, revision: region.revision, recovered: !saved.changed, created: recorded.created },
    'election schedule set',
  );
}

builder.mutationField('setElectionRegion', (t) =>
  t.field({
    type: ElectionRegionType,
    description:
      "Stores a region's pilkada schedules (replacing them); saving the same again changes nothing (national administrator)",
    authScopes: { roles: ['ADMIN'] },
    args: { input: t.arg({ type: ElectionRegionInput }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(regionSchema, args.input, 'input');
        const id = electionRegionId(input.kind, input.name);
        if (id.endsWith(':')) throw gqlError('VALIDATION_FAILED', 'Nama daerah tidak valid', 'input.name');
        const saved = await ctx.services.candidate.putElectionRegion(id, {
          kind: input.kind,
          name: input.name,
          schedules: input.schedules,
          expectedRevision: input.expectedRevision ?? null,
          by: actorOf(ctx),
          reason: input.reason,
        });
        await auditRegionRevision(ctx, saved, input.reason);
        return saved.region;
      }),
  }),
);

// --- the talent route's permission ------------------------------------------------------------------

const ElectionGuardType = builder.objectRef<ElectionGuardState>('ElectionGuard').implement({
  description: "The pilkada guard of an appointment: the region's windows and the Minister's permission",
  fields: (t) => ({
    windows: t.field({
      type: [ElectionWindowType],
      nullable: true,
      description: 'Resolved when the appointment step opens',
      resolve: (g) => g.windows?.map((w) => ({ ...w, label: w.label ?? null })) ?? null,
    }),
    permission: t.field({ type: ElectionPermissionType, nullable: true, resolve: (g) => permissionView(g.permission) }),
    reportDutyId: t.id({ nullable: true, resolve: (g) => g.reportDutyId }),
  }),
});

builder.objectField(TalentFillingType, 'election', (t) =>
  t.field({ type: ElectionGuardType, nullable: true, resolve: (f) => f.election ?? null }),
);

// The talent route's permission (recordTalentElectionPermission) is declared with its decisions (TALENT_DECISIONS).

// --- the duty to report to the Minister ---------------------------------------------------------------

const ElectionReportType = builder.simpleObject('ElectionReport', {
  fields: (t) => ({
    letterNumber: t.string(),
    date: t.field({ type: 'LocalDate' }),
    recordedBy: t.string(),
    recordedAt: t.field({ type: 'DateTime' }),
  }),
});

const ElectionReportDutyType = builder.objectRef<ElectionReportDutyDto>('ElectionReportDuty').implement({
  description:
    'The duty to report to the Home Affairs Minister an appointment made inside a pilkada window (7 working days)',
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    subjectId: t.exposeID('subjectId', { description: 'The selection round or talent filling' }),
    route: t.exposeString('route'),
    position: t.exposeString('position'),
    actedOn: t.field({ type: 'LocalDate', resolve: (d) => d.actedOn }),
    dueOn: t.field({ type: 'LocalDate', resolve: (d) => d.dueOn }),
    window: t.field({ type: ElectionWindowType, resolve: (d) => ({ ...d.window, label: d.window.label ?? null }) }),
    permission: t.field({
      type: ElectionPermissionType,
      resolve: (d) => ({ ...d.permission, recordedBy: null, recordedAt: null }),
    }),
    report: t.field({
      type: ElectionReportType,
      nullable: true,
      resolve: (d) => (d.report ? { ...d.report, recordedAt: new Date(d.report.recordedAt) } : null),
    }),
  }),
});

/** Administrators see every agency's duties; the agency's administrator, secretariat and PPK their own. */
function dutyAgency(ctx: GraphQLContext, agencyCode: string | null | undefined): string | undefined {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN' || u.role === 'OVERSEER') return agencyCode ?? undefined;
  if (!u.agencyCode || (agencyCode && agencyCode !== u.agencyCode))
    throw gqlError('FORBIDDEN', 'Data ini milik instansi lain', 'agencyCode');
  return u.agencyCode;
}

builder.queryField('electionReportDuties', (t) =>
  t.field({
    type: [ElectionReportDutyType],
    description: 'Duties to report appointments made inside pilkada windows, newest first',
    authScopes: { roles: [...STAFF] },
    args: { agencyCode: t.arg.id({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(() =>
        ctx.services.candidate.listElectionReportDuties(
          dutyAgency(ctx, args.agencyCode ? String(args.agencyCode) : null),
        ),
      ),
  }),
);

const reportSchema = z.object({
  dutyId: idText('Kewajiban laporan'),
  letterNumber: shortText('Nomor surat laporan'),
  date: localDate('Tanggal surat laporan'),
  reason: reasonText('Keterangan'),
});

builder.mutationField('recordElectionReport', (t) =>
  t.field({
    type: ElectionReportDutyType,
    description:
      "Records the agency's report to the Home Affairs Minister of an appointment made inside a pilkada window (the agency's administrator or secretariat)",
    authScopes: { roles: ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY'] },
    args: {
      dutyId: t.arg.id(),
      letterNumber: t.arg.string(),
      date: t.arg({ type: 'LocalDate' }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(reportSchema, args, '');
        const duty = await ctx.services.candidate.getElectionReportDuty(input.dutyId);
        if (!duty) throw gqlError('NOT_FOUND', 'Kewajiban laporan tidak ditemukan', 'dutyId');
        const u = ctx.user!;
        if (u.role !== 'ADMIN' && u.agencyCode !== duty.agencyCode)
          throw gqlError('FORBIDDEN', 'Kewajiban laporan ini milik instansi lain', 'dutyId');
        if (input.date < duty.actedOn)
          throw gqlError('VALIDATION_FAILED', 'Tanggal laporan tidak boleh sebelum tanggal pengangkatan', 'date');
        const by = actorOf(ctx);
        const at = new Date().toISOString();
        const saved = await ctx.services.candidate.recordElectionReport(duty.id, {
          letterNumber: input.letterNumber,
          date: input.date,
          recordedBy: by.userId,
          recordedAt: at,
        });
        // Recorded with the report, and again (idempotent by decisionId) when the same report is sent again by
        // the one who recorded it: a retry after a timeout between the two writes records the audit it lost
        // (someone else sending it again must not be named as its author).
        const report = saved.duty.report;
        if (
          report &&
          report.letterNumber === input.letterNumber &&
          report.date === input.date &&
          report.recordedBy === by.userId
        ) {
          await ctx.services.candidate.recordAudit({
            decisionId: `election-report-${createHash('sha256').update(duty.id).digest('hex').slice(0, 32)}`,
            selectionId: `election-report:${duty.id}`,
            workflowId: 'gateway:elections',
            kind: 'ELECTION_REPORT_RECORDED',
            by,
            at: report.recordedAt,
            reason: input.reason,
            subjectId: duty.subjectId,
            payload: {
              letterNumber: input.letterNumber,
              date: input.date,
              dueOn: duty.dueOn,
              late: input.date > duty.dueOn,
            },
          });
        }
        return saved.duty;
      }),
  }),
);
