import { describe, expect, it } from 'vitest';
import { talentFillingInput } from '../test-fixtures';
import { initialFillingState, TALENT_FILLING_STAGES, type TalentPoolFillingState } from './definitions';
import { TALENT_STAGE_ACTOR, talentFillingView } from './projection';

const input = talentFillingInput('TAL-KALTIM-2026-0000000A', {
  id: 'TAL-KALTIM-2026-0000000A-P1',
  level: 'MADYA',
  position: 'Asisten Pemerintahan',
  unit: 'Setda',
});

/** The filling as it starts (a Madya post outside the regional secretariat: the President's route), then `over`. */
const state = (over: Partial<TalentPoolFillingState>): TalentPoolFillingState => ({
  ...initialFillingState(input),
  ...over,
});

const view = (s: TalentPoolFillingState, deadline: string | null = null) =>
  talentFillingView({
    input,
    state: s,
    workflowId: 'talent-filling:KALTIM:x',
    seq: 3,
    stageSince: '2027-01-02T00:00:00.000Z',
    deadline,
    now: '2027-01-02T00:00:01.000Z',
  });

describe('the talent filling read-model row', () => {
  it.each([
    ['CONFIRMATION', 'PANSEL_SECRETARY'],
    ['OVERSEER_APPROVAL', 'OVERSEER'],
    ['PPK_DECISION', 'PPK'],
    ['PRESIDENTIAL_DECISION', 'PANSEL_SECRETARY'],
    ['INAUGURATION', 'PANSEL_SECRETARY'],
    ['GATE_CHECK', null],
    ['PROPOSAL', null],
    ['DECREE', null],
    ['COMPLETED', null],
    ['FALLBACK_OPEN_SELECTION', null],
  ] as const)('%s waits on %s', (stage, actor) => {
    const row = view(state({ stage }), '2027-01-09T15:59:59.999Z');
    expect(row.waitingOn).toBe(actor);
    // A deadline and a waiting time only while someone is awaited.
    expect(row.waitingSince).toBe(actor ? '2027-01-02T00:00:00.000Z' : null);
    expect(row.deadline).toBe(actor ? '2027-01-09T15:59:59.999Z' : null);
  });

  it('names every stage that waits on a person in the table', () => {
    expect(Object.keys(TALENT_STAGE_ACTOR).every((s) => (TALENT_FILLING_STAGES as readonly string[]).includes(s))).toBe(
      true,
    );
  });

  it('carries the post, the route, the appointee and the fallback selection', () => {
    const row = view(
      state({
        stage: 'FALLBACK_OPEN_SELECTION',
        appointedEmployeeId: null,
        fallback: { selectionId: 'S-OS', workflowId: 'w', reason: 'r', invited: [] },
      }),
    );
    expect(row).toEqual({
      id: input.fillingId,
      agencyCode: 'KALTIM',
      workflowId: 'talent-filling:KALTIM:x',
      postId: input.post.id,
      position: 'Asisten Pemerintahan',
      unit: 'Setda',
      level: 'MADYA',
      stage: 'FALLBACK_OPEN_SELECTION',
      route: 'PRESIDENT',
      waitingOn: null,
      waitingSince: null,
      deadline: null,
      appointedEmployeeId: null,
      fallbackSelectionId: 'S-OS',
      seq: 3,
      createdAt: '2027-01-01T00:00:00.000Z',
      updatedAt: '2027-01-02T00:00:01.000Z',
    });
  });
});
