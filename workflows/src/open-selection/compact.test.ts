import { describe, expect, it } from 'vitest';
import { applicationId } from '@seleksi/domain';
import type { ApplicationState, RankedEntry } from './definitions';
import { compactApplication, compactRanking, expandApplication, expandRanking } from './compact';

const VACANCIES = ['SEL-V01', 'SEL-V02'];
const MEMBERS = [
  'JPT-2026-0A1B2C3D-M1',
  'JPT-2026-0A1B2C3D-M2',
  'JPT-2026-0A1B2C3D-M3',
  'JPT-2026-0A1B2C3D-M4',
  'JPT-2026-0A1B2C3D-M5',
];
const INDEX = { vacancyIds: VACANCIES, memberIds: MEMBERS };

function full(i: number): ApplicationState {
  const candidateId = `19800101200${String(i).padStart(7, '0')}`;
  return {
    applicationId: applicationId(VACANCIES[i % 2]!, candidateId),
    candidateId,
    vacancyId: VACANCIES[i % 2]!,
    submittedAt: new Date(Date.UTC(2026, 11, 1, 0, 0, i)).toISOString(),
    homePpkPermission: i % 3 === 0,
    status: 'IN_ASSESSMENT',
    eligible: i % 5 === 0 ? false : true,
    screeningReopened: i % 7 === 0,
    failedRequirements: i % 5 === 0 ? ['Pangkat/golongan: belum IV/a'] : [],
    assessment: { managerial: 81.25, socioCultural: 70, paper: 75.5, presentation: 88, score: 77.63 },
    interview: Object.fromEntries(
      MEMBERS.map((m, k) => [
        m,
        { value: 70 + k, at: new Date(Date.UTC(2026, 11, 5, 3, k)).toISOString(), by: m, round: k % 2 },
      ]),
    ),
    calibrationRound: 1,
    calibrationRequested: i % 2 === 0,
    trackRecord: { score: 90, eliminated: i % 11 === 0 },
    withdrawn: i % 13 === 0,
  };
}

describe('compact application rows for continue-as-new', () => {
  it('round-trips every field, also for a fresh application', () => {
    for (let i = 0; i < 30; i++) {
      const a = full(i);
      expect(expandApplication(compactApplication(a, INDEX), INDEX)).toEqual(a);
    }
    const fresh: ApplicationState = {
      ...full(1),
      status: 'SUBMITTED',
      eligible: null,
      assessment: null,
      interview: {},
      calibrationRound: 0,
      calibrationRequested: false,
      trackRecord: null,
      failedRequirements: [],
      withdrawn: false,
    };
    expect(expandApplication(compactApplication(fresh, INDEX), INDEX)).toEqual(fresh);
  });

  it('keeps 5,000 scored applicants well under the 2 MB payload limit', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => compactApplication(full(i), INDEX));
    const bytes = Buffer.byteLength(JSON.stringify(rows));
    const verbose = Buffer.byteLength(JSON.stringify(Array.from({ length: 5000 }, (_, i) => full(i))));
    expect(bytes).toBeLessThan(1_000_000);
    expect(bytes).toBeLessThan(verbose / 2);
  });

  it('round-trips a ranking by application index, small enough for 5,000 applicants', () => {
    const apps = Array.from({ length: 5000 }, (_, i) => full(i));
    const ids = apps.map((a) => a.applicationId);
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const ranking: RankedEntry[] = apps.map((a, i) => ({
      applicationId: a.applicationId,
      rank: a.eligible ? i + 1 : null,
      total: a.eligible ? 90 - i / 100 : null,
      qualified: i % 4 !== 0,
      shortlisted: i < 3,
      note: i % 9 === 0 ? 'Tidak memenuhi nilai ambang batas' : '',
    }));
    const rows = compactRanking(ranking, indexOf);
    expect(expandRanking(rows, ids)).toEqual(ranking);
    expect(Buffer.byteLength(JSON.stringify(rows))).toBeLessThan(Buffer.byteLength(JSON.stringify(ranking)) / 3);
  });
});
