/**
 * The overseer asks the Pansel for more documents on a round under its review (the plan or the
 * result): recorded and audited as a decision the secretariat sees on the round; the review and its
 * deadline go on. Roles, stages and arguments are declared in SELECTION_DECISIONS (@seleksi/domain).
 */
import { defineUpdate } from '@temporalio/workflow';
import { roleMayTake, stageAllows, type SelectionDecisionArgs } from '@seleksi/domain';
import type { DecisionArgs, RecordedDecision } from './definitions';
import { fail, requireText, type GuardView } from './guards';
import type { SelectionRun } from './run';

export type RequestAdditionalDocumentsArgs = DecisionArgs &
  Omit<SelectionDecisionArgs<'requestAdditionalDocuments'>, 'selectionId'>;

export const requestAdditionalDocumentsUpdate = defineUpdate<RecordedDecision, [RequestAdditionalDocumentsArgs]>(
  'requestAdditionalDocuments',
);

export function requestAdditionalDocumentsGuard(view: GuardView, args: RequestAdditionalDocumentsArgs): void {
  if (!roleMayTake('requestAdditionalDocuments', args.actor.role)) {
    fail('FORBIDDEN', 'Hanya lembaga pengawas yang dapat meminta dokumen tambahan', 'actor');
  }
  if (
    !stageAllows('requestAdditionalDocuments', view.state.stage) ||
    !view.state.overseer ||
    view.overseerVerdictPending
  ) {
    fail('WRONG_STAGE', 'Seleksi ini tidak sedang ditinjau lembaga pengawas', 'selectionId');
  }
  requireText(args.reason, 'reason', 'Alasan permintaan');
  if (!Array.isArray(args.documents) || args.documents.length === 0 || args.documents.length > 20) {
    fail('VALIDATION_FAILED', 'Sebutkan 1–20 dokumen', 'documents');
  }
  args.documents.forEach((d, i) => requireText(d, `documents.${i}`, 'Nama dokumen', 3));
}

export function requestAdditionalDocuments(
  run: SelectionRun,
  args: RequestAdditionalDocumentsArgs,
): Promise<RecordedDecision> {
  const documents = args.documents.map((d) => d.trim());
  const overseer = run.state.overseer!;
  // The list goes in the recorded reason too, so the round's decisions show what is asked.
  return run.commit(
    'DOCUMENTS_REQUESTED',
    args.actor,
    `${args.reason.trim()} — Dokumen: ${documents.join('; ')}`,
    null,
    {
      subject: overseer.subject,
      round: overseer.round,
      documents,
    },
  );
}
