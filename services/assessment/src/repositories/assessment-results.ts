import { replaceById, type AssessmentResultDto, findEachEqual } from '@seleksi/kit';
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

    /** The results of many candidates, grouped in the order of `candidateIds`, each newest first. */
    async listByCandidates(candidateIds: string[]): Promise<AssessmentResultDto[]> {
      const ids = [...new Set(candidateIds)];
      const docs = await findEachEqual<AssessmentResultDoc>(AssessmentResult, 'candidateId', ids);
      docs.sort((a, b) => b.assessedAt.localeCompare(a.assessedAt) || (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
      const byCandidate = new Map<string, AssessmentResultDto[]>();
      for (const doc of docs) {
        const list = byCandidate.get(doc.candidateId) ?? [];
        list.push(toDto(doc));
        byCandidate.set(doc.candidateId, list);
      }
      return ids.flatMap((id) => byCandidate.get(id) ?? []);
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
