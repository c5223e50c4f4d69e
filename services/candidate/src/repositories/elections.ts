import {
  DEFAULT_ELECTION_WINDOW_SPAN,
  DomainError,
  electionRegionIdOf,
  electionReportDutyId,
  electionWindowsOf,
  type AgencyElectionWindowsDto,
  type ElectionWindowSpan,
  type ElectionRegionDto,
  type ElectionRegionSave,
  type ElectionRegionSaved,
  type ElectionReportDutyDto,
  type ElectionScheduleDto,
} from '@seleksi/domain';
import { isDuplicateKeyError, toActor } from '@seleksi/kit';
import type { AgencyDoc, CandidateModels, ElectionRegionDoc, ElectionReportDutyDoc } from '../models';
import type { createNoticeRepository } from './notices';

function toRegion(doc: ElectionRegionDoc): ElectionRegionDto {
  return {
    id: doc._id,
    kind: doc.kind,
    name: doc.name,
    schedules: doc.schedules.map((s) => ({
      label: s.label,
      candidatePairsDeterminedOn: s.candidatePairsDeterminedOn,
      currentTermEndsOn: s.currentTermEndsOn,
      newHeadInauguratedOn: s.newHeadInauguratedOn ?? null,
    })),
    revision: doc.revision,
    updatedAt: doc.updatedAt.toISOString(),
    updatedBy: doc.updatedBy ? toActor(doc.updatedBy) : null,
    reason: doc.reason ?? null,
  };
}

function toDuty(doc: ElectionReportDutyDoc): ElectionReportDutyDto {
  const { _id, createdAt, ...rest } = doc;
  return { ...rest, id: _id, report: rest.report ?? null, createdAt: createdAt.toISOString() };
}

const byDate = (a: ElectionScheduleDto, b: ElectionScheduleDto) =>
  a.candidatePairsDeterminedOn < b.candidatePairsDeterminedOn
    ? -1
    : a.candidatePairsDeterminedOn > b.candidatePairsDeterminedOn
      ? 1
      : 0;

/**
 * Regions' pilkada schedules (administrators' reference data) and the duties to report appointments
 * made inside their windows to the Home Affairs Minister.
 */
export function createElectionRepository(
  { Agency, ElectionRegion, ElectionReportDuty }: CandidateModels,
  notices: Pick<ReturnType<typeof createNoticeRepository>, 'enqueueForElectionReport'>,
  span: ElectionWindowSpan = DEFAULT_ELECTION_WINDOW_SPAN,
) {
  return {
    /**
     * The windows an agency's appointments fall under: those of the region it governs (none for a
     * central agency, or a region without schedules), with the configured months.
     */
    async windowsForAgency(agencyCode: string): Promise<AgencyElectionWindowsDto | null> {
      const agency = await Agency.findById(agencyCode).lean<AgencyDoc>();
      if (!agency) return null;
      const regionId = electionRegionIdOf(agency);
      const doc = regionId ? await ElectionRegion.findById(regionId).lean<ElectionRegionDoc>() : null;
      const region = doc ? toRegion(doc) : null;
      return { agencyCode, regionId, region, span, windows: electionWindowsOf(region?.schedules ?? [], span) };
    },

    /** Every region in id order (a few hundred: provinces, regencies and cities). */
    async list(): Promise<ElectionRegionDto[]> {
      return (await ElectionRegion.find().sort({ _id: 1 }).lean<ElectionRegionDoc[]>()).map(toRegion);
    },

    async get(id: string): Promise<ElectionRegionDto | null> {
      const doc = await ElectionRegion.findById(id).lean<ElectionRegionDoc>();
      return doc ? toRegion(doc) : null;
    },

    /**
     * Replaces a region's schedules (sorted by the determination date). Saving the same again changes
     * nothing (a retried request answers `changed: false`). `expectedRevision`, when given, refuses a
     * save over someone else's newer one.
     */
    async put(id: string, input: ElectionRegionSave): Promise<ElectionRegionSaved> {
      const current = await ElectionRegion.findById(id).lean<ElectionRegionDoc>();
      const before = current ? toRegion(current) : null;
      const schedules = [...input.schedules]
        .map((s) => ({ ...s, newHeadInauguratedOn: s.newHeadInauguratedOn ?? null }))
        .sort(byDate);
      if (
        before &&
        before.kind === input.kind &&
        before.name === input.name &&
        JSON.stringify(before.schedules) === JSON.stringify(schedules)
      )
        return { region: before, changed: false, before };
      const revision = before?.revision ?? 0;
      if (input.expectedRevision != null && input.expectedRevision !== revision)
        throw new DomainError(
          'CONFLICT',
          `Data pilkada ${input.name} telah diubah orang lain (revisi ${revision}); muat ulang`,
          'expectedRevision',
        );
      const doc: ElectionRegionDoc = {
        _id: id,
        kind: input.kind,
        name: input.name,
        schedules,
        revision: revision + 1,
        updatedAt: new Date(),
        ...(input.by ? { updatedBy: input.by } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      };
      if (!current) {
        try {
          await ElectionRegion.create(doc);
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          throw new DomainError(
            'CONFLICT',
            `Data pilkada ${input.name} baru saja disimpan orang lain; muat ulang`,
            'expectedRevision',
          );
        }
      } else {
        // The revision in the filter: a concurrent save changes nothing here and is refused.
        const r = await ElectionRegion.collection.replaceOne({ _id: id, revision } as never, doc as never);
        if (r.matchedCount === 0)
          throw new DomainError(
            'CONFLICT',
            `Data pilkada ${input.name} baru saja diubah orang lain; muat ulang`,
            'expectedRevision',
          );
      }
      return { region: toRegion(doc), changed: true, before };
    },

    /** Opens a duty (idempotent: the same id again answers the stored one) and tells the agency. */
    async openReportDuty(
      input: Omit<ElectionReportDutyDto, 'id' | 'report' | 'createdAt'>,
    ): Promise<ElectionReportDutyDto> {
      const id = electionReportDutyId(input.subjectId);
      const existing = await ElectionReportDuty.findById(id).lean<ElectionReportDutyDoc>();
      if (existing) {
        await notices.enqueueForElectionReport(existing);
        return toDuty(existing);
      }
      const doc: ElectionReportDutyDoc = { ...input, _id: id, report: null, createdAt: new Date() };
      try {
        await ElectionReportDuty.create(doc);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
      }
      await notices.enqueueForElectionReport(doc);
      return toDuty(doc);
    },

    async getReportDuty(id: string): Promise<ElectionReportDutyDto | null> {
      const doc = await ElectionReportDuty.findById(id).lean<ElectionReportDutyDoc>();
      return doc ? toDuty(doc) : null;
    },

    /** An agency's duties (or all of them), newest first. */
    async listReportDuties(agencyCode?: string): Promise<ElectionReportDutyDto[]> {
      const docs = await ElectionReportDuty.find(agencyCode ? { agencyCode } : {})
        .sort({ createdAt: -1 })
        .limit(500)
        .lean<ElectionReportDutyDoc[]>();
      return docs.map(toDuty);
    },

    /** Records the report to the Minister once; the same report again answers the stored duty. */
    async recordReport(
      id: string,
      report: NonNullable<ElectionReportDutyDto['report']>,
    ): Promise<{ duty: ElectionReportDutyDto; changed: boolean }> {
      const doc = await ElectionReportDuty.findById(id).lean<ElectionReportDutyDoc>();
      if (!doc) throw new DomainError('NOT_FOUND', 'Kewajiban laporan tidak ditemukan', 'dutyId');
      if (doc.report) {
        if (doc.report.letterNumber === report.letterNumber && doc.report.date === report.date)
          return { duty: toDuty(doc), changed: false };
        throw new DomainError('ALREADY_DECIDED', 'Laporan kepada Menteri Dalam Negeri sudah dicatat', 'dutyId');
      }
      const r = await ElectionReportDuty.updateOne({ _id: id, report: null }, { $set: { report } });
      if (r.modifiedCount === 0) {
        const again = await ElectionReportDuty.findById(id).lean<ElectionReportDutyDoc>();
        return { duty: toDuty(again!), changed: false };
      }
      return { duty: toDuty({ ...doc, report }), changed: true };
    },
  };
}
