import { randomUUID } from 'node:crypto';
import {
  DomainError,
  employeeBucket,
  isValidNip,
  type CreateProfileImportRequest,
  type ImportCellError,
  type ImportCountsDto,
  type ImportedProfile,
  type ProfileImportDto,
  type ImportChunkDto,
  type ImportKind,
  type StageClassifiedChunkRequest,
  type StageImportChunkRequest,
} from '@seleksi/domain';
import { bulkReplaceById, findEachEqual, replaceById } from '@seleksi/kit';
import type {
  CandidateModels,
  ImportSource,
  ProfileDoc,
  ProfileImportChunkDoc,
  ProfileImportDoc,
  ProfileImportStagedDoc,
  ProfileVersionDoc,
  RowClass,
} from '../models';
import { importChange, profileVersion, type ProfileVersionRepository } from './profile-versions';
import { profileToDto, sameProfile } from './profiles';

/** Refusals kept on an import for its preview. */
const MAX_KEPT_ERRORS = 500;

const zero = (): ImportCountsDto => ({ new: 0, changed: 0, unchanged: 0, refused: 0 });

function toDto(d: ProfileImportDoc): ProfileImportDto {
  return {
    id: d._id,
    agencyCode: d.agencyCode,
    kind: d.kind,
    fileName: d.fileName,
    fileSha256: d.fileSha256,
    byUserId: d.byUserId,
    byName: d.byName,
    createdAt: d.createdAt.toISOString(),
    status: d.status,
    rows: d.rows,
    counts: d.counts,
    errors: d.rowErrors,
    chunkCount: d.chunkCount,
    chunksDone: d.chunksDone,
    committed: d.committed ?? null,
    committedAt: d.committedAt ? d.committedAt.toISOString() : null,
  };
}

const otherAgency = (line: number): ImportCellError => ({
  line,
  column: 'NIP',
  message: 'NIP terdaftar pada profil instansi lain; pindah instansi diproses oleh instansi asal',
});

/**
 * Imports of ASN profiles: staged in chunks for the preview (nothing written to the profiles), then
 * committed chunk by chunk by the import workflow. Every step is idempotent: a chunk staged again
 * replaces itself, a chunk committed again returns its first outcome, a profile an import changed
 * keeps its previous version once.
 */
export function createProfileImportRepository(
  { Profile, ProfileImport, ProfileImportChunk, ProfileImportStaged }: CandidateModels,
  profileVersions: ProfileVersionRepository,
) {
  async function load(id: string): Promise<ProfileImportDoc> {
    const doc = await ProfileImport.findById(id).lean<ProfileImportDoc>();
    if (!doc) throw new DomainError('NOT_FOUND', 'Impor tidak ditemukan', 'importId');
    return doc;
  }

  /** An import still staging, with chunk `n` in range (and of `kind`, when given). */
  async function stageable(importId: string, n: number, kind?: ImportKind): Promise<ProfileImportDoc> {
    const imp = await load(importId);
    if (imp.status !== 'STAGING')
      throw new DomainError('WRONG_STAGE', 'Impor ini sudah selesai dipratinjau', 'importId');
    if (n < 0 || n >= imp.chunkCount) throw new DomainError('VALIDATION_FAILED', 'Nomor bagian di luar rentang', 'n');
    if (kind && imp.kind !== kind) throw new DomainError('VALIDATION_FAILED', `Impor ini bukan impor ${kind}`, 'kind');
    return imp;
  }

  async function storeChunk(chunk: ProfileImportChunkDoc, counts: ImportCountsDto, errors: ImportCellError[]) {
    await replaceById(ProfileImportChunk, chunk._id, chunk);
    // The chunk's outcome kept apart (small), so that sealing never reads the staged rows back.
    await replaceById(ProfileImportStaged, chunk._id, {
      importId: chunk.importId,
      n: chunk.n,
      counts,
      refusals: errors.slice(0, MAX_KEPT_ERRORS),
    });
  }

  /** The stored profiles of these NIPs, by NIP (one indexed equality per NIP). */
  async function ownersOf(rows: readonly ImportedProfile[]): Promise<Map<string, ProfileDoc>> {
    const docs = await findEachEqual<ProfileDoc>(
      Profile,
      'nip',
      rows.map((r) => r.nip),
    );
    return new Map(docs.map((d) => [d.nip, d]));
  }

  function classify(row: ImportedProfile, owner: ProfileDoc | undefined, agencyCode: string): RowClass {
    if (!owner) return 'NEW';
    if (owner.agencyCode !== agencyCode) return 'REFUSED';
    return sameProfile(owner, { ...row, _id: owner._id } as ProfileDoc) ? 'UNCHANGED' : 'CHANGED';
  }

  const write = (row: ImportedProfile, id: string, source: ImportSource) => ({
    ...row,
    _id: id,
    updatedAt: source.at,
    mapBucket: employeeBucket(id),
    importedFrom: source,
  });

  function versionOf(owner: ProfileDoc, source: ImportSource): ProfileVersionDoc {
    return profileVersion(
      `${owner._id}:${source.importId}`,
      profileToDto(owner),
      owner.importedFrom ? importChange(owner.importedFrom) : null,
      importChange(source),
    );
  }

  /** The previous versions first: a crash between the two leaves versions that the retry stores again as no-ops. */
  async function store(versions: ProfileVersionDoc[], writes: ({ _id: string } & object)[]): Promise<void> {
    await profileVersions.record(versions);
    await bulkReplaceById(Profile, writes);
  }

  /** The commit as staged; null when the store moved since the preview (then `commitByNip`). */
  async function commitStaged(
    imp: ProfileImportDoc,
    chunk: ProfileImportChunkDoc,
    source: ImportSource,
  ): Promise<ImportCountsDto | null> {
    if (chunk.ids?.length !== chunk.rows.length) return null;
    const counts = zero();
    const changedIds = chunk.rows.flatMap((_r, i) => (chunk.classes[i] === 'CHANGED' ? [chunk.ids[i]!] : []));
    const owners = new Map(
      (await findEachEqual<ProfileDoc>(Profile, '_id', changedIds)).map((d) => [d._id, d] as const),
    );
    const writes: ({ _id: string } & object)[] = [];
    const versions: ProfileVersionDoc[] = [];
    for (const [i, row] of chunk.rows.entries()) {
      const cls = chunk.classes[i];
      const id = chunk.ids[i];
      if (cls === 'REFUSED' || !id) counts.refused++;
      else if (cls === 'UNCHANGED') counts.unchanged++;
      else if (cls === 'NEW') {
        writes.push(write(row, id, source));
        counts.new++;
      } else {
        const owner = owners.get(id);
        if (!owner || owner.nip !== row.nip || owner.agencyCode !== imp.agencyCode) return null;
        if (owner.importedFrom?.importId === source.importId)
          counts.changed++; // written by an earlier try
        else if (sameProfile(owner, { ...row, _id: id } as ProfileDoc)) counts.unchanged++;
        else {
          writes.push(write(row, id, source));
          versions.push(versionOf(owner, source));
          counts.changed++;
        }
      }
    }
    try {
      await store(versions, writes);
    } catch {
      // A new row's NIP stored by another writer since the preview: a duplicate key, which FerretDB reports on
      // an upserting replace as an internal error. The lookups by NIP sort it out (or fail again, and retry).
      return null;
    }
    return counts;
  }

  /** The commit by NIP lookups, whatever was staged: the profiles this import wrote already count as staged. */
  async function commitByNip(
    imp: ProfileImportDoc,
    chunk: ProfileImportChunkDoc,
    source: ImportSource,
  ): Promise<ImportCountsDto> {
    const owners = await ownersOf(chunk.rows);
    const counts = zero();
    const writes: ({ _id: string } & object)[] = [];
    const versions: ProfileVersionDoc[] = [];
    for (const [i, row] of chunk.rows.entries()) {
      const owner = owners.get(row.nip);
      if (owner?.importedFrom?.importId === source.importId) {
        const staged = chunk.classes[i];
        counts[staged === 'NEW' ? 'new' : staged === 'CHANGED' ? 'changed' : 'unchanged']++;
        continue;
      }
      const cls = classify(row, owner, imp.agencyCode);
      if (cls === 'REFUSED') counts.refused++;
      else if (cls === 'UNCHANGED') counts.unchanged++;
      else {
        const id = owner?._id ?? randomUUID();
        writes.push(write(row, id, source));
        if (owner) {
          counts.changed++;
          versions.push(versionOf(owner, source));
        } else counts.new++;
      }
    }
    await store(versions, writes);
    return counts;
  }

  return {
    async create(req: CreateProfileImportRequest): Promise<ProfileImportDto> {
      const doc: ProfileImportDoc = {
        _id: randomUUID(),
        agencyCode: req.agencyCode,
        kind: req.kind ?? 'PROFILES',
        fileName: req.fileName,
        fileSha256: req.fileSha256,
        byUserId: req.byUserId,
        byName: req.byName,
        createdAt: new Date(),
        status: 'STAGING',
        rows: req.rows,
        refusedInFile: req.refusedInFile,
        chunkCount: req.chunkCount,
        counts: { ...zero(), refused: req.refusedInFile },
        rowErrors: req.errors.slice(0, MAX_KEPT_ERRORS),
        chunksDone: 0,
        committed: null,
        committedAt: null,
      };
      await ProfileImport.create(doc);
      return toDto(doc);
    },

    /** Stages chunk `n` and classifies its rows against the stored profiles; answers its counts and refusals. */
    async stageChunk(
      importId: string,
      n: number,
      req: StageImportChunkRequest,
    ): Promise<{ counts: ImportCountsDto; errors: ImportCellError[] }> {
      const imp = await stageable(importId, n, 'PROFILES');
      for (const [i, row] of req.rows.entries()) {
        // The gateway validated the rows; a row of another agency or with a bad NIP is a caller's bug.
        if (row.agencyCode !== imp.agencyCode || !isValidNip(row.nip))
          throw new DomainError(
            'VALIDATION_FAILED',
            'Baris bukan milik instansi impor atau NIP tidak valid',
            `rows.${i}`,
          );
      }
      const owners = await ownersOf(req.rows);
      const counts = zero();
      const errors: ImportCellError[] = [];
      const ids: (string | null)[] = [];
      const classes = req.rows.map((row, i) => {
        const owner = owners.get(row.nip);
        const c = classify(row, owner, imp.agencyCode);
        // New profiles get their id now, so that a retried commit inserts the same documents again.
        ids.push(c === 'REFUSED' ? null : (owner?._id ?? randomUUID()));
        if (c === 'REFUSED') errors.push(otherAgency(req.lines[i] ?? 0));
        counts[c === 'NEW' ? 'new' : c === 'CHANGED' ? 'changed' : c === 'UNCHANGED' ? 'unchanged' : 'refused']++;
        return c;
      });
      await storeChunk(
        { _id: `${importId}:${n}`, importId, n, lines: req.lines, rows: req.rows, classes, ids, committed: null },
        counts,
        errors,
      );
      return { counts, errors };
    },

    /**
     * Stages chunk `n` of a kind other than profiles, its rows classified already by the service that owns
     * the kind's data (the assessment service).
     */
    async stageClassifiedChunk(
      importId: string,
      n: number,
      req: StageClassifiedChunkRequest,
    ): Promise<{ counts: ImportCountsDto; errors: ImportCellError[] }> {
      const imp = await stageable(importId, n);
      if (imp.kind === 'PROFILES')
        throw new DomainError('VALIDATION_FAILED', 'Profil dipratinjau oleh layanan ini sendiri', 'kind');
      const counts = zero();
      for (const c of req.classes)
        counts[c === 'NEW' ? 'new' : c === 'CHANGED' ? 'changed' : c === 'UNCHANGED' ? 'unchanged' : 'refused']++;
      const chunk = {
        _id: `${importId}:${n}`,
        importId,
        n,
        lines: req.lines,
        rows: req.rows,
        classes: req.classes,
        ids: [],
        committed: null,
      } as unknown as ProfileImportChunkDoc;
      await storeChunk(chunk, counts, req.refusals);
      return { counts, errors: req.refusals };
    },

    /** A staged chunk, for the import workflow's commit of a kind owned by another service. */
    async chunk(importId: string, n: number): Promise<ImportChunkDto> {
      const c = await ProfileImportChunk.findById(`${importId}:${n}`).lean<ProfileImportChunkDoc>();
      if (!c) throw new DomainError('NOT_FOUND', `Bagian ${n} impor tidak ditemukan`, 'n');
      return {
        importId,
        n,
        lines: c.lines,
        rows: c.rows as unknown as ImportChunkDto['rows'],
        classes: c.classes,
        committed: c.committed ?? null,
      };
    },

    /** Records a chunk committed by another service; the first outcome stays (a retry answers it). */
    async chunkCommitted(importId: string, n: number, counts: ImportCountsDto): Promise<ImportCountsDto> {
      const c = await ProfileImportChunk.findOneAndUpdate(
        { _id: `${importId}:${n}`, committed: null },
        { $set: { committed: counts } },
        { new: true },
      ).lean<ProfileImportChunkDoc>();
      await ProfileImport.updateOne({ _id: importId }, { $max: { chunksDone: n + 1 } });
      if (c?.committed) return c.committed;
      const first = await ProfileImportChunk.findById(`${importId}:${n}`).lean<ProfileImportChunkDoc>();
      return first?.committed ?? counts;
    },

    /** The agency's profiles of these NIPs (id and agency), for imports that name employees by NIP. */
    async ownersByNip(nips: readonly string[]): Promise<{ nip: string; id: string; agencyCode: string }[]> {
      const docs = await findEachEqual<ProfileDoc>(Profile, 'nip', nips, {}, { _id: 1, nip: 1, agencyCode: 1 });
      return docs.map((d) => ({ nip: d.nip, id: d._id, agencyCode: d.agencyCode }));
    },

    /** Ends staging: the preview's counts are the chunks' plus the file's refusals. */
    async seal(importId: string): Promise<ProfileImportDto> {
      const imp = await load(importId);
      if (imp.status !== 'STAGING') return toDto(imp);
      const staged = await ProfileImportStaged.find({ importId }).lean<ProfileImportStagedDoc[]>();
      if (staged.length !== imp.chunkCount)
        throw new DomainError('INCOMPLETE', `Baru ${staged.length} dari ${imp.chunkCount} bagian diterima`, 'importId');
      const counts: ImportCountsDto = { ...zero(), refused: imp.refusedInFile };
      const errors = [...imp.rowErrors];
      for (const c of staged) {
        for (const k of ['new', 'changed', 'unchanged', 'refused'] as const) counts[k] += c.counts[k];
        for (const e of c.refusals) if (errors.length < MAX_KEPT_ERRORS) errors.push(e);
      }
      errors.sort((a, b) => a.line - b.line);
      const doc = await ProfileImport.findOneAndUpdate(
        { _id: importId, status: 'STAGING' },
        { $set: { status: 'PREVIEWED', counts, rowErrors: errors } },
        { new: true },
      ).lean<ProfileImportDoc>();
      return toDto(doc ?? (await load(importId)));
    },

    async get(importId: string): Promise<ProfileImportDto | null> {
      const doc = await ProfileImport.findById(importId).lean<ProfileImportDoc>();
      return doc ? toDto(doc) : null;
    },

    /** The agency's latest imports, newest first. */
    async listByAgency(agencyCode: string, limit: number, kind?: ImportKind): Promise<ProfileImportDto[]> {
      const docs = await ProfileImport.find({ agencyCode, ...(kind ? { kind } : {}) }, { rowErrors: 0 })
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<ProfileImportDoc[]>();
      return docs.map((d) => toDto({ ...d, rowErrors: [] }));
    },

    /**
     * Marks a previewed import as being committed; answers false when it is already completed (a
     * workflow started again has nothing to do). A staging import cannot be committed.
     */
    async begin(importId: string): Promise<boolean> {
      const imp = await load(importId);
      if (imp.status === 'COMPLETED') return false;
      if (imp.status === 'STAGING') throw new DomainError('WRONG_STAGE', 'Pratinjau impor belum selesai', 'importId');
      if (imp.status === 'PREVIEWED') {
        // Another import of the agency committed since this preview: its classes may be stale, so every chunk
        // is committed by NIP lookups (against the profiles as they are now).
        // Other kinds are committed against the stored data as it is whatever happened meanwhile.
        const newer =
          imp.kind === 'PROFILES'
            ? await ProfileImport.findOne(
                { agencyCode: imp.agencyCode, status: 'COMPLETED', committedAt: { $gt: imp.createdAt } },
                { _id: 1 },
              ).lean()
            : null;
        await ProfileImport.updateOne(
          { _id: importId, status: 'PREVIEWED' },
          { $set: { status: 'COMMITTING', byNip: Boolean(newer) } },
        );
      }
      return true;
    },

    /**
     * Writes chunk `n`: new profiles inserted (with the id staged for them), changed ones replaced after their
     * previous version is stored, unchanged ones left alone (their `updatedAt` too). Only the changed rows'
     * profiles are read again (by id): a row staged as unchanged is what the user confirmed. A chunk committed
     * before answers its first outcome; one interrupted half-way is redone (the same ids make its inserts
     * replays). When the store moved since the preview (a changed profile now gone or renumbered, a new
     * row's NIP taken meanwhile) the chunk is committed by NIP lookups instead.
     */
    async commitChunk(importId: string, n: number, at: Date): Promise<ImportCountsDto> {
      const imp = await load(importId);
      if (imp.kind !== 'PROFILES')
        throw new DomainError('VALIDATION_FAILED', 'Impor ini disimpan oleh layanan pemilik datanya', 'importId');
      const chunk = await ProfileImportChunk.findById(`${importId}:${n}`).lean<ProfileImportChunkDoc>();
      if (!chunk) throw new DomainError('NOT_FOUND', `Bagian ${n} impor tidak ditemukan`, 'n');
      if (chunk.committed) return chunk.committed;
      const source: ImportSource = {
        importId,
        fileName: imp.fileName,
        byUserId: imp.byUserId,
        byName: imp.byName,
        at,
      };
      const counts =
        (imp.byNip ? null : await commitStaged(imp, chunk, source)) ?? (await commitByNip(imp, chunk, source));
      await ProfileImportChunk.updateOne({ _id: chunk._id }, { $set: { committed: counts } });
      await ProfileImport.updateOne({ _id: importId }, { $max: { chunksDone: n + 1 } });
      return counts;
    },

    async finish(importId: string, committed: ImportCountsDto, at: Date): Promise<ProfileImportDto> {
      await ProfileImport.updateOne(
        { _id: importId, status: { $ne: 'COMPLETED' } },
        { $set: { status: 'COMPLETED', committed, committedAt: at } },
      );
      return toDto(await load(importId));
    },
  };
}
export type ProfileImportRepository = ReturnType<typeof createProfileImportRepository>;
