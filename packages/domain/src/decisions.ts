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

/** An id taken as given (decisions that looked the record up without checking its shape). */
const anyId = z.string();

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
}

export const SELECTION_DECISIONS = {
  setPansel: {
    label: 'Tetapkan panitia seleksi',
    roles: SECRETARIAT,
    stages: ['PLANNED'],
    args: z.object({
      selectionId: idText('Seleksi'),
      members: z
        .array(
          z.object({
            id: z.coerce
              .string()
              .trim()
              .regex(/^[A-Za-z0-9_-]{1,40}$/, 'Kode anggota hanya huruf, angka, - dan _ (paling banyak 40)')
              .nullish(),
            userId: idText('Akun anggota'),
            name: shortText('Nama anggota'),
            institution: shortText('Instansi asal'),
            internal: z.boolean(),
            partyMember: z.boolean(),
            bknOfficial: z.boolean().nullish(),
            role: z.enum(['CHAIR', 'SECRETARY', 'MEMBER']),
          }),
        )
        .min(1, 'Minimal satu anggota')
        .max(25, 'Paling banyak 25 anggota'),
      decreeReference: optionalText(200),
    }),
  },
  submitPlan: {
    label: 'Ajukan rencana seleksi',
    roles: SECRETARIAT,
    stages: ['PLANNED'],
    args: z.object({ selectionId: anyId }),
  },
  overseerDecision: {
    label: 'Keputusan pengawas',
    roles: ['OVERSEER'],
    stages: ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'],
    args: z
      .object({
        selectionId: idText('Seleksi'),
        subject: z.enum(['PLAN', 'RESULT']),
        verdict: z.enum(['APPROVE', 'REQUEST_CORRECTION', 'REJECT']),
        stageAtFault: z.enum(CORRECTABLE_STAGES).nullish(),
        reason: reasonText('Alasan/pertimbangan'),
        reference: optionalText(200),
      })
      .superRefine((v, c) => {
        if (v.subject === 'RESULT' && v.verdict === 'REQUEST_CORRECTION' && !v.stageAtFault) {
          c.addIssue({ code: 'custom', path: ['stageAtFault'], message: 'Sebutkan tahapan yang perlu diperbaiki' });
        }
      }),
  },
  requestAdditionalDocuments: {
    label: 'Minta dokumen tambahan',
    roles: ['OVERSEER'],
    stages: ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'],
    args: z.object({
      selectionId: idText('Seleksi'),
      reason: reasonText('Alasan permintaan'),
      documents: z
        .array(shortText('Nama dokumen', 300))
        .min(1, 'Sebutkan minimal satu dokumen')
        .max(20, 'Paling banyak 20 dokumen'),
    }),
  },
  decideVacancy: {
    label: 'Putuskan lowongan',
    roles: SECRETARIAT,
    // Whenever a vacancy waits for the Pansel (too few applicants or qualified candidates).
    stages: ANY_STAGE,
    args: z.object({
      selectionId: idText('Seleksi'),
      vacancyId: idText('Lowongan'),
      outcome: z.enum(['CANCEL', 'SWITCH_ROUTE', 'REANNOUNCE']),
      reason: reasonText('Alasan keputusan'),
    }),
  },
  overrideScreening: {
    label: 'Ubah hasil seleksi administrasi',
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING', 'ADMINISTRATIVE_OBJECTIONS'],
    args: z.object({
      selectionId: idText('Seleksi'),
      applicationId: idText('Lamaran'),
      eligible: z.boolean(),
      reason: reasonText('Alasan perubahan hasil administrasi'),
    }),
  },
  publishScreening: {
    label: 'Umumkan hasil seleksi administrasi',
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING'],
    args: z.object({ selectionId: anyId }),
  },
  fileObjection: {
    label: 'Ajukan sanggahan',
    roles: ['CANDIDATE'],
    stages: ['ADMINISTRATIVE_OBJECTIONS', 'FINAL_OBJECTIONS'],
    args: z.object({
      selectionId: idText('Seleksi'),
      applicationId: idText('Lamaran'),
      text: reasonText('Isi sanggahan'),
    }),
  },
  answerObjection: {
    label: 'Jawab sanggahan',
    roles: SECRETARIAT,
    // An objection filed in its window may be answered after the window closed.
    stages: ANY_STAGE,
    args: z.object({
      selectionId: idText('Seleksi'),
      objectionId: idText('Sanggahan'),
      upheld: z.boolean(),
      answer: reasonText('Jawaban sanggahan'),
      reopenStage: z.enum(CORRECTABLE_STAGES).nullish(),
    }),
  },
  declareConflict: {
    label: 'Nyatakan konflik kepentingan',
    roles: ['PANSEL_MEMBER'],
    // Declared before the final assessment.
    stages: stagesBetween('PLANNED', 'FINAL_RANKING'),
    args: z.object({
      selectionId: idText('Seleksi'),
      candidateId: idText('Peserta'),
      hasConflict: z.boolean(),
      reason: reasonText('Keterangan konflik kepentingan'),
    }),
  },
  recordAssessment: {
    label: 'Catat nilai uji kompetensi',
    roles: SECRETARIAT,
    stages: ['COMPETENCY_ASSESSMENT'],
    args: z.object({
      selectionId: idText('Seleksi'),
      applicationId: idText('Lamaran'),
      managerial: scoreValue,
      socioCultural: scoreValue,
      paper: scoreValue,
      presentation: scoreValue,
      assessedAt: z.string(),
      reusedResultId: optionalText(200),
    }),
  },
  submitInterviewScore: {
    label: 'Beri nilai wawancara',
    roles: ['PANSEL_MEMBER'],
    stages: ['INTERVIEW'],
    args: z.object({
      selectionId: idText('Seleksi'),
      applicationId: idText('Lamaran'),
      score: scoreValue,
      reason: optionalText(),
    }),
  },
  recordTrackRecord: {
    label: 'Catat rekam jejak',
    roles: SECRETARIAT,
    stages: ['TRACK_RECORD'],
    args: z
      .object({
        selectionId: idText('Seleksi'),
        applicationId: idText('Lamaran'),
        score: scoreValue,
        findings: reasonText('Temuan rekam jejak'),
        eliminate: z
          .boolean()
          .nullish()
          .transform((v) => v ?? false),
        reason: optionalText(),
      })
      .superRefine((v, c) => {
        if (v.eliminate && !v.reason) {
          c.addIssue({ code: 'custom', path: ['reason'], message: 'Alasan menggugurkan peserta wajib diisi' });
        }
      }),
  },
  scheduleStage: {
    label: 'Jadwalkan tahap',
    roles: SECRETARIAT,
    // The interview may be scheduled while the assessment runs.
    stages: ['COMPETENCY_ASSESSMENT', 'INTERVIEW'],
    args: z.object({
      selectionId: idText('Seleksi'),
      stage: z.enum(['COMPETENCY_ASSESSMENT', 'INTERVIEW']),
      date: z.string(),
      time: z
        .string()
        .trim()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Jam tidak valid (format JJ:MM, mis. 08:30)'),
      place: shortText('Lokasi', 300).refine((v) => !/[\r\n]/.test(v), 'Lokasi ditulis dalam satu baris'),
      notes: optionalText(1000),
    }),
  },
  completeStage: {
    label: 'Tutup tahap',
    roles: SECRETARIAT,
    stages: ['ADMINISTRATIVE_SCREENING', 'COMPETENCY_ASSESSMENT', 'INTERVIEW', 'TRACK_RECORD'],
    args: z.object({
      selectionId: anyId,
      stage: z.enum(['COMPETENCY_ASSESSMENT', 'INTERVIEW', 'TRACK_RECORD', 'ADMINISTRATIVE_SCREENING']),
    }),
  },
  chooseAppointee: {
    label: 'Pilih 1 dari 3 nama',
    roles: ['PPK'],
    stages: ['APPOINTMENT_CHOICE'],
    args: z.object({
      selectionId: idText('Seleksi'),
      vacancyId: idText('Lowongan'),
      applicationId: idText('Lamaran'),
      justification: optionalText(),
    }),
  },
  recordPresidentialDecision: {
    label: 'Catat Keputusan Presiden',
    roles: SECRETARIAT,
    stages: ['APPOINTMENT_CHOICE'],
    args: z.object({
      selectionId: idText('Seleksi'),
      vacancyId: idText('Lowongan'),
      applicationId: idText('Lamaran'),
      decreeNumber: shortText('Nomor Keputusan Presiden'),
      decreeDate: z.string(),
      justification: optionalText(),
    }),
  },
  recordElectionPermission: {
    label: 'Catat izin Menteri Dalam Negeri',
    roles: SECRETARIAT,
    // The permission may come before the appointment step opens.
    stages: ANY_STAGE,
    args: z.object({
      selectionId: idText('Seleksi'),
      letterNumber: shortText('Nomor surat izin'),
      letterDate: z.string(),
      scope: shortText('Lingkup izin', 1000),
      reason: reasonText('Keterangan'),
    }),
  },
  recordInauguration: {
    label: 'Catat pelantikan',
    roles: SECRETARIAT,
    stages: ['INAUGURATION'],
    args: z.object({
      selectionId: idText('Seleksi'),
      vacancyId: idText('Lowongan'),
      date: z.string(),
      place: shortText('Tempat pelantikan'),
    }),
  },
  withdrawApplication: {
    label: 'Tarik lamaran',
    roles: ['CANDIDATE'],
    // Not after the appointment decree.
    stages: stagesBetween('PLANNED', 'DECREE'),
    args: z.object({
      applicationId: idText('Lamaran'),
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
