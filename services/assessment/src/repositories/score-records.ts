import { employeeBucket, type ScoreRecordDto, type ScoreKind } from '@seleksi/domain';
import { replaceById, findEachEqualBySlot } from '@seleksi/kit';
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
        candidateBucket: employeeBucket(rest.candidateId),
      };
      await replaceById(ScoreRecord, id, doc);
      return toDto({ ...doc, _id: id });
    },

    /** Gives records stored before `candidateBucket` existed their slot (at start; a no-op once done). */
    async backfillCandidateBuckets(): Promise<number> {
      const missing = await ScoreRecord.find({ candidateBucket: { $exists: false } }, { _id: 1, candidateId: 1 }).lean<
        Pick<ScoreRecordDoc, '_id' | 'candidateId'>[]
      >();
      for (const d of missing)
        await ScoreRecord.updateOne({ _id: d._id }, { $set: { candidateBucket: employeeBucket(d.candidateId) } });
      return missing.length;
    },

    /** Sorted by applicationId, kind, memberId (null first), round. */
    async list(filter: ScoreRecordFilter): Promise<ScoreRecordDto[]> {
      const query: Record<string, unknown> = {};
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.applicationId) query.applicationId = filter.applicationId;
      if (filter.kind) query.kind = filter.kind;
      if (filter.memberId) query.memberId = filter.memberId;
      const docs = filter.candidateIds
        ? await findEachEqualBySlot<ScoreRecordDoc & Record<string, unknown>>(
            ScoreRecord,
            'candidateId',
            filter.candidateIds,
            { field: 'candidateBucket', of: employeeBucket },
            query,
          )
        : await ScoreRecord.find(query).lean<ScoreRecordDoc[]>();
      return docs.map(toDto).sort(compareScoreRecords);
    },
  };
}
export type ScoreRecordRepository = ReturnType<typeof createScoreRecordRepository>;
