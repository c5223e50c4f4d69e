import { describe, expect, it } from 'vitest';
import { ageOn, checkNip, parseNip } from './nip';

describe('checkNip', () => {
  it.each([
    ['197005122000031001', { birthDate: '1970-05-12', cpnsStart: '2000-03', gender: 'MALE', serial: 1 }],
    ['198202282006042003', { birthDate: '1982-02-28', cpnsStart: '2006-04', gender: 'FEMALE', serial: 3 }],
    ['198002292005011002', { birthDate: '1980-02-29', cpnsStart: '2005-01', gender: 'MALE', serial: 2 }],
    ['1970 0512 200003 1 001', { birthDate: '1970-05-12', cpnsStart: '2000-03', gender: 'MALE', serial: 1 }],
  ])('accepts %s', (nip, expected) => {
    const r = checkNip(nip, '2026-11-24');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).toMatchObject(expected);
  });

  it.each([
    ['12345', 'FORMAT'],
    ['19700512200003100A', 'FORMAT'],
    ['1970051220000310011', 'FORMAT'],
    ['197013122000031001', 'BIRTH_DATE'],
    ['197002302000031001', 'BIRTH_DATE'],
    ['198102292005011002', 'BIRTH_DATE'],
    ['197005122000131001', 'CPNS_START'],
    ['197005121987031001', 'START_BEFORE_AGE_18'],
    ['197005121988041001', 'START_BEFORE_AGE_18'],
    ['200005122027011001', 'START_IN_FUTURE'],
    ['197005122000033001', 'GENDER'],
    ['197005122000030001', 'GENDER'],
    ['197005122000031000', 'SERIAL'],
  ])('rejects %s with %s', (nip, problem) => {
    expect(checkNip(nip, '2026-11-24')).toEqual({ ok: false, problem });
  });

  it('accepts a start exactly in the month of the 18th birthday', () => {
    expect(checkNip('197005121988051001').ok).toBe(true);
  });

  it('parseNip throws a typed error naming the field', () => {
    expect(() => parseNip('197013122000031001')).toThrow(
      expect.objectContaining({ code: 'INVALID_NIP', field: 'nip' }),
    );
  });
});

describe('ageOn', () => {
  it.each([
    ['1970-05-12', '2026-05-11', 55],
    ['1970-05-12', '2026-05-12', 56],
    ['1980-02-29', '2026-02-28', 45],
    ['1980-02-29', '2026-03-01', 46],
  ])('born %s is %s on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});
