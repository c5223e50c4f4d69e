import type { SuccessionGroupDto } from '@seleksi/domain';
import { replaceById } from '@seleksi/kit';
import type { AssessmentModels, SuccessionGroupDoc } from '../models';

export interface SuccessionGroupFilter {
  agencyCode: string;
  year?: number;
}

function toDto(doc: SuccessionGroupDoc): SuccessionGroupDto {
  return {
    id: doc._id,
    agencyCode: doc.agencyCode,
    year: doc.year,
    postId: doc.postId,
    postTitle: doc.postTitle,
    level: doc.level,
    members: doc.members.map(({ employeeId, order, box, score }) => ({ employeeId, order, box, score })),
    derivedFrom: doc.derivedFrom,
    publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null,
    documentId: doc.documentId ?? null,
  };
}

export function createSuccessionGroupRepository({ SuccessionGroup }: AssessmentModels) {
  return {
    /** Upsert by id (the whole group is replaced; the owning workflow is its single writer). */
    async put(dto: SuccessionGroupDto): Promise<SuccessionGroupDto> {
      const { id, ...rest } = dto;
      const doc: Omit<SuccessionGroupDoc, '_id'> = {
        ...rest,
        publishedAt: rest.publishedAt ? new Date(rest.publishedAt) : null,
        documentId: rest.documentId ?? null,
        updatedAt: new Date(),
      };
      await replaceById(SuccessionGroup, id, doc);
      return toDto({ ...doc, _id: id });
    },

    async get(id: string): Promise<SuccessionGroupDto | null> {
      const doc = await SuccessionGroup.findById(id).lean<SuccessionGroupDoc>();
      return doc ? toDto(doc) : null;
    },

    /** Newest year first, then by post. */
    async list(filter: SuccessionGroupFilter): Promise<SuccessionGroupDto[]> {
      const query: Record<string, unknown> = { agencyCode: filter.agencyCode };
      if (filter.year !== undefined) query.year = filter.year;
      const docs = await SuccessionGroup.find(query).sort({ year: -1, postId: 1 }).lean<SuccessionGroupDoc[]>();
      return docs.map(toDto);
    },
  };
}
export type SuccessionGroupRepository = ReturnType<typeof createSuccessionGroupRepository>;
