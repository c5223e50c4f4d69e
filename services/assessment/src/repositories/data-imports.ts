import {
  defaultTalentSettings,
  DomainError,
  employeeBucket,
  sameAssessmentResult,
  sameTargetPost,
  type ClassifyImportRowsRequest,
  type CommitImportRowsRequest,
  type ImportCountsDto,
  type ImportedAssessmentResult,
  type ImportedRow,
  type ImportedTargetPost,
  type ImportRowClass,
  type ImportSourceDto,
  type ImportVersionDto,
  type TargetPost,
} from '@seleksi/domain';
import { bulkReplaceById, findEachEqualBySlot, insertManyIgnoringDuplicates } from '@seleksi/kit';
import type {
  AssessmentModels,
  AssessmentResultDoc,
  ImportSource,
  ImportVersionDoc,
  TalentSettingsDoc,
} from '../models';

/** A result row whose NIP the gateway resolved to the agency's profile. */
type ResultRow = ImportedAssessmentResult & { candidateId: string };

/** A target post as stored in the settings: with the import that last wrote it. */
type StoredPost = TargetPost & { importedFrom?: Omit<ImportSource, 'at'> & { at: string } };

const zero = (): ImportCountsDto => ({ new: 0, changed: 0, unchanged: 0, refused: 0 });
const countKey = (c: ImportRowClass) =>
  c === 'NEW' ? 'new' : c === 'CHANGED' ? 'changed' : c === 'UNCHANGED' ? 'unchanged' : 'refused';

/** The id a new imported result gets: the same on every try, so a retried commit replaces what it wrote. */
const resultId = (r: { candidateId: string; assessedAt: string }) => `imp:${r.candidateId}:${r.assessedAt}`;
const resultKey = (r: { candidateId: string; assessedAt: string }) => `${r.candidateId}:${r.assessedAt}`;

/** Settings writes that lost a race with another writer are tried again this many times. */
const SETTINGS_ATTEMPTS = 8;

/**
 * The assessment service's part of the import pipeline for the kinds whose data it owns (assessment
 * results, target posts): classify a chunk's rows against what is stored (the preview), and commit
 * them (the import workflow). A commit is idempotent: a record this import wrote already counts as its
 * staged class, and a changed record keeps its previous version once per import.
 */
export function createDataImportRepository({ AssessmentResult, TalentSettings, ImportVersion }: AssessmentModels) {
  /** The rows of a results chunk, each with its profile id (the routes require it; the gateway resolved it). */
  function resultRows(rows: ImportedRow[]): ResultRow[] {
    return (rows as ImportedAssessmentResult[]).map((r, i) => {
      if (!r.candidateId) throw new DomainError('VALIDATION_FAILED', 'Baris tanpa profil (candidateId)', `rows.${i}`);
      return r as ResultRow;
    });
  }

  /** The stored results at the rows' (candidate, date), by that key. */
  async function storedResults(rows: ResultRow[]): Promise<Map<string, AssessmentResultDoc>> {
    const docs = await findEachEqualBySlot<AssessmentResultDoc & Record<string, unknown>>(
      AssessmentResult,
      'candidateId',
      rows.map((r) => r.candidateId),
      { field: 'candidateBucket', of: employeeBucket },
    );
    const wanted = new Set(rows.map(resultKey));
    const out = new Map<string, AssessmentResultDoc>();
    // Several stored results on one date (recorded before imports): the imported one, else the first by id.
    for (const d of docs.sort((a, b) => (a._id < b._id ? -1 : 1))) {
      const k = resultKey(d);
      if (!wanted.has(k)) continue;
      const prev = out.get(k);
      if (!prev || (d._id === resultId(d) && prev._id !== resultId(prev))) out.set(k, d);
    }
    return out;
  }

  const asImported = (d: AssessmentResultDoc) => ({
    provider: d.provider,
    assessedAt: d.assessedAt,
    managerial: d.managerial,
    socioCultural: d.socioCultural,
    validUntil: d.validUntil,
    potentialLevel: d.potentialLevel ?? null,
  });

  function classifyResult(row: ImportedAssessmentResult, stored: AssessmentResultDoc | undefined): ImportRowClass {
    if (!stored) return 'NEW';
    return sameAssessmentResult(asImported(stored), row) ? 'UNCHANGED' : 'CHANGED';
  }

  async function readSettings(agencyCode: string): Promise<{ doc: TalentSettingsDoc | null; posts: StoredPost[] }> {
    const doc = await TalentSettings.findById(agencyCode).lean<TalentSettingsDoc>();
    const parsed = doc ? (JSON.parse(doc.json) as { targetPosts?: StoredPost[] }) : null;
    return { doc, posts: Array.isArray(parsed?.targetPosts) ? parsed.targetPosts : [] };
  }

  const plainPost = (p: StoredPost): TargetPost => ({
    id: p.id,
    title: p.title,
    level: p.level,
    unit: p.unit,
    field: p.field ?? null,
  });

  function classifyPost(row: ImportedTargetPost, stored: StoredPost | undefined): ImportRowClass {
    if (!stored) return 'NEW';
    return sameTargetPost(plainPost(stored), row) ? 'UNCHANGED' : 'CHANGED';
  }

  const toSource = (s: ImportSourceDto): ImportSource => ({ ...s, at: new Date(s.at) });

  async function commitResults(req: CommitImportRowsRequest): Promise<ImportCountsDto> {
    const rows = resultRows(req.rows);
    const stored = await storedResults(rows);
    const source = toSource(req.source);
    const counts = zero();
    const writes: (AssessmentResultDoc & { _id: string })[] = [];
    const versions: ImportVersionDoc[] = [];
    for (const [i, row] of rows.entries()) {
      const staged = req.classes[i] ?? 'REFUSED';
      if (staged === 'REFUSED') {
        counts.refused++;
        continue;
      }
      const current = stored.get(resultKey(row));
      if (current?.importedFrom?.importId === source.importId) {
        counts[countKey(staged)]++; // written by an earlier try
        continue;
      }
      const cls = classifyResult(row, current);
      counts[countKey(cls)]++;
      if (cls === 'UNCHANGED') continue;
      const { nip: _nip, candidateId, potentialLevel, ...fields } = row;
      const doc: AssessmentResultDoc = {
        _id: current?._id ?? resultId(row),
        candidateId,
        ...fields,
        updatedAt: source.at,
        candidateBucket: employeeBucket(candidateId),
        importedFrom: source,
      };
      if (potentialLevel) doc.potentialLevel = potentialLevel;
      writes.push(doc);
      if (current) {
        const { _id, importedFrom, candidateBucket: _b, ...previous } = current;
        versions.push({
          _id: `ASSESSMENT_RESULTS:${_id}:${source.importId}`,
          kind: 'ASSESSMENT_RESULTS',
          agencyCode: req.agencyCode,
          subjectId: _id,
          previous: { id: _id, ...previous },
          previousSource: importedFrom ?? null,
          replacedBy: source,
        });
      }
    }
    // The previous versions first: a crash between the two leaves versions the retry stores again as no-ops.
    await insertManyIgnoringDuplicates(ImportVersion, versions);
    await bulkReplaceById(AssessmentResult, writes);
    return counts;
  }

  /**
   * Target posts live in the agency's talent settings (one JSON document): the new ones are appended,
   * the changed ones replaced in place, the others left alone. The write is conditional on the
   * settings' `updatedAt` read before, and tried again when another writer came in between.
   */
  async function commitPosts(req: CommitImportRowsRequest): Promise<ImportCountsDto> {
    const rows = req.rows as ImportedTargetPost[];
    const source = toSource(req.source);
    const storedSource = { ...req.source };
    for (let attempt = 0; attempt < SETTINGS_ATTEMPTS; attempt++) {
      const { doc } = await readSettings(req.agencyCode);
      const settings = doc
        ? (JSON.parse(doc.json) as Record<string, unknown> & { targetPosts?: StoredPost[] })
        : { ...defaultTalentSettings(req.agencyCode) };
      const posts: StoredPost[] = Array.isArray(settings.targetPosts) ? [...settings.targetPosts] : [];
      const at = new Map(posts.map((p, i) => [p.id, i]));
      const counts = zero();
      const versions: ImportVersionDoc[] = [];
      let dirty = false;
      for (const [i, row] of rows.entries()) {
        const staged = req.classes[i] ?? 'REFUSED';
        if (staged === 'REFUSED') {
          counts.refused++;
          continue;
        }
        const k = at.get(row.id);
        const current = k === undefined ? undefined : posts[k];
        if (current?.importedFrom?.importId === source.importId) {
          counts[countKey(staged)]++;
          continue;
        }
        const cls = classifyPost(row, current);
        counts[countKey(cls)]++;
        if (cls === 'UNCHANGED') continue;
        const next: StoredPost = { ...plainPost(row), importedFrom: storedSource };
        dirty = true;
        if (k === undefined || !current) {
          at.set(row.id, posts.length);
          posts.push(next);
          continue;
        }
        posts[k] = next;
        const { importedFrom, ...previous } = current;
        versions.push({
          _id: `TARGET_POSTS:${req.agencyCode}:${row.id}:${source.importId}`,
          kind: 'TARGET_POSTS',
          agencyCode: req.agencyCode,
          subjectId: `${req.agencyCode}:${row.id}`,
          previous: { ...previous },
          previousSource: importedFrom ? { ...importedFrom, at: new Date(importedFrom.at) } : null,
          replacedBy: source,
        });
      }
      if (!dirty) return counts;
      await insertManyIgnoringDuplicates(ImportVersion, versions);
      const json = JSON.stringify({ ...settings, targetPosts: posts });
      const now = new Date();
      if (doc) {
        const r = await TalentSettings.updateOne(
          { _id: req.agencyCode, updatedAt: doc.updatedAt },
          { $set: { json, updatedAt: now } },
        );
        if (r.matchedCount === 1) return counts;
      } else {
        const inserted = await insertManyIgnoringDuplicates(TalentSettings, [
          { _id: req.agencyCode, json, updatedAt: now },
        ]);
        if (inserted === 1) return counts;
      }
    }
    throw new DomainError('CONFLICT', 'Pengaturan talenta sedang diubah; impor dicoba lagi', 'agencyCode');
  }

  return {
    async classify(req: ClassifyImportRowsRequest): Promise<ImportRowClass[]> {
      if (req.kind === 'ASSESSMENT_RESULTS') {
        const rows = resultRows(req.rows);
        const stored = await storedResults(rows);
        return rows.map((r) => classifyResult(r, stored.get(resultKey(r))));
      }
      const { posts } = await readSettings(req.agencyCode);
      const byId = new Map(posts.map((p) => [p.id, p]));
      return (req.rows as ImportedTargetPost[]).map((r) => classifyPost(r, byId.get(r.id)));
    },

    commit(req: CommitImportRowsRequest): Promise<ImportCountsDto> {
      return req.kind === 'ASSESSMENT_RESULTS' ? commitResults(req) : commitPosts(req);
    },

    /** The previous versions of a result (its id) or a post (`${agencyCode}:${postId}`), newest first. */
    async versions(subjectId: string): Promise<ImportVersionDto[]> {
      const docs = await ImportVersion.find({ subjectId }).lean<ImportVersionDoc[]>();
      const dto = (s: ImportSource): ImportSourceDto => ({ ...s, at: new Date(s.at).toISOString() });
      return docs
        .map((d) => ({
          kind: d.kind,
          subjectId: d.subjectId,
          previous: d.previous,
          previousSource: d.previousSource ? dto(d.previousSource) : null,
          replacedBy: dto(d.replacedBy),
        }))
        .sort((a, b) => (a.replacedBy.at < b.replacedBy.at ? 1 : -1));
    },
  };
}
export type DataImportRepository = ReturnType<typeof createDataImportRepository>;
