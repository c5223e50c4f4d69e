/**
 * Filling a JPT post from the talent pool, read top-down (domain.md §3): gate → proposal (box 9 >
 * 8 > 7, eligible, not retiring) → committee confirmation → overseer → PPK decision (justification
 * unless the first successor) → decree → inauguration. When the gate fails, the committee or the
 * overseer says no, or no eligible talent exists, it starts an open selection for the post, records
 * why, and invites the pool's best candidates to apply.
 */
import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { decisionRecorder } from '../decision-recorder';
import {
  addWorkingDays,
  announcementRequirementLines,
  endOfLocalDay,
  localDateOf,
  periodDeadline,
  selectionWorkflowId,
  TALENT_DECISIONS,
  talentRoleMayTake,
  talentStageAllows,
  vacancyId,
  type Actor,
  type HolidayCalendar,
} from '@seleksi/domain';
import type { TalentPoolActivities } from './activities';
import type { OpenSelectionActivities } from '../open-selection/activities';
import {
  confirmProposalUpdate,
  decideSuccessorUpdate,
  getFillingStateQuery,
  initialFillingState,
  recordTalentInaugurationUpdate,
  recordTalentPresidentialDecisionUpdate,
  TALENT_PRESIDENT_ROUTE,
  TALENT_READ_MODEL,
  talentOverseerDecisionUpdate,
  type TalentFillingStage,
  type TalentPoolFillingInput,
  type TalentPoolFillingState,
} from './definitions';
import type { OpenSelectionInput } from '../open-selection/definitions';
import { openSelectionWorkflow } from '../open-selection/workflows';
import { talentFillingView } from './projection';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey, StageDeadlineKey } from '../search-attributes';
import { electionGuard } from '../election/workflow';
import {
  HANDLER_DESCRIPTIONS,
  markStage,
  openSelectionMetadata,
  TALENT_WAITING_FOR,
  timerSummary,
} from '../operator-view';

// The audit record is written by the open selection's activity: one implementation for both routes.
const acts = proxyActivities<TalentPoolActivities & Pick<OpenSelectionActivities, 'recordAudit'>>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'ADMIN', displayName: 'Sistem (aturan manajemen talenta)' };

function fail(type: string, message: string, field?: string): never {
  throw ApplicationFailure.create({ type, message, nonRetryable: true, details: [{ field }] });
}

export async function talentPoolFillingWorkflow(input: TalentPoolFillingInput): Promise<TalentPoolFillingState> {
  const workflowId = workflowInfo().workflowId;
  const record = decisionRecorder({
    decisions: () => state.decisions,
    subjectOfRecord: input.fillingId,
    workflowId,
    recordAudit: (dto) => acts.recordAudit(dto),
  });
  const tz = input.agency.timeZone;
  const today = () => localDateOf(Date.now(), tz);
  const state: TalentPoolFillingState = initialFillingState(input);
  let confirmation: { confirm: boolean; reason: string } | null = null;
  let overseer: { verdict: 'APPROVE' | 'REJECT'; reason: string } | null = null;
  let inaugurated = false;
  const included = () => state.successors.filter((s) => !s.excluded);
  // Read-model writes run beside the flow (ordered by `seq` in the store) and are awaited before it ends.
  const projections: Promise<unknown>[] = [];
  let projectionSeq = 0;
  let stageSince = new Date().toISOString();
  let stageDeadline: string | null = null;

  setHandler(getFillingStateQuery, () => state);
  // Pilkada windows: the PPK's decision waits for the Home Affairs Minister's permission inside one.
  const election = electionGuard({
    agencyCode: input.agency.code,
    subjectId: input.fillingId,
    route: 'TALENT_POOL',
    today,
    recorderRole: TALENT_DECISIONS.recordTalentElectionPermission.roles[0],
    open: () => state.decree === null && state.fallback === null,
    record: (actor, reason, payload) => record('ELECTION_PERMISSION_RECORDED', actor, reason, input.post.id, payload),
  });
  state.election = election.state;

  setHandler(
    confirmProposalUpdate,
    async (args) => {
      confirmation = { confirm: args.confirm, reason: args.reason };
      state.confirmed = args.confirm;
      return record('PROPOSAL_CONFIRMED', args.actor, args.reason, input.post.id, { confirm: args.confirm });
    },
    {
      description: HANDLER_DESCRIPTIONS.confirmProposal,
      validator: (args) => {
        if (!talentRoleMayTake('confirmProposal', args.actor.role))
          fail('FORBIDDEN', 'Hanya tim/sekretariat yang dapat mengonfirmasi usulan', 'actor');
        if (!talentStageAllows('confirmProposal', state.stage) || confirmation)
          fail('WRONG_STAGE', 'Usulan suksesor tidak menunggu konfirmasi');
        if (!args.reason || args.reason.trim().length < 5)
          fail('VALIDATION_FAILED', 'Pertimbangan wajib diisi', 'reason');
      },
    },
  );

  setHandler(
    talentOverseerDecisionUpdate,
    async (args) => {
      overseer = { verdict: args.verdict, reason: args.reason };
      state.overseerVerdict = args.verdict;
      return record('OVERSEER_DECIDED', args.actor, args.reason, input.post.id, {
        verdict: args.verdict,
        reference: args.reference ?? null,
      });
    },
    {
      description: HANDLER_DESCRIPTIONS.talentOverseerDecision,
      validator: (args) => {
        if (!talentRoleMayTake('talentOverseerDecision', args.actor.role))
          fail('FORBIDDEN', 'Hanya lembaga pengawas yang dapat memutuskan', 'actor');
        if (!talentStageAllows('talentOverseerDecision', state.stage) || overseer)
          fail('WRONG_STAGE', 'Tidak ada usulan yang menunggu keputusan lembaga pengawas');
        if (!args.reason || args.reason.trim().length < 5)
          fail('VALIDATION_FAILED', 'Pertimbangan wajib diisi', 'reason');
      },
    },
  );

  setHandler(
    decideSuccessorUpdate,
    async (args) => {
      state.proposedEmployeeId = args.employeeId;
      // Madya/Utama: the PPK's decision is a proposal; the President appoints (the main flow decides).
      if (state.route === 'PPK') state.appointedEmployeeId = args.employeeId;
      const order = included().find((s) => s.employeeId === args.employeeId)?.order ?? null;
      return record('SUCCESSOR_DECIDED', args.actor, args.justification ?? null, input.post.id, {
        employeeId: args.employeeId,
        order,
        route: state.route,
      });
    },
    {
      description: HANDLER_DESCRIPTIONS.decideSuccessor,
      validator: (args) => {
        if (!talentRoleMayTake('decideSuccessor', args.actor.role))
          fail('FORBIDDEN', 'Hanya Pejabat Pembina Kepegawaian yang dapat memutuskan', 'actor');
        if (!talentStageAllows('decideSuccessor', state.stage) || state.proposedEmployeeId)
          fail('WRONG_STAGE', 'Tidak menunggu keputusan PPK');
        successorGuards(args.employeeId, args.justification);
        election.check();
      },
    },
  );

  setHandler(
    recordTalentPresidentialDecisionUpdate,
    async (args) => {
      state.presidentialDecree = { number: args.decreeNumber.trim(), date: args.decreeDate };
      state.appointedEmployeeId = args.employeeId;
      return record('PRESIDENTIAL_DECISION_RECORDED', args.actor, args.justification ?? null, input.post.id, {
        employeeId: args.employeeId,
        // The appointee's place among the successors (the oversight view flags any but the first).
        order: included().find((s) => s.employeeId === args.employeeId)?.order ?? null,
        decreeNumber: state.presidentialDecree.number,
        decreeDate: args.decreeDate,
        route: state.route,
      });
    },
    {
      description: HANDLER_DESCRIPTIONS.recordTalentPresidentialDecision,
      validator: (args) => {
        if (!talentRoleMayTake('recordTalentPresidentialDecision', args.actor.role))
          fail('FORBIDDEN', 'Hanya sekretariat yang dapat mencatat Keputusan Presiden', 'actor');
        if (!talentStageAllows('recordTalentPresidentialDecision', state.stage) || state.presidentialDecree)
          fail('WRONG_STAGE', 'Tidak menunggu Keputusan Presiden');
        if (!args.decreeNumber || args.decreeNumber.trim().length < 3)
          fail('VALIDATION_FAILED', 'Nomor Keputusan Presiden wajib diisi', 'decreeNumber');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(args.decreeDate))
          fail('VALIDATION_FAILED', 'Tanggal keputusan tidak valid', 'decreeDate');
        successorGuards(args.employeeId, args.justification);
        election.check();
      },
    },
  );

  setHandler(
    recordTalentInaugurationUpdate,
    async (args) => {
      state.inaugurationDate = args.date;
      const decision = await record('INAUGURATION_RECORDED', args.actor, null, input.post.id, {
        date: args.date,
        place: args.place,
      });
      await acts.issueFillingDocument({
        kind: 'INAUGURATION_MINUTES',
        input,
        state,
        date: today(),
        extra: { date: args.date, place: args.place },
      });
      // Only now may the main flow complete: the minutes and the audit entry are written.
      inaugurated = true;
      return decision;
    },
    {
      description: HANDLER_DESCRIPTIONS.recordTalentInauguration,
      validator: (args) => {
        if (!talentRoleMayTake('recordTalentInauguration', args.actor.role))
          fail('FORBIDDEN', 'Hanya sekretariat yang dapat mencatat pelantikan', 'actor');
        if (!talentStageAllows('recordTalentInauguration', state.stage) || state.inaugurationDate)
          fail('WRONG_STAGE', 'Bukan tahap pelantikan');
        if (!/^\d{4}-\d{2}-\d{2}$/.test(args.date)) fail('VALIDATION_FAILED', 'Tanggal pelantikan tidak valid', 'date');
        if (!args.place || args.place.trim().length < 3)
          fail('VALIDATION_FAILED', 'Tempat pelantikan wajib diisi', 'place');
      },
    },
  );

  // 1. Gate.
  const calendar: HolidayCalendar = await acts.loadCalendar();
  enter('GATE_CHECK');
  const gate = await acts.checkGate({ agencyCode: input.agency.code, asOf: today() });
  state.gate = gate;
  await record('GATE_CHECKED', SYSTEM_ACTOR, gate.open ? null : gate.reasons.join('; '), input.post.id, { ...gate });
  if (!gate.open || !gate.period)
    return fallback(`Syarat jalur manajemen talenta tidak terpenuhi: ${gate.reasons.join('; ')}`);

  // 2. Proposal.
  enter('PROPOSAL');
  state.successors = await acts.proposeSuccessors({
    agency: input.agency,
    post: input.post,
    period: gate.period,
    asOf: today(),
    plannedInaugurationDate: input.plannedInaugurationDate,
  });
  if (included().length === 0) return fallback('Tidak ada talenta dalam kelompok rencana suksesi yang memenuhi syarat');
  await acts.issueFillingDocument({ kind: 'SUCCESSOR_PROPOSAL', input, state, date: today(), extra: {} });

  // 3. Confirmation by the committee.
  enter('CONFIRMATION');
  await condition(() => confirmation !== null);
  if (!confirmation!.confirm) return fallback(`Tim tidak mengonfirmasi usulan suksesor: ${confirmation!.reason}`);

  // 4. Overseer: silence approves or escalates, as its pinned rules say.
  let deadline = endOfLocalDay(addWorkingDays(today(), input.overseer.decisionWorkingDays, calendar), tz).getTime();
  enter('OVERSEER_APPROVAL', deadline);
  for (;;) {
    const timer = { summary: timerSummary('OVERSEER_APPROVAL', 'OVERSEER') };
    if (await condition(() => overseer !== null, Math.max(1, deadline - Date.now()), timer)) break;
    if (input.overseer.silenceMeansApproval) {
      overseer = {
        verdict: 'APPROVE',
        reason: `Tidak ada keputusan dalam ${input.overseer.decisionWorkingDays} hari kerja; dianggap disetujui`,
      };
      state.overseerVerdict = 'APPROVE';
      await record('OVERSEER_SILENCE', SYSTEM_ACTOR, overseer.reason, input.post.id, {});
      break;
    }
    await record(
      'OVERSEER_ESCALATED',
      SYSTEM_ACTOR,
      'Batas waktu keputusan lembaga pengawas terlampaui',
      input.post.id,
      {},
    );
    deadline = endOfLocalDay(addWorkingDays(today(), input.overseer.escalationWorkingDays, calendar), tz).getTime();
    upsertSearchAttributes([{ key: StageDeadlineKey, value: new Date(deadline) }]);
    stageDeadline = new Date(deadline).toISOString();
    project();
  }
  if (overseer!.verdict === 'REJECT') return fallback(`Lembaga pengawas tidak menyetujui usulan: ${overseer!.reason}`);

  // 5. PPK decision (Madya/Utama: a proposal the President decides; inside a pilkada window only with the
  // Minister's permission), decree, inauguration.
  await election.resolve();
  enter('PPK_DECISION');
  await condition(() => state.proposedEmployeeId !== null);
  if (state.route !== 'PPK' && patched(TALENT_PRESIDENT_ROUTE)) {
    enter('PRESIDENTIAL_DECISION');
    await condition(() => state.presidentialDecree !== null);
  }
  // Fillings decided before the President's route existed: the PPK's decision appointed.
  state.appointedEmployeeId ??= state.proposedEmployeeId;
  enter('DECREE');
  state.decree = await acts.issueFillingDocument({
    kind: 'APPOINTMENT_DECREE',
    input,
    state,
    date: today(),
    extra: {},
  });
  await election.acted(input.post.position);
  enter('INAUGURATION');
  await condition(() => inaugurated);
  enter('COMPLETED');
  await condition(allHandlersFinished);
  await Promise.all(projections);
  return state;

  async function fallback(reason: string): Promise<TalentPoolFillingState> {
    const selectionId = `${input.fillingId}-OS`;
    const announcementDate = today();
    const rules = input.fallbackRules;
    const vacancy = { ...input.post, id: vacancyId(selectionId, 0) };
    const selection: OpenSelectionInput = {
      selectionId,
      agency: input.agency,
      title: `Seleksi Terbuka ${input.post.position} ${input.agency.name}`,
      announcementDate,
      registrationClosesAt: periodDeadline(
        announcementDate,
        rules.registrationDays,
        rules.registrationDayKind,
        tz,
        calendar,
      ).closesAt.toISOString(),
      plannedInaugurationDate: input.plannedInaugurationDate,
      vacancies: [vacancy],
      rules,
      calendar,
      electionWindows: [],
      requirements: announcementRequirementLines([input.post.level]),
      signatory: input.signatory,
      ppkTitle: input.ppkTitle,
      createdBy: input.createdBy,
      createdAt: new Date().toISOString(),
    };
    const child = await startChild(openSelectionWorkflow, {
      workflowId: selectionWorkflowId(input.agency.code, selectionId),
      args: [selection],
      parentClosePolicy: ParentClosePolicy.ABANDON,
      ...openSelectionMetadata(selection),
      typedSearchAttributes: [
        { key: AgencyCodeKey, value: input.agency.code },
        { key: SelectionIdKey, value: selectionId },
        { key: SelectionStageKey, value: 'PLANNED' },
      ],
    });
    // The open selection is pre-seeded from the pool: its best eligible talents are invited to apply
    // (also when the gate failed, as long as the agency has a map).
    if (state.successors.length === 0 && state.gate?.period) {
      state.successors = await acts.proposeSuccessors({
        agency: input.agency,
        post: input.post,
        period: state.gate.period,
        asOf: today(),
        plannedInaugurationDate: input.plannedInaugurationDate,
      });
    }
    const invited = included()
      .slice(0, 5)
      .map((s) => s.employeeId);
    await acts.inviteToSelection({
      selectionId,
      vacancyId: vacancy.id,
      candidateIds: invited,
      reason,
      at: new Date().toISOString(),
    });
    state.fallback = { selectionId, workflowId: child.workflowId, reason, invited };
    await record('FALLBACK_STARTED', SYSTEM_ACTOR, reason, input.post.id, { selectionId, invited: invited.length });
    enter('FALLBACK_OPEN_SELECTION');
    await condition(allHandlersFinished);
    await Promise.all(projections);
    return state;
  }

  function enter(stage: TalentFillingStage, deadline?: number): void {
    state.stage = stage;
    upsertSearchAttributes([
      { key: SelectionStageKey, value: stage },
      { key: StageDeadlineKey, value: deadline ? new Date(deadline) : null },
    ]);
    stageSince = new Date().toISOString();
    stageDeadline = deadline ? new Date(deadline).toISOString() : null;
    markStage({ stage, role: TALENT_WAITING_FOR[stage] ?? null, sinceMs: Date.now(), tz, deadline: stageDeadline });
    project();
  }

  /** Writes the read model's row (lists and inboxes); running fillings start writing it from their next step. */
  function project(): void {
    if (!patched(TALENT_READ_MODEL)) return;
    const view = talentFillingView({
      input,
      state,
      workflowId,
      seq: ++projectionSeq,
      stageSince,
      deadline: stageDeadline,
      now: new Date().toISOString(),
    });
    // Awaited before the filling ends; a write that still fails must not fail the workflow task meanwhile
    // (an unhandled rejection would, for good: replay hands back the same failure).
    projections.push(acts.projectTalentFilling(view).catch(() => undefined));
  }

  /** The chosen employee is a proposed successor; other than the first needs a justification. */
  function successorGuards(employeeId: string, justification: string | null | undefined): void {
    const s = included().find((x) => x.employeeId === employeeId);
    if (!s) fail('NOT_IN_SHORTLIST', 'Pegawai ini tidak termasuk suksesor yang diusulkan', 'employeeId');
    if (s.order !== 1 && (!justification || justification.trim().length < 20)) {
      fail(
        'JUSTIFICATION_REQUIRED',
        'Alasan wajib dicatat (minimal 20 karakter) bila bukan suksesor pertama yang diangkat',
        'justification',
      );
    }
  }
}
