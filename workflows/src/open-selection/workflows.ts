/**
 * The open-selection process, read top-down like the regulation (domain.md §1). This foundation
 * covers planning, the announcement and registration up to its durable deadline; later stages
 * continue from REGISTRATION_CLOSED.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  applicationId,
  startOfLocalDay,
  type ApplicationStatus,
  type ReasonCode,
  type SelectionStage,
} from '@seleksi/domain';
import type { createOpenSelectionActivities } from './activities';
import {
  getSelectionStateQuery,
  submitApplicationUpdate,
  type OpenSelectionFailureType,
  type OpenSelectionInput,
  type OpenSelectionState,
  type RecordedDecision,
  type SubmitApplicationArgs,
} from './definitions';
import { SelectionStageKey, StageDeadlineKey } from '../search-attributes';

const acts = proxyActivities<ReturnType<typeof createOpenSelectionActivities>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['VALIDATION_FAILED'] },
});

function fail(type: OpenSelectionFailureType, message: string, field?: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ field }] });
}

export async function openSelectionWorkflow(input: OpenSelectionInput): Promise<OpenSelectionState> {
  const state: OpenSelectionState = {
    selectionId: input.selectionId,
    agencyCode: input.agency.code,
    stage: 'PLANNED',
    registrationClosesAt: input.registrationClosesAt,
    announcementDocument: null,
    applicationsPerVacancy: Object.fromEntries(input.vacancies.map((v) => [v.id, 0])),
    decisions: [],
  };
  // Applications by candidate, reserved before the activity runs so a concurrent duplicate is refused.
  const applied = new Map<string, Set<string>>();

  setHandler(getSelectionStateQuery, () => state);

  setHandler(
    submitApplicationUpdate,
    async (args) => {
      const submittedAt = new Date().toISOString();
      const id = applicationId(args.vacancyId, args.candidateId);
      reserve(args);
      try {
        const app = await acts.storeApplication({
          id,
          selectionId: input.selectionId,
          vacancyId: args.vacancyId,
          candidateId: args.candidateId,
          submittedAt,
        });
        const decision = record({ kind: 'APPLICATION_SUBMITTED', by: args.actor, reason: null, subjectId: id });
        return {
          applicationId: app.id,
          vacancyId: app.vacancyId,
          status: app.status,
          submittedAt: app.submittedAt,
          decision,
        };
      } catch (err) {
        release(args);
        throw err;
      }
    },
    { validator: validateApplication, description: 'A candidate applies to one vacancy during registration' },
  );

  // 1. Plan: the read model exists from the first moment, so the portal can list the selection.
  await acts.projectSelection(input, 'PLANNED', null);
  await recordStage('PLANNED', 'SELECTION_PLANNED', null);

  // 2. Announcement: registration opens at the start of the announcement day (agency time zone).
  const opensAt = startOfLocalDay(input.announcementDate, input.agency.timeZone).getTime();
  if (opensAt > Date.now()) await sleep(opensAt - Date.now());
  state.announcementDocument = await acts.issueVacancyAnnouncement(input);
  await acts.projectSelection(input, 'REGISTRATION_OPEN', state.announcementDocument.id);
  await enterStage('REGISTRATION_OPEN', 'REGISTRATION_OPENED', input.registrationClosesAt);

  // 3. Registration: a durable timer up to the pinned deadline.
  const closesAt = new Date(input.registrationClosesAt).getTime();
  if (closesAt > Date.now()) await sleep(closesAt - Date.now());
  // Refuse new applications first, then let accepted ones finish storing, so the closing event
  // reaches every application's timeline.
  state.stage = 'REGISTRATION_CLOSED';
  await condition(allHandlersFinished);
  await enterStage('REGISTRATION_CLOSED', 'REGISTRATION_CLOSED', null, 'AWAITING_SCREENING');

  // Later stages (screening onwards) continue here; until then the selection stays open.
  await condition(() => false);
  return state;

  function validateApplication(args: SubmitApplicationArgs): void {
    if (args.actor.role !== 'CANDIDATE') fail('FORBIDDEN', 'Hanya peserta yang dapat mendaftar', 'actor');
    if (state.stage === 'PLANNED') fail('WRONG_STAGE', 'Pendaftaran belum dibuka', 'vacancyId');
    if (state.stage !== 'REGISTRATION_OPEN' || Date.now() >= closesAt) {
      fail('REGISTRATION_CLOSED', 'Pendaftaran untuk seleksi ini sudah ditutup', 'vacancyId');
    }
    if (!input.vacancies.some((v) => v.id === args.vacancyId)) {
      fail('UNKNOWN_VACANCY', 'Lowongan tidak ditemukan pada seleksi ini', 'vacancyId');
    }
    const mine = applied.get(args.candidateId);
    if (mine?.has(args.vacancyId)) fail('DUPLICATE_APPLICATION', 'Anda sudah melamar lowongan ini', 'vacancyId');
    if ((mine?.size ?? 0) >= input.rules.vacanciesPerCandidate) {
      fail(
        'APPLICATION_LIMIT_REACHED',
        `Setiap peserta hanya dapat melamar ${input.rules.vacanciesPerCandidate} lowongan pada seleksi ini`,
        'vacancyId',
      );
    }
  }

  function reserve(args: SubmitApplicationArgs): void {
    const mine = applied.get(args.candidateId) ?? new Set<string>();
    mine.add(args.vacancyId);
    applied.set(args.candidateId, mine);
    state.applicationsPerVacancy[args.vacancyId] = (state.applicationsPerVacancy[args.vacancyId] ?? 0) + 1;
  }

  function release(args: SubmitApplicationArgs): void {
    applied.get(args.candidateId)?.delete(args.vacancyId);
    state.applicationsPerVacancy[args.vacancyId] = (state.applicationsPerVacancy[args.vacancyId] ?? 1) - 1;
  }

  function record(d: Omit<RecordedDecision, 'decisionId' | 'at'>): RecordedDecision {
    const decision: RecordedDecision = { ...d, decisionId: uuid4(), at: new Date().toISOString() };
    state.decisions.push(decision);
    return decision;
  }

  async function enterStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    deadline: string | null,
    applicationStatus?: ApplicationStatus,
  ): Promise<void> {
    state.stage = stage;
    upsertSearchAttributes([
      { key: SelectionStageKey, value: stage },
      { key: StageDeadlineKey, value: deadline ? new Date(deadline) : null },
    ]);
    await recordStage(stage, reasonCode, deadline, applicationStatus);
  }

  async function recordStage(
    stage: SelectionStage,
    reasonCode: ReasonCode,
    expectedNextAt: string | null,
    applicationStatus?: ApplicationStatus,
  ): Promise<void> {
    // Deterministic event id: a retried activity or a replay records the same event once.
    const eventId = `${workflowInfo().workflowId}:${stage}`;
    await acts.recordSelectionStage(input.selectionId, {
      eventId,
      stage,
      at: new Date().toISOString(),
      reasonCode,
      expectedNextAt,
      applicationStatus,
    });
  }
}
