/**
 * Drives the talent route through GraphQL, one typed function per operation, as the user who takes
 * each step. Every call answers the raw GraphQL result so a test can check a refusal; `must` (from
 * the selection driver) unwraps a success. Sign-in and tokens come from the SelectionDriver.
 */
import { eventually, type GraphQLResult } from './stack';
import type { Decision, SelectionDriver } from './selection-driver';

export interface MappingProgress {
  agencyCode: string;
  period: string;
  status: string;
  total: number;
  processed: number;
  batchesDone: number;
  byBox: { box: number; count: number }[];
  unmapped: number;
  successionGroups: number;
  startedAt: string;
  finishedAt: string | null;
  percent: number;
}

export interface TalentMapEntry {
  id: string;
  employeeId: string;
  employeeName: string | null;
  period: string;
  box: number | null;
  boxName: string | null;
  inPool: boolean;
  performance: number | null;
  potential: number | null;
  performanceScore: number | null;
  potentialScore: number | null;
  score: number | null;
  missing: string[];
}

export interface TalentMap {
  agencyCode: string;
  period: string;
  numbering: string;
  total: number;
  unmapped: number;
  poolCount: number;
  boxes: { box: number; name: string; count: number; inPool: boolean }[];
}

export interface EntryPage {
  edges: { cursor: string; node: TalentMapEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface SuccessionGroup {
  id: string;
  year: number;
  postId: string;
  postTitle: string;
  level: string;
  derivedFrom: string;
  publishedAt: string | null;
  downloadUrl: string | null;
  document: { id: string; number: string; kind: string; visibility: string } | null;
  members: {
    employeeId: string;
    name: string | null;
    order: number;
    box: number;
    boxName: string | null;
    score: number;
  }[];
}

export interface TalentFilling {
  fillingId: string;
  agencyCode: string;
  postId: string;
  stage: string;
  gate: {
    open: boolean;
    meritCategory: string | null;
    meritCategoryName: string | null;
    reasons: string[];
    period: string | null;
  } | null;
  successors: {
    employeeId: string;
    name: string | null;
    order: number | null;
    box: number;
    boxName: string | null;
    score: number;
    excluded: boolean;
    reasons: string[];
  }[];
  confirmed: boolean;
  overseerVerdict: string | null;
  route: string;
  proposedEmployeeId: string | null;
  presidentialDecree: { number: string; date: string } | null;
  appointedEmployeeId: string | null;
  appointedName: string | null;
  decree: { id: string; kind: string; number: string; downloadUrl: string } | null;
  inaugurationDate: string | null;
  fallback: {
    selectionId: string;
    reason: string;
    invitedCount: number;
    invited: { employeeId: string; name: string | null }[];
  } | null;
  decisions: { kind: string; by: { userId: string; role: string }; reason: string | null }[];
}

export interface TalentFillingSummary {
  fillingId: string;
  agencyCode: string;
  postId: string;
  position: string;
  level: string;
  stage: string | null;
  route: string;
  waitingOn: string | null;
  waitingSince: string | null;
  deadline: string | null;
  overdue: boolean;
  appointedEmployeeId: string | null;
  fallbackSelectionId: string | null;
}

export interface SummaryPage {
  edges: { node: TalentFillingSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const SUMMARY =
  'fillingId agencyCode postId position level stage route waitingOn waitingSince deadline overdue appointedEmployeeId fallbackSelectionId';

export interface Invitation {
  id: string;
  selectionId: string;
  vacancyId: string;
  reason: string;
  invitedAt: string;
}

const DECISION = 'decisionId kind by { userId role displayName } at reason subjectId';

const PROGRESS =
  'agencyCode period status total processed batchesDone byBox { box count } unmapped successionGroups startedAt finishedAt percent';

const ENTRY =
  'id employeeId employeeName period box boxName inPool performance potential performanceScore potentialScore score missing';

const FILLING = `fillingId agencyCode postId stage
  gate { open meritCategory meritCategoryName reasons period }
  successors { employeeId name order box boxName score excluded reasons }
  confirmed overseerVerdict route proposedEmployeeId presidentialDecree { number date }
  appointedEmployeeId appointedName
  decree { id kind number downloadUrl } inaugurationDate
  fallback { selectionId reason invitedCount invited { employeeId name } }
  decisions { kind by { userId role } reason }`;

export interface MeritAssessment {
  id: string;
  agencyCode: string;
  period: string;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'VALIDATED';
  version: number;
  submissions: number;
  returnReason: string | null;
  index: number | null;
  category: string | null;
  categoryName: string | null;
  aspects: {
    aspect: { code: string; name: string; minScore: number; maxScore: number };
    score: number | null;
    note: string | null;
    adjustedScore: number | null;
    adjustmentReason: string | null;
    effectiveScore: number | null;
    evidence: { id: string; fileName: string; sha256: string; downloadUrl: string }[];
  }[];
}

export interface GateDecision {
  decisionId: string;
  kind: string;
  kindName: string;
  assessmentId: string | null;
  by: { userId: string; role: string };
  at: string;
  reason: string | null;
  summary: string;
  aspectCode: string | null;
  fromScore: number | null;
  toScore: number | null;
  index: number | null;
  reference: string | null;
}

export interface GateStatus {
  meritIndexScore: number | null;
  meritCategory: string | null;
  validatedAssessmentId: string | null;
  approval: { approvedOn: string; reference: string; by: { userId: string } } | null;
  legacy: { meritIndexScore: number | null; talentSystemReference: string | null } | null;
  needsOverseerValidation: boolean;
}

const ASSESSMENT = `id agencyCode period status version submissions returnReason index category categoryName
  aspects { aspect { code name minScore maxScore } score note adjustedScore adjustmentReason effectiveScore
    evidence { id fileName sha256 downloadUrl } }`;
const GATE_DECISION =
  'decisionId kind kindName assessmentId by { userId role } at reason summary aspectCode fromScore toScore index reference';
const GATE = `meritIndexScore meritCategory validatedAssessmentId approval { approvedOn reference by { userId } }
  legacy { meritIndexScore talentSystemReference } needsOverseerValidation`;

export const SETTINGS = `agencyCode configured meritIndexScore meritAssessedOn meritCategory meritCategoryName
  talentSystemApproval { approvedOn reference } numbering numberingName poolBoxes
  boxes { box name inPool }
  scoring { performanceWeight potentialWeight skpYears skpPoints { sangatBaik baik } numbering }
  gate { minMeritCategory maxMapAgeMonths }
  retirement { retirementAgeByLevel { pratama } excludeWithinMonths }
  targetPosts { id title level unit field }`;

export class TalentDriver {
  constructor(readonly d: SelectionDriver) {}

  private decision<K extends string>(
    as: string,
    name: K,
    signature: string,
    call: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLResult<Record<K, Decision>>> {
    return this.d.gql(as, `mutation(${signature}) { ${name}(${call}) { ${DECISION} } }`, variables);
  }

  // --- settings --------------------------------------------------------------------------------

  settings(as: string, agencyCode: string) {
    return this.d.gql<{ talentSettings: Record<string, unknown> }>(
      as,
      `query($a: String!) { talentSettings(agencyCode: $a) { ${SETTINGS} } }`,
      { a: agencyCode },
    );
  }

  updateSettings(as: string, agencyCode: string, input: Record<string, unknown>) {
    return this.d.gql<{ updateTalentSettings: Record<string, unknown> & { meritCategory: string | null } }>(
      as,
      `mutation($a: String!, $i: TalentSettingsInput!) { updateTalentSettings(agencyCode: $a, input: $i) { ${SETTINGS} } }`,
      { a: agencyCode, i: input },
    );
  }

  // --- the talent gate: merit-system assessment and the overseer's approval ------------------------

  startAssessment(as: string, agencyCode: string, period: string) {
    return this.d.gql<{ startMeritAssessment: MeritAssessment }>(
      as,
      `mutation($a: String!, $p: String!) { startMeritAssessment(agencyCode: $a, period: $p) { ${ASSESSMENT} } }`,
      { a: agencyCode, p: period },
    );
  }

  assessment(as: string, id: string) {
    return this.d.gql<{ meritAssessment: MeritAssessment | null }>(
      as,
      `query($id: ID!) { meritAssessment(assessmentId: $id) { ${ASSESSMENT} } }`,
      { id },
    );
  }

  assessments(as: string, agencyCode: string) {
    return this.d.gql<{ meritAssessments: MeritAssessment[] }>(
      as,
      `query($a: String!) { meritAssessments(agencyCode: $a) { ${ASSESSMENT} } }`,
      { a: agencyCode },
    );
  }

  toReview(as: string) {
    return this.d.gql<{ meritAssessmentsToReview: MeritAssessment[] }>(
      as,
      `{ meritAssessmentsToReview { ${ASSESSMENT} } }`,
    );
  }

  saveAssessment(
    as: string,
    id: string,
    version: number,
    aspects: { code: string; score: number | null; note?: string | null }[],
  ) {
    return this.d.gql<{ saveMeritAssessment: MeritAssessment }>(
      as,
      `mutation($id: ID!, $v: Int!, $a: [MeritAspectScoreInput!]!) {
        saveMeritAssessment(assessmentId: $id, expectedVersion: $v, aspects: $a) { ${ASSESSMENT} } }`,
      { id, v: version, a: aspects },
    );
  }

  submitAssessment(as: string, id: string, version: number, note?: string) {
    return this.d.gql<{ submitMeritAssessment: MeritAssessment }>(
      as,
      `mutation($id: ID!, $v: Int!, $n: String) {
        submitMeritAssessment(assessmentId: $id, expectedVersion: $v, note: $n) { ${ASSESSMENT} } }`,
      { id, v: version, n: note ?? null },
    );
  }

  adjustAspect(as: string, id: string, version: number, aspectCode: string, score: number, reason: string) {
    return this.d.gql<{ adjustMeritAspect: MeritAssessment }>(
      as,
      `mutation($id: ID!, $v: Int!, $c: String!, $s: Float!, $r: String!) {
        adjustMeritAspect(assessmentId: $id, expectedVersion: $v, aspectCode: $c, score: $s, reason: $r) { ${ASSESSMENT} } }`,
      { id, v: version, c: aspectCode, s: score, r: reason },
    );
  }

  returnAssessment(as: string, id: string, version: number, reason: string) {
    return this.d.gql<{ returnMeritAssessment: MeritAssessment }>(
      as,
      `mutation($id: ID!, $v: Int!, $r: String!) {
        returnMeritAssessment(assessmentId: $id, expectedVersion: $v, reason: $r) { ${ASSESSMENT} } }`,
      { id, v: version, r: reason },
    );
  }

  validateAssessment(as: string, id: string, version: number, reason?: string) {
    return this.d.gql<{ validateMeritAssessment: MeritAssessment }>(
      as,
      `mutation($id: ID!, $v: Int!, $r: String) {
        validateMeritAssessment(assessmentId: $id, expectedVersion: $v, reason: $r) { ${ASSESSMENT} } }`,
      { id, v: version, r: reason ?? null },
    );
  }

  approveSystem(as: string, agencyCode: string, approvedOn: string, reference: string, reason: string) {
    return this.d.gql<{ approveTalentSystem: GateDecision }>(
      as,
      `mutation($a: String!, $d: LocalDate!, $n: String!, $r: String!) {
        approveTalentSystem(agencyCode: $a, approvedOn: $d, reference: $n, reason: $r) { ${GATE_DECISION} } }`,
      { a: agencyCode, d: approvedOn, n: reference, r: reason },
    );
  }

  withdrawSystem(as: string, agencyCode: string, withdrawnOn: string, reference: string, reason: string) {
    return this.d.gql<{ withdrawTalentSystemApproval: GateDecision }>(
      as,
      `mutation($a: String!, $d: LocalDate!, $n: String!, $r: String!) {
        withdrawTalentSystemApproval(agencyCode: $a, withdrawnOn: $d, reference: $n, reason: $r) { ${GATE_DECISION} } }`,
      { a: agencyCode, d: withdrawnOn, n: reference, r: reason },
    );
  }

  gate(as: string, agencyCode: string) {
    return this.d.gql<{ talentGate: GateStatus }>(as, `query($a: String!) { talentGate(agencyCode: $a) { ${GATE} } }`, {
      a: agencyCode,
    });
  }

  gateDecisions(as: string, agencyCode: string) {
    return this.d.gql<{ talentGateDecisions: GateDecision[] }>(
      as,
      `query($a: String!) { talentGateDecisions(agencyCode: $a) { ${GATE_DECISION} } }`,
      { a: agencyCode },
    );
  }

  /** `uploadMeritEvidence` as the portal sends it: a GraphQL multipart request. */
  async uploadEvidence(
    gatewayUrl: string,
    as: string,
    id: string,
    aspectCode: string,
    bytes: Uint8Array,
    name: string,
  ): Promise<GraphQLResult<{ uploadMeritEvidence: { id: string; fileName: string; sha256: string } }>> {
    const form = new FormData();
    const query = `mutation($id: ID!, $c: String!, $f: File) {
      uploadMeritEvidence(assessmentId: $id, aspectCode: $c, file: $f) { id fileName sha256 } }`;
    form.set('operations', JSON.stringify({ query, variables: { id, c: aspectCode, f: null } }));
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.d.token(as)}` },
      body: form,
    });
    return (await res.json()) as GraphQLResult<{
      uploadMeritEvidence: { id: string; fileName: string; sha256: string };
    }>;
  }

  /**
   * Opens an agency's talent gate the only way there is: the agency scores every aspect and submits its
   * self-assessment, the overseer validates it and approves the talent-management system. Answers the
   * validated assessment.
   */
  async openGate(
    agencyAs: string,
    overseerAs: string,
    agencyCode: string,
    opts: { period: string; score: number; approvedOn: string; reference: string },
  ): Promise<MeritAssessment> {
    const ok = <T>(r: GraphQLResult<T>): T => {
      if (r.errors?.length || !r.data) throw new Error(`gate step failed: ${JSON.stringify(r.errors)}`);
      return r.data;
    };
    const started = ok(await this.startAssessment(agencyAs, agencyCode, opts.period)).startMeritAssessment;
    const saved = ok(
      await this.saveAssessment(
        agencyAs,
        started.id,
        started.version,
        started.aspects.map((a) => ({ code: a.aspect.code, score: opts.score, note: 'Sesuai dokumen pendukung' })),
      ),
    ).saveMeritAssessment;
    const submitted = ok(await this.submitAssessment(agencyAs, saved.id, saved.version)).submitMeritAssessment;
    const validated = ok(
      await this.validateAssessment(overseerAs, submitted.id, submitted.version, 'Bukti lengkap dan sesuai'),
    ).validateMeritAssessment;
    ok(
      await this.approveSystem(
        overseerAs,
        agencyCode,
        opts.approvedOn,
        opts.reference,
        'Sistem manajemen talenta memenuhi pedoman',
      ),
    );
    return validated;
  }

  // --- mapping ---------------------------------------------------------------------------------

  startMapping(as: string, agencyCode: string, period: string, opts: { asOf?: string; batchSize?: number } = {}) {
    return this.d.gql<{ startTalentMapping: MappingProgress }>(
      as,
      `mutation($a: String!, $p: String!, $d: LocalDate, $b: Int) {
        startTalentMapping(agencyCode: $a, period: $p, asOf: $d, batchSize: $b) { ${PROGRESS} } }`,
      { a: agencyCode, p: period, d: opts.asOf ?? null, b: opts.batchSize ?? null },
    );
  }

  progress(as: string, agencyCode: string, period: string) {
    return this.d.gql<{ talentMappingProgress: MappingProgress | null }>(
      as,
      `query($a: String!, $p: String!) { talentMappingProgress(agencyCode: $a, period: $p) { ${PROGRESS} } }`,
      { a: agencyCode, p: period },
    );
  }

  /** Polls the progress until the run has completed. */
  waitForMapping(as: string, agencyCode: string, period: string, timeoutMs = 90_000): Promise<MappingProgress> {
    return eventually(async () => {
      const p = (await this.progress(as, agencyCode, period)).data?.talentMappingProgress;
      return p?.status === 'COMPLETED' ? p : null;
    }, timeoutMs);
  }

  map(as: string, agencyCode: string, period?: string) {
    return this.d.gql<{ talentMap: TalentMap | null }>(
      as,
      `query($a: String!, $p: String) { talentMap(agencyCode: $a, period: $p) {
        agencyCode period numbering total unmapped poolCount boxes { box name count inPool } } }`,
      { a: agencyCode, p: period ?? null },
    );
  }

  entries(
    as: string,
    agencyCode: string,
    period: string,
    opts: { box?: number; unmapped?: boolean; first?: number; after?: string | null },
  ) {
    return this.d.gql<{ talentMap: { entries: EntryPage } | null }>(
      as,
      `query($a: String!, $p: String, $b: Int, $u: Boolean, $f: Int, $after: String) {
        talentMap(agencyCode: $a, period: $p) {
          entries(box: $b, unmapped: $u, first: $f, after: $after) {
            edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } } }`,
      {
        a: agencyCode,
        p: period,
        b: opts.box ?? null,
        u: opts.unmapped ?? null,
        f: opts.first ?? null,
        after: opts.after ?? null,
      },
    );
  }

  periods(as: string, agencyCode: string) {
    return flatten<{ talentMapPeriods: { period: string; mappedAt: string; total: number }[] }>(
      this.d.gql(
        as,
        'query($a: String!) { talentMapPeriods(agencyCode: $a) { edges { node { period mappedAt total } } } }',
        { a: agencyCode },
      ),
      'talentMapPeriods',
    );
  }

  history(as: string, employeeId: string) {
    return flatten<{ talentHistory: TalentMapEntry[] }>(
      this.d.gql(as, `query($e: ID!) { talentHistory(employeeId: $e) { edges { node { ${ENTRY} } } } }`, {
        e: employeeId,
      }),
      'talentHistory',
    );
  }

  successionGroups(as: string, agencyCode: string, year?: number) {
    return flatten<{ successionGroups: SuccessionGroup[] }>(
      this.d.gql(
        as,
        `query($a: String!, $y: Int) { successionGroups(agencyCode: $a, year: $y) { edges { node {
        id year postId postTitle level derivedFrom publishedAt downloadUrl
        document { id number kind visibility }
        members { employeeId name order box boxName score } } } } }`,
        { a: agencyCode, y: year ?? null },
      ),
      'successionGroups',
    );
  }

  // --- filling ---------------------------------------------------------------------------------

  startFilling(as: string, input: Record<string, unknown>) {
    return this.d.gql<{ startTalentPoolFilling: TalentFilling }>(
      as,
      `mutation($i: StartTalentPoolFillingInput!) { startTalentPoolFilling(input: $i) { ${FILLING} } }`,
      { i: input },
    );
  }

  filling(as: string, fillingId: string) {
    return this.d.gql<{ talentFilling: TalentFilling }>(
      as,
      `query($f: ID!) { talentFilling(fillingId: $f) { ${FILLING} } }`,
      { f: fillingId },
    );
  }

  /** Polls the filling until it reaches `stage`. */
  async waitForFilling(as: string, fillingId: string, stage: string, timeoutMs = 60_000): Promise<TalentFilling> {
    let last: TalentFilling | undefined;
    try {
      return await eventually(async () => {
        last = (await this.filling(as, fillingId)).data?.talentFilling ?? last;
        return last?.stage === stage ? last : null;
      }, timeoutMs);
    } catch (err) {
      throw new Error(`${(err as Error).message}; last ${JSON.stringify(last)}`);
    }
  }

  confirmProposal(as: string, fillingId: string, confirm: boolean, reason: string) {
    return this.decision(
      as,
      'confirmProposal',
      '$f: ID!, $c: Boolean!, $r: String!',
      'fillingId: $f, confirm: $c, reason: $r',
      { f: fillingId, c: confirm, r: reason },
    );
  }

  overseerDecision(as: string, fillingId: string, verdict: 'APPROVE' | 'REJECT', reason: string, reference?: string) {
    return this.decision(
      as,
      'talentOverseerDecision',
      '$f: ID!, $v: TalentOverseerVerdict!, $r: String!, $ref: String',
      'fillingId: $f, verdict: $v, reason: $r, reference: $ref',
      { f: fillingId, v: verdict, r: reason, ref: reference ?? null },
    );
  }

  decideSuccessor(as: string, fillingId: string, employeeId: string, justification?: string) {
    return this.decision(
      as,
      'decideSuccessor',
      '$f: ID!, $e: ID!, $j: String',
      'fillingId: $f, employeeId: $e, justification: $j',
      { f: fillingId, e: employeeId, j: justification ?? null },
    );
  }

  recordInauguration(as: string, fillingId: string, date: string, place: string) {
    return this.decision(
      as,
      'recordTalentInauguration',
      '$f: ID!, $d: LocalDate!, $p: String!',
      'fillingId: $f, date: $d, place: $p',
      { f: fillingId, d: date, p: place },
    );
  }

  recordPresidentialDecision(
    as: string,
    fillingId: string,
    args: { employeeId: string; decreeNumber: string; decreeDate: string; justification?: string },
  ) {
    return this.decision(
      as,
      'recordTalentPresidentialDecision',
      '$f: ID!, $e: ID!, $n: String!, $d: LocalDate!, $j: String',
      'fillingId: $f, employeeId: $e, decreeNumber: $n, decreeDate: $d, justification: $j',
      {
        f: fillingId,
        e: args.employeeId,
        n: args.decreeNumber,
        d: args.decreeDate,
        j: args.justification ?? null,
      },
    );
  }

  /** One page of the fillings list (the read model). */
  fillings(as: string, opts: { agencyCode?: string; stage?: string; first?: number; after?: string | null } = {}) {
    return this.d.gql<{ talentFillings: SummaryPage }>(
      as,
      `query($a: String, $s: TalentFillingStage, $n: Int, $c: String) {
        talentFillings(agencyCode: $a, stage: $s, first: $n, after: $c) {
          edges { node { ${SUMMARY} } } pageInfo { hasNextPage endCursor } } }`,
      { a: opts.agencyCode ?? null, s: opts.stage ?? null, n: opts.first ?? null, c: opts.after ?? null },
    );
  }

  /** One page of the signed-in role's inbox (an administrator names the role). */
  inbox(as: string, opts: { agencyCode?: string; waitingOn?: string; first?: number; after?: string | null } = {}) {
    return this.d.gql<{ talentFillingInbox: SummaryPage }>(
      as,
      `query($a: String, $w: TalentFillingActor, $n: Int, $c: String) {
        talentFillingInbox(agencyCode: $a, waitingOn: $w, first: $n, after: $c) {
          edges { node { ${SUMMARY} } } pageInfo { hasNextPage endCursor } } }`,
      { a: opts.agencyCode ?? null, w: opts.waitingOn ?? null, n: opts.first ?? null, c: opts.after ?? null },
    );
  }

  /** Every item of the inbox, page by page. */
  async wholeInbox(as: string, opts: { agencyCode?: string; waitingOn?: string; first?: number } = {}) {
    const all: TalentFillingSummary[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const r = await this.inbox(as, { ...opts, after });
      if (r.errors?.length || !r.data) throw new Error(`inbox failed: ${JSON.stringify(r.errors)}`);
      const page: SummaryPage = r.data.talentFillingInbox;
      all.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) return all;
      after = page.pageInfo.endCursor;
    }
    throw new Error('too many inbox pages');
  }

  myInvitations(as: string) {
    return flatten<{ myInvitations: Invitation[] }>(
      this.d.gql(as, 'query { myInvitations { edges { node { id selectionId vacancyId reason invitedAt } } } }'),
      'myInvitations',
    );
  }
}

/** A connection field's nodes as a plain list, so the tests read lists (the API pages them). */
async function flatten<T>(
  pending: Promise<GraphQLResult<unknown>>,
  field: keyof T & string,
): Promise<GraphQLResult<T>> {
  const r = await pending;
  const data = r.data as Record<string, { edges: { node: unknown }[] } | null> | null | undefined;
  if (!data) return r as GraphQLResult<T>;
  const conn = data[field];
  return { ...r, data: { ...data, [field]: conn ? conn.edges.map((e) => e.node) : conn } as T };
}
