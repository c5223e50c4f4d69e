import { DomainError } from '@seleksi/domain';
import { isDuplicateKeyError } from '@seleksi/kit';
import { numberClaimId, type DocumentModels, type NumberClaimDoc } from '../models';

export interface NumberScope {
  agencyCode: string;
  year: number;
  documentClass: string;
}

export interface ClaimRequest {
  idempotencyKey: string;
  documentId: string;
  issuedAt: Date;
  formatNumber: (seq: number) => string;
  newVerificationCode: () => string;
}

const MAX_ATTEMPTS = 200;

export function createNumberClaimRepository({ NumberClaim }: DocumentModels) {
  async function findByKey(idempotencyKey: string): Promise<NumberClaimDoc | null> {
    return NumberClaim.findOne({ idempotencyKey }).lean<NumberClaimDoc>();
  }

  async function maxSeq(scope: NumberScope): Promise<number> {
    const top = await NumberClaim.findOne(scope, { seq: 1 }).sort({ seq: -1 }).lean<{ seq: number }>();
    return top?.seq ?? 0;
  }

  return {
    findByKey,

    /**
     * Claims the lowest free sequence above the current maximum for this key, or returns the key's
     * existing claim. Losing a race costs one duplicate-key error and a step to the next number, so
     * concurrent requests get consecutive numbers without gaps or duplicates.
     */
    async claim(scope: NumberScope, req: ClaimRequest): Promise<NumberClaimDoc> {
      const existing = await findByKey(req.idempotencyKey);
      if (existing) return existing;
      let seq = (await maxSeq(scope)) + 1;
      let verificationCode = req.newVerificationCode();
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const doc: NumberClaimDoc = {
          _id: numberClaimId(scope, seq),
          ...scope,
          seq,
          number: req.formatNumber(seq),
          idempotencyKey: req.idempotencyKey,
          documentId: req.documentId,
          verificationCode,
          issuedAt: req.issuedAt,
        };
        try {
          await NumberClaim.collection.insertOne(doc as never);
          return doc;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          // FerretDB does not say which unique index fired, so find out by reading.
          const winner = await findByKey(req.idempotencyKey);
          if (winner) return winner;
          if (await NumberClaim.exists({ _id: doc._id })) {
            seq = Math.max(seq + 1, attempt % 10 === 9 ? (await maxSeq(scope)) + 1 : 0);
          } else {
            verificationCode = req.newVerificationCode();
          }
        }
      }
      throw new DomainError('CONFLICT', 'Could not allocate a document number, try again');
    },
  };
}
export type NumberClaimRepository = ReturnType<typeof createNumberClaimRepository>;
