/** Sample inputs for the PDF tests and for rendering a page by hand. */
import type { OfficialDocumentRequest, VacancyAnnouncementRequest } from '@seleksi/domain';
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

/** Keputusan Gubernur on forming the Pansel, with the members as a placed table. */
export function sampleDecreeRequest(): OfficialDocumentRequest {
  return {
    idempotencyKey: 'sel-2026-01:pansel-decree',
    kind: 'PANSEL_DECREE',
    agency: AGENCY,
    selectionId: 'sel-2026-01',
    title: 'Pembentukan Panitia Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Tahun 2026',
    date: '2026-11-02',
    visibility: 'PUBLIC',
    paragraphs: [
      'Menimbang : a. bahwa untuk mengisi Jabatan Pimpinan Tinggi Pratama yang lowong di lingkungan Pemerintah Provinsi Kalimantan Timur perlu dilaksanakan seleksi terbuka;',
      'b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan Gubernur tentang Pembentukan Panitia Seleksi;',
      'Mengingat : 1. Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;',
      '2. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil sebagaimana telah diubah dengan Peraturan Pemerintah Nomor 17 Tahun 2020;',
      'MEMUTUSKAN:',
      'Menetapkan : KEPUTUSAN GUBERNUR TENTANG PEMBENTUKAN PANITIA SELEKSI TERBUKA JABATAN PIMPINAN TINGGI PRATAMA TAHUN 2026.',
      'KESATU : Membentuk Panitia Seleksi dengan susunan keanggotaan sebagai berikut:',
      '{{table:0}}',
      'KEDUA : Panitia Seleksi bertugas menyiapkan, melaksanakan, dan melaporkan seluruh tahapan seleksi terbuka kepada Gubernur.',
    ],
    tables: [
      {
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
    closing: ['KETIGA : Keputusan ini mulai berlaku pada tanggal ditetapkan.'],
    signatory: { name: 'Dr. H. Rudy Mas’ud, S.E., M.E.', title: 'Gubernur Kalimantan Timur', nip: null },
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
    closing: ['Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.'],
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
    recipient: ['Kepala Badan Kepegawaian Negara', 'di', 'Jakarta'],
    paragraphs: [
      'Dengan hormat, bersama ini kami sampaikan hasil seleksi terbuka Jabatan Pimpinan Tinggi Pratama di lingkungan Pemerintah Provinsi Kalimantan Timur Tahun 2026 dengan tiga nama terbaik sebagai berikut:',
      '{{table:0}}',
      'Sehubungan dengan hal tersebut, kami mohon rekomendasi atas hasil seleksi dimaksud.',
    ],
    tables: [
      {
        columns: [
          { header: 'Peringkat', width: 1.4, align: 'center' },
          { header: 'Nama', width: 5 },
          { header: 'Nilai Akhir', width: 1.6, align: 'right' },
        ],
        rows: [
          ['1', 'Dr. Andi Pratama, S.T., M.T.', '86,40'],
          ['2', 'Siti Aminah, S.E., M.Ak.', '84,15'],
          ['3', 'Yohanes Kristianto, S.H., M.H.', '81,90'],
        ],
      },
    ],
    closing: ['Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.'],
    signatory: { name: 'Dr. H. Rudy Mas’ud, S.E., M.E.', title: 'Gubernur Kalimantan Timur', nip: null },
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
    paragraphs: [
      'Menimbang : a. bahwa berdasarkan hasil pemetaan talenta periode 2026 perlu ditetapkan kelompok rencana suksesi untuk jabatan target;',
      'Mengingat : 1. Peraturan Pemerintah Nomor 11 Tahun 2017 tentang Manajemen Pegawai Negeri Sipil;',
      '2. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 3 Tahun 2020 tentang Manajemen Talenta Aparatur Sipil Negara;',
      'MEMUTUSKAN:',
      'KESATU : Menetapkan kelompok rencana suksesi jabatan Kepala Dinas Kesehatan sebagai berikut:',
      '{{table:0}}',
    ],
    tables: [
      {
        columns: [
          { header: 'Urutan', width: 1, align: 'center' },
          { header: 'Nama', width: 5 },
          { header: 'Kotak', width: 1, align: 'center' },
          { header: 'Nilai', width: 1.4, align: 'right' },
        ],
        rows: [
          ['1', 'Dr. Andi Pratama, S.T., M.T.', '9', '91,20'],
          ['2', 'Siti Aminah, S.E., M.Ak.', '9', '88,75'],
          ['3', 'Yohanes Kristianto, S.H., M.H.', '8', '86,10'],
        ],
      },
    ],
    closing: ['KEDUA : Keputusan ini mulai berlaku pada tanggal ditetapkan.'],
    signatory: { name: 'Dr. H. Rudy Mas’ud, S.E., M.E.', title: 'Gubernur Kalimantan Timur', nip: null },
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
    recipient: ['Kepala Badan Kepegawaian Negara', 'di', 'Jakarta'],
    paragraphs: [
      'Dengan hormat, bersama ini kami usulkan pengisian jabatan Kepala Dinas Kesehatan dari kelompok rencana suksesi Tahun 2026 sebagai berikut:',
      '{{table:0}}',
    ],
    tables: [
      {
        columns: [
          { header: 'Urutan', width: 1, align: 'center' },
          { header: 'Nama', width: 5 },
          { header: 'Kotak', width: 1, align: 'center' },
        ],
        rows: [['1', 'Dr. Andi Pratama, S.T., M.T.', '9']],
      },
    ],
    closing: ['Demikian kami sampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.'],
    signatory: { name: 'Dr. H. Rudy Mas’ud, S.E., M.E.', title: 'Gubernur Kalimantan Timur', nip: null },
  };
}
