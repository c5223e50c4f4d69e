import { DEFAULT_HOLIDAY_CALENDAR, type HolidayYear } from '@seleksi/domain';
import { isDuplicateKeyError, type HolidayYearRecord } from '@seleksi/kit';
import { compoundId, type CandidateModels, type HolidayYearDoc } from '../models';
import { canonicalHolidayYear, mergeHolidayYears, sameHolidayYear } from '../holiday-calendar';

function toRecord(doc: HolidayYearDoc): HolidayYearRecord {
  return {
    year: doc.year,
    holidays: doc.holidays.map((d) => ({ date: d.date, name: d.name })),
    cutiBersama: doc.cutiBersama.map((d) => ({ date: d.date, name: d.name })),
    source: doc.source,
    revision: doc.revision,
    updatedAt: doc.updatedAt.toISOString(),
  };
}

function shipped(y: HolidayYear): HolidayYearRecord {
  return { ...canonicalHolidayYear(y), revision: 0, updatedAt: null };
}

const SHIPPED: HolidayYearRecord[] = Object.values(DEFAULT_HOLIDAY_CALENDAR).map(shipped);

export function createHolidayYearRepository({ HolidayYear: Model }: CandidateModels) {
  async function latest(year: number): Promise<HolidayYearDoc | null> {
    return Model.findOne({ year }).sort({ revision: -1 }).lean<HolidayYearDoc>();
  }

  async function get(year: number): Promise<HolidayYearRecord | null> {
    const doc = await latest(year);
    if (doc) return toRecord(doc);
    return SHIPPED.find((y) => y.year === year) ?? null;
  }

  return {
    get,

    /** Shipped years, each replaced by its latest stored amendment, plus years only stored; by year. */
    async list(): Promise<HolidayYearRecord[]> {
      const docs = await Model.find({}).sort({ year: 1, revision: -1 }).lean<HolidayYearDoc[]>();
      const latestByYear = new Map<number, HolidayYearDoc>();
      for (const d of docs) {
        const seen = latestByYear.get(d.year);
        if (!seen || seen.revision < d.revision) latestByYear.set(d.year, d);
      }
      return mergeHolidayYears(SHIPPED, [...latestByYear.values()].map(toRecord));
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
