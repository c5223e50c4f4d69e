import {
  DomainError,
  ESSENTIAL_NOTICES,
  type ClaimedNoticeDto,
  type NoticeContent,
  type NoticeDto,
  type NoticeKind,
  type NoticeStatus,
  type ReasonCode,
  type Role,
  type HolidayCalendar,
  PPK_CHOICE_ESCALATION_WORKING_DAYS,
  PROFILE_FIELD_TEXT_ID,
  REMINDER_WORKING_DAYS_BEFORE,
  parseScheduleNote,
  reminderInstant,
  selectionIdOfVacancy,
  workingDaysAfterInstant,
} from '@seleksi/domain';
import { findEachEqual, insertManyIgnoringDuplicates, isDuplicateKeyError } from '@seleksi/kit';
import type {
  AgencyDoc,
  CandidateModels,
  ElectionReportDutyDoc,
  InvitationDoc,
  NoticeDoc,
  ProfileDisputeDecisionDoc,
  SelectionDoc,
  StageEventDoc,
  TimelineEntryDoc,
} from '../models';

/** The candidate's notice a timeline entry's reason gives rise to (none for most). */
const CANDIDATE_NOTICES: Partial<Record<ReasonCode, NoticeKind>> = {
  APPLICATION_SUBMITTED: 'APPLICATION_RECEIVED',
  // Recorded when the Pansel publishes the result (or overrides it afterwards), never before.
  SCREENING_ELIGIBLE: 'SCREENING_RESULT',
  SCREENING_NOT_ELIGIBLE: 'SCREENING_RESULT',
  SCREENING_OVERRIDDEN: 'SCREENING_RESULT',
  SCREENING_RESULT_PUBLISHED: 'OBJECTION_WINDOW_OPEN',
  FINAL_RESULT_PUBLISHED: 'OBJECTION_WINDOW_OPEN',
  OBJECTION_WINDOW_CLOSED: 'OBJECTION_WINDOW_CLOSED',
  SHORTLISTED: 'FINAL_RESULT',
  NOT_SHORTLISTED: 'FINAL_RESULT',
  APPLICATION_WITHDRAWN: 'WITHDRAWAL_CONFIRMED',
  // One entry per competing candidate and schedule (see the workflow's scheduleStage).
  ASSESSMENT_SCHEDULED: 'STAGE_INVITATION',
  INTERVIEW_SCHEDULED: 'STAGE_INVITATION',
  ASSESSMENT_RESCHEDULED: 'SCHEDULE_CHANGED',
  INTERVIEW_RESCHEDULED: 'SCHEDULE_CHANGED',
};

/** Timeline entries whose expected date is an invitation's start and whose note its place. */
const SCHEDULE_REASONS: ReadonlySet<string> = new Set([
  'ASSESSMENT_SCHEDULED',
  'INTERVIEW_SCHEDULED',
  'ASSESSMENT_RESCHEDULED',
  'INTERVIEW_RESCHEDULED',
]);

/** A deadline that passed without the decision: who is told at once (the decision was made by a rule). */
const ESCALATED_TO: Partial<Record<ReasonCode, Role[]>> = {
  OVERSEER_APPROVED_BY_SILENCE: ['PPK', 'PANSEL_SECRETARY'],
  OVERSEER_ESCALATED: ['PPK', 'PANSEL_SECRETARY'],
};

/**
 * A decision with no deadline in the process, escalated by the outbox when it is still open after
 * PPK_CHOICE_ESCALATION_WORKING_DAYS (dropped when claimed after the round moved on).
 */
const OVERDUE_TO: Partial<Record<ReasonCode, Role[]>> = {
  APPOINTMENT_CHOICE_STARTED: ['AGENCY_ADMIN', 'PANSEL_SECRETARY'],
};

/** Stage events that wait for a decision-maker: who decides. */
const WAITING_FOR: Partial<Record<ReasonCode, Role>> = {
  PLAN_SUBMITTED: 'OVERSEER',
  OVERSEER_REVIEW_STARTED: 'OVERSEER',
  REPORTED_TO_PPK: 'PPK',
  APPOINTMENT_CHOICE_STARTED: 'PPK',
};

/** applicationId is `${vacancyId}.${candidateId}` (see ids.ts). */
function vacancyOf(applicationId: string, candidateId: string): string {
  return applicationId.slice(0, applicationId.length - candidateId.length - 1);
}

export interface NoticeFilter {
  statuses: NoticeStatus[];
}

function toDto(d: NoticeDoc): NoticeDto {
  return {
    id: d._id,
    kind: d.kind,
    essential: d.essential,
    recipient: d.candidateId
      ? { candidateId: d.candidateId }
      : { role: d.role as Role, agencyCode: d.agencyCode ?? '' },
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    nextAttemptAt: d.status === 'PENDING' ? d.nextAttemptAt.toISOString() : null,
    sentAt: d.sentAt ? d.sentAt.toISOString() : null,
  };
}

function newNotice(
  kind: NoticeKind,
  sourceId: string,
  selectionId: string,
  who: Pick<NoticeDoc, 'candidateId' | 'applicationId' | 'role' | 'agencyCode'>,
  now: Date,
): NoticeDoc {
  return {
    _id: JSON.stringify([sourceId, kind, who.role ?? 'CANDIDATE']),
    kind,
    essential: ESSENTIAL_NOTICES[kind],
    ...who,
    selectionId,
    sourceId,
    status: 'PENDING',
    attempts: 0,
    lastError: null,
    nextAttemptAt: now,
    createdAt: now,
    sentAt: null,
  };
}

/**
 * The outbox. Enqueued in the same service call that records the timeline entry or stage event (both
 * idempotent by the workflow's event id), so the notice exists once the event does, and only once.
 */
export function createNoticeRepository(
  {
    Notice,
    TimelineEntry,
    StageEvent,
    Selection,
    Agency,
    Invitation,
    ProfileDisputeDecision,
    ElectionReportDuty,
  }: CandidateModels,
  /** The working-day calendar (shipped years with stored amendments), for reminders. */
  calendar: () => Promise<HolidayCalendar>,
  /** The candidate service's PPK_CHOICE_ESCALATION_WORKING_DAYS setting. */
  ppkChoiceEscalationWorkingDays = PPK_CHOICE_ESCALATION_WORKING_DAYS,
) {
  return {
    /** Notices of timeline entries (inserted or found already there: the insert below ignores duplicates). */
    async enqueueForEntries(entries: TimelineEntryDoc[]) {
      const now = new Date();
      const docs: NoticeDoc[] = [];
      for (const e of entries) {
        const kind = CANDIDATE_NOTICES[e.reasonCode];
        if (!kind || !e.candidateId) continue;
        const selectionId = selectionIdOfVacancy(vacancyOf(e.applicationId, e.candidateId));
        if (!selectionId) continue;
        docs.push(
          newNotice(
            kind,
            e._id,
            selectionId,
            { candidateId: e.candidateId, applicationId: e.applicationId, role: null, agencyCode: null },
            now,
          ),
        );
      }
      return insertManyIgnoringDuplicates(Notice, docs);
    },

    /**
     * A "decision waiting for you" notice to the decision-makers of a stage event and, when it has a
     * deadline, a reminder due REMINDER_WORKING_DAYS_BEFORE working days before it (not in training mode,
     * whose days last seconds). The reminder is dropped when claimed after the decision was taken.
     */
    async enqueueForStageEvent(
      event: StageEventDoc,
      selection: Pick<SelectionDoc, 'agencyCode' | 'timeZone' | 'simulation'>,
    ) {
      const now = new Date();
      const staff = (r: Role) => ({
        candidateId: null,
        applicationId: null,
        role: r,
        agencyCode: selection.agencyCode,
      });
      const docs: NoticeDoc[] = [];
      for (const r of ESCALATED_TO[event.reasonCode] ?? []) {
        docs.push(newNotice('DEADLINE_ESCALATION', event._id, event.selectionId, staff(r), now));
      }
      if (!selection.simulation) {
        for (const r of OVERDUE_TO[event.reasonCode] ?? []) {
          const at = workingDaysAfterInstant(
            event.at,
            ppkChoiceEscalationWorkingDays,
            selection.timeZone,
            await calendar(),
          );
          docs.push({
            ...newNotice('DEADLINE_ESCALATION', event._id, event.selectionId, staff(r), now),
            nextAttemptAt: at,
          });
        }
      }
      const role = WAITING_FOR[event.reasonCode];
      if (!role) return docs.length ? insertManyIgnoringDuplicates(Notice, docs) : 0;
      const who = staff(role);
      docs.push(newNotice('DECISION_WAITING', event._id, event.selectionId, who, now));
      if (event.expectedNextAt && !selection.simulation) {
        const at = reminderInstant(
          event.expectedNextAt,
          REMINDER_WORKING_DAYS_BEFORE,
          selection.timeZone,
          await calendar(),
        );
        if (at > now && at < event.expectedNextAt) {
          docs.push({ ...newNotice('DECISION_REMINDER', event._id, event.selectionId, who, now), nextAttemptAt: at });
        }
      }
      return insertManyIgnoringDuplicates(Notice, docs);
    },

    /** The invitation of a talent to apply (talent route's fallback), keyed by the invitation's id. */
    async enqueueForInvitation(invitation: InvitationDoc) {
      const who = { candidateId: invitation.candidateId, applicationId: null, role: null, agencyCode: null };
      return insertManyIgnoringDuplicates(Notice, [
        newNotice('TALENT_INVITATION', invitation._id, invitation.selectionId, who, new Date()),
      ]);
    },

    /** The candidate's notice of the staff's decision on their profile dispute, keyed by the dispute. */
    async enqueueForProfileDispute(d: Pick<ProfileDisputeDecisionDoc, '_id' | 'candidateId'>) {
      const who = { candidateId: d.candidateId, applicationId: null, role: null, agencyCode: null };
      return insertManyIgnoringDuplicates(Notice, [
        newNotice('PROFILE_DISPUTE_DECIDED', d._id, `profile:${d.candidateId}`, who, new Date()),
      ]);
    },

    /** The agency's administrator and secretariat are told of the duty to report to the Minister. */
    async enqueueForElectionReport(d: Pick<ElectionReportDutyDoc, '_id' | 'agencyCode' | 'subjectId'>) {
      const now = new Date();
      return insertManyIgnoringDuplicates(
        Notice,
        (['AGENCY_ADMIN', 'PANSEL_SECRETARY'] as const).map((role) =>
          newNotice(
            'ELECTION_REPORT_DUE',
            d._id,
            d.subjectId,
            { candidateId: null, applicationId: null, role, agencyCode: d.agencyCode },
            now,
          ),
        ),
      );
    },

    /**
     * Hands out up to `limit` due notices with what their mails say. Each is taken by a conditional update
     * that pushes `nextAttemptAt` out by `leaseMs`: two senders never take the same one, and a sender that
     * dies holding one only delays it.
     */
    async claim(limit: number, leaseMs: number): Promise<ClaimedNoticeDto[]> {
      const now = new Date();
      const due = await Notice.find({ status: 'PENDING', nextAttemptAt: { $lte: now } })
        .sort({ nextAttemptAt: 1 })
        .limit(limit)
        .lean<NoticeDoc[]>();
      let claimed: NoticeDoc[] = [];
      // The claim of a notice's due attempt is the insert of its key (the notice, the time it fell due and
      // the lease period now): one sender wins. A conditional update alone is not enough on FerretDB v1,
      // which applies an update by reading and rewriting the document without a lock (two senders both saw
      // it modified). The lease period in the key lets a notice whose claimer died before moving it on be
      // claimed again in a later period.
      const claims = Notice.db.collection<{ _id: string; at: Date }>('noticeClaims');
      for (const n of due) {
        try {
          await claims.insertOne({
            _id: `${n._id}@${n.nextAttemptAt.toISOString()}#${Math.floor(now.getTime() / leaseMs)}`,
            at: now,
          });
        } catch (err) {
          if (isDuplicateKeyError(err)) continue;
          throw err;
        }
        await Notice.updateOne(
          { _id: n._id, status: 'PENDING', nextAttemptAt: n.nextAttemptAt },
          { $set: { nextAttemptAt: new Date(now.getTime() + leaseMs) } },
        );
        claimed.push(n);
      }
      if (claimed.length === 0) return [];
      const out: ClaimedNoticeDto[] = [];
      // Profile disputes belong to no selection: their content comes from the decision and the agency.
      const disputeNotices = claimed.filter((n) => n.kind === 'PROFILE_DISPUTE_DECIDED');
      if (disputeNotices.length > 0) {
        const decisions = await findEachEqual<ProfileDisputeDecisionDoc>(
          ProfileDisputeDecision,
          '_id',
          disputeNotices.map((n) => n.sourceId),
        );
        const agencies = await findEachEqual<AgencyDoc>(Agency, '_id', [
          ...new Set(decisions.map((d) => d.agencyCode)),
        ]);
        for (const n of disputeNotices) {
          const d = decisions.find((x) => x._id === n.sourceId);
          if (!d) {
            await Notice.updateOne({ _id: n._id }, { $set: { status: 'SKIPPED', lastError: 'decision not found' } });
            continue;
          }
          const agency = agencies.find((a) => a._id === d.agencyCode);
          const fields = d.outcome === 'ACCEPTED' ? d.corrected : d.dispute.fields;
          out.push({
            ...toDto(n),
            content: {
              selectionTitle: '',
              agencyName: agency?.name ?? d.agencyCode,
              timeZone: agency?.timeZone ?? 'WIB',
              position: null,
              at: d.at.toISOString(),
              status: null,
              reasons: d.reason ? [d.reason] : [],
              deadline: null,
              reasonCode: 'PROFILE_DISPUTE_DECIDED',
              profileDispute: {
                outcome: d.outcome,
                reason: d.reason,
                fields: fields.map((f) => PROFILE_FIELD_TEXT_ID[f] ?? f),
              },
            },
          });
        }
        claimed = claimed.filter((n) => n.kind !== 'PROFILE_DISPUTE_DECIDED');
        if (claimed.length === 0) return out;
      }
      // Election report duties belong to a round or a talent filling: their content comes from the duty.
      const dutyNotices = claimed.filter((n) => n.kind === 'ELECTION_REPORT_DUE');
      if (dutyNotices.length > 0) {
        const duties = await findEachEqual<ElectionReportDutyDoc>(
          ElectionReportDuty,
          '_id',
          dutyNotices.map((n) => n.sourceId),
        );
        const agencies = await findEachEqual<AgencyDoc>(Agency, '_id', [...new Set(duties.map((d) => d.agencyCode))]);
        for (const n of dutyNotices) {
          const d = duties.find((x) => x._id === n.sourceId);
          if (!d || d.report) {
            await Notice.updateOne(
              { _id: n._id },
              { $set: { status: 'SKIPPED', lastError: d ? 'already reported' : 'duty not found' } },
            );
            continue;
          }
          const agency = agencies.find((a) => a._id === d.agencyCode);
          out.push({
            ...toDto(n),
            content: {
              selectionTitle: d.position,
              agencyName: agency?.name ?? d.agencyCode,
              timeZone: agency?.timeZone ?? 'WIB',
              position: d.position,
              at: d.createdAt.toISOString(),
              status: null,
              reasons: [],
              deadline: null,
              reasonCode: 'ELECTION_REPORT_DUE',
              electionReport: {
                actedOn: d.actedOn,
                dueOn: d.dueOn,
                window: d.window.label ?? `${d.window.from} s.d. ${d.window.to}`,
                letterNumber: d.permission.letterNumber,
              },
            },
          });
        }
        claimed = claimed.filter((n) => n.kind !== 'ELECTION_REPORT_DUE');
        if (claimed.length === 0) return out;
      }
      const invitationIds = claimed.filter((n) => n.kind === 'TALENT_INVITATION').map((n) => n.sourceId);
      const entryIds = claimed.filter((n) => n.candidateId && n.kind !== 'TALENT_INVITATION').map((n) => n.sourceId);
      const eventIds = claimed.filter((n) => !n.candidateId).map((n) => n.sourceId);
      const [entries, events, invitations, selections] = await Promise.all([
        findEachEqual<TimelineEntryDoc>(TimelineEntry, '_id', entryIds),
        findEachEqual<StageEventDoc>(StageEvent, '_id', eventIds),
        findEachEqual<InvitationDoc>(Invitation, '_id', invitationIds),
        findEachEqual<SelectionDoc>(Selection, '_id', [...new Set(claimed.map((n) => n.selectionId))]),
      ]);
      const agencies = await findEachEqual<AgencyDoc>(Agency, '_id', [...new Set(selections.map((s) => s.agencyCode))]);
      const entryById = new Map(entries.map((e) => [e._id, e]));
      const eventById = new Map(events.map((e) => [e._id, e]));
      const invitationById = new Map(invitations.map((i) => [i._id, i]));
      const selectionById = new Map(selections.map((s) => [s._id, s]));
      const agencyName = new Map(agencies.map((a) => [a._id, a.name]));
      for (const n of claimed) {
        const selection = selectionById.get(n.selectionId);
        const entry = entryById.get(n.sourceId);
        const event = eventById.get(n.sourceId);
        const invitation = invitationById.get(n.sourceId);
        if (!selection || !(entry ?? event ?? invitation)) {
          // Not readable yet (a selection projected after its first event): soon again, not after the lease.
          await Notice.updateOne(
            { _id: n._id, status: 'PENDING' },
            { $set: { nextAttemptAt: new Date(now.getTime() + 5_000) } },
          );
          continue;
        }
        const overdueLater = n.kind === 'DEADLINE_ESCALATION' && event && OVERDUE_TO[event.reasonCode];
        if (
          (n.kind === 'DECISION_REMINDER' || overdueLater) &&
          event &&
          selection.stageAt &&
          selection.stageAt > event.at
        ) {
          // The round moved on: the decision was taken (or the deadline passed) before the reminder was due.
          await Notice.updateOne({ _id: n._id }, { $set: { status: 'SKIPPED', lastError: 'decision already taken' } });
          continue;
        }
        const vacancyId =
          invitation?.vacancyId ??
          (n.applicationId && n.candidateId ? vacancyOf(n.applicationId, n.candidateId) : null);
        const position = selection.vacancies.find((v) => v.id === vacancyId)?.position ?? null;
        const common = {
          selectionTitle: selection.title,
          agencyName: agencyName.get(selection.agencyCode) ?? selection.agencyCode,
          timeZone: selection.timeZone,
          position,
        };
        let content: NoticeContent;
        if (invitation) {
          content = {
            ...common,
            at: invitation.invitedAt.toISOString(),
            status: null,
            reasons: [invitation.reason],
            deadline: selection.registrationClosesAt ? new Date(selection.registrationClosesAt).toISOString() : null,
            reasonCode: 'TALENT_INVITATION',
          };
        } else {
          const source = (entry ?? event)!;
          const scheduled = entry && SCHEDULE_REASONS.has(entry.reasonCode) && entry.expectedNextAt;
          content = {
            ...common,
            at: source.at.toISOString(),
            status: entry?.status ?? null,
            reasons: entry?.note && !scheduled ? entry.note.split('; ').filter(Boolean) : [],
            deadline: source.expectedNextAt ? source.expectedNextAt.toISOString() : null,
            reasonCode: source.reasonCode,
            stage: event?.stage ?? null,
            schedule: scheduled
              ? { startsAt: entry.expectedNextAt!.toISOString(), ...parseScheduleNote(entry.note) }
              : null,
          };
        }
        out.push({ ...toDto(n), content });
      }
      return out;
    },

    /**
     * The sender's report. SENT and SKIPPED are final; FAILED counts the attempt and sets the notice due
     * again at `retryAt`, or gives up (status FAILED) when `retryAt` is null.
     */
    async report(
      id: string,
      r: { outcome: 'SENT' | 'SKIPPED' | 'FAILED'; error?: string | null; retryAt?: string | null },
    ): Promise<NoticeDto> {
      const now = new Date();
      const set: Partial<NoticeDoc> =
        r.outcome === 'FAILED'
          ? {
              status: r.retryAt ? 'PENDING' : 'FAILED',
              lastError: (r.error ?? 'unknown error').slice(0, 300),
              nextAttemptAt: r.retryAt ? new Date(r.retryAt) : now,
            }
          : { status: r.outcome, sentAt: r.outcome === 'SENT' ? now : null };
      const updated = await Notice.findOneAndUpdate(
        { _id: id, status: 'PENDING' },
        { $set: set, $inc: { attempts: r.outcome === 'SKIPPED' ? 0 : 1 } },
        { new: true },
      ).lean<NoticeDoc>();
      if (updated) return toDto(updated);
      const existing = await Notice.findById(id).lean<NoticeDoc>();
      if (!existing) throw new DomainError('NOT_FOUND', 'Pemberitahuan tidak ditemukan');
      return toDto(existing); // already final: a repeated report changes nothing
    },

    /** Newest first, for administrators: delivery state only. */
    async list(filter: NoticeFilter, limit: number): Promise<NoticeDto[]> {
      const docs = await Notice.find(filter.statuses.length ? { status: { $in: filter.statuses } } : {})
        .sort({ createdAt: -1, _id: 1 })
        .limit(limit)
        .lean<NoticeDoc[]>();
      return docs.map(toDto);
    },

    /** Puts FAILED notices back in the queue (an administrator's retry after fixing the mail server). */
    async retry(ids: string[]): Promise<number> {
      const { modifiedCount } = await Notice.updateMany(
        { _id: { $in: ids }, status: 'FAILED' },
        { $set: { status: 'PENDING', nextAttemptAt: new Date() } },
      );
      return modifiedCount;
    },
  };
}
export type NoticeRepository = ReturnType<typeof createNoticeRepository>;
