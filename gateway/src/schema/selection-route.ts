/**
 * Selection.route: every stage of the round's route with its state, dates, deadline and who must act,
 * and the working days left on the current stage (the agency's calendar). Read from the read model only.
 */
import { ROUTE_STAGE_STATES, STAGE_ACTORS, selectionRoute, workingDaysLeft, type RouteStage } from '@seleksi/domain';
import { builder } from '../builder';
import { SelectionStageEnum } from './common';
import { agencyCalendarForReads } from './calendar';
import { SelectionType } from './selection';

const RouteStageStateEnum = builder.enumType('RouteStageState', { values: ROUTE_STAGE_STATES });
const StageActorEnum = builder.enumType('StageActor', {
  description: 'Who must act for a stage to move on',
  values: STAGE_ACTORS,
});

type RouteStageView = RouteStage & { workingDaysLeft: number | null };

const RouteStageType = builder.objectRef<RouteStageView>('RouteStage').implement({
  description: 'One stage of a round’s route, as the stepper shows it',
  fields: (t) => ({
    stage: t.field({ type: SelectionStageEnum, resolve: (r) => r.stage }),
    state: t.field({ type: RouteStageStateEnum, resolve: (r) => r.state }),
    actor: t.field({ type: StageActorEnum, nullable: true, resolve: (r) => r.actor }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.startedAt }),
    endedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => r.endedAt }),
    dueAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Deadline of the current stage (or the planned registration close while registration is ahead)',
      resolve: (r) => r.dueAt,
    }),
    expectedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a stage ahead is expected to start, when known',
      resolve: (r) => r.expectedAt,
    }),
    workingDaysLeft: t.int({
      nullable: true,
      description:
        "Current stage: working days left to its deadline in the agency's calendar (0 on the last day, negative when passed); null without a deadline, in training mode, or when the calendar lacks the year",
      resolve: (r) => r.workingDaysLeft,
    }),
  }),
});

builder.objectField(SelectionType, 'route', (t) =>
  t.field({
    type: [RouteStageType],
    description: "Every stage of the round's route, in order: done, current (with who must act) and ahead",
    resolve: async (s, _a, ctx) => {
      const history = s.stageHistory ?? (await ctx.loaders.stageHistory.load(s.id));
      const route = selectionRoute({
        stage: s.stage,
        history,
        timeZone: s.timeZone,
        announcementDate: s.announcementDate,
        registrationClosesAt: s.registrationClosesAt,
      });
      const current = route.find((r) => r.state === 'CURRENT');
      let left: number | null = null;
      // Training mode runs a day in seconds: a count of real working days would mean nothing.
      if (current?.dueAt && s.simulation !== true) {
        const simulated = s.simulation ?? (await ctx.loaders.summary.load(s.id).catch(() => null))?.simulation;
        if (!simulated) {
          left = await agencyCalendarForReads(ctx, s.agencyCode)
            .then((calendar) => workingDaysLeft(current.dueAt!, new Date(), s.timeZone, calendar))
            .catch(() => null); // a year without a calendar: show the date only
        }
      }
      return route.map((r) => ({ ...r, workingDaysLeft: r === current ? left : null }));
    },
  }),
);
