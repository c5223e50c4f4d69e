import { DomainError, type RuleSetVersionDto } from '@seleksi/domain';
import { isDuplicateKeyError } from '@seleksi/kit';
import { compoundId, toActor, type CandidateModels, type RuleSetVersionDoc } from '../models';

function toDto(doc: RuleSetVersionDoc): RuleSetVersionDto {
  return {
    scope: doc.scope,
    revision: doc.revision,
    rules: doc.rules,
    changedBy: toActor(doc.changedBy),
    changedAt: doc.changedAt.toISOString(),
    reason: doc.reason,
  };
}

/** Versions of the stored default selection rules, per scope (national or an agency): append-only. */
export function createRuleSetRepository({ RuleSetVersion }: CandidateModels) {
  return {
    /** Newest first (a scope changes its defaults a few times a year: unpaginated, capped). */
    async list(scope: string, limit = 200): Promise<RuleSetVersionDto[]> {
      const docs = await RuleSetVersion.find({ scope }).sort({ revision: -1 }).limit(limit).lean<RuleSetVersionDoc[]>();
      return docs.map(toDto);
    },

    /**
     * Adds `revision` of the scope. CONFLICT when it exists (someone saved meanwhile: read again and
     * decide), or when it is not the next one, so no revision is skipped.
     */
    async append(dto: RuleSetVersionDto): Promise<RuleSetVersionDto> {
      const latest = await RuleSetVersion.findOne({ scope: dto.scope })
        .sort({ revision: -1 })
        .lean<RuleSetVersionDoc>();
      const expected = (latest?.revision ?? 0) + 1;
      if (dto.revision !== expected) {
        throw new DomainError(
          'CONFLICT',
          `Aturan bawaan telah diubah orang lain (revisi ${expected - 1}); muat ulang lalu simpan kembali`,
          'revision',
        );
      }
      const doc: RuleSetVersionDoc = {
        _id: compoundId(dto.scope, String(dto.revision)),
        scope: dto.scope,
        revision: dto.revision,
        rules: dto.rules,
        changedBy: dto.changedBy,
        changedAt: new Date(dto.changedAt),
        reason: dto.reason,
      };
      try {
        await RuleSetVersion.collection.insertOne(doc as never);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw new DomainError(
          'CONFLICT',
          `Aturan bawaan telah diubah orang lain (revisi ${dto.revision}); muat ulang lalu simpan kembali`,
          'revision',
        );
      }
      return toDto(doc);
    },
  };
}
export type RuleSetRepository = ReturnType<typeof createRuleSetRepository>;
