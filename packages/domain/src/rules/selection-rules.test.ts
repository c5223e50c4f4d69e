import { describe, expect, it } from 'vitest';
import { LEVEL_REQUIREMENTS } from '../requirements';
import {
  buildSelectionRules,
  DEFAULT_SELECTION_RULES,
  overseerRulesFor,
  RULES_VERSION,
  validateSelectionRules,
  type SelectionRules,
  type SelectionRulesOverrides,
} from './selection-rules';

describe('defaults', () => {
  it('are valid and carry the documented values', () => {
    expect(validateSelectionRules(DEFAULT_SELECTION_RULES)).toEqual([]);
    expect(DEFAULT_SELECTION_RULES).toMatchObject({
      version: RULES_VERSION,
      registrationDays: 15,
      registrationDayKind: 'CALENDAR',
      minApplicantsPerVacancy: 4,
      vacanciesPerCandidate: 1,
      extension: { days: 7, maxTimes: 2, dayKind: 'CALENDAR' },
      scope: 'NATIONAL',
      shortlistSize: 3,
      scoring: {
        weights: { assessment: 40, paper: 10, presentation: 10, interview: 25, trackRecord: 15 },
        passMark: 70,
        assessmentValidityMonths: 24,
      },
      interview: { calibrationThreshold: 20, maxCalibrationRounds: 1 },
      pansel: { minMembers: 5, maxMembers: 9, requireOdd: true, minExternalShare: 0.55, allowPartyMembers: false },
      objections: { workingDays: 3 },
      overseer: { era: 'BKN', decisionWorkingDays: 5, silenceMeansApproval: true, escalationWorkingDays: 5 },
    });
    expect(DEFAULT_SELECTION_RULES.eligibility).toMatchObject({
      minEducation: 'S1',
      minRank: { PRATAMA: 'IV/a', MADYA: 'IV/c', UTAMA: 'IV/d' },
      skpYears: 2,
      minSkpPredicate: 'BAIK',
      requireLhkpn: true,
      requireNoDisciplinarySanction: true,
      requireHomePpkPermission: true,
    });
    expect(DEFAULT_SELECTION_RULES.eligibility.levels).toEqual(LEVEL_REQUIREMENTS);
  });

  it('are frozen, so no caller can change them for everyone', () => {
    expect(Object.isFrozen(DEFAULT_SELECTION_RULES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SELECTION_RULES.scoring.weights)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SELECTION_RULES.eligibility.levels.PRATAMA.qualifyingPostKinds)).toBe(true);
  });
});

describe('overseerRulesFor', () => {
  it.each([
    ['KASN', 10, false, 10],
    ['BKN', 5, true, 5],
    ['GENERIC', 10, false, 10],
  ] as const)('%s: %i working days, silence approves=%s, escalation %i', (era, days, silence, esc) => {
    expect(overseerRulesFor(era)).toEqual({
      era,
      decisionWorkingDays: days,
      silenceMeansApproval: silence,
      escalationWorkingDays: esc,
    });
  });
});

describe('buildSelectionRules', () => {
  it('returns a mutable copy of the defaults without overrides', () => {
    const r = buildSelectionRules();
    expect(r).toEqual(DEFAULT_SELECTION_RULES);
    r.scoring.weights.assessment = 1;
    r.eligibility.levels.PRATAMA.qualifyingPostKinds.push('PENGAWAS');
    expect(DEFAULT_SELECTION_RULES.scoring.weights.assessment).toBe(40);
    expect(DEFAULT_SELECTION_RULES.eligibility.levels.PRATAMA.qualifyingPostKinds).toEqual([
      'ADMINISTRATOR',
      'JF_AHLI_MADYA',
    ]);
  });

  it.each<[string, SelectionRulesOverrides, (r: SelectionRules) => unknown, unknown]>([
    ['top-level value', { registrationDays: 10 }, (r) => r.registrationDays, 10],
    [
      'nested field keeps its siblings',
      { extension: { maxTimes: 1 } },
      (r) => r.extension,
      { days: 7, maxTimes: 1, dayKind: 'CALENDAR' },
    ],
    [
      'scoring weights replaced as a whole (one level deep)',
      { scoring: { weights: { assessment: 50, paper: 0, presentation: 0, interview: 30, trackRecord: 20 } } },
      (r) => [r.scoring.weights.assessment, r.scoring.passMark],
      [50, 70],
    ],
    [
      'era alone gives that era’s defaults',
      { overseer: { era: 'KASN' } },
      (r) => r.overseer,
      { era: 'KASN', decisionWorkingDays: 10, silenceMeansApproval: false, escalationWorkingDays: 10 },
    ],
    [
      'era with a field: era defaults, then the field',
      { overseer: { era: 'KASN', decisionWorkingDays: 7 } },
      (r) => r.overseer,
      { era: 'KASN', decisionWorkingDays: 7, silenceMeansApproval: false, escalationWorkingDays: 10 },
    ],
    [
      'overseer field without era keeps the base era',
      { overseer: { silenceMeansApproval: false } },
      (r) => r.overseer,
      { era: 'BKN', decisionWorkingDays: 5, silenceMeansApproval: false, escalationWorkingDays: 5 },
    ],
    [
      'undefined overrides are ignored',
      { registrationDays: undefined, extension: { days: undefined } },
      (r) => [r.registrationDays, r.extension.days],
      [15, 7],
    ],
    [
      'eligibility min rank per level',
      { eligibility: { minRank: { PRATAMA: 'IV/b', MADYA: 'IV/c', UTAMA: 'IV/d' } } },
      (r) => [r.eligibility.minRank.PRATAMA, r.eligibility.skpYears],
      ['IV/b', 2],
    ],
  ])('%s', (_name, overrides, pick, expected) => {
    expect(pick(buildSelectionRules(overrides))).toEqual(expected);
  });

  it('applies overrides on a given base', () => {
    const base = buildSelectionRules({ scope: 'PROVINCE' });
    expect(buildSelectionRules({ registrationDays: 20 }, base)).toMatchObject({
      scope: 'PROVINCE',
      registrationDays: 20,
    });
  });
});

describe('validateSelectionRules', () => {
  it.each<[string, SelectionRulesOverrides, string]>([
    [
      'weights summing to 99',
      { scoring: { weights: { assessment: 40, paper: 10, presentation: 10, interview: 25, trackRecord: 14 } } },
      'rules.scoring.weights',
    ],
    [
      'weights summing to 101',
      { scoring: { weights: { assessment: 41, paper: 10, presentation: 10, interview: 25, trackRecord: 15 } } },
      'rules.scoring.weights',
    ],
    [
      'fractional weight',
      { scoring: { weights: { assessment: 39.5, paper: 10.5, presentation: 10, interview: 25, trackRecord: 15 } } },
      'rules.scoring.weights',
    ],
    [
      'negative weight',
      { scoring: { weights: { assessment: 60, paper: -10, presentation: 10, interview: 25, trackRecord: 15 } } },
      'rules.scoring.weights',
    ],
    ['pass mark above 100', { scoring: { passMark: 101 } }, 'rules.scoring.passMark'],
    ['pass mark below 0', { scoring: { passMark: -1 } }, 'rules.scoring.passMark'],
    ['2 applicants minimum', { minApplicantsPerVacancy: 2 }, 'rules.minApplicantsPerVacancy'],
    ['0 registration days', { registrationDays: 0 }, 'rules.registrationDays'],
    ['61 registration days', { registrationDays: 61 }, 'rules.registrationDays'],
    ['31-day extension', { extension: { days: 31 } }, 'rules.extension.days'],
    ['0-day extension', { extension: { days: 0 } }, 'rules.extension.days'],
    ['6 extensions', { extension: { maxTimes: 6 } }, 'rules.extension.maxTimes'],
    ['0 vacancies per candidate', { vacanciesPerCandidate: 0 }, 'rules.vacanciesPerCandidate'],
    ['shortlist of 4', { shortlistSize: 4 }, 'rules.shortlistSize'],
    ['shortlist of 2', { shortlistSize: 2 }, 'rules.shortlistSize'],
    ['pansel min above max', { pansel: { minMembers: 9, maxMembers: 5 } }, 'rules.pansel.minMembers'],
    ['odd required but only 6 allowed', { pansel: { minMembers: 6, maxMembers: 6 } }, 'rules.pansel'],
    ['external share above 1', { pansel: { minExternalShare: 1.2 } }, 'rules.pansel.minExternalShare'],
    ['objection window 0 days', { objections: { workingDays: 0 } }, 'rules.objections.workingDays'],
    ['objection window 31 days', { objections: { workingDays: 31 } }, 'rules.objections.workingDays'],
    ['overseer 0 days', { overseer: { decisionWorkingDays: 0 } }, 'rules.overseer.decisionWorkingDays'],
    ['escalation 0 days', { overseer: { escalationWorkingDays: 0 } }, 'rules.overseer.escalationWorkingDays'],
    ['calibration threshold 0', { interview: { calibrationThreshold: 0 } }, 'rules.interview.calibrationThreshold'],
    ['calibration threshold 101', { interview: { calibrationThreshold: 101 } }, 'rules.interview.calibrationThreshold'],
    [
      'unknown min rank',
      { eligibility: { minRank: { PRATAMA: 'IV/x' as 'IV/a', MADYA: 'IV/c', UTAMA: 'IV/d' } } },
      'rules.eligibility.minRank.PRATAMA',
    ],
  ])('rejects %s', (_name, overrides, field) => {
    const problems = validateSelectionRules(buildSelectionRules(overrides));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'VALIDATION_FAILED', field }));
    for (const p of problems) expect(p.message).not.toBe('');
  });

  it.each<[string, SelectionRulesOverrides]>([
    ['3 applicants minimum', { minApplicantsPerVacancy: 3 }],
    ['60 working days', { registrationDays: 60, registrationDayKind: 'WORKING' }],
    ['no extension', { extension: { maxTimes: 0 } }],
    [
      'other weights summing to 100',
      { scoring: { weights: { assessment: 100, paper: 0, presentation: 0, interview: 0, trackRecord: 0 } } },
    ],
    ['pass mark 0 and 100', { scoring: { passMark: 100 } }],
    ['an even minimum with room for an odd size', { pansel: { minMembers: 4, maxMembers: 9 } }],
    ['KASN era', { overseer: { era: 'KASN' } }],
  ])('accepts %s', (_name, overrides) => {
    expect(validateSelectionRules(buildSelectionRules(overrides))).toEqual([]);
  });

  it('reports every problem at once', () => {
    const problems = validateSelectionRules(
      buildSelectionRules({ registrationDays: 0, shortlistSize: 2, scoring: { passMark: 200 } }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'rules.registrationDays',
      'rules.scoring.passMark',
      'rules.shortlistSize',
    ]);
  });
});
