/**
 * Decisions around registration and the administrative screening: vacancies without enough
 * candidates, overriding the engine's MS/TMS, publishing the result, and objections (sanggah).
 */
import { z } from 'zod';
import {
  answerObjectionUpdate,
  CORRECTABLE_STAGES,
  decideVacancyUpdate,
  fileObjectionUpdate,
  overrideScreeningUpdate,
  publishScreeningUpdate,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { gqlError, typed } from '../errors';
import { DecisionType, decide, idText, reasonText, requireOwnAgency, selectionFor } from './decision';
import { requireTalentRoute } from './talent-route';
import { parseInput } from './input';
import { CorrectableStageEnum, VacancyOutcomeEnum } from './process-enums';

const decideVacancySchema = z.object({
  selectionId: idText('Seleksi'),
  vacancyId: idText('Lowongan'),
  outcome: z.enum(['CANCEL', 'SWITCH_ROUTE', 'REANNOUNCE']),
  reason: reasonText('Alasan keputusan'),
});

builder.mutationField('decideVacancy', (t) =>
  t.field({
    type: DecisionType,
    description:
      'Decides a vacancy waiting for the Pansel (too few applicants or qualified candidates): cancel, switch route or re-announce',
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: {
      selectionId: t.arg.id(),
      vacancyId: t.arg.id(),
      outcome: t.arg({ type: VacancyOutcomeEnum }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(decideVacancySchema, args, '');
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

const overrideSchema = z.object({
  selectionId: idText('Seleksi'),
  applicationId: idText('Lamaran'),
  eligible: z.boolean(),
  reason: reasonText('Alasan perubahan hasil administrasi'),
});

builder.mutationField('overrideScreening', (t) =>
  t.field({
    type: DecisionType,
    description: "Overrides the screening engine's MS/TMS for one application, with a recorded reason",
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: {
      selectionId: t.arg.id(),
      applicationId: t.arg.id(),
      eligible: t.arg.boolean(),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(overrideSchema, args, '');
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
    authScopes: { roles: ['PANSEL_SECRETARY'] },
    args: { selectionId: t.arg.id() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        return decide(ctx, s, publishScreeningUpdate, {});
      }),
  }),
);

const fileObjectionSchema = z.object({
  selectionId: idText('Seleksi'),
  applicationId: idText('Lamaran'),
  text: reasonText('Isi sanggahan'),
});

builder.mutationField('fileObjection', (t) =>
  t.field({
    type: DecisionType,
    description: "Files an objection (sanggah) on the signed-in candidate's own application during an objection window",
    authScopes: { roles: ['CANDIDATE'] },
    args: { selectionId: t.arg.id(), applicationId: t.arg.id(), text: t.arg.string() },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = parseInput(fileObjectionSchema, args, '');
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

const answerObjectionSchema = z.object({
  selectionId: idText('Seleksi'),
  objectionId: idText('Sanggahan'),
  upheld: z.boolean(),
  answer: reasonText('Jawaban sanggahan'),
  reopenStage: z.enum(CORRECTABLE_STAGES).nullish(),
});

builder.mutationField('answerObjection', (t) =>
  t.field({
    type: DecisionType,
    description:
      'Answers an objection; an upheld one reopens the screening of that application, or (final result) the stage given',
    authScopes: { roles: ['PANSEL_SECRETARY'] },
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
        const input = parseInput(answerObjectionSchema, args, '');
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
