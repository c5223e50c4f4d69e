/**
 * One declaration per human decision of a talent-pool filling (domain.md §3), of the same kind as the open
 * selection's (decisions.ts): who may take it, in which steps, and its arguments. Read by the filling
 * workflow's validators (roles, steps), the gateway (scopes, arguments and their validation) and the
 * authorisation matrix test. Pure code.
 */
import { z } from 'zod';
import { isLocalDate } from './calendar';
import { asArg, idText, optionalText, reasonText, shortText } from './decisions';
import type { Role } from './roles';

/** The steps of a talent-pool filling, in order. */
export const TALENT_FILLING_STAGES = [
  'GATE_CHECK',
  'PROPOSAL',
  'CONFIRMATION',
  'OVERSEER_APPROVAL',
  'PPK_DECISION',
  /** Madya/Utama: the PPK proposed; the secretariat records the President's decree (Keppres). */
  'PRESIDENTIAL_DECISION',
  'DECREE',
  'INAUGURATION',
  'COMPLETED',
  'FALLBACK_OPEN_SELECTION',
] as const;
export type TalentFillingStage = (typeof TALENT_FILLING_STAGES)[number];

/** One talent-route decision as declared. */
export interface TalentDecisionDeclaration {
  roles: readonly Role[];
  /** Steps in which it may be taken (the validators add the finer rules: not decided yet…). */
  stages: readonly TalentFillingStage[];
  /** Its arguments as the gateway accepts them (the filling's id, then the decision's own). */
  args: z.ZodType;
  label: string;
  /** What the gateway's mutation does (English). */
  description: string;
  /** The workflow Update's name, when it is not the mutation's. */
  update?: string;
}

const filling = () => asArg(idText('Pengisian jabatan'), { graphql: 'ID' });
const employee = () => asArg(idText('Pegawai'), { graphql: 'ID' });
const localDate = (what: string) =>
  asArg(z.string().refine(isLocalDate, `${what} tidak valid (TTTT-BB-HH)`), { graphql: 'LocalDate' });
const SECRETARIAT = ['PANSEL_SECRETARY'] as const satisfies readonly Role[];

export const TALENT_DECISIONS = {
  confirmProposal: {
    label: 'Konfirmasi usulan suksesor',
    description:
      'The committee confirms the successor proposal, or declines it (the post then goes to an open selection); Pansel secretary of the agency',
    roles: SECRETARIAT,
    stages: ['CONFIRMATION'],
    args: z.object({ fillingId: filling(), confirm: z.boolean(), reason: reasonText('Pertimbangan') }),
  },
  talentOverseerDecision: {
    label: 'Keputusan lembaga pengawas atas usulan suksesor',
    description: "The overseer's approval (or rejection) of the successor proposal",
    roles: ['OVERSEER'],
    stages: ['OVERSEER_APPROVAL'],
    args: z.object({
      fillingId: filling(),
      verdict: asArg(z.enum(['APPROVE', 'REJECT']), { graphql: 'TalentOverseerVerdict' }),
      reason: reasonText('Pertimbangan'),
      reference: asArg(optionalText(200), { description: "Number of the overseer's letter" }),
    }),
  },
  decideSuccessor: {
    label: 'Pilih suksesor',
    description:
      'The PPK appoints one of the proposed successors; a justification (at least 20 characters) is required when it is not the first',
    roles: ['PPK'],
    stages: ['PPK_DECISION'],
    args: z.object({ fillingId: filling(), employeeId: employee(), justification: optionalText() }),
  },
  recordTalentPresidentialDecision: {
    label: 'Catat Keputusan Presiden',
    description:
      "Records the President's decree (Keppres) on a Madya/Utama post the PPK proposed (Pansel secretary of the agency); a justification when not the first successor",
    roles: SECRETARIAT,
    stages: ['PRESIDENTIAL_DECISION'],
    args: z.object({
      fillingId: filling(),
      employeeId: employee(),
      decreeNumber: shortText('Nomor Keputusan Presiden'),
      decreeDate: asArg(z.string(), { graphql: 'LocalDate' }),
      justification: optionalText(),
    }),
  },
  recordTalentInauguration: {
    label: 'Catat pelantikan',
    description: 'Records the inauguration of the appointed successor (Pansel secretary of the agency)',
    roles: SECRETARIAT,
    stages: ['INAUGURATION'],
    args: z.object({
      fillingId: filling(),
      date: asArg(z.string(), { graphql: 'LocalDate' }),
      place: shortText('Tempat pelantikan'),
    }),
  },
  recordTalentElectionPermission: {
    label: 'Catat izin Menteri Dalam Negeri',
    description:
      "Records the Home Affairs Minister's written permission to appoint inside a pilkada window (talent route; Pansel secretary of the agency)",
    roles: SECRETARIAT,
    // Until the appointment decree.
    stages: ['GATE_CHECK', 'PROPOSAL', 'CONFIRMATION', 'OVERSEER_APPROVAL', 'PPK_DECISION', 'PRESIDENTIAL_DECISION'],
    update: 'recordAppointmentPermission',
    args: z.object({
      fillingId: filling(),
      letterNumber: shortText('Nomor surat izin'),
      letterDate: localDate('Tanggal surat'),
      scope: asArg(shortText('Lingkup izin', 1000), {
        description: 'What the letter permits (the post, the appointee)',
      }),
      reason: reasonText('Keterangan'),
    }),
  },
} as const satisfies Record<string, TalentDecisionDeclaration>;

export type TalentDecisionName = keyof typeof TALENT_DECISIONS;
export const TALENT_DECISION_NAMES = Object.keys(TALENT_DECISIONS) as TalentDecisionName[];

/** A talent decision's arguments as validated (what the gateway hands on). */
export type TalentDecisionArgs<N extends TalentDecisionName> = z.output<(typeof TALENT_DECISIONS)[N]['args']>;

/** The workflow Update a talent decision runs. */
export function talentDecisionUpdateName(name: TalentDecisionName): string {
  return (TALENT_DECISIONS[name] as TalentDecisionDeclaration).update ?? name;
}

/** The role may take the talent decision (wherever the step). */
export function talentRoleMayTake(name: TalentDecisionName, role: Role): boolean {
  return (TALENT_DECISIONS[name].roles as readonly Role[]).includes(role);
}

/** The talent decision may be taken in this step (by someone). */
export function talentStageAllows(name: TalentDecisionName, stage: TalentFillingStage): boolean {
  return (TALENT_DECISIONS[name].stages as readonly TalentFillingStage[]).includes(stage);
}
