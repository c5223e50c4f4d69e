import { createHash } from 'node:crypto';
import type { AgencyLogoDto, ImageInfo } from '@seleksi/domain';
import { asBuffer, isDuplicateKeyError } from '@seleksi/kit';
import type { DocumentModels, LogoDoc } from '../models';

export function createLogoRepository({ Logo }: DocumentModels) {
  return {
    /** Stores checked image bytes once per content; answers the reference an agency record keeps. */
    async put(bytes: Buffer, info: ImageInfo): Promise<AgencyLogoDto> {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      try {
        await Logo.create({ _id: sha256, bytes, ...info, createdAt: new Date() });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      return { sha256, ...info, bytes: bytes.length };
    },

    async bytes(sha256: string): Promise<Buffer | null> {
      const doc = await Logo.findById(sha256).lean<LogoDoc>();
      return doc ? asBuffer(doc.bytes, 'document') : null;
    },
  };
}
