import { describe, expect, it } from 'vitest';
import { buildSelectionRules, DEFAULT_LEGAL_BASIS, HOLIDAYS_2026 } from '@seleksi/domain';
import type { StageDocumentSpec } from './activities';
import { buildStageDocument } from './documents';
import { KALTIM } from '../test-fixtures';
import { submittedApplicationState, type ApplicationState, type OpenSelectionInput } from './definitions';

const input: OpenSelectionInput = {
  selectionId: 'JPT-2026-DOC',
  agency: KALTIM,
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
    ...submittedApplicationState({
      applicationId: `JPT-2026-DOC-V1.c${n}`,
      candidateId: `c${n}`,
      vacancyId: 'JPT-2026-DOC-V1',
      submittedAt: '2026-06-02T00:00:00.000Z',
      homePpkPermission: false,
    }),
    status: eligible ? 'SHORTLISTED' : 'NOT_ELIGIBLE',
    eligible,
    failedRequirements: failed,
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

  it('notes a provisional calendar under an extended deadline, and only then', () => {
    const extended = (extra: StageDocumentSpec['extra']) =>
      buildStageDocument(spec('EXTENSION_NOTICE', { extra }), names).paragraphs.join(' ');
    expect(extended({ round: 1, closesOn: '2027-01-12', provisional: true })).toContain('kalender sementara');
    expect(extended({ round: 1, closesOn: '2026-12-12' })).not.toContain('kalender sementara');
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
    expect(doc.decree?.decisions[0]).toContain('Budi Santoso');
  });
});

describe('decrees', () => {
  const members: StageDocumentSpec['state']['pansel'] = [
    {
      id: 'm1',
      userId: 'u1',
      name: 'Prof. Aminah',
      institution: 'Universitas Mulawarman',
      internal: false,
      partyMember: false,
      role: 'CHAIR',
    },
    {
      id: 'm2',
      userId: 'u2',
      name: 'Ir. Hendra',
      institution: 'Pemprov Kaltim',
      internal: true,
      partyMember: false,
      role: 'SECRETARY',
    },
    {
      id: 'm3',
      userId: 'u3',
      name: 'Dr. Rahmawati',
      institution: 'BPSDM',
      internal: false,
      partyMember: false,
      role: 'MEMBER',
    },
  ];

  it('forms the Pansel: considerations, the era’s legal basis, duties as dictums, members in the attachment', () => {
    const doc = buildStageDocument(
      { ...spec('PANSEL_DECREE'), state: { ...spec('PANSEL_DECREE').state, pansel: members } },
      names,
    );
    expect(doc.kind).toBe('PANSEL_DECREE');
    expect(doc.title).toBe(
      'Pembentukan Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Kalimantan Timur',
    );
    expect(doc.signatory).toEqual({ name: 'Gubernur Kalimantan Timur', title: 'Gubernur Kalimantan Timur', nip: null });
    const decree = doc.decree!;
    expect(decree.considering.every((c) => c.startsWith('bahwa '))).toBe(true);
    expect(decree.considering.at(-1)).toBe(
      'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan ' +
        `Gubernur Kalimantan Timur tentang ${doc.title}`,
    );
    expect(decree.legalBasis).toEqual([...DEFAULT_LEGAL_BASIS.BKN.PANSEL_DECREE]);
    expect(decree.legalBasis[0]).toBe('Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara');
    expect(decree.decisions[0]).toMatch(/^Membentuk Panitia Seleksi .* tercantum dalam Lampiran/);
    expect(decree.decisions[1]).toMatch(/mempunyai tugas:\na\. menyusun jadwal/);
    expect(decree.decisions.at(-1)).toBe('Keputusan ini mulai berlaku pada tanggal ditetapkan.');
    expect(doc.paragraphs).toEqual([]);
    expect(doc.tables![0]!.rows).toEqual([
      ['1', 'Prof. Aminah', 'Eksternal', 'Ketua', 'Universitas Mulawarman'],
      ['2', 'Ir. Hendra', 'Internal', 'Sekretaris', 'Pemprov Kaltim'],
      ['3', 'Dr. Rahmawati', 'Eksternal', 'Anggota', 'BPSDM'],
    ]);
    expect(doc.tables![1]!.rows).toEqual([['1', 'Kepala Dinas Pendidikan (JPT Pratama)', 'Dinas Pendidikan']]);
    expect(doc.copies).toContain('Kepala Badan Kepegawaian Negara di Jakarta');
  });

  it('takes the legal basis from the pinned rules: the KASN era’s law, or the agency’s own list', () => {
    const kasn = buildSelectionRules({ overseer: { era: 'KASN' } });
    const own = [
      'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
      'Peraturan Gubernur Nomor 7 Tahun 2025',
    ];
    const withRules = (rules: OpenSelectionInput['rules']) => ({
      ...spec('APPOINTMENT_DECREE'),
      input: { ...input, rules },
    });

    const kasnDecree = buildStageDocument(withRules(kasn), names).decree!;
    expect(kasnDecree.legalBasis[0]).toBe('Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara');
    expect(kasnDecree.considering[1]).toContain('Komisi Aparatur Sipil Negara telah memberikan rekomendasi');

    const ownRules = buildSelectionRules({ legalBasis: { APPOINTMENT_DECREE: own } });
    expect(buildStageDocument(withRules(ownRules), names).decree!.legalBasis).toEqual(own);
    // Kinds the override does not name keep the defaults.
    expect(buildStageDocument({ ...withRules(ownRules), kind: 'PANSEL_DECREE' }, names).decree!.legalBasis).toEqual([
      ...DEFAULT_LEGAL_BASIS.BKN.PANSEL_DECREE,
    ]);
  });

  it('appoints the chosen candidate to the post and unit, effective on inauguration', () => {
    const doc = buildStageDocument(spec('APPOINTMENT_DECREE', { applicationIds: ['JPT-2026-DOC-V1.c2'] }), names);
    expect(doc.title).toBe(
      'Pengangkatan dalam Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Kalimantan Timur',
    );
    const decree = doc.decree!;
    expect(decree.decisions[0]).toBe(
      'Mengangkat Saudara Budi Santoso, NIP 19760215 200103 2 002, dalam jabatan Kepala Dinas Pendidikan ' +
        '(Jabatan Pimpinan Tinggi Pratama) pada Dinas Pendidikan di Lingkungan Pemerintah Provinsi Kalimantan Timur.',
    );
    expect(decree.decisions.at(-1)).toBe('Keputusan ini mulai berlaku pada tanggal pelantikan.');
    expect(decree.considering[1]).toContain('Badan Kepegawaian Negara telah memberikan persetujuan');
    expect(decree.legalBasis).toEqual([...DEFAULT_LEGAL_BASIS.BKN.APPOINTMENT_DECREE]);
    expect(doc.tables).toEqual([]);
    expect(doc.copies).toEqual(['Kepala Badan Kepegawaian Negara di Jakarta', 'Yang bersangkutan']);
  });

  it('cites the presidential decree when the President decided', () => {
    const doc = buildStageDocument(
      spec('APPOINTMENT_DECREE', {
        applicationIds: ['JPT-2026-DOC-V1.c1'],
        extra: { presidentialDecree: '12/TPA/2026' },
      }),
      names,
    );
    expect(doc.decree!.considering).toHaveLength(4);
    expect(doc.decree!.considering[2]).toBe(
      'bahwa Presiden telah menetapkan pengangkatan dengan Keputusan Presiden Nomor 12/TPA/2026',
    );
    expect(doc.decree!.considering[3]).toContain('huruf a, huruf b, dan huruf c');
  });

  it('sends no decree content with the other kinds', () => {
    expect(buildStageDocument(spec('FINAL_RESULT_MINUTES'), names).decree).toBeNull();
    expect(buildStageDocument(spec('REPORT_TO_PPK'), names).decree).toBeNull();
  });
});
