import { describe, expect, it } from 'vitest';
import { defaultTalentSettings, validateTalentSettings } from '@seleksi/domain';
import { agencyOfFilling, newFillingId } from './talent-filling';
import { applySettingsInput, inputPathOf, refuseGateValues } from './talent-settings';
import { mappingPercent } from './talent-mapping-run';

describe('filling ids', () => {
  it('carry the agency, which agencyOfFilling reads back', () => {
    const id = newFillingId('KAB-KUKAR_2', new Date('2026-11-24T10:00:00Z'));
    expect(id).toMatch(/^TAL-KAB-KUKAR_2-2026-[0-9A-F]{8}$/);
    expect(agencyOfFilling(id)).toBe('KAB-KUKAR_2');
  });

  it('reject anything else', () => {
    for (const bad of ['', 'TAL-2026-ABCDEF12', 'TAL-X-2026-abcdef12', 'TAL-X:Y-2026-ABCDEF12', 'JPT-2026-ABCDEF12']) {
      expect(agencyOfFilling(bad), bad).toBeNull();
    }
  });
});

describe('talent settings input', () => {
  const legacyGate = { meritIndexScore: 300, meritAssessedOn: '2026-06-30', talentSystemApproval: null };
  const base = { ...defaultTalentSettings('UJI'), legacyGate };

  it('keeps omitted fields, clears explicit nulls and replaces the target posts', () => {
    const next = applySettingsInput(base, {
      numbering: 'KEMENKEU',
      scoring: { performanceWeight: 40, potentialWeight: 60 },
      retirement: { retirementAgeByLevel: { madya: 62 } },
      targetPosts: [{ id: 'P1', title: 'Kepala Dinas', level: 'PRATAMA', unit: 'Dinas Uji', field: '' }],
    });
    // Legacy values are kept to be shown as awaiting the overseer; the input cannot change them.
    expect(next.legacyGate).toEqual(legacyGate);
    expect(next.scoring).toMatchObject({ numbering: 'KEMENKEU', performanceWeight: 40, potentialWeight: 60 });
    expect(next.scoring.skpPoints).toEqual(base.scoring.skpPoints);
    expect(next.retirement.retirementAgeByLevel).toEqual({ UTAMA: 60, MADYA: 62, PRATAMA: 60 });
    expect(next.targetPosts).toEqual([
      { id: 'P1', title: 'Kepala Dinas', level: 'PRATAMA', unit: 'Dinas Uji', field: null },
    ]);
    expect(validateTalentSettings(next)).toEqual([]);

    const kept = applySettingsInput(next, { scoring: { trackRecordWhenMissing: null } });
    expect(kept.scoring.trackRecordWhenMissing).toBeNull();
    expect(kept.targetPosts).toHaveLength(1);
  });

  it('refuses the merit index and the approval, which are the overseer’s decisions', () => {
    for (const [input, field] of [
      [{ meritIndexScore: 310 }, 'input.meritIndexScore'],
      [{ meritIndexScore: null }, 'input.meritIndexScore'],
      [{ meritAssessedOn: '2026-06-30' }, 'input.meritAssessedOn'],
      [{ talentSystemApproval: { approvedOn: '2026-01-10', reference: 'B-1' } }, 'input.talentSystemApproval'],
    ] as const) {
      let caught: unknown;
      try {
        refuseGateValues(input);
      } catch (err) {
        caught = err;
      }
      expect(caught, field).toMatchObject({ extensions: { code: 'FORBIDDEN', field } });
    }
    expect(() => refuseGateValues({ numbering: 'KEMENKEU' })).not.toThrow();
  });

  it("names the input field of a problem in the API's spelling", () => {
    expect(inputPathOf('scoring.skpPoints.BUTUH_PERBAIKAN')).toBe('input.scoring.skpPoints.butuhPerbaikan');
    expect(inputPathOf('retirement.retirementAgeByLevel.PRATAMA')).toBe(
      'input.retirement.retirementAgeByLevel.pratama',
    );
    expect(inputPathOf('scoring.numbering')).toBe('input.numbering');
    expect(inputPathOf('targetPosts.2.id')).toBe('input.targetPosts.2.id');
  });
});

describe('mapping progress', () => {
  it('is a percentage with one decimal, 100 once completed', () => {
    expect(mappingPercent({ status: 'STARTING', processed: 0, total: 0 })).toBe(0);
    expect(mappingPercent({ status: 'MAPPING', processed: 1, total: 3 })).toBe(33.3);
    expect(mappingPercent({ status: 'DERIVING_KRS', processed: 3, total: 3 })).toBe(100);
    expect(mappingPercent({ status: 'COMPLETED', processed: 0, total: 0 })).toBe(100);
  });

  it('counts slots in runs that map by slot (the total is only an estimate there)', () => {
    expect(mappingPercent({ status: 'MAPPING', processed: 0, total: 0, nextSlot: 0 })).toBe(0);
    expect(mappingPercent({ status: 'MAPPING', processed: 10, total: 10_000, nextSlot: 256 })).toBe(25);
    expect(mappingPercent({ status: 'DERIVING_KRS', processed: 9, total: 9, nextSlot: 1024 })).toBe(100);
  });
});
