import { DOCUMENT_KINDS, type DocumentKind } from '@seleksi/domain';
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

describe('DOCUMENT_CLASSES', () => {
  const first = (kind: DocumentKind) =>
    formatDocumentNumber(DOCUMENT_CLASSES[kind].pattern, { seq: 1, year: 2026, agencyCode: 'KALTIM' });

  it.each<[DocumentKind, string]>([
    ['VACANCY_ANNOUNCEMENT', '800.1.2.2/0001/BKD/2026'],
    ['PANSEL_DECREE', '800.1.2.2/K.1/2026'],
    ['EXTENSION_NOTICE', '800.1.2.2/0001/BKD/2026'],
    ['VACANCY_CANCELLATION', '800.1.2.2/0001/BKD/2026'],
    ['ADMINISTRATIVE_RESULT_MINUTES', '800.1.2.2/001/Pansel/2026'],
    ['ADMINISTRATIVE_RESULT_ANNOUNCEMENT', '800.1.2.2/0001/BKD/2026'],
    ['SCORE_SHEET', '800.1.2.2/001/Pansel/2026'],
    ['FINAL_RESULT_MINUTES', '800.1.2.2/001/Pansel/2026'],
    ['FINAL_RESULT_ANNOUNCEMENT', '800.1.2.2/0001/BKD/2026'],
    ['REPORT_TO_PPK', '800.1.2.2/001/Pansel/2026'],
    ['LETTER_TO_OVERSEER', '800.1.2.2/0001/BKD/2026'],
    ['OVERSEER_RECOMMENDATION', '800.1.2.2/001/REK/2026'],
    ['APPOINTMENT_DECREE', '800.1.3.3/K.1/2026'],
    ['INAUGURATION_MINUTES', '800.1.3.3/0001/BKD/2026'],
    ['COMPLETION_REPORT', '800.1.3.3/0001/BKD/2026'],
    ['SUCCESSION_GROUP_DECISION', '800.1.3.3/K.1/2026'],
    ['SUCCESSOR_PROPOSAL', '800.1.3.3/0001/BKD/2026'],
  ])('numbers the first %s of a year %s', (kind, expected) => {
    expect(first(kind)).toBe(expected);
  });

  it('keeps every decree in the one decree register and the announcement in its historic one', () => {
    expect(DOCUMENT_CLASSES.PANSEL_DECREE.documentClass).toBe(DOCUMENT_CLASSES.APPOINTMENT_DECREE.documentClass);
    expect(DOCUMENT_CLASSES.SUCCESSION_GROUP_DECISION.documentClass).toBe(DOCUMENT_CLASSES.PANSEL_DECREE.documentClass);
    // The KRS decision is published; the successor proposal is a restricted letter.
    expect(DOCUMENT_CLASSES.SUCCESSION_GROUP_DECISION.visibility).toBe('PUBLIC');
    expect(DOCUMENT_CLASSES.SUCCESSOR_PROPOSAL.visibility).toBe('RESTRICTED');
    expect(DOCUMENT_CLASSES.VACANCY_ANNOUNCEMENT).toEqual({
      documentClass: '800.1.2.2',
      pattern: '800.1.2.2/{seq:4}/BKD/{year}',
      visibility: 'PUBLIC',
      fileStem: 'pengumuman',
    });
  });

  it('never lets two registers print the same number', () => {
    // A pattern's text outside the sequence decides its register; kinds sharing it must share the counter.
    const registerOf = new Map<string, string>();
    for (const kind of DOCUMENT_KINDS) {
      const { pattern, documentClass } = DOCUMENT_CLASSES[kind];
      const skeleton = pattern.replace(/\{seq(?::\d+)?\}/, '#');
      expect(registerOf.get(skeleton) ?? documentClass, kind).toBe(documentClass);
      registerOf.set(skeleton, documentClass);
    }
    const fileStems = DOCUMENT_KINDS.map((kind) => DOCUMENT_CLASSES[kind].fileStem);
    expect(new Set(fileStems).size).toBe(fileStems.length);
  });
});

describe('documentFileName', () => {
  it('turns slashes into dashes', () => {
    expect(documentFileName('pengumuman', '800.1.2.2/0001/BKD/2026')).toBe('pengumuman-800.1.2.2-0001-BKD-2026.pdf');
    expect(documentFileName('x', '/a b"c/')).toBe('x-a-b-c.pdf');
  });
});
