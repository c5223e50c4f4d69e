/**
 * Shared reads (gateway/src/shared-reads.ts) through the gateway with the real services: the public's and
 * candidates' repeated reads of selections and documents ask the services once per time kept, staff read
 * fresh, and a staff mutation makes the next read of everyone fresh. The time kept is long here (a minute)
 * so that "still the kept answer" cannot depend on the machine's speed; its running out is a unit test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationId, selectionWorkflowId, vacancyId, type AgencyDto, type SelectionDto } from '@seleksi/domain';
import type { AccountRepository } from '@seleksi/gateway';
import { eligibleProfile, testAgency } from './support/fixtures';
import { countServiceCalls, startStack, type Stack } from './support/stack';

const AGENCY: AgencyDto = testAgency('SHARD');
const PASSWORD = 'rahasia-uji-123';

let stack: Stack;
let calls: string[] = [];
let admin: string;
let candidate: string;

const selection = (title: string): Omit<SelectionDto, 'stageHistory'> => ({
  id: 'SHARD-S1',
  agencyCode: AGENCY.code,
  title,
  workflowId: selectionWorkflowId(AGENCY.code, 'SHARD-S1'),
  stage: 'REGISTRATION_OPEN',
  timeZone: 'WITA',
  announcementDate: '2026-11-02',
  registrationClosesAt: '2026-11-20T08:00:00.000Z',
  vacancies: [
    { id: vacancyId('SHARD-S1', 0), level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji', status: 'OPEN' },
  ],
  simulation: false,
  createdBy: { userId: 'sh-admin', role: 'ADMIN' },
  createdAt: '2026-11-01T00:00:00.000Z',
});

async function account(id: string, role: 'ADMIN' | 'CANDIDATE', candidateId: string | null): Promise<string> {
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id,
    email: `${id}@uji.test`,
    displayName: id,
    role,
    agencyCode: role === 'ADMIN' ? null : AGENCY.code,
    candidateId,
    password: PASSWORD,
  });
  return stack.signIn(`${id}@uji.test`, PASSWORD);
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'shared',
    gateway: { SHARED_READ_TTL_MS: '60000' },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertSelection(selection('Seleksi Uji Lama'));
  await stack.clients.candidate.upsertProfile(eligibleProfile('sh-cand', AGENCY.code, 1));
  await stack.clients.candidate.createApplication({
    id: applicationId(vacancyId('SHARD-S1', 0), 'sh-cand'),
    selectionId: 'SHARD-S1',
    vacancyId: vacancyId('SHARD-S1', 0),
    candidateId: 'sh-cand',
    submittedAt: '2026-11-03T02:00:00.000Z',
  });
  admin = await account('sh-admin', 'ADMIN', null);
  candidate = await account('sh-cand-user', 'CANDIDATE', 'sh-cand');
  calls = countServiceCalls(stack);
});

afterAll(async () => {
  await stack?.close();
});

const PUBLIC = `{ selections(stage: REGISTRATION_OPEN, agencyCode: "${AGENCY.code}", first: 10) { edges { node { id title } } } }`;
const MINE = '{ myApplications(first: 10) { edges { node { id selection { id title } } } } }';
const ONE = '{ selection(id: "SHARD-S1") { id title } }';

/** The titles one read answers, and the service calls it made (paths only). */
async function read(query: string, token?: string): Promise<{ titles: string[]; calls: string[] }> {
  calls.length = 0;
  const r = await stack.gql<Record<string, unknown>>(query, {}, token);
  expect(r.errors).toBeUndefined();
  const titles = [...JSON.stringify(r.data).matchAll(/"title":"([^"]+)"/g)].map((m) => m[1]!);
  return { titles, calls: [...calls] };
}

describe('shared reads of selections (public and candidates)', () => {
  it('repeated public and candidate reads ask the services once; staff read fresh; a staff mutation refreshes all', async () => {
    // First reads fill what is kept.
    expect(await read(PUBLIC)).toMatchObject({ titles: ['Seleksi Uji Lama'] });
    const mine = await read(MINE, candidate);
    expect(mine.titles).toEqual(['Seleksi Uji Lama']);

    // Again: the public list makes no service call; the candidate's own applications are always read,
    // their selection is not.
    expect(await read(PUBLIC)).toEqual({ titles: ['Seleksi Uji Lama'], calls: [] });
    const again = await read(MINE, candidate);
    expect(again.titles).toEqual(['Seleksi Uji Lama']);
    expect(again.calls.some((c) => c.startsWith('GET /selections'))).toBe(false);
    expect(again.calls.some((c) => c.includes('/applications'))).toBe(true);

    // Changed behind the gateway's back (as another gateway or a workflow's activity would): the public
    // and the candidate still get what is kept, an administrator gets the change at once.
    await stack.clients.candidate.upsertSelection(selection('Seleksi Uji Baru'));
    expect((await read(PUBLIC)).titles).toEqual(['Seleksi Uji Lama']);
    expect((await read(ONE, candidate)).titles).toEqual(['Seleksi Uji Lama']);
    const staff = await read(ONE, admin);
    expect(staff.titles).toEqual(['Seleksi Uji Baru']);
    expect(staff.calls.some((c) => c.startsWith('GET /selections'))).toBe(true);

    // A candidate's own mutation keeps what is shared (a candidate changes no selection)...
    const own = await stack.gql('mutation { setNoticePreferences(disabled: []) { kind } }', {}, candidate);
    expect(own.errors).toBeUndefined();
    expect((await read(PUBLIC)).titles).toEqual(['Seleksi Uji Lama']);
    // ...a staff mutation, whatever it was, makes everyone's next read fresh.
    const r = await stack.gql('mutation { setNoticePreferences(disabled: []) { kind } }', {}, admin);
    expect(r.errors).toBeUndefined();
    expect((await read(PUBLIC)).titles).toEqual(['Seleksi Uji Baru']);
    expect((await read(MINE, candidate)).titles).toEqual(['Seleksi Uji Baru']);
  });
});
