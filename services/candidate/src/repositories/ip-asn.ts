/**
 * The IP ASN of an agency's employees per period: a run (the IP ASN workflow) clears the period, scores
 * the profiles slot range by slot range (each slot one indexed equality, so a batch costs the same at
 * any agency size; a batch holds a few thousand profiles in memory, never the agency), and stores the
 * summary it tallied. Reads are one document each: an employee's score, an agency's summary.
 */
import {
  addToIpAsnTally,
  emptyIpAsnTally,
  ipAsnAverage,
  scoreIpAsn,
  type IpAsnScoreDto,
  type IpAsnSettings,
  type IpAsnSlotsResult,
  type IpAsnSummaryDto,
  type IpAsnTally,
} from '@seleksi/domain';
import { bulkReplaceById, replaceById } from '@seleksi/kit';
import type { CandidateModels, IpAsnScoreDoc, IpAsnSummaryDoc, ProfileDoc } from '../models';

/** Slots read at once. */
const SLOTS_PER_READ = 4;

const INPUT_FIELDS = {
  _id: 1,
  education: 1,
  skp: 1,
  trainings: 1,
  developmentHours: 1,
  sanctions: 1,
  disciplinarySanction: 1,
} as const;

export const ipAsnScoreId = (period: number, profileId: string) => `${period}:${profileId}`;
export const ipAsnSummaryId = (agencyCode: string, period: number) => `${agencyCode}:${period}`;

function scoreToDto(d: IpAsnScoreDoc): IpAsnScoreDto {
  return {
    profileId: d.profileId,
    agencyCode: d.agencyCode,
    period: d.period,
    total: d.total,
    category: d.category,
    dimensions: d.dimensions.map((x) => ({ ...x })),
    gaps: [...d.gaps],
    settingsVersion: d.settingsVersion,
    computedAt: d.computedAt.toISOString(),
  };
}

function summaryToDto(d: IpAsnSummaryDoc): IpAsnSummaryDto {
  return {
    agencyCode: d.agencyCode,
    period: d.period,
    employees: d.employees,
    totalHundredths: d.totalHundredths,
    counts: { ...d.counts },
    average: d.average,
    category: d.category,
    settingsVersion: d.settingsVersion,
    weights: { ...d.weights },
    computedAt: d.computedAt.toISOString(),
  };
}

export function createIpAsnRepository({ Profile, IpAsnScore, IpAsnSummary }: CandidateModels) {
  return {
    /** Drops the period's scores of the agency before a run (employees who left drop out with them). */
    async clear(agencyCode: string, period: number): Promise<void> {
      await IpAsnScore.deleteMany({ agencyCode, period });
    },

    /**
     * Scores the profiles in whole slots from `fromSlot` (before `toSlot`) until at least `limit` are read;
     * `nextSlot` is the first slot not read (null at `toSlot`). Idempotent: a retried batch rewrites the same.
     */
    async scoreSlots(req: {
      agencyCode: string;
      period: number;
      fromSlot: number;
      toSlot: number;
      limit: number;
      settings: IpAsnSettings;
      computedAt: string;
    }): Promise<IpAsnSlotsResult> {
      const { agencyCode, period, settings } = req;
      const computedAt = new Date(req.computedAt);
      const tally: IpAsnTally = emptyIpAsnTally();
      const docs: IpAsnScoreDoc[] = [];
      let b = req.fromSlot;
      while (b < req.toSlot && docs.length < req.limit) {
        const slots = Array.from({ length: Math.min(SLOTS_PER_READ, req.toSlot - b) }, (_, k) => b + k);
        const read = await Promise.all(
          slots.map((slot) => Profile.find({ agencyCode, mapBucket: slot }, INPUT_FIELDS).lean<ProfileDoc[]>().exec()),
        );
        for (const profiles of read) {
          for (const p of profiles) {
            const r = scoreIpAsn(p, period, settings);
            addToIpAsnTally(tally, r);
            docs.push({ _id: ipAsnScoreId(period, p._id), agencyCode, profileId: p._id, ...r, computedAt });
          }
          b++;
          if (docs.length >= req.limit) break;
        }
      }
      await bulkReplaceById(IpAsnScore, docs);
      return { tally, nextSlot: b < req.toSlot ? b : null };
    },

    async putSummary(
      agencyCode: string,
      period: number,
      s: {
        tally: IpAsnTally;
        settings: IpAsnSettings;
        computedAt: string;
      },
    ): Promise<IpAsnSummaryDto> {
      const avg = ipAsnAverage(s.tally);
      const doc: IpAsnSummaryDoc = {
        _id: ipAsnSummaryId(agencyCode, period),
        agencyCode,
        period,
        ...s.tally,
        average: avg?.average ?? null,
        category: avg?.category ?? null,
        settingsVersion: s.settings.version,
        weights: { ...s.settings.weights },
        computedAt: new Date(s.computedAt),
      };
      await replaceById(IpAsnSummary, doc._id, doc);
      return summaryToDto(doc);
    },

    async getSummary(agencyCode: string, period: number): Promise<IpAsnSummaryDto | null> {
      const d = await IpAsnSummary.findById(ipAsnSummaryId(agencyCode, period)).lean<IpAsnSummaryDoc>();
      return d ? summaryToDto(d) : null;
    },

    /** Every agency's summary of a period (one document per agency: some 600), by agency code. */
    async listSummaries(period: number): Promise<IpAsnSummaryDto[]> {
      const docs = await IpAsnSummary.find({ period }).lean<IpAsnSummaryDoc[]>();
      return docs.map(summaryToDto).sort((a, b) => a.agencyCode.localeCompare(b.agencyCode));
    },

    /** An agency's summaries, newest period first. */
    async listAgencySummaries(agencyCode: string): Promise<IpAsnSummaryDto[]> {
      const docs = await IpAsnSummary.find({ agencyCode }).lean<IpAsnSummaryDoc[]>();
      return docs.map(summaryToDto).sort((a, b) => b.period - a.period);
    },

    async getScore(profileId: string, period: number): Promise<IpAsnScoreDto | null> {
      const d = await IpAsnScore.findById(ipAsnScoreId(period, profileId)).lean<IpAsnScoreDoc>();
      return d ? scoreToDto(d) : null;
    },
  };
}
export type IpAsnRepository = ReturnType<typeof createIpAsnRepository>;
