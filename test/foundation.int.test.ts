/**
 * The foundation's vertical slice, driven through GraphQL on the real Temporal dev server and the real
 * FerretDB: plan a selection, issue its announcement PDF, apply, close registration on a durable timer,
 * and read every status from the read model.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf, type AgencyDto, type ProfileDto } from '@seleksi/domain';
import { AccountRepository } from '@seleksi/gateway';
import { getSelectionStateQuery, openSelectionHandle, AgencyCodeKey, SelectionStageKey } from '@seleksi/workflows';
import { eventually, startStack, type Stack } from './support/stack';
import { testPansel, RECENT_SKP_YEARS } from './support/fixtures';

const AGENCY: AgencyDto = {
  code: 'TESTPROV',
  name: 'Pemerintah Provinsi Uji Coba',
  address: 'Jalan Merdeka Nomor 1, Kota Uji 70000',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINCE',
};

const PROFILE: ProfileDto = {
  id: 'asn-it-1',
  nip: '197608222001122002',
  name: 'Siti Uji Coba, S.E., M.M.',
  rank: 'IV/b',
  agencyCode: AGENCY.code,
  education: 'S2',
  careers: [
    {
      position: 'Kepala Bidang',
      positionKind: 'ADMINISTRATOR',
      unit: 'Bappeda',
      agencyCode: AGENCY.code,
      from: '2016-03-01',
      to: null,
    },
  ],
  skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  lhkpnFiled: true,
  disciplinarySanction: false,
};

const PASSWORD = 'rahasia-uji-123';
const USERS = {
  secretary: {
    id: 'u-sec',
    email: 'sec@uji.test',
    displayName: 'Sekretariat Uji',
    role: 'PANSEL_SECRETARY',
    agencyCode: AGENCY.code,
    candidateId: null,
  },
  candidate: {
    id: 'u-cand',
    email: 'cand@uji.test',
    displayName: 'Siti Uji Coba',
    role: 'CANDIDATE',
    agencyCode: AGENCY.code,
    candidateId: PROFILE.id,
  },
  other: {
    id: 'u-cand2',
    email: 'cand2@uji.test',
    displayName: 'Peserta Lain',
    role: 'CANDIDATE',
    agencyCode: AGENCY.code,
    candidateId: 'asn-it-2',
  },
  overseer: {
    id: 'u-overseer',
    email: 'overseer@uji.test',
    displayName: 'Lembaga Pengawas Uji',
    role: 'OVERSEER',
    agencyCode: null,
    candidateId: null,
  },
} as const;

/** Registration opens only after the Pansel is set and the overseer approves the plan. */
const PANSEL = testPansel('fd');
const SET_PANSEL = `mutation($s: ID!, $m: [PanselMemberInput!]!) { setPansel(selectionId: $s, members: $m) { kind } }`;
const SUBMIT_PLAN = `mutation($s: ID!) { submitPlan(selectionId: $s) { kind } }`;
const APPROVE_PLAN = `mutation($s: ID!) { overseerDecision(selectionId: $s, subject: PLAN, verdict: APPROVE,
  reason: "Rencana seleksi sesuai ketentuan") { kind } }`;
const PROCESS_STAGE = `query($s: ID!) { selectionProcess(selectionId: $s) { stage } }`;

async function approvePlan(selectionId: string): Promise<void> {
  await eventually(async () => (await stack.gql(SELECTION, { id: selectionId }, tokens.secretary)).data?.selection);
  expect((await stack.gql(SET_PANSEL, { s: selectionId, m: PANSEL }, tokens.secretary)).errors).toBeUndefined();
  expect((await stack.gql(SUBMIT_PLAN, { s: selectionId }, tokens.secretary)).errors).toBeUndefined();
  await eventually(async () => {
    const r = await stack.gql<{ selectionProcess: { stage: string } }>(
      PROCESS_STAGE,
      { s: selectionId },
      tokens.overseer,
    );
    return r.data?.selectionProcess.stage === 'PLAN_APPROVAL';
  });
  expect((await stack.gql(APPROVE_PLAN, { s: selectionId }, tokens.overseer)).errors).toBeUndefined();
}

const CREATE = `mutation($input: CreateSelectionInput!) {
  createSelection(input: $input) { id stage workflowId vacancies { id position level } registrationClosesAt }
}`;
const SELECTION = `query($id: ID!) {
  selection(id: $id) { id stage temporalUiUrl stageHistory { stage reasonCode }
    announcement { id number sha256 verificationCode downloadUrl } vacancies { id } }
}`;
const APPLY = `mutation($v: ID!) { applyToVacancy(vacancyId: $v) { id status vacancy { id } timeline { status reasonCode reasonText } } }`;
const APPLICATION = `query($id: ID!) { application(id: $id) { id status timeline { status reasonCode expectedNextAt } } }`;

let stack: Stack;
let tokens: Record<keyof typeof USERS, string>;
const today = localDateOf(new Date(), 'WITA');
const validInput = {
  title: 'Seleksi Terbuka JPT Pratama Provinsi Uji Coba Tahun 2026',
  announcementDate: today,
  vacancies: [
    { level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' },
    { level: 'PRATAMA', position: 'Kepala Bappeda', unit: 'Badan Perencanaan Pembangunan Daerah' },
  ],
};

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'foundation',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertProfile(PROFILE);
  await stack.clients.candidate.upsertProfile({
    ...PROFILE,
    id: 'asn-it-2',
    nip: '198104172006042001',
    name: 'Peserta Lain',
  });
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  for (const u of Object.values(USERS)) await accounts.upsert({ ...u, password: PASSWORD });
  for (const m of PANSEL) {
    await accounts.upsert({
      id: m.userId,
      email: `${m.userId}@uji.test`,
      displayName: m.name,
      role: 'PANSEL_MEMBER',
      agencyCode: null,
      candidateId: null,
      password: PASSWORD,
    });
  }
  tokens = {
    secretary: await stack.signIn(USERS.secretary.email, PASSWORD),
    candidate: await stack.signIn(USERS.candidate.email, PASSWORD),
    other: await stack.signIn(USERS.other.email, PASSWORD),
    overseer: await stack.signIn(USERS.overseer.email, PASSWORD),
  };
});

afterAll(async () => {
  await stack?.close();
});

describe('open selection through GraphQL', () => {
  let selectionId: string;
  let vacancyIds: string[];
  let workflowId: string;

  it('a Pansel secretary plans a selection: the workflow starts with search attributes', async () => {
    const r = await stack.gql<{
      createSelection: { id: string; stage: string; workflowId: string; vacancies: { id: string }[] };
    }>(CREATE, { input: validInput }, tokens.secretary);
    expect(r.errors).toBeUndefined();
    const created = r.data!.createSelection;
    selectionId = created.id;
    workflowId = created.workflowId;
    vacancyIds = created.vacancies.map((v) => v.id);
    expect(workflowId).toBe(`selection:${AGENCY.code}:${selectionId}`);
    expect(vacancyIds).toEqual([`${selectionId}-V1`, `${selectionId}-V2`]);

    const description = await stack.client.workflow.getHandle(workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get(AgencyCodeKey)).toBe(AGENCY.code);
  });

  it('issues the announcement PDF and opens registration once the overseer approves the plan', async () => {
    await approvePlan(selectionId);
    const s = await eventually(async () => {
      const r = await stack.gql<{
        selection: { stage: string; announcement: { downloadUrl: string; sha256: string; number: string } | null };
      }>(SELECTION, { id: selectionId }, tokens.secretary);
      return r.data?.selection?.stage === 'REGISTRATION_OPEN' ? r.data.selection : null;
    });
    expect(s.announcement).not.toBeNull();
    const pdf = await fetch(s.announcement!.downloadUrl.replace(/^http:\/\/localhost:4000/, stack.gateway.url));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(s.announcement!.sha256);

    const described = await stack.client.workflow.getHandle(workflowId).describe();
    expect(described.typedSearchAttributes.get(SelectionStageKey)).toBe('REGISTRATION_OPEN');
  });

  it('appears in `temporal workflow list` by its search attributes', async () => {
    const cli = inject('temporalCliPath');
    const { stdout } = await eventually(async () => {
      const out = await promisify(execFile)(cli, [
        'workflow',
        'list',
        '--address',
        inject('temporalAddress'),
        '--query',
        `SelectionId = '${selectionId}' AND SelectionStage = 'REGISTRATION_OPEN'`,
      ]);
      return out.stdout.includes(workflowId) ? out : null;
    });
    expect(stdout).toContain('openSelectionWorkflow');
  });

  it('a candidate applies once; a second application to the same vacancy is a typed error', async () => {
    const first = await stack.gql<{
      applyToVacancy: { id: string; status: string; timeline: { reasonCode: string }[] };
    }>(APPLY, { v: vacancyIds[0] }, tokens.candidate);
    expect(first.errors).toBeUndefined();
    expect(first.data!.applyToVacancy.status).toBe('SUBMITTED');
    expect(first.data!.applyToVacancy.timeline.map((e) => e.reasonCode)).toContain('APPLICATION_SUBMITTED');

    const again = await stack.gql(APPLY, { v: vacancyIds[0] }, tokens.candidate);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'DUPLICATE_APPLICATION', field: 'vacancyId' });
    const stored = await stack.clients.candidate.listAllApplications({ candidateId: PROFILE.id });
    expect(stored).toHaveLength(1);

    const second = await stack.gql(APPLY, { v: vacancyIds[1] }, tokens.candidate);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'APPLICATION_LIMIT_REACHED', field: 'vacancyId' });
  });

  it('a candidate reads only their own application', async () => {
    const [own] = await stack.clients.candidate.listAllApplications({ candidateId: PROFILE.id });
    const mine = await stack.gql(APPLICATION, { id: own!.id }, tokens.candidate);
    expect(mine.errors).toBeUndefined();
    const theirs = await stack.gql(APPLICATION, { id: own!.id }, tokens.other);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.gql(APPLICATION, { id: own!.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('bad input is refused with a typed error and writes nothing', () => {
  async function selectionCount(): Promise<number> {
    return (await stack.clients.candidate.listSelections({ agencyCode: AGENCY.code, limit: 100 })).items.length;
  }

  it.each([
    ['no vacancies', { ...validInput, vacancies: [] }, 'VALIDATION_FAILED', 'input.vacancies'],
    [
      'a short position name',
      { ...validInput, vacancies: [{ level: 'PRATAMA', position: 'X', unit: 'Dinas' }] },
      'VALIDATION_FAILED',
      'input.vacancies.0.position',
    ],
    [
      'a date in the past',
      { ...validInput, announcementDate: '2020-01-06' },
      'VALIDATION_FAILED',
      'input.announcementDate',
    ],
    [
      'an invalid signatory NIP',
      { ...validInput, signatoryNip: '197013122000031001' },
      'INVALID_NIP',
      'input.signatoryNip',
    ],
  ])('%s', async (_name, input, code, field) => {
    const before = await selectionCount();
    const r = await stack.gql(CREATE, { input }, tokens.secretary);
    expect(r.data).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(await selectionCount()).toBe(before);
  });

  it('a missing field is refused by the schema', async () => {
    const r = await stack.gql(CREATE, { input: { title: 'Tanpa tanggal dan lowongan' } }, tokens.secretary);
    expect(r.errors?.[0]?.message).toMatch(/announcementDate|vacancies/);
  });

  it('the wrong role cannot plan a selection, and nobody is taken at their header word', async () => {
    const asCandidate = await stack.gql(CREATE, { input: validInput }, tokens.candidate);
    expect(asCandidate.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await stack.gql(CREATE, { input: validInput });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await stack.gql(CREATE, { input: validInput }, 'not-a-token');
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an unknown vacancy is refused', async () => {
    const r = await stack.gql(APPLY, { v: 'JPT-2026-NOPE-V1' }, tokens.candidate);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_VACANCY', field: 'vacancyId' });
  });

  it('a signed-out token no longer works', async () => {
    const token = await stack.signIn(USERS.other.email, PASSWORD);
    expect((await stack.gql('mutation { signOut }', {}, token)).data).toEqual({ signOut: true });
    const after = await stack.gql('{ me { id } }', {}, token);
    expect(after.data).toEqual({ me: null });
    const wrong = await stack.gql('mutation { signIn(email: "cand@uji.test", password: "salah") { token } }');
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'password' });
  });
});

describe('the registration deadline is a durable timer', () => {
  it(
    'closes registration when it fires, records the stage in the timeline, and refuses late applications',
    { timeout: 240_000 },
    async () => {
      // Training mode (a day lasts 10 s) with a 2-day registration: the same workflow and durable timer, in
      // seconds; long enough that the application below is in before the close on a busy machine too.
      const r = await stack.gql<{ createSelection: { id: string; vacancies: { id: string }[] } }>(
        CREATE,
        {
          input: {
            title: 'Seleksi dengan tenggat singkat',
            announcementDate: today,
            vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji' }],
            simulationSecondsPerDay: 10,
            rules: { registrationDays: 2, extensionMaxTimes: 0 },
          },
        },
        tokens.secretary,
      );
      expect(r.errors).toBeUndefined();
      const selectionId = r.data!.createSelection.id;
      const vacancy = r.data!.createSelection.vacancies[0]!.id;
      await approvePlan(selectionId);
      await eventually(
        async () => (await stack.clients.candidate.getSelection(selectionId))?.stage === 'REGISTRATION_OPEN',
      );
      const applied = await stack.gql<{ applyToVacancy: { id: string } }>(APPLY, { v: vacancy }, tokens.other);
      expect(applied.errors).toBeUndefined();
      const appId = applied.data!.applyToVacancy.id;

      const closed = await eventually(async () => {
        const r = await stack.gql<{ application: { status: string; timeline: { reasonCode: string }[] } }>(
          APPLICATION,
          { id: appId },
          tokens.other,
        );
        return r.data?.application.status === 'AWAITING_SCREENING' ? r.data.application : null;
      }, 120_000);
      expect(closed.timeline.map((e) => e.reasonCode)).toEqual(['APPLICATION_SUBMITTED', 'REGISTRATION_CLOSED']);
      const state = await openSelectionHandle(stack.client, AGENCY.code, selectionId).query(getSelectionStateQuery);
      expect(state.stage).toBe('REGISTRATION_CLOSED');
      expect(state.decisions.map((d) => d.kind)).toEqual([
        'PANSEL_SET',
        'PLAN_SUBMITTED',
        'OVERSEER_DECIDED',
        'APPLICATION_SUBMITTED',
      ]);
      expect(state.decisions[3]).toMatchObject({ kind: 'APPLICATION_SUBMITTED', by: { userId: USERS.other.id } });

      const late = await stack.gql(APPLY, { v: vacancy }, tokens.candidate);
      expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'REGISTRATION_CLOSED', field: 'vacancyId' });
    },
  );
});
