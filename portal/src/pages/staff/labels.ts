/** Indonesian words for the enums the staff pages show, and small helpers shared by them. */
import { APPLICATION_STATUS_NAME_ID, JPT_LEVEL_NAME_ID } from '@seleksi/domain';
import { localDateIn } from '../../format';

// The words the exports write too: one table in @seleksi/domain.
export const APPLICATION_STATUS: Record<string, string> = APPLICATION_STATUS_NAME_ID;

export const VACANCY_STATUS: Record<string, string> = {
  OPEN: 'Pendaftaran dibuka',
  EXTENDED: 'Pendaftaran diperpanjang',
  IN_SELECTION: 'Dalam seleksi',
  AWAITING_DECISION: 'Menunggu keputusan Pansel',
  SHORTLISTED: '3 nama ditetapkan',
  APPOINTEE_CHOSEN: 'Pejabat terpilih',
  DECREED: 'Keputusan pengangkatan terbit',
  FILLED: 'Sudah dilantik',
  CANCELLED: 'Dibatalkan',
  REANNOUNCE: 'Akan diumumkan ulang',
  SWITCHED_ROUTE: 'Diisi melalui jalur lain',
};

export const PENDING_DECISION: Record<string, string> = {
  TOO_FEW_APPLICANTS: 'Pelamar kurang dari batas minimal setelah perpanjangan',
  TOO_FEW_QUALIFIED: 'Peserta yang memenuhi nilai ambang kurang dari 3 orang',
};

export const VACANCY_OUTCOME: Record<string, string> = {
  CANCEL: 'Batalkan lowongan',
  REANNOUNCE: 'Umumkan ulang dalam seleksi baru',
  SWITCH_ROUTE: 'Isi melalui jalur lain (manajemen talenta)',
};

export const LEVEL: Record<string, string> = JPT_LEVEL_NAME_ID;

export const DEADLINE_LABEL: Record<string, string> = {
  REGISTRATION: 'Pendaftaran ditutup',
  OBJECTIONS: 'Masa sanggah berakhir',
  OVERSEER: 'Batas keputusan pengawas',
};

export const PANSEL_ROLE: Record<string, string> = { CHAIR: 'Ketua', SECRETARY: 'Sekretaris', MEMBER: 'Anggota' };

export const CORRECTABLE_STAGE: Record<string, string> = {
  ADMINISTRATIVE_SCREENING: 'Seleksi administrasi',
  COMPETENCY_ASSESSMENT: 'Penilaian kompetensi',
  INTERVIEW: 'Wawancara',
  TRACK_RECORD: 'Penelusuran rekam jejak',
  FINAL_RANKING: 'Pemeringkatan akhir',
};

export const OVERSEER_SUBJECT: Record<string, string> = {
  PLAN: 'Rencana seleksi',
  RESULT: 'Hasil seleksi (3 nama per lowongan)',
};

export const OVERSEER_VERDICT: Record<string, string> = {
  APPROVE: 'Setujui',
  REQUEST_CORRECTION: 'Minta perbaikan',
  REJECT: 'Tolak',
};

export const DECISION_KIND: Record<string, string> = {
  APPLICATION_SUBMITTED: 'Lamaran diterima',
  APPLICATION_WITHDRAWN: 'Lamaran ditarik',
  APPOINTEE_CHOSEN: 'PPK memilih pejabat',
  ASSESSMENT_RECORDED: 'Nilai uji kompetensi dicatat',
  DOCUMENTS_REQUESTED: 'Pengawas meminta dokumen tambahan',
  CALENDAR_AMENDED: 'Kalender libur diubah',
  CONFLICT_DECLARED: 'Pernyataan konflik kepentingan',
  ELECTION_PERMISSION_RECORDED: 'Izin Mendagri dicatat',
  FALLBACK_STARTED: 'Beralih ke seleksi terbuka',
  GATE_CHECKED: 'Syarat jalur talenta diperiksa',
  INAUGURATION_RECORDED: 'Pelantikan dicatat',
  INTERVIEW_SCORED: 'Nilai wawancara diberikan',
  OBJECTION_ANSWERED: 'Sanggahan dijawab',
  OBJECTION_FILED: 'Sanggahan diajukan',
  OVERSEER_DECIDED: 'Keputusan pengawas',
  OVERSEER_ESCALATED: 'Pengingat kepada pengawas',
  OVERSEER_SILENCE: 'Pengawas tidak menjawab dalam batas waktu',
  PANSEL_SET: 'Pansel ditetapkan',
  PLAN_SUBMITTED: 'Rencana dikirim ke pengawas',
  PRESIDENTIAL_DECISION_RECORDED: 'Keputusan Presiden dicatat',
  PROPOSAL_CONFIRMED: 'Usulan suksesor dikonfirmasi',
  SCREENING_OVERRIDDEN: 'Hasil seleksi administrasi diubah',
  SCREENING_PUBLISHED: 'Hasil seleksi administrasi diumumkan',
  STAGE_COMPLETED: 'Tahap ditutup',
  STAGE_SCHEDULED: 'Jadwal tahap ditetapkan',
  SUCCESSOR_DECIDED: 'PPK memilih suksesor',
  TRACK_RECORD_RECORDED: 'Rekam jejak dicatat',
  VACANCY_DECIDED: 'Keputusan atas lowongan',
};

export const TALENT_STAGE: Record<string, string> = {
  GATE_CHECK: 'Pemeriksaan syarat jalur talenta',
  PROPOSAL: 'Penyusunan usulan suksesor',
  CONFIRMATION: 'Menunggu konfirmasi tim',
  OVERSEER_APPROVAL: 'Menunggu persetujuan pengawas',
  PPK_DECISION: 'Menunggu keputusan PPK',
  PRESIDENTIAL_DECISION: 'Menunggu Keputusan Presiden',
  DECREE: 'Penetapan keputusan',
  INAUGURATION: 'Pelantikan',
  COMPLETED: 'Selesai',
  FALLBACK_OPEN_SELECTION: 'Dialihkan ke seleksi terbuka',
};

/** Who appoints on the talent route (and in the open selection). */
export const APPOINTMENT_ROUTE: Record<string, string> = {
  PPK: 'PPK',
  PRESIDENT: 'Presiden atas usul PPK',
  PRESIDENT_VIA_HOME_AFFAIRS: 'Presiden atas usul PPK melalui Menteri Dalam Negeri',
};

/** Whose decision a talent filling waits for. */
export const TALENT_WAITING_ON: Record<string, string> = {
  PANSEL_SECRETARY: 'Sekretariat tim',
  OVERSEER: 'Pengawas',
  PPK: 'PPK',
};

export const MAPPING_STATUS: Record<string, string> = {
  STARTING: 'Memulai',
  MAPPING: 'Memetakan pegawai',
  DERIVING_KRS: 'Menyusun kelompok rencana suksesi',
  COMPLETED: 'Selesai',
};

/** The word for an enum value, or the value itself when there is none. */
export function say(map: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '-';
  return map[value] ?? value;
}

/** A score with Indonesian decimals, or a dash. */
export function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : value.toLocaleString('id-ID', { maximumFractionDigits: 2 });
}

/** Today's date (YYYY-MM-DD) in a zone (WIB/WITA/WIT or an IANA name), or in the browser's zone. */
export function todayLocal(timeZone?: string | null): string {
  const d = new Date();
  if (timeZone) {
    try {
      return localDateIn(d, timeZone);
    } catch {
      // An unknown zone: fall back to the browser's.
    }
  }
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Parses a decimal typed with a comma or a dot; NaN when empty. */
export function parseNumber(text: string): number {
  const t = text.trim().replace(',', '.');
  return t === '' ? NaN : Number(t);
}
