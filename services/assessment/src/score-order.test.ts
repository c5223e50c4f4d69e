import type { ScoreRecordDto } from '@seleksi/domain';
import { describe, expect, it } from 'vitest';
import { compareScoreRecords } from './score-order';

function rec(applicationId: string, kind: ScoreRecordDto['kind'], memberId: string | null, round: number) {
  return {
    id: `${applicationId}:${kind}:${memberId}:${round}`,
    selectionId: 's',
    applicationId,
    candidateId: 'c',
    kind,
    memberId,
    round,
    value: 80,
    note: null,
    recordedBy: { userId: 'u', role: 'PANSEL_MEMBER' },
    recordedAt: '2026-12-01T00:00:00.000Z',
  } satisfies ScoreRecordDto;
}

describe('compareScoreRecords', () => {
  it('orders by applicationId, kind, memberId (null first) and round', () => {
    const sorted = [
      rec('b', 'ASSESSMENT', null, 0),
      rec('a', 'INTERVIEW', 'm2', 0),
      rec('a', 'INTERVIEW', 'm1', 1),
      rec('a', 'INTERVIEW', null, 0),
      rec('a', 'INTERVIEW', 'm1', 0),
      rec('a', 'ASSESSMENT', null, 0),
    ].sort(compareScoreRecords);
    expect(sorted.map((r) => r.id)).toEqual([
      'a:ASSESSMENT:null:0',
      'a:INTERVIEW:null:0',
      'a:INTERVIEW:m1:0',
      'a:INTERVIEW:m1:1',
      'a:INTERVIEW:m2:0',
      'b:ASSESSMENT:null:0',
    ]);
  });
});
