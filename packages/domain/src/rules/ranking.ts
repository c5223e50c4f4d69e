/**
 * Final ranking in the Pansel plenary (domain.md §1.1, §1.3): exactly `shortlistSize` (3) names
 * per vacancy, or an explicit TOO_FEW_QUALIFIED outcome for the Pansel to decide on: never a
 * shorter list. The order of the input never matters.
 */
import { DomainError } from '../errors';
import { formatScore } from './scoring';

export interface RankingCandidate {
  applicationId: string;
  total: number | null;
  interview: number | null;
  assessment: number | null;
  submittedAt: string; // instant
  eliminated: boolean;
  withdrawn: boolean;
  eligible: boolean;
}

export interface RankedCandidate extends RankingCandidate {
  /** 1.. for qualified candidates, null otherwise. */
  rank: number | null;
  qualified: boolean;
  shortlisted: boolean;
  /** Why not qualified, or the tie-break that placed the candidate (Bahasa Indonesia); '' otherwise. */
  note: string;
}

export interface RankingResult {
  ranked: RankedCandidate[];
  /** applicationIds, best first; exactly shortlistSize when COMPLETE, empty otherwise. */
  shortlist: string[];
  qualifiedCount: number;
  outcome: 'COMPLETE' | 'TOO_FEW_QUALIFIED';
}

/**
 * Order of the criteria: final total (higher first), then interview score (higher first), then
 * assessment score (higher first; a missing score ranks after any score), then earlier
 * submission, then applicationId (ascending code units) so the order is always total.
 */
export const TIE_BREAK_ORDER: readonly string[] = [
  'TOTAL_DESC',
  'INTERVIEW_DESC',
  'ASSESSMENT_DESC',
  'SUBMITTED_AT_ASC',
  'APPLICATION_ID_ASC',
];

export const TIE_BREAK_TEXT_ID: Record<string, string> = {
  TOTAL_DESC: 'nilai akhir',
  INTERVIEW_DESC: 'nilai wawancara',
  ASSESSMENT_DESC: 'nilai asesmen',
  SUBMITTED_AT_ASC: 'waktu pendaftaran lebih awal',
  APPLICATION_ID_ASC: 'nomor pendaftaran',
};

function desc(a: number | null, b: number | null): number {
  const x = a ?? Number.NEGATIVE_INFINITY;
  const y = b ?? Number.NEGATIVE_INFINITY;
  return x === y ? 0 : x > y ? -1 : 1;
}

function byTime(a: string, b: string): number {
  const x = Date.parse(a);
  const y = Date.parse(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x === y ? 0 : x < y ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

const CRITERIA: Record<string, (a: RankingCandidate, b: RankingCandidate) => number> = {
  TOTAL_DESC: (a, b) => desc(a.total, b.total),
  INTERVIEW_DESC: (a, b) => desc(a.interview, b.interview),
  ASSESSMENT_DESC: (a, b) => desc(a.assessment, b.assessment),
  SUBMITTED_AT_ASC: (a, b) => byTime(a.submittedAt, b.submittedAt),
  APPLICATION_ID_ASC: (a, b) => (a.applicationId === b.applicationId ? 0 : a.applicationId < b.applicationId ? -1 : 1),
};

/** The first criterion that separates a and b, and its comparison. */
function decide(a: RankingCandidate, b: RankingCandidate): { criterion: string; cmp: number } {
  for (const criterion of TIE_BREAK_ORDER) {
    const cmp = CRITERIA[criterion]!(a, b);
    if (cmp !== 0) return { criterion, cmp };
  }
  return { criterion: 'APPLICATION_ID_ASC', cmp: 0 };
}

export function compareRankingCandidates(a: RankingCandidate, b: RankingCandidate): number {
  return decide(a, b).cmp;
}

function notQualifiedReason(c: RankingCandidate, passMark: number): string | null {
  if (c.withdrawn) return 'Mengundurkan diri';
  if (!c.eligible) return 'Tidak memenuhi syarat administrasi';
  if (c.eliminated) return 'Dinyatakan gugur';
  if (c.total === null) return 'Nilai akhir belum lengkap';
  if (c.total < passMark)
    return `Nilai akhir ${formatScore(c.total)} di bawah nilai ambang batas ${formatScore(passMark)}`;
  return null;
}

export function rankCandidates(
  candidates: RankingCandidate[],
  opts: { passMark: number; shortlistSize: number },
): RankingResult {
  if (!Number.isInteger(opts.shortlistSize) || opts.shortlistSize < 1)
    throw new DomainError('VALIDATION_FAILED', 'Jumlah calon yang diusulkan paling sedikit 1', 'shortlistSize');
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.applicationId))
      throw new DomainError(
        'VALIDATION_FAILED',
        `Pendaftaran ${c.applicationId} tercatat lebih dari sekali`,
        'candidates',
      );
    seen.add(c.applicationId);
  }
  const sorted = [...candidates].sort(compareRankingCandidates);
  const qualified: RankingCandidate[] = [];
  const others: { c: RankingCandidate; reason: string }[] = [];
  for (const c of sorted) {
    const reason = notQualifiedReason(c, opts.passMark);
    if (reason === null) qualified.push(c);
    else others.push({ c, reason });
  }
  const complete = qualified.length >= opts.shortlistSize;

  const ranked: RankedCandidate[] = qualified.map((c, i) => {
    // Tie-breaks used against equal-total neighbours.
    const used = new Set<string>();
    for (const other of [qualified[i - 1], qualified[i + 1]]) {
      if (!other || other.total !== c.total) continue;
      used.add(decide(c, other).criterion);
    }
    const note =
      used.size === 0
        ? ''
        : `Nilai akhir sama dengan peserta lain; urutan ditentukan oleh ${TIE_BREAK_ORDER.filter((k) => used.has(k))
            .map((k) => TIE_BREAK_TEXT_ID[k])
            .join(' dan ')}`;
    const rank = i + 1;
    return { ...c, rank, qualified: true, shortlisted: complete && rank <= opts.shortlistSize, note };
  });
  for (const { c, reason } of others)
    ranked.push({ ...c, rank: null, qualified: false, shortlisted: false, note: reason });

  return {
    ranked,
    shortlist: complete ? qualified.slice(0, opts.shortlistSize).map((c) => c.applicationId) : [],
    qualifiedCount: qualified.length,
    outcome: complete ? 'COMPLETE' : 'TOO_FEW_QUALIFIED',
  };
}
