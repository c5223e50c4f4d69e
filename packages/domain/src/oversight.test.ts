import { describe, expect, it } from 'vitest';
import {
  agencyOfWorkflowId,
  countByAgencyAndStage,
  countSignals,
  OVERSIGHT_OPEN_STAGES,
  signalItems,
  waitingItems,
  type OpenRoundDto,
} from './oversight';
import type { AuditRecordDto } from './records';

const by = { userId: 'u1', role: 'PPK' as const, displayName: 'Bupati' };

function rec(kind: string, over: Partial<AuditRecordDto> = {}): AuditRecordDto {
  return {
    decisionId: `${kind}-${over.selectionId ?? 'S1'}-${over.at ?? ''}-${JSON.stringify(over.payload ?? {})}`,
    selectionId: 'S1',
    workflowId: 'selection:AGA:S1',
    kind,
    by,
    at: '2026-11-02T03:00:00.000Z',
    reason: null,
    subjectId: 'V1',
    payload: {},
    ...over,
  };
}

function round(id: string, stage: OpenRoundDto['stage'], dueAt: string | null, agencyCode = 'AGA'): OpenRoundDto {
  return {
    selectionId: id,
    agencyCode,
    title: id,
    stage,
    stageAt: '2026-11-01T00:00:00.000Z',
    dueAt,
    simulation: false,
  };
}

describe('waiting items', () => {
  const now = new Date('2026-11-10T00:00:00.000Z');
  const silenceBy = new Date('2026-11-12T17:00:00.000Z');
  const items = waitingItems(
    [
      round('reg', 'REGISTRATION_OPEN', '2026-11-20T00:00:00.000Z'),
      round('late', 'APPOINTMENT_CHOICE', '2026-11-09T00:00:00.000Z'),
      round('soon', 'PLAN_APPROVAL', '2026-11-11T00:00:00.000Z'),
      round('far', 'OVERSEER_RECOMMENDATION', '2026-11-30T00:00:00.000Z'),
      round('nodue', 'INTERVIEW', null),
      // Approved, waiting for its announcement date: nobody's decision.
      { ...round('approved', 'PLAN_APPROVAL', null), stageReason: 'PLAN_APPROVED' },
    ],
    now,
    silenceBy,
  );

  it('leaves out running registrations and approved plans, and orders by deadline, none last', () => {
    expect(items.map((i) => i.selectionId)).toEqual(['late', 'soon', 'far', 'nodue']);
  });

  it('marks overdue, and silence approaching only for the overseer inside the window', () => {
    const of = (id: string) => items.find((i) => i.selectionId === id)!;
    expect(of('late')).toMatchObject({ overdue: true, silenceApproaching: false, waitingOn: 'PPK' });
    expect(of('soon')).toMatchObject({ overdue: false, silenceApproaching: true, waitingOn: 'OVERSEER' });
    expect(of('far')).toMatchObject({ overdue: false, silenceApproaching: false });
    expect(of('nodue')).toMatchObject({ overdue: false, waitingOn: 'PANSEL' });
  });

  it('counts per agency and stage in stage order', () => {
    const rows = [round('a', 'INTERVIEW', null), round('b', 'PLANNED', null), round('c', 'INTERVIEW', null, 'AGB')];
    expect(countByAgencyAndStage(rows, OVERSIGHT_OPEN_STAGES)).toEqual([
      { agencyCode: 'AGA', stage: 'PLANNED', count: 1 },
      { agencyCode: 'AGA', stage: 'INTERVIEW', count: 1 },
      { agencyCode: 'AGB', stage: 'INTERVIEW', count: 1 },
    ]);
  });
});

describe('integrity signals', () => {
  it('reads the agency from both kinds of workflow id', () => {
    expect(agencyOfWorkflowId('selection:KALTIM:S-1')).toBe('KALTIM');
    expect(agencyOfWorkflowId('talent-filling:KALTIM:TAL-KALTIM-2026-0000ABCD')).toBe('KALTIM');
    expect(agencyOfWorkflowId('account:u1')).toBeNull();
  });

  it('rank 1 not chosen: other ranks and later successors, with the justification', () => {
    const items = signalItems('RANK_ONE_NOT_CHOSEN', [
      rec('APPOINTEE_CHOSEN', { payload: { rank: 1 } }),
      rec('APPOINTEE_CHOSEN', { payload: { rank: 2 }, reason: 'Pengalaman lapangan lebih relevan' }),
      rec('SUCCESSOR_DECIDED', { payload: { order: 1 }, workflowId: 'talent-filling:AGB:T1', selectionId: 'T1' }),
      rec('SUCCESSOR_DECIDED', { payload: { order: 3 }, workflowId: 'talent-filling:AGB:T2', selectionId: 'T2' }),
      // Madya/Utama: the Keppres appoints; only one naming a later successor fires.
      rec('PRESIDENTIAL_DECISION_RECORDED', {
        payload: { order: 1 },
        workflowId: 'talent-filling:AGB:T3',
        selectionId: 'T3',
      }),
      rec('PRESIDENTIAL_DECISION_RECORDED', {
        payload: { order: 2 },
        workflowId: 'talent-filling:AGB:T4',
        selectionId: 'T4',
        reason: 'Penerus kedua lebih sesuai',
      }),
    ]);
    expect(items.map((i) => [i.agencyCode, i.selectionId, i.reason]).sort()).toEqual([
      ['AGA', 'S1', 'Pengalaman lapangan lebih relevan'],
      ['AGB', 'T2', null],
      ['AGB', 'T4', 'Penerus kedua lebih sesuai'],
    ]);
    expect(items.find((i) => i.selectionId === 'S1')!.detail).toMatch(/peringkat 2/);
    expect(items.find((i) => i.selectionId === 'T4')!.detail).toMatch(/Keputusan Presiden mengangkat penerus urutan 2/);
  });

  it('upheld objections and re-opened stages; rejected ones and approvals do not fire', () => {
    const records = [
      rec('OBJECTION_ANSWERED', { payload: { upheld: false, reopenStage: null } }),
      rec('OBJECTION_ANSWERED', { payload: { upheld: true, reopenStage: 'TRACK_RECORD' } }),
      rec('OVERSEER_DECIDED', { payload: { verdict: 'APPROVE' } }),
      rec('OVERSEER_DECIDED', { payload: { verdict: 'REQUEST_CORRECTION', stageAtFault: 'PLANNED' } }),
    ];
    expect(signalItems('OBJECTION_UPHELD', records)).toHaveLength(1);
    const reopened = signalItems('STAGE_REOPENED', records);
    expect(reopened.map((i) => i.detail)).toEqual([
      expect.stringMatching(/TRACK_RECORD dibuka kembali/),
      expect.stringMatching(/kembali ke tahap PLANNED/),
    ]);
  });

  it('Pansel members on many rounds of one agency, at the threshold, counted once per round', () => {
    const set = (sel: string, agency: string, ids: string[], at = '2026-11-02T03:00:00.000Z') =>
      rec('PANSEL_SET', {
        selectionId: sel,
        workflowId: `selection:${agency}:${sel}`,
        at,
        payload: { members: ids.map((id) => ({ id, internal: true, role: 'MEMBER' })) },
      });
    const records = [
      set('S1', 'AGA', ['m1', 'm2']),
      set('S1', 'AGA', ['m1', 'm2'], '2026-11-03T03:00:00.000Z'),
      set('S2', 'AGA', ['m1']),
      set('S3', 'AGA', ['m1', 'm2']),
      set('S4', 'AGB', ['m2']),
    ];
    const items = signalItems('PANSEL_MEMBER_MANY_ROUNDS', records, { panselThreshold: 3 });
    expect(items.map((i) => [i.id, i.rounds])).toEqual([['AGA:m1', ['S1', 'S2', 'S3']]]);
    expect(
      signalItems('PANSEL_MEMBER_MANY_ROUNDS', records, { panselThreshold: 2 })
        .map((i) => i.id)
        .sort(),
    ).toEqual(['AGA:m1', 'AGA:m2']);
  });

  it('counts per agency and month', () => {
    const items = signalItems('SCREENING_OVERRIDE', [
      rec('SCREENING_OVERRIDDEN', { at: '2026-10-30T03:00:00.000Z', payload: { eligible: true } }),
      rec('SCREENING_OVERRIDDEN', { at: '2026-11-02T03:00:00.000Z', payload: { eligible: false } }),
      rec('SCREENING_OVERRIDDEN', { at: '2026-11-03T03:00:00.000Z', workflowId: 'selection:AGB:S9' }),
    ]);
    expect(countSignals(items)).toEqual([
      { agencyCode: 'AGA', period: '2026-10', count: 1 },
      { agencyCode: 'AGA', period: '2026-11', count: 1 },
      { agencyCode: 'AGB', period: '2026-11', count: 1 },
    ]);
  });
});
