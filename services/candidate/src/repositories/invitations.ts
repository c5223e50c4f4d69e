import type { InvitationDto } from '@seleksi/domain';
import { isDuplicateKeyError } from '@seleksi/kit';
import type { CandidateModels, InvitationDoc } from '../models';

export interface InvitationFilter {
  candidateId?: string;
  selectionId?: string;
}

function toDto(doc: InvitationDoc): InvitationDto {
  return {
    id: doc._id,
    candidateId: doc.candidateId,
    selectionId: doc.selectionId,
    vacancyId: doc.vacancyId,
    reason: doc.reason,
    invitedAt: doc.invitedAt.toISOString(),
  };
}

export function createInvitationRepository(
  { Invitation }: CandidateModels,
  notices: { enqueueForInvitation(doc: InvitationDoc): Promise<unknown> },
) {
  return {
    /**
     * Records the invitation once: a repeat (a retried activity, a re-run) answers the first
     * recording with `created: false`, its `invitedAt` and reason unchanged.
     */
    async put(dto: InvitationDto): Promise<{ invitation: InvitationDto; created: boolean }> {
      const doc: InvitationDoc = {
        _id: dto.id,
        candidateId: dto.candidateId,
        selectionId: dto.selectionId,
        vacancyId: dto.vacancyId,
        reason: dto.reason,
        invitedAt: new Date(dto.invitedAt),
        recordedAt: new Date(),
      };
      try {
        await Invitation.collection.insertOne(doc as never);
        await notices.enqueueForInvitation(doc);
        return { invitation: toDto(doc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      const existing = await Invitation.findById(dto.id).lean<InvitationDoc>();
      if (!existing) throw new Error('invitation vanished after a duplicate key');
      // Also on a repeat: the first call may have stopped between the two inserts (the notice's key dedupes).
      await notices.enqueueForInvitation(existing);
      return { invitation: toDto(existing), created: false };
    },

    /** Newest first, then by id; unpaginated (a selection invites a handful of its pool's best). */
    async list(filter: InvitationFilter): Promise<InvitationDto[]> {
      const query: Record<string, unknown> = {};
      if (filter.candidateId) query.candidateId = filter.candidateId;
      if (filter.selectionId) query.selectionId = filter.selectionId;
      const docs = await Invitation.find(query).sort({ invitedAt: -1, _id: 1 }).lean<InvitationDoc[]>();
      return docs.map(toDto);
    },
  };
}
export type InvitationRepository = ReturnType<typeof createInvitationRepository>;
