/** Planning decisions: the Pansel, the plan sent to the overseer, and the overseer's verdicts. */
import { z } from 'zod';
import {
  CORRECTABLE_STAGES,
  overseerDecisionUpdate,
  setPanselUpdate,
  submitPlanUpdate,
  type PanselMemberPlan,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import {
  DecisionType,
  decide,
  idText,
  optionalText,
  reasonText,
  requireOwnAgency,
  selectionFor,
  shortText,
} from './decision';
import { parseInput } from './input';
import { CorrectableStageEnum, OverseerSubjectEnum, OverseerVerdictEnum, PanselRoleEnum } from './process-enums';

const PanselMemberInput = builder.inputType('PanselMemberInput', {
  fields: (t) => ({
    id: t.id({ required: false, description: 'Member id within the selection (default M1, M2, …)' }),
    userId: t.id({ description: 'The PANSEL_MEMBER account acting as this member' }),
    name: t.string(),
    institution: t.string(),
    internal: t.boolean({ description: 'From the agency running the selection (otherwise external)' }),
    partyMember: t.boolean(),
    bknOfficial: t.boolean({ required: false, description: 'Default false' }),
    role: t.field({ type: PanselRoleEnum }),
  }),
});

const setPanselSchema = z.object({
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
});

builder.mutationField('setPansel', (t) =>
  t.field({
    type: DecisionType,
    description: 'Sets the selection committee (Pansel) while the selection is being planned (Pansel secretary)',
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: {
      selectionId: t.arg.id(),
      members: t.arg({ type: [PanselMemberInput] }),
      decreeReference: t.arg.string({ required: false, description: "Number of the PPK's decree, when signed" }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(setPanselSchema, args, '');
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        const members: PanselMemberPlan[] = input.members.map((m, i) => ({
          id: m.id ?? `M${i + 1}`,
          userId: m.userId,
          name: m.name,
          institution: m.institution,
          internal: m.internal,
          partyMember: m.partyMember,
          bknOfficial: m.bknOfficial ?? false,
          role: m.role,
        }));
        for (const [i, m] of members.entries()) {
          const account = await ctx.accounts.findById(m.userId);
          if (account?.role !== 'PANSEL_MEMBER') {
            throw gqlError('VALIDATION_FAILED', 'Akun ini bukan akun anggota panitia seleksi', `members.${i}.userId`);
          }
        }
        const decision = await decide(ctx, s, setPanselUpdate, { members, decreeReference: input.decreeReference });
        // Recorded after the workflow took the Pansel (a retry of the decision records it again):
        // members list the rounds they sit on from these seats.
        await ctx.accounts.recordSeats(
          s.id,
          s.agencyCode,
          members.map((m) => m.userId),
        );
        return decision;
      }),
  }),
);

builder.mutationField('submitPlan', (t) =>
  t.field({
    type: DecisionType,
    description: 'Sends the selection plan to the overseer for approval (Pansel secretary)',
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        return decide(ctx, s, submitPlanUpdate, {});
      }),
  }),
);

const overseerSchema = z
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
  });

builder.mutationField('overseerDecision', (t) =>
  t.field({
    type: DecisionType,
    description: "The overseer's verdict on the plan or on the result (KASN/BKN)",
    authScopes: { roles: ['OVERSEER'] },
    args: {
      selectionId: t.arg.id(),
      subject: t.arg({ type: OverseerSubjectEnum }),
      verdict: t.arg({ type: OverseerVerdictEnum }),
      stageAtFault: t.arg({
        type: CorrectableStageEnum,
        required: false,
        description: 'With REQUEST_CORRECTION on the result: the stage to send the process back to',
      }),
      reason: t.arg.string(),
      reference: t.arg.string({ required: false, description: 'Letter number of the recommendation/pertek' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(overseerSchema, args, '');
        const s = await selectionFor(ctx, input.selectionId);
        return decide(ctx, s, overseerDecisionUpdate, {
          subject: input.subject,
          verdict: input.verdict,
          stageAtFault: input.stageAtFault ?? null,
          reason: input.reason,
          reference: input.reference,
        });
      }),
  }),
);
