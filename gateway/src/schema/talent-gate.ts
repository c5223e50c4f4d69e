/**
 * The talent route's gate belongs to the overseer (domain.md §3–4): the agency fills in and submits its
 * merit-system self-assessment (aspects scored with notes and evidence PDFs); the overseer adjusts scores
 * with reasons, returns it for correction or validates it, and approves or withdraws the approval of the
 * agency's talent-management system. Only these recorded decisions open the gate; each is listed with
 * who, when and why (`talentGateDecisions`), visible to the agency.
 */
import { z } from 'zod';
import {
  defaultMeritAspectConfig,
  effectiveScore,
  formatLocalDateId,
  isLocalDate,
  localDateOf,
  MERIT_ASSESSMENT_STATUS_NAMES,
  MERIT_ASSESSMENT_STATUSES,
  MERIT_CATEGORY_NAMES,
  TALENT_GATE_DECISION_KINDS,
  type MeritAspect,
  type MeritAspectScore,
  type MeritAssessmentDecisionRequest,
  type MeritAssessmentDto,
  type MeritEvidenceDto,
  type TalentGateDecisionDto,
  type TalentGateDecisionKind,
  type TalentGateStateDto,
  type LegacyTalentGateValues,
} from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { isPdf } from '../application-files/pdf';
import { ActorType, actorOf } from './decision';
import { parseInput } from './input';
import { gateStateOf, MeritCategoryEnum } from './talent';

/** Who reads an agency's gate: its secretariat, administrator and PPK, the overseer, national administrators. */
export const GATE_READERS = ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'PPK', 'OVERSEER', 'ADMIN'] as const;
/** Who fills in and submits the agency's self-assessment: its secretariat and administrator. */
const AGENCY_WRITERS = ['PANSEL_SECRETARY', 'AGENCY_ADMIN'] as const;

/** Evidence PDFs: the service takes JSON of at most 4 MB, so 2 MB each (base64 adds a third). */
export const MERIT_EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

function requireGateReader(ctx: GraphQLContext, agencyCode: string, field = 'agencyCode'): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN' || u.role === 'OVERSEER') return;
  if ((GATE_READERS as readonly string[]).includes(u.role) && u.agencyCode === agencyCode) return;
  throw gqlError('FORBIDDEN', 'Data penilaian sistem merit ini milik instansi lain', field);
}

/** A query on an agency's talent gate: its readers only, errors typed. */
function readGate<T>(ctx: GraphQLContext, agencyCode: string, read: () => Promise<T>): Promise<T> {
  return typed(async () => {
    requireGateReader(ctx, agencyCode);
    return read();
  });
}

function requireAgencyWriter(ctx: GraphQLContext, agencyCode: string, field = 'assessmentId'): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if ((AGENCY_WRITERS as readonly string[]).includes(u.role) && u.agencyCode === agencyCode) return;
  throw gqlError(
    'FORBIDDEN',
    'Hanya sekretariat atau administrator instansi ini yang dapat mengisi dan mengajukan penilaian mandiri',
    field,
  );
}

function requireOverseer(ctx: GraphQLContext, field = 'assessmentId'): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role !== 'OVERSEER')
    throw gqlError('FORBIDDEN', 'Hanya pengawas (BKN/KemenPANRB) yang dapat memutuskan ini', field);
}

/** The agency of an assessment id (`MA-<agency>-<n>`), or NOT_FOUND for any other id. */
function agencyOfAssessment(id: string): string {
  const m = /^MA-([A-Za-z0-9_-]{1,40})-(\d{1,6})$/.exec(id);
  if (!m) throw gqlError('NOT_FOUND', 'Penilaian sistem merit tidak ditemukan', 'assessmentId');
  return m[1]!;
}

async function assessmentFor(ctx: GraphQLContext, id: string): Promise<MeritAssessmentDto> {
  const a = await ctx.services.assessment.getMeritAssessment(id);
  if (!a) throw gqlError('NOT_FOUND', 'Penilaian sistem merit tidak ditemukan', 'assessmentId');
  return a;
}

async function agencyToday(ctx: GraphQLContext, agencyCode: string): Promise<string> {
  const agency = await ctx.services.candidate.getAgency(agencyCode);
  if (!agency) throw gqlError('NOT_FOUND', `Instansi ${agencyCode} tidak ditemukan`, 'agencyCode');
  return localDateOf(new Date(), agency.timeZone);
}

const reasonSchema = z
  .string()
  .trim()
  .min(10, 'Alasan minimal 10 karakter')
  .max(2000, 'Alasan paling banyak 2000 karakter');
const optionalNote = z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullish();
const referenceSchema = z
  .string()
  .trim()
  .min(3, 'Nomor surat minimal 3 karakter')
  .max(200, 'Nomor surat paling banyak 200 karakter');
const agencyCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode instansi hanya huruf, angka, - dan _ (paling banyak 40)');

// ---------------------------------------------------------------------------------------------
// Types

export const MeritAssessmentStatusEnum = builder.enumType('MeritAssessmentStatus', {
  values: MERIT_ASSESSMENT_STATUSES,
});
export const TalentGateDecisionKindEnum = builder.enumType('TalentGateDecisionKind', {
  values: TALENT_GATE_DECISION_KINDS,
});

const MeritAspectType = builder.objectRef<MeritAspect>('MeritAspect').implement({
  description: 'An aspect of the merit-system assessment as configured (pinned on the assessment)',
  fields: (t) => ({
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    weight: t.exposeFloat('weight'),
    minScore: t.exposeFloat('minScore'),
    maxScore: t.exposeFloat('maxScore'),
  }),
});

export const MeritEvidenceType = builder.objectRef<MeritEvidenceDto>('MeritEvidence').implement({
  description: 'A PDF the agency attached to an aspect as evidence',
  fields: (t) => ({
    id: t.exposeID('id'),
    aspectCode: t.exposeString('aspectCode'),
    fileName: t.exposeString('fileName'),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256'),
    uploadedAt: t.field({ type: 'DateTime', resolve: (e) => e.uploadedAt }),
    uploadedBy: t.field({ type: ActorType, resolve: (e) => e.uploadedBy }),
    downloadUrl: t.string({
      resolve: (e, _a, ctx) => `${ctx.config.PUBLIC_URL}/merit-evidence/${encodeURIComponent(e.id)}`,
    }),
  }),
});

interface AspectView {
  aspect: MeritAspect;
  score: MeritAspectScore;
  evidence: MeritEvidenceDto[];
}

const MeritAspectScoreType = builder.objectRef<AspectView>('MeritAspectScore').implement({
  fields: (t) => ({
    aspect: t.field({ type: MeritAspectType, resolve: (v) => v.aspect }),
    score: t.float({ nullable: true, description: "The agency's self-assessed score", resolve: (v) => v.score.score }),
    note: t.string({ nullable: true, resolve: (v) => v.score.note }),
    adjustedScore: t.float({
      nullable: true,
      description: "The overseer's score replacing the agency's",
      resolve: (v) => v.score.adjustedScore,
    }),
    adjustmentReason: t.string({ nullable: true, resolve: (v) => v.score.adjustmentReason }),
    effectiveScore: t.float({ nullable: true, resolve: (v) => effectiveScore(v.score) }),
    evidence: t.field({ type: [MeritEvidenceType], resolve: (v) => v.evidence }),
  }),
});

export const MeritAssessmentType = builder.objectRef<MeritAssessmentDto>('MeritAssessment').implement({
  description: "An agency's merit-system self-assessment and the overseer's review of it",
  fields: (t) => ({
    id: t.exposeID('id'),
    agencyCode: t.exposeString('agencyCode'),
    agencyName: t.string({
      nullable: true,
      resolve: async (a, _x, ctx) => (await ctx.services.candidate.getAgency(a.agencyCode))?.name ?? null,
    }),
    period: t.exposeString('period'),
    status: t.field({ type: MeritAssessmentStatusEnum, resolve: (a) => a.status }),
    statusName: t.string({ resolve: (a) => MERIT_ASSESSMENT_STATUS_NAMES[a.status] }),
    version: t.exposeInt('version', {
      description: 'Send it back with a change; a change by someone else is CONFLICT',
    }),
    configVersion: t.string({ resolve: (a) => a.config.version }),
    aspects: t.field({
      type: [MeritAspectScoreType],
      resolve: (a) =>
        a.config.aspects.map((aspect) => ({
          aspect,
          score: a.aspects.find((s) => s.code === aspect.code) ?? {
            code: aspect.code,
            score: null,
            note: null,
            adjustedScore: null,
            adjustmentReason: null,
          },
          evidence: a.evidence.filter((e) => e.aspectCode === aspect.code),
        })),
    }),
    submissions: t.exposeInt('submissions'),
    createdBy: t.field({ type: ActorType, resolve: (a) => a.createdBy }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (a) => a.updatedAt }),
    submittedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.submittedAt }),
    returnReason: t.string({ nullable: true, resolve: (a) => a.returnReason }),
    validatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.validatedAt }),
    index: t.float({
      nullable: true,
      description: 'Merit index 100–400, only once validated',
      resolve: (a) => a.index,
    }),
    category: t.field({ type: MeritCategoryEnum, nullable: true, resolve: (a) => a.category }),
    categoryName: t.string({ nullable: true, resolve: (a) => (a.category ? MERIT_CATEGORY_NAMES[a.category] : null) }),
  }),
});

const DECISION_NAMES: Record<TalentGateDecisionKind, string> = {
  ASSESSMENT_SUBMITTED: 'Penilaian mandiri diajukan',
  ASSESSMENT_ADJUSTED: 'Nilai aspek disesuaikan pengawas',
  ASSESSMENT_RETURNED: 'Penilaian dikembalikan untuk perbaikan',
  ASSESSMENT_VALIDATED: 'Penilaian divalidasi pengawas',
  TALENT_SYSTEM_APPROVED: 'Sistem manajemen talenta disetujui',
  TALENT_SYSTEM_WITHDRAWN: 'Persetujuan sistem manajemen talenta dicabut',
};

const ASPECT_NAMES = new Map(defaultMeritAspectConfig().aspects.map((a) => [a.code, a.name]));
/** A score or index as written in Indonesian (decimal comma). */
const num = (v: unknown) => (typeof v === 'number' ? String(v).replace('.', ',') : String(v));
const day = (v: unknown) => (typeof v === 'string' && isLocalDate(v) ? formatLocalDateId(v) : String(v));

/** One line in Bahasa Indonesia saying what the decision changed. */
export function decisionSummary(d: TalentGateDecisionDto): string {
  const p = d.payload;
  switch (d.kind) {
    case 'ASSESSMENT_SUBMITTED':
      return `Pengajuan ke-${String(p.submission)} periode ${String(p.period)}, indeks penilaian mandiri ${num(p.selfAssessedIndex)}`;
    case 'ASSESSMENT_ADJUSTED':
      return `Aspek ${ASPECT_NAMES.get(String(p.aspectCode)) ?? String(p.aspectCode)}: ${num(p.from)} → ${num(p.to)}`;
    case 'ASSESSMENT_RETURNED':
      return 'Dikembalikan kepada instansi untuk diperbaiki dan diajukan ulang';
    case 'ASSESSMENT_VALIDATED':
      return `Indeks sistem merit ${num(p.index)} (${MERIT_CATEGORY_NAMES[p.category as keyof typeof MERIT_CATEGORY_NAMES] ?? String(p.category)}), berlaku ${day(p.validatedOn)}`;
    case 'TALENT_SYSTEM_APPROVED':
      return `Disetujui dengan surat ${String(p.reference)} tanggal ${day(p.approvedOn)}`;
    case 'TALENT_SYSTEM_WITHDRAWN':
      return `Dicabut dengan surat ${String(p.reference)} tanggal ${day(p.withdrawnOn)}`;
  }
}

export const TalentGateDecisionType = builder.objectRef<TalentGateDecisionDto>('TalentGateDecision').implement({
  description: "A recorded decision on an agency's talent gate (who, when, why)",
  fields: (t) => ({
    decisionId: t.exposeID('decisionId'),
    agencyCode: t.exposeString('agencyCode'),
    kind: t.field({ type: TalentGateDecisionKindEnum, resolve: (d) => d.kind }),
    kindName: t.string({ resolve: (d) => DECISION_NAMES[d.kind] }),
    assessmentId: t.id({ nullable: true, resolve: (d) => d.assessmentId }),
    by: t.field({ type: ActorType, resolve: (d) => d.by }),
    at: t.field({ type: 'DateTime', resolve: (d) => d.at }),
    reason: t.string({ nullable: true, resolve: (d) => d.reason }),
    summary: t.string({ resolve: (d) => decisionSummary(d) }),
    aspectCode: t.string({
      nullable: true,
      resolve: (d) => (typeof d.payload.aspectCode === 'string' ? d.payload.aspectCode : null),
    }),
    fromScore: t.float({
      nullable: true,
      resolve: (d) => (typeof d.payload.from === 'number' ? d.payload.from : null),
    }),
    toScore: t.float({ nullable: true, resolve: (d) => (typeof d.payload.to === 'number' ? d.payload.to : null) }),
    index: t.float({ nullable: true, resolve: (d) => (typeof d.payload.index === 'number' ? d.payload.index : null) }),
    reference: t.string({
      nullable: true,
      resolve: (d) => (typeof d.payload.reference === 'string' ? d.payload.reference : null),
    }),
  }),
});

const TalentSystemApprovalRecordType = builder.simpleObject('TalentSystemApprovalRecord', {
  description: "The overseer's standing approval of the agency's talent-management system",
  fields: (t) => ({
    approvedOn: t.field({ type: 'LocalDate' }),
    reference: t.string(),
    decisionId: t.id(),
    by: t.field({ type: ActorType }),
    at: t.field({ type: 'DateTime' }),
  }),
});

const LegacyGateValuesType = builder.objectRef<LegacyTalentGateValues>('LegacyTalentGateValues').implement({
  description:
    'A merit index or approval the agency set in its own settings before the overseer owned the gate: not validated, never read by the gate',
  fields: (t) => ({
    meritIndexScore: t.float({ nullable: true, resolve: (l) => l.meritIndexScore }),
    meritAssessedOn: t.field({ type: 'LocalDate', nullable: true, resolve: (l) => l.meritAssessedOn }),
    talentSystemApprovedOn: t.field({
      type: 'LocalDate',
      nullable: true,
      resolve: (l) => l.talentSystemApproval?.approvedOn ?? null,
    }),
    talentSystemReference: t.string({ nullable: true, resolve: (l) => l.talentSystemApproval?.reference ?? null }),
  }),
});

interface GateView {
  state: TalentGateStateDto;
  legacy: LegacyTalentGateValues | null;
}

const TalentGateStatusType = builder.objectRef<GateView>('TalentGateStatus').implement({
  description: "What the talent route's gate reads for an agency: only the overseer's recorded decisions",
  fields: (t) => ({
    agencyCode: t.string({ resolve: (v) => v.state.agencyCode }),
    meritIndexScore: t.float({
      nullable: true,
      description: 'From the latest validated assessment',
      resolve: (v) => v.state.validated?.index ?? null,
    }),
    meritCategory: t.field({
      type: MeritCategoryEnum,
      nullable: true,
      resolve: (v) => v.state.validated?.category ?? null,
    }),
    meritCategoryName: t.string({
      nullable: true,
      resolve: (v) => (v.state.validated ? MERIT_CATEGORY_NAMES[v.state.validated.category] : null),
    }),
    validatedAssessmentId: t.id({ nullable: true, resolve: (v) => v.state.validated?.assessmentId ?? null }),
    validatedOn: t.field({ type: 'LocalDate', nullable: true, resolve: (v) => v.state.validated?.validatedOn ?? null }),
    validatedPeriod: t.string({ nullable: true, resolve: (v) => v.state.validated?.period ?? null }),
    approval: t.field({ type: TalentSystemApprovalRecordType, nullable: true, resolve: (v) => v.state.approval }),
    legacy: t.field({
      type: LegacyGateValuesType,
      nullable: true,
      description: 'Values the agency set itself before; shown as awaiting the overseer',
      resolve: (v) => v.legacy,
    }),
    needsOverseerValidation: t.boolean({
      description: 'True while the agency has legacy values but no validated assessment or no approval',
      resolve: (v) => v.legacy !== null && (v.state.validated === null || v.state.approval === null),
    }),
  }),
});

export async function gateStatusOf(ctx: GraphQLContext, agencyCode: string): Promise<GateView> {
  const [state, settings] = await Promise.all([
    gateStateOf(ctx, agencyCode),
    ctx.loaders.talentSettings.load(agencyCode),
  ]);
  return { state, legacy: settings?.legacyGate ?? null };
}

// ---------------------------------------------------------------------------------------------
// Queries

builder.queryField('talentGate', (t) =>
  t.field({
    type: TalentGateStatusType,
    description: "The agency's validated merit index and the overseer's approval, as the talent gate reads them",
    authScopes: { roles: [...GATE_READERS] },
    args: { agencyCode: t.arg.string() },
    resolve: (_r, args, ctx) => readGate(ctx, args.agencyCode, () => gateStatusOf(ctx, args.agencyCode)),
  }),
);

builder.queryField('talentGateDecisions', (t) =>
  t.field({
    type: [TalentGateDecisionType],
    description:
      "Every decision on the agency's talent gate, oldest first (submit, adjust, return, validate, approve, withdraw)",
    authScopes: { roles: [...GATE_READERS] },
    args: { agencyCode: t.arg.string() },
    resolve: (_r, args, ctx) =>
      readGate(ctx, args.agencyCode, () => ctx.services.assessment.listTalentGateDecisions(args.agencyCode)),
  }),
);

builder.queryField('meritAssessments', (t) =>
  t.field({
    type: [MeritAssessmentType],
    description: "The agency's merit-system assessments, newest first",
    authScopes: { roles: [...GATE_READERS] },
    args: { agencyCode: t.arg.string() },
    resolve: (_r, args, ctx) =>
      readGate(ctx, args.agencyCode, () =>
        ctx.services.assessment.listMeritAssessments({ agencyCode: args.agencyCode }),
      ),
  }),
);

builder.queryField('meritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    nullable: true,
    authScopes: { roles: [...GATE_READERS] },
    args: { assessmentId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const id = String(args.assessmentId);
        const m = /^MA-([A-Za-z0-9_-]{1,40})-(\d{1,6})$/.exec(id);
        if (!m) return null;
        requireGateReader(ctx, m[1]!, 'assessmentId');
        return ctx.services.assessment.getMeritAssessment(id);
      }),
  }),
);

builder.queryField('meritAssessmentsToReview', (t) =>
  t.field({
    type: [MeritAssessmentType],
    description: 'Submitted assessments of every agency awaiting the overseer, oldest first',
    authScopes: { roles: ['OVERSEER', 'ADMIN'] },
    resolve: (_r, _a, ctx) => typed(() => ctx.services.assessment.listMeritAssessments({ status: 'SUBMITTED' })),
  }),
);

// ---------------------------------------------------------------------------------------------
// The agency's steps

builder.mutationField('startMeritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    description:
      "Starts the agency's self-assessment for a year with the configured aspects (its secretariat or administrator)",
    authScopes: { roles: [...AGENCY_WRITERS] },
    args: { agencyCode: t.arg.string(), period: t.arg.string({ description: "The year assessed, e.g. '2026'" }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const agencyCode = parseInput(agencyCodeSchema, args.agencyCode, 'agencyCode');
        requireAgencyWriter(ctx, agencyCode, 'agencyCode');
        const period = parseInput(
          z
            .string()
            .trim()
            .regex(/^\d{4}$/, 'Periode berupa tahun, mis. 2026'),
          args.period,
          'period',
        );
        const today = await agencyToday(ctx, agencyCode);
        if (Number(period) > Number(today.slice(0, 4)) || Number(period) < Number(today.slice(0, 4)) - 5)
          throw gqlError(
            'VALIDATION_FAILED',
            'Periode harus tahun ini atau paling lama lima tahun sebelumnya',
            'period',
          );
        return ctx.services.assessment.startMeritAssessment({
          agencyCode,
          period,
          config: defaultMeritAspectConfig(),
          by: actorOf(ctx),
        });
      }),
  }),
);

const MeritAspectScoreInput = builder.inputType('MeritAspectScoreInput', {
  fields: (t) => ({
    code: t.string(),
    score: t.float({ required: false, description: 'Within the aspect range; null clears it' }),
    note: t.string({ required: false }),
  }),
});

const editSchema = z.object({
  expectedVersion: z.number().int().min(1),
  aspects: z
    .array(
      z.object({
        code: z.string().trim().max(40, 'Kode aspek paling banyak 40 karakter'),
        score: z.number().nullish(),
        note: z.string().trim().max(2000, 'Catatan paling banyak 2000 karakter').nullish(),
      }),
    )
    .max(50, 'Paling banyak 50 aspek'),
});

builder.mutationField('saveMeritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    description: 'Saves scores and notes of a draft or returned assessment (omitted aspects keep theirs)',
    authScopes: { roles: [...AGENCY_WRITERS] },
    args: {
      assessmentId: t.arg.id(),
      expectedVersion: t.arg.int(),
      aspects: t.arg({ type: [MeritAspectScoreInput] }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const id = String(args.assessmentId);
        requireAgencyWriter(ctx, agencyOfAssessment(id));
        const input = parseInput(editSchema, { expectedVersion: args.expectedVersion, aspects: args.aspects });
        const current = await assessmentFor(ctx, id);
        input.aspects.forEach((a, i) => {
          if (!current.config.aspects.some((c) => c.code === a.code))
            throw gqlError('VALIDATION_FAILED', `Aspek ${a.code} tidak dikenal`, `aspects.${i}.code`);
        });
        return ctx.services.assessment.editMeritAssessment(id, {
          expectedVersion: input.expectedVersion,
          aspects: input.aspects.map((a) => ({ code: a.code, score: a.score ?? null, note: a.note ? a.note : null })),
        });
      }),
  }),
);

builder.mutationField('uploadMeritEvidence', (t) =>
  t.field({
    type: MeritEvidenceType,
    description: `Attaches a PDF (at most ${MERIT_EVIDENCE_MAX_BYTES / (1024 * 1024)} MB) to an aspect of a draft or returned assessment`,
    authScopes: { roles: [...AGENCY_WRITERS] },
    args: { assessmentId: t.arg.id(), aspectCode: t.arg.string(), file: t.arg({ type: 'File', required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const id = String(args.assessmentId);
        requireAgencyWriter(ctx, agencyOfAssessment(id));
        const current = await assessmentFor(ctx, id);
        if (!current.config.aspects.some((c) => c.code === args.aspectCode))
          throw gqlError('VALIDATION_FAILED', `Aspek ${args.aspectCode} tidak dikenal`, 'aspectCode');
        const file = args.file;
        if (!file || typeof file.arrayBuffer !== 'function')
          throw gqlError('VALIDATION_FAILED', 'Unggah berkas bukti (PDF)', 'file');
        if (file.size > MERIT_EVIDENCE_MAX_BYTES)
          throw gqlError('VALIDATION_FAILED', 'Berkas bukti paling besar 2 MB', 'file');
        const bytes = new Uint8Array(await file.arrayBuffer());
        if (!isPdf(bytes)) throw gqlError('VALIDATION_FAILED', 'Berkas bukti harus PDF', 'file');
        const fileName =
          [...(file.name ?? '').split(/[\\/]/).pop()!]
            .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
            .join('')
            .trim()
            .slice(0, 200) || 'bukti.pdf';
        return ctx.services.assessment.storeMeritEvidence(
          id,
          { aspectCode: args.aspectCode, fileName, by: actorOf(ctx) },
          bytes,
        );
      }),
  }),
);

async function decide(
  ctx: GraphQLContext,
  id: string,
  req: MeritAssessmentDecisionRequest,
): Promise<MeritAssessmentDto> {
  const { assessment } = await ctx.services.assessment.decideMeritAssessment(id, req);
  ctx.logger.info({ assessmentId: id, action: req.action, userId: ctx.user?.id }, 'merit assessment decision');
  return assessment;
}

builder.mutationField('submitMeritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    description: 'Submits the assessment to the overseer (every aspect scored); recorded',
    authScopes: { roles: [...AGENCY_WRITERS] },
    args: { assessmentId: t.arg.id(), expectedVersion: t.arg.int(), note: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const id = String(args.assessmentId);
        requireAgencyWriter(ctx, agencyOfAssessment(id));
        const note = parseInput(optionalNote, args.note, 'note');
        return decide(ctx, id, {
          action: 'SUBMIT',
          expectedVersion: args.expectedVersion,
          by: actorOf(ctx),
          reason: note ?? null,
        });
      }),
  }),
);

// ---------------------------------------------------------------------------------------------
// The overseer's decisions

/** An overseer's act on an assessment that must give a reason: the assessment's id and the reason, checked. */
function overseerReasoned(
  ctx: GraphQLContext,
  args: { assessmentId: string | number; reason: string },
): { id: string; reason: string } {
  requireOverseer(ctx);
  const id = String(args.assessmentId);
  agencyOfAssessment(id);
  return { id, reason: parseInput(reasonSchema, args.reason, 'reason') };
}

builder.mutationField('adjustMeritAspect', (t) =>
  t.field({
    type: MeritAssessmentType,
    description: "The overseer replaces an aspect's score of a submitted assessment, with a reason; recorded",
    authScopes: { roles: ['OVERSEER'] },
    args: {
      assessmentId: t.arg.id(),
      expectedVersion: t.arg.int(),
      aspectCode: t.arg.string(),
      score: t.arg.float(),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const { id, reason } = overseerReasoned(ctx, args);
        return decide(ctx, id, {
          action: 'ADJUST',
          expectedVersion: args.expectedVersion,
          by: actorOf(ctx),
          reason,
          aspectCode: args.aspectCode,
          score: args.score,
        });
      }),
  }),
);

builder.mutationField('returnMeritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    description: 'The overseer returns a submitted assessment to the agency for correction, with a reason; recorded',
    authScopes: { roles: ['OVERSEER'] },
    args: { assessmentId: t.arg.id(), expectedVersion: t.arg.int(), reason: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const { id, reason } = overseerReasoned(ctx, args);
        return decide(ctx, id, { action: 'RETURN', expectedVersion: args.expectedVersion, by: actorOf(ctx), reason });
      }),
  }),
);

builder.mutationField('validateMeritAssessment', (t) =>
  t.field({
    type: MeritAssessmentType,
    description:
      'The overseer validates a submitted assessment: its index and category become the agency’s, superseding earlier ones; recorded',
    authScopes: { roles: ['OVERSEER'] },
    args: { assessmentId: t.arg.id(), expectedVersion: t.arg.int(), reason: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        requireOverseer(ctx);
        const id = String(args.assessmentId);
        const reason = parseInput(optionalNote, args.reason, 'reason');
        const validatedOn = await agencyToday(ctx, agencyOfAssessment(id));
        return decide(ctx, id, {
          action: 'VALIDATE',
          expectedVersion: args.expectedVersion,
          by: actorOf(ctx),
          reason: reason ?? null,
          validatedOn,
        });
      }),
  }),
);

const approvalSchema = z.object({
  agencyCode: agencyCodeSchema,
  date: z.string(),
  reference: referenceSchema,
  reason: reasonSchema,
});

async function approvalDecision(
  ctx: GraphQLContext,
  action: 'APPROVE' | 'WITHDRAW',
  // Optional only in type (the letter's date argument is named per mutation); approvalSchema checks them.
  args: Partial<Record<'agencyCode' | 'date' | 'reference' | 'reason', string>>,
): Promise<TalentGateDecisionDto> {
  requireOverseer(ctx, 'agencyCode');
  const input = parseInput(approvalSchema, args);
  const today = await agencyToday(ctx, input.agencyCode);
  const field = action === 'APPROVE' ? 'approvedOn' : 'withdrawnOn';
  if (input.date > today) throw gqlError('VALIDATION_FAILED', 'Tanggal surat tidak boleh di masa depan', field);
  const by = actorOf(ctx);
  const decision = await ctx.services.assessment.decideTalentSystemApproval(
    input.agencyCode,
    action === 'APPROVE'
      ? { action, by, reason: input.reason, approvedOn: input.date, reference: input.reference }
      : { action, by, reason: input.reason, withdrawnOn: input.date, reference: input.reference },
  );
  ctx.logger.info({ agencyCode: input.agencyCode, action, userId: by.userId }, 'talent system approval decision');
  return decision;
}

/** The overseer's two letters (approval and its withdrawal): the same arguments but the letter's date. */
function approvalMutation(
  name: string,
  action: 'APPROVE' | 'WITHDRAW',
  dateArg: 'approvedOn' | 'withdrawnOn',
  letter: string,
  description: string,
) {
  builder.mutationField(name, (t) =>
    t.field({
      type: TalentGateDecisionType,
      description,
      authScopes: { roles: ['OVERSEER'] },
      args: {
        agencyCode: t.arg.string(),
        [dateArg]: t.arg({ type: 'LocalDate' }),
        reference: t.arg.string({ description: `Number of the ${letter} letter` }),
        reason: t.arg.string(),
      },
      resolve: (_r, args, ctx) =>
        typed(() =>
          approvalDecision(ctx, action, {
            agencyCode: args.agencyCode,
            date: args[dateArg],
            reference: args.reference,
            reason: args.reason,
          }),
        ),
    }),
  );
}

approvalMutation(
  'approveTalentSystem',
  'APPROVE',
  'approvedOn',
  'approval',
  "The overseer approves the agency's talent-management system (letter number and date, reason); recorded",
);
approvalMutation(
  'withdrawTalentSystemApproval',
  'WITHDRAW',
  'withdrawnOn',
  'withdrawal',
  'The overseer withdraws the standing approval (letter number and date, reason); the gate closes; recorded',
);
