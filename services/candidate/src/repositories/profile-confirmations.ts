import { randomUUID } from 'node:crypto';
import { DomainError, type ProfileConfirmationDto, type ProfileConfirmationRequest } from '@seleksi/domain';
import { replaceById, findEachEqual } from '@seleksi/kit';
import { toActor, type CandidateModels, type ProfileConfirmationDoc } from '../models';

function unconfirmed(candidateId: string): ProfileConfirmationDto {
  return { candidateId, status: 'UNCONFIRMED', note: null, fields: [], at: null, by: null };
}

function toDto(doc: ProfileConfirmationDoc): ProfileConfirmationDto {
  return {
    candidateId: doc._id,
    status: doc.status,
    note: doc.note ?? null,
    fields: [...doc.fields],
    at: doc.at.toISOString(),
    by: toActor(doc.by),
    disputeId: doc.disputeId ?? null,
    resolution: doc.resolution ?? null,
  };
}

/** The candidate's latest answer to their prefilled profile: a confirmation replaces a dispute and vice versa. */
export function createProfileConfirmationRepository({ ProfileConfirmation, Profile }: CandidateModels) {
  return {
    async get(candidateId: string): Promise<ProfileConfirmationDto> {
      const doc = await ProfileConfirmation.findById(candidateId).lean<ProfileConfirmationDoc>();
      return doc ? toDto(doc) : unconfirmed(candidateId);
    },

    /** In the order of `ids`; UNCONFIRMED where the candidate has not answered. */
    async getMany(ids: string[]): Promise<ProfileConfirmationDto[]> {
      const docs = await findEachEqual<ProfileConfirmationDoc>(ProfileConfirmation, '_id', ids);
      const byId = new Map(docs.map((d) => [d._id, toDto(d)]));
      return ids.map((id) => byId.get(id) ?? unconfirmed(id));
    },

    /** Records the answer (last write wins; only the candidate writes their own). NOT_FOUND without a profile. */
    async put(candidateId: string, req: ProfileConfirmationRequest): Promise<ProfileConfirmationDto> {
      const profile = await Profile.findById(candidateId, { agencyCode: 1 }).lean<{ agencyCode: string }>();
      if (!profile) throw new DomainError('NOT_FOUND', 'Profil tidak ditemukan');
      const disputed = req.status === 'DISPUTED';
      // Each dispute is a new one for the staff's queue; a confirmation withdraws an open dispute.
      const doc: Omit<ProfileConfirmationDoc, '_id'> = {
        status: req.status,
        note: disputed ? (req.note ?? null) : null,
        fields: disputed ? [...(req.fields ?? [])] : [],
        at: new Date(req.at),
        by: toActor(req.by),
        updatedAt: new Date(),
        disputeId: disputed ? randomUUID() : null,
        agencyCode: disputed ? profile.agencyCode : null,
        open: disputed,
        resolution: null,
      };
      await replaceById(ProfileConfirmation, candidateId, doc);
      return toDto({ ...doc, _id: candidateId });
    },
  };
}
export type ProfileConfirmationRepository = ReturnType<typeof createProfileConfirmationRepository>;
