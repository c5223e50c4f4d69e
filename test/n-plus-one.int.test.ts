/**
 * No N+1 in the gateway: a list of N applications with nested selection, vacancy, profile and
 * document fields costs the same, bounded number of service calls for N = 10 and N = 100. The
 * gateway's service clients are swapped for ones whose fetch counts every request.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationId, selectionWorkflowId, vacancyId, type AgencyDto } from '@seleksi/domain';
import type { AccountRepository } from '@seleksi/gateway';
import { eligibleProfile, testAgency } from './support/fixtures';
import { countServiceCalls, startStack, type Stack } from './support/stack';

const AGENCY: AgencyDto = testAgency('NPLUS');
const PASSWORD = 'rahasia-uji-123';
/** Most service calls one list query may make, whatever its length. */
const BOUND = 6;

let stack: Stack;
let calls: string[] = [];
let admin: string;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'nplus' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  calls = countServiceCalls(stack);
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id: 'np-admin',
    email: 'np-admin@uji.test',
    displayName: 'Admin',
    role: 'ADMIN',
    agencyCode: null,
    candidateId: null,
    password: PASSWORD,
  });
  admin = await stack.signIn('np-admin@uji.test', PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

function selection(id: string, vacancies: number) {
  return {
    id,
    agencyCode: AGENCY.code,
    title: `Seleksi Terbuka JPT Pratama Uji ${id}`,
    workflowId: selectionWorkflowId(AGENCY.code, id),
    stage: 'REGISTRATION_OPEN' as const,
    timeZone: 'WITA' as const,
    announcementDate: '2026-11-02',
    registrationClosesAt: '2026-11-20T08:00:00.000Z',
    vacancies: Array.from({ length: vacancies }, (_, i) => ({
      id: vacancyId(id, i),
      level: 'PRATAMA' as const,
      position: `Kepala Dinas Uji ${i + 1}`,
      unit: `Dinas Uji ${i + 1}`,
      status: 'OPEN' as const,
    })),
    // Documents that do not exist still go through the document loader (and come back null).
    announcementDocumentId: `00000000-0000-4000-8000-${id.replace(/\W/g, '').slice(-12).padStart(12, '0')}`,
    simulation: false,
    createdBy: { userId: 'np-admin', role: 'ADMIN' as const },
    createdAt: '2026-11-01T00:00:00.000Z',
  };
}

async function apply(selectionId: string, vacancy: string, candidateId: string): Promise<void> {
  await stack.clients.candidate.createApplication({
    id: applicationId(vacancy, candidateId),
    selectionId,
    vacancyId: vacancy,
    candidateId,
    submittedAt: '2026-11-03T02:00:00.000Z',
  });
}

async function signInCandidate(id: string): Promise<string> {
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id: `u-${id}`,
    email: `${id}@uji.test`,
    displayName: id,
    role: 'CANDIDATE',
    agencyCode: AGENCY.code,
    candidateId: id,
    password: PASSWORD,
  });
  return stack.signIn(`${id}@uji.test`, PASSWORD);
}

/** Runs one query and answers the service calls it made. */
async function counted(query: string, variables: Record<string, unknown>, token: string) {
  calls.length = 0;
  const r = await stack.gql<Record<string, { edges?: unknown[]; applications?: { edges: unknown[] } } | null>>(
    query,
    variables,
    token,
  );
  expect(r.errors).toBeUndefined();
  return { data: r.data!, calls: [...calls].sort() };
}

const NESTED = `id status candidateName
  selection { id title stage simulation announcement { id number } }
  vacancy { id position }
  documents { id fileName }
  profileConfirmation { status }
  timeline { status }`;

const MY_APPLICATIONS = `{ myApplications(first: 100) { totalCount edges { node { ${NESTED} } } } }`;
const SELECTION_APPLICATIONS = `query($id: ID!) {
  selection(id: $id) { id applications(first: 100) { edges { node { ${NESTED} } } } }
}`;

/** One candidate with N applications, each in its own selection (N selections, N announcements). */
async function seedCandidateWithApplications(n: number): Promise<string> {
  const candidateId = `np-cand-${n}`;
  await stack.clients.candidate.upsertProfile(eligibleProfile(candidateId, AGENCY.code, n));
  for (let i = 0; i < n; i++) {
    const s = selection(`NP${n}-S${String(i).padStart(3, '0')}`, 1);
    await stack.clients.candidate.upsertSelection(s);
    await apply(s.id, s.vacancies[0]!.id, candidateId);
  }
  return signInCandidate(candidateId);
}

/** One selection with 4 vacancies and N applicants (N profiles). */
async function seedSelectionWithApplicants(n: number): Promise<string> {
  const s = selection(`NP${n}-B`, 4);
  await stack.clients.candidate.upsertSelection(s);
  for (let i = 0; i < n; i++) {
    const candidateId = `np-${n}-applicant-${String(i).padStart(3, '0')}`;
    await stack.clients.candidate.upsertProfile(eligibleProfile(candidateId, AGENCY.code, 1000 + n + i));
    await apply(s.id, s.vacancies[i % 4]!.id, candidateId);
  }
  return s.id;
}

describe('service calls per list query (DataLoader)', () => {
  it("a candidate's N applications across N selections: the same bounded count for N = 10 and 100", async () => {
    const results = [];
    for (const n of [10, 100]) {
      const token = await seedCandidateWithApplications(n);
      const r = await counted(MY_APPLICATIONS, {}, token);
      const conn = r.data.myApplications as unknown as {
        totalCount: number;
        edges: { node: Record<string, unknown> }[];
      };
      expect(conn.totalCount).toBe(n);
      expect(conn.edges).toHaveLength(n);
      expect(conn.edges[0]!.node).toMatchObject({
        candidateName: expect.stringContaining('Peserta Uji'),
        selection: { stage: 'REGISTRATION_OPEN', simulation: false, announcement: null },
        vacancy: { position: 'Kepala Dinas Uji 1' },
        documents: [],
      });
      console.log(`myApplications, N = ${n}: ${r.calls.length} service calls: ${r.calls.join(', ')}`);
      results.push(r.calls);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.length).toBeLessThanOrEqual(BOUND);
  });

  it("a selection's N applicants read by an administrator: the same bounded count for N = 10 and 100", async () => {
    const results = [];
    for (const n of [10, 100]) {
      const id = await seedSelectionWithApplicants(n);
      const r = await counted(SELECTION_APPLICATIONS, { id }, admin);
      const edges = (r.data.selection as { applications: { edges: { node: Record<string, unknown> }[] } }).applications
        .edges;
      expect(edges).toHaveLength(n);
      expect(new Set(edges.map((e) => e.node.candidateName)).size).toBe(n);
      console.log(`selection.applications, N = ${n}: ${r.calls.length} service calls: ${r.calls.join(', ')}`);
      results.push(r.calls);
    }
    expect(results[1]).toEqual(results[0]);
    expect(results[0]!.length).toBeLessThanOrEqual(BOUND);
  });
});
