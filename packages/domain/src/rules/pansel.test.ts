import { describe, expect, it } from 'vitest';
import { validatePanselComposition, type PanselMemberInput } from './pansel';
import { DEFAULT_SELECTION_RULES, type PanselRules } from './selection-rules';

const R = DEFAULT_SELECTION_RULES.pansel; // 5..9, odd, ≥ 55 % external, no party members, no BKN officials

/** `internal` internal members then `external` external ones, ids m1, m2, … */
function members(internal: number, external: number): PanselMemberInput[] {
  return Array.from({ length: internal + external }, (_, i) => ({
    id: `m${i + 1}`,
    internal: i < internal,
    partyMember: false,
  }));
}

describe('validatePanselComposition', () => {
  it.each<[string, PanselMemberInput[], PanselRules, RegExp[]]>([
    ['5 members, 3 external', members(2, 3), R, []],
    ['7 members, 4 external (57 %)', members(3, 4), R, []],
    ['9 members, 5 external (56 %)', members(4, 5), R, []],
    ['5 members, 2 external', members(3, 2), R, [/eksternal 2 dari 5/]],
    ['7 members, 3 external', members(4, 3), R, [/eksternal 3 dari 7.*\(4 orang\)/]],
    ['4 members', members(1, 3), R, [/Jumlah anggota Pansel 4 orang/, /harus ganjil/]],
    ['3 members', members(0, 3), R, [/Jumlah anggota Pansel 3 orang; harus 5 sampai 9/]],
    ['11 members', members(4, 7), R, [/Jumlah anggota Pansel 11 orang/]],
    ['6 members', members(2, 4), R, [/harus ganjil/]],
    ['no members', [], R, [/Jumlah anggota Pansel 0 orang/, /harus ganjil/]],
    ['even size allowed when configured', members(2, 4), { ...R, requireOdd: false }, []],
    [
      'a party member is named',
      members(2, 3).map((m) => (m.id === 'm4' ? { ...m, partyMember: true } : m)),
      R,
      [/m4 adalah anggota\/pengurus partai politik/],
    ],
    [
      'a BKN official is refused',
      members(2, 3).map((m) => (m.id === 'm5' ? { ...m, bknOfficial: true } : m)),
      R,
      [/m5 adalah pejabat BKN/],
    ],
    [
      'a BKN official allowed when configured',
      members(2, 3).map((m) => (m.id === 'm5' ? { ...m, bknOfficial: true } : m)),
      { ...R, allowBknOfficials: true },
      [],
    ],
    [
      'a duplicate id does not count twice',
      [...members(2, 2), { id: 'm4', internal: false, partyMember: false }],
      R,
      [/m4 tercatat lebih dari sekali/, /Jumlah anggota Pansel 4 orang/, /harus ganjil/, /eksternal 2 dari 4/],
    ],
  ])('%s', (_name, list, rules, expected) => {
    const problems = validatePanselComposition(list, rules);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((re, i) => {
      expect(problems[i]).toMatchObject({ code: 'INVALID_PANSEL', field: 'members' });
      expect(problems[i]!.message).toMatch(re);
    });
  });
});
