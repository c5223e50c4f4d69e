import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IP_ASN_SETTINGS,
  addToIpAsnTally,
  emptyIpAsnTally,
  ipAsnAverage,
  ipAsnCategory,
  mergeIpAsnTallies,
  scoreIpAsn,
  validateIpAsnSettings,
  type IpAsnCategory,
  type IpAsnInput,
  type IpAsnSettings,
} from './ip-asn';

describe('ipAsnCategory', () => {
  it.each<[number, IpAsnCategory]>([
    [100, 'SANGAT_TINGGI'],
    [91, 'SANGAT_TINGGI'],
    [90.01, 'SANGAT_TINGGI'],
    [90, 'TINGGI'],
    [81, 'TINGGI'],
    [80.5, 'TINGGI'],
    [80, 'SEDANG'],
    [71, 'SEDANG'],
    [70, 'RENDAH'],
    [61, 'RENDAH'],
    [60.01, 'RENDAH'],
    [60, 'SANGAT_RENDAH'],
    [0, 'SANGAT_RENDAH'],
  ])('%s → %s', (score, category) => {
    expect(ipAsnCategory(score)).toBe(category);
  });

  it('refuses a score that is not a number', () => {
    expect(() => ipAsnCategory(Number.NaN)).toThrow(RangeError);
  });
});

const BEST: IpAsnInput = {
  education: 'S3',
  skp: [{ year: 2025, predicate: 'SANGAT_BAIK' }],
  trainings: ['PIM II'],
  developmentHours: [{ year: 2025, hours: 40 }],
  disciplinarySanction: false,
};

const dims = (p: IpAsnInput, period = 2025, s?: IpAsnSettings) =>
  Object.fromEntries(scoreIpAsn(p, period, s).dimensions.map((d) => [d.dimension, d.score]));

describe('scoreIpAsn', () => {
  it('gives 100 to the best profile, each dimension at its weight', () => {
    const r = scoreIpAsn(BEST, 2025);
    expect(r).toMatchObject({ period: 2025, total: 100, category: 'SANGAT_TINGGI', gaps: [] });
    expect(r.dimensions).toEqual([
      { dimension: 'QUALIFICATION', score: 100, weight: 25, weighted: 25 },
      { dimension: 'COMPETENCY', score: 100, weight: 40, weighted: 40 },
      { dimension: 'PERFORMANCE', score: 100, weight: 30, weighted: 30 },
      { dimension: 'DISCIPLINE', score: 100, weight: 5, weighted: 5 },
    ]);
  });

  it.each<[string, Partial<IpAsnInput>, number, Record<string, number>]>([
    // 25×0.8 + 40 + 30 + 5
    ['S2', { education: 'S2' }, 95, { QUALIFICATION: 80 }],
    // 25×0.6 + 40 + 30 + 5
    ['S1', { education: 'S1' }, 90, { QUALIFICATION: 60 }],
    ['SMA', { education: 'SMA' }, 76, { QUALIFICATION: 4 }],
    // no leadership training: 60 of 100 competency → 24 of 40
    ['no leadership training', { trainings: [] }, 84, { COMPETENCY: 60 }],
    // 10 of 20 JP: 40 + 30 → 70 of 100 → 28 of 40
    ['half the yearly hours', { developmentHours: [{ year: 2025, hours: 10 }] }, 88, { COMPETENCY: 70 }],
    // hours of another year do not count
    ['hours of 2024 only', { developmentHours: [{ year: 2024, hours: 40 }] }, 76, { COMPETENCY: 40 }],
    ['SKP Baik', { skp: [{ year: 2025, predicate: 'BAIK' }] }, 94, { PERFORMANCE: 80 }],
    ['SKP of another year only', { skp: [{ year: 2024, predicate: 'BAIK' }] }, 70, { PERFORMANCE: 0 }],
    ['a light sanction in the year', { sanctions: [{ level: 'RINGAN', since: '2025-03-01' }] }, 98, { DISCIPLINE: 60 }],
    [
      'the most severe sanction counts',
      {
        disciplinarySanction: true,
        sanctions: [
          { level: 'RINGAN', since: '2025-03-01' },
          { level: 'BERAT', since: '2025-09-01' },
        ],
      },
      95,
      { DISCIPLINE: 0 },
    ],
    [
      'a sanction of an earlier year does not count (one-year window)',
      { disciplinarySanction: true, sanctions: [{ level: 'BERAT', since: '2023-01-10' }] },
      100,
      { DISCIPLINE: 100 },
    ],
    [
      'the register flag without a dated history counts as moderate',
      { disciplinarySanction: true },
      97,
      { DISCIPLINE: 40 },
    ],
  ])('%s', (_label, change, total, expected) => {
    const p = { ...BEST, ...change };
    expect(scoreIpAsn(p, 2025).total).toBe(total);
    expect(dims(p)).toMatchObject(expected);
  });

  it('names the data gaps that cost points', () => {
    const r = scoreIpAsn({ education: 'S1', skp: [], disciplinarySanction: true }, 2025);
    expect(r.gaps).toEqual(['NO_DEVELOPMENT_HOURS', 'NO_SKP', 'UNDATED_SANCTION']);
    // 15 + 0 + 0 + 5×0.4
    expect(r).toMatchObject({ total: 17, category: 'SANGAT_RENDAH' });
  });

  it('follows configured weights, tables and the discipline window', () => {
    const s: IpAsnSettings = {
      ...DEFAULT_IP_ASN_SETTINGS,
      version: 'test',
      weights: { QUALIFICATION: 25, COMPETENCY: 25, PERFORMANCE: 25, DISCIPLINE: 25 },
      disciplineYears: 3,
    };
    const p = { ...BEST, disciplinarySanction: true, sanctions: [{ level: 'BERAT' as const, since: '2023-01-10' }] };
    expect(scoreIpAsn(p, 2025, s)).toMatchObject({ total: 75, category: 'SEDANG', settingsVersion: 'test' });
  });

  it('rounds the total to hundredths', () => {
    const p = { ...BEST, developmentHours: [{ year: 2025, hours: 7 }] };
    // competency 40 + 60×7/20 = 61 → 24.4; 25 + 24.4 + 30 + 5
    expect(scoreIpAsn(p, 2025).total).toBe(84.4);
    const q = { ...BEST, developmentHours: [{ year: 2025, hours: 1 }] };
    // competency 40 + 3 = 43 → 17.2
    expect(scoreIpAsn(q, 2025).total).toBe(77.2);
  });
});

describe('validateIpAsnSettings', () => {
  it('accepts the defaults', () => {
    expect(validateIpAsnSettings(DEFAULT_IP_ASN_SETTINGS)).toEqual([]);
  });

  it.each<[string, Partial<IpAsnSettings>, string]>([
    [
      'weights not summing to 100',
      { weights: { QUALIFICATION: 25, COMPETENCY: 40, PERFORMANCE: 30, DISCIPLINE: 10 } },
      'weights',
    ],
    [
      'a fractional weight',
      { weights: { QUALIFICATION: 25.5, COMPETENCY: 39.5, PERFORMANCE: 30, DISCIPLINE: 5 } },
      'weights.QUALIFICATION',
    ],
    [
      'a table score above 100',
      { qualification: { ...DEFAULT_IP_ASN_SETTINGS.qualification, S3: 120 } },
      'qualification.S3',
    ],
    [
      'competency points above 100',
      { competency: { leadershipTraining: 60, developmentHours: 60, hoursTarget: 20 } },
      'competency',
    ],
    [
      'no hours target',
      { competency: { leadershipTraining: 40, developmentHours: 60, hoursTarget: 0 } },
      'competency.hoursTarget',
    ],
    ['a zero discipline window', { disciplineYears: 0 }, 'disciplineYears'],
    ['no version', { version: ' ' }, 'version'],
  ])('refuses %s', (_label, change, field) => {
    const problems = validateIpAsnSettings({ ...DEFAULT_IP_ASN_SETTINGS, ...change });
    expect(problems.map((p) => p.field)).toContain(field);
    expect(problems.every((p) => p.code === 'VALIDATION_FAILED' && p.message.length > 0)).toBe(true);
  });
});

describe('tallies', () => {
  it('adds batches without drift and gives the average with its category', () => {
    const a = emptyIpAsnTally();
    const b = emptyIpAsnTally();
    for (const total of [95.5, 85.25, 60]) addToIpAsnTally(a, { total, category: ipAsnCategory(total) });
    for (const total of [70.1, 0.1]) addToIpAsnTally(b, { total, category: ipAsnCategory(total) });
    const t = mergeIpAsnTallies(a, b);
    expect(t).toEqual({
      employees: 5,
      totalHundredths: 31095,
      counts: { SANGAT_TINGGI: 1, TINGGI: 1, SEDANG: 1, RENDAH: 0, SANGAT_RENDAH: 2 },
    });
    expect(ipAsnAverage(t)).toEqual({ average: 62.19, category: 'RENDAH' });
    expect(ipAsnAverage(emptyIpAsnTally())).toBeNull();
  });
});
