import {
  mapTalentPage,
  type TalentMapCounts,
  type TalentMapEntryDto,
  type TalentMapPage,
  type TalentMapPeriodDto,
  type TalentMapSlotsResult,
  type TalentScoringRules,
} from '@seleksi/domain';
import { bulkReplaceById, decodeCursor, eachDistinct, encodeCursor, type Page } from '@seleksi/kit';
import { z } from 'zod';
import type { AssessmentModels, AssessmentResultDoc, ScoreRecordDoc, TalentMapEntryDoc } from '../models';

/** Entries per insert: one FerretDB command (and transaction) each. */
const WRITE_CHUNK = 500;
/** Slots read at once (each an indexed equality; a few in flight keep FerretDB's connection pool free). */
const SLOT_READS_IN_FLIGHT = 4;

export interface MapSlotsArgs extends Omit<TalentMapPage, 'assessments' | 'trackRecords'> {
  fromSlot: number;
  toSlot: number;
  scoring: TalentScoringRules;
}

/** `box` of the drill-down: one box, or the unmapped entries (box null). */
export type BoxFilter = number | 'none';

/**
 * Cursor of the drill-down: the sort key of the page's last entry, `s` its score (null when
 * unscored) and `e` its employeeId. The order is score descending with unscored entries last,
 * then employeeId ascending, so equal scores page stably.
 */
const cursorSchema = z.object({ s: z.number().nullable(), e: z.string() });

const BOXES = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

function toDto(doc: TalentMapEntryDoc): TalentMapEntryDto {
  return {
    id: doc._id,
    agencyCode: doc.agencyCode,
    period: doc.period,
    employeeId: doc.employeeId,
    box: doc.box ?? null,
    potential: doc.potential ?? null,
    performance: doc.performance ?? null,
    performanceScore: doc.performanceScore ?? null,
    potentialScore: doc.potentialScore ?? null,
    score: doc.score ?? null,
    missing: [...(doc.missing ?? [])],
    mappedAt: doc.mappedAt.toISOString(),
    runId: doc.runId,
  };
}

export function createTalentMapRepository({ TalentMapEntry, AssessmentResult, ScoreRecord }: AssessmentModels) {
  /** Writes entries by id: new ones in one insert per chunk, those already there (a retried page) replaced. */
  function putEntries(entries: TalentMapEntryDto[]): Promise<number> {
    return bulkReplaceById(
      TalentMapEntry,
      entries.map(({ id, mappedAt, ...rest }) => ({
        ...rest,
        _id: id,
        scored: rest.score !== null,
        mappedAt: new Date(mappedAt),
      })),
    );
  }

  return {
    putEntries,

    /**
     * Maps a page of employees (whole slots, sent with their SKP) in one request: reads the slots' assessment
     * results and track records (one indexed equality per slot and collection), scores every employee and
     * inserts the entries in chunks. Idempotent: a page mapped again writes the same entries.
     */
    async mapSlots(args: MapSlotsArgs): Promise<TalentMapSlotsResult> {
      const ids = new Set(args.employees.map((e) => e.id));
      const slots = Array.from({ length: Math.max(0, args.toSlot - args.fromSlot) }, (_, k) => args.fromSlot + k);
      const [assessments, trackRecords] =
        ids.size === 0
          ? [[], []]
          : await Promise.all([
              eachDistinct(
                slots,
                async (candidateBucket) =>
                  (
                    await AssessmentResult.find(
                      { candidateBucket },
                      { candidateId: 1, assessedAt: 1, validUntil: 1, managerial: 1, socioCultural: 1 },
                    )
                      .lean<AssessmentResultDoc[]>()
                      .exec()
                  ).filter((a) => ids.has(a.candidateId)),
                SLOT_READS_IN_FLIGHT / 2,
              ),
              eachDistinct(
                slots,
                async (candidateBucket) =>
                  (
                    await ScoreRecord.find(
                      { candidateBucket, kind: 'TRACK_RECORD' },
                      { candidateId: 1, recordedAt: 1, value: 1 },
                    )
                      .lean<ScoreRecordDoc[]>()
                      .exec()
                  )
                    .filter((r) => ids.has(r.candidateId))
                    .map((r) => ({
                      candidateId: r.candidateId,
                      recordedAt: r.recordedAt.toISOString(),
                      value: r.value,
                    })),
                SLOT_READS_IN_FLIGHT / 2,
              ),
            ]);
      const { entries, unmapped, byBox } = mapTalentPage({ ...args, assessments, trackRecords }, args.scoring);
      for (let i = 0; i < entries.length; i += WRITE_CHUNK) await putEntries(entries.slice(i, i + WRITE_CHUNK));
      return { processed: entries.length, unmapped, byBox };
    },

    /**
     * Removes a period's map (one `deleteMany`), so a re-mapping inserts instead of replacing: on
     * FerretDB v1 each replaced document that changed costs a scan of the whole collection.
     */
    async clearPeriod(agencyCode: string, period: string): Promise<number> {
      return (await TalentMapEntry.deleteMany({ agencyCode, period })).deletedCount;
    },

    /** Entries per box '1'..'9' (zeros included), unmapped (box null) and total, from one `$group` with `$sum`. */
    async counts(agencyCode: string, period: string): Promise<TalentMapCounts> {
      const groups = await TalentMapEntry.aggregate<{ _id: number | null; n: number }>([
        { $match: { agencyCode, period } },
        { $group: { _id: '$box', n: { $sum: 1 } } },
      ]);
      const byBox: Record<string, number> = Object.fromEntries(BOXES.map((b) => [b, 0]));
      let unmapped = 0;
      let total = 0;
      for (const { _id: box, n } of groups) {
        total += n;
        if (box === null || box === undefined) unmapped += n;
        else byBox[String(box)] = (byBox[String(box)] ?? 0) + n;
      }
      return { agencyCode, period, total, unmapped, byBox };
    },

    /** A page of the map (or of one box), score descending with unscored last, then employeeId. */
    async listEntries(
      filter: { agencyCode: string; period: string; box?: BoxFilter },
      limit: number,
      after?: string,
    ): Promise<Page<TalentMapEntryDto>> {
      const query: Record<string, unknown> = { agencyCode: filter.agencyCode, period: filter.period };
      if (filter.box !== undefined) query.box = filter.box === 'none' ? null : filter.box;
      if (after) {
        const { s, e } = decodeCursor(after, cursorSchema);
        query.$or =
          s === null
            ? [{ scored: false, employeeId: { $gt: e } }]
            : [
                { scored: true, score: { $lt: s } },
                { scored: true, score: s, employeeId: { $gt: e } },
                { scored: false },
              ];
      }
      const docs = await TalentMapEntry.find(query)
        .sort({ scored: -1, score: -1, employeeId: 1 })
        .limit(limit + 1)
        .lean<TalentMapEntryDoc[]>();
      const page = docs.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toDto),
        nextCursor:
          docs.length > limit && last ? encodeCursor({ s: last.scored ? last.score : null, e: last.employeeId }) : null,
      };
    },

    /** Every entry of a person, newest period first (then latest mapping first). */
    async history(employeeId: string): Promise<TalentMapEntryDto[]> {
      const docs = await TalentMapEntry.find({ employeeId })
        .sort({ period: -1, mappedAt: -1, _id: 1 })
        .lean<TalentMapEntryDoc[]>();
      return docs.map(toDto);
    },

    /**
     * The mapped periods of an agency, newest first, with their latest `mappedAt` and size: sizes from
     * one `$group` with `$sum`, the latest `mappedAt` per period from a sorted `findOne` (FerretDB v1
     * has no `$max`).
     */
    async periods(agencyCode: string): Promise<TalentMapPeriodDto[]> {
      const groups = await TalentMapEntry.aggregate<{ _id: string; n: number }>([
        { $match: { agencyCode } },
        { $group: { _id: '$period', n: { $sum: 1 } } },
      ]);
      groups.sort((a, b) => (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
      const out: TalentMapPeriodDto[] = [];
      for (const { _id: period, n } of groups) {
        const latest = await TalentMapEntry.findOne({ agencyCode, period }, { mappedAt: 1 })
          .sort({ mappedAt: -1 })
          .lean<Pick<TalentMapEntryDoc, 'mappedAt'>>();
        if (latest) out.push({ period, mappedAt: latest.mappedAt.toISOString(), total: n });
      }
      return out;
    },
  };
}
export type TalentMapRepository = ReturnType<typeof createTalentMapRepository>;
