/** Sample inputs for the PDF tests and for rendering a page by hand. */
import type { VacancyAnnouncementRequest } from '@seleksi/domain';
import type { IssueMeta } from './announcement';

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
