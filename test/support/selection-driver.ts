/**
 * Drives an open selection through GraphQL, one typed function per step, as the users who take each
 * decision in real life. Every step answers the raw GraphQL result so a test can check a refusal;
 * `must` unwraps a success. Users are created with the gateway's AccountRepository and signed in.
 */
import { expect } from 'vitest';
import { localDateOf, type AgencyTimeZone, type UserIdentity } from '@seleksi/domain';
import type { AccountRepository } from '@seleksi/gateway';
import type { PanselMemberPlan, RankedEntry } from '@seleksi/workflows';
import { eventually, type GraphQLResult, type Stack } from './stack';

export type TestUser = UserIdentity;

/** A test account: e-mail and display name derived from its id. */
export function testUser(
  id: string,
  role: TestUser['role'],
  agencyCode: string | null,
  candidateId: string | null = null,
): TestUser {
  return { id, email: `${id}@uji.test`, displayName: `Pengguna ${id}`, role, agencyCode, candidateId };
}

export interface Decision {
  decisionId: string;
  kind: string;
  by: { userId: string; role: string; displayName: string | null };
  at: string;
  reason: string | null;
  subjectId: string | null;
}

export interface ProcessApplication {
  applicationId: string;
  candidateId: string;
  candidateName: string | null;
  vacancyId: string;
  status: string;
  eligible: boolean | null;
  screeningReopened: boolean;
  failedRequirements: string[];
  assessment: { score: number } | null;
  trackRecord: { score: number; eliminated: boolean } | null;
  withdrawn: boolean;
  calibrationRound: number;
  calibrationRequested: boolean;
  interviewScoreCount: number;
  interviewScores: { memberId: string; value: number; round: number }[] | null;
}

export interface ProcessVacancy {
  id: string;
  level: string | null;
  position: string | null;
  status: string;
  extensions: number;
  applicants: number;
  pendingDecision: string | null;
  outcome: string | null;
  shortlist: string[];
  ranking: RankedEntry[];
  proposedApplicationId: string | null;
  appointedApplicationId: string | null;
  decreeNumber: string | null;
  inaugurationDate: string | null;
}

export interface SelectionProcess {
  selectionId: string;
  stage: string;
  simulation: boolean;
  registrationClosesAt: string;
  myMemberId: string | null;
  calendarRevision: number;
  deadline: { label: string; at: string; lastDay: string } | null;
  vacancies: ProcessVacancy[];
  pansel: { id: string; name: string; internal: boolean; role: string; isMe: boolean }[];
  recusals: { memberId: string; candidateId: string }[];
  applications: ProcessApplication[];
  objections: {
    objectionId: string;
    applicationId: string;
    phase: string;
    upheld: boolean | null;
    text: string | null;
    answer: string | null;
    reopenStage: string | null;
  }[];
  documents: { kind: string; id: string; number: string; downloadUrl: string }[];
  overseer: { subject: string; round: number; escalations: number } | null;
  decisions:
    | {
        decisionId: string;
        kind: string;
        by: { userId: string; role: string };
        reason: string | null;
        subjectId: string | null;
      }[]
    | null;
}

export interface CreatedSelection {
  id: string;
  stage: string;
  simulation: boolean;
  workflowId: string;
  registrationClosesAt: string;
  vacancies: { id: string; position: string; level: string }[];
}

/** A member as `setPansel` takes it: the plan's member, its id optional (the gateway gives one). */
export type PanselMemberInput = Omit<PanselMemberPlan, 'id'> & { id?: string };

const DECISION = 'decisionId kind by { userId role displayName } at reason subjectId';

const PROCESS = `query($id: ID!) { selectionProcess(selectionId: $id) {
  selectionId stage simulation registrationClosesAt myMemberId calendarRevision
  deadline { label at lastDay }
  vacancies { id level position status extensions applicants pendingDecision outcome shortlist
    ranking { applicationId rank total qualified shortlisted note }
    proposedApplicationId appointedApplicationId decreeNumber inaugurationDate }
  pansel { id name internal role isMe }
  recusals { memberId candidateId }
  applications { applicationId candidateId candidateName vacancyId status eligible screeningReopened failedRequirements
    assessment { score } trackRecord { score eliminated } withdrawn calibrationRound calibrationRequested
    interviewScoreCount interviewScores { memberId value round } }
  objections { objectionId applicationId phase upheld text answer reopenStage }
  documents { kind id number downloadUrl }
  overseer { subject round escalations }
  decisions { decisionId kind by { userId role } reason subjectId }
} }`;

type DecisionResult<K extends string> = GraphQLResult<Record<K, Decision>>;

/** The data of a successful result; fails the test with the errors otherwise. */
export function must<T>(r: GraphQLResult<T>): T {
  if (r.errors?.length || !r.data) throw new Error(`GraphQL errors: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Asserts a typed refusal: `extensions.code` and, when given, `extensions.field`. */
export function expectError(r: GraphQLResult<unknown>, code: string, field?: string): void {
  expect(r.errors?.[0]?.extensions, JSON.stringify(r.errors ?? r.data)).toMatchObject(
    field ? { code, field } : { code },
  );
}

export class SelectionDriver {
  private constructor(
    readonly stack: Pick<Stack, 'gql'>,
    private readonly tokens: Map<string, string>,
    private readonly headers: Record<string, string> = {},
  ) {}

  /** A driver for a gateway already holding the users (e.g. the demo accounts of `npm start`): signs each in. */
  static async signInExisting(
    stack: Pick<Stack, 'gql'>,
    users: readonly { id: string; email: string }[],
    password: string,
  ): Promise<SelectionDriver> {
    const tokens = new Map<string, string>();
    for (const u of users) {
      const r = await stack.gql<{ signIn: { token: string } }>(
        'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
        { e: u.email, p: password },
      );
      tokens.set(u.id, must(r).signIn.token);
    }
    return new SelectionDriver(stack, tokens);
  }

  /** The same users, each request sending `Idempotency-Key: key` (a client retrying one decision). */
  withIdempotencyKey(key: string): SelectionDriver {
    return new SelectionDriver(this.stack, this.tokens, { ...this.headers, 'idempotency-key': key });
  }

  /** Creates (or updates) the accounts and signs each one in. */
  static async signIn(stack: Stack, users: readonly TestUser[], password: string): Promise<SelectionDriver> {
    const accounts: AccountRepository = stack.gateway.deps.accounts;
    const tokens = new Map<string, string>();
    for (const u of users) {
      await accounts.upsert({ ...u, password });
      tokens.set(u.id, await stack.signIn(u.email, password));
    }
    return new SelectionDriver(stack, tokens);
  }

  token(userId: string): string {
    const t = this.tokens.get(userId);
    if (!t) throw new Error(`user ${userId} is not signed in`);
    return t;
  }

  gql<T>(as: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    return this.stack.gql<T>(query, variables, as ? this.token(as) : undefined, this.headers);
  }

  private decision<K extends string>(
    as: string,
    name: K,
    signature: string,
    call: string,
    variables: Record<string, unknown>,
  ): Promise<DecisionResult<K>> {
    return this.gql(as, `mutation(${signature}) { ${name}(${call}) { ${DECISION} } }`, variables);
  }

  // --- planning -------------------------------------------------------------------------------

  async createSelection(
    as: string,
    input: Record<string, unknown>,
  ): Promise<GraphQLResult<{ createSelection: CreatedSelection }>> {
    return this.gql(
      as,
      `mutation($input: CreateSelectionInput!) { createSelection(input: $input) {
        id stage simulation workflowId registrationClosesAt vacancies { id position level } } }`,
      { input },
    );
  }

  setPansel(as: string, selectionId: string, members: PanselMemberInput[], decreeReference?: string) {
    return this.decision(
      as,
      'setPansel',
      '$s: ID!, $m: [PanselMemberInput!]!, $d: String',
      'selectionId: $s, members: $m, decreeReference: $d',
      { s: selectionId, m: members, d: decreeReference ?? null },
    );
  }

  submitPlan(as: string, selectionId: string) {
    return this.decision(as, 'submitPlan', '$s: ID!', 'selectionId: $s', { s: selectionId });
  }

  overseerDecision(
    as: string,
    selectionId: string,
    a: {
      subject: 'PLAN' | 'RESULT';
      verdict: 'APPROVE' | 'REQUEST_CORRECTION' | 'REJECT';
      stageAtFault?: string;
      reason: string;
      reference?: string;
    },
  ) {
    return this.decision(
      as,
      'overseerDecision',
      '$s: ID!, $subject: OverseerSubject!, $verdict: OverseerVerdict!, $stage: CorrectableStage, $reason: String!, $ref: String',
      'selectionId: $s, subject: $subject, verdict: $verdict, stageAtFault: $stage, reason: $reason, reference: $ref',
      {
        s: selectionId,
        subject: a.subject,
        verdict: a.verdict,
        stage: a.stageAtFault ?? null,
        reason: a.reason,
        ref: a.reference ?? null,
      },
    );
  }

  // --- registration and screening ----------------------------------------------------------------

  apply(as: string, vacancyId: string): Promise<GraphQLResult<{ applyToVacancy: { id: string; status: string } }>> {
    return this.gql(as, 'mutation($v: ID!) { applyToVacancy(vacancyId: $v) { id status } }', { v: vacancyId });
  }

  decideVacancy(
    as: string,
    selectionId: string,
    vacancyId: string,
    outcome: 'CANCEL' | 'SWITCH_ROUTE' | 'REANNOUNCE',
    reason: string,
  ) {
    return this.decision(
      as,
      'decideVacancy',
      '$s: ID!, $v: ID!, $o: VacancyOutcome!, $r: String!',
      'selectionId: $s, vacancyId: $v, outcome: $o, reason: $r',
      { s: selectionId, v: vacancyId, o: outcome, r: reason },
    );
  }

  overrideScreening(as: string, selectionId: string, applicationId: string, eligible: boolean, reason: string) {
    return this.decision(
      as,
      'overrideScreening',
      '$s: ID!, $a: ID!, $e: Boolean!, $r: String!',
      'selectionId: $s, applicationId: $a, eligible: $e, reason: $r',
      { s: selectionId, a: applicationId, e: eligible, r: reason },
    );
  }

  publishScreening(as: string, selectionId: string) {
    return this.decision(as, 'publishScreening', '$s: ID!', 'selectionId: $s', { s: selectionId });
  }

  fileObjection(as: string, selectionId: string, applicationId: string, text: string) {
    return this.decision(
      as,
      'fileObjection',
      '$s: ID!, $a: ID!, $t: String!',
      'selectionId: $s, applicationId: $a, text: $t',
      { s: selectionId, a: applicationId, t: text },
    );
  }

  answerObjection(
    as: string,
    selectionId: string,
    objectionId: string,
    upheld: boolean,
    answer: string,
    reopenStage?: string,
  ) {
    return this.decision(
      as,
      'answerObjection',
      '$s: ID!, $o: ID!, $u: Boolean!, $a: String!, $rs: CorrectableStage',
      'selectionId: $s, objectionId: $o, upheld: $u, answer: $a, reopenStage: $rs',
      { s: selectionId, o: objectionId, u: upheld, a: answer, rs: reopenStage ?? null },
    );
  }

  withdrawApplication(as: string, applicationId: string, reason: string) {
    return this.decision(as, 'withdrawApplication', '$a: ID!, $r: String!', 'applicationId: $a, reason: $r', {
      a: applicationId,
      r: reason,
    });
  }

  // --- scored stages ---------------------------------------------------------------------------

  declareConflict(as: string, selectionId: string, candidateId: string, hasConflict: boolean, reason: string) {
    return this.decision(
      as,
      'declareConflict',
      '$s: ID!, $c: ID!, $h: Boolean!, $r: String!',
      'selectionId: $s, candidateId: $c, hasConflict: $h, reason: $r',
      { s: selectionId, c: candidateId, h: hasConflict, r: reason },
    );
  }

  recordAssessment(
    as: string,
    selectionId: string,
    applicationId: string,
    s: { managerial: number; socioCultural: number; paper: number; presentation: number; assessedAt: string },
  ) {
    return this.decision(
      as,
      'recordAssessment',
      '$s: ID!, $a: ID!, $m: Float!, $sc: Float!, $p: Float!, $pr: Float!, $d: LocalDate!',
      'selectionId: $s, applicationId: $a, managerial: $m, socioCultural: $sc, paper: $p, presentation: $pr, assessedAt: $d',
      {
        s: selectionId,
        a: applicationId,
        m: s.managerial,
        sc: s.socioCultural,
        p: s.paper,
        pr: s.presentation,
        d: s.assessedAt,
      },
    );
  }

  submitInterviewScore(as: string, selectionId: string, applicationId: string, score: number, reason?: string) {
    return this.decision(
      as,
      'submitInterviewScore',
      '$s: ID!, $a: ID!, $v: Float!, $r: String',
      'selectionId: $s, applicationId: $a, score: $v, reason: $r',
      { s: selectionId, a: applicationId, v: score, r: reason ?? null },
    );
  }

  recordTrackRecord(
    as: string,
    selectionId: string,
    applicationId: string,
    t: { score: number; findings: string; eliminate?: boolean; reason?: string },
  ) {
    return this.decision(
      as,
      'recordTrackRecord',
      '$s: ID!, $a: ID!, $v: Float!, $f: String!, $e: Boolean, $r: String',
      'selectionId: $s, applicationId: $a, score: $v, findings: $f, eliminate: $e, reason: $r',
      { s: selectionId, a: applicationId, v: t.score, f: t.findings, e: t.eliminate ?? false, r: t.reason ?? null },
    );
  }

  completeStage(
    as: string,
    selectionId: string,
    stage: 'ADMINISTRATIVE_SCREENING' | 'COMPETENCY_ASSESSMENT' | 'INTERVIEW' | 'TRACK_RECORD',
  ) {
    return this.decision(as, 'completeStage', '$s: ID!, $st: CompletableStage!', 'selectionId: $s, stage: $st', {
      s: selectionId,
      st: stage,
    });
  }

  // --- appointment -----------------------------------------------------------------------------

  chooseAppointee(as: string, selectionId: string, vacancyId: string, applicationId: string, justification?: string) {
    return this.decision(
      as,
      'chooseAppointee',
      '$s: ID!, $v: ID!, $a: ID!, $j: String',
      'selectionId: $s, vacancyId: $v, applicationId: $a, justification: $j',
      { s: selectionId, v: vacancyId, a: applicationId, j: justification ?? null },
    );
  }

  recordInauguration(as: string, selectionId: string, vacancyId: string, date: string, place: string) {
    return this.decision(
      as,
      'recordInauguration',
      '$s: ID!, $v: ID!, $d: LocalDate!, $p: String!',
      'selectionId: $s, vacancyId: $v, date: $d, place: $p',
      { s: selectionId, v: vacancyId, d: date, p: place },
    );
  }

  // --- reading ---------------------------------------------------------------------------------

  process(as: string, selectionId: string): Promise<GraphQLResult<{ selectionProcess: SelectionProcess }>> {
    return this.gql(as, PROCESS, { id: selectionId });
  }

  /** Polls the process (as `as`) until `accept` holds; answers the last state. */
  async waitFor(
    as: string,
    selectionId: string,
    accept: (p: SelectionProcess) => boolean,
    timeoutMs = 60_000,
  ): Promise<SelectionProcess> {
    let last: SelectionProcess | undefined;
    try {
      return await eventually(async () => {
        const r = await this.process(as, selectionId);
        last = r.data?.selectionProcess ?? last;
        return last && accept(last) ? last : null;
      }, timeoutMs);
    } catch (err) {
      throw new Error(
        `${(err as Error).message}; last stage ${last?.stage}, deadline ${JSON.stringify(last?.deadline)}, vacancies ${JSON.stringify(last?.vacancies.map((v) => [v.id, v.status, v.pendingDecision]))}`,
      );
    }
  }

  /** Polls until the process reaches `stage`. */
  waitForStage(as: string, selectionId: string, stage: string, timeoutMs = 60_000): Promise<SelectionProcess> {
    return this.waitFor(as, selectionId, (p) => p.stage === stage, timeoutMs);
  }

  /** The read model exists once the workflow's first activity ran; decisions need it. */
  async waitForReadModel(as: string, selectionId: string): Promise<void> {
    await eventually(async () => {
      const r = await this.gql<{ selection: { id: string } | null }>(
        as,
        'query($id: ID!) { selection(id: $id) { id } }',
        {
          id: selectionId,
        },
      );
      return r.data?.selection ?? null;
    });
  }

  /**
   * A training-mode round of one vacancy for the secretary's agency, announced today, with its Pansel set
   * (decree `decree`); KASN-era rules, so its plan waits for the overseer with no timer deciding meanwhile.
   */
  async planTrainingRound(
    secretary: string,
    pansel: PanselMemberInput[],
    round: { title: string; timeZone: AgencyTimeZone; decree?: string },
  ): Promise<{ selectionId: string; vacancyId: string; workflowId: string }> {
    const { title, timeZone, decree = '800/1/BKD' } = round;
    const created = must(
      await this.createSelection(secretary, {
        title,
        announcementDate: localDateOf(new Date(), timeZone),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji', field: 'Pendidikan' }],
        simulationSecondsPerDay: 30,
        rules: { registrationDays: 10, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      }),
    ).createSelection;
    await this.waitForReadModel(secretary, created.id);
    must(await this.setPansel(secretary, created.id, pansel, decree));
    return { selectionId: created.id, vacancyId: created.vacancies[0]!.id, workflowId: created.workflowId };
  }

  /**
   * From a planned selection to open registration: the secretary sets the Pansel and submits the
   * plan, the overseer approves it.
   */
  async openRegistration(
    selectionId: string,
    who: { secretary: string; overseer: string },
    pansel: PanselMemberInput[],
  ): Promise<SelectionProcess> {
    await this.waitForReadModel(who.secretary, selectionId);
    must(await this.setPansel(who.secretary, selectionId, pansel, '800/123/BKD'));
    must(await this.submitPlan(who.secretary, selectionId));
    await this.waitForStage(who.secretary, selectionId, 'PLAN_APPROVAL');
    must(
      await this.overseerDecision(who.overseer, selectionId, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Rencana seleksi sesuai ketentuan peraturan perundang-undangan',
        reference: 'B-1234/KASN/11/2026',
      }),
    );
    return this.waitForStage(who.secretary, selectionId, 'REGISTRATION_OPEN');
  }

  /**
   * A training-mode round of one vacancy for the secretary's agency, created and carried to open
   * registration (Pansel set, plan approved); answers its selection and vacancy ids.
   */
  async openTrainingRound(
    who: { secretary: string; overseer: string },
    pansel: PanselMemberInput[],
    round: {
      title: string;
      announcementDate: string;
      vacancy: { position: string; unit: string; field?: string };
      secondsPerDay: number;
      rules: Record<string, unknown>;
    },
  ): Promise<{ selectionId: string; vacancyId: string }> {
    const created = must(
      await this.createSelection(who.secretary, {
        title: round.title,
        announcementDate: round.announcementDate,
        vacancies: [{ level: 'PRATAMA', ...round.vacancy }],
        simulationSecondsPerDay: round.secondsPerDay,
        rules: round.rules,
      }),
    ).createSelection;
    await this.openRegistration(created.id, who, pansel);
    return { selectionId: created.id, vacancyId: created.vacancies[0]!.id };
  }

  /** Every candidate applies to the vacancy given, at once; answers the application ids in order. */
  async applyAll(applications: [candidateUserId: string, vacancyId: string][]): Promise<string[]> {
    const results = await Promise.all(applications.map(([as, v]) => this.apply(as, v)));
    return results.map((r) => must(r).applyToVacancy.id);
  }

  /** Assessment results for each application (all four parts = the given score), then closes the stage. */
  async assessAll(as: string, selectionId: string, scores: Map<string, number>, assessedAt: string): Promise<void> {
    for (const [applicationId, v] of scores) {
      must(
        await this.recordAssessment(as, selectionId, applicationId, {
          managerial: v,
          socioCultural: v,
          paper: v,
          presentation: v,
          assessedAt,
        }),
      );
    }
  }

  /**
   * Interview scores by every member for each application (score + the member's offset), skipping
   * pairs already scored or excluded; `reason` is given when re-scoring.
   */
  async interviewAll(
    selectionId: string,
    members: string[],
    scores: Map<string, number>,
    opts: { skip?: (member: string, applicationId: string) => boolean; reason?: string } = {},
  ): Promise<void> {
    for (const [i, m] of members.entries()) {
      for (const [applicationId, v] of scores) {
        if (opts.skip?.(m, applicationId)) continue;
        must(await this.submitInterviewScore(m, selectionId, applicationId, v + (i - 2), opts.reason));
      }
    }
  }

  async trackRecordAll(as: string, selectionId: string, scores: Map<string, number>): Promise<void> {
    for (const [applicationId, v] of scores) {
      must(
        await this.recordTrackRecord(as, selectionId, applicationId, {
          score: v,
          findings: 'Tidak ditemukan catatan negatif dari atasan, rekan kerja, dan bawahan',
        }),
      );
    }
  }
}
