import { randomUUID } from 'node:crypto';
import {
  applyProfileCorrections,
  changedProfileFields,
  DomainError,
  profileCorrectionIssues,
  type ProfileCorrections,
  type ProfileDisputeDecisionRequest,
  type ProfileDisputeDecisionResult,
  type ProfileDisputeDto,
  type ProfileDisputeResolutionDto,
  type ProfileDto,
  type ProfileField,
} from '@seleksi/domain';
import { decodeCursor, encodeCursor, isDuplicateKeyError, type Page } from '@seleksi/kit';
import { z } from 'zod';
import {
  toActor,
  type CandidateModels,
  type ProfileConfirmationDoc,
  type ProfileDisputeDecisionDoc,
  type ProfileDoc,
} from '../models';
import type { AuditRecordRepository } from './audit-records';
import type { NoticeRepository } from './notices';
import { importChange, profileVersion, type ProfileVersionRepository } from './profile-versions';
import type { ProfileRepository } from './profiles';

const cursorSchema = z.object({ a: z.iso.datetime(), i: z.string() });

/** The audit record's "selection" of a profile's decisions (the record is keyed by selection). */
export const profileAuditKey = (candidateId: string): string => `profile:${candidateId}`;

function resolutionOf(d: ProfileDisputeDecisionDoc): ProfileDisputeResolutionDto {
  return {
    decisionId: d.decisionId,
    outcome: d.outcome,
    reason: d.reason ?? null,
    corrected: [...(d.corrected ?? [])],
    by: toActor(d.by),
    at: d.at.toISOString(),
  };
}

function fromConfirmation(doc: ProfileConfirmationDoc): ProfileDisputeDto {
  return {
    id: doc.disputeId!,
    candidateId: doc._id,
    agencyCode: doc.agencyCode ?? '',
    note: doc.note ?? '',
    fields: [...doc.fields],
    at: doc.at.toISOString(),
    by: toActor(doc.by),
    open: doc.open === true,
    resolution: doc.resolution ?? null,
  };
}

function fromDecision(d: ProfileDisputeDecisionDoc): ProfileDisputeDto {
  return {
    id: d._id,
    candidateId: d.candidateId,
    agencyCode: d.agencyCode,
    note: d.dispute.note,
    fields: [...d.dispute.fields],
    at: new Date(d.dispute.at).toISOString(),
    by: toActor(d.dispute.by),
    open: false,
    resolution: resolutionOf(d),
  };
}

/**
 * Values of the changed parts for the audit record: no NIP (the audit refuses personal data), the other
 * parts as they are.
 */
function auditValues(p: ProfileDto, fields: ProfileField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f !== 'nip') out[f] = p[f] ?? null;
  return out;
}

/**
 * The staff's queue of disputed profiles and their decisions. A decision is claimed by a unique insert
 * keyed by the dispute; its effects (the profile's previous version and change, the audit record, the
 * candidate's notice, the dispute closed) are each idempotent and run again by a retry until the dispute
 * is closed, so a crash between them is repaired by sending the decision again.
 */
export function createProfileDisputeRepository(
  { ProfileConfirmation, ProfileDisputeDecision, Profile, Agency }: CandidateModels,
  deps: {
    profiles: ProfileRepository;
    profileVersions: ProfileVersionRepository;
    auditRecords: AuditRecordRepository;
    notices: NoticeRepository;
  },
) {
  async function effects(d: ProfileDisputeDecisionDoc): Promise<void> {
    if (d.outcome === 'ACCEPTED') {
      // The import that wrote the profile, while the decision has not yet replaced it (a retry finds none).
      const stored = await Profile.findById(d.candidateId, { importedFrom: 1 }).lean<
        Pick<ProfileDoc, 'importedFrom'>
      >();
      const by = toActor(d.by);
      await deps.profileVersions.record([
        profileVersion(d.decisionId, d.before, stored?.importedFrom ? importChange(stored.importedFrom) : null, {
          kind: 'PROFILE_DISPUTE',
          id: d._id,
          fileName: null,
          reason: d.reason,
          byUserId: by.userId,
          byName: by.displayName ?? by.userId,
          at: d.at,
        }),
      ]);
      await deps.profiles.upsert(applyProfileCorrections(d.before, d.corrections));
    }
    const after = d.outcome === 'ACCEPTED' ? applyProfileCorrections(d.before, d.corrections) : d.before;
    await deps.auditRecords.record({
      decisionId: d.decisionId,
      selectionId: profileAuditKey(d.candidateId),
      workflowId: 'candidate:profile-disputes',
      kind: d.outcome === 'ACCEPTED' ? 'PROFILE_DISPUTE_ACCEPTED' : 'PROFILE_DISPUTE_REJECTED',
      by: toActor(d.by),
      at: d.at.toISOString(),
      reason: d.reason,
      subjectId: d.candidateId,
      payload: {
        disputeId: d._id,
        agencyCode: d.agencyCode,
        disputedFields: d.dispute.fields,
        disputeNote: d.dispute.note,
        corrected: d.corrected,
        before: auditValues(d.before, d.corrected),
        after: auditValues(after, d.corrected),
      },
    });
    await deps.notices.enqueueForProfileDispute(d);
    await ProfileConfirmation.updateOne(
      { _id: d.candidateId, disputeId: d._id },
      { $set: { open: false, resolution: resolutionOf(d), updatedAt: new Date() } },
    );
  }

  async function current(disputeId: string): Promise<ProfileConfirmationDoc | null> {
    return ProfileConfirmation.findOne({ disputeId }).lean<ProfileConfirmationDoc>();
  }

  async function validate(doc: ProfileConfirmationDoc, profile: ProfileDto, corrections: ProfileCorrections) {
    const today = new Date().toISOString().slice(0, 10);
    const [first] = profileCorrectionIssues(profile, doc.fields, corrections, today);
    if (first) throw new DomainError(first.code, first.message, first.field);
    if (corrections.agencyCode !== undefined && !(await Agency.exists({ _id: corrections.agencyCode }))) {
      throw new DomainError(
        'NOT_FOUND',
        `Instansi ${corrections.agencyCode} tidak ditemukan`,
        'corrections.agencyCode',
      );
    }
    if (corrections.nip !== undefined) {
      const nip = corrections.nip.replace(/\s+/g, '');
      if (await Profile.exists({ nip, _id: { $ne: profile.id } })) {
        throw new DomainError('CONFLICT', 'NIP sudah terdaftar pada profil lain', 'corrections.nip');
      }
    }
  }

  return {
    /**
     * Puts disputes stored before the queue existed (no disputeId) into their agency's queue. Returns how
     * many; run at start-up, a no-op once done.
     */
    async backfillQueue(): Promise<number> {
      const docs = await ProfileConfirmation.find({ status: 'DISPUTED', disputeId: { $exists: false } }).lean<
        ProfileConfirmationDoc[]
      >();
      let n = 0;
      for (const doc of docs) {
        const profile = await Profile.findById(doc._id, { agencyCode: 1 }).lean<{ agencyCode: string }>();
        if (!profile) continue;
        const r = await ProfileConfirmation.updateOne(
          { _id: doc._id, status: 'DISPUTED', disputeId: { $exists: false } },
          { $set: { disputeId: randomUUID(), agencyCode: profile.agencyCode, open: true, resolution: null } },
        );
        n += r.modifiedCount;
      }
      return n;
    },

    /** Open disputes oldest first, of one agency (or of all when `agencyCode` is null). */
    async listOpen(agencyCode: string | null, limit: number, after?: string): Promise<Page<ProfileDisputeDto>> {
      const query: Record<string, unknown> = agencyCode ? { agencyCode, open: true } : { open: true };
      if (after) {
        const { a, i } = decodeCursor(after, cursorSchema);
        const at = new Date(a);
        query.$or = [{ at: { $gt: at } }, { at, _id: { $gt: i } }];
      }
      const docs = await ProfileConfirmation.find(query)
        .sort({ at: 1, _id: 1 })
        .limit(limit + 1)
        .lean<ProfileConfirmationDoc[]>();
      const page = docs.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(fromConfirmation),
        nextCursor: docs.length > limit && last ? encodeCursor({ a: last.at.toISOString(), i: last._id }) : null,
      };
    },

    async countOpen(agencyCode: string | null): Promise<number> {
      return ProfileConfirmation.countDocuments(agencyCode ? { agencyCode, open: true } : { open: true });
    },

    /** The dispute, open or decided (decided ones stay readable after the candidate answers again). */
    async get(disputeId: string): Promise<ProfileDisputeDto | null> {
      const decided = await ProfileDisputeDecision.findById(disputeId).lean<ProfileDisputeDecisionDoc>();
      if (decided) return fromDecision(decided);
      const doc = await current(disputeId);
      return doc ? fromConfirmation(doc) : null;
    },

    /**
     * Decides the dispute once: ACCEPTED applies the corrections (validated by the domain rules), REJECTED
     * keeps the profile. The same outcome again answers the recorded decision (`created: false`); the other
     * outcome is ALREADY_DECIDED.
     */
    async decide(disputeId: string, req: ProfileDisputeDecisionRequest): Promise<ProfileDisputeDecisionResult> {
      let decision = await ProfileDisputeDecision.findById(disputeId).lean<ProfileDisputeDecisionDoc>();
      let created = false;
      if (!decision) {
        const doc = await current(disputeId);
        if (!doc || doc.status !== 'DISPUTED' || !doc.open) {
          throw new DomainError('NOT_FOUND', 'Sanggahan tidak ditemukan atau sudah ditarik oleh peserta', 'disputeId');
        }
        const profile = await deps.profiles.get(doc._id);
        if (!profile) throw new DomainError('NOT_FOUND', 'Profil tidak ditemukan', 'disputeId');
        const corrections = req.outcome === 'ACCEPTED' ? req.corrections : {};
        if (req.outcome === 'ACCEPTED') await validate(doc, profile, corrections);
        const fresh: ProfileDisputeDecisionDoc = {
          _id: disputeId,
          decisionId: `profile-dispute:${disputeId}`,
          candidateId: doc._id,
          agencyCode: doc.agencyCode ?? profile.agencyCode,
          dispute: { note: doc.note ?? '', fields: [...doc.fields], at: doc.at, by: toActor(doc.by) },
          outcome: req.outcome,
          reason: req.reason,
          corrections,
          corrected: req.outcome === 'ACCEPTED' ? changedProfileFields(profile, corrections) : [],
          before: profile,
          by: toActor(req.by),
          at: new Date(req.at),
          recordedAt: new Date(),
        };
        try {
          await ProfileDisputeDecision.collection.insertOne(fresh as never);
          decision = fresh;
          created = true;
        } catch (err) {
          if (!isDuplicateKeyError(err)) throw err;
          decision = await ProfileDisputeDecision.findById(disputeId).lean<ProfileDisputeDecisionDoc>();
          if (!decision) throw new Error('profile dispute decision vanished after a duplicate key');
        }
      }
      if (decision.outcome !== req.outcome) {
        const was = decision.outcome === 'ACCEPTED' ? 'diterima' : 'ditolak';
        throw new DomainError('ALREADY_DECIDED', `Sanggahan ini sudah ${was}`, 'outcome');
      }
      const doc = await current(disputeId);
      // Effects run until the dispute is closed (a retry after a crash completes them, never twice).
      if (doc?.open) await effects(decision);
      return { dispute: fromDecision(decision), created };
    },
  };
}
export type ProfileDisputeRepository = ReturnType<typeof createProfileDisputeRepository>;
