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

/** Letter numbering per document kind (nomor surat: classification code / sequence / issuing unit / year). */
export const DOCUMENT_CLASSES: Record<DocumentKind, DocumentClassConfig> = {
  // 800.1.2.2: archive classification used for JPT open-selection letters; BKD = issuing unit.
  VACANCY_ANNOUNCEMENT: {
    documentClass: '800.1.2.2',
    pattern: '800.1.2.2/{seq:4}/BKD/{year}',
    visibility: 'PUBLIC',
    fileStem: 'pengumuman',
  },
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
