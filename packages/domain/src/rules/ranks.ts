/**
 * Civil-service ranks (pangkat / golongan ruang) I/a … IV/e, lowest first (domain.md §4,
 * domain-research §4.4).
 */
export const RANKS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
] as const;
export type Rank = (typeof RANKS)[number];

export const RANK_NAMES: Record<Rank, string> = {
  'I/a': 'Juru Muda',
  'I/b': 'Juru Muda Tingkat I',
  'I/c': 'Juru',
  'I/d': 'Juru Tingkat I',
  'II/a': 'Pengatur Muda',
  'II/b': 'Pengatur Muda Tingkat I',
  'II/c': 'Pengatur',
  'II/d': 'Pengatur Tingkat I',
  'III/a': 'Penata Muda',
  'III/b': 'Penata Muda Tingkat I',
  'III/c': 'Penata',
  'III/d': 'Penata Tingkat I',
  'IV/a': 'Pembina',
  'IV/b': 'Pembina Tingkat I',
  'IV/c': 'Pembina Utama Muda',
  'IV/d': 'Pembina Utama Madya',
  'IV/e': 'Pembina Utama',
};

export function isRank(s: unknown): s is Rank {
  return typeof s === 'string' && (RANKS as readonly string[]).includes(s);
}

/**
 * Reads a rank written loosely ('iv/A', ' IV / a ', 'IV-a') as its canonical form, or null when it
 * is not a rank.
 */
export function parseRank(s: string): Rank | null {
  const m = /^\s*(I{1,3}|IV)\s*[/-]\s*([a-e])\s*$/i.exec(s);
  if (!m) return null;
  const candidate = `${m[1]!.toUpperCase()}/${m[2]!.toLowerCase()}`;
  return isRank(candidate) ? candidate : null;
}

/** Negative when `a` is lower than `b`, zero when equal, positive when higher. */
export function compareRanks(a: Rank, b: Rank): number {
  return RANKS.indexOf(a) - RANKS.indexOf(b);
}

/** 'IV/a (Pembina)'. */
export function rankLabel(rank: Rank): string {
  return `${rank} (${RANK_NAMES[rank]})`;
}
