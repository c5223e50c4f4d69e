/** JPT levels, highest first. */
export const JPT_LEVELS = ['UTAMA', 'MADYA', 'PRATAMA'] as const;
export type JptLevel = (typeof JPT_LEVELS)[number];

/** A level's word after "JPT" (the staff pages and the exports). */
export const JPT_LEVEL_NAME_ID: Record<JptLevel, string> = { UTAMA: 'Utama', MADYA: 'Madya', PRATAMA: 'Pratama' };

/** Indonesian time zones. Indonesia has no daylight saving, so fixed offsets are exact. */
export const TIME_ZONES = {
  WIB: { iana: 'Asia/Jakarta', offsetMinutes: 7 * 60 },
  WITA: { iana: 'Asia/Makassar', offsetMinutes: 8 * 60 },
  WIT: { iana: 'Asia/Jayapura', offsetMinutes: 9 * 60 },
} as const;
export type AgencyTimeZone = keyof typeof TIME_ZONES;
export const AGENCY_TIME_ZONES = Object.keys(TIME_ZONES) as AgencyTimeZone[];
