import { DomainError, type ConflictDeclarationDto } from '@seleksi/domain';
import { isDuplicateKeyError, replaceById } from '@seleksi/kit';
import { toActor, type AssessmentModels, type ConflictDeclarationDoc } from '../models';

export interface ConflictFilter {
  selectionId?: string;
  memberId?: string;
  candidateId?: string;
}

function toDto(doc: ConflictDeclarationDoc): ConflictDeclarationDto {
  return {
    id: doc._id,
    selectionId: doc.selectionId,
    memberId: doc.memberId,
    candidateId: doc.candidateId,
    hasConflict: doc.hasConflict,
    reason: doc.reason ?? null,
    declaredBy: toActor(doc.declaredBy),
    declaredAt: doc.declaredAt.toISOString(),
  };
}

const taken = () =>
  new DomainError('CONFLICT', 'This member already declared about this candidate under another id', 'id');

export function createConflictDeclarationRepository({ ConflictDeclaration }: AssessmentModels) {
  return {
    /** Upsert by id; one declaration per (selection, member, candidate). */
    async put(dto: ConflictDeclarationDto): Promise<ConflictDeclarationDto> {
      const { id, ...rest } = dto;
      const key = { selectionId: dto.selectionId, memberId: dto.memberId, candidateId: dto.candidateId };
      // Checked before writing: FerretDB reports a unique violation on update as an internal error.
      if (await ConflictDeclaration.exists({ ...key, _id: { $ne: id } })) throw taken();
      const doc: Omit<ConflictDeclarationDoc, '_id'> = {
        ...rest,
        declaredBy: toActor(rest.declaredBy),
        declaredAt: new Date(rest.declaredAt),
        updatedAt: new Date(),
      };
      try {
        await replaceById(ConflictDeclaration, id, doc);
      } catch (err) {
        if (isDuplicateKeyError(err)) throw taken();
        throw err;
      }
      return toDto({ ...doc, _id: id });
    },

    /** Ordered by selectionId, memberId, candidateId. */
    async list(filter: ConflictFilter): Promise<ConflictDeclarationDto[]> {
      const query: Record<string, unknown> = {};
      if (filter.selectionId) query.selectionId = filter.selectionId;
      if (filter.memberId) query.memberId = filter.memberId;
      if (filter.candidateId) query.candidateId = filter.candidateId;
      const docs = await ConflictDeclaration.find(query)
        .sort({ selectionId: 1, memberId: 1, candidateId: 1 })
        .lean<ConflictDeclarationDoc[]>();
      return docs.map(toDto);
    },
  };
}
export type ConflictDeclarationRepository = ReturnType<typeof createConflictDeclarationRepository>;
