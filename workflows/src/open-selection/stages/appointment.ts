/**
 * Appointment: the PPK chooses 1 of 3 (or proposes to the President for Madya/Utama), the decree,
 * the inauguration of every appointee, the completion report.
 */
import { patched } from '@temporalio/workflow';
import type { Next, SelectionRun, StatusChange } from '../run';
import { ELECTION_WINDOWS_FROM_DATA } from '../../election/definitions';
import { actedInsideWindow } from '../../election/guard';
import { electionActs } from '../../election/workflow';

export async function appointmentChoice(run: SelectionRun): Promise<Next> {
  // The region's pilkada windows, before the PPK may choose (older runs keep their hand-typed ones).
  if (patched(ELECTION_WINDOWS_FROM_DATA)) {
    await run.once('election-windows', async () => {
      run.state.electionWindows = await electionActs.resolveElectionWindows({ agencyCode: run.input.agency.code });
    });
  }
  await run.once('choice-opened', () => run.enterStage('APPOINTMENT_CHOICE', 'APPOINTMENT_CHOICE_STARTED'));
  await run.wait(
    () =>
      run.p.reRankRequested ||
      run.state.vacancies
        .filter((v) => v.status === 'SHORTLISTED' || v.status === 'APPOINTEE_CHOSEN')
        .every((v) => v.appointedApplicationId !== null),
  );
  return run.p.reRankRequested ? 'FINAL_RANKING' : 'DECREE';
}

export async function decreeAndInauguration(run: SelectionRun): Promise<Next> {
  await run.once('decreed', async () => {
    await run.enterStage('DECREE', 'APPOINTEE_CHOSEN');
    for (const v of run.state.vacancies.filter((x) => x.status === 'APPOINTEE_CHOSEN')) {
      const doc = await run.issue('APPOINTMENT_DECREE', `APPOINTMENT_DECREE:${v.id}`, {
        vacancyIds: [v.id],
        applicationIds: [v.appointedApplicationId!],
        extra: { presidentialDecree: v.decreeNumber ?? '' },
      });
      v.decreeNumber ??= doc.number;
      v.status = 'DECREED';
      await run.setStatuses(
        v.shortlist.flatMap((id): StatusChange[] => {
          const a = run.app(id)!;
          if (a.withdrawn) return [];
          return id === v.appointedApplicationId
            ? [{ a, status: 'APPOINTED' as const, reasonCode: 'DECREE_ISSUED' as const, note: v.decreeNumber }]
            : [{ a, status: 'NOT_APPOINTED' as const, reasonCode: 'NOT_APPOINTED' as const, note: null }];
        }),
      );
    }
    await openElectionReportDuty(run);
    await run.enterStage('INAUGURATION', 'DECREE_ISSUED');
  });
  await run.wait(() => run.state.vacancies.every((v) => v.status !== 'DECREED'));
  await run.issue('COMPLETION_REPORT', 'COMPLETION_REPORT', {
    vacancyIds: run.state.vacancies.map((v) => v.id),
    applicationIds: run.state.vacancies.flatMap((v) => (v.appointedApplicationId ? [v.appointedApplicationId] : [])),
  });
  await run.enterStage('COMPLETED', 'SELECTION_COMPLETED');
  return 'DONE';
}

/** Decreed inside a pilkada window (with the Minister's permission): the agency's duty to report within 7 working days. */
async function openElectionReportDuty(run: SelectionRun): Promise<void> {
  const { electionWindows, electionPermission, electionReportDutyId } = run.state;
  if (electionReportDutyId || !electionPermission) return;
  const actedOn = run.today();
  const window = actedInsideWindow(actedOn, electionWindows ?? null, electionPermission);
  if (!window) return;
  const decreed = run.state.vacancies.filter((v) => v.appointedApplicationId !== null);
  const duty = await electionActs.openElectionReportDuty({
    agencyCode: run.input.agency.code,
    subjectId: run.input.selectionId,
    route: 'OPEN_SELECTION',
    position: decreed.map((v) => run.input.vacancies.find((p) => p.id === v.id)?.position ?? v.id).join('; '),
    actedOn,
    window,
    permission: {
      letterNumber: electionPermission.letterNumber,
      letterDate: electionPermission.letterDate,
      scope: electionPermission.scope ?? '',
    },
  });
  run.state.electionReportDutyId = duty.id;
}
