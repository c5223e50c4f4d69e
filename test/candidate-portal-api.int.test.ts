/**
 * The candidate portal's API on the real stack: the prefilled ASN profile (confirm / dispute), PDF
 * uploads with an application (multipart, checked by content, stored once, downloadable by the
 * owner and the agency's staff), own scores, and live updates over Server-Sent Events.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applicationId as applicationIdOf, localDateOf } from '@seleksi/domain';
import { minimalPdf } from '../gateway/src/application-files/test-pdf';
import { startStack, type GraphQLResult, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel, RECENT_SKP_YEARS } from './support/fixtures';
import { expectError, must, SelectionDriver, type TestUser, testUser } from './support/selection-driver';

const AGENCY = testAgency('CPPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('cp');
const SECRETARY = 'cp-sec';
const OVERSEER = 'cp-overseer';
const CAND1 = 'cp-cand-1';
const CAND2 = 'cp-cand-2';
const ASN1 = 'cp-asn-1';
const ASN2 = 'cp-asn-2';

const user = testUser;

const USERS: TestUser[] = [
  user(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  user(OVERSEER, 'OVERSEER', null),
  user(CAND1, 'CANDIDATE', AGENCY.code, ASN1),
  user(CAND2, 'CANDIDATE', AGENCY.code, ASN2),
  ...PANSEL.map((m) => user(m.userId, 'PANSEL_MEMBER', null)),
  ...[3, 4, 5].map((n) => user(`cp-cand-${n}`, 'CANDIDATE', AGENCY.code, `cp-asn-${n}`)),
];
const MEMBERS = PANSEL.map((m) => m.userId);

let stack: Stack;
let d: SelectionDriver;
let selectionId: string;
let vacancyId: string;

// --- Server-Sent Events (graphql-sse "distinct connections" over fetch) ---------------------------

interface SseEvent {
  event: string;
  data: { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] } | null;
}

interface SseSubscription {
  events: SseEvent[];
  /** Resolves with the first event (already received or coming) that satisfies `accept`. */
  waitFor(accept: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  close(): void;
}

const open: SseSubscription[] = [];

async function subscribe(query: string, variables: Record<string, unknown>, token?: string): Promise<SseSubscription> {
  const abort = new AbortController();
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines
            .find((l) => l.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((l) => l.startsWith('data:'))
            .map((l) => l.slice(5).trim())
            .join('\n');
          if (!event) continue; // keep-alive comments
          events.push({ event, data: data ? (JSON.parse(data) as SseEvent['data']) : null });
          for (const w of waiters.splice(0)) w();
        }
      }
    } catch {
      // aborted
    }
  })();
  const sub: SseSubscription = {
    events,
    async waitFor(accept, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(accept);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching SSE event within ${timeoutMs} ms: ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, Math.min(left, 500));
        });
      }
    },
    close: () => abort.abort(),
  };
  open.push(sub);
  return sub;
}

// --- multipart uploads --------------------------------------------------------------------------

interface Upload {
  kind: string;
  bytes: Buffer;
  name: string;
  type?: string;
}

const APPLY = `mutation($v: ID!, $docs: [ApplicationDocumentInput!]) {
  applyToVacancy(vacancyId: $v, documents: $docs) {
    id status documents { id kind fileName sizeBytes sha256 uploadedAt downloadUrl }
  }
}`;

async function applyWithFiles(
  as: string,
  vacancy: string,
  uploads: Upload[],
): Promise<GraphQLResult<{ applyToVacancy: AppliedApplication }>> {
  const form = new FormData();
  const docs = uploads.map((u) => ({ kind: u.kind, file: null }));
  form.set('operations', JSON.stringify({ query: APPLY, variables: { v: vacancy, docs } }));
  form.set(
    'map',
    JSON.stringify(Object.fromEntries(uploads.map((_u, i) => [String(i), [`variables.docs.${i}.file`]]))),
  );
  uploads.forEach((u, i) =>
    form.set(String(i), new Blob([new Uint8Array(u.bytes)], { type: u.type ?? 'application/pdf' }), u.name),
  );
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d.token(as)}` },
    body: form,
  });
  return (await res.json()) as GraphQLResult<{ applyToVacancy: AppliedApplication }>;
}

interface AppliedApplication {
  id: string;
  status: string;
  documents: {
    id: string;
    kind: string;
    fileName: string;
    sizeBytes: number;
    sha256: string;
    uploadedAt: string;
    downloadUrl: string;
  }[];
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'portal',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertProfile(eligibleProfile(ASN1, AGENCY.code, 41));
  await stack.clients.candidate.upsertProfile(eligibleProfile(ASN2, AGENCY.code, 42));
  for (const n of [3, 4, 5]) {
    const p = eligibleProfile(`cp-asn-${n}`, AGENCY.code, 40 + n);
    await stack.clients.candidate.upsertProfile({
      ...p,
      careers: p.careers.map((c) => ({ ...c, fields: ['Pendidikan'] })),
      skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
    });
  }
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  const created = must(
    await d.createSelection(SECRETARY, {
      title: 'Seleksi Terbuka JPT Pratama Portal Peserta Tahun 2026',
      announcementDate: localDateOf(new Date(), 'WITA'),
      vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' }],
    }),
  ).createSelection;
  selectionId = created.id;
  vacancyId = created.vacancies[0]!.id;
});

afterAll(async () => {
  for (const s of open) s.close();
  await stack?.close();
});

describe('profile prefilled from ASN data', () => {
  const PROFILE = `{ myProfile { id nip name rank education currentPosition { position positionKind }
    careers { position from to } skp { year predicate } lhkpnFiled disciplinarySanction
    confirmation { status note fields at } } }`;

  it('shows the candidate their own profile, unconfirmed at first; staff have no profile', async () => {
    const p = must(await d.gql<{ myProfile: Record<string, unknown> }>(CAND1, PROFILE)).myProfile;
    expect(p).toMatchObject({
      id: ASN1,
      rank: 'IV/b',
      education: 'S2',
      currentPosition: { positionKind: 'ADMINISTRATOR' },
      lhkpnFiled: true,
      confirmation: { status: 'UNCONFIRMED', note: null, fields: [], at: null },
    });
    expect(p.nip).toMatch(/^\d{18}$/);
    expectError(await d.gql(SECRETARY, PROFILE), 'FORBIDDEN');
  });

  it('refuses a dispute with a short note or an unknown field, then records it and a later confirmation', async () => {
    const DISPUTE = `mutation($n: String!, $f: [String!]!) { disputeProfile(note: $n, fields: $f) {
      confirmation { status note fields at by { userId role } } } }`;
    expectError(await d.gql(CAND1, DISPUTE, { n: 'salah', f: ['rank'] }), 'VALIDATION_FAILED', 'note');
    expectError(
      await d.gql(CAND1, DISPUTE, { n: 'Pangkat saya sudah IV/c sejak April', f: ['rank', 'gaji'] }),
      'VALIDATION_FAILED',
      'fields.1',
    );
    expectError(
      await d.gql(CAND1, DISPUTE, { n: 'Pangkat saya sudah IV/c sejak April', f: [] }),
      'VALIDATION_FAILED',
      'fields',
    );
    const disputed = must(
      await d.gql<{ disputeProfile: { confirmation: Record<string, unknown> } }>(CAND1, DISPUTE, {
        n: 'Pangkat saya sudah IV/c sejak April 2026',
        f: ['rank', 'skp'],
      }),
    ).disputeProfile.confirmation;
    expect(disputed).toMatchObject({
      status: 'DISPUTED',
      note: 'Pangkat saya sudah IV/c sejak April 2026',
      fields: ['rank', 'skp'],
      by: { userId: CAND1, role: 'CANDIDATE' },
    });
    expect(disputed.at).toBeTruthy();
    const again = must(await d.gql<{ myProfile: { confirmation: { status: string } } }>(CAND1, PROFILE));
    expect(again.myProfile.confirmation.status).toBe('DISPUTED');

    const confirmed = must(
      await d.gql<{ confirmProfile: { confirmation: Record<string, unknown> } }>(
        CAND2,
        'mutation { confirmProfile { id confirmation { status note fields at } } }',
      ),
    ).confirmProfile.confirmation;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', note: null, fields: [] });
  });
});

describe('stage changes over SSE', () => {
  it('streams the stages of a selection to its staff, and refuses a planned selection to the public', async () => {
    const QUERY = `subscription($s: ID!) { selectionStageChanged(selectionId: $s) { selectionId stage at deadline } }`;
    const hidden = await subscribe(QUERY, { s: selectionId });
    const refused = await hidden.waitFor((e) => e.event === 'next');
    expect(refused.data?.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'selectionId' });
    hidden.close();

    await d.waitForReadModel(SECRETARY, selectionId);
    const staff = await subscribe(QUERY, { s: selectionId }, d.token(SECRETARY));
    await d.openRegistration(selectionId, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
    const stages = ['PLAN_APPROVAL', 'REGISTRATION_OPEN'];
    for (const stage of stages) {
      const e = await staff.waitFor(
        (x) => (x.data?.data?.selectionStageChanged as { stage?: string } | undefined)?.stage === stage,
      );
      expect(e.data?.data?.selectionStageChanged).toMatchObject({ selectionId, stage });
    }
    const open = staff.events.find(
      (x) => (x.data?.data?.selectionStageChanged as { stage?: string } | undefined)?.stage === 'REGISTRATION_OPEN',
    )!;
    expect((open.data!.data!.selectionStageChanged as { deadline: string | null }).deadline).toBeTruthy();
    staff.close();
  });
});

describe('application documents', () => {
  const letter = minimalPdf('Surat lamaran Peserta Uji');
  const cv = minimalPdf('Daftar riwayat hidup Peserta Uji');

  it('refuses files that are not PDFs by content, too large, or missing required kinds; nothing is created', async () => {
    const fake = Buffer.from('%PDF-1.7\nini sebenarnya dokumen Word yang diganti namanya.docx ...\n');
    expectError(
      await applyWithFiles(CAND1, vacancyId, [
        { kind: 'APPLICATION_LETTER', bytes: letter, name: 'surat.pdf' },
        { kind: 'CV', bytes: fake, name: 'cv.pdf' },
      ]),
      'VALIDATION_FAILED',
      'documents.1.file',
    );
    const big = Buffer.concat([minimalPdf('besar'), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    expectError(
      await applyWithFiles(CAND1, vacancyId, [
        { kind: 'APPLICATION_LETTER', bytes: big, name: 'surat.pdf' },
        { kind: 'CV', bytes: cv, name: 'cv.pdf' },
      ]),
      'VALIDATION_FAILED',
      'documents.0.file',
    );
    const missing = await applyWithFiles(CAND1, vacancyId, [
      { kind: 'APPLICATION_LETTER', bytes: letter, name: 'surat.pdf' },
    ]);
    expectError(missing, 'VALIDATION_FAILED', 'documents');
    expect(missing.errors?.[0]?.message).toMatch(/riwayat hidup/);
    const eleven = Array.from({ length: 11 }, (_x, i) => ({
      kind: 'OTHER',
      bytes: minimalPdf(`lain ${i}`),
      name: `l${i}.pdf`,
    }));
    expectError(await applyWithFiles(CAND1, vacancyId, eleven), 'VALIDATION_FAILED', 'documents');

    const id = applicationIdOf(vacancyId, ASN1);
    expect(await stack.clients.candidate.getApplication(id)).toBeNull();
    expect(await stack.clients.candidate.listApplicationFiles([id])).toEqual([]);
  });

  it('stores the PDFs once, links them to the application, and serves them to the owner and the staff', async () => {
    const uploads = [
      { kind: 'APPLICATION_LETTER', bytes: letter, name: 'Surat Lamaran.pdf' },
      { kind: 'CV', bytes: cv, name: 'cv.pdf', type: 'application/octet-stream' },
    ];
    const applied = must(await applyWithFiles(CAND1, vacancyId, uploads)).applyToVacancy;
    expect(applied.status).toBe('SUBMITTED');
    expect(applied.documents.map((x) => [x.kind, x.fileName, x.sizeBytes, x.sha256]).sort()).toEqual(
      [
        ['APPLICATION_LETTER', 'Surat Lamaran.pdf', letter.length, sha256(letter)],
        ['CV', 'cv.pdf', cv.length, sha256(cv)],
      ].sort(),
    );

    // A retry stores nothing twice (and the application exists already).
    expectError(await applyWithFiles(CAND1, vacancyId, uploads), 'DUPLICATE_APPLICATION');
    expect(await stack.clients.candidate.listApplicationFiles([applied.id])).toHaveLength(2);

    const doc = applied.documents.find((x) => x.kind === 'CV')!;
    const url = doc.downloadUrl.replace(/^http:\/\/localhost:4000/, stack.gateway.url);
    const get = (token?: string) => fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const mine = await get(d.token(CAND1));
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('application/pdf');
    expect(sha256(Buffer.from(await mine.arrayBuffer()))).toBe(sha256(cv));
    expect((await get(d.token(SECRETARY))).status).toBe(200);
    expect((await get(d.token(CAND2))).status).toBe(403);
    expect((await get()).status).toBe(401);

    // The staff see the documents and the candidate's dispute of their profile.
    const staffView = must(
      await d.gql<{
        application: { documents: { kind: string }[]; profileConfirmation: { status: string; fields: string[] } };
      }>(
        SECRETARY,
        'query($id: ID!) { application(id: $id) { documents { kind } profileConfirmation { status fields } } }',
        { id: applied.id },
      ),
    ).application;
    expect(staffView.documents).toHaveLength(2);
    expect(staffView.profileConfirmation).toEqual({ status: 'DISPUTED', fields: ['rank', 'skp'] });
  });
});

describe('status changes over SSE and own scores', () => {
  const QUERY = `subscription($a: ID!) { applicationStatusChanged(applicationId: $a) {
    applicationId status reasonCode at expectedNextAt } }`;
  const SCORES =
    'query($id: ID!) { application(id: $id) { scores { assessment interview trackRecord total rank passed } } }';

  it('hides the scores from the candidate before the final ranking; the staff see them', async () => {
    const id = applicationIdOf(vacancyId, ASN1);
    const mine = must(await d.gql<{ application: { scores: unknown } }>(CAND1, SCORES, { id })).application;
    expect(mine.scores).toBeNull();
    const staff = must(
      await d.gql<{ application: { scores: Record<string, unknown> | null } }>(SECRETARY, SCORES, { id }),
    ).application;
    expect(staff.scores).toEqual({
      assessment: null,
      interview: null,
      trackRecord: null,
      total: null,
      rank: null,
      passed: null,
    });
  });

  it("streams the owner's status changes; another candidate is refused", async () => {
    const applied = must(await d.apply(CAND2, vacancyId)).applyToVacancy;
    const other = await subscribe(QUERY, { a: applied.id }, d.token(CAND1));
    const refused = await other.waitFor((e) => e.event === 'next');
    expect(refused.data?.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'applicationId' });
    other.close();

    const mine = await subscribe(QUERY, { a: applied.id }, d.token(CAND2));
    must(await d.withdrawApplication(CAND2, applied.id, 'Mendapat penugasan lain dari pimpinan'));
    const e = await mine.waitFor(
      (x) => (x.data?.data?.applicationStatusChanged as { status?: string } | undefined)?.status === 'WITHDRAWN',
    );
    expect(e.data?.data?.applicationStatusChanged).toMatchObject({
      applicationId: applied.id,
      status: 'WITHDRAWN',
      reasonCode: 'APPLICATION_WITHDRAWN',
    });
    mine.close();
  });
});

describe('own scores after the final plenary', () => {
  const SCORES = `query($id: ID!) { application(id: $id) {
    scores { assessment interview trackRecord total rank passed } } }`;

  it('shows a candidate their scores and rank once the final ranking is published', { timeout: 240_000 }, async () => {
    const today = () => localDateOf(new Date(), 'WITA');
    const created = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Terbuka JPT Pratama Nilai Peserta',
        announcementDate: today(),
        vacancies: [
          { level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
        ],
        simulationSecondsPerDay: 2,
        rules: {
          registrationDays: 3,
          objectionWorkingDays: 1,
          overseerEra: 'KASN',
          overseerDecisionWorkingDays: 30,
          minApplicantsPerVacancy: 3,
        },
      }),
    ).createSelection;
    const id = created.id;
    const v = created.vacancies[0]!.id;
    await d.openRegistration(id, { secretary: SECRETARY, overseer: OVERSEER }, PANSEL);
    const ids = await d.applyAll([3, 4, 5].map((n) => [`cp-cand-${n}`, v] as [string, string]));
    const scores = new Map(ids.map((a, i) => [a, 90 - 4 * i]));
    await d.waitFor(
      SECRETARY,
      id,
      (x) => x.stage === 'ADMINISTRATIVE_SCREENING' && x.applications.every((a) => a.eligible !== null),
    );
    must(await d.publishScreening(SECRETARY, id));
    await d.waitForStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT');
    await d.assessAll(SECRETARY, id, scores, today());
    must(await d.completeStage(SECRETARY, id, 'COMPETENCY_ASSESSMENT'));
    await d.waitForStage(SECRETARY, id, 'INTERVIEW');
    await d.interviewAll(id, MEMBERS, scores);
    must(await d.completeStage(SECRETARY, id, 'INTERVIEW'));
    await d.waitForStage(SECRETARY, id, 'TRACK_RECORD');
    await d.trackRecordAll(SECRETARY, id, scores);
    const before = must(await d.gql<{ application: { scores: unknown } }>('cp-cand-3', SCORES, { id: ids[0] }));
    expect(before.application.scores).toBeNull();
    must(await d.completeStage(SECRETARY, id, 'TRACK_RECORD'));
    await d.waitForStage(SECRETARY, id, 'FINAL_OBJECTIONS');

    type Scores = { application: { scores: Record<string, number | boolean | null> | null } };
    const first = must(await d.gql<Scores>('cp-cand-3', SCORES, { id: ids[0] })).application.scores;
    expect(first).toMatchObject({ assessment: 90, interview: 90, trackRecord: 90, rank: 1, passed: true });
    expect(first!.total).toBeCloseTo(90, 1);
    const third = must(await d.gql<Scores>('cp-cand-5', SCORES, { id: ids[2] })).application.scores;
    expect(third).toMatchObject({ rank: 3, assessment: 82 });
    expectError(await d.gql('cp-cand-5', SCORES, { id: ids[0] }), 'FORBIDDEN');
    const staff = must(await d.gql<Scores>(SECRETARY, SCORES, { id: ids[1] })).application.scores;
    expect(staff).toMatchObject({ rank: 2, passed: true });
  });
});
