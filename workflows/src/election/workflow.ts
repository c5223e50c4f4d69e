/**
 * The pilkada guard inside a route's workflow (the talent route; the open selection keeps its own
 * update and state): the windows resolved from the region's data when the appointment step opens, the
 * Minister's permission recorded by an update, the appointment refused inside a window until then, and
 * the duty to report opened after acting inside one. Workflow code only.
 */
import { ApplicationFailure, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { Actor, LocalDate } from '@seleksi/domain';
import type { RecordedDecision } from '../open-selection/definitions';
import type { ElectionActivities, OpenReportDutyArgs } from './activities';
import { ELECTION_WINDOWS_FROM_DATA, recordAppointmentPermissionUpdate, type ElectionGuardState } from './definitions';
import { actedInsideWindow, electionPermissionProblem, permissionArgsProblem, type GuardProblem } from './guard';

/** The guard's activities (the open selection calls them from its appointment stage too). */
export const electionActs = proxyActivities<ElectionActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

function fail(p: GuardProblem): never {
  throw ApplicationFailure.create({
    type: p.code,
    message: p.message,
    nonRetryable: true,
    details: [{ field: p.field }],
  });
}

export interface ElectionGuardOptions {
  agencyCode: string;
  subjectId: string;
  route: OpenReportDutyArgs['route'];
  today: () => LocalDate;
  /** Who may record the permission. */
  recorderRole: Actor['role'];
  /** Whether a permission may still be recorded (before the act). */
  open: () => boolean;
  /** Records the decision ELECTION_PERMISSION_RECORDED (who, when, why) in the route's audit record. */
  record: (actor: Actor, reason: string | null, payload: Record<string, unknown>) => Promise<RecordedDecision>;
}

/** Registers the permission update (call before the workflow's first await) and answers the guard's steps. */
export function electionGuard(opts: ElectionGuardOptions) {
  const state: ElectionGuardState = { windows: null, permission: null, reportDutyId: null };
  setHandler(
    recordAppointmentPermissionUpdate,
    async (args) => {
      const decision = await opts.record(args.actor, args.reason, {
        letterNumber: args.letterNumber,
        letterDate: args.letterDate,
        scope: args.scope,
      });
      state.permission = {
        letterNumber: args.letterNumber.trim(),
        letterDate: args.letterDate,
        scope: args.scope.trim(),
        recordedBy: args.actor.userId,
        recordedAt: decision.at,
      };
      return decision;
    },
    {
      validator: (args) => {
        if (args.actor.role !== opts.recorderRole)
          fail({
            code: 'FORBIDDEN',
            message: 'Hanya sekretariat yang dapat mencatat izin Menteri Dalam Negeri',
            field: 'actor',
          });
        if (!opts.open()) fail({ code: 'WRONG_STAGE', message: 'Pengangkatan sudah dilakukan', field: 'stage' });
        if (state.permission)
          fail({ code: 'ALREADY_DECIDED', message: 'Izin Menteri Dalam Negeri sudah dicatat', field: 'letterNumber' });
        const p = permissionArgsProblem(args);
        if (p) fail(p);
      },
    },
  );
  return {
    state,
    /** When the appointment step opens: the region's windows (runs started before this code keep none). */
    async resolve(): Promise<void> {
      if (!patched(ELECTION_WINDOWS_FROM_DATA)) return;
      state.windows = await electionActs.resolveElectionWindows({ agencyCode: opts.agencyCode });
    },
    /** In the appointing decision's validator: refused inside a window until the permission is recorded. */
    check(field = 'employeeId'): void {
      const p = electionPermissionProblem(opts.today(), state.windows ?? [], state.permission, field);
      if (p) fail(p);
    },
    /** After acting: inside a window, the agency's duty to report to the Minister within 7 working days. */
    async acted(position: string): Promise<void> {
      const actedOn = opts.today();
      const window = actedInsideWindow(actedOn, state.windows, state.permission);
      if (!window || !state.permission) return;
      const duty = await electionActs.openElectionReportDuty({
        agencyCode: opts.agencyCode,
        subjectId: opts.subjectId,
        route: opts.route,
        position,
        actedOn,
        window,
        permission: {
          letterNumber: state.permission.letterNumber,
          letterDate: state.permission.letterDate,
          scope: state.permission.scope ?? '',
        },
      });
      state.reportDutyId = duty.id;
    },
  };
}
