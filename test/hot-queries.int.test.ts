/**
 * Every query the hot paths send (apply, a candidate's applications, status pages and timelines, paging of
 * employees and of the talent map, the change feed, the gateways' sign-in change feed, audit, documents) reaches an index on the embedded store.
 *
 * 50,000 documents go into each collection those paths read; then each hot operation runs through its
 * repository with the driver's command monitoring on, and every query command it sent (find, aggregate,
 * count, and the filters of update, delete and findAndModify) is explained by FerretDB: its filter must be
 * pushed down, and the PostgreSQL plan must read through an index, with no sequential scan.
 * On an external MongoDB (TEST_MONGODB_URI) the plan has another shape, so the test is skipped there.
 */
import mongoose, { type Connection, mongo } from 'mongoose';
import { applicationId, applicationSlot, employeeBucket, SELECTION_STAGES } from '@seleksi/domain';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createAssessmentModels } from '../services/assessment/src/models';
import { createAssessmentRepositories } from '../services/assessment/src/repositories';
import { createCandidateModels, feedBucketOf } from '../services/candidate/src/models';
import { createCandidateRepositories } from '../services/candidate/src/repositories';
import { createDocumentModels } from '../services/document/src/models';
import { createDocumentRepositories } from '../services/document/src/repositories';
import { AuthChangeFeed } from '../gateway/src/auth/auth-changes';

const N = 50_000;
const CHUNK = 5_000;
const external = Boolean(process.env.TEST_MONGODB_URI);
const prefix = `hotq_${Date.now().toString(36)}`;
const T0 = new Date(Date.now() - 3_600_000);
const at = (i: number): Date => new Date(T0.getTime() + i * 50);

let conns: Connection[] = [];
const commands: mongo.CommandStartedEvent[] = [];
let candidate: ReturnType<typeof createCandidateRepositories>;
let assessment: ReturnType<typeof createAssessmentRepositories>;
let document: ReturnType<typeof createDocumentRepositories>;
let candidateModels: ReturnType<typeof createCandidateModels>;
let authChanges: AuthChangeFeed;

async function connect(name: string): Promise<Connection> {
  const conn = await mongoose
    .createConnection(inject('mongoUri'), { dbName: `${prefix}_${name}`, monitorCommands: true, autoIndex: false })
    .asPromise();
  conn.getClient().on('commandStarted', (e: mongo.CommandStartedEvent) => commands.push(e));
  conns.push(conn);
  return conn;
}

/** insertMany in chunks, bypassing mongoose (the documents are built in their stored shape). */
async function load(model: mongoose.Model<never>, make: (i: number) => Record<string, unknown>): Promise<void> {
  const t = Date.now();
  for (let from = 0; from < N; from += CHUNK) {
    const docs = Array.from({ length: Math.min(CHUNK, N - from) }, (_, k) => make(from + k));
    await model.collection.insertMany(docs, { ordered: false });
  }
  console.log(`${model.collection.collectionName}: ${N} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const actor = { userId: 'u-secretary', role: 'PANSEL_SECRETARY', displayName: 'Sekretaris' };

interface PlanNode {
  'Node Type'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodeTypes(plan: PlanNode | undefined): string[] {
  if (!plan) return [];
  return [`${plan['Node Type'] ?? '?'}${plan['Index Name'] ? `(${plan['Index Name']})` : ''}`].concat(
    ...(plan.Plans ?? []).map(nodeTypes),
  );
}

/** The `explain` of every query in `sent` (writes explained as a find on their filter). */
function explainable(e: mongo.CommandStartedEvent): mongo.Document | null {
  const c = e.command;
  switch (e.commandName) {
    case 'find':
      return { find: c.find, filter: c.filter ?? {}, ...(c.sort ? { sort: c.sort } : {}) };
    case 'aggregate':
      return { aggregate: c.aggregate, pipeline: c.pipeline, cursor: {} };
    case 'count':
      return { count: c.count, query: c.query ?? {} };
    case 'update':
      return { find: c.update, filter: (c.updates as { q: mongo.Document }[])[0]!.q };
    case 'delete':
      return { find: c.delete, filter: (c.deletes as { q: mongo.Document }[])[0]!.q };
    case 'findAndModify':
      return { find: c.findAndModify, filter: c.query ?? {} };
    default:
      return null;
  }
}

/**
 * Runs `op` and checks every query it sent: FerretDB pushed the filter down and PostgreSQL reads through an
 * index. Returns the plans (for the failure message and the log).
 */
async function expectIndexed(name: string, op: () => Promise<unknown>): Promise<void> {
  commands.length = 0;
  const t = performance.now();
  await op();
  const ms = performance.now() - t;
  const queries = commands.filter((e) => explainable(e) !== null);
  expect(queries.length, `${name}: sent no query`).toBeGreaterThan(0);
  const seen = new Map<string, string>();
  for (const e of queries) {
    const cmd = explainable(e)!;
    const key = JSON.stringify(cmd);
    if (seen.has(key)) continue;
    const conn = conns.find((c) => c.db!.databaseName === e.databaseName)!;
    const res = await conn.db!.command({ explain: cmd });
    const plan = (res.queryPlanner as { Plan?: PlanNode } | undefined)?.Plan;
    const nodes = nodeTypes(plan);
    const what = `${name}: ${e.commandName} ${key} → pushdown ${String(res.filterPushdown)}, plan ${nodes.join(' > ')}`;
    seen.set(key, what);
    expect(res.filterPushdown, what).toBe(true);
    expect(
      nodes.some((n) => n.startsWith('Seq Scan')),
      what,
    ).toBe(false);
    expect(
      nodes.some((n) => /Index Scan|Index Only Scan/.test(n)),
      what,
    ).toBe(true);
  }
  console.log(`${name}: ${ms.toFixed(1)} ms, ${queries.length} queries\n${[...seen.values()].join('\n')}`);
}

describe.skipIf(external)('hot queries at 50,000 documents use an index on FerretDB/PostgreSQL', () => {
  beforeAll(async () => {
    const [c, a, d, g] = await Promise.all([
      connect('candidate'),
      connect('assessment'),
      connect('document'),
      connect('gateway'),
    ]);
    authChanges = new AuthChangeFeed(g!, { pollMs: 2000 });
    candidateModels = createCandidateModels(c!);
    const assessmentModels = createAssessmentModels(a!);
    const documentModels = createDocumentModels(d!);
    // The indexes declared on the models, as the services create them at start.
    await Promise.all(
      [
        ...Object.values(candidateModels),
        ...Object.values(assessmentModels),
        ...Object.values(documentModels),
        g!.model('AuthChange'),
      ].map((m) => (m as unknown as mongoose.Model<never>).createIndexes()),
    );
    candidate = createCandidateRepositories(candidateModels);
    assessment = createAssessmentRepositories(assessmentModels);
    document = createDocumentRepositories(documentModels);

    const M = candidateModels as unknown as Record<string, mongoose.Model<never>>;
    const AM = assessmentModels as unknown as Record<string, mongoose.Model<never>>;
    const DM = documentModels as unknown as Record<string, mongoose.Model<never>>;
    const t = Date.now();
    await Promise.all([
      load(g!.model('AuthChange') as unknown as mongoose.Model<never>, (i) => ({
        _id: `chg-${i}`,
        kind: i % 3 ? 'SESSION' : 'ACCOUNT',
        ref: `ref-${i}`,
        bucket: feedBucketOf(at(i)),
        day: Math.floor(at(i).getTime() / 86_400_000) - (i % 4),
        at: at(i),
      })),
      load(M.Application!, (i) => ({
        _id: `app-${i}`,
        selectionId: `sel-${i % 500}`,
        vacancyId: `vac-${i % 1000}-${Math.floor(i / 20_000)}`, // unique with candidateId
        candidateId: `cand-${i % 20_000}`,
        submittedAt: at(i),
        createdAt: at(i),
        slot: applicationSlot(`app-${i}`),
        screening: null,
      })),
      load(M.ApplicationFile!, (i) => ({
        _id: `af-${i}`,
        candidateId: `cand-${i % 20_000}`,
        selectionId: `sel-${i % 500}`,
        vacancyId: `vac-${i % 1000}-${Math.floor(i / 20_000)}`,
        applicationId: `app-${Math.floor(i / 2)}`, // two files each
        kind: i % 2 ? 'CV' : 'APPLICATION_LETTER',
        fileName: 'berkas.pdf',
        contentType: 'application/pdf',
        sizeBytes: 8,
        sha256: String(i),
        bytes: Buffer.from('%PDF-1.4'),
        uploadedAt: at(i),
        linkedAt: null,
      })),
      load(M.TimelineEntry!, (i) => ({
        _id: `app-${i}:submitted`,
        applicationId: `app-${i}`,
        candidateId: `cand-${i % 20_000}`,
        eventId: 'APPLICATION_SUBMITTED',
        at: at(i),
        status: 'SUBMITTED',
        reasonCode: 'APPLICATION_SUBMITTED',
        note: null,
        expectedNextAt: null,
        recordedAt: at(i),
        feedBucket: feedBucketOf(at(i)),
      })),
      load(M.Profile!, (i) => ({
        _id: `emp-${i}`,
        nip: String(196001012000011000n + BigInt(i)),
        name: `Pegawai ${i}`,
        rank: 'IV/b',
        agencyCode: `AG${i % 10}`,
        mapBucket: employeeBucket(`emp-${i}`),
        education: 'S2',
        careers: [],
        skp: [],
        lhkpnFiled: true,
        disciplinarySanction: false,
        updatedAt: at(i),
      })),
      load(M.AuditRecord!, (i) => ({
        _id: `dec-${i}`,
        selectionId: `sel-${i % 500}`,
        workflowId: `selection:AG${i % 10}:sel-${i % 500}`,
        // A few decisions of the kinds the oversight signals read, among many scores.
        kind: i % 50 === 0 ? 'APPOINTEE_CHOSEN' : 'SCORE',
        agencyCode: `AG${i % 10}`,
        by: actor,
        at: at(i),
        reason: null,
        subjectId: `app-${i}`,
        payload: {},
        recordedAt: at(i),
      })),
      load(M.Selection!, (i) => ({
        _id: `sel-${i}`,
        agencyCode: `AG${i % 600}`,
        title: `Seleksi ${i}`,
        workflowId: `selection:AG${i % 600}:sel-${i}`,
        stage: SELECTION_STAGES[i % SELECTION_STAGES.length],
        stageAt: at(i),
        stageDueAt: at(i + 1000),
        timeZone: 'WIB',
        announcementDate: '2026-11-20',
        registrationClosesAt: at(i),
        vacancies: [],
        announcementDocumentId: null,
        simulation: false,
        createdBy: actor,
        createdAt: at(i),
        updatedAt: at(i),
      })),
      load(M.StageEvent!, (i) => ({
        _id: `sel-${i}:ev`,
        selectionId: `sel-${i}`,
        eventId: 'ev',
        stage: 'REGISTRATION_OPEN',
        at: at(i),
        reasonCode: 'REGISTRATION_OPENED',
        expectedNextAt: null,
        recordedAt: at(i),
        feedBucket: feedBucketOf(at(i)),
      })),
      load(DM.Document!, (i) => ({
        _id: `doc-${i}`,
        kind: 'ANNOUNCEMENT',
        agencyCode: `AG${i % 10}`,
        selectionId: `sel-${i % 500}`,
        number: `800/${i}/BKD/2026`,
        title: `Dokumen ${i}`,
        visibility: 'PUBLIC',
        sha256: `sha-${i}`,
        verificationCode: `VC${i}`,
        sizeBytes: 1000,
        issuedAt: at(i),
        date: '2026-11-20',
        issuedBy: { agencyName: 'Pemprov', signatoryName: 'Kepala', signatoryTitle: 'Kepala BKD' },
        version: 1,
        supersedesId: i > 0 && i % 100 === 0 ? `doc-${i - 1}` : null,
        correctionReason: null,
        correctedBy: null,
        idempotencyKey: `idem-${i}`,
        documentClass: 'ANN',
        year: 2026,
        seq: i,
      })),
      load(AM.TalentMapEntry!, (i) => ({
        _id: `AG${i % 10}:2026:emp-${i}`,
        agencyCode: `AG${i % 10}`,
        period: '2026',
        employeeId: `emp-${i}`,
        box: (i % 9) + 1,
        potential: 2,
        performance: 2,
        performanceScore: 70,
        potentialScore: 70,
        score: i % 100,
        scored: true,
        missing: [],
        mappedAt: at(i),
        runId: 'run-1',
      })),
      load(AM.AssessmentResult!, (i) => ({
        _id: `res-${i}`,
        candidateId: `cand-${i % 20_000}`,
        assessedAt: at(i).toISOString(),
      })),
    ]);
    await candidate.selections.upsert({
      id: 'sel-apply',
      agencyCode: 'AG1',
      title: 'Seleksi Terbuka JPT Pratama',
      workflowId: 'selection:AG1:sel-apply',
      stage: 'REGISTRATION_OPEN',
      timeZone: 'WITA',
      announcementDate: '2026-11-24',
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      vacancies: [{ id: 'sel-apply-V1', level: 'PRATAMA', position: 'Kepala Dinas', unit: 'Dinas', status: 'OPEN' }],
      announcementDocumentId: null,
      createdBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
      createdAt: new Date().toISOString(),
    });
    console.log(`loaded 11 × ${N} documents in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(async () => {
    for (const c of conns) {
      await c.dropDatabase().catch(() => undefined);
      await c.close();
    }
    conns = [];
  });

  it('apply: the application, its first timeline entry, and the read-back', async () => {
    await expectIndexed('apply', () =>
      candidate.applications.create({
        id: applicationId('sel-apply-V1', 'cand-new'),
        selectionId: 'sel-apply',
        vacancyId: 'sel-apply-V1',
        candidateId: 'cand-new',
        submittedAt: new Date().toISOString(),
      }),
    );
  });

  it("apply: linking the application's uploaded files", async () => {
    await expectIndexed('link files', () => candidate.applicationFiles.linkSubmitted('app-77', ['af-154', 'af-155']));
    expect((await candidate.applicationFiles.listLinked(['app-77'])).map((f) => f.id)).toEqual(['af-154', 'af-155']);
  });

  it("a candidate's applications (first page and the next)", async () => {
    await expectIndexed('applications by candidate', () => candidate.applications.list({ candidateId: 'cand-42' }, 1));
    const first = await candidate.applications.list({ candidateId: 'cand-42' }, 1);
    await expectIndexed('applications by candidate, page 2', () =>
      candidate.applications.list({ candidateId: 'cand-42' }, 1, first.nextCursor!),
    );
  });

  it('status pages and timelines: one application, a batch of applications, a selection', async () => {
    await expectIndexed('application with timeline', () => candidate.applications.get('app-123'));
    await expectIndexed('applications by id (batch loader)', () =>
      candidate.applications.getMany(['app-1', 'app-2', 'app-3', 'app-4']),
    );
    await expectIndexed('applications of a selection', () => candidate.applications.list({ selectionId: 'sel-9' }, 20));
    const stageEvent = {
      eventId: 'sel-9:REGISTRATION_CLOSED',
      stage: 'REGISTRATION_CLOSED' as const,
      at: new Date().toISOString(),
      reasonCode: 'REGISTRATION_CLOSED' as const,
    };
    await expectIndexed("a page of a stage event's fan-out (by slot)", () =>
      candidate.applications.fanOutStageEventPage('sel-9', stageEvent, undefined, { after: null, limit: 50 }),
    );
    await expectIndexed('selections by id (batch loader)', () => candidate.selections.getMany(['sel-1', 'sel-2']));
    await expectIndexed('selections of an agency', () => candidate.selections.list({ agencyCode: 'AG3' }, 20));
    await expectIndexed('open selections, summaries (home page)', () =>
      candidate.selections.list({ stage: 'REGISTRATION_OPEN' }, 100, undefined, false),
    );
    await expectIndexed('selection summaries by id (batch loader)', () =>
      candidate.selections.getMany(['sel-1', 'sel-2'], false),
    );
    await expectIndexed('timeline append', () =>
      candidate.applications.appendTimeline('app-77', {
        eventId: 'screened',
        at: new Date().toISOString(),
        status: 'AWAITING_SCREENING',
        reasonCode: 'REGISTRATION_CLOSED',
      }),
    );
  });

  it('paging of employees and of the talent map', async () => {
    await expectIndexed('profiles of an agency', () => candidate.profiles.listByAgency('AG4', 100));
    const first = await candidate.profiles.listByAgency('AG4', 100);
    await expectIndexed('profiles of an agency, page 2', () =>
      candidate.profiles.listByAgency('AG4', 100, first.nextCursor!),
    );
    await expectIndexed('profile by NIP', () => candidate.profiles.getByNip('196001012000011042'));
    await expectIndexed('profiles by id (batch loader)', () => candidate.profiles.getMany(['emp-1', 'emp-2']));
    await expectIndexed('talent map page', () =>
      assessment.talentMap.listEntries({ agencyCode: 'AG2', period: '2026' }, 50),
    );
    await expectIndexed('talent map box', () =>
      assessment.talentMap.listEntries({ agencyCode: 'AG2', period: '2026', box: 5 }, 50),
    );
    await expectIndexed('talent history', () => assessment.talentMap.history('emp-77'));
    // The nine-box grid: the counts of the map and of the previous period, found among the agency's periods.
    await expectIndexed('talent map counts', () => assessment.talentMap.counts('AG2', '2026'));
    await expectIndexed('talent map periods', () => assessment.talentMap.periods('AG2'));
    await expectIndexed('assessment results (batch loader)', () =>
      assessment.assessmentResults.listByCandidates(['cand-1', 'cand-2']),
    );
  });

  it("the candidate service's change feed", async () => {
    const now = at(N - 100);
    await expectIndexed('change feed', () =>
      candidate.changes.list(new Date(now.getTime() - 5_000), 100, undefined, now),
    );
  });

  it("the gateways' sign-in change feed (a poll, with the first one's clean-up of old days)", async () => {
    await expectIndexed('sign-in change feed', () => authChanges.poll());
  });

  it('audit of a selection', async () => {
    await expectIndexed('audit list', () => candidate.auditRecords.list({ selectionId: 'sel-11' }, 50));
    const first = await candidate.auditRecords.list({ selectionId: 'sel-11' }, 50);
    await expectIndexed('audit list, page 2', () =>
      candidate.auditRecords.list({ selectionId: 'sel-11' }, 50, first.nextCursor!),
    );
  });

  it('the oversight view: open rounds by stage, and the records of one audit kind', async () => {
    await expectIndexed('open rounds, every agency (one read per stage)', () =>
      candidate.oversight.openRounds(null, 50),
    );
    await expectIndexed('open rounds of one agency', () => candidate.oversight.openRounds('AG7', 50));
    await expectIndexed('audit records of a kind', () =>
      candidate.auditRecords.listOfKind('APPOINTEE_CHOSEN', null, 100),
    );
    await expectIndexed('audit records of a kind, one agency', () =>
      candidate.auditRecords.listOfKind('APPOINTEE_CHOSEN', 'AG3', 100),
    );
  });

  it('documents: by id with successors, by verification code, by selection', async () => {
    await expectIndexed('documents by id (batch loader)', () => document.documents.getManyDtos(['doc-99', 'doc-100']));
    await expectIndexed('documents of a selection', () => document.documents.listBySelection('sel-13'));
    await expectIndexed('document by verification code', () => document.documents.findByVerificationCode('VC4242'));
    await expectIndexed('document by content hash', () => document.documents.findBySha256('sha-4242'));
  });
});
