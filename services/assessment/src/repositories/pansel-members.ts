import { replaceById, type PanselMemberDto } from '@seleksi/kit';
import type { AssessmentModels, PanselMemberDoc } from '../models';

function toDto(doc: PanselMemberDoc): PanselMemberDto {
  return {
    id: doc._id,
    userId: doc.userId ?? null,
    name: doc.name,
    institution: doc.institution,
    internal: doc.internal,
    partyMember: doc.partyMember,
    // Optional: only when stored.
    ...(typeof doc.bknOfficial === 'boolean' ? { bknOfficial: doc.bknOfficial } : {}),
    selectionIds: doc.selectionIds,
  };
}

export function createPanselMemberRepository({ PanselMember }: AssessmentModels) {
  return {
    async upsert(dto: PanselMemberDto): Promise<PanselMemberDto> {
      const { id, ...rest } = dto;
      await replaceById(PanselMember, id, { ...rest, userId: rest.userId ?? null, updatedAt: new Date() });
      return { ...dto, userId: dto.userId ?? null };
    },

    async get(id: string): Promise<PanselMemberDto | null> {
      const doc = await PanselMember.findById(id).lean<PanselMemberDoc>();
      return doc ? toDto(doc) : null;
    },

    /** Members of a selection, ordered by id. */
    async listBySelection(selectionId: string): Promise<PanselMemberDto[]> {
      const docs = await PanselMember.find({ selectionIds: selectionId }).sort({ _id: 1 }).lean<PanselMemberDoc[]>();
      return docs.map(toDto);
    },
  };
}
export type PanselMemberRepository = ReturnType<typeof createPanselMemberRepository>;
