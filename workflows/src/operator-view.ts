/**
 * What operators see in the Temporal UI (issue 17): a summary and details given at start (user metadata),
 * the current details updated at every stage, named timers, described handlers, and the `WaitingFor` /
 * `WaitingSince` search attributes while a process waits on a person, so that
 * `WaitingFor = 'OVERSEER' AND WaitingSince < '…'` finds stuck rounds. Texts in Bahasa Indonesia; no
 * personal data (no names, no NIP): ids, codes, posts and dates only.
 */
import { patched, setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import {
  formatLocalDateId,
  LEVEL_NAME_ID,
  localDateOf,
  type AgencyTimeZone,
  type Role,
  type SelectionStage,
} from '@seleksi/domain';
import { WaitingForKey, WaitingSinceKey } from './search-attributes';

/** Patch of the WaitingFor/WaitingSince upserts (new commands): histories from before it replay without them. */
export const OPERATOR_VIEW_PATCH = 'operator-view-waiting';

/** Roles a process can wait on. */
export type WaitingRole = Extract<Role, 'PANSEL_SECRETARY' | 'OVERSEER' | 'PPK'>;

export const WAITING_ROLE_NAME_ID: Record<WaitingRole, string> = {
  PANSEL_SECRETARY: 'sekretariat panitia seleksi',
  OVERSEER: 'lembaga pengawas',
  PPK: 'PPK',
};

/** The role whose decision ends each stage of an open selection (the guards' roles); absent: a timer or the system. */
export const SELECTION_WAITING_FOR: Partial<Record<SelectionStage, WaitingRole>> = {
  PLANNED: 'PANSEL_SECRETARY', // submitPlan
  PLAN_APPROVAL: 'OVERSEER', // overseerDecision on the plan
  ADMINISTRATIVE_SCREENING: 'PANSEL_SECRETARY', // publishScreening
  COMPETENCY_ASSESSMENT: 'PANSEL_SECRETARY', // completeStage
  INTERVIEW: 'PANSEL_SECRETARY',
  TRACK_RECORD: 'PANSEL_SECRETARY',
  OVERSEER_RECOMMENDATION: 'OVERSEER', // overseerDecision on the result
  APPOINTMENT_CHOICE: 'PPK', // chooseAppointee
  INAUGURATION: 'PANSEL_SECRETARY', // recordInauguration
};

/** The same for a talent-pool filling (its handlers' validators). */
export const TALENT_WAITING_FOR: Partial<Record<string, WaitingRole>> = {
  CONFIRMATION: 'PANSEL_SECRETARY', // confirmProposal
  OVERSEER_APPROVAL: 'OVERSEER',
  PPK_DECISION: 'PPK', // decideSuccessor
  PRESIDENTIAL_DECISION: 'PANSEL_SECRETARY', // records the Keppres
  INAUGURATION: 'PANSEL_SECRETARY',
};

export const STAGE_NAME_ID: Record<string, string> = {
  PLANNED: 'perencanaan',
  PLAN_APPROVAL: 'persetujuan rencana seleksi',
  REGISTRATION_OPEN: 'pendaftaran',
  REGISTRATION_EXTENDED: 'perpanjangan pendaftaran',
  REGISTRATION_CLOSED: 'pendaftaran ditutup',
  ADMINISTRATIVE_SCREENING: 'seleksi administrasi',
  ADMINISTRATIVE_OBJECTIONS: 'masa sanggah administrasi',
  COMPETENCY_ASSESSMENT: 'uji kompetensi',
  INTERVIEW: 'wawancara',
  TRACK_RECORD: 'penelusuran rekam jejak',
  FINAL_RANKING: 'pemeringkatan akhir',
  FINAL_OBJECTIONS: 'masa sanggah hasil akhir',
  REPORTED_TO_PPK: 'laporan kepada PPK',
  OVERSEER_RECOMMENDATION: 'rekomendasi lembaga pengawas',
  APPOINTMENT_CHOICE: 'pemilihan oleh PPK',
  DECREE: 'penerbitan keputusan pengangkatan',
  INAUGURATION: 'pelantikan',
  COMPLETED: 'selesai',
  CANCELLED: 'dibatalkan',
  GATE_CHECK: 'pemeriksaan syarat jalur talenta',
  PROPOSAL: 'usulan suksesor',
  CONFIRMATION: 'konfirmasi usulan oleh tim',
  OVERSEER_APPROVAL: 'persetujuan lembaga pengawas',
  PPK_DECISION: 'keputusan PPK',
  PRESIDENTIAL_DECISION: 'keputusan Presiden',
  FALLBACK_OPEN_SELECTION: 'dialihkan ke seleksi terbuka',
  STARTING: 'dimulai',
  MAPPING: 'pemetaan',
  DERIVING_KRS: 'penyusunan kelompok rencana suksesi',
  SCORING: 'penghitungan',
  COMMITTING: 'penyimpanan',
};

const DEADLINE_NAME_ID: Record<string, string> = {
  REGISTRATION: 'penutupan pendaftaran',
  OVERSEER: 'keputusan lembaga pengawas',
  OBJECTIONS: 'penutupan masa sanggah',
};

const stageName = (stage: string): string => STAGE_NAME_ID[stage] ?? stage;

function dateId(ms: number, tz: AgencyTimeZone): string {
  return `${formatLocalDateId(localDateOf(ms, tz))} (${tz})`;
}

/** The current details of a stage: "Tahap: … — menunggu keputusan PPK sejak …; batas waktu …". */
export function stageDetails(
  stage: string,
  role: WaitingRole | null,
  sinceMs: number | null,
  tz: AgencyTimeZone,
  deadline?: string | null,
): string {
  const lines = [`**Tahap:** ${stageName(stage)} (\`${stage}\`)`];
  const since = sinceMs === null ? '' : ` sejak ${dateId(sinceMs, tz)}`;
  if (role) lines.push(`**Menunggu:** keputusan ${WAITING_ROLE_NAME_ID[role]}${since}`);
  else if (since) lines.push(`**Dimulai**${since}`);
  if (deadline) lines.push(`**Batas waktu:** ${dateId(Date.parse(deadline), tz)}`);
  return lines.join('\n\n');
}

/** A timer's summary in the UI (instead of its sequence number). */
export function timerSummary(stage: string, deadlineLabel: string | null | undefined): string {
  const what = deadlineLabel ? (DEADLINE_NAME_ID[deadlineLabel] ?? deadlineLabel) : 'batas waktu tahap';
  return `Batas waktu ${what} — tahap ${stageName(stage)}`;
}

/**
 * At a stage entry (workflow code): sets the current details and, from the patch on, WaitingFor/WaitingSince
 * (cleared when the stage waits on no one). `sinceMs` is shown on the process clock; the attribute holds the
 * real instant (`realMs`) so a visibility query compares it with real dates.
 */
export function markStage(o: {
  stage: string;
  role: WaitingRole | null;
  sinceMs: number;
  realMs?: number;
  tz: AgencyTimeZone;
  deadline?: string | null;
}): void {
  setCurrentDetails(stageDetails(o.stage, o.role, o.sinceMs, o.tz, o.deadline));
  if (!patched(OPERATOR_VIEW_PATCH)) return;
  const waiting = workflowInfo().typedSearchAttributes.get(WaitingForKey) !== undefined;
  if (!o.role && !waiting) return;
  upsertSearchAttributes([
    { key: WaitingForKey, value: o.role },
    { key: WaitingSinceKey, value: o.role ? new Date(o.realMs ?? o.sinceMs) : null },
  ]);
}

/** A run continued as new starts with empty details: written again from the carried search attributes. */
export function restoreDetails(stage: string, tz: AgencyTimeZone, deadline?: string | null): void {
  const attrs = workflowInfo().typedSearchAttributes;
  const role = (attrs.get(WaitingForKey) as WaitingRole | undefined) ?? null;
  const since = attrs.get(WaitingSinceKey);
  setCurrentDetails(stageDetails(stage, role, since ? since.getTime() : null, tz, deadline));
}

/** Current details of a batch run (mapping, IP ASN, import): its status and how far it got. */
export function batchDetails(status: string, done: number, total: number | null, unit: string): string {
  const lines = [`**Status:** ${stageName(status)} (\`${status}\`)`];
  if (total) lines.push(`**Kemajuan:** ${done} dari ${total} ${unit} (${Math.floor((done * 100) / total)}%)`);
  else if (done) lines.push(`**Kemajuan:** ${done} ${unit}`);
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Start options (client code): the summary and details shown before any workflow code runs.

export interface StartMetadata {
  staticSummary: string;
  staticDetails: string;
}

interface AgencyRef {
  code: string;
  name: string;
}
interface PostRef {
  id: string;
  position: string;
  level: keyof typeof LEVEL_NAME_ID;
  unit?: string | null;
}

const postLine = (p: PostRef): string =>
  `- ${p.position}${p.unit ? `, ${p.unit}` : ''} (JPT ${LEVEL_NAME_ID[p.level]}; \`${p.id}\`)`;

export function openSelectionMetadata(input: {
  selectionId: string;
  agency: AgencyRef;
  title: string;
  announcementDate: string;
  plannedInaugurationDate: string;
  vacancies: PostRef[];
  simulation?: unknown;
}): StartMetadata {
  const posts = input.vacancies.map((v) => v.position);
  const shown = posts.length === 1 ? posts[0] : `${posts.length} jabatan`;
  return {
    staticSummary: `Seleksi terbuka JPT ${input.agency.code} ${input.selectionId}: ${shown}${input.simulation ? ' (SIMULASI)' : ''}`,
    staticDetails: [
      `**Seleksi terbuka JPT** — ${input.title}`,
      `**Instansi:** ${input.agency.name} (\`${input.agency.code}\`)`,
      `**Putaran:** \`${input.selectionId}\``,
      `**Jabatan:**\n${input.vacancies.map(postLine).join('\n')}`,
      `**Pengumuman:** ${formatLocalDateId(input.announcementDate)}; **rencana pelantikan:** ${formatLocalDateId(input.plannedInaugurationDate)}`,
    ].join('\n\n'),
  };
}

export function talentFillingMetadata(input: {
  fillingId: string;
  agency: AgencyRef;
  post: PostRef;
  plannedInaugurationDate: string;
}): StartMetadata {
  return {
    staticSummary: `Pengisian JPT dari kelompok rencana suksesi ${input.agency.code} ${input.fillingId}: ${input.post.position}`,
    staticDetails: [
      `**Pengisian JPT melalui manajemen talenta**`,
      `**Instansi:** ${input.agency.name} (\`${input.agency.code}\`)`,
      `**Pengisian:** \`${input.fillingId}\``,
      `**Jabatan:**\n${postLine(input.post)}`,
      `**Rencana pelantikan:** ${formatLocalDateId(input.plannedInaugurationDate)}`,
    ].join('\n\n'),
  };
}

/** The batch runs (mapping, IP ASN, import): which agency and which period or import. */
export function batchMetadata(what: string, agencyCode: string, ref: string, extra: string[] = []): StartMetadata {
  return {
    staticSummary: `${what} ${agencyCode} ${ref}`,
    staticDetails: [`**${what}**`, `**Instansi:** \`${agencyCode}\``, `**Rujukan:** \`${ref}\``, ...extra].join('\n\n'),
  };
}

// ---------------------------------------------------------------------------------------------
// Handler descriptions (shown by the UI's "Workflow details" through the metadata query).

export const HANDLER_DESCRIPTIONS: Record<string, string> = {
  submitApplication: 'Peserta mendaftar pada satu jabatan selama masa pendaftaran',
  submitApplications: 'Gerbang meneruskan sekumpulan pendaftaran (tiap butir dengan id permintaannya)',
  setPansel: 'Sekretariat menetapkan panitia seleksi',
  submitPlan: 'Sekretariat mengajukan rencana seleksi kepada lembaga pengawas',
  overseerDecision: 'Lembaga pengawas menyetujui, meminta perbaikan atau menolak (rencana atau hasil)',
  requestAdditionalDocuments:
    'Lembaga pengawas meminta dokumen tambahan kepada panitia selama penelaahan (rencana atau hasil)',
  decideVacancy: 'Panitia memutuskan jabatan yang tidak dapat dilanjutkan (diumumkan ulang, beralih jalur, batal)',
  overrideScreening: 'Panitia mengubah hasil seleksi administrasi satu pelamar, dengan alasan',
  publishScreening: 'Sekretariat mengumumkan hasil seleksi administrasi',
  fileObjection: 'Peserta mengajukan sanggahan dalam masa sanggah',
  answerObjection: 'Panitia menjawab sanggahan',
  declareConflict: 'Anggota panitia menyatakan benturan kepentingan dengan seorang peserta',
  recordAssessment: 'Sekretariat mencatat hasil uji kompetensi',
  submitInterviewScore: 'Anggota panitia memberi nilai wawancara',
  recordTrackRecord: 'Sekretariat mencatat hasil penelusuran rekam jejak',
  scheduleStage: 'Sekretariat menjadwalkan tahap (tanggal, waktu, tempat)',
  completeStage: 'Sekretariat menutup tahap penilaian',
  chooseAppointee: 'PPK memilih satu dari tiga besar (atau mengusulkan kepada Presiden)',
  recordPresidentialDecision: 'Sekretariat mencatat Keputusan Presiden',
  recordElectionPermission: 'Sekretariat mencatat izin tertulis Menteri Dalam Negeri (masa pilkada)',
  recordInauguration: 'Sekretariat mencatat pelantikan',
  withdrawApplication: 'Peserta menarik lamarannya',
  confirmProposal: 'Tim mengonfirmasi atau menolak usulan suksesor',
  talentOverseerDecision: 'Lembaga pengawas menyetujui atau menolak usulan suksesor',
  decideSuccessor: 'PPK memilih suksesor (alasan bila bukan urutan pertama)',
  recordTalentPresidentialDecision: 'Sekretariat mencatat Keputusan Presiden',
  recordTalentInauguration: 'Sekretariat mencatat pelantikan',
};
