/**
 * Indonesian words for the codes the exports write; those the portal's staff pages also show (application
 * status, level) are @seleksi/domain's.
 */

export const ROLE_ID: Record<string, string> = {
  CANDIDATE: 'Peserta',
  PANSEL_MEMBER: 'Anggota Pansel',
  PANSEL_SECRETARY: 'Sekretariat Pansel',
  PPK: 'PPK',
  OVERSEER: 'Pengawas',
  ADMIN: 'Administrator',
  AGENCY_ADMIN: 'Administrator instansi',
  SYSTEM: 'Sistem',
};

export const yesNo = (v: boolean | null | undefined): string | null => (v == null ? null : v ? 'Ya' : 'Tidak');
