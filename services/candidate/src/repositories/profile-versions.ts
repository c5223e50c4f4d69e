import type { Actor, ProfileChangeDto, ProfileDto, ProfileVersionDto } from '@seleksi/domain';
import { insertManyIgnoringDuplicates } from '@seleksi/kit';
import type { CandidateModels, ImportSource, ProfileDoc, ProfileVersionDoc } from '../models';
import type { ProfileChangeDoc } from '../models/profile-version';
import { profileToDto } from './profiles';

/** The collection the import kept its versions in before the one history (moved at start-up). */
export const LEGACY_IMPORT_VERSIONS = 'profileImportVersions';
const MIGRATION_BATCH = 500;

/** An import as the change that wrote or replaced a profile. */
export function importChange(s: ImportSource): ProfileChangeDoc {
  return {
    kind: 'IMPORT',
    id: s.importId,
    fileName: s.fileName,
    reason: null,
    byUserId: s.byUserId,
    byName: s.byName,
    at: new Date(s.at),
  };
}

/** A stored profile (as an import or a decision found it) as its version. */
export function profileVersion(
  id: string,
  previous: ProfileDto,
  previousSource: ProfileChangeDoc | null,
  replacedBy: ProfileChangeDoc,
): ProfileVersionDoc {
  return {
    _id: id,
    profileId: previous.id,
    agencyCode: previous.agencyCode,
    previous,
    previousSource,
    replacedBy,
    replacedAt: replacedBy.at,
  };
}

const changeDto = (c: ProfileChangeDoc): ProfileChangeDto => ({
  kind: c.kind,
  id: c.id,
  fileName: c.fileName ?? null,
  reason: c.reason ?? null,
  byUserId: c.byUserId,
  byName: c.byName,
  at: new Date(c.at).toISOString(),
});

/** The import's own shape, kept in `profileImportVersions` before the one history. */
interface LegacyImportVersion {
  _id: string;
  previous: Omit<ProfileDoc, 'importedFrom' | 'mapBucket'>;
  previousSource: ImportSource | null;
  replacedBy: ImportSource;
}

/** The dispute queue's own shape, kept in `profileVersions` before the one history. */
interface LegacyDisputeVersion {
  _id: string;
  profile: ProfileDto;
  replacedBy: Actor;
  replacedAt: Date;
  reason: string | null;
  source: { kind: string; id: string };
}

function fromLegacyImport(d: LegacyImportVersion): ProfileVersionDoc {
  return profileVersion(
    d._id,
    profileToDto(d.previous as ProfileDoc),
    d.previousSource ? importChange(d.previousSource) : null,
    importChange(d.replacedBy),
  );
}

function fromLegacyDispute(d: LegacyDisputeVersion): ProfileVersionDoc {
  return profileVersion(d._id, d.profile, null, {
    kind: 'PROFILE_DISPUTE',
    id: d.source.id,
    fileName: null,
    reason: d.reason ?? null,
    byUserId: d.replacedBy.userId,
    byName: d.replacedBy.displayName ?? d.replacedBy.userId,
    at: new Date(d.replacedAt),
  });
}

/**
 * The one history of profiles' previous versions, written by the import's commit and by accepted dispute
 * decisions, read newest first by an index on (profileId, replacedAt).
 */
export function createProfileVersionRepository({ ProfileVersion }: CandidateModels) {
  return {
    /** Stores each version once: a retried commit or decision finds its own and moves on. */
    async record(versions: ProfileVersionDoc[]): Promise<void> {
      await insertManyIgnoringDuplicates(ProfileVersion, versions);
    },

    async list(profileId: string): Promise<ProfileVersionDto[]> {
      const docs = await ProfileVersion.find({ profileId }).sort({ replacedAt: -1 }).lean<ProfileVersionDoc[]>();
      return docs.map((d) => ({
        id: d._id,
        profileId: d.profileId,
        previous: d.previous,
        previousSource: d.previousSource ? changeDto(d.previousSource) : null,
        replacedBy: changeDto(d.replacedBy),
      }));
    },

    /**
     * Start-up: brings the versions kept before the one history into it. Idempotent (each version keeps its
     * `_id`; a batch copied again is a no-op, and a legacy document is deleted only once copied), so a crash
     * midway or two services starting at once leave the same result.
     */
    async migrateLegacy(): Promise<{ imports: number; disputes: number }> {
      let disputes = 0;
      for (;;) {
        const batch = await ProfileVersion.collection
          .find({ profile: { $exists: true } })
          .limit(MIGRATION_BATCH)
          .toArray();
        if (batch.length === 0) break;
        for (const d of batch as unknown as LegacyDisputeVersion[])
          await ProfileVersion.collection.replaceOne({ _id: d._id } as never, fromLegacyDispute(d) as never);
        disputes += batch.length;
      }
      const legacy = ProfileVersion.db.collection<LegacyImportVersion>(LEGACY_IMPORT_VERSIONS);
      let imports = 0;
      for (;;) {
        const batch = await legacy.find({}).limit(MIGRATION_BATCH).toArray();
        if (batch.length === 0) break;
        await insertManyIgnoringDuplicates(ProfileVersion, batch.map(fromLegacyImport));
        await legacy.deleteMany({ _id: { $in: batch.map((d) => d._id) } });
        imports += batch.length;
      }
      return { imports, disputes };
    },
  };
}
export type ProfileVersionRepository = ReturnType<typeof createProfileVersionRepository>;
