/**
 * Appointment: the PPK chooses 1 of 3 (or proposes to the President for Madya/Utama), the decree,
 * the inauguration of every appointee, the completion report.
 */
import type { Next, SelectionRun, StatusChange } from '../run';

export async function appointmentChoice(run: SelectionRun): Promise<Next> {
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
