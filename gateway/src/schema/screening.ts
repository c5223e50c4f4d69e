/**
 * Decisions around registration and the administrative screening: vacancies without enough
 * candidates, overriding the engine's MS/TMS, publishing the result, and objections (sanggah).
 */
import {
  answerObjectionUpdate,
  decideVacancyUpdate,
  fileObjectionUpdate,
  overrideScreeningUpdate,
  publishScreeningUpdate,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { decide, DecisionType, declaredArgs, declaredScopes, requireOwnAgency, selectionFor } from './decision';
import { requireTalentRoute } from './talent-route';
import { CorrectableStageEnum, VacancyOutcomeEnum } from './process-enums';

builder.mutationField('decideVacancy', (t) =>
  t.field({
    type: DecisionType,
    description:
      'Decides a vacancy waiting for the Pansel (too few applicants or qualified candidates): cancel, switch route or re-announce',
    authScopes: declaredScopes('decideVacancy'),
    args: {
      selectionId: t.arg.id(),
      vacancyId: t.arg.id(),
      outcome: t.arg({ type: VacancyOutcomeEnum }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('decideVacancy', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        // Checked before the Update: the workflow's validator cannot read the gate (services), the filling re-checks it.
        // Only while the vacancy waits: a resent decision gets its recorded answer (or WRONG_STAGE) from the workflow.
        if (input.outcome === 'SWITCH_ROUTE') {
          const summary = await ctx.loaders.summary.load(s.id).catch(() => null);
          const vacancy = summary?.vacancies.find((v) => v.id === input.vacancyId);
          if (!summary || vacancy?.pendingDecision) await requireTalentRoute(ctx, s.agencyCode, s.timeZone);
        }
        return decide(ctx, s, decideVacancyUpdate, {
          vacancyId: input.vacancyId,
          outcome: input.outcome,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('overrideScreening', (t) =>
  t.field({
    type: DecisionType,
    description: "Overrides the screening engine's MS/TMS for one application, with a recorded reason",
    authScopes: declaredScopes('overrideScreening'),
    args: {
      selectionId: t.arg.id(),
      applicationId: t.arg.id(),
      eligible: t.arg.boolean(),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('overrideScreening', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, overrideScreeningUpdate, {
          applicationId: input.applicationId,
          eligible: input.eligible,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('publishScreening', (t) =>
  t.field({
    type: DecisionType,
    description: 'Publishes the administrative screening result (BA and MS/TMS list); opens the objection window',
    authScopes: declaredScopes('publishScreening'),
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        return decide(ctx, s, publishScreeningUpdate, {});
      }),
  }),
);

builder.mutationField('fileObjection', (t) =>
  t.field({
    type: DecisionType,
    description: "Files an objection (sanggah) on the signed-in candidate's own application during an objection window",
    authScopes: declaredScopes('fileObjection'),
    args: { selectionId: t.arg.id(), applicationId: t.arg.id(), text: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('fileObjection', args);
        const candidateId = ctx.user?.candidateId;
        if (!candidateId) throw gqlError('FORBIDDEN', 'Akun ini belum terhubung dengan data ASN');
        // Only on one's own application: refused here, before the workflow sees it.
        const a = await ctx.loaders.application.load(input.applicationId);
        if (a && a.candidateId !== candidateId) {
          throw gqlError('FORBIDDEN', 'Lamaran ini bukan milik Anda', 'applicationId');
        }
        const s = await selectionFor(ctx, input.selectionId);
        return decide(ctx, s, fileObjectionUpdate, {
          applicationId: input.applicationId,
          candidateId,
          text: input.text,
        });
      }),
  }),
);

builder.mutationField('answerObjection', (t) =>
  t.field({
    type: DecisionType,
    description:
      'Answers an objection; an upheld one reopens the screening of that application, or (final result) the stage given',
    authScopes: declaredScopes('answerObjection'),
    args: {
      selectionId: t.arg.id(),
      objectionId: t.arg.id(),
      upheld: t.arg.boolean(),
      answer: t.arg.string(),
      reopenStage: t.arg({
        type: CorrectableStageEnum,
        required: false,
        description: 'Upheld objection on the final result: the stage to reopen (default TRACK_RECORD)',
      }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('answerObjection', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, answerObjectionUpdate, {
          objectionId: input.objectionId,
          upheld: input.upheld,
          answer: input.answer,
          reopenStage: input.reopenStage ?? null,
        });
      }),
  }),
);
