import { DOCUMENT_KINDS } from '@seleksi/domain';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CLASSES, documentFileName, formatDocumentNumber } from './numbering';

describe('formatDocumentNumber', () => {
  it.each([
    [1, '800.1.2.2/0001/BKD/2026'],
    [42, '800.1.2.2/0042/BKD/2026'],
    [12345, '800.1.2.2/12345/BKD/2026'],
  ])('formats sequence %i as %s', (seq, expected) => {
    expect(
      formatDocumentNumber(DOCUMENT_CLASSES.VACANCY_ANNOUNCEMENT.pattern, { seq, year: 2026, agencyCode: 'KALTIM' }),
    ).toBe(expected);
  });

  it('fills agency and unpadded sequence placeholders', () => {
    expect(formatDocumentNumber('{agency}/{seq}/{year}', { seq: 7, year: 2027, agencyCode: 'JATIM' })).toBe(
      'JATIM/7/2027',
    );
  });

  it('rejects unknown placeholders and non-positive sequences', () => {
    expect(() => formatDocumentNumber('{month}/{seq:3}', { seq: 1, year: 2026, agencyCode: 'X' })).toThrow(
      /unknown placeholder/,
    );
    expect(() => formatDocumentNumber('{seq:4}', { seq: 0, year: 2026, agencyCode: 'X' })).toThrow(/invalid sequence/);
  });

  it('configures every document kind with a sequence and year', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(DOCUMENT_CLASSES[kind].pattern).toContain('{seq');
      expect(DOCUMENT_CLASSES[kind].pattern).toContain('{year}');
    }
  });
});

describe('documentFileName', () => {
  it('turns slashes into dashes', () => {
    expect(documentFileName('pengumuman', '800.1.2.2/0001/BKD/2026')).toBe('pengumuman-800.1.2.2-0001-BKD-2026.pdf');
    expect(documentFileName('x', '/a b"c/')).toBe('x-a-b-c.pdf');
  });
});
