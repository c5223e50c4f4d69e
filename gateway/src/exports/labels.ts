/** Indonesian words for the codes the exports write (the portal's staff pages use the same words). */

export const APPLICATION_STATUS_ID: Record<string, string> = {
  SUBMITTED: 'Terdaftar',
  AWAITING_SCREENING: 'Menunggu seleksi administrasi',
  ELIGIBLE: 'Memenuhi syarat (MS)',
  NOT_ELIGIBLE: 'Tidak memenuhi syarat (TMS)',
  IN_ASSESSMENT: 'Dalam penilaian',
  SHORTLISTED: 'Masuk 3 besar',
  NOT_SHORTLISTED: 'Tidak masuk 3 besar',
  APPOINTED: 'Diangkat',
  NOT_APPOINTED: 'Tidak diangkat',
  WITHDRAWN: 'Mengundurkan diri',
  CANCELLED: 'Dibatalkan',
};

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

export const LEVEL_ID: Record<string, string> = { UTAMA: 'Utama', MADYA: 'Madya', PRATAMA: 'Pratama' };

export const yesNo = (v: boolean | null | undefined): string | null => (v == null ? null : v ? 'Ya' : 'Tidak');
