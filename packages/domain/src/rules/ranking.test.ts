import { describe, expect, it } from 'vitest';
import { rankCandidates, TIE_BREAK_ORDER, type RankingCandidate } from './ranking';

const opts = { passMark: 70, shortlistSize: 3 };

function c(id: string, total: number | null, over: Partial<RankingCandidate> = {}): RankingCandidate {
  return {
    applicationId: id,
    total,
    interview: 80,
    assessment: 80,
    submittedAt: '2026-06-02T03:00:00.000Z',
    eliminated: false,
    withdrawn: false,
    eligible: true,
    ...over,
  };
}

/** Every ordering of a small list (deterministic "shuffles"). */
function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

describe('rankCandidates', () => {
  it('documents the tie-break order', () => {
    expect(TIE_BREAK_ORDER).toEqual([
      'TOTAL_DESC',
      'INTERVIEW_DESC',
      'ASSESSMENT_DESC',
      'SUBMITTED_AT_ASC',
      'APPLICATION_ID_ASC',
    ]);
  });

  it('ranks by total and shortlists the best 3', () => {
    const r = rankCandidates([c('a', 75), c('b', 88.5), c('c', 70), c('d', 81), c('e', 69.99)], opts);
    expect(r.outcome).toBe('COMPLETE');
    expect(r.shortlist).toEqual(['b', 'd', 'a']);
    expect(r.qualifiedCount).toBe(4);
    expect(r.ranked.map((x) => [x.applicationId, x.rank, x.qualified, x.shortlisted])).toEqual([
      ['b', 1, true, true],
      ['d', 2, true, true],
      ['a', 3, true, true],
      ['c', 4, true, false], // exactly the pass mark qualifies
      ['e', null, false, false],
    ]);
    expect(r.ranked[4]!.note).toBe('Nilai akhir 69,99 di bawah nilai ambang batas 70,00');
  });

  it.each<[string, RankingCandidate[], string[], string]>([
    [
      'interview breaks a total tie',
      [c('x', 80, { interview: 75 }), c('y', 80, { interview: 85 }), c('z', 90)],
      ['z', 'y', 'x'],
      'nilai wawancara',
    ],
    [
      'assessment breaks a total and interview tie',
      [c('x', 80, { assessment: 90 }), c('y', 80, { assessment: 70 }), c('z', 90)],
      ['z', 'x', 'y'],
      'nilai asesmen',
    ],
    [
      'a missing assessment ranks after a present one',
      [c('x', 80, { assessment: null }), c('y', 80, { assessment: 0 }), c('z', 90)],
      ['z', 'y', 'x'],
      'nilai asesmen',
    ],
    [
      'earlier submission breaks a score tie',
      [
        c('x', 80, { submittedAt: '2026-06-03T01:00:00.000Z' }),
        c('y', 80, { submittedAt: '2026-06-02T01:00:00.000Z' }),
        c('z', 90),
      ],
      ['z', 'y', 'x'],
      'waktu pendaftaran lebih awal',
    ],
    [
      'submission times compared as instants, not strings',
      // x: 2026-06-02T06:00+08:00 is 2026-06-01T22:00Z, before y.
      [
        c('y', 80, { submittedAt: '2026-06-01T23:00:00Z' }),
        c('x', 80, { submittedAt: '2026-06-02T06:00:00+08:00' }),
        c('z', 90),
      ],
      ['z', 'x', 'y'],
      'waktu pendaftaran lebih awal',
    ],
    [
      'applicationId breaks a full tie',
      [c('app-2', 80), c('app-1', 80), c('z', 90)],
      ['z', 'app-1', 'app-2'],
      'nomor pendaftaran',
    ],
  ])('%s', (_name, list, order, tieBreak) => {
    for (const perm of permutations(list)) {
      const r = rankCandidates(perm, opts);
      expect(r.shortlist).toEqual(order);
    }
    const r = rankCandidates(list, opts);
    expect(r.ranked[0]!.note).toBe('');
    expect(r.ranked[1]!.note).toContain(tieBreak);
    expect(r.ranked[2]!.note).toContain(tieBreak);
  });

  it('gives the same result for every input order', () => {
    const list = [
      c('a', 85, { interview: 80 }),
      c('b', 85, { interview: 90 }),
      c('c', 72),
      c('d', 95, { eliminated: true }),
      c('e', 60),
    ];
    const expected = rankCandidates(list, opts);
    for (const perm of permutations(list)) expect(rankCandidates(perm, opts)).toEqual(expected);
    expect(expected.shortlist).toEqual(['b', 'a', 'c']);
  });

  it('excludes an eliminated rank-1 candidate and moves everyone up', () => {
    const r = rankCandidates([c('top', 95, { eliminated: true }), c('b', 85), c('c', 80), c('d', 75)], opts);
    expect(r.outcome).toBe('COMPLETE');
    expect(r.shortlist).toEqual(['b', 'c', 'd']);
    const top = r.ranked.find((x) => x.applicationId === 'top')!;
    expect(top).toMatchObject({ rank: null, qualified: false, shortlisted: false, note: 'Dinyatakan gugur' });
  });

  it('reports TOO_FEW_QUALIFIED with 2 qualified, never a shorter list', () => {
    const r = rankCandidates([c('a', 90), c('b', 80), c('c', 65), c('d', 88, { withdrawn: true })], opts);
    expect(r).toMatchObject({ outcome: 'TOO_FEW_QUALIFIED', shortlist: [], qualifiedCount: 2 });
    expect(r.ranked.map((x) => [x.applicationId, x.rank, x.shortlisted])).toEqual([
      ['a', 1, false],
      ['b', 2, false],
      ['d', null, false],
      ['c', null, false],
    ]);
  });

  it.each<[string, Partial<RankingCandidate>, number | null, string]>([
    ['withdrawn', { withdrawn: true }, 90, 'Mengundurkan diri'],
    ['not eligible', { eligible: false }, 90, 'Tidak memenuhi syarat administrasi'],
    ['eliminated', { eliminated: true }, 90, 'Dinyatakan gugur'],
    ['no total yet', {}, null, 'Nilai akhir belum lengkap'],
    ['below the pass mark', {}, 69.5, 'Nilai akhir 69,50 di bawah nilai ambang batas 70,00'],
  ])('explains why a candidate is not qualified: %s', (_name, over, total, note) => {
    const r = rankCandidates([c('a', 90), c('b', 85), c('c', 80), c('x', total, over)], opts);
    expect(r.ranked.find((x) => x.applicationId === 'x')).toMatchObject({ qualified: false, rank: null, note });
    expect(r.shortlist).toEqual(['a', 'b', 'c']);
  });

  it('refuses the same application twice', () => {
    expect(() => rankCandidates([c('a', 90), c('a', 80)], opts)).toThrow(
      expect.objectContaining({ code: 'VALIDATION_FAILED' }),
    );
  });
});
