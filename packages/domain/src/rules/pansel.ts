/** Composition of the selection committee (Pansel), domain.md §1.6. */
import type { RuleProblem } from './problems';
import type { PanselRules } from './selection-rules';

export interface PanselMemberInput {
  id: string;
  /** From the agency running the selection (otherwise external). */
  internal: boolean;
  partyMember: boolean;
  bknOfficial?: boolean;
}

function invalid(message: string): RuleProblem {
  return { code: 'INVALID_PANSEL', field: 'members', message };
}

/** Every problem with the proposed members (empty when the composition is valid). */
export function validatePanselComposition(members: PanselMemberInput[], rules: PanselRules): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const m of members) {
    if (seen.has(m.id)) duplicates.add(m.id);
    seen.add(m.id);
  }
  for (const id of duplicates) problems.push(invalid(`Anggota Pansel ${id} tercatat lebih dari sekali`));

  // Count distinct members: a duplicate must not make the size or share look right.
  const unique = [...new Map(members.map((m) => [m.id, m])).values()];
  const n = unique.length;
  if (n < rules.minMembers || n > rules.maxMembers)
    problems.push(
      invalid(`Jumlah anggota Pansel ${n} orang; harus ${rules.minMembers} sampai ${rules.maxMembers} orang`),
    );
  if (rules.requireOdd && n % 2 === 0)
    problems.push(invalid(`Jumlah anggota Pansel harus ganjil; saat ini ${n} orang`));

  if (n > 0) {
    const external = unique.filter((m) => !m.internal).length;
    // Integer comparison: with 5 members and 55 %, at least 3 must be external.
    const needed = Math.ceil(rules.minExternalShare * n - 1e-9);
    if (external < needed)
      problems.push(
        invalid(
          `Anggota eksternal ${external} dari ${n} orang (${Math.round((external / n) * 100)}%); ` +
            `paling sedikit ${Math.round(rules.minExternalShare * 100)}% (${needed} orang)`,
        ),
      );
  }

  for (const m of unique) {
    if (m.partyMember) problems.push(invalid(`Anggota Pansel ${m.id} adalah anggota/pengurus partai politik`));
    if (m.bknOfficial && !rules.allowBknOfficials)
      problems.push(
        invalid(`Anggota Pansel ${m.id} adalah pejabat BKN; pejabat BKN tidak boleh menjadi anggota Pansel`),
      );
  }
  return problems;
}
