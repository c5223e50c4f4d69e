import { describe, expect, it } from 'vitest';
import { buildSelectionRules, HOLIDAYS_2026 } from '@seleksi/domain';
import type { StageDocumentSpec } from './activities';
import { buildStageDocument } from './documents';
import type { ApplicationState, OpenSelectionInput } from './definitions';

const input: OpenSelectionInput = {
  selectionId: 'JPT-2026-DOC',
  agency: {
    code: 'KALTIM',
    name: 'Pemerintah Provinsi Kalimantan Timur',
    address: 'Jalan Gajah Mada No. 2',
    city: 'Samarinda',
    province: 'Kalimantan Timur',
    timeZone: 'WITA',
    kind: 'PROVINCE',
  },
  title: 'Seleksi Terbuka JPT Pratama 2026',
  announcementDate: '2026-06-01',
  registrationClosesAt: '2026-06-15T15:59:59.999Z',
  plannedInaugurationDate: '2026-09-01',
  vacancies: [
    { id: 'JPT-2026-DOC-V1', level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' },
  ],
  rules: buildSelectionRules(),
  calendar: { 2026: HOLIDAYS_2026 },
  electionWindows: [],
  requirements: [],
  signatory: { name: 'Prof. Aminah', title: 'Ketua Panitia Seleksi' },
  ppkTitle: 'Gubernur Kalimantan Timur',
  createdBy: { userId: 'u', role: 'PANSEL_SECRETARY' },
  createdAt: '2026-05-20T00:00:00.000Z',
};

function application(
  n: number,
  eligible: boolean,
  failed: string[] = [],
): StageDocumentSpec['state']['applications'][number] {
  const a: ApplicationState = {
    applicationId: `JPT-2026-DOC-V1.c${n}`,
    candidateId: `c${n}`,
    vacancyId: 'JPT-2026-DOC-V1',
    submittedAt: '2026-06-02T00:00:00.000Z',
    homePpkPermission: false,
    status: eligible ? 'SHORTLISTED' : 'NOT_ELIGIBLE',
    eligible,
    screeningReopened: false,
    failedRequirements: failed,
    assessment: null,
    interview: {},
    calibrationRound: 0,
    calibrationRequested: false,
    trackRecord: null,
    withdrawn: false,
  };
  return { ...a, total: null, interviewScore: null };
}

const names = new Map([
  ['c1', { name: 'Zainal Abidin', nip: '197501102000031001' }],
  ['c2', { name: 'Budi Santoso', nip: '197602152001032002' }],
  ['c3', { name: 'Citra Lestari', nip: '197703202002032003' }],
  ['c4', { name: 'Dewi Anggraini', nip: '197804252003032004' }],
]);

function spec(kind: StageDocumentSpec['kind'], overrides: Partial<StageDocumentSpec> = {}): StageDocumentSpec {
  return {
    kind,
    key: `k:${kind}`,
    date: '2026-07-01',
    input,
    state: {
      pansel: [],
      vacancies: [
        {
          id: 'JPT-2026-DOC-V1',
          status: 'SHORTLISTED',
          extensions: 0,
          pendingDecision: null,
          outcome: null,
          shortlist: ['JPT-2026-DOC-V1.c1', 'JPT-2026-DOC-V1.c2', 'JPT-2026-DOC-V1.c3'],
          ranking: [],
          proposedApplicationId: null,
          appointedApplicationId: null,
          decreeNumber: null,
          inaugurationDate: null,
        },
      ],
      applications: [
        application(1, true),
        application(2, true),
        application(3, true),
        application(4, false, ['Pangkat: III/d']),
      ],
    },
    vacancyIds: ['JPT-2026-DOC-V1'],
    applicationIds: null,
    withScores: false,
    withScreening: true,
    extra: {},
    ...overrides,
  };
}

describe('stage documents', () => {
  it('publishes the 3 names in alphabetical order with masked NIPs, never the rank', () => {
    const doc = buildStageDocument(spec('FINAL_RESULT_ANNOUNCEMENT'), names);
    expect(doc.visibility).toBe('PUBLIC');
    const rows = doc.tables![0]!.rows;
    expect(rows.map((r) => r[1])).toEqual(['Budi Santoso', 'Citra Lestari', 'Zainal Abidin']);
    expect(rows[0]![2]).toBe('********200103****');
    expect(JSON.stringify(doc)).not.toContain('197602152001032002');
  });

  it('gives the reason for every TMS in the minutes, but only MS/TMS in the public list', () => {
    const minutes = buildStageDocument(spec('ADMINISTRATIVE_RESULT_MINUTES'), names);
    const announcement = buildStageDocument(spec('ADMINISTRATIVE_RESULT_ANNOUNCEMENT'), names);
    expect(minutes.visibility).toBe('RESTRICTED');
    const dewi = minutes.tables![0]!.rows.find((r) => r[1] === 'Dewi Anggraini')!;
    expect(dewi.slice(3)).toEqual(['TMS', 'Pangkat: III/d']);
    expect(announcement.tables![0]!.columns.map((c) => c.header)).not.toContain('Keterangan');
  });

  it('prints the frozen weights and pass mark in the plenary minutes', () => {
    const doc = buildStageDocument(spec('FINAL_RESULT_MINUTES'), names);
    expect(doc.paragraphs.join(' ')).toContain(`nilai ambang batas ${input.rules.scoring.passMark}`);
    expect(doc.paragraphs.join(' ')).toContain(`wawancara ${input.rules.scoring.weights.interview}%`);
  });

  it('marks training-mode documents as SIMULASI and has the PPK sign decrees', () => {
    const doc = buildStageDocument(
      {
        ...spec('APPOINTMENT_DECREE', { applicationIds: ['JPT-2026-DOC-V1.c2'] }),
        input: { ...input, simulation: { secondsPerDay: 1 } },
      },
      names,
    );
    expect(doc.title.startsWith('[SIMULASI]')).toBe(true);
    expect(doc.signatory.title).toBe('Gubernur Kalimantan Timur');
    expect(doc.paragraphs[0]).toContain('Budi Santoso');
  });
});
