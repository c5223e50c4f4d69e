import type { AgencyDto } from '@seleksi/domain';
import { replaceById } from '@seleksi/kit';
import type { AgencyDoc, CandidateModels } from '../models';

function toDto(doc: AgencyDoc): AgencyDto {
  const { _id, name, address, city, province, timeZone, kind } = doc;
  return { code: _id, name, address, city, province, timeZone, kind };
}

export function createAgencyRepository({ Agency }: CandidateModels) {
  return {
    async upsert(dto: AgencyDto): Promise<AgencyDto> {
      const { code, ...rest } = dto;
      await replaceById(Agency, code, { ...rest, updatedAt: new Date() });
      return dto;
    },

    async get(code: string): Promise<AgencyDto | null> {
      const doc = await Agency.findById(code).lean<AgencyDoc>();
      return doc ? toDto(doc) : null;
    },
  };
}
export type AgencyRepository = ReturnType<typeof createAgencyRepository>;
