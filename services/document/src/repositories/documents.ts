import type { DocumentDto } from '@seleksi/domain';
import { isDuplicateKeyError } from '@seleksi/kit';
import type { DocumentDoc, DocumentFileDoc, DocumentModels } from '../models';

export function toDocumentDto(doc: DocumentDoc): DocumentDto {
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
  };
}

/** Lean reads return BSON `Binary` for Buffer paths. */
function asBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value && typeof (value as { value?: unknown }).value === 'function') {
    const bytes = (value as { value(): Uint8Array }).value();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  throw new Error('stored document bytes have an unexpected type');
}

function withBuffer(file: DocumentFileDoc | null): DocumentFileDoc | null {
  return file ? { ...file, bytes: asBuffer(file.bytes) } : null;
}

export function createDocumentRepository({ Document, DocumentFile }: DocumentModels) {
  return {
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

    listBySelection(selectionId: string): Promise<DocumentDoc[]> {
      return Document.find({ selectionId }).sort({ issuedAt: 1, _id: 1 }).lean<DocumentDoc[]>();
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

    async getFile(documentId: string): Promise<DocumentFileDoc | null> {
      return withBuffer(await DocumentFile.findById(documentId).lean<DocumentFileDoc>());
    },

    /** Stores the bytes once; a concurrent first writer wins and its file is returned. */
    async insertFile(file: DocumentFileDoc): Promise<DocumentFileDoc> {
      try {
        await DocumentFile.collection.insertOne(file as never);
        return file;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const winner = withBuffer(await DocumentFile.findById(file._id).lean<DocumentFileDoc>());
        if (!winner) throw err;
        return winner;
      }
    },
  };
}
export type DocumentRepository = ReturnType<typeof createDocumentRepository>;
