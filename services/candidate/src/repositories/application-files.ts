import { createHash } from 'node:crypto';
import { applicationId, DomainError, type ApplicationFileDto, type StoreApplicationFileRequest } from '@seleksi/domain';
import { asBuffer, isDuplicateKeyError, findEachEqual } from '@seleksi/kit';
import type { ApplicationFileDoc, CandidateModels } from '../models';

/** Metadata only: list and get never load the bytes. */
const META = { bytes: 0 } as const;

function toDto(doc: Omit<ApplicationFileDoc, 'bytes'>): ApplicationFileDto {
  return {
    id: doc._id,
    candidateId: doc.candidateId,
    selectionId: doc.selectionId,
    vacancyId: doc.vacancyId,
    applicationId: doc.applicationId,
    kind: doc.kind,
    fileName: doc.fileName,
    contentType: doc.contentType,
    sizeBytes: doc.sizeBytes,
    sha256: doc.sha256,
    uploadedAt: doc.uploadedAt.toISOString(),
    linkedAt: doc.linkedAt ? doc.linkedAt.toISOString() : null,
  };
}

/** The file id: a digest of (candidate, vacancy, kind, sha256), so a retry finds the file it stored. */
export function applicationFileId(candidateId: string, vacancyId: string, kind: string, sha256: string): string {
  const key = JSON.stringify([candidateId, vacancyId, kind, sha256]);
  return `af-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

function newDoc(req: StoreApplicationFileRequest, bytes: Buffer): ApplicationFileDoc {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    _id: applicationFileId(req.candidateId, req.vacancyId, req.kind, sha256),
    candidateId: req.candidateId,
    selectionId: req.selectionId,
    vacancyId: req.vacancyId,
    applicationId: applicationId(req.vacancyId, req.candidateId),
    kind: req.kind,
    fileName: req.fileName,
    contentType: 'application/pdf',
    sizeBytes: bytes.length,
    sha256,
    bytes,
    uploadedAt: new Date(),
    linkedAt: null,
  };
}

export function createApplicationFileRepository({ ApplicationFile }: CandidateModels) {
  /** The stored file a duplicate insert ran into. */
  const winner = async (fileId: string, err?: unknown): Promise<ApplicationFileDto> => {
    const doc = await ApplicationFile.findById(fileId, META).lean<ApplicationFileDoc>();
    if (!doc) throw err ?? new Error(`application file ${fileId} refused as a duplicate but not found`);
    return toDto(doc);
  };
  /**
   * The files `ids` (metadata), each of application `appId`: NOT_FOUND or CONFLICT otherwise. `_id` lookups
   * side by side: a few files per application, and `$in` alone is a scan on FerretDB.
   */
  const filesOf = async (appId: string, ids: readonly string[]): Promise<ApplicationFileDoc[]> => {
    const docs = await Promise.all(ids.map((id) => ApplicationFile.findById(id, META).lean<ApplicationFileDoc>()));
    return docs.map((d) => {
      if (!d) throw new DomainError('NOT_FOUND', 'Berkas lamaran tidak ditemukan', 'ids');
      if (d.applicationId !== appId) throw new DomainError('CONFLICT', 'Berkas milik lamaran lain', 'ids');
      return d;
    });
  };
  return {
    /** Stores the file once; `created` is false when the same file of that kind was already stored. */
    async store(
      req: StoreApplicationFileRequest,
      bytes: Buffer,
    ): Promise<{ file: ApplicationFileDto; created: boolean }> {
      const doc = newDoc(req, bytes);
      // Insert first, read only on a duplicate (a resend): a new file costs one round trip.
      try {
        await ApplicationFile.collection.insertOne(doc as never);
        return { file: toDto(doc), created: true };
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        return { file: await winner(doc._id, err), created: false };
      }
    },

    /**
     * `store` for several files in one unordered insert (one round trip for new files); those
     * refused as duplicates (already stored, or the same file twice) are read back, as `store` does.
     */
    async storeMany(
      items: readonly { meta: StoreApplicationFileRequest; bytes: Buffer }[],
    ): Promise<{ file: ApplicationFileDto; created: boolean }[]> {
      const docs = items.map(({ meta, bytes }) => newDoc(meta, bytes));
      let refused = new Set<number>();
      try {
        await ApplicationFile.collection.insertMany(docs as never[], { ordered: false });
      } catch (err) {
        const e = err as { writeErrors?: { index?: unknown; err?: { index?: unknown } }[] };
        if (!Array.isArray(e.writeErrors) || e.writeErrors.length === 0) throw err;
        if (!e.writeErrors.every((w) => isDuplicateKeyError(w))) throw err;
        const indexes = e.writeErrors.map((w) => w.index ?? w.err?.index);
        // Without the positions (another driver's error shape), reading every file back is still correct.
        refused = new Set(indexes.every((i) => typeof i === 'number') ? (indexes as number[]) : docs.keys());
      }
      return Promise.all(
        docs.map(async (doc, i) =>
          refused.has(i) ? { file: await winner(doc._id), created: false } : { file: toDto(doc), created: true },
        ),
      );
    },

    async get(id: string): Promise<ApplicationFileDto | null> {
      const doc = await ApplicationFile.findById(id, META).lean<ApplicationFileDoc>();
      return doc ? toDto(doc) : null;
    },

    async content(id: string): Promise<{ file: ApplicationFileDto; bytes: Buffer } | null> {
      const doc = await ApplicationFile.findById(id).lean<ApplicationFileDoc>();
      if (!doc) return null;
      return { file: toDto(doc), bytes: asBuffer(doc.bytes) };
    },

    /** The linked files of these applications, by application, then upload time. */
    async listLinked(applicationIds: string[]): Promise<ApplicationFileDto[]> {
      const docs = await findEachEqual<ApplicationFileDoc>(
        ApplicationFile,
        'applicationId',
        applicationIds,
        { linkedAt: { $ne: null } },
        META,
      );
      const order = new Map(applicationIds.map((id, i) => [id, i]));
      return docs
        .map(toDto)
        .sort(
          (a, b) =>
            order.get(a.applicationId)! - order.get(b.applicationId)! ||
            a.uploadedAt.localeCompare(b.uploadedAt) ||
            a.id.localeCompare(b.id),
        );
    },

    /** Links the files to their application once it was submitted; CONFLICT for a file of another application. */
    async link(appId: string, ids: string[]): Promise<ApplicationFileDto[]> {
      const docs = await filesOf(appId, [...new Set(ids)]);
      const now = new Date();
      return Promise.all(
        docs.map(async (d) => {
          if (d.linkedAt) return toDto(d);
          const { modifiedCount } = await ApplicationFile.updateOne(
            { _id: d._id, linkedAt: null },
            { $set: { linkedAt: now } },
          );
          if (modifiedCount === 1) return toDto({ ...d, linkedAt: now });
          // A concurrent retry linked it first: its time is the one recorded.
          return toDto((await ApplicationFile.findById(d._id, META).lean<ApplicationFileDoc>()) ?? d);
        }),
      );
    },

    /**
     * The apply path's link (nothing to answer): the application's unlinked files among `ids` in one
     * update (found by the indexed application id, a few files each); only when fewer were updated is each
     * file read, to tell "already linked" (a retry) from NOT_FOUND or CONFLICT.
     */
    async linkSubmitted(appId: string, ids: readonly string[]): Promise<void> {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return;
      const { modifiedCount } = await ApplicationFile.updateMany(
        { applicationId: appId, linkedAt: null, _id: { $in: unique } },
        { $set: { linkedAt: new Date() } },
      );
      if (modifiedCount === unique.length) return;
      await filesOf(appId, unique);
    },

    /** Removes a file that never got linked (its application was refused); linked files are kept. */
    async discardUnlinked(id: string): Promise<boolean> {
      const { deletedCount } = await ApplicationFile.deleteOne({ _id: id, linkedAt: null });
      return deletedCount > 0;
    },
  };
}
export type ApplicationFileRepository = ReturnType<typeof createApplicationFileRepository>;
