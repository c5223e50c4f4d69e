import { DomainError, type AuditRecordDto } from '@seleksi/domain';
import { decodeCursor, encodeCursor, isDuplicateKeyError, type Page, type RecordAuditResult } from '@seleksi/kit';
import { z } from 'zod';
import { toActor, type AuditRecordDoc, type CandidateModels } from '../models';

export interface AuditRecordFilter {
  selectionId?: string;
  subjectId?: string;
  kind?: string;
}

const cursorSchema = z.object({ a: z.iso.datetime(), i: z.string() });

function toDto(doc: AuditRecordDoc): AuditRecordDto {
  return {
    decisionId: doc._id,
    selectionId: doc.selectionId,
    workflowId: doc.workflowId,
    kind: doc.kind,
    by: toActor(doc.by),
    at: doc.at.toISOString(),
    reason: doc.reason ?? null,
    subjectId: doc.subjectId ?? null,
    payload: doc.payload ?? {},
  };
}

export function createAuditRecordRepository({ AuditRecord }: CandidateModels) {
  return {
    /**
     * Appends the decision, idempotent by decisionId: a retry (even with a recomputed `at` or
     * payload) answers the first recording with `created: false`. The same decisionId for another
     * selection, kind or subject is a CONFLICT.
     */
    async record(dto: AuditRecordDto): Promise<RecordAuditResult> {
      const doc: AuditRecordDoc = {
        _id: dto.decisionId,
        selectionId: dto.selectionId,
        workflowId: dto.workflowId,
        kind: dto.kind,
        by: toActor(dto.by),
        at: new Date(dto.at),
        reason: dto.reason,
        subjectId: dto.subjectId,
        payload: dto.payload,
        recordedAt: new Date(),
      };
      try {
        // Raw insert: stored exactly as validated (Mixed payload untouched), never updated afterwards.
        await AuditRecord.collection.insertOne(doc as never);
        return { ...toDto(doc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const existing = await AuditRecord.findById(dto.decisionId).lean<AuditRecordDoc>();
      if (!existing) throw new Error('audit record vanished after a duplicate key');
      if (
        existing.selectionId !== dto.selectionId ||
        existing.kind !== dto.kind ||
        (existing.subjectId ?? null) !== dto.subjectId
      ) {
        throw new DomainError('CONFLICT', 'decisionId is already recorded for another decision', 'decisionId');
      }
      return { ...toDto(existing), created: false };
    },

    /** Oldest first (by `at`, then decisionId); `after` is the previous page's `nextCursor`. */
    async list(filter: AuditRecordFilter, limit: number, after?: string): Promise<Page<AuditRecordDto>> {
      const query: Record<string, unknown> = {};
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.subjectId) query.subjectId = filter.subjectId;
      if (filter.kind) query.kind = filter.kind;
      if (after) {
        const { a, i } = decodeCursor(after, cursorSchema);
        const at = new Date(a);
        query.$or = [{ at: { $gt: at } }, { at, _id: { $gt: i } }];
      }
      const docs = await AuditRecord.find(query)
        .sort({ at: 1, _id: 1 })
        .limit(limit + 1)
        .lean<AuditRecordDoc[]>();
      const page = docs.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toDto),
        nextCursor: docs.length > limit && last ? encodeCursor({ a: last.at.toISOString(), i: last._id }) : null,
      };
    },
  };
}
export type AuditRecordRepository = ReturnType<typeof createAuditRecordRepository>;
