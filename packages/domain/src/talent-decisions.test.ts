/** The talent route's declarations: who may take which decision in which step, and their arguments' checks. */
import { describe, expect, it } from 'vitest';
import { ROLES } from './roles';
import {
  TALENT_DECISION_NAMES,
  TALENT_DECISIONS,
  TALENT_FILLING_STAGES,
  talentDecisionUpdateName,
  talentRoleMayTake,
  talentStageAllows,
} from './talent-decisions';

describe('talent decisions as declared', () => {
  it('every decision names at least one role and one step, known ones only', () => {
    for (const name of TALENT_DECISION_NAMES) {
      const d = TALENT_DECISIONS[name];
      expect(d.roles.length, name).toBeGreaterThan(0);
      expect(d.stages.length, name).toBeGreaterThan(0);
      for (const r of d.roles) expect(ROLES, name).toContain(r);
      for (const s of d.stages) expect(TALENT_FILLING_STAGES, name).toContain(s);
    }
  });

  it.each([
    ['confirmProposal', 'PANSEL_SECRETARY', 'CONFIRMATION'],
    ['talentOverseerDecision', 'OVERSEER', 'OVERSEER_APPROVAL'],
    ['decideSuccessor', 'PPK', 'PPK_DECISION'],
    ['recordTalentPresidentialDecision', 'PANSEL_SECRETARY', 'PRESIDENTIAL_DECISION'],
    ['recordTalentInauguration', 'PANSEL_SECRETARY', 'INAUGURATION'],
  ] as const)('%s: %s in %s only', (name, role, stage) => {
    expect(TALENT_DECISIONS[name].roles).toEqual([role]);
    expect(TALENT_DECISIONS[name].stages).toEqual([stage]);
    expect(talentRoleMayTake(name, role)).toBe(true);
    expect(talentRoleMayTake(name, 'CANDIDATE')).toBe(false);
    expect(talentStageAllows(name, stage)).toBe(true);
    expect(talentStageAllows(name, 'COMPLETED')).toBe(false);
  });

  it("the Minister's permission runs the filling's own Update until the decree", () => {
    expect(talentDecisionUpdateName('recordTalentElectionPermission')).toBe('recordAppointmentPermission');
    expect(talentDecisionUpdateName('decideSuccessor')).toBe('decideSuccessor');
    expect(talentStageAllows('recordTalentElectionPermission', 'PPK_DECISION')).toBe(true);
    expect(talentStageAllows('recordTalentElectionPermission', 'DECREE')).toBe(false);
  });

  it('checks the arguments with messages in Bahasa Indonesia naming the field', () => {
    const args = TALENT_DECISIONS.recordTalentElectionPermission.args;
    const base = {
      fillingId: 'F1',
      letterNumber: '100/1',
      letterDate: '2026-12-01',
      scope: 'Satu jabatan',
      reason: 'Izin',
    };
    expect(args.safeParse(base).success).toBe(true);
    expect(args.safeParse({ ...base, letterDate: '1-12-2026' }).error?.issues[0]).toMatchObject({
      path: ['letterDate'],
      message: 'Tanggal surat tidak valid (TTTT-BB-HH)',
    });
    const decide = TALENT_DECISIONS.decideSuccessor.args;
    expect(decide.safeParse({ fillingId: ' F1 ', employeeId: 'E1' }).data).toEqual({
      fillingId: 'F1',
      employeeId: 'E1',
      justification: null,
    });
  });
});
