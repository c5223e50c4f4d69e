/**
 * No dead ends (issue 16): a vacancy the Pansel re-announces runs as a new round, one it switches
 * route goes to the talent-pool filling of the post. The builders are pure (table-tested); `startFollowUp`
 * starts the child workflow under a deterministic id, so a resent decision can never start two.
 */
import { ParentClosePolicy, proxyActivities, startChild } from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  addCalendarDays,
  localDateOf,
  periodDeadline,
  REANNOUNCED_TITLE_PREFIX,
  selectionWorkflowId,
  vacancyId as vacancyIdOf,
  type HolidayCalendar,
  type LocalDate,
  type VacancyFollowUpDto,
} from '@seleksi/domain';
import type { TalentPoolActivities } from '../talent-pool/activities';
import { talentFillingWorkflowId, type TalentPoolFillingInput } from '../talent-pool/definitions';
import type { talentPoolFillingWorkflow } from '../talent-pool/workflows';
import { AgencyCodeKey, SelectionIdKey, SelectionStageKey } from '../search-attributes';
import type { ApplicationState, OpenSelectionInput, PanselMemberPlan, VacancyPlan } from './definitions';
import type { openSelectionWorkflow } from './workflows';

/** Days between the new round's announcement and its planned inauguration when the old date is too near. */
const INAUGURATION_AFTER_DAYS = 60;

/** The id of the round that re-announces a vacancy: derived from the vacancy, so one vacancy makes one round. */
export function reannouncedSelectionId(vacancyId: string): string {
  return `${vacancyId}-U`;
}

/** FNV-1a, 32 bits, as 8 upper-case hex digits: a deterministic stand-in for the gateway's random part. */
export function fnv32Hex(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).toUpperCase().padStart(8, '0');
}

/** The talent filling of a switched vacancy, in the gateway's filling id shape (`TAL-<agency>-<year>-<8 hex>`). */
export function switchedFillingId(agencyCode: string, vacancyId: string, year: string): string {
  return `TAL-${agencyCode}-${year}-${fnv32Hex(vacancyId)}`;
}

/** The planned inauguration of a follow-up: the old one while still after the new announcement + 60 days. */
export function followUpInauguration(old: LocalDate, announcementDate: LocalDate): LocalDate {
  const earliest = addCalendarDays(announcementDate, INAUGURATION_AFTER_DAYS);
  return old >= earliest ? old : earliest;
}

/** Candidates who applied to the vacancy (withdrawn ones too: they may apply again), each once, in order. */
export function earlierApplicants(applications: readonly ApplicationState[], vacancyId: string): string[] {
  return [...new Set(applications.filter((a) => a.vacancyId === vacancyId).map((a) => a.candidateId))];
}

/**
 * The new round of a re-announced vacancy: same agency, post, requirements, pinned rules, signatory and
 * PPK, election windows and training clock; its Pansel is the old one's (recorded when the round starts).
 */
export function reannouncementInput(args: {
  input: OpenSelectionInput;
  vacancy: VacancyPlan;
  pansel: PanselMemberPlan[];
  announcementDate: LocalDate;
  calendar: HolidayCalendar;
  createdBy: OpenSelectionInput['createdBy'];
  createdAt: string;
}): OpenSelectionInput {
  const { input, vacancy } = args;
  const selectionId = reannouncedSelectionId(vacancy.id);
  const rules = input.rules;
  const { reannouncementOf: _old, ...rest } = input;
  return {
    ...rest,
    selectionId,
    title: `${REANNOUNCED_TITLE_PREFIX}${vacancy.position} — ${input.title}`.slice(0, 200),
    announcementDate: args.announcementDate,
    registrationClosesAt: periodDeadline(
      args.announcementDate,
      rules.registrationDays,
      rules.registrationDayKind,
      input.agency.timeZone,
      args.calendar,
    ).closesAt.toISOString(),
    plannedInaugurationDate: followUpInauguration(input.plannedInaugurationDate, args.announcementDate),
    vacancies: [{ ...vacancy, id: vacancyIdOf(selectionId, 0) }],
    calendar: args.calendar,
    createdBy: args.createdBy,
    createdAt: args.createdAt,
    reannouncementOf: {
      selectionId: input.selectionId,
      vacancyId: vacancy.id,
      pansel: args.pansel.map((m) => ({ ...m })),
    },
  };
}

/** The talent-pool filling of a switched vacancy: the post, the round's PPK, overseer rules and signatory. */
export function switchedFillingInput(args: {
  input: OpenSelectionInput;
  vacancy: VacancyPlan;
  today: LocalDate;
  createdBy: OpenSelectionInput['createdBy'];
  createdAt: string;
}): TalentPoolFillingInput {
  const { input, vacancy } = args;
  return {
    fillingId: switchedFillingId(input.agency.code, vacancy.id, args.today.slice(0, 4)),
    agency: input.agency,
    post: { ...vacancy },
    plannedInaugurationDate: followUpInauguration(input.plannedInaugurationDate, args.today),
    ppkTitle: input.ppkTitle,
    overseer: input.rules.overseer,
    fallbackRules: input.rules,
    signatory: input.signatory,
    createdBy: args.createdBy,
    createdAt: args.createdAt,
    switchedFrom: { selectionId: input.selectionId, vacancyId: vacancy.id },
  };
}

const invitations = proxyActivities<Pick<TalentPoolActivities, 'inviteToSelection'>>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Starts a child that outlives this round; one already started under the same id counts as started. */
async function startOnce(start: () => Promise<unknown>): Promise<void> {
  try {
    await start();
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}

/**
 * What a REANNOUNCE or SWITCH_ROUTE decision leads to: the link kept on the vacancy (known before anything
 * starts, so the decision's audit record names it) and `start`, which starts the child workflow and, for a
 * re-announced round, invites the vacancy's earlier applicants (an invitation per candidate, recorded once).
 */
export function prepareFollowUp(args: {
  input: OpenSelectionInput;
  vacancy: VacancyPlan;
  outcome: 'REANNOUNCE' | 'SWITCH_ROUTE';
  reason: string;
  pansel: PanselMemberPlan[];
  applications: readonly ApplicationState[];
  calendar: HolidayCalendar;
  createdBy: OpenSelectionInput['createdBy'];
}): { link: VacancyFollowUpDto; start: () => Promise<void> } {
  const { input } = args;
  const agencyCode = input.agency.code;
  // Real time (workflow-deterministic): the new process runs on its own clock from its own start.
  const now = Date.now();
  const today = localDateOf(now, input.agency.timeZone);
  const createdAt = new Date(now).toISOString();
  if (args.outcome === 'SWITCH_ROUTE') {
    const filling = switchedFillingInput({ input, vacancy: args.vacancy, today, createdBy: args.createdBy, createdAt });
    const workflowId = talentFillingWorkflowId(agencyCode, filling.fillingId);
    return {
      link: { kind: 'TALENT_FILLING', id: filling.fillingId, workflowId },
      start: () =>
        startOnce(() =>
          startChild<typeof talentPoolFillingWorkflow>('talentPoolFillingWorkflow', {
            workflowId,
            args: [filling],
            parentClosePolicy: ParentClosePolicy.ABANDON,
            typedSearchAttributes: [
              { key: AgencyCodeKey, value: agencyCode },
              { key: SelectionIdKey, value: filling.fillingId },
              { key: SelectionStageKey, value: 'GATE_CHECK' },
            ],
          }),
        ),
    };
  }
  const next = reannouncementInput({
    input,
    vacancy: args.vacancy,
    pansel: args.pansel,
    announcementDate: today,
    calendar: args.calendar,
    createdBy: args.createdBy,
    createdAt,
  });
  const workflowId = selectionWorkflowId(agencyCode, next.selectionId);
  const invited = earlierApplicants(args.applications, args.vacancy.id);
  return {
    link: { kind: 'REANNOUNCED', id: next.selectionId, workflowId },
    start: async () => {
      await startOnce(() =>
        startChild<typeof openSelectionWorkflow>('openSelectionWorkflow', {
          workflowId,
          args: [next],
          parentClosePolicy: ParentClosePolicy.ABANDON,
          typedSearchAttributes: [
            { key: AgencyCodeKey, value: agencyCode },
            { key: SelectionIdKey, value: next.selectionId },
            { key: SelectionStageKey, value: 'PLANNED' },
          ],
          memo: { title: next.title },
        }),
      );
      if (invited.length === 0) return;
      await invitations.inviteToSelection({
        selectionId: next.selectionId,
        vacancyId: next.vacancies[0]!.id,
        candidateIds: invited,
        reason: `Jabatan ${args.vacancy.position} diumumkan ulang; Anda pernah melamar pada seleksi sebelumnya (${input.title}). Alasan Pansel: ${args.reason}`,
        at: createdAt,
      });
    },
  };
}
