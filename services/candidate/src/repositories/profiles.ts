import {
  DomainError,
  EMPLOYEE_BUCKETS,
  employeeBucket,
  parseNip,
  type ProfileDto,
  type TalentInputDto,
} from '@seleksi/domain';
import {
  bulkReplaceById,
  decodeCursor,
  encodeCursor,
  isDuplicateKeyError,
  replaceById,
  type Page,
  findEachEqual,
} from '@seleksi/kit';
import { z } from 'zod';
import type { CandidateModels, ProfileDoc } from '../models';

/** The stored profile as its DTO (keys always in one order). */
export function profileToDto(doc: ProfileDoc): ProfileDto {
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
  if (doc.rankSince) dto.rankSince = doc.rankSince;
  if (doc.trainings?.length) dto.trainings = [...doc.trainings];
  if (doc.developmentHours?.length)
    dto.developmentHours = doc.developmentHours.map((h) => ({ year: h.year, hours: h.hours }));
  if (doc.sanctions?.length) dto.sanctions = doc.sanctions.map((x) => ({ level: x.level, since: x.since }));
  if (doc.educationMajor) dto.educationMajor = doc.educationMajor;
  if (doc.email) dto.email = doc.email;
  return dto;
}

/** Same stored data (the DTO builds keys in one order, so equal JSON means equal profiles). */
export function sameProfile(a: ProfileDoc, b: ProfileDoc): boolean {
  return JSON.stringify(profileToDto(a)) === JSON.stringify(profileToDto(b));
}

const nipTaken = (field = 'nip') => new DomainError('CONFLICT', 'NIP sudah terdaftar pada profil lain', field);

/**
 * Cursor of the profiles of an agency: the slot to read next and the last id already returned from it
 * (null: none). `{ i }` alone is a cursor from before the slots (last id in plain id order).
 */
const cursorSchema = z.union([
  z.object({ b: z.number().int().min(0).max(EMPLOYEE_BUCKETS), i: z.string().nullable() }),
  z.object({ i: z.string() }),
]);

/** Slots read at once while filling a page. */
const SLOTS_PER_READ = 4;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function createProfileRepository({ Profile }: CandidateModels) {
  /** Pages from a cursor of the id-ordered listing (before slots): reads the agency for each page. */
  async function listByAgencyInIdOrder(agencyCode: string, limit: number, afterId: string): Promise<Page<ProfileDto>> {
    const docs = await Profile.find({ agencyCode, _id: { $gt: afterId } })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<ProfileDoc[]>();
    const page = docs.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(profileToDto),
      nextCursor: docs.length > limit && last ? encodeCursor({ i: last._id }) : null,
    };
  }

  return {
    /** Validates the NIP (INVALID_NIP on field `nip`, nothing stored) and keeps it unique across profiles. */
    async upsert(input: ProfileDto): Promise<ProfileDto> {
      const { nip } = parseNip(input.nip, todayUtc());
      const dto: ProfileDto = { ...input, nip };
      // Checked before writing: FerretDB reports a unique violation on update as an internal error.
      if (await Profile.exists({ nip, _id: { $ne: dto.id } })) throw nipTaken();
      const { id, ...rest } = dto;
      try {
        await replaceById(Profile, id, { ...rest, updatedAt: new Date(), mapBucket: employeeBucket(id) });
      } catch (err) {
        if (isDuplicateKeyError(err)) throw nipTaken();
        throw err;
      }
      return dto;
    },

    async get(id: string): Promise<ProfileDto | null> {
      const doc = await Profile.findById(id).lean<ProfileDoc>();
      return doc ? profileToDto(doc) : null;
    },

    async getByNip(nip: string): Promise<ProfileDto | null> {
      const doc = await Profile.findOne({ nip: nip.replace(/\s+/g, '') }).lean<ProfileDoc>();
      return doc ? profileToDto(doc) : null;
    },

    /**
     * Stores up to a batch of profiles at once (seeding, benchmarks), with the checks of `upsert`:
     * fields are `items.N.…`, and nothing is written when a check fails. New profiles go in one
     * insert, changed ones are replaced by id, unchanged ones keep their `updatedAt` and cost a read
     * (`bulkReplaceById`), so the same batch again changes nothing. Returns how many were upserted.
     */
    async upsertMany(inputs: ProfileDto[]): Promise<number> {
      const today = todayUtc();
      const ids = new Set<string>();
      const nips = new Set<string>();
      const dtos = inputs.map((input, i): ProfileDto => {
        let nip: string;
        try {
          nip = parseNip(input.nip, today).nip;
        } catch (err) {
          if (err instanceof DomainError) throw new DomainError(err.code, err.message, `items.${i}.nip`);
          throw err;
        }
        if (ids.has(input.id)) throw new DomainError('VALIDATION_FAILED', 'Duplicate id in the batch', `items.${i}.id`);
        if (nips.has(nip)) throw nipTaken(`items.${i}.nip`);
        ids.add(input.id);
        nips.add(nip);
        return { ...input, nip };
      });
      const owners = await findEachEqual<Pick<ProfileDoc, '_id' | 'nip'>>(
        Profile,
        'nip',
        [...nips],
        {},
        { _id: 1, nip: 1 },
      );
      const ownerOf = new Map(owners.map((o) => [o.nip, o._id]));
      for (const [i, dto] of dtos.entries()) {
        const owner = ownerOf.get(dto.nip);
        if (owner !== undefined && owner !== dto.id) throw nipTaken(`items.${i}.nip`);
      }
      const updatedAt = new Date();
      try {
        return await bulkReplaceById(
          Profile,
          dtos.map(({ id, ...rest }) => ({ ...rest, _id: id, updatedAt, mapBucket: employeeBucket(id) })),
          { same: (stored, next) => sameProfile(stored, next as ProfileDoc) },
        );
      } catch (err) {
        // A NIP taken by a concurrent writer after the check above.
        if (isDuplicateKeyError(err)) throw nipTaken('items');
        throw err;
      }
    },

    /**
     * The profiles of an agency, slot by slot (`employeeBucket`) and by id within a slot; `after` is the
     * previous page's `nextCursor`. Each slot is one indexed equality lookup, so a page costs the same at
     * 1,000 employees as at 100,000.
     */
    async listByAgency(agencyCode: string, limit: number, after?: string): Promise<Page<ProfileDto>> {
      const cursor = after ? decodeCursor(after, cursorSchema) : { b: 0, i: null };
      if (!('b' in cursor)) return listByAgencyInIdOrder(agencyCode, limit, cursor.i);
      const items: ProfileDoc[] = [];
      let b = cursor.b;
      let skipUpTo = cursor.i;
      while (b < EMPLOYEE_BUCKETS) {
        const slots = Array.from({ length: Math.min(SLOTS_PER_READ, EMPLOYEE_BUCKETS - b) }, (_, k) => b + k);
        const read = await Promise.all(
          slots.map((slot) => Profile.find({ agencyCode, mapBucket: slot }).lean<ProfileDoc[]>().exec()),
        );
        for (const docs of read) {
          docs.sort((x, y) => (x._id < y._id ? -1 : x._id > y._id ? 1 : 0));
          const rest = skipUpTo === null ? docs : docs.filter((d) => d._id > skipUpTo!);
          skipUpTo = null;
          const room = limit - items.length;
          // A full page ends where the next profile is: in this slot, or the next non-empty one (looked ahead
          // so that the last page has no cursor).
          if (room === 0 && rest.length > 0)
            return { items: items.map(profileToDto), nextCursor: encodeCursor({ b, i: null }) };
          if (rest.length > room) {
            items.push(...rest.slice(0, room));
            return { items: items.map(profileToDto), nextCursor: encodeCursor({ b, i: items.at(-1)!._id }) };
          }
          items.push(...rest);
          b++;
        }
      }
      return { items: items.map(profileToDto), nextCursor: null };
    },

    /**
     * The mapping inputs (id, SKP) of the agency's profiles in whole slots from `fromSlot` (before `toSlot`),
     * until at least `limit` are read; `nextSlot` is the first slot not read (null at `toSlot`). A slot is one
     * indexed equality, so a page costs the same at any agency size, and the slot is the whole cursor.
     */
    async talentInputs(
      agencyCode: string,
      fromSlot: number,
      toSlot: number,
      limit: number,
    ): Promise<{ items: TalentInputDto[]; nextSlot: number | null }> {
      const items: TalentInputDto[] = [];
      let b = fromSlot;
      while (b < toSlot && items.length < limit) {
        const slots = Array.from({ length: Math.min(SLOTS_PER_READ, toSlot - b) }, (_, k) => b + k);
        const read = await Promise.all(
          slots.map((slot) =>
            Profile.find({ agencyCode, mapBucket: slot }, { _id: 1, skp: 1 })
              .lean<Pick<ProfileDoc, '_id' | 'skp'>[]>()
              .exec(),
          ),
        );
        for (const docs of read) {
          for (const d of docs)
            items.push({ id: d._id, skp: d.skp.map((x) => ({ year: x.year, predicate: x.predicate })) });
          b++;
          if (items.length >= limit) break;
        }
      }
      return { items, nextSlot: b < toSlot ? b : null };
    },

    /** Gives profiles stored before `mapBucket` existed their slot (at start; a no-op once done). */
    async backfillMapBuckets(): Promise<number> {
      const missing = await Profile.find({ mapBucket: { $exists: false } }, { _id: 1 }).lean<{ _id: string }[]>();
      for (const { _id } of missing) await Profile.updateOne({ _id }, { $set: { mapBucket: employeeBucket(_id) } });
      return missing.length;
    },

    countByAgency(agencyCode: string): Promise<number> {
      return Profile.countDocuments({ agencyCode });
    },

    /** In the order of `ids`, null where unknown. */
    async getMany(ids: string[]): Promise<(ProfileDto | null)[]> {
      const docs = await findEachEqual<ProfileDoc>(Profile, '_id', ids);
      const byId = new Map(docs.map((d) => [d._id, profileToDto(d)]));
      return ids.map((id) => byId.get(id) ?? null);
    },
  };
}
export type ProfileRepository = ReturnType<typeof createProfileRepository>;
