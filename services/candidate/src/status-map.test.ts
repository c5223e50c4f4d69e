import { SELECTION_STAGES } from '@seleksi/domain';
import { describe, expect, it } from 'vitest';
import { fanOutStatus, STATUS_FOR_STAGE } from './status-map';

describe('fanOutStatus', () => {
  it.each([
    ['REGISTRATION_CLOSED', 'SUBMITTED', 'AWAITING_SCREENING'],
    ['COMPETENCY_ASSESSMENT', 'ELIGIBLE', 'IN_ASSESSMENT'],
    ['REPORTED_TO_PPK', 'SHORTLISTED', 'SHORTLISTED'],
    ['REGISTRATION_EXTENDED', 'SUBMITTED', 'SUBMITTED'],
    ['CANCELLED', 'IN_ASSESSMENT', 'CANCELLED'],
  ] as const)('%s moves an application in %s to %s', (stage, current, expected) => {
    expect(fanOutStatus(stage, current)).toBe(expected);
  });

  it('skips applications that are already closed', () => {
    for (const closed of ['NOT_ELIGIBLE', 'WITHDRAWN', 'APPOINTED', 'CANCELLED'] as const) {
      expect(fanOutStatus('COMPETENCY_ASSESSMENT', closed)).toBeNull();
    }
  });

  it('lets the event override the mapped status', () => {
    expect(fanOutStatus('REGISTRATION_CLOSED', 'SUBMITTED', 'ELIGIBLE')).toBe('ELIGIBLE');
  });

  it('maps every stage', () => {
    expect(Object.keys(STATUS_FOR_STAGE).sort()).toEqual([...SELECTION_STAGES].sort());
  });
});
