/** Pure checks of the pilkada guard (table-tested without Temporal). */
import { electionWindowAt, isLocalDate, type DateWindow, type LocalDate } from '@seleksi/domain';
import type { AppointmentPermissionArgs, RecordedElectionPermission } from './definitions';

export interface GuardProblem {
  code: string;
  message: string;
  field: string;
}

/** Why an appointment on `today` may not proceed yet: inside a window without the Minister's permission. */
export function electionPermissionProblem(
  today: LocalDate,
  windows: readonly DateWindow[],
  permission: RecordedElectionPermission | null,
  field = 'vacancyId',
): GuardProblem | null {
  const window = electionWindowAt(today, [...windows]);
  if (!window || permission) return null;
  return {
    code: 'ELECTION_PERMISSION_REQUIRED',
    message: `Dalam masa ${window.label ?? 'pilkada'} (${window.from} s.d. ${window.to}) pengangkatan memerlukan izin tertulis Menteri Dalam Negeri`,
    field,
  };
}

/** The window an act on `date` falls in, when the Minister's permission was given for it. */
export function actedInsideWindow(
  date: LocalDate,
  windows: readonly DateWindow[] | null,
  permission: RecordedElectionPermission | null,
): DateWindow | null {
  if (!windows || !permission) return null;
  return electionWindowAt(date, [...windows]);
}

/** Problems of a permission as entered (Bahasa Indonesia); null when acceptable. */
export function permissionArgsProblem(args: Omit<AppointmentPermissionArgs, 'actor'>): GuardProblem | null {
  const text = (v: unknown, min: number) => typeof v === 'string' && v.trim().length >= min;
  if (!text(args.letterNumber, 3))
    return {
      code: 'VALIDATION_FAILED',
      message: 'Nomor surat izin Menteri Dalam Negeri wajib diisi',
      field: 'letterNumber',
    };
  if (typeof args.letterDate !== 'string' || !isLocalDate(args.letterDate))
    return { code: 'VALIDATION_FAILED', message: 'Tanggal surat tidak valid', field: 'letterDate' };
  if (!text(args.scope, 3))
    return {
      code: 'VALIDATION_FAILED',
      message: 'Lingkup izin (jabatan atau pejabat yang diizinkan) wajib diisi',
      field: 'scope',
    };
  if (!text(args.reason, 1)) return { code: 'VALIDATION_FAILED', message: 'Keterangan wajib diisi', field: 'reason' };
  return null;
}
