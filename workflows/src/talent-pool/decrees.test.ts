import { describe, expect, it } from 'vitest';
import { DEFAULT_LEGAL_BASIS, overseerRulesFor, type ProfileDto } from '@seleksi/domain';
import { buildSuccessionGroupDecision } from '../talent-mapping/activities';
import { KALTIM, talentFillingInput } from '../test-fixtures';
import { buildTalentAppointmentDecree } from './activities';
import type { TalentPoolFillingState } from './definitions';

const post = {
  id: 'post-dinkes',
  level: 'PRATAMA' as const,
  position: 'Kepala Dinas Kesehatan',
  unit: 'Dinas Kesehatan',
};

const input = talentFillingInput('F-1', post);

const state = {
  gate: { open: true, meritCategory: 'SANGAT_BAIK', reasons: [], period: '2026' },
  appointedEmployeeId: 'e1',
} as unknown as TalentPoolFillingState;

describe('talent-route appointment decree', () => {
  it('appoints the successor to the post and unit on inauguration, on the talent-management legal basis', () => {
    const req = buildTalentAppointmentDecree({
      input,
      state,
      date: '2027-02-10',
      appointee: { name: 'Dr. Andi Pratama, S.T., M.T.', nip: '197805122005011003' },
    });
    expect(req).toMatchObject({
      kind: 'APPOINTMENT_DECREE',
      idempotencyKey: 'talent-filling:KALTIM:F-1:APPOINTMENT_DECREE',
      title:
        'Pengangkatan dalam Jabatan Pimpinan Tinggi Pratama melalui Manajemen Talenta di Lingkungan Pemerintah ' +
        'Provinsi Kalimantan Timur',
      signatory: { title: 'Gubernur Kalimantan Timur' },
      paragraphs: [],
    });
    expect(req.decree!.considering[0]).toContain('pemetaan talenta periode 2026');
    expect(req.decree!.considering.at(-1)).toContain('perlu menetapkan Keputusan Gubernur Kalimantan Timur tentang');
    expect(req.decree!.legalBasis).toEqual([...DEFAULT_LEGAL_BASIS.BKN.TALENT_APPOINTMENT_DECREE]);
    expect(req.decree!.legalBasis.at(-1)).toContain('Nomor 3 Tahun 2020 tentang Manajemen Talenta');
    expect(req.decree!.decisions[0]).toBe(
      'Mengangkat Saudara Dr. Andi Pratama, S.T., M.T., NIP 19780512 200501 1 003, dalam jabatan Kepala Dinas ' +
        'Kesehatan (Jabatan Pimpinan Tinggi Pratama) pada Dinas Kesehatan di Lingkungan Pemerintah Provinsi ' +
        'Kalimantan Timur.',
    );
    expect(req.decree!.decisions.at(-1)).toBe('Keputusan ini mulai berlaku pada tanggal pelantikan.');
  });

  it('cites UU 5/2014 and KASN in the KASN era', () => {
    const req = buildTalentAppointmentDecree({
      input: { ...input, overseer: overseerRulesFor('KASN') },
      state,
      date: '2023-02-10',
      appointee: { name: 'Siti Aminah', nip: null },
    });
    expect(req.decree!.legalBasis[0]).toBe('Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara');
    expect(req.decree!.considering[1]).toContain('Komisi Aparatur Sipil Negara');
    expect(req.decree!.decisions[0]).toMatch(/^Mengangkat Saudara Siti Aminah, dalam jabatan/);
  });

  it.each([
    ['PRESIDENT', false],
    ['PRESIDENT_VIA_HOME_AFFAIRS', true],
  ] as const)(
    'a Madya post on the %s route cites the Keppres (through the Home Affairs Minister: %s)',
    (route, via) => {
      const req = buildTalentAppointmentDecree({
        input: { ...input, post: { ...post, level: 'MADYA' } },
        state: { ...state, route, presidentialDecree: { number: '45/TPA Tahun 2027', date: '2027-02-01' } },
        date: '2027-02-10',
        appointee: { name: 'Siti Aminah', nip: null },
      });
      const keppres = req.decree!.considering.find((c) => c.includes('Keputusan Presiden'));
      expect(keppres).toContain('Keputusan Presiden Nomor 45/TPA Tahun 2027 tanggal 1 Februari 2027');
      expect(keppres!.includes('melalui Menteri Dalam Negeri')).toBe(via);
    },
  );

  it('a PPK appointment cites no Keppres', () => {
    const req = buildTalentAppointmentDecree({
      input,
      state: { ...state, route: 'PPK', presidentialDecree: null },
      date: '2027-02-10',
      appointee: { name: 'Siti Aminah', nip: null },
    });
    expect(req.decree!.considering.join(' ')).not.toContain('Presiden');
  });
});

describe('succession-group (KRS) decision', () => {
  const profile = (name: string): ProfileDto => ({
    id: name,
    nip: '197805122005011003',
    name,
    rank: 'IV/b',
    agencyCode: 'KALTIM',
    education: 'S2',
    careers: [
      {
        position: 'Sekretaris Dinas',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas Kesehatan',
        agencyCode: 'KALTIM',
        from: '2020-01-02',
        to: null,
      },
    ],
    skp: [],
    lhkpnFiled: true,
    disciplinarySanction: false,
  });
  const args = {
    agency: KALTIM,
    post: { id: 'post-dinkes', title: 'Kepala Dinas Kesehatan', level: 'PRATAMA' as const, unit: 'Dinas Kesehatan' },
    period: '2026',
    year: 2026,
    date: '2026-12-15',
    poolBoxes: [7, 8, 9],
  };

  it('puts the group in successor order in the attachment, with the ordering rule as a dictum', () => {
    const req = buildSuccessionGroupDecision({
      ...args,
      group: [
        { order: 1, box: 9, score: 91.2, profile: profile('Dr. Andi Pratama') },
        { order: 2, box: 8, score: 86.1, profile: profile('Siti Aminah') },
      ],
    });
    expect(req).toMatchObject({
      kind: 'SUCCESSION_GROUP_DECISION',
      idempotencyKey: 'succession-group:KALTIM:2026:post-dinkes:2026',
      title: 'Kelompok Rencana Suksesi Jabatan Kepala Dinas Kesehatan Tahun 2026',
      visibility: 'PUBLIC',
    });
    expect(req.decree!.considering[0]).toContain('kotak 7, 8, 9');
    expect(req.decree!.legalBasis).toEqual([...DEFAULT_LEGAL_BASIS.BKN.SUCCESSION_GROUP_DECISION]);
    expect(req.decree!.decisions[0]).toContain('sebagaimana tercantum dalam Lampiran');
    expect(req.decree!.decisions[1]).toMatch(/^Urutan calon suksesor: kotak talenta/);
    expect(req.tables![0]!.rows).toEqual([
      ['1', 'Dr. Andi Pratama', 'Sekretaris Dinas, Dinas Kesehatan', '9', '91,20'],
      ['2', 'Siti Aminah', 'Sekretaris Dinas, Dinas Kesehatan', '8', '86,10'],
    ]);
    expect(JSON.stringify(req)).not.toContain('197805122005011003');
  });

  it('says so when no talent qualifies', () => {
    const req = buildSuccessionGroupDecision({ ...args, group: [] });
    expect(req.decree!.decisions[0]).toContain('belum dapat diisi');
    expect(req.decree!.decisions).toHaveLength(3);
    expect(req.tables![0]!.rows).toEqual([]);
  });
});
