/**
 * Test data: ASN profiles that satisfy (or deliberately fail) the JPT Pratama requirements, with
 * valid NIPs, and a valid Pansel. Shared by the integration suites.
 */
import type { AgencyDto, ProfileDto } from '@seleksi/domain';
import type { PanselMemberPlan } from '@seleksi/workflows';

/** Tests run on the real clock: SKP years follow it so screening always finds the two years before. */
export const THIS_YEAR = new Date().getFullYear();
/** The two years before this one and this one (screening this year or, in training mode, next year). */
export const RECENT_SKP_YEARS = [THIS_YEAR - 2, THIS_YEAR - 1, THIS_YEAR];

export function testAgency(code: string): AgencyDto {
  return {
    code,
    name: `Pemerintah Provinsi Uji ${code}`,
    address: 'Jalan Uji Nomor 1, Samarinda',
    city: 'Samarinda',
    province: 'Kalimantan Timur',
    timeZone: 'WITA',
    kind: 'PROVINCE',
  };
}

/** Serial part of the NIPs made in this process: unique, since the candidate service refuses a NIP twice. */
let nipSerial = 0;

/** NIP: birth date, CPNS start month, gender digit, 3-digit serial. */
function nip(birth: string, start: string, gender: 1 | 2, serial: number): string {
  return `${birth.replaceAll('-', '')}${start.replace('-', '')}${gender}${String(serial).padStart(3, '0')}`;
}

/**
 * An eligible JPT Pratama candidate: born 1972–1979, administrator since 2017, managerial career
 * since 2008, rank IV/b, SKP at least Baik 2024–2026 (suites on the time-skipping server run into 2027), LHKPN filed. `overrides` makes them fail one rule.
 */
export function eligibleProfile(
  id: string,
  agencyCode: string,
  i: number,
  overrides: Partial<ProfileDto> = {},
): ProfileDto {
  const year = 1972 + (i % 8);
  return {
    id,
    nip: nip(`${year}-0${1 + (i % 9)}-1${i % 10}`, `${year + 26}-03`, i % 2 === 0 ? 1 : 2, (++nipSerial % 999) + 1),
    name: `Peserta Uji ${String.fromCharCode(65 + (i % 26))}${i}, S.E., M.M.`,
    rank: 'IV/b',
    agencyCode,
    education: 'S2',
    careers: [
      {
        position: 'Kepala Seksi',
        positionKind: 'PENGAWAS',
        unit: 'Dinas Uji',
        agencyCode,
        from: '2008-01-02',
        to: '2016-12-31',
      },
      {
        position: 'Kepala Bidang',
        positionKind: 'ADMINISTRATOR',
        unit: 'Dinas Uji',
        agencyCode,
        from: '2017-01-02',
        to: null,
      },
    ],
    skp: [
      { year: THIS_YEAR - 2, predicate: 'BAIK' },
      { year: THIS_YEAR - 1, predicate: 'SANGAT_BAIK' },
      { year: THIS_YEAR, predicate: 'BAIK' },
    ],
    lhkpnFiled: true,
    disciplinarySanction: false,
    ...overrides,
  };
}

/** Five members, three external (60 %), one chair, each acting through its own user id. */
export function testPansel(prefix: string): PanselMemberPlan[] {
  return [1, 2, 3, 4, 5].map((n) => ({
    id: `${prefix}-m${n}`,
    userId: `${prefix}-user-m${n}`,
    name: `Anggota Pansel ${n}`,
    institution: n <= 3 ? 'Universitas Uji' : 'Sekretariat Daerah',
    internal: n > 3,
    partyMember: false,
    role: n === 1 ? ('CHAIR' as const) : ('MEMBER' as const),
  }));
}

/** The agency and its candidates' profiles, each eligible and with SKP predicates for the recent years. */
export async function seedEligibleCandidates(
  candidate: { upsertAgency(a: AgencyDto): Promise<unknown>; upsertProfile(p: ProfileDto): Promise<unknown> },
  agency: AgencyDto,
  candidates: { id: string; i: number }[],
): Promise<void> {
  await candidate.upsertAgency(agency);
  for (const { id, i } of candidates) {
    await candidate.upsertProfile({
      ...eligibleProfile(id, agency.code, i),
      skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
    });
  }
}
