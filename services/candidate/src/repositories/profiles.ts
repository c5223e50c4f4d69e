import { DomainError, parseNip, type ProfileDto } from '@seleksi/domain';
import { isDuplicateKeyError, replaceById } from '@seleksi/kit';
import type { CandidateModels, ProfileDoc } from '../models';

function toDto(doc: ProfileDoc): ProfileDto {
  const dto: ProfileDto = {
    id: doc._id,
    nip: doc.nip,
    name: doc.name,
    rank: doc.rank,
    agencyCode: doc.agencyCode,
    education: doc.education,
    careers: doc.careers.map((c) => ({
      position: c.position,
      positionKind: c.positionKind,
      unit: c.unit,
      agencyCode: c.agencyCode,
      from: c.from,
      to: c.to ?? null,
      ...(c.fields ? { fields: [...c.fields] } : {}),
    })),
    skp: doc.skp.map((s) => ({ year: s.year, predicate: s.predicate })),
    lhkpnFiled: doc.lhkpnFiled,
    disciplinarySanction: doc.disciplinarySanction,
  };
  if (doc.educationMajor) dto.educationMajor = doc.educationMajor;
  return dto;
}

const nipTaken = () => new DomainError('CONFLICT', 'NIP sudah terdaftar pada profil lain', 'nip');

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function createProfileRepository({ Profile }: CandidateModels) {
  return {
    /** Validates the NIP (INVALID_NIP on field `nip`, nothing stored) and keeps it unique across profiles. */
    async upsert(input: ProfileDto): Promise<ProfileDto> {
      const { nip } = parseNip(input.nip, todayUtc());
      const dto: ProfileDto = { ...input, nip };
      // Checked before writing: FerretDB reports a unique violation on update as an internal error.
      if (await Profile.exists({ nip, _id: { $ne: dto.id } })) throw nipTaken();
      const { id, ...rest } = dto;
      try {
        await replaceById(Profile, id, { ...rest, updatedAt: new Date() });
      } catch (err) {
        if (isDuplicateKeyError(err)) throw nipTaken();
        throw err;
      }
      return dto;
    },

    async get(id: string): Promise<ProfileDto | null> {
      const doc = await Profile.findById(id).lean<ProfileDoc>();
      return doc ? toDto(doc) : null;
    },

    async getByNip(nip: string): Promise<ProfileDto | null> {
      const doc = await Profile.findOne({ nip: nip.replace(/\s+/g, '') }).lean<ProfileDoc>();
      return doc ? toDto(doc) : null;
    },

    /** In the order of `ids`, null where unknown. */
    async getMany(ids: string[]): Promise<(ProfileDto | null)[]> {
      const docs = await Profile.find({ _id: { $in: ids } }).lean<ProfileDoc[]>();
      const byId = new Map(docs.map((d) => [d._id, toDto(d)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
