import { DEFAULT_HOLIDAY_CALENDAR, type HolidayYear, type RegionalDayOff } from '@seleksi/domain';
import { isDuplicateKeyError, type HolidayYearRecord, type RegionalHolidaysRecord } from '@seleksi/kit';
import { compoundId, type CandidateModels, type HolidayYearDoc, type RegionalHolidaysDoc } from '../models';
import {
  canonicalHolidayYear,
  mergeHolidayYears,
  provisionalWindow,
  provisionalYearOrNull,
  sameHolidayYear,
} from '../holiday-calendar';

function toRecord(doc: HolidayYearDoc): HolidayYearRecord {
  return {
    year: doc.year,
    holidays: doc.holidays.map((d) => ({ date: d.date, name: d.name })),
    cutiBersama: doc.cutiBersama.map((d) => ({ date: d.date, name: d.name })),
    source: doc.source,
    skbNumber: doc.skbNumber ?? null,
    skbDate: doc.skbDate ?? null,
    provisional: false,
    revision: doc.revision,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function shipped(y: HolidayYear): HolidayYearRecord {
  return { ...canonicalHolidayYear(y), provisional: false, revision: 0, updatedAt: null };
}

/** A computed year: revision 0 like a shipped one, marked provisional (so are its days). */
function provisional(year: number): HolidayYearRecord | null {
  const y = provisionalYearOrNull(year);
  return y && { ...y, provisional: true, revision: 0, updatedAt: null };
}

const SHIPPED: HolidayYearRecord[] = Object.values(DEFAULT_HOLIDAY_CALENDAR).map(shipped);

function regionalRecord(agencyCode: string, doc: RegionalHolidaysDoc | null): RegionalHolidaysRecord {
  return {
    agencyCode,
    days: (doc?.days ?? []).map((d) => ({ date: d.date, name: d.name, basis: d.basis })),
    revision: doc?.revision ?? 0,
    updatedAt: doc?.updatedAt.toISOString() ?? null,
  };
}

export function createHolidayYearRepository({ HolidayYear: Model, RegionalHolidays }: CandidateModels) {
  async function latest(year: number): Promise<HolidayYearDoc | null> {
    return Model.findOne({ year }).sort({ revision: -1 }).lean<HolidayYearDoc>();
  }

  async function get(year: number): Promise<HolidayYearRecord | null> {
    const doc = await latest(year);
    if (doc) return toRecord(doc);
    return SHIPPED.find((y) => y.year === year) ?? provisional(year);
  }

  return {
    get,

    /** An agency's regional days off (an empty list at revision 0 when none were saved). */
    async getRegional(agencyCode: string): Promise<RegionalHolidaysRecord> {
      return regionalRecord(agencyCode, await RegionalHolidays.findById(agencyCode).lean<RegionalHolidaysDoc>());
    },

    /** Replaces an agency's regional days off (sorted by date); saving the same list again changes nothing. */
    async putRegional(agencyCode: string, input: readonly RegionalDayOff[]): Promise<RegionalHolidaysRecord> {
      const days = input
        .map((d) => ({ date: d.date, name: d.name.trim(), basis: d.basis.trim() }))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      const current = regionalRecord(
        agencyCode,
        await RegionalHolidays.findById(agencyCode).lean<RegionalHolidaysDoc>(),
      );
      if (JSON.stringify(current.days) === JSON.stringify(days)) return current;
      const doc: RegionalHolidaysDoc = { _id: agencyCode, days, revision: current.revision + 1, updatedAt: new Date() };
      await RegionalHolidays.collection.replaceOne({ _id: agencyCode } as never, doc as never, { upsert: true });
      return regionalRecord(agencyCode, doc);
    },

    /**
     * Shipped years, each replaced by its latest stored amendment, plus years only stored, plus the
     * provisional (computed) years of this year and the next two that neither has; by year.
     */
    async list(now = new Date()): Promise<HolidayYearRecord[]> {
      const docs = await Model.find({}).sort({ year: 1, revision: -1 }).lean<HolidayYearDoc[]>();
      const latestByYear = new Map<number, HolidayYearDoc>();
      for (const d of docs) {
        const seen = latestByYear.get(d.year);
        if (!seen || seen.revision < d.revision) latestByYear.set(d.year, d);
      }
      const known = mergeHolidayYears(SHIPPED, [...latestByYear.values()].map(toRecord));
      const computed = provisionalWindow(now)
        .filter((y) => !known.some((k) => k.year === y))
        .map(provisional)
        .filter((y): y is HolidayYearRecord => y !== null);
      return mergeHolidayYears(known, computed);
    },

    /**
     * Stores the year as its next revision (append-only). Saving what is already current is a
     * no-op that answers the current revision, so a retried request never adds a revision.
     */
    async put(input: HolidayYear): Promise<HolidayYearRecord> {
      const year = canonicalHolidayYear(input);
      for (let attempt = 0; attempt < 5; attempt++) {
        const current = await latest(year.year);
        if (current && sameHolidayYear(toRecord(current), year)) return toRecord(current);
        const revision = (current?.revision ?? 0) + 1;
        const doc: HolidayYearDoc = {
          _id: compoundId(String(year.year), String(revision)),
          ...year,
          revision,
          updatedAt: new Date(),
        };
        try {
          await Model.collection.insertOne(doc as never);
          return toRecord(doc);
        } catch (err) {
          // Another administrator saved this revision first: compare with theirs and go again.
          if (!isDuplicateKeyError(err)) throw err;
        }
      }
      throw new Error(`holiday year ${year.year}: too many concurrent amendments`);
    },
  };
}
export type HolidayYearRepository = ReturnType<typeof createHolidayYearRepository>;
