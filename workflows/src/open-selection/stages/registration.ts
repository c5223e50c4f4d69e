/**
 * Announcement and registration: the period on the working-day calendar, extensions for vacancies
 * with too few applicants, then the close. Applications the gateway received before a close are
 * still taken for a grace period after it (they may be waiting in its queue during a rush); only
 * then are applicants counted and the Pansel asked about vacancies that cannot go on.
 */
import { allHandlersFinished } from '@temporalio/workflow';
import { addCalendarDays, startOfLocalDay } from '@seleksi/domain';
import { awaitVacancyDecisions, cancelSelection } from './common';
import type { Next, SelectionRun } from '../run';

export async function announcementAndRegistration(run: SelectionRun): Promise<Next> {
  const { rules } = run;
  const countApplicants = (vacancyId: string): number =>
    run.state.applications.filter((a) => a.vacancyId === vacancyId && !a.withdrawn).length;

  if (run.state.stage !== 'REGISTRATION_CLOSED') {
    await run.once('registration-opened', async () => {
      // Registration opens on the announcement date, or on approval day if the overseer decided later.
      const opensAt = startOfLocalDay(run.input.announcementDate, run.tz).getTime();
      if (opensAt > run.now())
        await run.wait(
          () => false,
          () => opensAt,
        );
      run.setDeadline({
        label: 'REGISTRATION',
        mode: 'PERIOD',
        from: run.today(),
        days: rules.registrationDays,
        kind: rules.registrationDayKind,
      });
      const doc = await run.issueAnnouncement();
      run.state.documents.push({ kind: 'VACANCY_ANNOUNCEMENT', id: doc.id, number: doc.number });
      await run.enterStage('REGISTRATION_OPEN', 'REGISTRATION_OPENED');
    });
    for (;;) {
      await run.wait(() => false, run.deadlineAt);
      const closesAt = run.deadlineAt()!;
      const open = run.state.vacancies.filter((v) => v.status === 'OPEN' || v.status === 'EXTENDED');
      const under = open.filter((v) => countApplicants(v.id) < rules.minApplicantsPerVacancy);
      const extendable = under.filter((v) => v.extensions < rules.extension.maxTimes);
      for (const v of open) {
        if (extendable.includes(v)) continue;
        v.status = 'IN_SELECTION';
        run.p.closedAt[v.id] = closesAt;
      }
      if (extendable.length === 0) break;
      for (const v of extendable) {
        v.extensions += 1;
        v.status = 'EXTENDED';
      }
      run.setDeadline({
        label: 'REGISTRATION',
        mode: 'PERIOD',
        from: addCalendarDays(run.state.deadline!.lastDay, 1),
        days: rules.extension.days,
        kind: rules.extension.dayKind,
      });
      const round = Math.max(...extendable.map((v) => v.extensions));
      // `provisional` is activity input only (no command): histories recorded before it replay unchanged.
      const extra = {
        round,
        closesOn: run.state.deadline!.lastDay,
        ...(run.state.deadline!.provisional ? { provisional: true } : {}),
      };
      await run.issue('EXTENSION_NOTICE', `EXTENSION_NOTICE:${round}`, {
        vacancyIds: extendable.map((v) => v.id),
        extra,
      });
      await run.issue('LETTER_TO_OVERSEER', `LETTER_TO_OVERSEER:EXTENSION:${round}`, {
        vacancyIds: extendable.map((v) => v.id),
        extra: { subject: 'EXTENSION', ...extra },
      });
      await run.enterStage('REGISTRATION_EXTENDED', 'REGISTRATION_EXTENDED');
    }
    run.state.stage = 'REGISTRATION_CLOSED';
    run.clearDeadline();
    await run.enterStage('REGISTRATION_CLOSED', 'REGISTRATION_CLOSED', 'AWAITING_SCREENING');
  }

  // In-time receipts still queued at the gateway are taken until the grace period ends.
  const lastClose = Math.max(...Object.values(run.p.closedAt));
  await run.wait(
    () => false,
    () => lastClose + run.clockSpan(run.lateReceiptSeconds()),
  );
  await run.wait(allHandlersFinished);

  await run.once('registration-counted', async () => {
    for (const v of run.state.vacancies) {
      if (v.status === 'IN_SELECTION' && countApplicants(v.id) < rules.minApplicantsPerVacancy) {
        v.status = 'AWAITING_DECISION';
        v.pendingDecision = 'TOO_FEW_APPLICANTS';
      }
    }
  });
  if (!(await awaitVacancyDecisions(run, 'registration'))) {
    return cancelSelection(run, 'Tidak ada lowongan yang dapat dilanjutkan');
  }
  return 'ADMINISTRATIVE_SCREENING';
}
