import { describe, expect, it } from 'vitest';
import { asBuffer, isDuplicateKeyError } from './mongo';

describe('isDuplicateKeyError', () => {
  it('detects code 11000 (MongoDB, and FerretDB on insert)', () => {
    expect(isDuplicateKeyError({ code: 11000, message: 'E11000 duplicate key error collection: db.c' })).toBe(true);
  });

  it("detects FerretDB's internal error for a unique violation on update", () => {
    const err = {
      code: 1,
      codeName: 'InternalError',
      message:
        "[msg_update.go:133 handler.(*Handler).updateDocument] constraint failed: UNIQUE constraint failed: index 'uniq_e3b51228_k_1' (2067)",
    };
    expect(isDuplicateKeyError(err)).toBe(true);
  });

  it('detects duplicates inside bulk write errors', () => {
    expect(isDuplicateKeyError({ name: 'MongoBulkWriteError', code: 65, writeErrors: [{ code: 11000 }] })).toBe(true);
  });

  it('rejects other errors', () => {
    expect(isDuplicateKeyError({ code: 1, codeName: 'InternalError', message: 'disk I/O error' })).toBe(false);
    expect(isDuplicateKeyError(new Error('timeout'))).toBe(false);
    expect(isDuplicateKeyError(undefined)).toBe(false);
  });
});

describe('asBuffer', () => {
  it('passes a Buffer through and reads a BSON Binary as a Buffer over its bytes', () => {
    const b = Buffer.from('%PDF-1.7');
    expect(asBuffer(b)).toBe(b);
    const binary = { value: () => new Uint8Array([1, 2, 3]) };
    expect([...asBuffer(binary)]).toEqual([1, 2, 3]);
  });

  it('refuses anything else, naming what was stored', () => {
    expect(() => asBuffer('x')).toThrow('stored file bytes have an unexpected type');
    expect(() => asBuffer(null, 'document')).toThrow('stored document bytes have an unexpected type');
  });
});
