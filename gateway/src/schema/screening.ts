/**
 * Decisions around registration and the administrative screening: vacancies without enough
 * candidates, overriding the engine's MS/TMS, publishing the result, and objections (sanggah).
 * The usual ones are registered from their declarations (selection-decisions.ts); these need more.
 */
import { decideVacancyUpdate, fileObjectionUpdate } from '@seleksi/workflows';
import { gqlError } from '../errors';
import { decide, requireOwnAgency, selectionFor, type DecisionResolver } from './decision';
import { requireTalentRoute } from './talent-route';

export const decideVacancy: DecisionResolver<'decideVacancy'> = async (input, ctx) => {
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
};

export const fileObjection: DecisionResolver<'fileObjection'> = async (input, ctx) => {
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
};
