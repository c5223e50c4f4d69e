import type { DocumentKind, DocumentVisibility } from '@seleksi/domain';

export interface DocumentClassConfig {
  /** Counter scope: kinds sharing a class share one sequence per agency and year. */
  documentClass: string;
  /** `{seq:N}` = sequence zero-padded to N digits, `{year}`, `{agency}` (agency code). */
  pattern: string;
  visibility: DocumentVisibility;
  /** Prefix of the download file name. */
  fileStem: string;
}

/*
 * Default scheme (nomor naskah dinas: classification code / sequence / issuing unit / year). Codes follow
 * the archive classification for personnel (800 Kepegawaian): 800.1.2.2 selection of JPT, 800.1.3.3
 * appointment to a JPT post. Registers (counter scopes):
 * - '800.1.2.2'        BKD agenda: announcements and the PPK's letters on the selection;
 * - '800.1.2.2/Pansel' the Pansel's own papers: minutes, score sheets, its report to the PPK;
 * - '800.1.2.2/REK'    overseer recommendations recorded by the agency;
 * - '800.1.3.3'        BKD agenda after the choice: inauguration minutes, completion report, and the
 *                      talent route's successor proposal (it leads straight to an appointment);
 * - 'KEPUTUSAN'        the PPK's decree register, shared by every decree ('Keputusan … Nomor …/K.n/year'),
 *                      the talent route's yearly KRS decision included (coded 800.1.3.3, placement in JPT posts).
 * Two registers must never print the same number: their patterns differ outside the placeholders.
 */
const BKD_SELECTION = { documentClass: '800.1.2.2', pattern: '800.1.2.2/{seq:4}/BKD/{year}' } as const;
const PANSEL = { documentClass: '800.1.2.2/Pansel', pattern: '800.1.2.2/{seq:3}/Pansel/{year}' } as const;
const BKD_APPOINTMENT = { documentClass: '800.1.3.3', pattern: '800.1.3.3/{seq:4}/BKD/{year}' } as const;
const DECREE = 'KEPUTUSAN';

/**
 * Numbering per document kind. `visibility` is the kind's default: the announcement always uses it,
 * official documents carry their own in the request.
 */
export const DOCUMENT_CLASSES: Record<DocumentKind, DocumentClassConfig> = {
  VACANCY_ANNOUNCEMENT: { ...BKD_SELECTION, visibility: 'PUBLIC', fileStem: 'pengumuman' },
  PANSEL_DECREE: {
    documentClass: DECREE,
    pattern: '800.1.2.2/K.{seq}/{year}',
    visibility: 'RESTRICTED',
    fileStem: 'keputusan-pansel',
  },
  EXTENSION_NOTICE: { ...BKD_SELECTION, visibility: 'PUBLIC', fileStem: 'pengumuman-perpanjangan' },
  VACANCY_CANCELLATION: { ...BKD_SELECTION, visibility: 'PUBLIC', fileStem: 'pengumuman-pembatalan' },
  ADMINISTRATIVE_RESULT_MINUTES: { ...PANSEL, visibility: 'RESTRICTED', fileStem: 'berita-acara-administrasi' },
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: { ...BKD_SELECTION, visibility: 'PUBLIC', fileStem: 'pengumuman-administrasi' },
  SCORE_SHEET: { ...PANSEL, visibility: 'RESTRICTED', fileStem: 'lembar-penilaian' },
  FINAL_RESULT_MINUTES: { ...PANSEL, visibility: 'RESTRICTED', fileStem: 'berita-acara-hasil-akhir' },
  FINAL_RESULT_ANNOUNCEMENT: { ...BKD_SELECTION, visibility: 'PUBLIC', fileStem: 'pengumuman-hasil-akhir' },
  REPORT_TO_PPK: { ...PANSEL, visibility: 'RESTRICTED', fileStem: 'laporan-pansel' },
  LETTER_TO_OVERSEER: { ...BKD_SELECTION, visibility: 'RESTRICTED', fileStem: 'surat-pengawas' },
  OVERSEER_RECOMMENDATION: {
    documentClass: '800.1.2.2/REK',
    pattern: '800.1.2.2/{seq:3}/REK/{year}',
    visibility: 'RESTRICTED',
    fileStem: 'rekomendasi',
  },
  APPOINTMENT_DECREE: {
    documentClass: DECREE,
    pattern: '800.1.3.3/K.{seq}/{year}',
    visibility: 'RESTRICTED',
    fileStem: 'keputusan-pengangkatan',
  },
  INAUGURATION_MINUTES: { ...BKD_APPOINTMENT, visibility: 'RESTRICTED', fileStem: 'berita-acara-pelantikan' },
  COMPLETION_REPORT: { ...BKD_APPOINTMENT, visibility: 'RESTRICTED', fileStem: 'laporan-pelaksanaan' },
  SUCCESSION_GROUP_DECISION: {
    documentClass: DECREE,
    pattern: '800.1.3.3/K.{seq}/{year}',
    visibility: 'PUBLIC',
    fileStem: 'keputusan-kelompok-rencana-suksesi',
  },
  SUCCESSOR_PROPOSAL: { ...BKD_APPOINTMENT, visibility: 'RESTRICTED', fileStem: 'usulan-suksesor' },
};

/** Renders a number pattern; throws on unknown placeholders so a typo cannot reach a signed letter. */
export function formatDocumentNumber(
  pattern: string,
  values: { seq: number; year: number; agencyCode: string },
): string {
  if (!Number.isInteger(values.seq) || values.seq < 1) throw new Error(`invalid sequence ${values.seq}`);
  return pattern.replace(/\{([a-z]+)(?::(\d+))?\}/g, (token, name: string, width?: string) => {
    switch (name) {
      case 'seq':
        return String(values.seq).padStart(width ? Number(width) : 1, '0');
      case 'year':
        return String(values.year);
      case 'agency':
        return values.agencyCode;
      default:
        throw new Error(`unknown placeholder ${token} in number pattern`);
    }
  });
}

/** A file name for the number: '800.1.2.2/0001/BKD/2026' → 'pengumuman-800.1.2.2-0001-BKD-2026.pdf'. */
export function documentFileName(stem: string, number: string): string {
  return `${stem}-${number.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '')}.pdf`;
}
