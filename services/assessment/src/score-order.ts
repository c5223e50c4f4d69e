import type { ScoreRecordDto } from '@seleksi/domain';

function cmp(a: string | null, b: string | null): number {
  // null first, as MongoDB sorts it; then by code unit, independent of locale.
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Order of `GET /score-records`: applicationId, kind, memberId (null first), round, then id. */
export function compareScoreRecords(a: ScoreRecordDto, b: ScoreRecordDto): number {
  return (
    cmp(a.applicationId, b.applicationId) ||
    cmp(a.kind, b.kind) ||
    cmp(a.memberId, b.memberId) ||
    a.round - b.round ||
    cmp(a.id, b.id)
  );
}
