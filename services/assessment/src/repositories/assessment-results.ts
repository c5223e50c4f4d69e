import { replaceById, type AssessmentResultDto } from '@seleksi/kit';
import type { AssessmentModels, AssessmentResultDoc } from '../models';

function toDto(doc: AssessmentResultDoc): AssessmentResultDto {
  const { _id, candidateId, provider, assessedAt, managerial, socioCultural, validUntil } = doc;
  return { id: _id, candidateId, provider, assessedAt, managerial, socioCultural, validUntil };
}

export function createAssessmentResultRepository({ AssessmentResult }: AssessmentModels) {
  return {
    async upsert(dto: AssessmentResultDto): Promise<AssessmentResultDto> {
      const { id, ...rest } = dto;
      await replaceById(AssessmentResult, id, { ...rest, updatedAt: new Date() });
      return dto;
    },

    async get(id: string): Promise<AssessmentResultDto | null> {
      const doc = await AssessmentResult.findById(id).lean<AssessmentResultDoc>();
      return doc ? toDto(doc) : null;
    },

    /** Newest assessment first. */
    async listByCandidate(candidateId: string): Promise<AssessmentResultDto[]> {
      const docs = await AssessmentResult.find({ candidateId })
        .sort({ assessedAt: -1, _id: 1 })
        .lean<AssessmentResultDoc[]>();
      return docs.map(toDto);
    },
  };
}
export type AssessmentResultRepository = ReturnType<typeof createAssessmentResultRepository>;
