/**
 * Scored stages: conflict-of-interest declarations, competency assessment, blind interview scores
 * by each Pansel member, track record, and closing a stage.
 */
import {
  completeStageUpdate,
  declareConflictUpdate,
  recordAssessmentUpdate,
  recordTrackRecordUpdate,
  scheduleStageUpdate,
  submitInterviewScoreUpdate,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { typed } from '../errors';
import {
  decide,
  DecisionType,
  declaredArgs,
  declaredScopes,
  memberIdOf,
  requireOwnAgency,
  selectionFor,
} from './decision';
import { CompletableStageEnum, ScheduledStageEnum } from './process-enums';

builder.mutationField('declareConflict', (t) =>
  t.field({
    type: DecisionType,
    description:
      'The signed-in Pansel member declares (or withdraws) a conflict of interest with a candidate; a conflicted member is recused',
    authScopes: declaredScopes('declareConflict'),
    args: {
      selectionId: t.arg.id(),
      candidateId: t.arg.id(),
      hasConflict: t.arg.boolean(),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('declareConflict', args);
        const s = await selectionFor(ctx, input.selectionId);
        const memberId = await memberIdOf(ctx, s);
        return decide(ctx, s, declareConflictUpdate, {
          memberId,
          candidateId: input.candidateId,
          hasConflict: input.hasConflict,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('recordAssessment', (t) =>
  t.field({
    type: DecisionType,
    description: 'Records the competency assessment of one application (assessment centre, paper, presentation)',
    authScopes: declaredScopes('recordAssessment'),
    args: {
      selectionId: t.arg.id(),
      applicationId: t.arg.id(),
      managerial: t.arg.float({ description: 'Managerial competency, 0–100' }),
      socioCultural: t.arg.float({ description: 'Socio-cultural competency, 0–100' }),
      paper: t.arg.float({ description: 'Paper (makalah), 0–100' }),
      presentation: t.arg.float({ description: 'Presentation, 0–100' }),
      assessedAt: t.arg({ type: 'LocalDate', description: 'Assessment-centre date' }),
      reusedResultId: t.arg.string({ required: false, description: 'An earlier, still valid assessment result' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('recordAssessment', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, recordAssessmentUpdate, {
          applicationId: input.applicationId,
          managerial: input.managerial,
          socioCultural: input.socioCultural,
          paper: input.paper,
          presentation: input.presentation,
          assessedAt: input.assessedAt,
          reusedResultId: input.reusedResultId,
        });
      }),
  }),
);

builder.mutationField('submitInterviewScore', (t) =>
  t.field({
    type: DecisionType,
    description:
      "The signed-in Pansel member's interview score for one application (blind: others' scores show after one's own)",
    authScopes: declaredScopes('submitInterviewScore'),
    args: {
      selectionId: t.arg.id(),
      applicationId: t.arg.id(),
      score: t.arg.float({ description: '0–100, at most 2 decimals' }),
      reason: t.arg.string({ required: false, description: 'Required when scoring again (calibration/correction)' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('submitInterviewScore', args);
        const s = await selectionFor(ctx, input.selectionId);
        const memberId = await memberIdOf(ctx, s);
        return decide(ctx, s, submitInterviewScoreUpdate, {
          memberId,
          applicationId: input.applicationId,
          score: input.score,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('recordTrackRecord', (t) =>
  t.field({
    type: DecisionType,
    description: 'Records the track-record check of one application; it may eliminate the candidate (with a reason)',
    authScopes: declaredScopes('recordTrackRecord'),
    args: {
      selectionId: t.arg.id(),
      applicationId: t.arg.id(),
      score: t.arg.float({ description: '0–100, at most 2 decimals' }),
      findings: t.arg.string(),
      eliminate: t.arg.boolean({ required: false, description: 'Default false' }),
      reason: t.arg.string({ required: false, description: 'Required when eliminating' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('recordTrackRecord', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, recordTrackRecordUpdate, {
          applicationId: input.applicationId,
          score: input.score,
          findings: input.findings,
          eliminate: input.eliminate,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('completeStage', (t) =>
  t.field({
    type: DecisionType,
    description: 'Closes a scored stage once every result is in (INCOMPLETE lists what is missing)',
    authScopes: declaredScopes('completeStage'),
    args: { selectionId: t.arg.id(), stage: t.arg({ type: CompletableStageEnum }) },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        return decide(ctx, s, completeStageUpdate, { stage: args.stage });
      }),
  }),
);

builder.mutationField('scheduleStage', (t) =>
  t.field({
    type: DecisionType,
    description:
      'Sets (or changes) the date, time (the agency’s local time) and place of the competency assessment or the interview; every competing candidate is mailed the invitation, or on a change the new schedule',
    authScopes: declaredScopes('scheduleStage'),
    args: {
      selectionId: t.arg.id(),
      stage: t.arg({ type: ScheduledStageEnum }),
      date: t.arg({ type: 'LocalDate' }),
      time: t.arg.string({ description: 'Local time at the agency, "HH:mm"' }),
      place: t.arg.string({ description: 'Lokasi: building, room, address' }),
      notes: t.arg.string({ required: false, description: 'What to bring, dress code, contact person' }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        // Whose round it is before what is wrong with the input: another agency's secretary learns nothing.
        const s = await selectionFor(ctx, String(args.selectionId));
        requireOwnAgency(ctx, s);
        const input = declaredArgs('scheduleStage', args);
        return decide(ctx, s, scheduleStageUpdate, {
          stage: input.stage,
          date: input.date,
          time: input.time,
          place: input.place,
          notes: input.notes,
        });
      }),
  }),
);
