import { describe, expect, it } from 'vitest';
import { interviewScore, needsCalibration } from './interview';

describe('needsCalibration', () => {
  it.each([
    [[80, 60], 20, false],
    [[80.01, 60], 20, true],
    [[80.1, 60.1], 20, false], // 80.1 − 60.1 is 19.999999999999993 or 20.000000000000004 in floats
    [[70, 85, 90, 69.5, 75], 20, true],
    [[70, 85, 90, 70, 75], 20, false],
    [[70], 20, false],
    [[], 20, false],
    [[50, 60], 5, true],
  ])('%j with threshold %i → %s', (scores, threshold, expected) => {
    expect(needsCalibration(scores, threshold)).toBe(expected);
  });
});

describe('interviewScore', () => {
  it.each([
    [[80, 85, 90, 75, 77], 81.4],
    [[70.01, 70], 70.01], // 70.005 rounds half up
    [[70, 70, 70.01], 70], // 70.0033
    [[70.02, 70.02, 70.01], 70.02], // 70.0166…
    [[90], 90],
  ])('mean of %j is %s', (scores, expected) => {
    expect(interviewScore(scores)).toBe(expected);
  });

  it('refuses an empty panel', () => {
    expect(() => interviewScore([])).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
