/**
 * Activities of talent mapping: read employees, assessments and track records from the services,
 * compute each box with the agency's pinned scoring rules, write the map; then derive the KRS.
 * Every write is an idempotent upsert, so a retried batch changes nothing twice.
 */
import { heartbeat } from '@temporalio/activity';
import {
  DEFAULT_SELECTION_RULES,
  defaultLegalBasis,
  defaultTalentSettings,
  deriveSuccessionGroup,
  localDateOf,
  scoreTalent,
  SUCCESSOR_TIE_BREAK_ID,
  talentPoolBoxes,
  type AgencyDto,
  type DocumentDto,
  type IssueDocumentRequest,
  type LocalDate,
  type OfficialDocumentRequest,
  type OverseerEra,
  type SuccessorCandidate,
  type TargetPost,
  type ProfileDto,
  type ScoreRecordDto,
  type SuccessionGroupDto,
  type TalentMapEntryDto,
  type TalentSettings,
  type PoolMember,
  DEFAULT_ELIGIBILITY_RULES,
} from '@seleksi/domain';
import type { AssessmentResultDto } from '@seleksi/kit';
import { callService } from '../activity-errors';
import { decreeConsiderations, jptPhrase } from '../open-selection/documents';

export interface TalentMappingPorts {
  candidate: {
    countProfiles(agencyCode: string): Promise<number>;
    listProfilesPage(q: { agencyCode: string; limit: number; after?: string | null }): Promise<{
      items: ProfileDto[];
      nextCursor: string | null;
    }>;
    getProfilesByIds(ids: readonly string[]): Promise<(ProfileDto | null)[]>;
    getAgency(code: string): Promise<AgencyDto | null>;
  };
  assessment: {
    getTalentSettings(agencyCode: string): Promise<TalentSettings | null>;
    listAssessmentResultsFor(candidateIds: string[]): Promise<AssessmentResultDto[]>;
    listScoreRecordsFor(candidateIds: string[], kind: 'TRACK_RECORD'): Promise<ScoreRecordDto[]>;
    putTalentMapEntries(items: TalentMapEntryDto[]): Promise<unknown>;
    listTalentMapEntries(q: {
      agencyCode: string;
      period: string;
      box?: number;
      limit?: number;
      after?: string | null;
    }): Promise<{ items: TalentMapEntryDto[]; nextCursor: string | null }>;
    putSuccessionGroup(dto: SuccessionGroupDto): Promise<unknown>;
    deleteTalentMapPeriod(agencyCode: string, period: string): Promise<unknown>;
  };
  document: {
    issueDocument(req: IssueDocumentRequest): Promise<DocumentDto>;
  };
}

export interface MapBatchArgs {
  agencyCode: string;
  period: string;
  asOf: LocalDate;
  runId: string;
  after: string | null;
  limit: number;
  mappedAt: string;
  /** The run's pinned settings (absent in runs started before settings were pinned: read them). */
  settings?: TalentSettings;
}

export interface MapBatchResult {
  processed: number;
  unmapped: number;
  byBox: Record<string, number>;
  nextCursor: string | null;
}

/** 'Kepala Bidang …, Dinas …': the post a member holds now (the career entry without an end), or '-'. */
function currentPost(profile: ProfileDto): string {
  const now = profile.careers.find((c) => !c.to) ?? null;
  return now ? `${now.position}, ${now.unit}` : '-';
}

/**
 * The PPK's decision on the succession-plan group (KRS) of a target post: considerations from the talent
 * map, the default legal basis of talent management, and the group, in successor order, as the attachment.
 * Talent settings carry no overseer era: the era of new selections (DEFAULT_SELECTION_RULES) applies.
 */
export function buildSuccessionGroupDecision(args: {
  agency: AgencyDto;
  post: TargetPost;
  period: string;
  year: number;
  date: LocalDate;
  poolBoxes: readonly number[];
  group: readonly Pick<SuccessorCandidate, 'order' | 'box' | 'score' | 'profile'>[];
  era?: OverseerEra;
}): OfficialDocumentRequest {
  const { agency, post, period, year, group } = args;
  const signatory = { name: `Pejabat Pembina Kepegawaian ${agency.name}`, title: 'Pejabat Pembina Kepegawaian' };
  const title = `Kelompok Rencana Suksesi Jabatan ${post.title} Tahun ${year}`;
  const boxes = args.poolBoxes.join(', ');
  const listed =
    group.length > 0
      ? `Menetapkan kelompok rencana suksesi untuk jabatan ${post.title} (${jptPhrase([post.level])}) pada ` +
        `${post.unit} dengan susunan dan urutan suksesor sebagaimana tercantum dalam Lampiran yang merupakan ` +
        'bagian tidak terpisahkan dari Keputusan ini.'
      : `Kelompok rencana suksesi untuk jabatan ${post.title} (${jptPhrase([post.level])}) pada ${post.unit} ` +
        'belum dapat diisi karena belum terdapat talenta yang memenuhi syarat; jabatan tersebut diisi melalui ' +
        'seleksi terbuka bila lowong.';
  return {
    idempotencyKey: `succession-group:${agency.code}:${year}:${post.id}:${period}`,
    kind: 'SUCCESSION_GROUP_DECISION',
    agency,
    selectionId: null,
    title,
    date: args.date,
    visibility: 'PUBLIC',
    decree: {
      considering: decreeConsiderations(
        [
          `bahwa berdasarkan hasil pemetaan talenta periode ${period} di lingkungan ${agency.name}, talenta pada ` +
            `kotak ${boxes} yang memenuhi persyaratan jabatan merupakan calon suksesor jabatan target`,
          `bahwa untuk menjamin kesinambungan kepemimpinan pada jabatan ${post.title} pada ${post.unit}, perlu ` +
            'ditetapkan kelompok rencana suksesi',
        ],
        signatory.title,
        title,
      ),
      legalBasis: defaultLegalBasis('SUCCESSION_GROUP_DECISION', args.era ?? DEFAULT_SELECTION_RULES.overseer.era),
      decisions: [
        listed,
        ...(group.length > 0 ? [`${SUCCESSOR_TIE_BREAK_ID}.`] : []),
        'Kelompok rencana suksesi sebagaimana dimaksud dalam Diktum KESATU menjadi dasar pengisian jabatan melalui ' +
          'manajemen talenta dan berlaku sampai dengan ditetapkannya kelompok rencana suksesi berdasarkan ' +
          'pemetaan talenta periode berikutnya.',
        'Keputusan ini mulai berlaku pada tanggal ditetapkan.',
      ],
    },
    paragraphs: [],
    tables: [
      {
        caption: `Kelompok Rencana Suksesi Jabatan ${post.title}`,
        columns: [
          { header: 'Urutan', width: 0.8, align: 'center' },
          { header: 'Nama', width: 3 },
          { header: 'Jabatan Saat Ini', width: 3 },
          { header: 'Kotak', width: 0.8, align: 'center' },
          { header: 'Nilai', width: 0.8, align: 'right' },
        ],
        rows: group.map((m) => [
          String(m.order ?? '-'),
          m.profile.name,
          currentPost(m.profile),
          String(m.box),
          m.score.toFixed(2).replace('.', ','),
        ]),
      },
    ],
    signatory,
  };
}

export async function talentSettingsOf(
  assessment: TalentMappingPorts['assessment'],
  agencyCode: string,
): Promise<TalentSettings> {
  return (await callService(() => assessment.getTalentSettings(agencyCode))) ?? defaultTalentSettings(agencyCode);
}

export function createTalentMappingActivities(ports: TalentMappingPorts) {
  return {
    async countEmployees(agencyCode: string): Promise<number> {
      // The count reads the whole agency on FerretDB: keep heartbeating while it runs.
      const beat = setInterval(() => heartbeat({ stage: 'count' }), 10_000);
      try {
        return await callService(() => ports.candidate.countProfiles(agencyCode));
      } finally {
        clearInterval(beat);
      }
    },

    /**
     * A new run of a period starts from an empty map: inserting is one command for the store, where
     * replacing changed entries costs a scan each on FerretDB (about 10 ms per entry per 1,000 stored).
     */
    async clearMap(agencyCode: string, period: string): Promise<void> {
      await callService(() => ports.assessment.deleteTalentMapPeriod(agencyCode, period));
    },

    /** The agency's settings (or the defaults), read once per mapping run. */
    async readTalentSettings(agencyCode: string): Promise<TalentSettings> {
      return talentSettingsOf(ports.assessment, agencyCode);
    },

    async mapBatch(args: MapBatchArgs): Promise<MapBatchResult> {
      const settings = args.settings ?? (await talentSettingsOf(ports.assessment, args.agencyCode));
      const page = await callService(() =>
        ports.candidate.listProfilesPage({ agencyCode: args.agencyCode, limit: args.limit, after: args.after }),
      );
      heartbeat({ stage: 'profiles', count: page.items.length });
      const ids = page.items.map((p) => p.id);
      const [assessments, trackRecords] = await Promise.all([
        ids.length > 0 ? callService(() => ports.assessment.listAssessmentResultsFor(ids)) : [],
        ids.length > 0 ? callService(() => ports.assessment.listScoreRecordsFor(ids, 'TRACK_RECORD')) : [],
      ]);
      heartbeat({ stage: 'inputs' });
      // Newest assessment and newest track record per person.
      const latestAssessment = new Map<string, AssessmentResultDto>();
      for (const a of assessments) {
        const seen = latestAssessment.get(a.candidateId);
        if (!seen || a.assessedAt > seen.assessedAt) latestAssessment.set(a.candidateId, a);
      }
      const latestTrack = new Map<string, ScoreRecordDto>();
      for (const r of trackRecords) {
        const seen = latestTrack.get(r.candidateId);
        if (!seen || r.recordedAt > seen.recordedAt) latestTrack.set(r.candidateId, r);
      }
      const asOfYear = Number(args.asOf.slice(0, 4));
      const byBox: Record<string, number> = {};
      let unmapped = 0;
      const entries: TalentMapEntryDto[] = page.items.map((p) => {
        const a = latestAssessment.get(p.id);
        const t = scoreTalent(
          {
            skp: p.skp,
            assessment:
              a && a.validUntil >= args.asOf
                ? { managerial: a.managerial, socioCultural: a.socioCultural, assessedAt: a.assessedAt }
                : null,
            trackRecord: latestTrack.get(p.id)?.value ?? null,
          },
          asOfYear,
          settings.scoring,
        );
        if (t.box === null) unmapped += 1;
        else byBox[String(t.box)] = (byBox[String(t.box)] ?? 0) + 1;
        return {
          id: `${args.agencyCode}:${args.period}:${p.id}`,
          agencyCode: args.agencyCode,
          period: args.period,
          employeeId: p.id,
          box: t.box,
          potential: t.potential,
          performance: t.performance,
          performanceScore: t.performanceScore,
          potentialScore: t.potentialScore,
          score: t.score,
          missing: t.missing,
          mappedAt: args.mappedAt,
          runId: args.runId,
        };
      });
      for (let i = 0; i < entries.length; i += 500) {
        await callService(() => ports.assessment.putTalentMapEntries(entries.slice(i, i + 500)));
        heartbeat({ stage: 'write', written: Math.min(i + 500, entries.length) });
      }
      return { processed: entries.length, unmapped, byBox, nextCursor: page.nextCursor };
    },

    /** The KRS of every target post: the best eligible talents of the pool boxes, published as a decision. */
    async deriveSuccessionGroups(args: {
      agencyCode: string;
      period: string;
      asOf: LocalDate;
      publishedAt: string;
      settings?: TalentSettings;
    }): Promise<number> {
      const settings = args.settings ?? (await talentSettingsOf(ports.assessment, args.agencyCode));
      if (settings.targetPosts.length === 0) return 0;
      const agency = await callService(() => ports.candidate.getAgency(args.agencyCode));
      const pool = await loadPool(ports, args.agencyCode, args.period, settings);
      heartbeat({ stage: 'pool', size: pool.length });
      const year = Number(args.period.slice(0, 4));
      for (const post of settings.targetPosts) {
        const group = deriveSuccessionGroup({
          pool,
          level: post.level,
          field: post.field ?? null,
          asOf: args.asOf,
          plannedInaugurationDate: args.asOf,
          numbering: settings.scoring.numbering,
          eligibility: DEFAULT_ELIGIBILITY_RULES,
          retirement: settings.retirement,
          selectionAgency: { code: args.agencyCode, province: agency?.province ?? '' },
          size: 3,
        });
        const id = `${args.agencyCode}:${year}:${post.id}`;
        const doc = agency
          ? await callService(() =>
              ports.document.issueDocument(
                buildSuccessionGroupDecision({
                  agency,
                  post,
                  period: args.period,
                  year,
                  date: localDateOf(args.publishedAt, agency.timeZone),
                  poolBoxes: talentPoolBoxes(settings.scoring.numbering),
                  group,
                }),
              ),
            )
          : null;
        await callService(() =>
          ports.assessment.putSuccessionGroup({
            id,
            agencyCode: args.agencyCode,
            year,
            postId: post.id,
            postTitle: post.title,
            level: post.level,
            members: group.map((m) => ({ employeeId: m.employeeId, order: m.order ?? 0, box: m.box, score: m.score })),
            derivedFrom: args.period,
            publishedAt: args.publishedAt,
            documentId: doc?.id ?? null,
          }),
        );
        heartbeat({ stage: 'krs', postId: post.id });
      }
      return settings.targetPosts.length;
    },
  };
}

/** The talent pool of a map (boxes of the pool in the agency's numbering) with the profiles. */
export async function loadPool(
  ports: Pick<TalentMappingPorts, 'candidate' | 'assessment'>,
  agencyCode: string,
  period: string,
  settings: TalentSettings,
): Promise<PoolMember[]> {
  const entries: TalentMapEntryDto[] = [];
  for (const box of talentPoolBoxes(settings.scoring.numbering)) {
    let after: string | null = null;
    do {
      const page = await callService(() =>
        ports.assessment.listTalentMapEntries({ agencyCode, period, box, limit: 500, after }),
      );
      entries.push(...page.items);
      after = page.nextCursor;
    } while (after);
  }
  const profiles =
    entries.length > 0
      ? await callService(() => ports.candidate.getProfilesByIds(entries.map((e) => e.employeeId)))
      : [];
  return entries.flatMap((e, i) => {
    const profile = profiles[i];
    return profile && e.box !== null && e.score !== null
      ? [{ employeeId: e.employeeId, profile, box: e.box, score: e.score, mappedAt: e.mappedAt.slice(0, 10) }]
      : [];
  });
}

export type TalentMappingActivities = ReturnType<typeof createTalentMappingActivities>;
