/**
 * Loads the demo data once, idempotently: reference data into the services, demo accounts into the
 * gateway, and one selection round created through GraphQL exactly as a Pansel secretary would.
 */
import { createConnection } from 'mongoose';
import { localDateOf } from '@seleksi/domain';
import { createServiceClients, type Logger, type ServiceTokenProvider } from '@seleksi/kit';
import { AccountRepository } from '@seleksi/gateway';
import {
  DEMO_AGENCIES,
  DEMO_AGENCY,
  DEMO_MERIT_SELF_ASSESSMENT,
  DEMO_PANSEL,
  DEMO_TALENT_SYSTEM_APPROVAL,
  DEMO_PASSWORD,
  DEMO_PROFILES,
  DEMO_SELECTION,
  DEMO_USERS,
} from './demo-data';

export interface SeedOptions {
  gatewayUrl: string;
  candidateUrl: string;
  assessmentUrl: string;
  documentUrl: string;
  temporalAddress: string;
  namespace: string;
  logger: Logger;
  /** The operator's service credential. */
  auth: ServiceTokenProvider;
  /** Where the gateway keeps accounts; defaults to MONGODB_URI or the embedded FerretDB. */
  mongoUri?: string;
  gatewayDb?: string;
}

/** One demo account, printed in the start-up box. */
export interface DemoSignIn {
  email: string;
  role: string;
  password: string;
}

async function graphql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: unknown }[] };
  if (body.errors?.length) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

async function signInAs(gatewayUrl: string, email: string): Promise<string> {
  const { signIn } = await graphql<{ signIn: { token: string } }>(
    gatewayUrl,
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
    { e: email, p: DEMO_PASSWORD },
  );
  return signIn.token;
}

/** The selection's stage once its workflow has written the read model. */
async function stageOf(gatewayUrl: string, selectionId: string, token: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const { selection } = await graphql<{ selection: { stage: string } | null }>(
      gatewayUrl,
      'query($id: ID!) { selection(id: $id) { stage } }',
      { id: selectionId },
      token,
    );
    if (selection) return selection.stage;
    if (attempt >= 100) throw new Error(`selection ${selectionId} did not appear in the read model`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The steps before registration, as the secretary and the overseer take them in the portal; true
 * when any step was taken (false when registration was already open).
 */
async function openRegistration(gatewayUrl: string, selectionId: string, secretaryToken: string): Promise<boolean> {
  const stage = await stageOf(gatewayUrl, selectionId, secretaryToken);
  if (stage !== 'PLANNED' && stage !== 'PLAN_APPROVAL') return false;
  if (stage === 'PLANNED') await setPanselAndSubmit(gatewayUrl, selectionId, secretaryToken);
  const overseer = DEMO_USERS.find((u) => u.role === 'OVERSEER')!;
  await graphql(
    gatewayUrl,
    'mutation($s: ID!) { overseerDecision(selectionId: $s, subject: PLAN, verdict: APPROVE, reason: "Rencana seleksi sesuai ketentuan (data demo)") { decisionId } }',
    { s: selectionId },
    await signInAs(gatewayUrl, overseer.email),
  );
  return true;
}

async function setPanselAndSubmit(gatewayUrl: string, selectionId: string, secretaryToken: string): Promise<void> {
  await graphql(
    gatewayUrl,
    'mutation($s: ID!, $m: [PanselMemberInput!]!) { setPansel(selectionId: $s, members: $m) { decisionId } }',
    {
      s: selectionId,
      m: DEMO_PANSEL.map((p, i) => ({
        id: p.id,
        userId: p.userId,
        name: p.name,
        institution: p.institution,
        internal: p.internal,
        partyMember: p.partyMember,
        role: i === 0 ? 'CHAIR' : 'MEMBER',
      })),
    },
    secretaryToken,
  );
  await graphql(
    gatewayUrl,
    'mutation($s: ID!) { submitPlan(selectionId: $s) { decisionId } }',
    { s: selectionId },
    secretaryToken,
  );
}

interface SeedAssessment {
  id: string;
  status: string;
  version: number;
  aspects: { aspect: { code: string } }[];
}
const ASSESSMENT = 'id status version aspects { aspect { code } }';

/**
 * Opens the demo agency's talent gate the only way there is, as recorded decisions: the secretariat fills
 * in and submits the merit-system self-assessment, the demo overseer validates it and approves the
 * talent-management system. Idempotent, and resumes a seed interrupted between the steps.
 */
async function openDemoTalentGate(gatewayUrl: string, secretaryToken: string): Promise<boolean> {
  const code = DEMO_AGENCY.code;
  const overseer = DEMO_USERS.find((u) => u.role === 'OVERSEER')!;
  const { talentGate } = await graphql<{ talentGate: { meritIndexScore: number | null; approval: unknown } }>(
    gatewayUrl,
    'query($a: String!) { talentGate(agencyCode: $a) { meritIndexScore approval { reference } } }',
    { a: code },
    secretaryToken,
  );
  if (talentGate.meritIndexScore !== null && talentGate.approval) return false;
  const overseerToken = await signInAs(gatewayUrl, overseer.email);
  if (talentGate.meritIndexScore === null) {
    const { meritAssessments } = await graphql<{ meritAssessments: SeedAssessment[] }>(
      gatewayUrl,
      `query($a: String!) { meritAssessments(agencyCode: $a) { ${ASSESSMENT} } }`,
      { a: code },
      secretaryToken,
    );
    let a = meritAssessments[0];
    if (!a || a.status === 'VALIDATED') {
      a = (
        await graphql<{ startMeritAssessment: SeedAssessment }>(
          gatewayUrl,
          `mutation($a: String!, $p: String!) { startMeritAssessment(agencyCode: $a, period: $p) { ${ASSESSMENT} } }`,
          { a: code, p: localDateOf(new Date(), DEMO_AGENCY.timeZone).slice(0, 4) },
          secretaryToken,
        )
      ).startMeritAssessment;
    }
    if (a.status === 'DRAFT' || a.status === 'RETURNED') {
      const aspects = a.aspects.map(({ aspect }) => ({
        code: aspect.code,
        score: DEMO_MERIT_SELF_ASSESSMENT[aspect.code]?.score ?? 3,
        note: DEMO_MERIT_SELF_ASSESSMENT[aspect.code]?.note ?? null,
      }));
      a = (
        await graphql<{ saveMeritAssessment: SeedAssessment }>(
          gatewayUrl,
          `mutation($id: ID!, $v: Int!, $x: [MeritAspectScoreInput!]!) { saveMeritAssessment(assessmentId: $id, expectedVersion: $v, aspects: $x) { ${ASSESSMENT} } }`,
          { id: a.id, v: a.version, x: aspects },
          secretaryToken,
        )
      ).saveMeritAssessment;
      a = (
        await graphql<{ submitMeritAssessment: SeedAssessment }>(
          gatewayUrl,
          `mutation($id: ID!, $v: Int!) { submitMeritAssessment(assessmentId: $id, expectedVersion: $v, note: "Penilaian mandiri (data demo)") { ${ASSESSMENT} } }`,
          { id: a.id, v: a.version },
          secretaryToken,
        )
      ).submitMeritAssessment;
    }
    await graphql(
      gatewayUrl,
      'mutation($id: ID!, $v: Int!) { validateMeritAssessment(assessmentId: $id, expectedVersion: $v, reason: "Bukti lengkap (data demo)") { id } }',
      { id: a.id, v: a.version },
      overseerToken,
    );
  }
  if (!talentGate.approval) {
    await graphql(
      gatewayUrl,
      'mutation($a: String!, $d: LocalDate!, $n: String!, $r: String!) { approveTalentSystem(agencyCode: $a, approvedOn: $d, reference: $n, reason: $r) { decisionId } }',
      {
        a: code,
        d: localDateOf(new Date(), DEMO_AGENCY.timeZone),
        n: DEMO_TALENT_SYSTEM_APPROVAL.reference,
        r: DEMO_TALENT_SYSTEM_APPROVAL.reason,
      },
      overseerToken,
    );
  }
  return true;
}

export async function seedDemoData(options: SeedOptions): Promise<DemoSignIn[]> {
  const { logger } = options;
  const services = createServiceClients(
    {
      CANDIDATE_SERVICE_URL: options.candidateUrl,
      ASSESSMENT_SERVICE_URL: options.assessmentUrl,
      DOCUMENT_SERVICE_URL: options.documentUrl,
    },
    { auth: options.auth },
  );

  for (const agency of DEMO_AGENCIES) await services.candidate.upsertAgency(agency);
  for (const profile of DEMO_PROFILES) await services.candidate.upsertProfile(profile);

  const conn = createConnection(options.mongoUri ?? process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27018', {
    dbName: options.gatewayDb ?? process.env.GATEWAY_DB ?? 'seleksi_gateway',
    serverSelectionTimeoutMS: 5000,
  });
  try {
    await conn.asPromise();
    const accounts = new AccountRepository(conn);
    await accounts.init();
    for (const u of DEMO_USERS) await accounts.upsert({ ...u, password: DEMO_PASSWORD });
  } finally {
    await conn.close();
  }

  const secretary = DEMO_USERS.find((u) => u.role === 'PANSEL_SECRETARY')!;
  const { signIn } = await graphql<{ signIn: { token: string } }>(
    options.gatewayUrl,
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
    { e: secretary.email, p: DEMO_PASSWORD },
  );
  const existing = await graphql<{ selections: { edges: { node: { id: string } }[] } }>(
    options.gatewayUrl,
    'query($a: String) { selections(first: 1, agencyCode: $a) { edges { node { id } } } }',
    { a: DEMO_AGENCY.code },
    signIn.token,
  );
  let selectionId = existing.selections.edges[0]?.node.id;
  if (!selectionId) {
    const created = await graphql<{ createSelection: { id: string } }>(
      options.gatewayUrl,
      'mutation($input: CreateSelectionInput!) { createSelection(input: $input) { id } }',
      { input: { ...DEMO_SELECTION, announcementDate: localDateOf(new Date(), DEMO_AGENCY.timeZone) } },
      signIn.token,
    );
    selectionId = created.createSelection.id;
    logger.info({ selectionId }, 'demo selection created');
  }
  // Also resumes a seed interrupted between these steps.
  if (await openRegistration(options.gatewayUrl, selectionId, signIn.token)) {
    logger.info({ selectionId }, 'demo Pansel set and plan approved: registration open');
  }
  for (const m of DEMO_PANSEL) await services.assessment.upsertPanselMember({ ...m, selectionIds: [selectionId] });
  if (await openDemoTalentGate(options.gatewayUrl, signIn.token)) {
    logger.info(
      { agencyCode: DEMO_AGENCY.code },
      'demo merit assessment validated and talent system approved by the overseer',
    );
  }

  logger.info(
    { agencies: DEMO_AGENCIES.length, profiles: DEMO_PROFILES.length, users: DEMO_USERS.length },
    'demo data loaded',
  );
  return DEMO_USERS.map((u) => ({ email: u.email, role: u.role, password: DEMO_PASSWORD }));
}
