import { describe, expect, it } from 'vitest';
import { payloadIssue } from './audit-payload';

describe('payloadIssue', () => {
  it('accepts plain decision data', () => {
    expect(
      payloadIssue({
        eligible: true,
        requirements: ['EDUCATION', 'RANK'],
        score: 81.5,
        note: null,
        nested: { a: [{ b: 1 }] },
      }),
    ).toBeNull();
    expect(payloadIssue({})).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['a NIP in a value', { candidate: '197103121997032004' }, 'payload.candidate'],
    ['a NIP-like number', { n: 1971031219970320 }, 'payload.n'],
    ['a personal-data key', { applicant: { NIP: 'x' } }, 'payload.applicant.NIP'],
    ['a dotted key', { 'a.b': 1 }, 'payload.a.b'],
    ['a $ key', { $set: 1 }, 'payload.$set'],
    ['an array in an array', { m: [[1, 2]] }, 'payload.m.0'],
    ['a NUL character', { s: 'a\u0000b' }, 'payload.s'],
    ['a non-finite number', { x: Number.POSITIVE_INFINITY }, 'payload.x'],
  ])('rejects %s', (_label, payload, field) => {
    expect(payloadIssue(payload)?.field).toBe(field);
  });

  it('rejects nesting deeper than 8 levels', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10; i++) deep = { d: deep };
    expect(payloadIssue(deep)?.message).toMatch(/deeper/);
  });
});
