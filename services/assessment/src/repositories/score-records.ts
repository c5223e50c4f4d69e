import type { ScoreRecordDto, ScoreKind } from '@seleksi/domain';
import { replaceById, findEachEqual } from '@seleksi/kit';
import { toActor, type AssessmentModels, type ScoreRecordDoc } from '../models';
import { compareScoreRecords } from '../score-order';

export interface ScoreRecordFilter {
  selectionId?: string;
  applicationId?: string;
  candidateIds?: string[];
  kind?: ScoreKind;
  memberId?: string;
}

function toDto(doc: ScoreRecordDoc): ScoreRecordDto {
  return {
    id: doc._id,
    selectionId: doc.selectionId,
    applicationId: doc.applicationId,
    candidateId: doc.candidateId,
    kind: doc.kind,
    memberId: doc.memberId ?? null,
    round: doc.round,
    value: doc.value,
    components: doc.components ? { ...doc.components } : null,
    note: doc.note ?? null,
    recordedBy: toActor(doc.recordedBy),
    recordedAt: doc.recordedAt.toISOString(),
  };
}

export function createScoreRecordRepository({ ScoreRecord }: AssessmentModels) {
  return {
    /** Upsert by id (the whole record is replaced; last write wins). */
    async put(dto: ScoreRecordDto): Promise<ScoreRecordDto> {
      const { id, ...rest } = dto;
      const doc: Omit<ScoreRecordDoc, '_id'> = {
        ...rest,
        memberId: rest.memberId ?? null,
        components: rest.components ?? null,
        note: rest.note ?? null,
        recordedBy: toActor(rest.recordedBy),
        recordedAt: new Date(rest.recordedAt),
        updatedAt: new Date(),
      };
      await replaceById(ScoreRecord, id, doc);
      return toDto({ ...doc, _id: id });
    },

    /** Sorted by applicationId, kind, memberId (null first), round. */
    async list(filter: ScoreRecordFilter): Promise<ScoreRecordDto[]> {
      const query: Record<string, unknown> = {};
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.applicationId) query.applicationId = filter.applicationId;
      if (filter.kind) query.kind = filter.kind;
      if (filter.memberId) query.memberId = filter.memberId;
      const docs = filter.candidateIds
        ? await findEachEqual<ScoreRecordDoc>(ScoreRecord, 'candidateId', filter.candidateIds, query)
        : await ScoreRecord.find(query).lean<ScoreRecordDoc[]>();
      return docs.map(toDto).sort(compareScoreRecords);
    },
  };
}
export type ScoreRecordRepository = ReturnType<typeof createScoreRecordRepository>;
