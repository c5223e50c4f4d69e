import { describe, expect, it } from 'vitest';
import { electionWindowsOf, type DateWindow } from '@seleksi/domain';
import { actedInsideWindow, electionPermissionProblem, permissionArgsProblem } from './guard';

// A region's schedule as administrators enter it: determination 22 Sep 2024, term ends 31 Dec 2024,
// new head inaugurated 20 Feb 2025.
const windows: DateWindow[] = electionWindowsOf([
  {
    label: 'Pilkada 2024',
    candidatePairsDeterminedOn: '2024-09-22',
    currentTermEndsOn: '2024-12-31',
    newHeadInauguratedOn: '2025-02-20',
  },
]);
const permission = { letterNumber: '100.2.2.6/1234/OTDA', letterDate: '2024-10-01', scope: 'Kepala Dinas Kesehatan' };

describe('electionPermissionProblem', () => {
  it.each([
    ['before the window', '2024-03-21', null, null],
    ['first day of the window', '2024-03-22', null, 'ELECTION_PERMISSION_REQUIRED'],
    ['inside, with permission', '2024-10-15', permission, null],
    ['last day of the term', '2024-12-31', null, 'ELECTION_PERMISSION_REQUIRED'],
    ['between term and inauguration', '2025-01-10', null, null],
    ['after the inauguration', '2025-05-01', null, 'ELECTION_PERMISSION_REQUIRED'],
    ['six months after the inauguration', '2025-08-20', null, null],
  ])('%s (%s)', (_what, today, given, code) => {
    expect(electionPermissionProblem(today, windows, given)?.code ?? null).toBe(code);
  });

  it('names the window and the field', () => {
    const p = electionPermissionProblem('2024-06-01', windows, null, 'employeeId')!;
    expect(p.field).toBe('employeeId');
    expect(p.message).toContain('2024-03-22 s.d. 2024-12-31');
    expect(p.message).toContain('izin tertulis Menteri Dalam Negeri');
  });

  it('never stops an appointment without windows', () => {
    expect(electionPermissionProblem('2024-06-01', [], null)).toBeNull();
  });
});

describe('actedInsideWindow', () => {
  it.each([
    ['inside with permission', '2024-10-15', windows, permission, '2024-03-22'],
    ['inside without permission (old rounds)', '2024-10-15', windows, null, null],
    ['outside', '2025-01-10', windows, permission, null],
    ['windows never resolved (older runs)', '2024-10-15', null, permission, null],
  ])('%s', (_what, date, w, given, from) => {
    expect(actedInsideWindow(date, w, given)?.from ?? null).toBe(from);
  });
});

describe('permissionArgsProblem', () => {
  const ok = { ...permission, reason: 'Izin diterima' };
  it.each([
    ['complete', ok, null],
    ['no letter number', { ...ok, letterNumber: ' ' }, 'letterNumber'],
    ['not a date', { ...ok, letterDate: '2024-02-30' }, 'letterDate'],
    ['no scope', { ...ok, scope: '' }, 'scope'],
    ['no reason', { ...ok, reason: '' }, 'reason'],
  ])('%s', (_what, args, field) => {
    expect(permissionArgsProblem(args)?.field ?? null).toBe(field);
  });
});
