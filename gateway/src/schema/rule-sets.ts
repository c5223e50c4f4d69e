/**
 * Selection rules through the API: the values a round runs with (`Selection.rules`, pinned when it
 * started), and the stored defaults new rounds start from, versioned with who changed them, when and why.
 */
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { JPT_LEVELS, rankLabel, SCORE_COMPONENTS, type RuleSetVersionDto, type SelectionRules } from '@seleksi/domain';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { DayKindEnum } from './common';
import { ActorType, actorOf, reasonText } from './decision';
import { fieldPerKey } from './field-lists';
import { parseInput } from './input';
import { OverseerEraEnum, SelectionScopeEnum } from './process-enums';
import { currentDefaults, latestVersion, NATIONAL_SCOPE } from './rule-set-store';
import { rulesFor, SelectionRulesInput, SelectionType, selectionRulesSchema, WEIGHTS_DESCRIPTION } from './selection';

const WeightsType = builder.simpleObject('ScoringWeights', {
  description: WEIGHTS_DESCRIPTION,
  fields: (t) => fieldPerKey(SCORE_COMPONENTS, () => t.int()),
});

const MinRankType = builder.simpleObject('MinRanks', {
  description: "Lowest rank per JPT level, e.g. 'IV/a'",
  fields: (t) => ({ utama: t.string(), madya: t.string(), pratama: t.string() }),
});

const DefaultsRefType = builder.simpleObject('RuleSetRef', {
  description: 'The stored defaults version a round started from',
  fields: (t) => ({ scope: t.string(), revision: t.int() }),
});

export const SelectionRulesType = builder.objectRef<SelectionRules>('SelectionRules').implement({
  description: 'The rule values of a selection round (or of stored defaults): every number the process counts with',
  fields: (t) => ({
    version: t.exposeString('version', { description: 'Version of the rule-set shape' }),
    defaults: t.field({
      type: DefaultsRefType,
      nullable: true,
      description: 'The stored defaults it started from (null: the shipped defaults)',
      resolve: (r) => r.defaults ?? null,
    }),
    registrationDays: t.exposeInt('registrationDays'),
    registrationDayKind: t.field({ type: DayKindEnum, resolve: (r) => r.registrationDayKind }),
    minApplicantsPerVacancy: t.exposeInt('minApplicantsPerVacancy'),
    vacanciesPerCandidate: t.exposeInt('vacanciesPerCandidate'),
    extensionDays: t.int({ resolve: (r) => r.extension.days }),
    extensionMaxTimes: t.int({ resolve: (r) => r.extension.maxTimes }),
    extensionDayKind: t.field({ type: DayKindEnum, resolve: (r) => r.extension.dayKind }),
    scope: t.field({ type: SelectionScopeEnum, resolve: (r) => r.scope }),
    shortlistSize: t.exposeInt('shortlistSize'),
    weights: t.field({ type: WeightsType, resolve: (r) => r.scoring.weights }),
    passMark: t.float({ resolve: (r) => r.scoring.passMark }),
    assessmentValidityMonths: t.int({ resolve: (r) => r.scoring.assessmentValidityMonths }),
    calibrationThreshold: t.float({ resolve: (r) => r.interview.calibrationThreshold }),
    maxCalibrationRounds: t.int({ resolve: (r) => r.interview.maxCalibrationRounds }),
    panselMinMembers: t.int({ resolve: (r) => r.pansel.minMembers }),
    panselMaxMembers: t.int({ resolve: (r) => r.pansel.maxMembers }),
    panselMinExternalShare: t.float({ resolve: (r) => r.pansel.minExternalShare }),
    objectionWorkingDays: t.int({ resolve: (r) => r.objections.workingDays }),
    overseerEra: t.field({ type: OverseerEraEnum, resolve: (r) => r.overseer.era }),
    overseerDecisionWorkingDays: t.int({ resolve: (r) => r.overseer.decisionWorkingDays }),
    overseerSilenceMeansApproval: t.boolean({ resolve: (r) => r.overseer.silenceMeansApproval }),
    eligibilityVersion: t.string({ resolve: (r) => r.eligibility.version }),
    minRank: t.field({
      type: MinRankType,
      resolve: (r) => ({
        utama: rankLabel(r.eligibility.minRank.UTAMA),
        madya: rankLabel(r.eligibility.minRank.MADYA),
        pratama: rankLabel(r.eligibility.minRank.PRATAMA),
      }),
    }),
    minSkpPredicate: t.string({ resolve: (r) => r.eligibility.minSkpPredicate }),
    skpYears: t.int({ resolve: (r) => r.eligibility.skpYears }),
    requireLhkpn: t.boolean({ resolve: (r) => r.eligibility.requireLhkpn }),
    maxAgeAtInauguration: t.intList({
      description: 'Per level, in the order UTAMA, MADYA, PRATAMA',
      resolve: (r) => JPT_LEVELS.map((l) => r.eligibility.levels[l].maxAgeAtInauguration),
    }),
  }),
});

builder.objectField(SelectionType, 'rules', (t) =>
  t.field({
    type: SelectionRulesType,
    nullable: true,
    description:
      'The rules the round runs with, pinned when it started (null for a round not projected since rules were shown)',
    resolve: (s) => s.rules ?? null,
  }),
);

const RuleSetVersionType = builder.objectRef<RuleSetVersionDto>('RuleSetVersion').implement({
  description: 'One version of the stored default rules: who changed them, when and why',
  fields: (t) => ({
    scope: t.exposeString('scope', { description: "'NATIONAL' or an agency code" }),
    revision: t.exposeInt('revision'),
    rules: t.field({ type: SelectionRulesType, resolve: (v) => v.rules }),
    changedBy: t.field({ type: ActorType, resolve: (v) => v.changedBy }),
    changedAt: t.field({ type: 'DateTime', resolve: (v) => v.changedAt }),
    reason: t.exposeString('reason'),
  }),
});

const RULE_READERS = ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY', 'PPK', 'OVERSEER'] as const;

/** Reading defaults: administrators, the agency's own staff, the overseer. The scope asked for, once allowed. */
function readableScope(ctx: GraphQLContext, agencyCode: string | null): string {
  const scope = scopeOf(agencyCode);
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN' || u.role === 'OVERSEER' || scope === NATIONAL_SCOPE) return scope;
  if (u.agencyCode === scope) return scope;
  throw gqlError('FORBIDDEN', 'Aturan bawaan ini milik instansi lain', 'agencyCode');
}

/** Changing defaults: the national ones by the national administrator, an agency's by its administrator too. */
function requireWriter(ctx: GraphQLContext, scope: string): void {
  const u = ctx.user;
  if (!u) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
  if (u.role === 'ADMIN') return;
  if (scope !== NATIONAL_SCOPE && u.role === 'AGENCY_ADMIN' && u.agencyCode === scope) return;
  throw gqlError(
    'FORBIDDEN',
    scope === NATIONAL_SCOPE
      ? 'Aturan bawaan nasional hanya dapat diubah administrator nasional'
      : 'Anda hanya dapat mengubah aturan bawaan instansi Anda sendiri',
    'agencyCode',
  );
}

const scopeOf = (agencyCode: string | null | undefined) => (agencyCode ? String(agencyCode) : NATIONAL_SCOPE);

builder.queryField('selectionRuleSetVersions', (t) =>
  t.field({
    type: [RuleSetVersionType],
    description: "Versions of the stored default rules, newest first: an agency's (agencyCode) or the national ones",
    authScopes: { roles: [...RULE_READERS] },
    args: { agencyCode: t.arg.id({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        return ctx.services.candidate.listRuleSetVersions(readableScope(ctx, args.agencyCode as string | null));
      }),
  }),
);

builder.queryField('selectionDefaults', (t) =>
  t.field({
    type: SelectionRulesType,
    description:
      'The rules a new round of the agency starts from (its own defaults, else the national, else the shipped)',
    authScopes: { roles: [...RULE_READERS] },
    args: { agencyCode: t.arg.id({ required: false }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const scope = readableScope(ctx, args.agencyCode as string | null);
        return currentDefaults(ctx, scope === NATIONAL_SCOPE ? null : scope);
      }),
  }),
);

/**
 * The version this very save stored already, when it did: the revision after the one it was made on, by the same
 * user with the same reason, and its changes applied on top of it change nothing. A resent save (a retry after a
 * timeout, the same Idempotency-Key or none) is answered with it instead of CONFLICT.
 */
function sameSaveStored(
  ctx: GraphQLContext,
  latest: RuleSetVersionDto | null,
  input: { rules: z.infer<typeof selectionRulesSchema>; reason: string; expectedRevision: number },
): RuleSetVersionDto | null {
  if (!latest || latest.revision !== input.expectedRevision + 1) return null;
  if (latest.changedBy.userId !== actorOf(ctx).userId || latest.reason !== input.reason) return null;
  const { defaults: _a, ...stored } = latest.rules;
  const { defaults: _b, ...again } = rulesFor({ rules: input.rules }, latest.rules, '');
  return isDeepStrictEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(stored))) ? latest : null;
}

const changeSchema = z.object({
  rules: selectionRulesSchema,
  reason: reasonText('Alasan perubahan'),
  expectedRevision: z.number().int().min(0, 'Revisi tidak valid'),
});

builder.mutationField('changeSelectionDefaults', (t) =>
  t.field({
    type: RuleSetVersionType,
    description:
      "Stores a new version of the default rules (national, or an agency's): the current defaults with these changes. Running rounds keep the rules they pinned",
    authScopes: { roles: ['ADMIN', 'AGENCY_ADMIN'] },
    args: {
      agencyCode: t.arg.id({ required: false, description: 'Omit for the national defaults' }),
      rules: t.arg({ type: SelectionRulesInput }),
      reason: t.arg.string(),
      expectedRevision: t.arg.int({
        description:
          'The revision the change was made on (0 when none is stored); CONFLICT when another was saved since',
      }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const scope = scopeOf(args.agencyCode as string | null);
        requireWriter(ctx, scope);
        const input = parseInput(changeSchema, args, '');
        const latest = await latestVersion(ctx, scope);
        const resent = sameSaveStored(ctx, latest, input);
        if (resent) return resent;
        if ((latest?.revision ?? 0) !== input.expectedRevision) {
          throw gqlError(
            'CONFLICT',
            `Aturan bawaan telah diubah orang lain (revisi ${latest?.revision ?? 0}); muat ulang lalu simpan kembali`,
            'expectedRevision',
          );
        }
        const base = await currentDefaults(ctx, scope === NATIONAL_SCOPE ? null : scope);
        const { defaults: _from, ...rules } = rulesFor({ rules: input.rules }, base, '');
        let saved: RuleSetVersionDto;
        try {
          saved = await ctx.services.candidate.appendRuleSetVersion({
            scope,
            revision: input.expectedRevision + 1,
            rules,
            changedBy: actorOf(ctx),
            changedAt: new Date().toISOString(),
            reason: input.reason,
          });
        } catch (err) {
          // Two sends of one save racing: the one that lost answers with the version the other stored.
          const stored = (err as { code?: string }).code === 'CONFLICT' ? await latestVersion(ctx, scope) : null;
          const same = sameSaveStored(ctx, stored, input);
          if (same) return same;
          throw err;
        }
        ctx.logger.info({ scope, revision: saved.revision, userId: ctx.user?.id }, 'selection defaults changed');
        return saved;
      }),
  }),
);
