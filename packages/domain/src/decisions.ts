/**
 * One declaration per human decision of an open selection: who may take it, in which stages, and
 * the shape of its arguments (after OpenCRVS' `packages/commons/src/events/state/availableActions.ts`).
 * Read by the workflow's guards (roles, stages), the gateway (scopes, argument validation), the portal
 * (which decisions the signed-in role may take now) and the authorisation matrix test.
 *
 * `stages` is the envelope: outside it the decision is always refused. Guards add the finer rules
 * (a vacancy awaiting a decision, an objection window still open…). `args` is what the gateway accepts
 * (without the acting user, which the gateway takes from the session), with messages in Bahasa Indonesia.
 * Pure code: safe to import from workflow code and from the portal.
 */
import { z } from 'zod';
import type { Role } from './roles';
import { isValidScore } from './rules/scoring';
import { SELECTION_STAGES, type SelectionStage } from './stages';

// No code compiled at run time: the portal's Content-Security-Policy forbids eval (zod would probe it), and
// workflow code should not generate code either.
z.config({ jitless: true });

// Shared argument pieces (field paths are the argument names).

export const reasonText = (what = 'Alasan') =>
  z.string().trim().min(1, `${what} wajib diisi`).max(2000, `${what} paling banyak 2000 karakter`);

export const optionalText = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `Paling banyak ${max} karakter`)
    .nullish()
    .transform((v) => (v ? v : null));

export const shortText = (what: string, max = 200) =>
  z.string().trim().min(1, `${what} wajib diisi`).max(max, `${what} paling banyak ${max} karakter`);

export const scoreValue = z.number().refine((n) => isValidScore(n), 'Nilai harus 0–100 dengan paling banyak 2 desimal');

export const idText = (what: string) =>
  z.coerce.string().trim().min(1, `${what} wajib diisi`).max(300, `${what} terlalu panjang`);

/**
 * How the gateway shows an argument: its GraphQL type (a scalar, enum or input type name; default from the
 * zod type: String, Float, Boolean, a list) and its description. The gateway builds each decision's
 * GraphQL arguments from `args` and this metadata (gateway/src/schema/zod-args.ts), so they are written once.
 */
export interface GraphQLArgMeta {
  graphql?: string;
  description?: string;
}

/** The schema with its GraphQL type and description (zod's metadata, kept by every wrapper around it). */
export function asArg<T extends z.ZodType>(schema: T, meta: GraphQLArgMeta): T {
  return schema.meta({ ...meta });
}

/** An id argument (GraphQL ID). */
const id = (what: string, description?: string) => asArg(idText(what), { graphql: 'ID', description });
/** A local date argument (GraphQL LocalDate). */
const date = (description?: string) => asArg(z.string(), { graphql: 'LocalDate', description });
/** An id taken as given (decisions that looked the record up without checking its shape). */
const anyId = asArg(z.string(), { graphql: 'ID' });

/** Stages the overseer (or an upheld final objection) can send the process back to. */
export const CORRECTABLE_STAGES = [
  'ADMINISTRATIVE_SCREENING',
  'COMPETENCY_ASSESSMENT',
  'INTERVIEW',
  'TRACK_RECORD',
  'FINAL_RANKING',
] as const satisfies readonly SelectionStage[];

/** The stages from `first` up to, not including, `end` (regulation order). */
function stagesBetween(first: SelectionStage, end?: SelectionStage): SelectionStage[] {
  return SELECTION_STAGES.slice(SELECTION_STAGES.indexOf(first), end ? SELECTION_STAGES.indexOf(end) : undefined);
}
const ANY_STAGE: readonly SelectionStage[] = SELECTION_STAGES;
const SECRETARIAT = ['PANSEL_SECRETARY'] as const satisfies readonly Role[];

/** One decision as declared. */
export interface DecisionDeclaration {
  /** Roles that may take it (narrowed further by the agency, the Pansel seat or the owner of the record). */
  roles: readonly Role[];
  /** Stages in which it may be taken. */
  stages: readonly SelectionStage[];
  /** Its arguments as the gateway accepts them. */
  args: z.ZodType;
  /** Its name as people read it (portal). */
  label: string;
  /** What the gateway's mutation does (English, the API's description). */
  description: string;
}

export const SELECTION_DECISIONS = {
  setPansel: {
    label: 'Tetapkan panitia seleksi',
    description: 'Sets the selection committee (Pansel) while the selection is being planned (Pansel secretary)',
    roles: SECRETARIAT,
    stages: ['PLANNED'],
    args: z.object({
      selectionId: id('Seleksi'),
      members: z
        .array(
          asArg(
            z.object({
              id: asArg(
                z.coerce
                  .string()
                  .trim()
                  .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode anggota hanya huruf, angka, - dan _ (paling banyak 40)')
                  .nullish(),
                { graphql: 'ID', description: 'Member id within the selection (default M1, M2, …)' },
              ),
              userId: id('Akun anggota', 'The PANSEL_MEMBER account acting as this member'),
              name: shortText('Nama anggota'),
              institution: shortText('Instansi asal'),
              internal: asArg(z.boolean(), {
                description: 'From the agency running the selection (otherwise external)',
              }),
              partyMember: z.boolean(),
              bknOfficial: asArg(z.boolean().nullish(), { description: 'Default false' }),
              role: asArg(z.enum(['CHAIR', 'SECRETARY', 'MEMBER']), { graphql: 'PanselRole' }),
            }),
            { graphql: 'PanselMemberInput' },
          ),
        )
        .min(1, 'Minimal satu anggota')
        .max(25, 'Paling banyak 25 anggota'),
      decreeReference: asArg(optionalText(200), { description: "Number of the PPK's decree, when signed" }),
    }),
  },
  submitPlan: {
    label: 'Ajukan rencana seleksi',
    description: 'Sends the selection plan to the overseer for approval (Pansel secretary)',
    roles: SECRETARIAT,
    stages: ['PLANNED'],
    args: z.object({ selectionId: anyId }),
  },
  overseerDecision: {
    label: 'Keputusan pengawas',
    description: "The overseer's verdict on the plan or on the result (KASN/BKN)",
    roles: ['OVERSEER'],
    stages: ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'],
    args: z
      .object({
        selectionId: id('Seleksi'),
        subject: asArg(z.enum(['PLAN', 'RESULT']), { graphql: 'OverseerSubject' }),
        verdict: asArg(z.enum(['APPROVE', 'REQUEST_CORRECTION', 'REJECT']), { graphql: 'OverseerVerdict' }),
        stageAtFault: asArg(z.enum(CORRECTABLE_STAGES).nullish(), {
          graphql: 'CorrectableStage',
          description: 'With REQUEST_CORRECTION on the result: the stage to send the process back to',
        }),
        reason: reasonText('Alasan/pertimbangan'),
        reference: asArg(optionalText(200), { description: 'Letter number of the recommendation/pertek' }),
      })
      .superRefine((v, c) => {
        if (v.subject === 'RESULT' && v.verdict === 'REQUEST_CORRECTION' && !v.stageAtFault) {
          c.addIssue({ code: 'custom', path: ['stageAtFault'], message: 'Sebutkan tahapan yang perlu diperbaiki' });
        }
      }),
  },
  requestAdditionalDocuments: {
    label: 'Minta dokumen tambahan',
    description: 'The overseer asks the Pansel for more documents on the plan or the result under its review',
    roles: ['OVERSEER'],
    stages: ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'],
    args: z.object({
      selectionId: id('Seleksi'),
      reason: reasonText('Alasan permintaan'),
      documents: asArg(
        z
          .array(shortText('Nama dokumen', 300))
          .min(1, 'Sebutkan minimal satu dokumen')
          .max(20, 'Paling banyak 20 dokumen'),
        { description: 'The documents asked for, one per item' },
      ),
    }),
  },
  decideVacancy: {
    label: 'Putuskan lowongan',
    description:
      'Decides a vacancy waiting for the Pansel (too few applicants or qualified candidates): cancel, switch route or re-announce',
    roles: SECRETARIAT,
    // Whenever a vacancy waits for the Pansel (too few applicants or qualified candidates).
    stages: ANY_STAGE,
    args: z.object({
      selectionId: id('Seleksi'),
      vacancyId: id('Lowongan'),
      outcome: asArg(z.enum(['CANCEL', 'SWITCH_ROUTE', 'REANNOUNCE']), { graphql: 'VacancyOutcome' }),
      reason: reasonText('Alasan keputusan'),
    }),
  },
  overrideScreening: {
    label: 'Ubah hasil seleksi administrasi',
    description: "Overrides the screening engine's MS/TMS for one application, with a recorded reason",
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING', 'ADMINISTRATIVE_OBJECTIONS'],
    args: z.object({
      selectionId: id('Seleksi'),
      applicationId: id('Lamaran'),
      eligible: z.boolean(),
      reason: reasonText('Alasan perubahan hasil administrasi'),
    }),
  },
  publishScreening: {
    label: 'Umumkan hasil seleksi administrasi',
    description: 'Publishes the administrative screening result (BA and MS/TMS list); opens the objection window',
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING'],
    args: z.object({ selectionId: anyId }),
  },
  fileObjection: {
    label: 'Ajukan sanggahan',
    description: "Files an objection (sanggah) on the signed-in candidate's own application during an objection window",
    roles: ['CANDIDATE'],
    stages: ['ADMINISTRATIVE_OBJECTIONS', 'FINAL_OBJECTIONS'],
    args: z.object({
      selectionId: id('Seleksi'),
      applicationId: id('Lamaran'),
      text: reasonText('Isi sanggahan'),
    }),
  },
  answerObjection: {
    label: 'Jawab sanggahan',
    description:
      'Answers an objection; an upheld one reopens the screening of that application, or (final result) the stage given',
    roles: SECRETARIAT,
    // An objection filed in its window may be answered after the window closed.
    stages: ANY_STAGE,
    args: z.object({
      selectionId: id('Seleksi'),
      objectionId: id('Sanggahan'),
      upheld: z.boolean(),
      answer: reasonText('Jawaban sanggahan'),
      reopenStage: asArg(z.enum(CORRECTABLE_STAGES).nullish(), {
        graphql: 'CorrectableStage',
        description: 'Upheld objection on the final result: the stage to reopen (default TRACK_RECORD)',
      }),
    }),
  },
  declareConflict: {
    label: 'Nyatakan konflik kepentingan',
    description:
      'The signed-in Pansel member declares (or withdraws) a conflict of interest with a candidate; a conflicted member is recused',
    roles: ['PANSEL_MEMBER'],
    // Declared before the final assessment.
    stages: stagesBetween('PLANNED', 'FINAL_RANKING'),
    args: z.object({
      selectionId: id('Seleksi'),
      candidateId: id('Peserta'),
      hasConflict: z.boolean(),
      reason: reasonText('Keterangan konflik kepentingan'),
    }),
  },
  recordAssessment: {
    label: 'Catat nilai uji kompetensi',
    description: 'Records the competency assessment of one application (assessment centre, paper, presentation)',
    roles: SECRETARIAT,
    stages: ['COMPETENCY_ASSESSMENT'],
    args: z.object({
      selectionId: id('Seleksi'),
      applicationId: id('Lamaran'),
      managerial: asArg(scoreValue, { description: 'Managerial competency, 0–100' }),
      socioCultural: asArg(scoreValue, { description: 'Socio-cultural competency, 0–100' }),
      paper: asArg(scoreValue, { description: 'Paper (makalah), 0–100' }),
      presentation: asArg(scoreValue, { description: 'Presentation, 0–100' }),
      assessedAt: date('Assessment-centre date'),
      reusedResultId: asArg(optionalText(200), { description: 'An earlier, still valid assessment result' }),
    }),
  },
  submitInterviewScore: {
    label: 'Beri nilai wawancara',
    description:
      "The signed-in Pansel member's interview score for one application (blind: others' scores show after one's own)",
    roles: ['PANSEL_MEMBER'],
    stages: ['INTERVIEW'],
    args: z.object({
      selectionId: id('Seleksi'),
      applicationId: id('Lamaran'),
      score: asArg(scoreValue, { description: '0–100, at most 2 decimals' }),
      reason: asArg(optionalText(), { description: 'Required when scoring again (calibration/correction)' }),
    }),
  },
  recordTrackRecord: {
    label: 'Catat rekam jejak',
    description: 'Records the track-record check of one application; it may eliminate the candidate (with a reason)',
    roles: SECRETARIAT,
    stages: ['TRACK_RECORD'],
    args: z
      .object({
        selectionId: id('Seleksi'),
        applicationId: id('Lamaran'),
        score: asArg(scoreValue, { description: '0–100, at most 2 decimals' }),
        findings: reasonText('Temuan rekam jejak'),
        eliminate: asArg(
          z
            .boolean()
            .nullish()
            .transform((v) => v ?? false),
          { description: 'Default false' },
        ),
        reason: asArg(optionalText(), { description: 'Required when eliminating' }),
      })
      .superRefine((v, c) => {
        if (v.eliminate && !v.reason) {
          c.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan menggugurkan peserta wajib diisi' });
        }
      }),
  },
  scheduleStage: {
    label: 'Jadwalkan tahap',
    description:
      'Sets (or changes) the date, time (the agency’s local time) and place of the competency assessment or the interview; every competing candidate is mailed the invitation, or on a change the new schedule',
    roles: SECRETARIAT,
    // The interview may be scheduled while the assessment runs.
    stages: ['COMPETENCY_ASSESSMENT', 'INTERVIEW'],
    args: z.object({
      selectionId: id('Seleksi'),
      stage: asArg(z.enum(['COMPETENCY_ASSESSMENT', 'INTERVIEW']), { graphql: 'ScheduledStage' }),
      date: date(),
      time: asArg(
        z
          .string()
          .trim()
          .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam tidak valid (format JJ:MM, mis. 08:30)'),
        { description: 'Local time at the agency, "HH:mm"' },
      ),
      place: asArg(
        shortText('Lokasi', 300).refine((v) => !/[\r\n]/.test(v), 'Lokasi ditulis dalam satu baris'),
        { description: 'Lokasi: building, room, address' },
      ),
      notes: asArg(optionalText(1000), { description: 'What to bring, dress code, contact person' }),
    }),
  },
  completeStage: {
    label: 'Tutup tahap',
    description: 'Closes a scored stage once every result is in (INCOMPLETE lists what is missing)',
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING', 'COMPETENCY_ASSESSMENT', 'INTERVIEW', 'TRACK_RECORD'],
    args: z.object({
      selectionId: anyId,
      stage: asArg(z.enum(['COMPETENCY_ASSESSMENT', 'INTERVIEW', 'TRACK_RECORD', 'ADMINISTRATIVE_SCREENING']), {
        graphql: 'CompletableStage',
      }),
    }),
  },
  chooseAppointee: {
    label: 'Pilih 1 dari 3 nama',
    description:
      'The PPK chooses 1 of the 3 names (Pratama: the appointee; Madya/Utama: the proposal to the President); a choice other than rank 1 needs a justification',
    roles: ['PPK'],
    stages: ['APPOINTMENT_CHOICE'],
    args: z.object({
      selectionId: id('Seleksi'),
      vacancyId: id('Lowongan'),
      applicationId: id('Lamaran'),
      justification: optionalText(),
    }),
  },
  recordPresidentialDecision: {
    label: 'Catat Keputusan Presiden',
    description: "Records the President's decree (Keppres) appointing a JPT Madya/Utama",
    roles: SECRETARIAT,
    stages: ['APPOINTMENT_CHOICE'],
    args: z.object({
      selectionId: id('Seleksi'),
      vacancyId: id('Lowongan'),
      applicationId: id('Lamaran'),
      decreeNumber: shortText('Nomor Keputusan Presiden'),
      decreeDate: date(),
      justification: optionalText(),
    }),
  },
  recordElectionPermission: {
    label: 'Catat izin Menteri Dalam Negeri',
    description: "Records the Home Affairs Minister's written permission to appoint inside a regional-election window",
    roles: SECRETARIAT,
    // The permission may come before the appointment step opens.
    stages: ANY_STAGE,
    args: z.object({
      selectionId: id('Seleksi'),
      letterNumber: shortText('Nomor surat izin'),
      letterDate: date(),
      scope: asArg(shortText('Lingkup izin', 1000), {
        description: 'What the letter permits (the posts, the appointees)',
      }),
      reason: reasonText('Keterangan'),
    }),
  },
  recordInauguration: {
    label: 'Catat pelantikan',
    description: 'Records the inauguration of the appointee of a vacancy (issues the BA of inauguration)',
    roles: SECRETARIAT,
    stages: ['INAUGURATION'],
    args: z.object({
      selectionId: id('Seleksi'),
      vacancyId: id('Lowongan'),
      date: date(),
      place: shortText('Tempat pelantikan'),
    }),
  },
  withdrawApplication: {
    label: 'Tarik lamaran',
    description: "Withdraws the signed-in candidate's own application (before the appointment decree)",
    roles: ['CANDIDATE'],
    // Not after the appointment decree.
    stages: stagesBetween('PLANNED', 'DECREE'),
    args: z.object({
      applicationId: id('Lamaran'),
      reason: reasonText('Alasan penarikan'),
    }),
  },
} as const satisfies Record<string, DecisionDeclaration>;

export type SelectionDecisionName = keyof typeof SELECTION_DECISIONS;
export const SELECTION_DECISION_NAMES = Object.keys(SELECTION_DECISIONS) as SelectionDecisionName[];

/** A decision's arguments as validated (what the gateway hands on). */
export type SelectionDecisionArgs<N extends SelectionDecisionName> = z.output<(typeof SELECTION_DECISIONS)[N]['args']>;

/** The role may take the decision (wherever the stage). */
export function roleMayTake(name: SelectionDecisionName, role: Role): boolean {
  return (SELECTION_DECISIONS[name].roles as readonly Role[]).includes(role);
}

/** The decision may be taken in this stage (by someone). */
export function stageAllows(name: SelectionDecisionName, stage: SelectionStage): boolean {
  return (SELECTION_DECISIONS[name].stages as readonly SelectionStage[]).includes(stage);
}

/** The decisions a role may take in a stage (the portal's panels show these). */
export function decisionsAvailable(role: Role, stage: SelectionStage): SelectionDecisionName[] {
  return SELECTION_DECISION_NAMES.filter((n) => roleMayTake(n, role) && stageAllows(n, stage));
}
