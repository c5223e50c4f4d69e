/**
 * Workflow-side recording of a human decision (or a rule acting on silence): kept in the workflow state
 * and written to the audit record by an activity. Shared by every workflow that takes decisions, so the
 * audit record has one shape. Deterministic: the id comes from the workflow's seeded uuid4 and the time
 * from the workflow clock.
 */
import { uuid4 } from '@temporalio/workflow';
import type { Actor, AuditRecordDto } from '@seleksi/domain';
import type { DecisionKind, RecordedDecision } from './open-selection/definitions';

export interface DecisionRecorderOptions {
  /** The workflow state's decision list (read at each call, so a replaced state is followed). */
  decisions(): RecordedDecision[];
  /** What the audit record files the decision under: the selection id, or the talent filling's id. */
  subjectOfRecord: string;
  workflowId: string;
  recordAudit(dto: AuditRecordDto): Promise<unknown>;
}

export type RecordDecision = (
  kind: DecisionKind,
  by: Actor,
  reason: string | null,
  subjectId: string | null,
  payload: Record<string, unknown>,
) => Promise<RecordedDecision>;

/** A decision as recorded: a deterministic id from the workflow's seeded uuid4, the time from its clock. */
export function newDecision(
  kind: DecisionKind,
  by: Actor,
  reason: string | null,
  subjectId: string | null,
): RecordedDecision {
  return { decisionId: uuid4(), kind, by, at: new Date().toISOString(), reason, subjectId };
}

export function decisionRecorder(opts: DecisionRecorderOptions): RecordDecision {
  return async (kind, by, reason, subjectId, payload) => {
    const decision = newDecision(kind, by, reason, subjectId);
    opts.decisions().push(decision);
    await opts.recordAudit({
      ...decision,
      selectionId: opts.subjectOfRecord,
      workflowId: opts.workflowId,
      payload,
    });
    return decision;
  };
}
