import { describe, expect, it } from 'vitest';
import {
  applicationId,
  applicationWorkflowId,
  parseApplicationWorkflowId,
  parseSelectionWorkflowId,
  selectionIdOfVacancy,
  selectionWorkflowId,
  vacancyId,
} from './ids';

describe('workflow ids', () => {
  it('round-trips selection and application ids', () => {
    const wf = selectionWorkflowId('KALTIM', 'S2026-001');
    expect(wf).toBe('selection:KALTIM:S2026-001');
    expect(parseSelectionWorkflowId(wf)).toEqual({ agencyCode: 'KALTIM', selectionId: 'S2026-001' });
    const app = applicationWorkflowId('S2026-001', applicationId(vacancyId('S2026-001', 0), 'P7'));
    expect(parseApplicationWorkflowId(app)).toEqual({ selectionId: 'S2026-001', applicationId: 'S2026-001-V1.P7' });
    expect(selectionIdOfVacancy('S2026-001-V12')).toBe('S2026-001');
  });

  it('rejects parts that would break the inverse', () => {
    expect(() => selectionWorkflowId('KAL:TIM', 'x')).toThrow();
    expect(() => selectionWorkflowId('', 'x')).toThrow();
    expect(parseSelectionWorkflowId('application:a:b')).toBeNull();
  });
});
