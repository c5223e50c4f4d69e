/**
 * The staff's queue of profile disputes on the real stack (gateway, services, FerretDB) and a Mailpit of
 * this file's own: candidates dispute their profiles; only the secretariat and the agency administrator of
 * the profile's agency see and decide them (paged); an acceptance with corrected values checked by the
 * domain rules changes the profile, keeps its previous version and mails the candidate; a rejection needs a
 * reason; a repeated decision answers the recorded one (one audit entry, one mail); both are audited.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, mailpitArgs, spawnLogged, waitForMailpit, type ManagedProcess } from '@seleksi/dev';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, THIS_YEAR } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';

const AGENCY = testAgency('PDPROV');
const OTHER = testAgency('PDLAIN');
const PASSWORD = 'rahasia-uji-123';
const SEC = 'pd-sec';
const AGENCY_ADMIN = 'pd-admin';
const PPK = 'pd-ppk';
const OTHER_SEC = 'pd-sec-lain';
const OTHER_ADMIN = 'pd-admin-lain';
const cand = (n: number) => `pd-cand-${n}`;
const asn = (n: number) => `pd-asn-${n}`;
const emailOf = (id: string) => `${id}@uji.test`;

const USERS: TestUser[] = [
  testUser(SEC, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(AGENCY_ADMIN, 'AGENCY_ADMIN', AGENCY.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OTHER_SEC, 'PANSEL_SECRETARY', OTHER.code),
  testUser(OTHER_ADMIN, 'AGENCY_ADMIN', OTHER.code),
  ...[1, 2, 3].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

const DISPUTE = `mutation($n: String!, $f: [String!]!) { disputeProfile(note: $n, fields: $f) { confirmation { status } } }`;

const DISPUTE_FIELDS = `id agencyCode note fields fieldLabels at open disputedBy { userId }
  resolution { decisionId outcome reason corrected at by { userId role } }
  profile { rank name skp { year predicate } }
  audit { decisionId kind reason by { userId role } payload }`;

const QUEUE = `query($a: ID, $first: Int, $after: String) { profileDisputes(agencyCode: $a, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${DISPUTE_FIELDS} } } } }`;

const ACCEPT = `mutation($id: ID!, $c: ProfileCorrectionInput!, $n: String) {
  acceptProfileDispute(disputeId: $id, corrections: $c, note: $n) { ${DISPUTE_FIELDS} } }`;

const REJECT = `mutation($id: ID!, $r: String!) { rejectProfileDispute(disputeId: $id, reason: $r) { ${DISPUTE_FIELDS} } }`;

const MY_PROFILE = `{ myProfile { rank skp { year predicate } confirmation { status resolution { outcome reason corrected } } } }`;

interface Dispute {
  id: string;
  agencyCode: string;
  note: string;
  fields: string[];
  fieldLabels: string[];
  at: string;
  open: boolean;
  resolution: { decisionId: string; outcome: string; reason: string | null; corrected: string[]; at: string } | null;
  profile: { rank: string; name: string; skp: { year: number; predicate: string }[] } | null;
  audit: { decisionId: string; kind: string; reason: string | null; by: { userId: string }; payload: string }[];
}

interface Queue {
  profileDisputes: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: Dispute }[];
  };
}

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
}

let stack: Stack;
let d: SelectionDriver;
let mailpit: ManagedProcess | undefined;
let mailpitUrl: string;

async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/messages?limit=500`);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => m.To.some((t) => t.Address === address));
}

async function mailText(id: string): Promise<string> {
  return ((await (await fetch(`${mailpitUrl}/api/v1/message/${id}`)).json()) as { Text: string }).Text;
}

async function queue(as: string, variables: Record<string, unknown> = {}) {
  return d.gql<Queue>(as, QUEUE, variables);
}

async function openDisputeOf(candidateN: number): Promise<Dispute> {
  const all = must(await queue(SEC, { first: 100 })).profileDisputes.edges.map((e) => e.node);
  const profileName = eligibleProfile(asn(candidateN), AGENCY.code, candidateN).name;
  const found = all.find((x) => x.profile?.name === profileName);
  if (!found) throw new Error(`no open dispute of candidate ${candidateN}`);
  return found;
}

beforeAll(async () => {
  const smtpPort = await freePort();
  const uiPort = await freePort();
  mailpitUrl = `http://127.0.0.1:${uiPort}`;
  mailpit = spawnLogged({
    name: 'mailpit-profile-disputes',
    command: inject('mailpitPath'),
    args: mailpitArgs({ smtpPort, uiPort }),
    logFile: 'test/artifacts/logs/mailpit-profile-disputes.log',
  });
  await waitForMailpit({ smtpPort, uiPort, process: mailpit });
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'disputes',
    gateway: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, NOTICE_POLL_MS: '200' },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertAgency(OTHER);
  for (const n of [1, 2, 3]) await stack.clients.candidate.upsertProfile(eligibleProfile(asn(n), AGENCY.code, n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
  await mailpit?.stop();
});

describe('profile disputes', () => {
  it('reach the staff of the agency only, paged', { timeout: 120_000 }, async () => {
    must(
      await d.gql(cand(1), DISPUTE, { n: 'Pangkat saya IV/c sejak April, SKP tahun lalu Baik', f: ['rank', 'skp'] }),
    );
    must(await d.gql(cand(2), DISPUTE, { n: 'Nama saya tanpa gelar M.M. yang keliru', f: ['name'] }));

    // Two pages of one: oldest first, the cursor continues.
    const first = must(await queue(SEC, { first: 1 })).profileDisputes;
    expect(first.totalCount).toBe(2);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges[0]!.node).toMatchObject({
      agencyCode: AGENCY.code,
      note: 'Pangkat saya IV/c sejak April, SKP tahun lalu Baik',
      fields: ['rank', 'skp'],
      fieldLabels: ['Pangkat/golongan', 'SKP'],
      open: true,
      resolution: null,
      profile: { rank: 'IV/b' },
    });
    const second = must(await queue(SEC, { first: 1, after: first.pageInfo.endCursor })).profileDisputes;
    expect(second.edges.map((e) => e.node.fields)).toEqual([['name']]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    // The agency administrator sees the same queue.
    expect(must(await queue(AGENCY_ADMIN)).profileDisputes.totalCount).toBe(2);

    // Staff of another agency: an empty queue of their own, no access to this agency's.
    expect(must(await queue(OTHER_SEC)).profileDisputes.totalCount).toBe(0);
    expect(must(await queue(OTHER_ADMIN)).profileDisputes.edges).toEqual([]);
    expectError(await queue(OTHER_SEC, { a: AGENCY.code }), 'FORBIDDEN', 'agencyCode');
    const id = first.edges[0]!.node.id;
    expectError(
      await d.gql(OTHER_SEC, `query($id: ID!) { profileDispute(id: $id) { id } }`, { id }),
      'FORBIDDEN',
      'disputeId',
    );
    expectError(await d.gql(OTHER_ADMIN, REJECT, { id, r: 'Data sudah sesuai dengan SK terakhir' }), 'FORBIDDEN');
    expectError(await d.gql(OTHER_SEC, ACCEPT, { id, c: { rank: 'IV/c' } }), 'FORBIDDEN');
    // Roles without the queue: the PPK and candidates.
    expectError(await queue(PPK), 'FORBIDDEN');
    expectError(await queue(cand(1)), 'FORBIDDEN');
    expectError(await d.gql(cand(1), ACCEPT, { id, c: { rank: 'IV/c' } }), 'FORBIDDEN');
    // Nothing was decided by the refused attempts.
    expect(must(await queue(SEC)).profileDisputes.totalCount).toBe(2);
  });

  it(
    'accept: corrections checked by the domain rules, the profile changes with its previous version kept, the candidate is told once',
    { timeout: 180_000 },
    async () => {
      const dispute = await openDisputeOf(1);
      const skp = [
        { year: THIS_YEAR - 2, predicate: 'BAIK' },
        { year: THIS_YEAR - 1, predicate: 'BAIK' },
        { year: THIS_YEAR, predicate: 'BAIK' },
      ];
      // Typed refusals, nothing written.
      expectError(
        await d.gql(SEC, ACCEPT, { id: dispute.id, c: { name: 'Nama Lain' } }),
        'VALIDATION_FAILED',
        'corrections.name',
      );
      expectError(
        await d.gql(SEC, ACCEPT, { id: dispute.id, c: { rank: 'V/a' } }),
        'VALIDATION_FAILED',
        'corrections.rank',
      );
      expectError(
        await d.gql(SEC, ACCEPT, { id: dispute.id, c: { skp: [skp[0], skp[0]] } }),
        'VALIDATION_FAILED',
        'corrections.skp.1.year',
      );
      expectError(
        await d.gql(SEC, ACCEPT, { id: dispute.id, c: { rank: 'IV/b' } }),
        'VALIDATION_FAILED',
        'corrections',
      );
      expectError(await d.gql(SEC, ACCEPT, { id: dispute.id, c: {} }), 'VALIDATION_FAILED', 'corrections');
      expect(must(await d.gql<{ myProfile: { rank: string } }>(cand(1), MY_PROFILE)).myProfile.rank).toBe('IV/b');

      const accepted = must(
        await d.gql<{ acceptProfileDispute: Dispute }>(SEC, ACCEPT, {
          id: dispute.id,
          c: { rank: ' iv/c ', skp },
          n: 'Sesuai SK kenaikan pangkat April',
        }),
      ).acceptProfileDispute;
      expect(accepted).toMatchObject({
        open: false,
        resolution: { outcome: 'ACCEPTED', reason: 'Sesuai SK kenaikan pangkat April', corrected: ['rank', 'skp'] },
        profile: { rank: 'IV/c' },
      });
      expect(accepted.profile!.skp.find((s) => s.year === THIS_YEAR - 1)?.predicate).toBe('BAIK');

      // A retry (also by the agency administrator, with other values) answers the recorded decision.
      const retried = must(
        await d.gql<{ acceptProfileDispute: Dispute }>(AGENCY_ADMIN, ACCEPT, { id: dispute.id, c: { rank: 'IV/d' } }),
      ).acceptProfileDispute;
      expect(retried.resolution).toEqual(accepted.resolution);
      expect(retried.profile!.rank).toBe('IV/c');
      expectError(
        await d.gql(SEC, REJECT, { id: dispute.id, r: 'Ternyata data sudah sesuai' }),
        'ALREADY_DECIDED',
        'outcome',
      );

      // The candidate sees the outcome on their profile page.
      const mine = must(
        await d.gql<{ myProfile: { rank: string; confirmation: Record<string, unknown> } }>(cand(1), MY_PROFILE),
      ).myProfile;
      expect(mine.rank).toBe('IV/c');
      expect(mine.confirmation).toEqual({
        status: 'DISPUTED',
        resolution: { outcome: 'ACCEPTED', reason: 'Sesuai SK kenaikan pangkat April', corrected: ['rank', 'skp'] },
      });

      // Audited once: who, when, why, the values before and after.
      expect(retried.audit).toHaveLength(1);
      const entry = retried.audit[0]!;
      expect(entry).toMatchObject({
        decisionId: accepted.resolution!.decisionId,
        kind: 'PROFILE_DISPUTE_ACCEPTED',
        reason: 'Sesuai SK kenaikan pangkat April',
        by: { userId: SEC },
      });
      const payload = JSON.parse(entry.payload) as Record<string, Record<string, unknown>>;
      expect(payload.before!.rank).toBe('IV/b');
      expect(payload.after!.rank).toBe('IV/c');

      // The previous version is kept with who, when and why, in the profile's one history (imports too).
      const versions = await stack.clients.candidate.listProfileVersions(asn(1));
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({
        profileId: asn(1),
        previous: { rank: 'IV/b' },
        replacedBy: {
          kind: 'PROFILE_DISPUTE',
          id: dispute.id,
          fileName: null,
          reason: 'Sesuai SK kenaikan pangkat April',
          byUserId: SEC,
        },
      });

      // One mail, saying what changed.
      const mail = await eventually(
        async () => (await mailsTo(emailOf(cand(1)))).find((m) => /Sanggahan profil ASN diterima/.test(m.Subject)),
        90_000,
      );
      const text = await mailText(mail.ID);
      expect(text).toContain('Pangkat/golongan');
      expect(text).toContain('Sesuai SK kenaikan pangkat April');
      expect(text).toContain(AGENCY.name);
      // The retry sent nothing more (the notice is keyed by the dispute); give the poller a few rounds.
      await new Promise((r) => setTimeout(r, 1_500));
      expect((await mailsTo(emailOf(cand(1)))).filter((m) => /Sanggahan profil/.test(m.Subject))).toHaveLength(1);
    },
  );

  it('reject: a reason is required, the profile stays, the candidate is told', { timeout: 180_000 }, async () => {
    const dispute = await openDisputeOf(2);
    expectError(await d.gql(SEC, REJECT, { id: dispute.id, r: '' }), 'VALIDATION_FAILED', 'reason');
    expectError(await d.gql(SEC, REJECT, { id: dispute.id, r: 'tidak' }), 'VALIDATION_FAILED', 'reason');
    const reason = 'Nama sesuai SK CPNS dan ijazah terakhir';
    const rejected = must(
      await d.gql<{ rejectProfileDispute: Dispute }>(AGENCY_ADMIN, REJECT, { id: dispute.id, r: reason }),
    ).rejectProfileDispute;
    expect(rejected).toMatchObject({ open: false, resolution: { outcome: 'REJECTED', reason, corrected: [] } });
    expect(rejected.profile!.name).toBe(dispute.profile!.name);
    const again = must(
      await d.gql<{ rejectProfileDispute: Dispute }>(SEC, REJECT, { id: dispute.id, r: `${reason}.` }),
    ).rejectProfileDispute;
    expect(again.resolution).toEqual(rejected.resolution);
    expect(again.audit.map((a) => [a.kind, a.reason, a.by.userId])).toEqual([
      ['PROFILE_DISPUTE_REJECTED', reason, AGENCY_ADMIN],
    ]);

    const mine = must(
      await d.gql<{ myProfile: { confirmation: Record<string, unknown> } }>(cand(2), MY_PROFILE),
    ).myProfile;
    expect(mine.confirmation).toMatchObject({ resolution: { outcome: 'REJECTED', reason } });
    const mail = await eventually(
      async () => (await mailsTo(emailOf(cand(2)))).find((m) => /Sanggahan profil ASN ditolak/.test(m.Subject)),
      90_000,
    );
    expect(await mailText(mail.ID)).toContain(reason);
    // The queue is empty now.
    expect(must(await queue(SEC)).profileDisputes.totalCount).toBe(0);
  });

  it('two staff deciding at once record one decision', { timeout: 120_000 }, async () => {
    must(await d.gql(cand(3), DISPUTE, { n: 'LHKPN tahun ini belum saya laporkan, data keliru', f: ['lhkpnFiled'] }));
    const dispute = await openDisputeOf(3);
    const [a, b] = await Promise.all([
      d.gql<{ acceptProfileDispute: Dispute }>(SEC, ACCEPT, { id: dispute.id, c: { lhkpnFiled: false } }),
      d.gql<{ acceptProfileDispute: Dispute }>(AGENCY_ADMIN, ACCEPT, { id: dispute.id, c: { lhkpnFiled: false } }),
    ]);
    const ra = must(a).acceptProfileDispute;
    const rb = must(b).acceptProfileDispute;
    expect(ra.resolution).toEqual(rb.resolution);
    expect(rb.audit).toHaveLength(1);
    // A dispute withdrawn by the candidate's confirmation leaves the queue.
    must(await d.gql(cand(3), DISPUTE, { n: 'Satu lagi: pendidikan saya sudah S3', f: ['education'] }));
    expect(must(await queue(SEC)).profileDisputes.totalCount).toBe(1);
    must(await d.gql(cand(3), 'mutation { confirmProfile { id } }'));
    expect(must(await queue(SEC)).profileDisputes.totalCount).toBe(0);
  });
});
