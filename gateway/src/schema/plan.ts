/** Planning decisions: the Pansel, the plan sent to the overseer, and the overseer's verdicts and requests. */
import {
  overseerDecisionUpdate,
  requestAdditionalDocumentsUpdate,
  setPanselUpdate,
  submitPlanUpdate,
  type PanselMemberPlan,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { decide, DecisionType, declaredArgs, declaredScopes, requireOwnAgency, selectionFor } from './decision';
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

builder.mutationField('setPansel', (t) =>
  t.field({
    type: DecisionType,
    description: 'Sets the selection committee (Pansel) while the selection is being planned (Pansel secretary)',
    authScopes: declaredScopes('setPansel'),
    args: {
      selectionId: t.arg.id(),
      members: t.arg({ type: [PanselMemberInput] }),
      decreeReference: t.arg.string({ required: false, description: "Number of the PPK's decree, when signed" }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('setPansel', args);
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
    authScopes: declaredScopes('submitPlan'),
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        return decide(ctx, s, submitPlanUpdate, {});
      }),
  }),
);

builder.mutationField('overseerDecision', (t) =>
  t.field({
    type: DecisionType,
    description: "The overseer's verdict on the plan or on the result (KASN/BKN)",
    authScopes: declaredScopes('overseerDecision'),
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
        const input = declaredArgs('overseerDecision', args);
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

builder.mutationField('requestAdditionalDocuments', (t) =>
  t.field({
    type: DecisionType,
    description: 'The overseer asks the Pansel for more documents on the plan or the result under its review',
    authScopes: declaredScopes('requestAdditionalDocuments'),
    args: {
      selectionId: t.arg.id(),
      reason: t.arg.string(),
      documents: t.arg.stringList({ description: 'The documents asked for, one per item' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('requestAdditionalDocuments', args);
        const s = await selectionFor(ctx, input.selectionId);
        return decide(ctx, s, requestAdditionalDocumentsUpdate, { reason: input.reason, documents: input.documents });
      }),
  }),
);
