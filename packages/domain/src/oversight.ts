/**
 * The oversight view (issue 16): who an open round waits on, and the integrity signals derived from the
 * audit record of human decisions. Pure: the candidate service reads the records by kind, the gateway
 * turns them into signals, counts and exports with these functions.
 */
import type { AuditRecordDto } from './records';
import type { Actor } from './roles';
import { SELECTION_STAGE_NAMES, SELECTION_STAGES, type SelectionStage } from './stages';

/** Stages of a round still running (the oversight view counts these). */
export const OVERSIGHT_OPEN_STAGES = SELECTION_STAGES.filter(
  (s) => s !== 'COMPLETED' && s !== 'CANCELLED',
) as readonly SelectionStage[];

/** Stage names for the oversight view and its exports (the portal's STAGE_NAMES; talent-filling stages too). */
export const SELECTION_STAGE_NAMES_ID: Record<string, string> = {
  ...SELECTION_STAGE_NAMES,
  // Talent fillings' stages: as their decisions on record imply them, and as their read model has them.
  GATE_CHECKED: 'Syarat manajemen talenta diperiksa',
  PROPOSAL_CONFIRMED: 'Usulan penerus dikonfirmasi',
  PPK_DECIDED: 'Diputuskan PPK',
  FALLBACK_OPEN_SELECTION: 'Beralih ke seleksi terbuka',
  INAUGURATED: 'Dilantik',
  GATE_CHECK: 'Pemeriksaan syarat jalur talenta',
  PROPOSAL: 'Penyusunan usulan suksesor',
  CONFIRMATION: 'Menunggu konfirmasi tim',
  PPK_DECISION: 'Menunggu keputusan PPK',
  PRESIDENTIAL_DECISION: 'Menunggu Keputusan Presiden',
};

/** Whom a round in a stage waits on. CANDIDATES: a running registration (a timer, no decision). */
export const WAITING_PARTIES = ['SECRETARIAT', 'PANSEL', 'OVERSEER', 'PPK', 'CANDIDATES'] as const;
export type WaitingParty = (typeof WAITING_PARTIES)[number];

export const WAITING_PARTY_NAMES: Record<WaitingParty, string> = {
  SECRETARIAT: 'Sekretariat Pansel',
  PANSEL: 'Panitia Seleksi',
  OVERSEER: 'Lembaga pengawas',
  PPK: 'PPK / Presiden',
  CANDIDATES: 'Pendaftaran berjalan',
};

export const WAITING_ON: Record<SelectionStage, WaitingParty | null> = {
  PLANNED: 'SECRETARIAT',
  PLAN_APPROVAL: 'OVERSEER',
  REGISTRATION_OPEN: 'CANDIDATES',
  REGISTRATION_EXTENDED: 'CANDIDATES',
  REGISTRATION_CLOSED: 'SECRETARIAT',
  ADMINISTRATIVE_SCREENING: 'PANSEL',
  ADMINISTRATIVE_OBJECTIONS: 'PANSEL',
  COMPETENCY_ASSESSMENT: 'PANSEL',
  INTERVIEW: 'PANSEL',
  TRACK_RECORD: 'PANSEL',
  FINAL_RANKING: 'PANSEL',
  FINAL_OBJECTIONS: 'PANSEL',
  REPORTED_TO_PPK: 'PPK',
  OVERSEER_RECOMMENDATION: 'OVERSEER',
  APPOINTMENT_CHOICE: 'PPK',
  DECREE: 'PPK',
  // The PPK inaugurates; the round waits for the secretariat to record it (recordInauguration).
  INAUGURATION: 'SECRETARIAT',
  COMPLETED: null,
  CANCELLED: null,
};

/** Stages where the overseer's silence counts (BKN era: approval after 5 working days, configurable per round). */
export const OVERSEER_SILENCE_STAGES: readonly SelectionStage[] = ['PLAN_APPROVAL', 'OVERSEER_RECOMMENDATION'];

/** An open round as the oversight view reads it from the selections read model. */
export interface OpenRoundDto {
  selectionId: string;
  agencyCode: string;
  title: string;
  stage: SelectionStage;
  /** When the round entered its stage (null when not recorded). */
  stageAt: string | null;
  /** When the stage's decision or timer is due (null: none, or recorded before the oversight view). */
  dueAt: string | null;
  /** The reason code of the event that set the stage (null when not recorded). */
  stageReason?: string | null;
  simulation: boolean;
}

/**
 * Reason codes that end the wait inside a stage: the overseer has approved (or its silence has), and the round
 * waits only for its next date (e.g. an announcement date ahead).
 */
export const DECIDED_IN_STAGE: readonly string[] = [
  'PLAN_APPROVED',
  'OVERSEER_APPROVED',
  'OVERSEER_APPROVED_BY_SILENCE',
];

export interface WaitingItem extends OpenRoundDto {
  waitingOn: WaitingParty;
  overdue: boolean;
  /** The overseer's silence rule is about to act (due within the warning window, not yet passed). */
  silenceApproaching: boolean;
}

/**
 * The open rounds that wait on a person (not on a running registration), each marked overdue when its due
 * time has passed and silence-approaching when it waits on the overseer and falls due by `silenceBy`.
 */
export function waitingItems(rounds: readonly OpenRoundDto[], now: Date, silenceBy: Date): WaitingItem[] {
  const out: WaitingItem[] = [];
  for (const r of rounds) {
    const waitingOn = WAITING_ON[r.stage];
    if (!waitingOn || waitingOn === 'CANDIDATES') continue;
    if (r.stageReason && DECIDED_IN_STAGE.includes(r.stageReason)) continue;
    const due = r.dueAt ? new Date(r.dueAt).getTime() : null;
    const overdue = due !== null && due < now.getTime();
    const silenceApproaching =
      due !== null && !overdue && OVERSEER_SILENCE_STAGES.includes(r.stage) && due <= silenceBy.getTime();
    out.push({ ...r, waitingOn, overdue, silenceApproaching });
  }
  // Soonest due first; rounds without a due time last, oldest stage first.
  return out.sort(
    (a, b) =>
      (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
      (a.stageAt ?? '').localeCompare(b.stageAt ?? '') ||
      a.selectionId.localeCompare(b.selectionId),
  );
}

export interface StageCount {
  agencyCode: string;
  stage: string;
  count: number;
}

/** Counts per agency and stage, in agency then stage order. */
export function countByAgencyAndStage<T extends { agencyCode: string; stage: string }>(
  rows: readonly T[],
  stageOrder: readonly string[],
): StageCount[] {
  const counts = new Map<string, StageCount>();
  for (const r of rows) {
    const key = `${r.agencyCode}\u0000${r.stage}`;
    const c = counts.get(key) ?? { agencyCode: r.agencyCode, stage: r.stage, count: 0 };
    c.count += 1;
    counts.set(key, c);
  }
  return [...counts.values()].sort(
    (a, b) => a.agencyCode.localeCompare(b.agencyCode) || stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage),
  );
}

// ---------------------------------------------------------------------------------------------
// Integrity signals

export const INTEGRITY_SIGNALS = [
  'RANK_ONE_NOT_CHOSEN',
  'SCREENING_OVERRIDE',
  'RULES_CHANGED_AFTER_START',
  'OBJECTION_UPHELD',
  'STAGE_REOPENED',
  'DEADLINE_MISSED',
  'PANSEL_MEMBER_MANY_ROUNDS',
  'TALENT_FALLBACK',
] as const;
export type IntegritySignal = (typeof INTEGRITY_SIGNALS)[number];

export const INTEGRITY_SIGNAL_NAMES: Record<IntegritySignal, string> = {
  RANK_ONE_NOT_CHOSEN: 'Peringkat 1 tidak dipilih',
  SCREENING_OVERRIDE: 'Hasil seleksi administrasi diubah Pansel',
  RULES_CHANGED_AFTER_START: 'Aturan berubah setelah seleksi dimulai',
  OBJECTION_UPHELD: 'Sanggahan diterima',
  STAGE_REOPENED: 'Tahap dibuka kembali',
  DEADLINE_MISSED: 'Batas waktu terlewati',
  PANSEL_MEMBER_MANY_ROUNDS: 'Anggota Pansel di banyak seleksi satu instansi',
  TALENT_FALLBACK: 'Manajemen talenta beralih ke seleksi terbuka',
};

/**
 * The audit record kinds each signal is read from (one indexed read per kind). What the record does not
 * hold yet is said in INTEGRITY_SIGNAL_COVERAGE.
 */
export const INTEGRITY_SIGNAL_SOURCES: Record<IntegritySignal, readonly string[]> = {
  RANK_ONE_NOT_CHOSEN: ['APPOINTEE_CHOSEN', 'SUCCESSOR_DECIDED', 'PRESIDENTIAL_DECISION_RECORDED'],
  SCREENING_OVERRIDE: ['SCREENING_OVERRIDDEN'],
  RULES_CHANGED_AFTER_START: ['CALENDAR_AMENDED'],
  OBJECTION_UPHELD: ['OBJECTION_ANSWERED'],
  STAGE_REOPENED: ['OVERSEER_DECIDED', 'OBJECTION_ANSWERED'],
  DEADLINE_MISSED: ['OVERSEER_SILENCE', 'OVERSEER_ESCALATED'],
  PANSEL_MEMBER_MANY_ROUNDS: ['PANSEL_SET'],
  TALENT_FALLBACK: ['FALLBACK_STARTED'],
};

/** What each signal covers today, for the page (Bahasa Indonesia). */
export const INTEGRITY_SIGNAL_COVERAGE: Record<IntegritySignal, string> = {
  RANK_ONE_NOT_CHOSEN:
    'Pilihan PPK selain peringkat 1 (dengan alasannya) dan keputusan talenta selain penerus pertama.',
  SCREENING_OVERRIDE: 'Setiap perubahan hasil MS/TMS oleh Pansel, dengan alasannya.',
  RULES_CHANGED_AFTER_START:
    'Perubahan kalender hari libur yang menggeser tenggat seleksi berjalan. Aturan seleksi (bobot, nilai ambang) dikunci saat seleksi dimulai; versi aturan bawaan instansi belum tercatat per perubahan.',
  OBJECTION_UPHELD: 'Sanggahan yang diterima Pansel (administrasi dan hasil akhir).',
  STAGE_REOPENED:
    'Permintaan perbaikan lembaga pengawas (kembali ke tahap yang salah) dan sanggahan diterima yang membuka kembali penilaian.',
  DEADLINE_MISSED:
    'Batas waktu keputusan lembaga pengawas yang terlewati (dianggap setuju atau dieskalasi). Tenggat lain yang lewat terlihat di daftar "terlambat".',
  PANSEL_MEMBER_MANY_ROUNDS: 'Anggota Pansel yang duduk di banyak seleksi satu instansi (ambang dapat diatur).',
  TALENT_FALLBACK: 'Pengisian jabatan lewat manajemen talenta yang beralih ke seleksi terbuka, dengan alasannya.',
};

/** One fired signal: a link to the record and what it says. */
export interface SignalItem {
  signal: IntegritySignal;
  /** The audit record (decisionId), or for PANSEL_MEMBER_MANY_ROUNDS `<agency>:<member>`. */
  id: string;
  agencyCode: string;
  /** The round or talent filling the record is filed under. */
  selectionId: string;
  subjectId: string | null;
  at: string;
  /** `YYYY-MM` of `at` (UTC). */
  period: string;
  by: Actor;
  /** Who missed or decided, in words. */
  who: string;
  /** What happened, in words. */
  detail: string;
  /** The recorded justification or reason. */
  reason: string | null;
  /** PANSEL_MEMBER_MANY_ROUNDS: the rounds the member sits on. */
  rounds: string[];
}

/** The agency of a workflow id (`selection:<agency>:…`, `talent-filling:<agency>:…`), or null. */
export function agencyOfWorkflowId(workflowId: string): string | null {
  const m = /^(?:selection|talent-filling):([^:]+):/.exec(workflowId);
  return m ? m[1]! : null;
}

const ROLE_WORDS: Record<string, string> = {
  CANDIDATE: 'Peserta',
  PANSEL_MEMBER: 'Anggota Pansel',
  PANSEL_SECRETARY: 'Sekretariat Pansel',
  PPK: 'PPK',
  OVERSEER: 'Lembaga pengawas',
  ADMIN: 'Administrator',
  AGENCY_ADMIN: 'Administrator instansi',
  SYSTEM: 'Sistem',
};

function actorWords(a: Actor): string {
  const role = ROLE_WORDS[a.role] ?? a.role;
  return a.displayName ? `${a.displayName} (${role})` : `${role} ${a.userId}`;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function item(signal: IntegritySignal, r: AuditRecordDto, who: string, detail: string): SignalItem {
  return {
    signal,
    id: r.decisionId,
    agencyCode: agencyOfWorkflowId(r.workflowId) ?? '',
    selectionId: r.selectionId,
    subjectId: r.subjectId,
    at: r.at,
    period: r.at.slice(0, 7),
    by: r.by,
    who,
    detail,
    reason: r.reason,
    rounds: [],
  };
}

/** Whether a record of `kind` fires `signal`, as an item (null: it does not). */
function fromRecord(signal: IntegritySignal, r: AuditRecordDto): SignalItem | null {
  const p = r.payload ?? {};
  switch (signal) {
    case 'RANK_ONE_NOT_CHOSEN': {
      if (r.kind === 'APPOINTEE_CHOSEN') {
        const rank = num(p.rank);
        if (rank === null || rank === 1) return null;
        return item(
          signal,
          r,
          actorWords(r.by),
          `Memilih peringkat ${rank} dari 3 untuk lowongan ${r.subjectId ?? ''}`,
        );
      }
      const order = num(p.order);
      if (order === null || order === 1) return null;
      // On the President's route the PPK's decision is a proposal and the Keppres appoints: both are flagged.
      const what = r.kind === 'PRESIDENTIAL_DECISION_RECORDED' ? 'Keputusan Presiden mengangkat' : 'Mengangkat';
      return item(signal, r, actorWords(r.by), `${what} penerus urutan ${order} untuk jabatan ${r.subjectId ?? ''}`);
    }
    case 'SCREENING_OVERRIDE':
      return item(
        signal,
        r,
        actorWords(r.by),
        `Hasil administrasi lamaran ${r.subjectId ?? ''} diubah menjadi ${p.eligible === false ? 'TMS' : p.eligible === true ? 'MS' : 'lain'}`,
      );
    case 'RULES_CHANGED_AFTER_START':
      return item(signal, r, actorWords(r.by), `Kalender hari libur diubah (revisi ${num(p.revision) ?? '?'})`);
    case 'OBJECTION_UPHELD':
      if (p.upheld !== true) return null;
      return item(signal, r, actorWords(r.by), `Sanggahan ${r.subjectId ?? ''} diterima`);
    case 'STAGE_REOPENED':
      if (r.kind === 'OVERSEER_DECIDED') {
        if (p.verdict !== 'REQUEST_CORRECTION') return null;
        return item(
          signal,
          r,
          actorWords(r.by),
          `Lembaga pengawas meminta perbaikan${str(p.stageAtFault) ? `; kembali ke tahap ${String(p.stageAtFault)}` : ''}`,
        );
      }
      if (p.upheld !== true) return null;
      return item(
        signal,
        r,
        actorWords(r.by),
        str(p.reopenStage)
          ? `Sanggahan diterima; tahap ${String(p.reopenStage)} dibuka kembali`
          : 'Sanggahan diterima; seleksi administrasi pelamar dibuka kembali',
      );
    case 'DEADLINE_MISSED':
      return item(
        signal,
        r,
        'Lembaga pengawas',
        r.kind === 'OVERSEER_SILENCE'
          ? `Tidak memutuskan ${p.subject === 'RESULT' ? 'hasil seleksi' : p.subject === 'PLAN' ? 'rencana seleksi' : 'usulan'} dalam batas waktu; dianggap setuju`
          : `Tidak memutuskan dalam batas waktu; dieskalasi (ke-${num(p.escalations) ?? 1})`,
      );
    case 'TALENT_FALLBACK':
      return item(
        signal,
        r,
        'Sistem',
        `Beralih ke seleksi terbuka ${str(p.selectionId) ?? ''}; ${num(p.invited) ?? 0} talenta diundang`,
      );
    default:
      return null;
  }
}

/**
 * Pansel members sitting on at least `threshold` rounds of one agency, from the PANSEL_SET records (a
 * Pansel set again in the same round counts once). Dated by the latest appointment.
 */
export function panselConcentration(records: readonly AuditRecordDto[], threshold: number): SignalItem[] {
  const seats = new Map<string, { agencyCode: string; memberId: string; rounds: Set<string>; last: AuditRecordDto }>();
  for (const r of records) {
    if (r.kind !== 'PANSEL_SET') continue;
    const agencyCode = agencyOfWorkflowId(r.workflowId) ?? '';
    const members = Array.isArray(r.payload?.members) ? (r.payload.members as { id?: unknown }[]) : [];
    for (const m of members) {
      if (typeof m?.id !== 'string') continue;
      const key = `${agencyCode}:${m.id}`;
      const s = seats.get(key) ?? { agencyCode, memberId: m.id, rounds: new Set<string>(), last: r };
      s.rounds.add(r.selectionId);
      if (r.at >= s.last.at) s.last = r;
      seats.set(key, s);
    }
  }
  const out: SignalItem[] = [];
  for (const [key, s] of seats) {
    if (s.rounds.size < threshold) continue;
    const rounds = [...s.rounds].sort();
    out.push({
      ...item('PANSEL_MEMBER_MANY_ROUNDS', s.last, `Anggota Pansel ${s.memberId}`, ''),
      id: key,
      agencyCode: s.agencyCode,
      subjectId: s.memberId,
      detail: `Duduk di ${rounds.length} seleksi instansi ${s.agencyCode}`,
      reason: null,
      rounds,
    });
  }
  return out;
}

/** Default: a member on this many rounds of one agency is listed. */
export const DEFAULT_PANSEL_ROUNDS_THRESHOLD = 3;

/** The items of `signal` from the records of its source kinds, oldest first. */
export function signalItems(
  signal: IntegritySignal,
  records: readonly AuditRecordDto[],
  opts: { panselThreshold?: number } = {},
): SignalItem[] {
  const sources = INTEGRITY_SIGNAL_SOURCES[signal];
  const mine = records.filter((r) => sources.includes(r.kind));
  const items =
    signal === 'PANSEL_MEMBER_MANY_ROUNDS'
      ? panselConcentration(mine, opts.panselThreshold ?? DEFAULT_PANSEL_ROUNDS_THRESHOLD)
      : mine.map((r) => fromRecord(signal, r)).filter((x): x is SignalItem => x !== null);
  return items.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

export interface SignalCount {
  agencyCode: string;
  period: string;
  count: number;
}

/** Counts per agency and period (`YYYY-MM`), agency then period order. */
export function countSignals(items: readonly SignalItem[]): SignalCount[] {
  const counts = new Map<string, SignalCount>();
  for (const i of items) {
    const key = `${i.agencyCode}\u0000${i.period}`;
    const c = counts.get(key) ?? { agencyCode: i.agencyCode, period: i.period, count: 0 };
    c.count += 1;
    counts.set(key, c);
  }
  return [...counts.values()].sort(
    (a, b) => a.agencyCode.localeCompare(b.agencyCode) || a.period.localeCompare(b.period),
  );
}
