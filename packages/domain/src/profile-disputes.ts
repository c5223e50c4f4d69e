/**
 * The staff's answer to a candidate's dispute of their ASN profile: accept with the corrected values of
 * the disputed parts (the profile changes, its previous version is kept), or reject with a reason. Pure
 * rules; services/candidate stores the decision once per dispute.
 */
import type { CareerEntryDto, EducationLevel, ProfileDto, SkpPredicate } from './contracts';
import { EDUCATION_LEVELS, POSITION_KINDS, SKP_PREDICATES } from './contracts';
import type { ProfileField } from './candidate-portal';
import type { Actor, Role } from './roles';
import { checkNip, NIP_PROBLEM_TEXT_ID } from './nip';
import { parseRank } from './rules/ranks';

/** The parts of a profile as the portal and the mails name them. */
export const PROFILE_FIELD_TEXT_ID: Record<ProfileField, string> = {
  name: 'Nama',
  nip: 'NIP',
  rank: 'Pangkat/golongan',
  agencyCode: 'Instansi',
  education: 'Pendidikan',
  educationMajor: 'Jurusan',
  careers: 'Riwayat jabatan',
  skp: 'SKP',
  lhkpnFiled: 'LHKPN',
  disciplinarySanction: 'Hukuman disiplin',
};

export const PROFILE_DISPUTE_OUTCOMES = ['ACCEPTED', 'REJECTED'] as const;
export type ProfileDisputeOutcome = (typeof PROFILE_DISPUTE_OUTCOMES)[number];

/** Minimum length of the reason of a rejection (and of the note of an acceptance, when given). */
export const PROFILE_DISPUTE_REASON_MIN = 10;

/** Staff who resolve the disputes of their agency's candidates (ADMIN: of every agency). */
export const PROFILE_DISPUTE_ROLES = ['PANSEL_SECRETARY', 'AGENCY_ADMIN', 'ADMIN'] as const satisfies readonly Role[];

/** Corrected values: only the disputed parts, each replacing the profile's value whole. */
export interface ProfileCorrections {
  name?: string;
  nip?: string;
  rank?: string;
  agencyCode?: string;
  education?: EducationLevel;
  educationMajor?: string | null;
  careers?: CareerEntryDto[];
  skp?: { year: number; predicate: SkpPredicate }[];
  lhkpnFiled?: boolean;
  disciplinarySanction?: boolean;
}

/** How a dispute was decided: who, when, why, and which parts changed. */
export interface ProfileDisputeResolutionDto {
  decisionId: string;
  outcome: ProfileDisputeOutcome;
  reason: string | null;
  /** The parts the acceptance changed (empty for a rejection). */
  corrected: ProfileField[];
  by: Actor;
  at: string;
}

/** A candidate's dispute as the staff see it; open until decided or replaced by the candidate's next answer. */
export interface ProfileDisputeDto {
  id: string;
  candidateId: string;
  agencyCode: string;
  note: string;
  fields: ProfileField[];
  at: string;
  by: Actor;
  open: boolean;
  resolution: ProfileDisputeResolutionDto | null;
}

/** Body of `POST /profile-disputes/:id/decision`. */
export interface ProfileDisputeDecisionRequest {
  outcome: ProfileDisputeOutcome;
  reason: string | null;
  corrections: ProfileCorrections;
  by: Actor;
  at: string;
}

export interface ProfileDisputeDecisionResult {
  dispute: ProfileDisputeDto;
  /** False when the dispute was already decided the same way (a retry): the recorded decision. */
  created: boolean;
}

export interface CorrectionIssue {
  code: 'VALIDATION_FAILED' | 'INVALID_NIP';
  field: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const issue = (field: string, message: string): CorrectionIssue => ({ code: 'VALIDATION_FAILED', field, message });

/**
 * Problems of an acceptance's corrections against the dispute (fields under `corrections.`), with the
 * domain rules of the register: NIP checks, known ranks, consistent career dates, one SKP per year, and
 * at least one value that actually changes. `today` is YYYY-MM-DD.
 */
export function profileCorrectionIssues(
  current: ProfileDto,
  disputed: readonly ProfileField[],
  corrections: ProfileCorrections,
  today: string,
): CorrectionIssue[] {
  const out: CorrectionIssue[] = [];
  const keys = Object.keys(corrections).filter(
    (k) => corrections[k as keyof ProfileCorrections] !== undefined,
  ) as (keyof ProfileCorrections)[];
  if (keys.length === 0) return [issue('corrections', 'Isi sedikitnya satu data yang dikoreksi')];
  for (const k of keys) {
    if (!disputed.includes(k)) out.push(issue(`corrections.${k}`, 'Data ini tidak termasuk yang disanggah'));
  }
  const c = corrections;
  if (c.name !== undefined && (c.name.trim().length === 0 || c.name.length > 200)) {
    out.push(issue('corrections.name', 'Nama wajib diisi (paling banyak 200 karakter)'));
  }
  if (c.nip !== undefined) {
    const r = checkNip(c.nip, today);
    if (!r.ok) out.push({ code: 'INVALID_NIP', field: 'corrections.nip', message: NIP_PROBLEM_TEXT_ID[r.problem] });
  }
  if (c.rank !== undefined && !parseRank(c.rank)) {
    out.push(issue('corrections.rank', 'Pangkat/golongan ruang tidak dikenal (I/a sampai IV/e)'));
  }
  if (c.agencyCode !== undefined && !/^[A-Za-z0-9_-]{2,30}$/.test(c.agencyCode)) {
    out.push(issue('corrections.agencyCode', 'Kode instansi tidak valid'));
  }
  if (c.education !== undefined && !(EDUCATION_LEVELS as readonly string[]).includes(c.education)) {
    out.push(issue('corrections.education', 'Jenjang pendidikan tidak dikenal'));
  }
  if (c.educationMajor != null && c.educationMajor.length > 200) {
    out.push(issue('corrections.educationMajor', 'Jurusan paling banyak 200 karakter'));
  }
  if (c.careers !== undefined) out.push(...careerIssues(c.careers, today));
  if (c.skp !== undefined) out.push(...skpIssues(c.skp, today));
  if (out.length === 0 && !changes(current, c)) {
    out.push(issue('corrections', 'Koreksi tidak mengubah data profil; tolak sanggahan bila data sudah benar'));
  }
  return out;
}

function careerIssues(careers: CareerEntryDto[], today: string): CorrectionIssue[] {
  const out: CorrectionIssue[] = [];
  if (careers.length > 100) return [issue('corrections.careers', 'Paling banyak 100 riwayat jabatan')];
  let current = 0;
  careers.forEach((e, i) => {
    const f = `corrections.careers.${i}`;
    if (!e.position?.trim()) out.push(issue(`${f}.position`, 'Nama jabatan wajib diisi'));
    if (!(POSITION_KINDS as readonly string[]).includes(e.positionKind)) {
      out.push(issue(`${f}.positionKind`, 'Jenis jabatan tidak dikenal'));
    }
    if (!e.agencyCode?.trim()) out.push(issue(`${f}.agencyCode`, 'Instansi wajib diisi'));
    if (!isIsoDate(e.from)) out.push(issue(`${f}.from`, 'Tanggal mulai tidak valid (TTTT-BB-HH)'));
    else if (e.from > today) out.push(issue(`${f}.from`, 'Tanggal mulai berada di masa depan'));
    if (e.to != null) {
      if (!isIsoDate(e.to)) out.push(issue(`${f}.to`, 'Tanggal selesai tidak valid (TTTT-BB-HH)'));
      else if (isIsoDate(e.from) && e.to < e.from) out.push(issue(`${f}.to`, 'Tanggal selesai sebelum tanggal mulai'));
    } else current += 1;
  });
  if (current > 1) out.push(issue('corrections.careers', 'Hanya satu jabatan yang boleh tanpa tanggal selesai'));
  return out;
}

function skpIssues(skp: { year: number; predicate: SkpPredicate }[], today: string): CorrectionIssue[] {
  const out: CorrectionIssue[] = [];
  const seen = new Set<number>();
  const thisYear = Number(today.slice(0, 4));
  skp.forEach((s, i) => {
    const f = `corrections.skp.${i}`;
    if (!Number.isInteger(s.year) || s.year < 1970 || s.year > thisYear) {
      out.push(issue(`${f}.year`, `Tahun SKP harus antara 1970 dan ${thisYear}`));
    } else if (seen.has(s.year)) out.push(issue(`${f}.year`, `SKP tahun ${s.year} tercantum lebih dari sekali`));
    seen.add(s.year);
    if (!(SKP_PREDICATES as readonly string[]).includes(s.predicate)) {
      out.push(issue(`${f}.predicate`, 'Predikat SKP tidak dikenal'));
    }
  });
  return out;
}

/** The profile with the corrections applied (rank in canonical form, NIP without spaces). */
export function applyProfileCorrections(current: ProfileDto, c: ProfileCorrections): ProfileDto {
  const next: ProfileDto = { ...current };
  if (c.name !== undefined) next.name = c.name.trim();
  if (c.nip !== undefined) next.nip = c.nip.replace(/\s+/g, '');
  if (c.rank !== undefined) next.rank = parseRank(c.rank) ?? c.rank;
  if (c.agencyCode !== undefined) next.agencyCode = c.agencyCode;
  if (c.education !== undefined) next.education = c.education;
  if (c.educationMajor !== undefined) {
    if (c.educationMajor?.trim()) next.educationMajor = c.educationMajor.trim();
    else delete next.educationMajor;
  }
  if (c.careers !== undefined) next.careers = c.careers.map((e) => ({ ...e, to: e.to ?? null }));
  if (c.skp !== undefined) next.skp = [...c.skp].sort((a, b) => a.year - b.year);
  if (c.lhkpnFiled !== undefined) next.lhkpnFiled = c.lhkpnFiled;
  if (c.disciplinarySanction !== undefined) next.disciplinarySanction = c.disciplinarySanction;
  return next;
}

/** The disputed parts whose value the corrections change. */
export function changedProfileFields(current: ProfileDto, c: ProfileCorrections): ProfileField[] {
  const next = applyProfileCorrections(current, c);
  const norm = (p: ProfileDto, k: ProfileField): string =>
    JSON.stringify(k === 'skp' ? [...p.skp].sort((a, b) => a.year - b.year) : (p[k] ?? null));
  return (Object.keys(c) as ProfileField[]).filter((k) => c[k] !== undefined && norm(current, k) !== norm(next, k));
}

function changes(current: ProfileDto, c: ProfileCorrections): boolean {
  return changedProfileFields(current, c).length > 0;
}
