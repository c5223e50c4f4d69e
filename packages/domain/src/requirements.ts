/**
 * Legal requirements per JPT level (PP 11/2017 as amended by PP 17/2020; domain.md §1.4), as data:
 * the eligibility engine and the announcement text both read this table.
 */
import type { JptLevel } from './levels';
import type { PositionKind } from './contracts';

export interface LevelRequirements {
  minEducation: 'S1';
  relatedExperienceYears: number;
  qualifyingPostKinds: PositionKind[];
  qualifyingPostYears: number;
  maxAgeAtInauguration: number;
}

export const LEVEL_REQUIREMENTS: Record<JptLevel, LevelRequirements> = {
  UTAMA: {
    minEducation: 'S1',
    relatedExperienceYears: 10,
    qualifyingPostKinds: ['JPT_MADYA', 'JF_AHLI_UTAMA'],
    qualifyingPostYears: 2,
    maxAgeAtInauguration: 58,
  },
  MADYA: {
    minEducation: 'S1',
    relatedExperienceYears: 7,
    qualifyingPostKinds: ['JPT_PRATAMA', 'JF_AHLI_UTAMA'],
    qualifyingPostYears: 2,
    maxAgeAtInauguration: 58,
  },
  PRATAMA: {
    minEducation: 'S1',
    relatedExperienceYears: 5,
    qualifyingPostKinds: ['ADMINISTRATOR', 'JF_AHLI_MADYA'],
    qualifyingPostYears: 2,
    maxAgeAtInauguration: 56,
  },
};

const POST_NAME_ID: Partial<Record<PositionKind, string>> = {
  JPT_MADYA: 'JPT Madya',
  JPT_PRATAMA: 'JPT Pratama',
  ADMINISTRATOR: 'jabatan administrator',
  JF_AHLI_UTAMA: 'jabatan fungsional ahli utama',
  JF_AHLI_MADYA: 'jabatan fungsional ahli madya',
};

export const LEVEL_NAME_ID: Record<JptLevel, string> = { UTAMA: 'Utama', MADYA: 'Madya', PRATAMA: 'Pratama' };

/** Announcement lines (Bahasa Indonesia) for the levels of a selection, the general ones first. */
export function announcementRequirementLines(levels: JptLevel[], opts: { minRank?: string } = {}): string[] {
  const distinct = [...new Set(levels)];
  const lines = [
    'Berstatus Pegawai Negeri Sipil;',
    'Memiliki kualifikasi pendidikan paling rendah sarjana (S1) atau diploma empat (D-IV);',
  ];
  for (const level of distinct) {
    const r = LEVEL_REQUIREMENTS[level];
    const prefix = distinct.length > 1 ? `Untuk JPT ${LEVEL_NAME_ID[level]}: ` : '';
    const posts = r.qualifyingPostKinds.map((k) => POST_NAME_ID[k] ?? k).join(' atau ');
    lines.push(
      `${prefix}memiliki pengalaman jabatan dalam bidang tugas yang terkait dengan jabatan yang akan diduduki paling singkat ${r.relatedExperienceYears} tahun;`,
      `${prefix}sedang atau pernah menduduki ${posts} paling singkat ${r.qualifyingPostYears} tahun;`,
      `${prefix}berusia paling tinggi ${r.maxAgeAtInauguration} tahun pada saat pelantikan;`,
    );
  }
  if (opts.minRank) lines.push(`Memiliki pangkat paling rendah ${opts.minRank};`);
  lines.push(
    'Setiap unsur penilaian kinerja (SKP) paling rendah bernilai baik dalam 2 (dua) tahun terakhir;',
    'Telah menyampaikan Laporan Harta Kekayaan Penyelenggara Negara (LHKPN);',
    'Tidak sedang menjalani hukuman disiplin atau proses hukum;',
    'Sehat jasmani dan rohani;',
    'Mendapat izin atau rekomendasi dari Pejabat Pembina Kepegawaian instansi asal bagi peserta dari instansi lain.',
  );
  return lines;
}
