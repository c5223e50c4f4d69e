import { createHash } from 'node:crypto';
import {
  aspectScoreProblem,
  computeMeritIndex,
  DomainError,
  effectiveScore,
  meritAssessmentTransition,
  type Actor,
  type MeritAspectConfig,
  type MeritAssessmentAction,
  type MeritAssessmentDecisionRequest,
  type MeritAssessmentDto,
  type MeritAssessmentStatus,
  type MeritEvidenceDto,
  type TalentGateDecisionDto,
  type TalentGateDecisionKind,
  type TalentGateStateDto,
  type TalentSystemApprovalRequest,
} from '@seleksi/domain';
import { asBuffer, isDuplicateKeyError } from '@seleksi/kit';
import {
  toActor,
  type AssessmentModels,
  type MeritAssessmentDoc,
  type MeritEvidenceDoc,
  type TalentGateDecisionDoc,
} from '../models';

/** The body stored as JSON: the DTO without what is kept as columns or read from elsewhere. */
type StoredBody = Omit<MeritAssessmentDto, 'id' | 'agencyCode' | 'status' | 'version' | 'evidence'>;

const META = { bytes: 0 } as const;

export function meritAssessmentId(agencyCode: string, seq: number): string {
  return `MA-${agencyCode}-${seq}`;
}

/** The agency of an assessment id (`MA-<agency>-<seq>`), or null when it is no such id. */
export function agencyOfMeritAssessmentId(id: string): string | null {
  const m = /^MA-([A-Za-z0-9_-]{1,40})-(\d{1,6})$/.exec(id);
  return m ? m[1]! : null;
}

function evidenceDto(d: Omit<MeritEvidenceDoc, 'bytes'>): MeritEvidenceDto {
  return {
    id: d._id,
    assessmentId: d.assessmentId,
    agencyCode: d.agencyCode,
    aspectCode: d.aspectCode,
    fileName: d.fileName,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: toActor(d.uploadedBy),
  };
}

function decisionDto(d: TalentGateDecisionDoc): TalentGateDecisionDto {
  return {
    decisionId: d._id,
    agencyCode: d.agencyCode,
    kind: d.kind as TalentGateDecisionKind,
    assessmentId: d.assessmentId ?? null,
    by: toActor(d.by),
    at: d.at.toISOString(),
    reason: d.reason ?? null,
    payload: JSON.parse(d.payload) as Record<string, unknown>,
  };
}

function decisionDoc(d: TalentGateDecisionDto, stream: string, seq: number): TalentGateDecisionDoc {
  return {
    _id: d.decisionId,
    agencyCode: d.agencyCode,
    stream,
    seq,
    kind: d.kind,
    assessmentId: d.assessmentId,
    by: d.by,
    at: new Date(d.at),
    reason: d.reason,
    payload: JSON.stringify(d.payload),
    recordedAt: new Date(),
  };
}

const ACTION_KIND: Record<Exclude<MeritAssessmentAction, 'EDIT'>, TalentGateDecisionKind> = {
  SUBMIT: 'ASSESSMENT_SUBMITTED',
  ADJUST: 'ASSESSMENT_ADJUSTED',
  RETURN: 'ASSESSMENT_RETURNED',
  VALIDATE: 'ASSESSMENT_VALIDATED',
};

/**
 * Merit-system assessments, their evidence, and the append-only log of the decisions on an agency's talent
 * gate (assessment steps and the overseer's approval of the talent-management system). The gate reads only
 * the log: the latest validation and the latest approval or withdrawal.
 */
export function createMeritAssessmentRepository({
  MeritAssessment,
  MeritEvidence,
  TalentGateDecision,
}: AssessmentModels) {
  /** Appends a decision; false when one with its id is already recorded. */
  async function append(d: TalentGateDecisionDto, stream: string, seq: number): Promise<boolean> {
    try {
      await TalentGateDecision.collection.insertOne(decisionDoc(d, stream, seq) as never);
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Re-appends the decision a state write carried when the append after it was lost (a crash in between). */
  async function repair(doc: MeritAssessmentDoc): Promise<void> {
    if (!doc.lastDecision) return;
    const d = JSON.parse(doc.lastDecision) as TalentGateDecisionDto;
    if (await TalentGateDecision.exists({ _id: d.decisionId })) return;
    await append(d, doc._id, doc.version);
  }

  async function evidenceOf(assessmentId: string): Promise<MeritEvidenceDto[]> {
    const docs = await MeritEvidence.find({ assessmentId }, META).lean<MeritEvidenceDoc[]>();
    return docs.map(evidenceDto).sort((a, b) => a.uploadedAt.localeCompare(b.uploadedAt) || a.id.localeCompare(b.id));
  }

  async function toDto(doc: MeritAssessmentDoc): Promise<MeritAssessmentDto> {
    const body = JSON.parse(doc.json) as StoredBody;
    return {
      id: doc._id,
      agencyCode: doc.agencyCode,
      status: doc.status as MeritAssessmentStatus,
      version: doc.version,
      ...body,
      evidence: await evidenceOf(doc._id),
    };
  }

  async function load(id: string): Promise<MeritAssessmentDoc> {
    const doc = await MeritAssessment.findById(id).lean<MeritAssessmentDoc>();
    if (!doc) throw new DomainError('NOT_FOUND', `Penilaian sistem merit ${id} tidak ditemukan`, 'assessmentId');
    await repair(doc);
    return doc;
  }

  /** Writes the next state if nobody wrote since `doc` was read (CONFLICT otherwise). */
  async function write(
    doc: MeritAssessmentDoc,
    next: MeritAssessmentDto,
    decision: TalentGateDecisionDto | null,
    now: Date,
  ): Promise<void> {
    const { id, agencyCode, status, version, evidence: _evidence, ...body } = next;
    const r = await MeritAssessment.replaceOne(
      { _id: doc._id, version: doc.version },
      {
        agencyCode,
        seq: doc.seq,
        status,
        version,
        json: JSON.stringify(body),
        lastDecision: decision ? JSON.stringify(decision) : null,
        updatedAt: now,
      },
    );
    if (r.matchedCount === 0)
      throw new DomainError(
        'CONFLICT',
        'Penilaian ini baru saja diubah orang lain; muat ulang lalu ulangi',
        'assessmentId',
      );
    if (decision) await append(decision, id, version);
  }

  function checkVersion(doc: MeritAssessmentDoc, expected: number): void {
    if (doc.version !== expected)
      throw new DomainError(
        'CONFLICT',
        'Penilaian ini baru saja diubah orang lain; muat ulang lalu ulangi',
        'assessmentId',
      );
  }

  function transition(doc: MeritAssessmentDoc, action: MeritAssessmentAction): MeritAssessmentStatus {
    const t = meritAssessmentTransition(doc.status as MeritAssessmentStatus, action);
    if (!t.ok) throw new DomainError('WRONG_STAGE', t.problem.message, t.problem.field);
    return t.next;
  }

  async function latestOf(agencyCode: string): Promise<MeritAssessmentDoc | null> {
    return MeritAssessment.findOne({ agencyCode }).sort({ seq: -1 }).lean<MeritAssessmentDoc>();
  }

  return {
    /** A new draft; CONFLICT while the agency's latest assessment is not validated. */
    async start(args: {
      agencyCode: string;
      period: string;
      config: MeritAspectConfig;
      by: Actor;
    }): Promise<MeritAssessmentDto> {
      const latest = await latestOf(args.agencyCode);
      if (latest && latest.status !== 'VALIDATED')
        throw new DomainError(
          'CONFLICT',
          `Penilaian ${latest._id} belum divalidasi; lanjutkan penilaian itu`,
          'agencyCode',
        );
      const seq = (latest?.seq ?? 0) + 1;
      const now = new Date();
      const dto: MeritAssessmentDto = {
        id: meritAssessmentId(args.agencyCode, seq),
        agencyCode: args.agencyCode,
        period: args.period,
        status: 'DRAFT',
        config: args.config,
        aspects: args.config.aspects.map((a) => ({
          code: a.code,
          score: null,
          note: null,
          adjustedScore: null,
          adjustmentReason: null,
        })),
        evidence: [],
        version: 1,
        submissions: 0,
        createdBy: args.by,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        submittedAt: null,
        returnReason: null,
        validatedAt: null,
        index: null,
        category: null,
      };
      const { id, agencyCode, status, version, evidence: _e, ...body } = dto;
      try {
        await MeritAssessment.collection.insertOne({
          _id: id,
          agencyCode,
          seq,
          status,
          version,
          json: JSON.stringify(body),
          lastDecision: null,
          updatedAt: now,
        } as never);
      } catch (err) {
        if (isDuplicateKeyError(err))
          throw new DomainError('CONFLICT', 'Penilaian baru saja dibuat orang lain; muat ulang', 'agencyCode');
        throw err;
      }
      return dto;
    },

    async get(id: string): Promise<MeritAssessmentDto | null> {
      const doc = await MeritAssessment.findById(id).lean<MeritAssessmentDoc>();
      if (!doc) return null;
      await repair(doc);
      return toDto(doc);
    },

    /** An agency's assessments newest first, or every agency's in one status (oldest change first). */
    async list(query: { agencyCode?: string; status?: MeritAssessmentStatus }): Promise<MeritAssessmentDto[]> {
      const docs = query.agencyCode
        ? (
            await MeritAssessment.find({ agencyCode: query.agencyCode }).sort({ seq: -1 }).lean<MeritAssessmentDoc[]>()
          ).filter((d) => !query.status || d.status === query.status)
        : await MeritAssessment.find({ status: query.status })
            .sort({ updatedAt: 1 })
            .limit(500)
            .lean<MeritAssessmentDoc[]>();
      return Promise.all(docs.map(toDto));
    },

    /** The agency's scores and notes (a draft or a returned assessment); omitted aspects keep theirs. */
    async edit(
      id: string,
      req: { expectedVersion: number; aspects: { code: string; score: number | null; note: string | null }[] },
    ): Promise<MeritAssessmentDto> {
      const doc = await load(id);
      checkVersion(doc, req.expectedVersion);
      const status = transition(doc, 'EDIT');
      const current = await toDto(doc);
      const byCode = new Map(current.config.aspects.map((a) => [a.code, a]));
      const aspects = current.aspects.map((s) => ({ ...s }));
      req.aspects.forEach((change, i) => {
        const aspect = byCode.get(change.code);
        if (!aspect)
          throw new DomainError('VALIDATION_FAILED', `Aspek ${change.code} tidak dikenal`, `aspects.${i}.code`);
        if (change.score !== null) {
          const problem = aspectScoreProblem(aspect, change.score);
          if (problem) throw new DomainError('VALIDATION_FAILED', problem, `aspects.${i}.score`);
        }
        const target = aspects.find((s) => s.code === change.code)!;
        target.score = change.score;
        target.note = change.note;
      });
      const now = new Date();
      const next: MeritAssessmentDto = {
        ...current,
        status,
        aspects,
        version: doc.version + 1,
        updatedAt: now.toISOString(),
      };
      await write(doc, next, null, now);
      return next;
    },

    async decide(
      id: string,
      req: MeritAssessmentDecisionRequest,
    ): Promise<{ assessment: MeritAssessmentDto; decision: TalentGateDecisionDto }> {
      const doc = await load(id);
      checkVersion(doc, req.expectedVersion);
      const status = transition(doc, req.action);
      const current = await toDto(doc);
      const now = new Date();
      const version = doc.version + 1;
      const aspects = current.aspects.map((s) => ({ ...s }));
      let payload: Record<string, unknown> = {};
      const next: MeritAssessmentDto = { ...current, status, aspects, version, updatedAt: now.toISOString() };
      const snapshot = () => aspects.map((s) => ({ code: s.code, score: s.score, adjustedScore: s.adjustedScore }));

      switch (req.action) {
        case 'SUBMIT': {
          const index = computeMeritIndex(current.config, aspects);
          if (!index.ok) {
            const p = index.problems[0]!;
            throw new DomainError('VALIDATION_FAILED', index.problems.map((x) => x.message).join('; '), p.field);
          }
          next.submissions = current.submissions + 1;
          next.submittedAt = now.toISOString();
          next.returnReason = null;
          payload = {
            submission: next.submissions,
            period: current.period,
            selfAssessedIndex: index.value.index,
            aspects: aspects.map((s) => ({ code: s.code, score: s.score, note: s.note })),
            evidence: current.evidence.map((e) => ({ id: e.id, aspectCode: e.aspectCode, sha256: e.sha256 })),
          };
          break;
        }
        case 'ADJUST': {
          const aspect = current.config.aspects.find((a) => a.code === req.aspectCode);
          if (!aspect)
            throw new DomainError('VALIDATION_FAILED', `Aspek ${req.aspectCode} tidak dikenal`, 'aspectCode');
          const problem = aspectScoreProblem(aspect, req.score);
          if (problem) throw new DomainError('VALIDATION_FAILED', problem, 'score');
          const target = aspects.find((s) => s.code === req.aspectCode)!;
          payload = {
            aspectCode: req.aspectCode,
            agencyScore: target.score,
            from: effectiveScore(target),
            to: req.score,
          };
          target.adjustedScore = req.score;
          target.adjustmentReason = req.reason;
          break;
        }
        case 'RETURN': {
          next.returnReason = req.reason;
          payload = { aspects: snapshot() };
          // The next submission is reviewed afresh: the adjustments stay in the log only.
          for (const s of aspects) {
            s.adjustedScore = null;
            s.adjustmentReason = null;
          }
          break;
        }
        case 'VALIDATE': {
          const index = computeMeritIndex(current.config, aspects);
          if (!index.ok)
            throw new DomainError('VALIDATION_FAILED', index.problems[0]!.message, index.problems[0]!.field);
          next.validatedAt = now.toISOString();
          next.index = index.value.index;
          next.category = index.value.category;
          payload = {
            period: current.period,
            index: index.value.index,
            category: index.value.category,
            validatedOn: req.validatedOn,
            configVersion: current.config.version,
            aspects: snapshot(),
          };
          break;
        }
      }
      const decision: TalentGateDecisionDto = {
        decisionId: `${id}:${version}`,
        agencyCode: current.agencyCode,
        kind: ACTION_KIND[req.action],
        assessmentId: id,
        by: req.by,
        at: now.toISOString(),
        reason: req.reason ?? null,
        payload,
      };
      await write(doc, next, decision, now);
      return { assessment: next, decision };
    },

    /** Stores a PDF once per (assessment, aspect, content) while the agency may still edit. */
    async storeEvidence(args: {
      assessmentId: string;
      aspectCode: string;
      fileName: string;
      bytes: Buffer;
      by: Actor;
    }): Promise<MeritEvidenceDto> {
      const doc = await load(args.assessmentId);
      transition(doc, 'EDIT');
      const body = JSON.parse(doc.json) as StoredBody;
      if (!body.config.aspects.some((a) => a.code === args.aspectCode))
        throw new DomainError('VALIDATION_FAILED', `Aspek ${args.aspectCode} tidak dikenal`, 'aspectCode');
      const sha256 = createHash('sha256').update(args.bytes).digest('hex');
      const key = JSON.stringify([args.assessmentId, args.aspectCode, sha256]);
      const id = `me-${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
      const evidence: MeritEvidenceDoc = {
        _id: id,
        assessmentId: args.assessmentId,
        agencyCode: doc.agencyCode,
        aspectCode: args.aspectCode,
        fileName: args.fileName,
        sizeBytes: args.bytes.length,
        sha256,
        bytes: args.bytes,
        uploadedAt: new Date(),
        uploadedBy: args.by,
      };
      try {
        await MeritEvidence.collection.insertOne(evidence as never);
        return evidenceDto(evidence);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const stored = await MeritEvidence.findById(id, META).lean<MeritEvidenceDoc>();
        if (!stored) throw err;
        return evidenceDto(stored);
      }
    },

    async evidence(id: string): Promise<{ file: MeritEvidenceDto; bytes: Buffer } | null> {
      const doc = await MeritEvidence.findById(id).lean<MeritEvidenceDoc>();
      return doc ? { file: evidenceDto(doc), bytes: asBuffer(doc.bytes) } : null;
    },

    /** The overseer approves the agency's talent-management system, or withdraws the standing approval. */
    async decideApproval(agencyCode: string, req: TalentSystemApprovalRequest): Promise<TalentGateDecisionDto> {
      const stream = `approval:${agencyCode}`;
      const last = await TalentGateDecision.findOne({ stream }).sort({ seq: -1 }).lean<TalentGateDecisionDoc>();
      if (req.action === 'WITHDRAW' && last?.kind !== 'TALENT_SYSTEM_APPROVED')
        throw new DomainError(
          'WRONG_STAGE',
          'Tidak ada persetujuan sistem manajemen talenta yang dapat dicabut',
          'agencyCode',
        );
      const seq = (last?.seq ?? 0) + 1;
      const decision: TalentGateDecisionDto = {
        decisionId: `${stream}:${seq}`,
        agencyCode,
        kind: req.action === 'APPROVE' ? 'TALENT_SYSTEM_APPROVED' : 'TALENT_SYSTEM_WITHDRAWN',
        assessmentId: null,
        by: req.by,
        at: new Date().toISOString(),
        reason: req.reason,
        payload:
          req.action === 'APPROVE'
            ? { approvedOn: req.approvedOn, reference: req.reference }
            : { withdrawnOn: req.withdrawnOn, reference: req.reference },
      };
      if (!(await append(decision, stream, seq)))
        throw new DomainError(
          'CONFLICT',
          'Persetujuan ini baru saja diputuskan orang lain; muat ulang lalu ulangi',
          'agencyCode',
        );
      return decision;
    },

    /** What the gate reads: the latest validation and the standing approval, from the log only. */
    async gateState(agencyCode: string): Promise<TalentGateStateDto> {
      const open = await MeritAssessment.find({ agencyCode }).lean<MeritAssessmentDoc[]>();
      await Promise.all(open.map(repair));
      const [validated, approval] = await Promise.all([
        TalentGateDecision.findOne({ agencyCode, kind: 'ASSESSMENT_VALIDATED' })
          .sort({ at: -1, _id: -1 })
          .lean<TalentGateDecisionDoc>(),
        TalentGateDecision.findOne({ stream: `approval:${agencyCode}` })
          .sort({ seq: -1 })
          .lean<TalentGateDecisionDoc>(),
      ]);
      const v = validated ? decisionDto(validated) : null;
      const a = approval ? decisionDto(approval) : null;
      return {
        agencyCode,
        validated: v
          ? {
              assessmentId: v.assessmentId!,
              period: String(v.payload.period),
              index: Number(v.payload.index),
              category: v.payload.category as NonNullable<TalentGateStateDto['validated']>['category'],
              validatedOn: String(v.payload.validatedOn),
              decisionId: v.decisionId,
            }
          : null,
        approval:
          a && a.kind === 'TALENT_SYSTEM_APPROVED'
            ? {
                approvedOn: String(a.payload.approvedOn),
                reference: String(a.payload.reference),
                decisionId: a.decisionId,
                by: a.by,
                at: a.at,
              }
            : null,
      };
    },

    /** Every decision on the agency's talent gate, oldest first. */
    async decisions(agencyCode: string): Promise<TalentGateDecisionDto[]> {
      const open = await MeritAssessment.find({ agencyCode }).lean<MeritAssessmentDoc[]>();
      await Promise.all(open.map(repair));
      const docs = await TalentGateDecision.find({ agencyCode })
        .sort({ at: 1, _id: 1 })
        .lean<TalentGateDecisionDoc[]>();
      return docs.map(decisionDto);
    },
  };
}
export type MeritAssessmentRepository = ReturnType<typeof createMeritAssessmentRepository>;
