/**
 * Administrative screening: the eligibility engine in batches, the Pansel's review and overrides,
 * publication (candidates learn MS/TMS then, with reasons), objections, and the vacancies left with
 * too few qualified candidates.
 */
import { awaitVacancyDecisions, cancelSelection, objectionWindow } from './common';
import { inSelection, vacancyOf } from '../guards';
import { batchActs, type Next, type SelectionRun } from '../run';

/** Applications per screening activity: each batch heartbeats and a retry resumes at the batch. */
const SCREENING_BATCH = 200;

export async function administrativeScreening(run: SelectionRun): Promise<Next> {
  await run.once('screening-started', async () => {
    run.p.screeningPublished = false;
    await run.enterStage('ADMINISTRATIVE_SCREENING', 'SCREENING_STARTED');
    await screenPending(run);
  });
  await run.wait(() => run.p.screeningPublished);
  await run.once('screening-announced', async () => {
    // Now the candidates learn their result, each with its reasons (or the override's).
    const overrides = new Map(run.p.unannounced);
    await run.setStatuses(
      [...overrides.keys()].flatMap((id) => {
        const a = run.app(id)!;
        if (a.withdrawn || a.eligible === null) return [];
        const overrideReason = overrides.get(id) ?? null;
        return [
          {
            a,
            status: a.eligible ? ('ELIGIBLE' as const) : ('NOT_ELIGIBLE' as const),
            reasonCode:
              overrideReason !== null
                ? ('SCREENING_OVERRIDDEN' as const)
                : a.eligible
                  ? ('SCREENING_ELIGIBLE' as const)
                  : ('SCREENING_NOT_ELIGIBLE' as const),
            note: overrideReason ?? (a.eligible ? null : a.failedRequirements.join('; ')),
          },
        ];
      }),
    );
    run.p.unannounced = [];
    run.p.screeningRevision += 1;
    await issueScreeningResult(run);
  });

  await objectionWindow(run, 'ADMINISTRATIVE_OBJECTIONS');
  await run.wait(
    () =>
      run.state.objections.every((o) => o.upheld !== null) && !run.state.applications.some((a) => a.screeningReopened),
  );
  await run.once('screening-final', async () => {
    if (run.p.screeningRevision > run.p.lastIssuedScreeningRevision) await issueScreeningResult(run);
    for (const v of run.state.vacancies.filter(inSelection)) {
      const eligible = run.state.applications.filter(
        (a) => a.vacancyId === v.id && !a.withdrawn && a.eligible === true,
      );
      if (eligible.length < run.rules.shortlistSize) {
        v.status = 'AWAITING_DECISION';
        v.pendingDecision = 'TOO_FEW_QUALIFIED';
      }
    }
  });
  if (!(await awaitVacancyDecisions(run, 'screening'))) {
    return cancelSelection(run, 'Tidak ada lowongan dengan peserta yang cukup');
  }
  return 'COMPETENCY_ASSESSMENT';
}

/** Runs the eligibility engine on every unscreened application, in batches; results wait for publication. */
async function screenPending(run: SelectionRun): Promise<void> {
  const toScreen = run.state.applications.filter(
    (a) => !a.withdrawn && a.eligible === null && inSelection(vacancyOf(run, a.vacancyId)),
  );
  const plan = new Map(run.input.vacancies.map((v) => [v.id, v]));
  const listed = new Set(run.p.unannounced.map(([id]) => id));
  for (let i = 0; i < toScreen.length; i += SCREENING_BATCH) {
    const batch = toScreen.slice(i, i + SCREENING_BATCH);
    const results = await batchActs.screenApplications({
      selectionId: run.input.selectionId,
      agency: run.input.agency,
      scope: run.rules.scope,
      eligibility: run.rules.eligibility,
      plannedInaugurationDate: run.input.plannedInaugurationDate,
      asOf: run.today(),
      at: run.nowIso(),
      applications: batch.map((a) => ({
        applicationId: a.applicationId,
        candidateId: a.candidateId,
        homePpkPermission: a.homePpkPermission,
        vacancy: { level: plan.get(a.vacancyId)!.level, field: plan.get(a.vacancyId)!.field ?? null },
      })),
    });
    for (const r of results) {
      const a = run.app(r.applicationId)!;
      if (a.withdrawn) continue;
      a.eligible = r.eligible;
      a.failedRequirements = r.failedRequirements;
      if (!listed.has(a.applicationId)) run.p.unannounced.push([a.applicationId, null]);
      listed.add(a.applicationId);
    }
  }
}

async function issueScreeningResult(run: SelectionRun): Promise<void> {
  const revision = run.p.screeningRevision;
  run.p.lastIssuedScreeningRevision = revision;
  const vacancyIds = run.state.vacancies.filter(inSelection).map((v) => v.id);
  await run.issue('ADMINISTRATIVE_RESULT_MINUTES', `ADMINISTRATIVE_RESULT_MINUTES:${revision}`, {
    vacancyIds,
    withScreening: true,
  });
  await run.issue('ADMINISTRATIVE_RESULT_ANNOUNCEMENT', `ADMINISTRATIVE_RESULT_ANNOUNCEMENT:${revision}`, {
    vacancyIds,
    withScreening: true,
  });
}
