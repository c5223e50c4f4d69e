/**
 * Live updates over Server-Sent Events (graphql-yoga's built-in SSE, graphql-sse "distinct
 * connections" mode: POST /graphql with `Accept: text/event-stream`). Who may listen is checked
 * once, when subscribing; events come from the change pump (subscriptions/change-pump.ts).
 */
import { REASON_TEXT_ID } from '@seleksi/domain';
import type { SelectionSummaryDto } from '@seleksi/kit';
import { builder } from '../builder';
import type { GraphQLContext } from '../context';
import { gqlError, typed } from '../errors';
import { canReadApplication } from '../application-files/access';
import { changePumpFor, type ApplicationStatusEvent, type SelectionStageEvent } from '../subscriptions/change-pump';
import { ApplicationStatusEnum, SelectionStageEnum } from './common';

builder.subscriptionType({});

const ApplicationStatusEventType = builder.objectRef<ApplicationStatusEvent>('ApplicationStatusEvent').implement({
  description: "A new entry on an application's timeline",
  fields: (t) => ({
    applicationId: t.exposeID('applicationId'),
    status: t.field({ type: ApplicationStatusEnum, resolve: (e) => e.status }),
    reasonCode: t.exposeString('reasonCode'),
    reasonText: t.string({
      description: 'Bahasa Indonesia',
      resolve: (e) => REASON_TEXT_ID[e.reasonCode] ?? e.reasonCode,
    }),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    expectedNextAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the next step is expected',
      resolve: (e) => e.expectedNextAt,
    }),
  }),
});

const SelectionStageEventType = builder.objectRef<SelectionStageEvent>('SelectionStageEvent').implement({
  description: 'A selection entered a stage',
  fields: (t) => ({
    selectionId: t.exposeID('selectionId'),
    stage: t.field({ type: SelectionStageEnum, resolve: (e) => e.stage }),
    reasonCode: t.exposeString('reasonCode'),
    at: t.field({ type: 'DateTime', resolve: (e) => e.at }),
    deadline: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the stage is expected to end (from the working-day engine)',
      resolve: (e) => e.deadline,
    }),
  }),
});

/** As `selection(id:)`: selections still being planned only for the agency's staff. */
function canSeeSelection(ctx: GraphQLContext, s: SelectionSummaryDto): boolean {
  if (s.stage !== 'PLANNED') return true;
  const u = ctx.user;
  return u !== null && u.role !== 'CANDIDATE' && (u.role === 'ADMIN' || u.agencyCode === s.agencyCode);
}

builder.subscriptionField('applicationStatusChanged', (t) =>
  t.field({
    type: ApplicationStatusEventType,
    description: 'Each new status of an application (its owner, or staff who may read it)',
    args: { applicationId: t.arg.id() },
    subscribe: async (_r, args, ctx) => {
      if (!ctx.user) throw gqlError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu');
      const id = String(args.applicationId);
      const a = await typed(() => ctx.loaders.application.load(id));
      if (!a) throw gqlError('NOT_FOUND', 'Lamaran tidak ditemukan', 'applicationId');
      if (!(await canReadApplication(ctx, a))) {
        throw gqlError('FORBIDDEN', 'Anda tidak berwenang mengikuti lamaran ini', 'applicationId');
      }
      return changePumpFor(ctx).subscribe('applicationStatus', a.id);
    },
    resolve: (e) => e,
  }),
);

builder.subscriptionField('selectionStageChanged', (t) =>
  t.field({
    type: SelectionStageEventType,
    description: 'Each stage a selection enters (public selections to anyone)',
    args: { selectionId: t.arg.id() },
    subscribe: async (_r, args, ctx) => {
      const s = await typed(() => ctx.loaders.selection.load(String(args.selectionId)));
      if (!s || !canSeeSelection(ctx, s)) throw gqlError('NOT_FOUND', 'Seleksi tidak ditemukan', 'selectionId');
      return changePumpFor(ctx).subscribe('selectionStage', s.id);
    },
    resolve: (e) => e,
  }),
);
