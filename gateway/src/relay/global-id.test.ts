import { describe, expect, it } from 'vitest';
import { applicationId, vacancyId } from '@seleksi/domain';
import { decodeGlobalId, encodeGlobalId, typenameOfId } from './global-id';

describe('global ids are the domain ids', () => {
  const selection = 'JPT-2026-1A2B3C4D';
  const vacancy = vacancyId(selection, 0);
  it.each([
    [selection, 'Selection'],
    [vacancy, 'Vacancy'],
    [applicationId(vacancy, 'asn-198001012005011001'), 'Application'],
    [applicationId(vacancyId(selection, 11), 'cand.with.dots'), 'Application'],
    ['5f0c7b1e-1111-4222-8333-444455556666', 'Document'],
    ['TAL-KALTIM-2026-0000BEEF', 'TalentFilling'],
  ])('%s is a %s', (id, typename) => {
    expect(typenameOfId(id)).toBe(typename);
    expect(decodeGlobalId(encodeGlobalId(typename, id))).toEqual({ typename, id });
  });
});
