import type { DocumentDto, IssueDocumentRequest } from '@seleksi/domain';
import { asBuffer, isDuplicateKeyError, findEachEqual } from '@seleksi/kit';
import type { CorrectionLinkDoc, DocumentDoc, DocumentFileDoc, DocumentModels } from '../models';

/** `supersededById` is derived (the document never changes); documents stored before versions were kept read as originals. */
export function toDocumentDto(doc: DocumentDoc, supersededById: string | null = null): DocumentDto {
  return {
    id: doc._id,
    kind: doc.kind,
    agencyCode: doc.agencyCode,
    selectionId: doc.selectionId ?? null,
    number: doc.number,
    title: doc.title,
    visibility: doc.visibility,
    sha256: doc.sha256,
    verificationCode: doc.verificationCode,
    sizeBytes: doc.sizeBytes,
    issuedAt: doc.issuedAt.toISOString(),
    date: doc.date ?? doc.issuedAt.toISOString().slice(0, 10),
    issuedBy: doc.issuedBy ?? { agencyName: doc.agencyCode, signatoryName: '-', signatoryTitle: '-' },
    version: doc.version ?? 1,
    supersedesId: doc.supersedesId ?? null,
    supersededById,
    correctionReason: doc.correctionReason ?? null,
    auditChainHead: doc.auditChainHead?.hash ? { seq: doc.auditChainHead.seq, hash: doc.auditChainHead.hash } : null,
    auditChainId: doc.auditChainHead?.hash ? (doc.auditChainId ?? doc.selectionId ?? null) : null,
  };
}

/** A stored file with its bytes as a Buffer and its source request parsed. */
export interface StoredFile extends Omit<DocumentFileDoc, 'sourceJson'> {
  source: IssueDocumentRequest | null;
}

function stored(file: DocumentFileDoc | null): StoredFile | null {
  if (!file) return null;
  const { sourceJson, ...rest } = file;
  return {
    ...rest,
    bytes: asBuffer(file.bytes, 'document'),
    source: sourceJson ? (JSON.parse(sourceJson) as IssueDocumentRequest) : null,
  };
}

export function createDocumentRepository({ Document, DocumentFile, CorrectionLink }: DocumentModels) {
  const successorOf = async (id: string): Promise<string | null> =>
    (await Document.findOne({ supersedesId: id }, { _id: 1 }).lean<{ _id: string }>())?._id ?? null;

  return {
    successorOf,

    /** DTOs in the order of `ids` (null where unknown), `supersededById` filled in: one indexed lookup per id for each of the two. */
    async getManyDtos(ids: string[]): Promise<(DocumentDto | null)[]> {
      const docs = await findEachEqual<DocumentDoc>(Document, '_id', ids);
      const successors = await findEachEqual<{ _id: string; supersedesId: string }>(
        Document,
        'supersedesId',
        ids,
        {},
        {
          _id: 1,
          supersedesId: 1,
        },
      );
      const successor = new Map(successors.map((d) => [d.supersedesId, d._id]));
      const byId = new Map(docs.map((d) => [d._id, toDocumentDto(d, successor.get(d._id) ?? null)]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** The DTO with `supersededById` filled in. */
    async dto(doc: DocumentDoc): Promise<DocumentDto> {
      return toDocumentDto(doc, await successorOf(doc._id));
    },

    /** Every version of the document's line, oldest first. */
    async versions(doc: DocumentDoc): Promise<DocumentDoc[]> {
      const line = [doc];
      for (let prev = doc; prev.supersedesId;) {
        const older = await Document.findById(prev.supersedesId).lean<DocumentDoc>();
        if (!older) break;
        line.unshift(older);
        prev = older;
      }
      for (let next = doc; ;) {
        const newer = await Document.findOne({ supersedesId: next._id }).lean<DocumentDoc>();
        if (!newer) break;
        line.push(newer);
        next = newer;
      }
      return line;
    },

    /**
     * Reserves the right to correct `documentId` for `correctionKey`. Returns the reservation that holds:
     * this one, or an earlier one (a retry with the same key, or another correction that won).
     */
    async claimCorrection(documentId: string, correctionKey: string, at: Date): Promise<CorrectionLinkDoc> {
      const link: CorrectionLinkDoc = { _id: documentId, correctionKey, createdAt: at };
      try {
        await CorrectionLink.collection.insertOne(link as never);
        return link;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const held = await CorrectionLink.findById(documentId).lean<CorrectionLinkDoc>();
        if (!held) throw err;
        return held;
      }
    },

    findByKey(idempotencyKey: string): Promise<DocumentDoc | null> {
      return Document.findOne({ idempotencyKey }).lean<DocumentDoc>();
    },

    get(id: string): Promise<DocumentDoc | null> {
      return Document.findById(id).lean<DocumentDoc>();
    },

    findByVerificationCode(verificationCode: string): Promise<DocumentDoc | null> {
      return Document.findOne({ verificationCode }).lean<DocumentDoc>();
    },

    findBySha256(sha256: string): Promise<DocumentDoc | null> {
      return Document.findOne({ sha256 }).sort({ issuedAt: 1 }).lean<DocumentDoc>();
    },

    /** A selection's documents, every version, with `supersededById` derived from the list itself. */
    async listBySelection(selectionId: string): Promise<DocumentDto[]> {
      const docs = await Document.find({ selectionId }).sort({ issuedAt: 1, _id: 1 }).lean<DocumentDoc[]>();
      const successor = new Map(docs.filter((d) => d.supersedesId).map((d) => [d.supersedesId as string, d._id]));
      return docs.map((d) => toDocumentDto(d, successor.get(d._id) ?? null));
    },

    /** Inserts the metadata; false when a document with its idempotency key already exists. */
    async insert(doc: DocumentDoc): Promise<boolean> {
      try {
        await Document.collection.insertOne(doc as never);
        return true;
      } catch (err) {
        if (isDuplicateKeyError(err) && (await Document.exists({ idempotencyKey: doc.idempotencyKey }))) return false;
        throw err;
      }
    },

    async getFile(documentId: string): Promise<StoredFile | null> {
      return stored(await DocumentFile.findById(documentId).lean<DocumentFileDoc>());
    },

    /** Stores the bytes once; a concurrent first writer wins and its file is returned. */
    async insertFile(file: StoredFile): Promise<StoredFile> {
      const { source, ...rest } = file;
      try {
        await DocumentFile.collection.insertOne({
          ...rest,
          sourceJson: source ? JSON.stringify(source) : null,
        } as never);
        return file;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const winner = stored(await DocumentFile.findById(file._id).lean<DocumentFileDoc>());
        if (!winner) throw err;
        return winner;
      }
    },
  };
}
export type DocumentRepository = ReturnType<typeof createDocumentRepository>;
