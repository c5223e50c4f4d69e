/**
 * After the overseer's recommendation: the PPK's choice of 1 of the 3 names, the President's decree
 * for Madya/Utama, the Home Affairs Minister's permission inside election windows, and inauguration.
 */
import {
  chooseAppointeeUpdate,
  recordElectionPermissionUpdate,
  recordInaugurationUpdate,
  recordPresidentialDecisionUpdate,
} from '@seleksi/workflows';
import { builder } from '../builder';
import { typed } from '../errors';
import { decide, DecisionType, declaredArgs, declaredScopes, requireOwnAgency, selectionFor } from './decision';

builder.mutationField('chooseAppointee', (t) =>
  t.field({
    type: DecisionType,
    description:
      'The PPK chooses 1 of the 3 names (Pratama: the appointee; Madya/Utama: the proposal to the President); a choice other than rank 1 needs a justification',
    authScopes: declaredScopes('chooseAppointee'),
    args: {
      selectionId: t.arg.id(),
      vacancyId: t.arg.id(),
      applicationId: t.arg.id(),
      justification: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('chooseAppointee', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, chooseAppointeeUpdate, {
          vacancyId: input.vacancyId,
          applicationId: input.applicationId,
          justification: input.justification,
        });
      }),
  }),
);

builder.mutationField('recordPresidentialDecision', (t) =>
  t.field({
    type: DecisionType,
    description: "Records the President's decree (Keppres) appointing a JPT Madya/Utama",
    authScopes: declaredScopes('recordPresidentialDecision'),
    args: {
      selectionId: t.arg.id(),
      vacancyId: t.arg.id(),
      applicationId: t.arg.id(),
      decreeNumber: t.arg.string(),
      decreeDate: t.arg({ type: 'LocalDate' }),
      justification: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('recordPresidentialDecision', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, recordPresidentialDecisionUpdate, {
          vacancyId: input.vacancyId,
          applicationId: input.applicationId,
          decreeNumber: input.decreeNumber,
          decreeDate: input.decreeDate,
          justification: input.justification,
        });
      }),
  }),
);

builder.mutationField('recordElectionPermission', (t) =>
  t.field({
    type: DecisionType,
    description: "Records the Home Affairs Minister's written permission to appoint inside a regional-election window",
    authScopes: declaredScopes('recordElectionPermission'),
    args: {
      selectionId: t.arg.id(),
      letterNumber: t.arg.string(),
      letterDate: t.arg({ type: 'LocalDate' }),
      scope: t.arg.string({ description: 'What the letter permits (the posts, the appointees)' }),
      reason: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('recordElectionPermission', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, recordElectionPermissionUpdate, {
          letterNumber: input.letterNumber,
          letterDate: input.letterDate,
          scope: input.scope,
          reason: input.reason,
        });
      }),
  }),
);

builder.mutationField('recordInauguration', (t) =>
  t.field({
    type: DecisionType,
    description: 'Records the inauguration of the appointee of a vacancy (issues the BA of inauguration)',
    authScopes: declaredScopes('recordInauguration'),
    args: {
      selectionId: t.arg.id(),
      vacancyId: t.arg.id(),
      date: t.arg({ type: 'LocalDate' }),
      place: t.arg.string(),
    },
    resolve: (_r, args, ctx) =>
      typed(async () => {
        const input = declaredArgs('recordInauguration', args);
        const s = await selectionFor(ctx, input.selectionId);
        requireOwnAgency(ctx, s);
        return decide(ctx, s, recordInaugurationUpdate, {
          vacancyId: input.vacancyId,
          date: input.date,
          place: input.place,
        });
      }),
  }),
);
