/** Sample inputs for the PDF tests and for rendering a page by hand. */
import type { DocumentTable, OfficialDocumentRequest, VacancyAnnouncementRequest } from '@seleksi/domain';
import type { IssueMeta } from './document';

const POSITIONS: readonly (readonly [string, string])[] = [
  ['Kepala Dinas Pendidikan dan Kebudayaan', 'Dinas Pendidikan dan Kebudayaan'],
  ['Kepala Dinas Kesehatan', 'Dinas Kesehatan'],
  [
    'Kepala Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
    'Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah',
  ],
  [
    'Kepala Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat',
    'Dinas Pekerjaan Umum, Penataan Ruang dan Perumahan Rakyat',
  ],
  ['Kepala Biro Hukum', 'Sekretariat Daerah'],
];

export function sampleRequest(vacancyCount = POSITIONS.length): VacancyAnnouncementRequest {
  return {
    idempotencyKey: 'sel-2026-01:announcement',
    kind: 'VACANCY_ANNOUNCEMENT',
    agency: {
      code: 'KALTIM',
      name: 'Pemerintah Provinsi Kalimantan Timur',
      address: 'Jalan Gajah Mada Nomor 2, Samarinda, Kalimantan Timur 75121',
      city: 'Samarinda',
      province: 'Kalimantan Timur',
      timeZone: 'WITA',
      kind: 'PROVINCE',
    },
    selection: {
      id: 'sel-2026-01',
      title: 'Seleksi Terbuka JPT Pratama Provinsi Kalimantan Timur Tahun 2026',
      announcementDate: '2026-11-24',
      // 23:59 WITA on 8 December 2026.
      registrationClosesAt: '2026-12-08T15:59:00.000Z',
      timeZone: 'WITA',
      vacancies: Array.from({ length: vacancyCount }, (_, i) => {
        const [position, unit] = POSITIONS[i % POSITIONS.length] ?? ['', ''];
        const suffix = vacancyCount > POSITIONS.length ? ` ${i + 1}` : '';
        return { id: `sel-2026-01:v${i}`, level: 'PRATAMA' as const, position: `${position}${suffix}`, unit };
      }),
      requirements: [
        'Berstatus Pegawai Negeri Sipil dengan pangkat paling rendah Pembina (IV/a).',
        'Memiliki kualifikasi pendidikan paling rendah Sarjana (S1) atau Diploma IV.',
        'Memiliki pengalaman jabatan dalam bidang tugas yang terkait dengan jabatan yang akan diduduki secara kumulatif paling singkat 5 (lima) tahun.',
        'Sedang atau pernah menduduki jabatan administrator atau jabatan fungsional jenjang ahli madya paling singkat 2 (dua) tahun.',
        'Memiliki rekam jejak jabatan, integritas, dan moralitas yang baik, dibuktikan dengan predikat kinerja paling rendah Baik dalam 2 (dua) tahun terakhir.',
        'Usia paling tinggi 56 (lima puluh enam) tahun pada saat pelantikan.',
        'Telah menyampaikan Laporan Harta Kekayaan Penyelenggara Negara (LHKPN) tahun terakhir.',
        'Tidak sedang menjalani hukuman disiplin dan sehat jasmani dan rohani.',
      ],
    },
    signatory: {
      name: 'Dr. Sri Wahyuni, S.Sos., M.Si.',
      title: 'Sekretaris Daerah Provinsi Kalimantan Timur selaku Ketua Panitia Seleksi',
      nip: '197103121997032004',
    },
  };
}

export function sampleMeta(issuedAt = new Date('2026-11-24T01:30:00.000Z')): IssueMeta {
  return {
    number: '800.2.2/4127/BKD-III',
    verificationCode: 'K7QX-2M9D',
    verifyUrl: 'https://seleksi.example.go.id/verifikasi/K7QX-2M9D',
    issuedAt,
  };
}

const AGENCY = sampleRequest(1).agency;
const PANSEL_CHAIR = sampleRequest(1).signatory;
const GOVERNOR = { name: 'Dr. H. Rudy Mas’ud, S.E., M.E.', title: 'Gubernur Kalimantan Timur', nip: null };
const SELECTION =
  'Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Kalimantan Timur Tahun 2026';

/** The three best of the round, best first, with NIPs. */
export const SAMPLE_FINALISTS = [
  { name: 'Dr. Andi Pratama, S.T., M.T.', nip: '197805122005011003', score: '86,40' },
  { name: 'Siti Aminah, S.E., M.Ak.', nip: '198001152006042001', score: '84,15' },
  { name: 'Yohanes Kristianto, S.H., M.H.', nip: '197609302003121002', score: '81,90' },
] as const;

/** The caption of the tables about the one vacancy the later documents follow. */
const DINKES = 'Kepala Dinas Kesehatan (JPT Pratama)';
const TO_BKN = ['Kepala Badan Kepegawaian Negara', 'di', 'Jakarta'];
const LETTER_CLOSING = 'Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.';
const MINUTES_CLOSING = 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.';

/** The finalists' ranking (Peringkat, Nama, Nilai Akhir), best first; `widths` of those three columns. */
function finalistsTable(widths: readonly [number, number, number], caption?: string): DocumentTable {
  const [rank, name, score] = widths;
  return {
    ...(caption === undefined ? {} : { caption }),
    columns: [
      { header: 'Peringkat', width: rank, align: 'center' },
      { header: 'Nama', width: name },
      { header: 'Nilai Akhir', width: score, align: 'right' },
    ],
    rows: SAMPLE_FINALISTS.map((f, i) => [String(i + 1), f.name, f.score]),
  };
}

/** The first columns of a succession-plan group's table: successor order, name and talent-box. */
function successorColumns(): DocumentTable['columns'] {
  return [
    { header: 'Urutan', width: 1, align: 'center' },
    { header: 'Nama', width: 5 },
    { header: 'Kotak', width: 1, align: 'center' },
  ];
}

/** The default legal basis of the open selection's decrees (as packages/domain's DEFAULT_LEGAL_BASIS prints it). */
const OPEN_SELECTION_BASIS = [
  'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
  'Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020 tentang Perubahan atas Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil',
  'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2019 tentang Pengisian Jabatan Pimpinan Tinggi secara Terbuka dan Kompetitif di Lingkungan Instansi Pemerintah',
];

const VACANCY_TABLE = {
  caption: 'Jabatan yang Diseleksi',
  columns: [
    { header: 'No.', width: 0.8, align: 'center' as const },
    { header: 'Jabatan', width: 4 },
    { header: 'Unit Kerja', width: 4 },
  ],
  rows: [
    ['1.', 'Kepala Dinas Kesehatan', 'Dinas Kesehatan'],
    ['2.', 'Kepala Biro Hukum', 'Sekretariat Daerah'],
  ],
};

/** Keputusan Gubernur on forming the Pansel: Menimbang, Mengingat, four dictums, the members as the attachment. */
export function sampleDecreeRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:pansel-decree',
    kind: 'PANSEL_DECREE',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pembentukan Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Tahun 2026',
    date: '2026-11-02',
    visibility: 'PUBLIC',
    decree: {
      considering: [
        'bahwa untuk mengisi Jabatan Pimpinan Tinggi Pratama yang lowong di lingkungan Pemerintah Provinsi Kalimantan Timur perlu dilaksanakan seleksi terbuka dan kompetitif dengan memperhatikan sistem merit',
        'bahwa untuk melaksanakan seleksi sebagaimana dimaksud dalam huruf a, perlu dibentuk Panitia Seleksi',
        'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan Gubernur tentang Pembentukan Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Tahun 2026',
      ],
      legalBasis: OPEN_SELECTION_BASIS,
      decisions: [
        'Membentuk Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Kalimantan Timur Tahun 2026 dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.',
        'Panitia Seleksi sebagaimana dimaksud dalam Diktum KESATU mempunyai tugas:\n' +
          'a. menyusun jadwal, persyaratan, dan metode seleksi;\n' +
          'b. mengumumkan lowongan jabatan dan melaksanakan seleksi administrasi;\n' +
          'c. melaksanakan uji kompetensi, wawancara, dan penelusuran rekam jejak;\n' +
          'd. menyampaikan 3 (tiga) nama terbaik untuk setiap jabatan kepada Gubernur.',
        'Segala biaya yang timbul sebagai akibat ditetapkannya Keputusan ini dibebankan pada Anggaran Pendapatan dan Belanja Daerah Provinsi Kalimantan Timur Tahun Anggaran 2026.',
        'Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      ],
    },
    paragraphs: [],
    tables: [
      {
        caption: 'Susunan Keanggotaan Panitia Seleksi',
        columns: [
          { header: 'No.', width: 1, align: 'center' },
          { header: 'Nama', width: 5 },
          { header: 'Unsur', width: 3 },
          { header: 'Kedudukan', width: 2.5 },
        ],
        rows: [
          ['1.', PANSEL_CHAIR.name, 'Internal', 'Ketua'],
          ['2.', 'Prof. Dr. Bambang Sulistyo, M.Si.', 'Akademisi', 'Anggota'],
          ['3.', 'Dra. Ni Luh Putu Ayu Kartika, M.M.', 'Eksternal', 'Anggota'],
          ['4.', 'Ir. Hendra Gunawan, M.T.', 'Internal', 'Sekretaris merangkap Anggota'],
          ['5.', 'Dr. Rahmawati Siregar, S.H., M.H.', 'Eksternal', 'Anggota'],
        ],
      },
    ],
    signatory: GOVERNOR,
    copies: [
      'Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta',
      'Kepala Badan Kepegawaian Negara di Jakarta',
      'Ketua dan Anggota Panitia Seleksi',
    ],
  };
}

/** Berita acara of the administrative screening with one row per applicant (`rows` of them). */
export function sampleMinutesRequest(rows = 8): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:admin-minutes',
    kind: 'ADMINISTRATIVE_RESULT_MINUTES',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Berita Acara Hasil Seleksi Administrasi',
    subject: 'Seleksi Terbuka JPT Pratama Provinsi Kalimantan Timur Tahun 2026',
    date: '2026-12-11',
    visibility: 'RESTRICTED',
    paragraphs: [
      'Pada hari ini Jumat tanggal sebelas bulan Desember tahun dua ribu dua puluh enam, Panitia Seleksi telah melaksanakan penilaian administrasi atas berkas pelamar dengan hasil sebagai berikut.',
      'Hari/Tanggal : Jumat, 11 Desember 2026',
      'Tempat : Ruang Rapat Badan Kepegawaian Daerah',
      'A. Hasil Penilaian',
      '{{table:0}}',
      'B. Ketentuan Lain',
      '1. Pelamar yang dinyatakan Memenuhi Syarat (MS) berhak mengikuti seleksi kompetensi.',
      '2. Keputusan Panitia Seleksi bersifat final.',
    ],
    tables: [
      {
        caption: 'Daftar Hasil Seleksi Administrasi',
        columns: [
          { header: 'No.', width: 1, align: 'center' },
          { header: 'Nama Pelamar', width: 5 },
          { header: 'Jabatan yang Dilamar', width: 5 },
          { header: 'Hasil', width: 1.6, align: 'center' },
          { header: 'Keterangan', width: 4 },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          `${i + 1}.`,
          `Pelamar Nomor ${i + 1}`,
          'Kepala Dinas Pendidikan dan Kebudayaan',
          i % 4 === 3 ? 'TMS' : 'MS',
          i % 4 === 3 ? 'Tidak melampirkan predikat kinerja 2 tahun terakhir' : '-',
        ]),
      },
    ],
    closing: [MINUTES_CLOSING],
    signatory: PANSEL_CHAIR,
  };
}

/** Public list of the administrative result: MS/TMS per applicant, NIPs partly masked (`rows` applicants). */
export function sampleAdministrativeResultAnnouncement(rows = 12): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:admin-announcement',
    kind: 'ADMINISTRATIVE_RESULT_ANNOUNCEMENT',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pengumuman Hasil Seleksi Administrasi',
    subject: SELECTION,
    date: '2026-12-14',
    visibility: 'PUBLIC',
    paragraphs: [
      `Dalam rangka ${SELECTION}, Panitia Seleksi mengumumkan hasil seleksi administrasi sebagai berikut. Peserta yang dinyatakan Memenuhi Syarat (MS) mengikuti tahap uji kompetensi sesuai jadwal yang akan diumumkan kemudian.`,
    ],
    tables: [
      {
        caption: DINKES,
        columns: [
          { header: 'No', width: 0.6, align: 'center' },
          { header: 'Nama', width: 3 },
          { header: 'NIP', width: 2.2 },
          { header: 'Hasil', width: 0.9, align: 'center' },
        ],
        rows: Array.from({ length: rows }, (_, i) => [
          String(i + 1),
          `Peserta Seleksi Nomor ${String(i + 1).padStart(3, '0')}`,
          `********${String(200001 + i)}****`,
          i % 5 === 4 ? 'TMS' : 'MS',
        ]),
      },
    ],
    closing: [
      'Peserta dapat mengajukan sanggahan dalam 3 hari kerja sejak pengumuman ini melalui portal Seleksi JPT. Keputusan Panitia Seleksi atas sanggahan bersifat final.',
    ],
    signatory: PANSEL_CHAIR,
  };
}

/** Letter of the governor to the overseer asking its recommendation on the result. */
export function sampleLetterRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:letter-overseer',
    kind: 'LETTER_TO_OVERSEER',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Surat Permohonan Rekomendasi Hasil Seleksi',
    subject: 'Permohonan Rekomendasi Hasil Seleksi Terbuka JPT Pratama',
    date: '2027-01-15',
    visibility: 'RESTRICTED',
    recipient: [...TO_BKN],
    paragraphs: [
      'Dengan hormat, bersama ini kami sampaikan hasil seleksi terbuka Jabatan Pimpinan Tinggi Pratama di lingkungan Pemerintah Provinsi Kalimantan Timur Tahun 2026 dengan tiga nama terbaik sebagai berikut:',
      '{{table:0}}',
      'Sehubungan dengan hal tersebut, kami mohon rekomendasi atas hasil seleksi dimaksud.',
    ],
    tables: [finalistsTable([1.4, 5, 1.6])],
    closing: [LETTER_CLOSING],
    signatory: GOVERNOR,
  };
}

/** The PPK's yearly decision on the succession-plan group (KRS) of a target post, members in successor order. */
export function sampleSuccessionGroupDecisionRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'succession-group:KALTIM:2026:post-dinkes:2026',
    kind: 'SUCCESSION_GROUP_DECISION',
    agency: AGENCY,
    selectionId: null,
    title: 'Kelompok Rencana Suksesi Jabatan Pimpinan Tinggi Pratama Tahun 2026',
    date: '2026-12-15',
    visibility: 'PUBLIC',
    decree: {
      considering: [
        'bahwa berdasarkan hasil pemetaan talenta periode 2026 perlu ditetapkan kelompok rencana suksesi untuk jabatan target di lingkungan Pemerintah Provinsi Kalimantan Timur',
        'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Gubernur tentang Kelompok Rencana Suksesi Jabatan Pimpinan Tinggi Pratama Tahun 2026',
      ],
      legalBasis: [
        'Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara',
        'Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil',
        'Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 3 Tahun 2020 tentang Manajemen Talenta Aparatur Sipil Negara',
      ],
      decisions: [
        'Menetapkan kelompok rencana suksesi jabatan Kepala Dinas Kesehatan pada Dinas Kesehatan Provinsi Kalimantan Timur dengan susunan dan urutan sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.',
        'Kelompok rencana suksesi sebagaimana dimaksud dalam Diktum KESATU berlaku sampai dengan ditetapkannya hasil pemetaan talenta periode berikutnya.',
        'Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      ],
    },
    paragraphs: [],
    tables: [
      {
        caption: 'Kelompok Rencana Suksesi Jabatan Kepala Dinas Kesehatan',
        columns: [...successorColumns(), { header: 'Nilai', width: 1.4, align: 'right' }],
        rows: [
          ['1', SAMPLE_FINALISTS[0].name, '9', '91,20'],
          ['2', SAMPLE_FINALISTS[1].name, '9', '88,75'],
          ['3', SAMPLE_FINALISTS[2].name, '8', '86,10'],
        ],
      },
    ],
    signatory: GOVERNOR,
  };
}

/** The proposal of the top-ranked successor for a vacant post (talent route), a restricted letter. */
export function sampleSuccessorProposalRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'talent-filling:KALTIM:post-dinkes:proposal',
    kind: 'SUCCESSOR_PROPOSAL',
    agency: AGENCY,
    selectionId: null,
    title: 'Usulan Pengisian Jabatan Pimpinan Tinggi Pratama melalui Manajemen Talenta',
    subject: 'Usulan Pengisian Jabatan Kepala Dinas Kesehatan dari Kelompok Rencana Suksesi',
    date: '2027-02-01',
    visibility: 'RESTRICTED',
    recipient: [...TO_BKN],
    paragraphs: [
      'Dengan hormat, bersama ini kami usulkan pengisian jabatan Kepala Dinas Kesehatan dari kelompok rencana suksesi Tahun 2026 sebagai berikut:',
      '{{table:0}}',
    ],
    tables: [
      {
        columns: successorColumns(),
        rows: [['1', SAMPLE_FINALISTS[0].name, '9']],
      },
    ],
    closing: [LETTER_CLOSING],
    signatory: GOVERNOR,
  };
}

/** Keputusan Gubernur appointing the chosen finalist, effective on inauguration. */
export function sampleAppointmentDecreeRequest(): OfficialDocumentRequest {
  const [first] = SAMPLE_FINALISTS;
  return {
    idempotencyKey: 'sel-2026-01:appointment-decree:v1',
    kind: 'APPOINTMENT_DECREE',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pengangkatan dalam Jabatan Pimpinan Tinggi Pratama di Lingkungan Pemerintah Provinsi Kalimantan Timur',
    date: '2027-02-10',
    visibility: 'RESTRICTED',
    decree: {
      considering: [
        `bahwa berdasarkan hasil ${SELECTION}, Panitia Seleksi telah menyampaikan 3 (tiga) nama terbaik untuk jabatan Kepala Dinas Kesehatan`,
        'bahwa Badan Kepegawaian Negara telah memberikan persetujuan atas hasil seleksi dengan surat Nomor 2/R/BKN/2027',
        'bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan Gubernur tentang Pengangkatan dalam Jabatan Pimpinan Tinggi Pratama',
      ],
      legalBasis: OPEN_SELECTION_BASIS,
      decisions: [
        `Mengangkat Saudara ${first.name}, NIP 19780512 200501 1 003, dalam jabatan Kepala Dinas Kesehatan (Jabatan Pimpinan Tinggi Pratama) pada Dinas Kesehatan Provinsi Kalimantan Timur.`,
        'Kepada pejabat sebagaimana dimaksud dalam Diktum KESATU diberikan hak keuangan dan fasilitas sesuai dengan ketentuan peraturan perundang-undangan.',
        'Keputusan ini mulai berlaku pada tanggal pelantikan.',
      ],
    },
    paragraphs: [],
    signatory: GOVERNOR,
    copies: ['Kepala Badan Kepegawaian Negara di Jakarta', 'Inspektur Provinsi Kalimantan Timur', 'Yang bersangkutan'],
  };
}

/** Announcement that registration is extended for the vacancies with too few applicants. */
export function sampleExtensionNoticeRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:extension:1',
    kind: 'EXTENSION_NOTICE',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pengumuman Perpanjangan Masa Pendaftaran',
    subject: SELECTION,
    date: '2026-12-09',
    visibility: 'PUBLIC',
    paragraphs: [
      `Dalam rangka ${SELECTION}, jumlah pelamar pada jabatan berikut belum memenuhi batas minimal 4 (empat) orang.`,
      '{{table:0}}',
      'Pendaftaran untuk jabatan tersebut diperpanjang (perpanjangan ke-1) sampai dengan tanggal 16 Desember 2026 pukul 23.59 WITA.',
    ],
    tables: [VACANCY_TABLE],
    closing: ['Demikian pengumuman ini disampaikan untuk diketahui.'],
    signatory: PANSEL_CHAIR,
  };
}

/** Announcement that a vacancy is not filled by this round. */
export function sampleVacancyCancellationRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:cancellation:v2',
    kind: 'VACANCY_CANCELLATION',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pengumuman Keputusan Panitia Seleksi atas Lowongan Jabatan',
    subject: SELECTION,
    date: '2026-12-17',
    visibility: 'PUBLIC',
    paragraphs: [
      `Dalam rangka ${SELECTION}, karena jumlah pelamar tidak memenuhi batas minimal setelah perpanjangan pendaftaran, Panitia Seleksi memutuskan bahwa pengisian jabatan berikut dibatalkan.`,
      '{{table:0}}',
      'Pertimbangan : Hanya 2 (dua) pelamar sampai dengan akhir perpanjangan kedua.',
    ],
    tables: [{ ...VACANCY_TABLE, rows: [['1.', 'Kepala Biro Hukum', 'Sekretariat Daerah']] }],
    closing: ['Demikian pengumuman ini disampaikan untuk diketahui.'],
    signatory: PANSEL_CHAIR,
  };
}

/** The interview score sheet of one vacancy: every panel member's score per finalist (a wide table). */
export function sampleScoreSheetRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:score-sheet:1',
    kind: 'SCORE_SHEET',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Rekapitulasi Nilai Seleksi Terbuka',
    subject: 'Jabatan Kepala Dinas Kesehatan',
    date: '2027-01-08',
    visibility: 'RESTRICTED',
    paragraphs: [
      'Bobot penilaian yang ditetapkan sebelum pengumuman: uji kompetensi (asesmen) 40%, makalah 10%, presentasi 10%, wawancara 25%, rekam jejak 15%; nilai ambang batas 70.',
      '{{table:0}}',
    ],
    tables: [
      {
        caption: DINKES,
        columns: [
          { header: 'Peringkat', width: 0.9, align: 'center' },
          { header: 'Nama', width: 2.6 },
          { header: 'Asesmen', width: 0.9, align: 'right' },
          { header: 'Makalah', width: 0.9, align: 'right' },
          { header: 'Presentasi', width: 1, align: 'right' },
          { header: 'Wawancara', width: 1, align: 'right' },
          { header: 'Rekam Jejak', width: 0.9, align: 'right' },
          { header: 'Nilai Akhir', width: 0.9, align: 'right' },
        ],
        rows: [
          ['1', SAMPLE_FINALISTS[0].name, '88,00', '85,00', '86,00', '87,50', '82,00', '86,40'],
          ['2', SAMPLE_FINALISTS[1].name, '85,00', '84,00', '83,00', '85,00', '82,00', '84,15'],
          ['3', SAMPLE_FINALISTS[2].name, '82,50', '80,00', '81,00', '82,00', '81,50', '81,90'],
          ['4', 'Rahmat Hidayat, S.Kep., M.Kes.', '72,00', '70,00', '71,00', '68,00', '70,00', '70,75'],
        ],
      },
    ],
    signatory: PANSEL_CHAIR,
  };
}

/** Minutes of the final plenary: the ranking and the three names per vacancy. */
export function sampleFinalResultMinutesRequest(): OfficialDocumentRequest {
  const ranking = finalistsTable([1, 4, 1.2], DINKES);
  return {
    idempotencyKey: 'sel-2026-01:final-minutes:1',
    kind: 'FINAL_RESULT_MINUTES',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Berita Acara Sidang Pleno Panitia Seleksi Penetapan Hasil Akhir',
    subject: SELECTION,
    date: '2027-01-11',
    visibility: 'RESTRICTED',
    paragraphs: [
      'Pada hari ini Senin tanggal sebelas bulan Januari tahun dua ribu dua puluh tujuh, Panitia Seleksi dalam sidang pleno menetapkan peringkat akhir dan 3 (tiga) nama terbaik untuk setiap jabatan.',
      'Hari/Tanggal : Senin, 11 Januari 2027',
      'Tempat : Ruang Rapat Sekretariat Daerah',
      '{{table:0}}',
    ],
    tables: [
      {
        ...ranking,
        columns: [...ranking.columns, { header: 'Keterangan', width: 2 }],
        rows: ranking.rows.map((row) => [...row, '3 terbaik']),
      },
    ],
    closing: [MINUTES_CLOSING],
    signatory: PANSEL_CHAIR,
  };
}

/** Public announcement of the three names per vacancy, in alphabetical order, never the rank. */
export function sampleFinalResultAnnouncementRequest(): OfficialDocumentRequest {
  const alphabetical = [...SAMPLE_FINALISTS].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return {
    idempotencyKey: 'sel-2026-01:final-announcement:1',
    kind: 'FINAL_RESULT_ANNOUNCEMENT',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pengumuman Hasil Akhir Seleksi Terbuka',
    subject: SELECTION,
    date: '2027-01-12',
    visibility: 'PUBLIC',
    paragraphs: [
      `Dalam rangka ${SELECTION}, Panitia Seleksi mengumumkan 3 (tiga) nama terbaik untuk setiap jabatan (disusun menurut abjad) yang akan disampaikan kepada Pejabat Pembina Kepegawaian.`,
    ],
    tables: [
      {
        caption: DINKES,
        columns: [
          { header: 'No', width: 0.6, align: 'center' },
          { header: 'Nama', width: 3 },
          { header: 'NIP', width: 2 },
        ],
        rows: alphabetical.map((f, i) => [String(i + 1), f.name, `********${f.nip.slice(8, 14)}****`]),
      },
    ],
    closing: ['Peserta dapat mengajukan sanggahan dalam 3 hari kerja sejak pengumuman ini melalui portal Seleksi JPT.'],
    signatory: PANSEL_CHAIR,
  };
}

/** The Pansel's report to the PPK with the three names and their attachments. */
export function sampleReportToPpkRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:report-ppk:1',
    kind: 'REPORT_TO_PPK',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Laporan Hasil Seleksi Terbuka Jabatan Pimpinan Tinggi',
    subject: 'Penyampaian Hasil Seleksi Terbuka JPT Pratama',
    date: '2027-01-13',
    visibility: 'RESTRICTED',
    recipient: ['Gubernur Kalimantan Timur', 'melalui Sekretaris Daerah selaku Pejabat yang Berwenang', 'di Samarinda'],
    paragraphs: [
      `Dalam rangka ${SELECTION}, bersama ini Panitia Seleksi menyampaikan 3 (tiga) nama terbaik untuk setiap jabatan beserta peringkat dan nilainya, untuk dipilih 1 (satu) orang sesuai ketentuan peraturan perundang-undangan.`,
      '{{table:0}}',
    ],
    tables: [finalistsTable([1, 4, 1.2], DINKES)],
    closing: ['Demikian laporan ini kami sampaikan untuk menjadi bahan pertimbangan.'],
    signatory: PANSEL_CHAIR,
    attachments: [
      'Berita Acara Sidang Pleno Panitia Seleksi',
      'Rekapitulasi Nilai Seleksi Terbuka',
      'Hasil Penelusuran Rekam Jejak',
    ],
  };
}

/** The overseer's recommendation as recorded by the agency (a letter to the PPK). */
export function sampleOverseerRecommendationRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:overseer-recommendation:1',
    kind: 'OVERSEER_RECOMMENDATION',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Catatan Rekomendasi Lembaga Pengawas',
    subject: 'Persetujuan Badan Kepegawaian Negara atas Hasil Seleksi Terbuka JPT Pratama',
    date: '2027-01-25',
    visibility: 'RESTRICTED',
    recipient: ['Gubernur Kalimantan Timur', 'di Samarinda'],
    paragraphs: [
      `Dalam rangka ${SELECTION}, Badan Kepegawaian Negara telah menyampaikan keputusan atas hasil seleksi: memberikan persetujuan.`,
      'Nomor surat : 2/R/BKN/2027',
      'Pertimbangan : Seluruh tahapan seleksi telah dilaksanakan sesuai ketentuan.',
    ],
    closing: ['Demikian disampaikan untuk dipergunakan sebagaimana mestinya.'],
    signatory: PANSEL_CHAIR,
  };
}

/** Minutes of the inauguration of the appointee. */
export function sampleInaugurationMinutesRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:inauguration:v1',
    kind: 'INAUGURATION_MINUTES',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Berita Acara Pelantikan',
    subject: 'Pelantikan Pejabat Pimpinan Tinggi Pratama',
    date: '2027-02-15',
    visibility: 'RESTRICTED',
    paragraphs: [
      `Pada hari ini Senin tanggal lima belas bulan Februari tahun dua ribu dua puluh tujuh, Gubernur Kalimantan Timur telah melantik ${SAMPLE_FINALISTS[0].name} dalam jabatan Kepala Dinas Kesehatan (Jabatan Pimpinan Tinggi Pratama).`,
      'Hari/Tanggal : Senin, 15 Februari 2027',
      'Tempat : Pendopo Lamin Etam, Samarinda',
      'Saksi : 1. Dr. Sri Wahyuni, S.Sos., M.Si.',
      '2. Ir. Hendra Gunawan, M.T.',
    ],
    closing: ['Demikian berita acara ini dibuat dengan sebenarnya.'],
    signatory: GOVERNOR,
  };
}

/** The report on the completed round to the overseer. */
export function sampleCompletionReportRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:completion',
    kind: 'COMPLETION_REPORT',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Laporan Pelaksanaan Seleksi Terbuka dan Pengisian Jabatan',
    subject: 'Laporan Pelaksanaan Seleksi Terbuka JPT Pratama Tahun 2026',
    date: '2027-02-22',
    visibility: 'RESTRICTED',
    recipient: ['Kepala Badan Kepegawaian Negara', 'di Jakarta'],
    paragraphs: [
      `Dalam rangka ${SELECTION}, bersama ini kami laporkan hasil pengisian jabatan sebagai berikut.`,
      '{{table:0}}',
    ],
    tables: [
      {
        caption: 'Hasil Pengisian Jabatan',
        columns: [
          { header: 'No', width: 0.6, align: 'center' },
          { header: 'Jabatan', width: 3 },
          { header: 'Hasil', width: 3 },
        ],
        rows: [
          ['1', 'Kepala Dinas Kesehatan', `${SAMPLE_FINALISTS[0].name}, dilantik 15 Februari 2027`],
          ['2', 'Kepala Biro Hukum', 'Dibatalkan'],
        ],
      },
    ],
    closing: ['Demikian laporan ini kami sampaikan, atas perhatiannya diucapkan terima kasih.'],
    signatory: GOVERNOR,
    copies: ['Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi di Jakarta'],
  };
}

/** A realistic request of every official kind (the vacancy announcement has `sampleRequest`). */
export const SAMPLE_OFFICIAL_REQUESTS: Record<OfficialDocumentRequest['kind'], () => OfficialDocumentRequest> = {
  PANSEL_DECREE: sampleDecreeRequest,
  EXTENSION_NOTICE: sampleExtensionNoticeRequest,
  VACANCY_CANCELLATION: sampleVacancyCancellationRequest,
  ADMINISTRATIVE_RESULT_MINUTES: () => sampleMinutesRequest(8),
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: () => sampleAdministrativeResultAnnouncement(12),
  SCORE_SHEET: sampleScoreSheetRequest,
  FINAL_RESULT_MINUTES: sampleFinalResultMinutesRequest,
  FINAL_RESULT_ANNOUNCEMENT: sampleFinalResultAnnouncementRequest,
  REPORT_TO_PPK: sampleReportToPpkRequest,
  LETTER_TO_OVERSEER: sampleLetterRequest,
  OVERSEER_RECOMMENDATION: sampleOverseerRecommendationRequest,
  APPOINTMENT_DECREE: sampleAppointmentDecreeRequest,
  INAUGURATION_MINUTES: sampleInaugurationMinutesRequest,
  COMPLETION_REPORT: sampleCompletionReportRequest,
  SUCCESSION_GROUP_DECISION: sampleSuccessionGroupDecisionRequest,
  SUCCESSOR_PROPOSAL: sampleSuccessorProposalRequest,
};
