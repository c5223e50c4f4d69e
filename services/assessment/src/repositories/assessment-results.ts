import { employeeBucket } from '@seleksi/domain';
import { replaceById, type AssessmentResultDto, findEachEqualBySlot } from '@seleksi/kit';
import type { AssessmentModels, AssessmentResultDoc } from '../models';

export function assessmentResultToDto(doc: AssessmentResultDoc): AssessmentResultDto {
  const { _id, candidateId, provider, assessedAt, managerial, socioCultural, validUntil, potentialLevel } = doc;
  const dto: AssessmentResultDto = {
    id: _id,
    candidateId,
    provider,
    assessedAt,
    managerial,
    socioCultural,
    validUntil,
  };
  if (potentialLevel) dto.potentialLevel = potentialLevel;
  return dto;
}

export function createAssessmentResultRepository({ AssessmentResult }: AssessmentModels) {
  return {
    async upsert(dto: AssessmentResultDto): Promise<AssessmentResultDto> {
      const { id, ...rest } = dto;
      await replaceById(AssessmentResult, id, {
        ...rest,
        updatedAt: new Date(),
        candidateBucket: employeeBucket(rest.candidateId),
      });
      return dto;
    },

    /** Gives results stored before `candidateBucket` existed their slot (at start; a no-op once done). */
    async backfillCandidateBuckets(): Promise<number> {
      const missing = await AssessmentResult.find(
        { candidateBucket: { $exists: false } },
        { _id: 1, candidateId: 1 },
      ).lean<Pick<AssessmentResultDoc, '_id' | 'candidateId'>[]>();
      for (const d of missing)
        await AssessmentResult.updateOne({ _id: d._id }, { $set: { candidateBucket: employeeBucket(d.candidateId) } });
      return missing.length;
    },

    async get(id: string): Promise<AssessmentResultDto | null> {
      const doc = await AssessmentResult.findById(id).lean<AssessmentResultDoc>();
      return doc ? assessmentResultToDto(doc) : null;
    },

    /** The results of many candidates, grouped in the order of `candidateIds`, each newest first. */
    async listByCandidates(candidateIds: string[]): Promise<AssessmentResultDto[]> {
      const ids = [...new Set(candidateIds)];
      const docs = await findEachEqualBySlot<AssessmentResultDoc & Record<string, unknown>>(
        AssessmentResult,
        'candidateId',
        ids,
        { field: 'candidateBucket', of: employeeBucket },
      );
      docs.sort((a, b) => b.assessedAt.localeCompare(a.assessedAt) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
      const byCandidate = new Map<string, AssessmentResultDto[]>();
      for (const doc of docs) {
        const list = byCandidate.get(doc.candidateId) ?? [];
        list.push(assessmentResultToDto(doc));
        byCandidate.set(doc.candidateId, list);
      }
      return ids.flatMap((id) => byCandidate.get(id) ?? []);
    },

    /** Newest assessment first. */
    async listByCandidate(candidateId: string): Promise<AssessmentResultDto[]> {
      const docs = await AssessmentResult.find({ candidateId })
        .sort({ assessedAt: -1, _id: 1 })
        .lean<AssessmentResultDoc[]>();
      return docs.map(assessmentResultToDto);
    },
  };
}
export type AssessmentResultRepository = ReturnType<typeof createAssessmentResultRepository>;
