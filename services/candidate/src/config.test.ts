import { describe, expect, it } from 'vitest';
import { loadCandidateConfig } from './config';

describe('candidate service settings', () => {
  it('takes the PPK choice escalation in working days, 10 by default, refusing values outside 1–60', () => {
    expect(loadCandidateConfig({}).PPK_CHOICE_ESCALATION_WORKING_DAYS).toBe(10);
    expect(loadCandidateConfig({ PPK_CHOICE_ESCALATION_WORKING_DAYS: '5' }).PPK_CHOICE_ESCALATION_WORKING_DAYS).toBe(5);
    expect(() => loadCandidateConfig({ PPK_CHOICE_ESCALATION_WORKING_DAYS: '0' })).toThrow(
      /PPK_CHOICE_ESCALATION_WORKING_DAYS/,
    );
  });
});
