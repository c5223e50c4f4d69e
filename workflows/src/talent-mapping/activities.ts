/**
 * Activities of talent mapping: read employees, assessments and track records from the services,
 * compute each box with the agency's pinned scoring rules, write the map; then derive the KRS.
 * Every write is an idempotent upsert, so a retried batch changes nothing twice.
 */
import { Context, heartbeat } from '@temporalio/activity';
import {
  DEFAULT_SELECTION_RULES,
  defaultLegalBasis,
  defaultTalentSettings,
  deriveSuccessionGroup,
  localDateOf,
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
  mapTalentPage,
  type TalentInputDto,
  type TalentMapSlotsRequest,
  type TalentMapSlotsResult,
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
    listTalentInputs(q: {
      agencyCode: string;
      fromSlot: number;
      toSlot?: number;
      limit?: number;
    }): Promise<{ items: TalentInputDto[]; nextSlot: number | null }>;
  };
  assessment: {
    mapTalentSlots(agencyCode: string, period: string, body: TalentMapSlotsRequest): Promise<TalentMapSlotsResult>;
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

export interface MapSlotsArgs {
  agencyCode: string;
  period: string;
  asOf: LocalDate;
  runId: string;
  /** The batch: slots [fromSlot, toSlot) of `employeeBucket`. */
  fromSlot: number;
  toSlot: number;
  /** Employees per page (whole slots): one read at the candidate service, one mapping call at the assessment service. */
  pageSize: number;
  mappedAt: string;
  settings: TalentSettings;
}

/** What a batch of slots mapped; also its heartbeat details, so a retried batch resumes from `nextSlot`. */
export interface MapSlotsResult extends TalentMapSlotsResult {
  nextSlot: number;
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

    /**
     * Maps slots [fromSlot, toSlot): per page, one read of the profiles' inputs and one call that reads the
     * slots' assessments and track records, scores and writes them at the assessment service; the next page is
     * read while the current one is mapped. Heartbeats after each page with what is done, and a retry resumes
     * from there (an interrupted page is mapped again: its writes are idempotent).
     */
    async mapSlots(args: MapSlotsArgs): Promise<MapSlotsResult> {
      const resumed = Context.current().info.heartbeatDetails as MapSlotsResult | undefined;
      const done: MapSlotsResult = resumed ?? { nextSlot: args.fromSlot, processed: 0, unmapped: 0, byBox: {} };
      const read = (fromSlot: number) =>
        callService(() =>
          ports.candidate.listTalentInputs({
            agencyCode: args.agencyCode,
            fromSlot,
            toSlot: args.toSlot,
            limit: args.pageSize,
          }),
        );
      let page = done.nextSlot < args.toSlot ? read(done.nextSlot) : null;
      while (page) {
        const { items, nextSlot } = await page;
        const end = nextSlot ?? args.toSlot;
        page = nextSlot !== null ? read(nextSlot) : null;
        // Awaited in the next turn; without a handler a failure of the mapping call below would leave it unhandled.
        page?.catch(() => undefined);
        const mapped = await callService(() =>
          ports.assessment.mapTalentSlots(args.agencyCode, args.period, {
            fromSlot: done.nextSlot,
            toSlot: end,
            asOf: args.asOf,
            runId: args.runId,
            mappedAt: args.mappedAt,
            scoring: args.settings.scoring,
            employees: items,
          }),
        );
        done.nextSlot = end;
        done.processed += mapped.processed;
        done.unmapped += mapped.unmapped;
        for (const [box, n] of Object.entries(mapped.byBox)) done.byBox[box] = (done.byBox[box] ?? 0) + n;
        heartbeat(done);
      }
      return done;
    },

    /** Pages by cursor, mapped here (runs started before mapping by slot). */
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
      const { entries, unmapped, byBox } = mapTalentPage(
        {
          agencyCode: args.agencyCode,
          period: args.period,
          asOf: args.asOf,
          runId: args.runId,
          mappedAt: args.mappedAt,
          employees: page.items,
          assessments,
          trackRecords: trackRecords.map((r) => ({
            candidateId: r.candidateId,
            recordedAt: r.recordedAt,
            value: r.value,
          })),
        },
        settings.scoring,
      );
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
