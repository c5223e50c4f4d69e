import { randomBytes } from 'node:crypto';

/** No 0/O or 1/I: codes are read off paper. 32 symbols, so `byte & 31` is unbiased. */
export const VERIFICATION_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const VERIFICATION_CODE_LENGTH = 10;

export function generateVerificationCode(length = VERIFICATION_CODE_LENGTH): string {
  const bytes = randomBytes(length);
  let code = '';
  for (const b of bytes) code += VERIFICATION_ALPHABET[b & 31];
  return code;
}

/** Accepts what people type: any case, spaces or dashes between groups. */
export function normalizeVerificationCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

export function isVerificationCode(input: string): boolean {
  return new RegExp(`^[${VERIFICATION_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`).test(input);
}
