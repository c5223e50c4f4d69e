import { describe, expect, it } from 'vitest';
import {
  generateVerificationCode,
  isVerificationCode,
  normalizeVerificationCode,
  VERIFICATION_ALPHABET,
  VERIFICATION_CODE_LENGTH,
} from './verification-code';

describe('verification codes', () => {
  it('use 32 distinct symbols without look-alikes', () => {
    expect(new Set(VERIFICATION_ALPHABET).size).toBe(32);
    for (const ambiguous of ['0', 'O', '1', 'I']) expect(VERIFICATION_ALPHABET).not.toContain(ambiguous);
  });

  it('are 8–10 characters from the alphabet', () => {
    expect(VERIFICATION_CODE_LENGTH).toBeGreaterThanOrEqual(8);
    expect(VERIFICATION_CODE_LENGTH).toBeLessThanOrEqual(10);
    for (let i = 0; i < 500; i++) {
      const code = generateVerificationCode();
      expect(code).toHaveLength(VERIFICATION_CODE_LENGTH);
      expect(isVerificationCode(code)).toBe(true);
    }
  });

  it('use every symbol and rarely repeat', () => {
    const codes = Array.from({ length: 2000 }, () => generateVerificationCode());
    expect(new Set(codes.join('')).size).toBe(32);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('accept what people type', () => {
    expect(normalizeVerificationCode(' k7qx-2m9d ab ')).toBe('K7QX2M9DAB');
    expect(isVerificationCode('K7QX2M9DAB')).toBe(true);
    expect(isVerificationCode('K7QX2M9DA0')).toBe(false);
    expect(isVerificationCode('K7QX2M9D')).toBe(false);
  });
});
