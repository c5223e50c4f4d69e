/**
 * The hash chain of the audit record: every record of one chain (a selection, a talent filling, any
 * `selectionId` the record is filed under) carries a sequence number, the previous record's hash and its
 * own hash over an RFC 8785 (JCS) encoding of itself. Pure: used by the repository when appending, by
 * `GET /audit-records/verify` and by the command-line verifier.
 */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditBrokenLink, AuditChainHead, AuditVerification } from '@seleksi/kit';
import type { AuditRecordDoc } from './models/audit-record';

/** The "previous hash" of a chain's first record. */
export const GENESIS_HASH = '0'.repeat(64);
/** Bumped if the encoding ever changes; part of what is hashed. */
export const CHAIN_VERSION = 1;

/** A record as the store holds it (lean document); its chain fields loose because the store may have been edited. */
export type StoredAuditRecord = Omit<AuditRecordDoc, 'seq' | 'prevHash' | 'hash'> & {
  seq?: number | null;
  prevHash?: string | null;
  hash?: string | null;
};

function iso(d: unknown): string {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new TypeError('not a valid date');
  return d.toISOString();
}

/**
 * The exact text hashed for a record: JCS sorts keys and fixes number and string forms, dates are ISO
 * strings at millisecond precision (what BSON keeps), absent optional values are null, and the actor
 * has no `displayName` key when it has none. Throws on a value JCS refuses (NaN, lone surrogate).
 */
export function canonicalLink(r: StoredAuditRecord, seq: number, prevHash: string): string {
  const by: Record<string, unknown> = { userId: r.by?.userId, role: r.by?.role };
  if (r.by?.displayName) by.displayName = r.by.displayName;
  const text = canonicalize({
    v: CHAIN_VERSION,
    seq,
    prevHash,
    decisionId: r._id,
    selectionId: r.selectionId,
    workflowId: r.workflowId,
    kind: r.kind,
    by,
    at: iso(r.at),
    reason: r.reason ?? null,
    subjectId: r.subjectId ?? null,
    payload: r.payload ?? {},
    recordedAt: iso(r.recordedAt),
  });
  if (text === undefined) throw new TypeError('record has no JSON form');
  return text;
}

/** SHA-256 (hex) of the record's canonical encoding, which includes `seq` and `prevHash`. */
export function linkHash(r: StoredAuditRecord, seq: number, prevHash: string): string {
  return createHash('sha256')
    .update(canonicalLink(r, seq, prevHash), 'utf8')
    .digest('hex');
}

/** Unchained records (no sequence number) first, then by sequence number, then by decisionId. */
function chainOrder(a: StoredAuditRecord, b: StoredAuditRecord): number {
  const sa = typeof a.seq === 'number' ? a.seq : -Infinity;
  const sb = typeof b.seq === 'number' ? b.seq : -Infinity;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/**
 * Recomputes a chain from its stored records (any order) and names the first broken link. With `printed` (a
 * head printed on a document), also says whether that link is in the chain's intact part unchanged.
 */
export function verifyChain(
  selectionId: string,
  records: readonly StoredAuditRecord[],
  printed: AuditChainHead | null = null,
): AuditVerification {
  const sorted = [...records].sort(chainOrder);
  let prev = GENESIS_HASH;
  let head: AuditChainHead | null = null;
  let expected = 1;
  let printedFound = false;
  const printedHeadFound = () => (printed ? printedFound : null);
  for (const r of sorted) {
    const broken = (problem: AuditBrokenLink['problem']): AuditVerification => ({
      selectionId,
      ok: false,
      length: sorted.length,
      head,
      firstBroken: { seq: expected, decisionId: r._id, problem },
      printedHeadFound: printedHeadFound(),
    });
    if (r.seq === undefined || r.seq === null || typeof r.hash !== 'string' || typeof r.prevHash !== 'string') {
      return broken('UNCHAINED');
    }
    if (typeof r.seq !== 'number' || !Number.isInteger(r.seq) || r.seq < expected) return broken('UNEXPECTED_SEQUENCE');
    if (r.seq > expected) return broken('MISSING_LINK');
    if (r.prevHash !== prev) return broken('PREVIOUS_HASH_MISMATCH');
    let actual: string | null;
    try {
      actual = linkHash(r, r.seq, r.prevHash);
    } catch {
      actual = null; // a field edited into something that has no canonical form
    }
    if (actual !== r.hash) return broken('HASH_MISMATCH');
    prev = r.hash;
    head = { seq: r.seq, hash: r.hash };
    if (printed && printed.seq === r.seq) printedFound = printed.hash === r.hash;
    expected += 1;
  }
  return {
    selectionId,
    ok: true,
    length: sorted.length,
    head,
    firstBroken: null,
    printedHeadFound: printedHeadFound(),
  };
}
