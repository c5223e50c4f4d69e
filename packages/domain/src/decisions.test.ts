/** The decisions' declarations: who may take which decision in which stage, and their arguments' checks. */
import { describe, expect, it } from 'vitest';
import {
  decisionsAvailable,
  roleMayTake,
  SELECTION_DECISION_NAMES,
  SELECTION_DECISIONS,
  stageAllows,
} from './decisions';
import { ROLES } from './roles';
import { SELECTION_STAGES } from './stages';

describe('selection decisions as declared', () => {
  it('every decision names at least one role and one stage, known ones only', () => {
    for (const name of SELECTION_DECISION_NAMES) {
      const d = SELECTION_DECISIONS[name];
      expect(d.roles.length, name).toBeGreaterThan(0);
      expect(d.stages.length, name).toBeGreaterThan(0);
      for (const r of d.roles) expect(ROLES, name).toContain(r);
      for (const s of d.stages) expect(SELECTION_STAGES, name).toContain(s);
      expect(d.label, name).toMatch(/\w{3,}/);
    }
  });

  it.each([
    ['OVERSEER', 'PLAN_APPROVAL', ['overseerDecision', 'requestAdditionalDocuments']],
    ['OVERSEER', 'INTERVIEW', []],
    ['PPK', 'APPOINTMENT_CHOICE', ['chooseAppointee']],
    ['PANSEL_MEMBER', 'INTERVIEW', ['declareConflict', 'submitInterviewScore']],
    ['PANSEL_MEMBER', 'FINAL_RANKING', []],
    ['CANDIDATE', 'FINAL_OBJECTIONS', ['fileObjection', 'withdrawApplication']],
    ['CANDIDATE', 'DECREE', []],
    ['ADMIN', 'PLANNED', []],
    ['AGENCY_ADMIN', 'INTERVIEW', []],
    [
      'PANSEL_SECRETARY',
      'COMPETENCY_ASSESSMENT',
      [
        'decideVacancy',
        'answerObjection',
        'recordAssessment',
        'scheduleStage',
        'completeStage',
        'recordElectionPermission',
      ],
    ],
  ] as const)('%s in %s may take %j', (role, stage, names) => {
    expect(decisionsAvailable(role, stage)).toEqual(names);
  });

  it('refuses by role and by stage', () => {
    expect(roleMayTake('requestAdditionalDocuments', 'OVERSEER')).toBe(true);
    expect(roleMayTake('requestAdditionalDocuments', 'PANSEL_SECRETARY')).toBe(false);
    expect(stageAllows('requestAdditionalDocuments', 'OVERSEER_RECOMMENDATION')).toBe(true);
    expect(stageAllows('requestAdditionalDocuments', 'APPOINTMENT_CHOICE')).toBe(false);
    expect(stageAllows('declareConflict', 'TRACK_RECORD')).toBe(true);
    expect(stageAllows('declareConflict', 'FINAL_RANKING')).toBe(false);
    expect(stageAllows('withdrawApplication', 'APPOINTMENT_CHOICE')).toBe(true);
    expect(stageAllows('withdrawApplication', 'DECREE')).toBe(false);
  });

  it('checks the arguments with messages in Bahasa Indonesia naming the field', () => {
    const args = SELECTION_DECISIONS.requestAdditionalDocuments.args;
    const ok = args.safeParse({ selectionId: ' S1 ', reason: ' Perlu bukti ', documents: [' SK Pansel '] });
    expect(ok.success && ok.data).toEqual({ selectionId: 'S1', reason: 'Perlu bukti', documents: ['SK Pansel'] });
    const empty = args.safeParse({ selectionId: 'S1', reason: 'Perlu bukti', documents: [] });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['documents'], message: 'Sebutkan minimal satu dokumen' });
    const blank = args.safeParse({ selectionId: 'S1', reason: 'Perlu bukti', documents: ['SK', '  '] });
    expect(blank.error?.issues[0]).toMatchObject({ path: ['documents', 1], message: 'Nama dokumen wajib diisi' });
    const track = SELECTION_DECISIONS.recordTrackRecord.args;
    const base = { selectionId: 'S1', applicationId: 'A1', score: 70, findings: 'Bersih' };
    expect(track.safeParse(base).data).toMatchObject({ eliminate: false, reason: null });
    expect(track.safeParse({ ...base, eliminate: true }).error?.issues[0]?.path).toEqual(['reason']);
  });
});
