/**
 * Demo data for a fresh install: a provincial government in WITA, eight ASN profiles with valid
 * NIPs and realistic careers, five Pansel members, one account per role. Fictional people.
 */
import type { AgencyDto, ProfileDto, SkpPredicate, UserIdentity } from '@seleksi/domain';

export const DEMO_PASSWORD = 'SeleksiJPT#2026';

export const DEMO_AGENCY: AgencyDto = {
  code: 'KALTIM',
  name: 'Pemerintah Provinsi Kalimantan Timur',
  address: 'Jalan Gajah Mada Nomor 2, Samarinda 75121',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINSI',
  region: 'Kalimantan Timur',
  addressLines: ['Jalan Gajah Mada Nomor 2, Samarinda, Kalimantan Timur 75121'],
  phone: '(0541) 733333',
  email: 'bkd@demo.seleksi-jpt.id',
  website: 'demo.seleksi-jpt.id',
  serviceHours: 'Senin–Jumat 08.00–16.00 WITA',
  // Fictional officials (the governor, a political office, has no NIP).
  officials: [
    { role: 'PPK', name: 'Dr. H. Rahmat Hidayat, S.E., M.Si.', title: 'Gubernur Kalimantan Timur', nip: null },
    {
      role: 'SEKDA',
      name: 'Ir. Bambang Wicaksono, M.T.',
      title: 'Sekretaris Daerah Provinsi Kalimantan Timur',
      nip: '196805121994031005',
    },
    {
      role: 'BKD_HEAD',
      name: 'Dra. Siti Rahmawati, M.Si.',
      title: 'Kepala Badan Kepegawaian Daerah Provinsi Kalimantan Timur',
      nip: '197202201998032003',
    },
  ],
};

/** The candidate from another agency comes from a regency in the same province. */
export const DEMO_AGENCIES: AgencyDto[] = [
  DEMO_AGENCY,
  {
    code: 'KUKAR',
    name: 'Pemerintah Kabupaten Kutai Kartanegara',
    address: 'Jalan Wolter Monginsidi Nomor 1, Tenggarong 75511',
    city: 'Tenggarong',
    province: 'Kalimantan Timur',
    timeZone: 'WITA',
    kind: 'KABUPATEN',
  },
];

const K = DEMO_AGENCY.code;

/**
 * SKP of the two years before this one and of this year (the latter as the year before), so screening
 * finds the two previous years' appraisals whether it runs this year or, in training mode, next year.
 * Years follow the clock: fixed years would make every demo candidate ineligible once they pass.
 */
function skpHistory(twoYearsAgo: SkpPredicate, lastYear: SkpPredicate): ProfileDto['skp'] {
  const year = new Date().getFullYear();
  return [
    { year: year - 2, predicate: twoYearsAgo },
    { year: year - 1, predicate: lastYear },
    { year, predicate: lastYear },
  ];
}

export const DEMO_PROFILES: ProfileDto[] = [
  {
    id: 'asn-0001',
    nip: '197203151998031004',
    name: 'Dr. Ir. Muhammad Ridwan Syahputra, M.Si.',
    rank: 'IV/c',
    agencyCode: K,
    education: 'S3',
    educationMajor: 'Ilmu Administrasi Publik',
    careers: [
      {
        position: 'Kepala Seksi Kurikulum',
        positionKind: 'PENGAWAS',
        unit: 'Dinas Pendidikan dan Kebudayaan',
        agencyCode: K,
        from: '2008-01-02',
        to: '2013-06-30',
      },
      {
        position: 'Kepala Bidang Pembinaan SMA',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas Pendidikan dan Kebudayaan',
        agencyCode: K,
        from: '2013-07-01',
        to: '2019-12-31',
      },
      {
        position: 'Sekretaris Dinas',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas Pendidikan dan Kebudayaan',
        agencyCode: K,
        from: '2020-01-02',
        to: null,
      },
    ],
    skp: skpHistory('SANGAT_BAIK', 'BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0002',
    nip: '197608222001122002',
    name: 'Siti Rahmawati Nasution, S.E., M.M.',
    rank: 'IV/b',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Manajemen',
    careers: [
      {
        position: 'Kepala Subbidang Pendanaan',
        positionKind: 'PENGAWAS',
        unit: 'Badan Perencanaan Pembangunan Daerah',
        agencyCode: K,
        from: '2010-03-01',
        to: '2016-02-28',
      },
      {
        position: 'Kepala Bidang Perencanaan Ekonomi',
        positionKind: 'ADMINISTRATOR',
        unit: 'Badan Perencanaan Pembangunan Daerah',
        agencyCode: K,
        from: '2016-03-01',
        to: null,
      },
    ],
    skp: skpHistory('BAIK', 'SANGAT_BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0003',
    nip: '197911052005011003',
    name: 'Andi Baso Patiroi, S.T., M.T.',
    rank: 'IV/b',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Teknik Sipil',
    careers: [
      {
        position: 'Kepala Seksi Jalan',
        positionKind: 'PENGAWAS',
        unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        agencyCode: K,
        from: '2011-01-03',
        to: '2017-08-31',
      },
      {
        position: 'Kepala Bidang Bina Marga',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        agencyCode: K,
        from: '2017-09-01',
        to: null,
      },
    ],
    skp: skpHistory('BAIK', 'BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0004',
    nip: '198104172006042001',
    name: 'Yohana Paulina Manurung, S.H., M.H.',
    rank: 'IV/a',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Ilmu Hukum',
    careers: [
      {
        position: 'Analis Hukum Ahli Muda',
        positionKind: 'JF_AHLI_MUDA',
        unit: 'Biro Hukum',
        agencyCode: K,
        from: '2012-05-02',
        to: '2018-12-31',
      },
      {
        position: 'Kepala Bagian Perundang-undangan',
        positionKind: 'ADMINISTRATOR',
        unit: 'Biro Hukum',
        agencyCode: K,
        from: '2019-01-02',
        to: null,
      },
    ],
    skp: skpHistory('SANGAT_BAIK', 'SANGAT_BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0005',
    nip: '198212302009031002',
    name: 'I Gusti Ngurah Arya Wibawa, S.Kom., M.Kom.',
    rank: 'IV/a',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Ilmu Komputer',
    careers: [
      {
        position: 'Pranata Komputer Ahli Muda',
        positionKind: 'JF_AHLI_MUDA',
        unit: 'Dinas Komunikasi dan Informatika',
        agencyCode: K,
        from: '2014-01-02',
        to: '2020-06-30',
      },
      {
        position: 'Pranata Komputer Ahli Madya',
        positionKind: 'JF_AHLI_MADYA',
        unit: 'Dinas Komunikasi dan Informatika',
        agencyCode: K,
        from: '2020-07-01',
        to: null,
      },
    ],
    skp: skpHistory('BAIK', 'BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0006',
    nip: '196805101994031005',
    name: 'Drs. Fransiskus Xaverius Lewerissa, M.AP.',
    rank: 'IV/c',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Administrasi Publik',
    careers: [
      {
        position: 'Kepala Bidang Anggaran',
        positionKind: 'ADMINISTRATOR',
        unit: 'Badan Pengelolaan Keuangan dan Aset Daerah',
        agencyCode: K,
        from: '2009-02-02',
        to: '2015-12-31',
      },
      {
        position: 'Sekretaris Badan',
        positionKind: 'ADMINISTRATOR',
        unit: 'Badan Pengelolaan Keuangan dan Aset Daerah',
        agencyCode: K,
        from: '2016-01-04',
        to: null,
      },
    ],
    skp: skpHistory('BAIK', 'BAIK'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0007',
    nip: '198506122010012001',
    name: 'Nurul Hidayah Lubis, S.Pd., M.Pd.',
    rank: 'III/d',
    agencyCode: K,
    education: 'S2',
    educationMajor: 'Manajemen Pendidikan',
    careers: [
      {
        position: 'Kepala Seksi Peserta Didik',
        positionKind: 'PENGAWAS',
        unit: 'Dinas Pendidikan dan Kebudayaan',
        agencyCode: K,
        from: '2016-04-01',
        to: null,
      },
    ],
    skp: skpHistory('SANGAT_BAIK', 'BAIK'),
    lhkpnFiled: false,
    disciplinarySanction: false,
  },
  {
    id: 'asn-0008',
    nip: '197701202002121001',
    name: 'Rizky Pratama Wijaya, S.IP., M.Si.',
    rank: 'IV/b',
    agencyCode: 'KUKAR',
    education: 'S2',
    educationMajor: 'Ilmu Pemerintahan',
    careers: [
      {
        position: 'Camat Tenggarong',
        positionKind: 'ADMINISTRATOR',
        unit: 'Kecamatan Tenggarong',
        agencyCode: 'KUKAR',
        from: '2015-01-05',
        to: '2020-12-31',
      },
      {
        position: 'Kepala Bagian Tata Pemerintahan',
        positionKind: 'ADMINISTRATOR',
        unit: 'Sekretariat Daerah Kabupaten Kutai Kartanegara',
        agencyCode: 'KUKAR',
        from: '2021-01-04',
        to: null,
      },
    ],
    skp: skpHistory('BAIK', 'BUTUH_PERBAIKAN'),
    lhkpnFiled: true,
    disciplinarySanction: false,
  },
];

export interface DemoPanselMember {
  id: string;
  name: string;
  institution: string;
  internal: boolean;
  partyMember: boolean;
  userId: string;
}

export const DEMO_PANSEL: DemoPanselMember[] = [
  {
    id: 'pansel-1',
    userId: 'user-pansel-1',
    name: 'Prof. Dr. Aminah Sari, M.Si.',
    institution: 'Universitas Mulawarman',
    internal: false,
    partyMember: false,
  },
  {
    id: 'pansel-2',
    userId: 'user-pansel-2',
    name: 'Dr. Bambang Hariyanto, M.Psi., Psikolog',
    institution: 'Himpunan Psikologi Indonesia',
    internal: false,
    partyMember: false,
  },
  {
    id: 'pansel-3',
    userId: 'user-pansel-3',
    name: 'Dr. Ratna Dewi, S.H., M.H.',
    institution: 'Praktisi Manajemen SDM',
    internal: false,
    partyMember: false,
  },
  {
    id: 'pansel-4',
    userId: 'user-pansel-4',
    name: 'Dr. Ir. Hendra Gunawan, M.M.',
    institution: 'Sekretariat Daerah Provinsi Kalimantan Timur',
    internal: true,
    partyMember: false,
  },
  {
    id: 'pansel-5',
    userId: 'user-pansel-5',
    name: 'Drs. Agus Salim, M.AP.',
    institution: 'Sekretariat Daerah Provinsi Kalimantan Timur',
    internal: true,
    partyMember: false,
  },
];

export type DemoUser = UserIdentity;

export const DEMO_USERS: DemoUser[] = [
  {
    id: 'user-admin',
    email: 'admin@demo.seleksi-jpt.id',
    displayName: 'Administrator Sistem',
    role: 'ADMIN',
    agencyCode: null,
    candidateId: null,
  },
  {
    id: 'user-admin-instansi',
    email: 'admininstansi@demo.seleksi-jpt.id',
    displayName: 'Administrator Instansi (BKD Kaltim)',
    role: 'AGENCY_ADMIN',
    agencyCode: K,
    candidateId: null,
  },
  {
    id: 'user-sekretariat',
    email: 'sekretariat@demo.seleksi-jpt.id',
    displayName: 'Sekretariat Pansel (BKD Kaltim)',
    role: 'PANSEL_SECRETARY',
    agencyCode: K,
    candidateId: null,
  },
  ...DEMO_PANSEL.map((m, i) => ({
    id: m.userId,
    email: `pansel${i + 1}@demo.seleksi-jpt.id`,
    displayName: m.name,
    role: 'PANSEL_MEMBER' as const,
    agencyCode: K,
    candidateId: null,
  })),
  {
    id: 'user-ppk',
    email: 'ppk@demo.seleksi-jpt.id',
    displayName: 'Gubernur Kalimantan Timur',
    role: 'PPK',
    agencyCode: K,
    candidateId: null,
  },
  {
    id: 'user-pengawas',
    email: 'pengawas@demo.seleksi-jpt.id',
    displayName: 'Pengawas Sistem Merit (BKN)',
    role: 'OVERSEER',
    agencyCode: null,
    candidateId: null,
  },
  ...DEMO_PROFILES.map((p, i) => ({
    id: `user-peserta-${i + 1}`,
    email: `peserta${i + 1}@demo.seleksi-jpt.id`,
    displayName: p.name,
    role: 'CANDIDATE' as const,
    agencyCode: p.agencyCode,
    candidateId: p.id,
  })),
];

export const DEMO_SELECTION = {
  title: 'Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Pemerintah Provinsi Kalimantan Timur Tahun 2026',
  vacancies: [
    {
      level: 'PRATAMA' as const,
      position: 'Kepala Dinas Pendidikan dan Kebudayaan',
      unit: 'Dinas Pendidikan dan Kebudayaan',
    },
    {
      level: 'PRATAMA' as const,
      position: 'Kepala Badan Perencanaan Pembangunan Daerah',
      unit: 'Badan Perencanaan Pembangunan Daerah',
    },
  ],
  signatoryName: 'Prof. Dr. Aminah Sari, M.Si.',
  signatoryTitle: 'Ketua Panitia Seleksi',
};

/**
 * The demo agency's merit-system self-assessment (aspect code → score 1–4 and note): validated by the
 * demo overseer at seeding, with an approval of its talent-management system, so the talent route is open.
 * Mean 3.0625 → index 306.25, Baik.
 */
export const DEMO_MERIT_SELF_ASSESSMENT: Record<string, { score: number; note: string }> = {
  NEEDS_PLANNING: { score: 3, note: 'Peta jabatan dan analisis beban kerja ditetapkan (data demo)' },
  PROCUREMENT: { score: 3, note: 'Pengadaan melalui seleksi nasional (data demo)' },
  CAREER_DEVELOPMENT: { score: 3.5, note: 'Pola karier dan rencana pengembangan kompetensi (data demo)' },
  PROMOTION_TRANSFER: { score: 3, note: 'Promosi melalui seleksi terbuka dan manajemen talenta (data demo)' },
  PERFORMANCE_MANAGEMENT: { score: 3, note: 'SKP berbasis e-kinerja (data demo)' },
  PAY_AWARDS_DISCIPLINE: { score: 2.5, note: 'Tunjangan berbasis kinerja; penegakan disiplin (data demo)' },
  PROTECTION_SERVICES: { score: 3, note: 'Layanan kepegawaian daring (data demo)' },
  INFORMATION_SYSTEM: { score: 3.5, note: 'Terintegrasi dengan SIASN (data demo)' },
};

/** The overseer's approval letter of the demo agency's talent-management system. */
export const DEMO_TALENT_SYSTEM_APPROVAL = {
  reference: 'B-1207/BKN/DEMO',
  reason: 'Sistem manajemen talenta sesuai pedoman (data demo)',
};
