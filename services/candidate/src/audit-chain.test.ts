import { describe, expect, it } from 'vitest';
import type { AuditLinkProblem } from '@seleksi/kit';
import { canonicalLink, GENESIS_HASH, linkHash, verifyChain, type StoredAuditRecord } from './audit-chain';

function record(i: number, over: Partial<StoredAuditRecord> = {}): StoredAuditRecord {
  return {
    _id: `d${i}`,
    selectionId: 'SEL-1',
    workflowId: 'selection:X:SEL-1',
    kind: 'SCREENING_OVERRIDDEN',
    by: { userId: 'u1', role: 'PANSEL_SECRETARY' },
    at: new Date(Date.UTC(2026, 0, 5, 3, 0, i)),
    reason: `alasan ${i}`,
    subjectId: `app-${i}`,
    payload: { score: i, ok: true, list: ['a', { b: 1 }] },
    recordedAt: new Date(Date.UTC(2026, 0, 5, 3, 0, i, 250)),
    ...over,
  };
}

/** A well-formed chain of `n` records, as the repository writes it. */
function chain(n: number): StoredAuditRecord[] {
  const out: StoredAuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const r = record(i);
    const hash = linkHash(r, i, prev);
    out.push({ ...r, seq: i, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonical encoding', () => {
  it('is RFC 8785 text: sorted keys, ISO dates at ms, null for absent values, no undefined', () => {
    const text = canonicalLink(
      record(1, { reason: null, subjectId: undefined as never, payload: { z: 1, a: undefined, m: [1.0, 1e21] } }),
      1,
      GENESIS_HASH,
    );
    expect(text).toBe(
      '{"at":"2026-01-05T03:00:01.000Z","by":{"role":"PANSEL_SECRETARY","userId":"u1"},"decisionId":"d1",' +
        '"kind":"SCREENING_OVERRIDDEN","payload":{"m":[1,1e+21],"z":1},"prevHash":"' +
        GENESIS_HASH +
        '","reason":null,"recordedAt":"2026-01-05T03:00:01.250Z","selectionId":"SEL-1","seq":1,"subjectId":null,' +
        '"v":1,"workflowId":"selection:X:SEL-1"}',
    );
  });

  type Over = Partial<StoredAuditRecord>;
  it.each<[string, Over, Over]>([
    ['key order of the payload', { payload: { b: 2, a: 1 } }, { payload: { a: 1, b: 2 } }],
    ['key order of the actor', { by: { role: 'ADMIN', userId: 'u' } as never }, { by: { userId: 'u', role: 'ADMIN' } }],
    [
      'an absent display name',
      { by: { userId: 'u', role: 'ADMIN', displayName: undefined } },
      { by: { userId: 'u', role: 'ADMIN' } },
    ],
    ['a missing subject (store dropped null)', { subjectId: undefined as never }, { subjectId: null }],
    ['a date read back as a new Date', { at: new Date('2026-01-05T03:00:01Z') }, { at: new Date(1767582001000) }],
  ])('does not depend on %s', (_name, a: Partial<StoredAuditRecord>, b: Partial<StoredAuditRecord>) => {
    expect(linkHash(record(1, a), 1, GENESIS_HASH)).toBe(linkHash(record(1, b), 1, GENESIS_HASH));
  });

  it.each<[string, Partial<StoredAuditRecord>]>([
    ['the reason', { reason: 'lain' }],
    ['the author', { by: { userId: 'u2', role: 'PANSEL_SECRETARY' } }],
    ['the time', { at: new Date(Date.UTC(2026, 0, 5, 3, 0, 1, 1)) }],
    ['a payload number', { payload: { score: 2, ok: true, list: ['a', { b: 1 }] } }],
    ['a nested payload value', { payload: { score: 1, ok: true, list: ['a', { b: 2 }] } }],
    ['the kind', { kind: 'OTHER' }],
  ])('changes with %s', (_name, over: Partial<StoredAuditRecord>) => {
    expect(linkHash(record(1, over), 1, GENESIS_HASH)).not.toBe(linkHash(record(1), 1, GENESIS_HASH));
  });

  it('covers the sequence number and the previous hash', () => {
    const h = linkHash(record(1), 1, GENESIS_HASH);
    expect(linkHash(record(1), 2, GENESIS_HASH)).not.toBe(h);
    expect(linkHash(record(1), 1, 'f'.repeat(64))).not.toBe(h);
  });

  it('is the same on every Node version (a fixed digest)', () => {
    expect(linkHash(record(1), 1, GENESIS_HASH)).toBe(
      '24c8952b4d07a4b45ae868333b272b9c0086a369331bbfcb927f219bf11346d9',
    );
  });

  it('refuses values without a canonical form', () => {
    expect(() => linkHash(record(1, { payload: { x: Number.NaN } }), 1, GENESIS_HASH)).toThrow();
    expect(() => linkHash(record(1, { reason: '\ud800' }), 1, GENESIS_HASH)).toThrow();
  });
});

type Tamper = (c: StoredAuditRecord[]) => StoredAuditRecord[];

describe('verifyChain', () => {
  it('accepts a whole chain in any stored order and answers its head', () => {
    const c = chain(4);
    const v = verifyChain('SEL-1', [c[2]!, c[0]!, c[3]!, c[1]!]);
    expect(v).toEqual({
      selectionId: 'SEL-1',
      ok: true,
      length: 4,
      head: { seq: 4, hash: c[3]!.hash },
      firstBroken: null,
      printedHeadFound: null,
    });
  });

  it('finds a printed head in the intact part of the chain, and only there', () => {
    const c = chain(4);
    expect(verifyChain('SEL-1', c, { seq: 2, hash: String(c[1]!.hash) }).printedHeadFound).toBe(true);
    // A head that was never a link (a forged paper), or a link whose hash no longer matches.
    expect(verifyChain('SEL-1', c, { seq: 2, hash: String(c[2]!.hash) }).printedHeadFound).toBe(false);
    expect(verifyChain('SEL-1', c, { seq: 9, hash: String(c[3]!.hash) }).printedHeadFound).toBe(false);
    // A record before the printed link edited: the printed link cannot be confirmed.
    const edited = c.map((r) => (r.seq === 1 ? { ...r, reason: 'dipalsukan' } : r));
    expect(verifyChain('SEL-1', edited, { seq: 3, hash: String(c[2]!.hash) })).toMatchObject({
      ok: false,
      printedHeadFound: false,
    });
    // A break after the printed link leaves it confirmed.
    const later = c.map((r) => (r.seq === 4 ? { ...r, reason: 'dipalsukan' } : r));
    expect(verifyChain('SEL-1', later, { seq: 3, hash: String(c[2]!.hash) })).toMatchObject({
      ok: false,
      printedHeadFound: true,
    });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain('SEL-1', [])).toMatchObject({ ok: true, length: 0, head: null });
  });

  const cases: [string, Tamper, number, string | null, AuditLinkProblem][] = [
    [
      'an edited reason',
      (c) => c.map((r) => (r.seq === 2 ? { ...r, reason: 'dipalsukan' } : r)),
      2,
      'd2',
      'HASH_MISMATCH',
    ],
    [
      'an edited author',
      (c) => c.map((r) => (r.seq === 3 ? { ...r, by: { userId: 'x', role: 'ADMIN' } } : r)),
      3,
      'd3',
      'HASH_MISMATCH',
    ],
    [
      'an edited date of the wrong type',
      (c) => c.map((r) => (r.seq === 1 ? { ...r, at: 'kemarin' as never } : r)),
      1,
      'd1',
      'HASH_MISMATCH',
    ],
    [
      'an edit with its own hash recomputed',
      (c) =>
        c.map((r) => {
          if (r.seq !== 2) return r;
          const forged = { ...r, reason: 'dipalsukan' };
          return { ...forged, hash: linkHash(forged, 2, r.prevHash!) };
        }),
      3,
      'd3',
      'PREVIOUS_HASH_MISMATCH',
    ],
    ['a deleted middle record', (c) => c.filter((r) => r.seq !== 2), 2, 'd3', 'MISSING_LINK'],
    ['a deleted first record', (c) => c.slice(1), 1, 'd2', 'MISSING_LINK'],
    [
      'a forged record between two others',
      (c) => [...c, { ...record(9), seq: 2.5, prevHash: c[1]!.hash, hash: linkHash(record(9), 3, c[1]!.hash!) }],
      3,
      'd9',
      'UNEXPECTED_SEQUENCE',
    ],
    [
      'a forged record reusing a number',
      (c) => [...c, { ...record(9), seq: 2, prevHash: c[0]!.hash, hash: 'x' }],
      3,
      'd9',
      'UNEXPECTED_SEQUENCE',
    ],
    ['a record written around the chain', (c) => [...c, record(9)], 1, 'd9', 'UNCHAINED'],
    [
      'a forged record appended with a made-up hash',
      (c) => [...c, { ...record(9), seq: 5, prevHash: c[3]!.hash, hash: 'a'.repeat(64) }],
      5,
      'd9',
      'HASH_MISMATCH',
    ],
    [
      'two records swapped',
      (c) => c.map((r) => (r.seq === 2 ? { ...r, seq: 3 } : r.seq === 3 ? { ...r, seq: 2 } : r)),
      2,
      'd3',
      'PREVIOUS_HASH_MISMATCH',
    ],
  ];

  it.each(cases)('names the first broken link after %s', (_name, tamper, seq, decisionId, problem) => {
    const v = verifyChain('SEL-1', tamper(chain(4)));
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toEqual({ seq, decisionId, problem });
  });

  it('answers the last intact link before the break', () => {
    const c = chain(4);
    const v = verifyChain(
      'SEL-1',
      c.filter((r) => r.seq !== 3),
    );
    expect(v.head).toEqual({ seq: 2, hash: c[1]!.hash });
  });
});
