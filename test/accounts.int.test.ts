/**
 * Accounts through GraphQL on the real stack: invitations with one-time links (single use, expiring),
 * password reset, deactivation that ends running sessions at once, the last national administrator,
 * the filtered account list, candidates' self-registration by NIP (linked at once or confirmed by an
 * administrator), and the Pansel pickers (eligible members; a member's rounds).
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf } from '@seleksi/domain';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { eventually, startStack, type Stack } from './support/stack';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const PASSWORD = 'rahasia-uji-123';
const NEW_PASSWORD = 'sandi-baru-yang-panjang-1';
const A = testAgency('ACCA');
const B = testAgency('ACCB');
const ADMIN = 'acc-admin';
const OWN_ADMIN = 'acc-admin-a';
const OTHER_ADMIN = 'acc-admin-b';
const SECRETARY = 'acc-sec';
const OVERSEER = 'acc-overseer';

const USERS = [
  testUser(ADMIN, 'ADMIN', null),
  testUser(OWN_ADMIN, 'AGENCY_ADMIN', A.code),
  testUser(OTHER_ADMIN, 'AGENCY_ADMIN', B.code),
  testUser(SECRETARY, 'PANSEL_SECRETARY', A.code),
  testUser(OVERSEER, 'OVERSEER', null),
];

const USER = `id email displayName role agencyCode candidateId active affiliation passwordSet
  registration { status profileId agencyCode reason }`;

interface User {
  id: string;
  email: string;
  role: string;
  agencyCode: string | null;
  candidateId: string | null;
  active: boolean;
  affiliation: string | null;
  passwordSet: boolean;
  registration: { status: string; profileId: string | null; agencyCode: string | null; reason: string | null } | null;
}
interface LinkPayload {
  user: User;
  purpose: string;
  link: string;
  expiresAt: string;
}

let stack: Stack;
let d: SelectionDriver;

const invite = (as: string, input: Record<string, unknown>) =>
  d.gql<{ inviteAccount: LinkPayload }>(
    as,
    `mutation($i: InviteAccountInput!) { inviteAccount(input: $i) { user { ${USER} } purpose link expiresAt } }`,
    { i: input },
  );

const setPassword = (token: string, password: string) =>
  stack.gql<{ setPasswordWithLink: { token: string; user: User } }>(
    `mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) { token user { ${USER} } } }`,
    { t: token, p: password },
  );

const signIn = (email: string, password: string) =>
  stack.gql<{ signIn: { token: string } }>(
    'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
    { e: email, p: password },
  );

const me = async (token: string) => (await stack.gql<{ me: User | null }>(`{ me { ${USER} } }`, {}, token)).data?.me;

const tokenOf = (link: string) => new URL(link).hash.slice(1);

async function listAccounts(as: string, args: Record<string, unknown>) {
  return d.gql<{
    accounts: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: User }[] };
  }>(
    as,
    `query($r: Role, $a: String, $act: Boolean, $f: Int, $after: String) {
      accounts(role: $r, agencyCode: $a, active: $act, first: $f, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { ${USER} } } } }`,
    args,
  );
}

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'acc' });
  await stack.clients.candidate.upsertAgency(A);
  await stack.clients.candidate.upsertAgency(B);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

describe('invitations and one-time links', () => {
  it('an administrator invites a secretary; the link sets a password once and signs in', async () => {
    const r = must(
      await invite(ADMIN, {
        email: 'Sekretaris.Baru@uji.test',
        displayName: 'Sekretaris Baru',
        role: 'PANSEL_SECRETARY',
        agencyCode: A.code,
      }),
    ).inviteAccount;
    expect(r.user).toMatchObject({
      email: 'sekretaris.baru@uji.test',
      role: 'PANSEL_SECRETARY',
      agencyCode: A.code,
      active: true,
      passwordSet: false,
    });
    expect(r.purpose).toBe('INVITATION');
    expect(r.link).toMatch(/\/atur-kata-sandi#[A-Za-z0-9_-]{40,}$/);
    const hours = (Date.parse(r.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Queued for the mail outbox with the same link; the token itself is stored only as a hash.
    const notices = await stack.gateway.deps.accounts.pendingNotices(r.user.id);
    expect(notices).toEqual([{ kind: 'INVITATION', link: r.link, expiresAt: new Date(r.expiresAt) }]);

    // No password yet: signing in is refused like a wrong password.
    expectError(await signIn('sekretaris.baru@uji.test', NEW_PASSWORD), 'UNAUTHENTICATED', 'password');
    expectError(await setPassword(tokenOf(r.link), 'pendek'), 'VALIDATION_FAILED', 'password');
    const used = must(await setPassword(tokenOf(r.link), NEW_PASSWORD)).setPasswordWithLink;
    expect(used.user).toMatchObject({ id: r.user.id, passwordSet: true });
    expect((await me(used.token))?.id).toBe(r.user.id);
    expect(must(await signIn('sekretaris.baru@uji.test', NEW_PASSWORD)).signIn.token).toBeTruthy();

    // Single use.
    expectError(await setPassword(tokenOf(r.link), 'sandi-lain-yang-panjang'), 'LINK_USED', 'token');
    expectError(await setPassword('x'.repeat(43), 'sandi-lain-yang-panjang'), 'LINK_INVALID', 'token');
    expect(must(await signIn('sekretaris.baru@uji.test', NEW_PASSWORD)).signIn.token).toBeTruthy();
  });

  it('an expired link is refused and changes nothing', async () => {
    const r = must(
      await invite(ADMIN, {
        email: 'ppk.kedaluwarsa@uji.test',
        displayName: 'PPK Uji',
        role: 'PPK',
        agencyCode: A.code,
      }),
    ).inviteAccount;
    // A link issued 73 hours ago with the default 72-hour life.
    const old = await stack.gateway.deps.accounts.issueLink(
      r.user.id,
      'INVITATION',
      72 * 3600,
      (t) => t,
      new Date(Date.now() - 73 * 3_600_000),
    );
    expectError(await setPassword(old.token, NEW_PASSWORD), 'LINK_EXPIRED', 'token');
    expectError(await signIn('ppk.kedaluwarsa@uji.test', NEW_PASSWORD), 'UNAUTHENTICATED');
    // Issuing the old link made the first one unusable (a new link replaces the previous one).
    expectError(await setPassword(tokenOf(r.link), NEW_PASSWORD), 'LINK_USED', 'token');
  });

  it('an agency administrator invites staff of its own agency only, and only roles it may grant', async () => {
    const ppk = must(
      await invite(OWN_ADMIN, { email: 'ppk.a@uji.test', displayName: 'PPK Instansi A', role: 'PPK' }),
    ).inviteAccount;
    expect(ppk.user).toMatchObject({ role: 'PPK', agencyCode: A.code });
    const external = must(
      await invite(OWN_ADMIN, {
        email: 'akademisi@univ.test',
        displayName: 'Prof. Akademisi Uji',
        role: 'PANSEL_MEMBER',
        affiliation: 'Universitas Mulawarman',
      }),
    ).inviteAccount;
    expect(external.user).toMatchObject({
      role: 'PANSEL_MEMBER',
      agencyCode: A.code,
      affiliation: 'Universitas Mulawarman',
    });

    const before = must(await listAccounts(ADMIN, { f: 100 })).accounts.totalCount;
    const base = { email: 'baru@uji.test', displayName: 'Akun Baru' };
    expectError(await invite(OWN_ADMIN, { ...base, role: 'OVERSEER' }), 'FORBIDDEN', 'input.role');
    expectError(await invite(OWN_ADMIN, { ...base, role: 'AGENCY_ADMIN' }), 'FORBIDDEN', 'input.role');
    expectError(await invite(OWN_ADMIN, { ...base, role: 'ADMIN' }), 'FORBIDDEN', 'input.role');
    expectError(await invite(OWN_ADMIN, { ...base, role: 'PPK', agencyCode: B.code }), 'FORBIDDEN', 'input.agencyCode');
    expectError(await invite(ADMIN, { ...base, role: 'PPK', agencyCode: 'TIDAKADA' }), 'NOT_FOUND', 'input.agencyCode');
    expectError(await invite(ADMIN, { ...base, role: 'PPK' }), 'VALIDATION_FAILED', 'input.agencyCode');
    expectError(
      await invite(ADMIN, { ...base, email: 'bukan-email', role: 'OVERSEER' }),
      'VALIDATION_FAILED',
      'input.email',
    );
    expectError(
      await invite(ADMIN, { ...base, email: 'PPK.A@uji.test', role: 'PPK', agencyCode: A.code }),
      'CONFLICT',
      'input.email',
    );
    expectError(await invite(SECRETARY, { ...base, role: 'PPK' }), 'FORBIDDEN');
    // Nothing half-created.
    expect(must(await listAccounts(ADMIN, { f: 100 })).accounts.totalCount).toBe(before);
    // Audited.
    const changes = must(
      await d.gql<{ accountChanges: { kind: string; byUserId: string; details: string }[] }>(
        OWN_ADMIN,
        'query($a: ID!) { accountChanges(accountId: $a) { kind byUserId details } }',
        { a: ppk.user.id },
      ),
    ).accountChanges;
    expect(changes).toMatchObject([{ kind: 'ACCOUNT_INVITED', byUserId: OWN_ADMIN }]);
    expect(JSON.parse(changes[0]!.details)).toMatchObject({ role: 'PPK', agencyCode: A.code });
  });

  it('a password reset issues a new link that ends the old sessions; the public request tells nothing', async () => {
    const sec = must(
      await invite(ADMIN, {
        email: 'reset@uji.test',
        displayName: 'Akun Reset',
        role: 'PANSEL_SECRETARY',
        agencyCode: A.code,
      }),
    ).inviteAccount;
    const first = must(await setPassword(tokenOf(sec.link), NEW_PASSWORD)).setPasswordWithLink.token;
    expect((await me(first))?.id).toBe(sec.user.id);

    const reset = must(
      await d.gql<{ issuePasswordReset: LinkPayload }>(
        ADMIN,
        'mutation($a: ID!) { issuePasswordReset(accountId: $a) { purpose link expiresAt user { id } } }',
        { a: sec.user.id },
      ),
    ).issuePasswordReset;
    expect(reset.purpose).toBe('PASSWORD_RESET');
    expect(
      must(await setPassword(tokenOf(reset.link), 'sandi-setelah-reset-1')).setPasswordWithLink.token,
    ).toBeTruthy();
    expect(await me(first)).toBeNull();
    expectError(await signIn('reset@uji.test', NEW_PASSWORD), 'UNAUTHENTICATED');
    expect(must(await signIn('reset@uji.test', 'sandi-setelah-reset-1')).signIn.token).toBeTruthy();

    const ask = (email: string) =>
      stack.gql<{ requestPasswordReset: boolean }>('mutation($e: String!) { requestPasswordReset(email: $e) }', {
        e: email,
      });
    expect(must(await ask('tidak-ada@uji.test')).requestPasswordReset).toBe(true);
    expect(must(await ask('reset@uji.test')).requestPasswordReset).toBe(true);
    const queued = await stack.gateway.deps.accounts.pendingNotices(sec.user.id);
    expect(queued[0]).toMatchObject({ kind: 'PASSWORD_RESET', link: expect.stringContaining('/atur-kata-sandi#') });
    expectError(await ask('bukan email'), 'VALIDATION_FAILED', 'email');
  });
});

describe('deactivation and the last administrator', () => {
  it('deactivation ends running sessions at once; reactivation lets the account sign in again', async () => {
    const acc = must(
      await invite(OWN_ADMIN, { email: 'nonaktif@uji.test', displayName: 'Akun Nonaktif', role: 'PANSEL_SECRETARY' }),
    ).inviteAccount;
    const session = must(await setPassword(tokenOf(acc.link), NEW_PASSWORD)).setPasswordWithLink.token;
    // Seen once, so the session is in the gateway's 30-second trust cache.
    expect((await me(session))?.id).toBe(acc.user.id);

    expectError(
      await d.gql(OTHER_ADMIN, 'mutation($a: ID!) { deactivateAccount(accountId: $a) { id } }', { a: acc.user.id }),
      'FORBIDDEN',
      'accountId',
    );
    const off = must(
      await d.gql<{ deactivateAccount: User }>(
        OWN_ADMIN,
        'mutation($a: ID!) { deactivateAccount(accountId: $a, reason: "Pindah tugas") { active } }',
        { a: acc.user.id },
      ),
    ).deactivateAccount;
    expect(off.active).toBe(false);
    expect(await me(session)).toBeNull();
    const r = await stack.gql('{ agency(agencyCode: "ACCA") { code } }', {}, session);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expectError(await signIn('nonaktif@uji.test', NEW_PASSWORD), 'UNAUTHENTICATED');
    expectError(
      await d.gql(OWN_ADMIN, 'mutation($a: ID!) { issuePasswordReset(accountId: $a) { link } }', { a: acc.user.id }),
      'CONFLICT',
      'accountId',
    );

    must(await d.gql(OWN_ADMIN, 'mutation($a: ID!) { reactivateAccount(accountId: $a) { id } }', { a: acc.user.id }));
    expect(await me(session)).toBeNull();
    expect(must(await signIn('nonaktif@uji.test', NEW_PASSWORD)).signIn.token).toBeTruthy();
  });

  it('the last active national administrator cannot be deactivated or demoted', async () => {
    const deactivate = (as: string, id: string) =>
      d.gql(as, 'mutation($a: ID!) { deactivateAccount(accountId: $a) { id active } }', { a: id });
    const demote = (as: string, id: string) =>
      d.gql(as, 'mutation($a: ID!) { changeAccountRole(accountId: $a, role: OVERSEER) { id role } }', { a: id });
    expectError(await deactivate(ADMIN, ADMIN), 'LAST_ADMIN', 'accountId');
    expectError(await demote(ADMIN, ADMIN), 'LAST_ADMIN', 'role');
    expect((await me(d.token(ADMIN)))?.role).toBe('ADMIN');

    // With a second administrator, one may go; then the other is the last.
    const second = must(
      await invite(ADMIN, { email: 'admin2@uji.test', displayName: 'Administrator Kedua', role: 'ADMIN' }),
    ).inviteAccount;
    expect(second.user.agencyCode).toBeNull();
    const token2 = must(await setPassword(tokenOf(second.link), NEW_PASSWORD)).setPasswordWithLink.token;
    const demoted = await stack.gql<{ changeAccountRole: User }>(
      'mutation($a: ID!) { changeAccountRole(accountId: $a, role: OVERSEER) { id role } }',
      { a: ADMIN },
      token2,
    );
    expect(must(demoted).changeAccountRole.role).toBe('OVERSEER');
    // The demoted account's session sees its new role at once.
    expect((await me(d.token(ADMIN)))?.role).toBe('OVERSEER');
    const self = await stack.gql(
      'mutation($a: ID!) { deactivateAccount(accountId: $a) { id } }',
      { a: second.user.id },
      token2,
    );
    expectError(self, 'LAST_ADMIN', 'accountId');
    // Restored for the other tests.
    must(
      await stack.gql(
        'mutation($a: ID!) { changeAccountRole(accountId: $a, role: ADMIN) { id } }',
        { a: ADMIN },
        token2,
      ),
    );
    expect((await me(d.token(ADMIN)))?.role).toBe('ADMIN');
    const history = must(
      await d.gql<{ accountChanges: { kind: string; details: string }[] }>(
        ADMIN,
        'query($a: ID!) { accountChanges(accountId: $a) { kind details } }',
        { a: ADMIN },
      ),
    ).accountChanges;
    expect(history.map((c) => c.kind)).toEqual(['ACCOUNT_ROLE_CHANGED', 'ACCOUNT_ROLE_CHANGED']);
  });
});

describe('the account list', () => {
  it('filters by role, agency and state, pages in id order, and keeps agency administrators to their agency', async () => {
    const all = must(await listAccounts(ADMIN, { r: 'PANSEL_SECRETARY', a: A.code, f: 100 })).accounts;
    expect(all.edges.length).toBe(all.totalCount);
    expect(all.edges.every((e) => e.node.role === 'PANSEL_SECRETARY' && e.node.agencyCode === A.code)).toBe(true);
    expect(all.totalCount).toBeGreaterThanOrEqual(3);

    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: User }[] } =
        must(await listAccounts(ADMIN, { r: 'PANSEL_SECRETARY', a: A.code, f: 2, after })).accounts;
      expect(p.totalCount).toBe(all.totalCount);
      pages.push(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(pages).toEqual(all.edges.map((e) => e.node.id));

    const inactive = must(await listAccounts(ADMIN, { act: false, f: 100 })).accounts;
    expect(inactive.edges.every((e) => !e.node.active)).toBe(true);
    const own = must(await listAccounts(OWN_ADMIN, { f: 100 })).accounts;
    expect(own.edges.length).toBeGreaterThan(0);
    expect(own.edges.every((e) => e.node.agencyCode === A.code)).toBe(true);
    expectError(await listAccounts(OWN_ADMIN, { a: B.code }), 'FORBIDDEN', 'agencyCode');
    expectError(await listAccounts(SECRETARY, {}), 'FORBIDDEN');
  });
});

describe('candidate self-registration by NIP', () => {
  const register = (input: Record<string, unknown>) =>
    stack.gql<{ registerCandidate: { status: string; message: string; user: User } }>(
      `mutation($i: RegisterCandidateInput!) { registerCandidate(input: $i) { status message user { ${USER} } } }`,
      { i: input },
    );
  const birthOf = (nip: string) => `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;

  it('is linked at once when the birth date and e-mail match the profile', async () => {
    const p = { ...eligibleProfile('acc-asn-1', A.code, 1), email: 'asn1@instansi.test' };
    await stack.clients.candidate.upsertProfile(p);
    const r = must(
      await register({ nip: p.nip, email: 'ASN1@instansi.test', birthDate: birthOf(p.nip), password: NEW_PASSWORD }),
    ).registerCandidate;
    expect(r.status).toBe('LINKED');
    expect(r.user).toMatchObject({ role: 'CANDIDATE', candidateId: p.id, agencyCode: A.code });
    const token = must(await signIn('asn1@instansi.test', NEW_PASSWORD)).signIn.token;
    const mine = await stack.gql<{ myProfile: { id: string } }>('{ myProfile { id } }', {}, token);
    expect(must(mine).myProfile.id).toBe(p.id);
    // The profile is taken.
    expectError(
      await register({ nip: p.nip, email: 'lain@instansi.test', birthDate: birthOf(p.nip), password: NEW_PASSWORD }),
      'CONFLICT',
      'input.nip',
    );
  });

  it('waits for an administrator otherwise; the decision is audited', async () => {
    const p = { ...eligibleProfile('acc-asn-2', A.code, 2), email: 'asn2@instansi.test' };
    await stack.clients.candidate.upsertProfile(p);
    const r = must(
      await register({ nip: p.nip, email: 'pribadi@mail.test', birthDate: birthOf(p.nip), password: NEW_PASSWORD }),
    ).registerCandidate;
    expect(r.status).toBe('PENDING');
    expect(r.message).toContain('menunggu konfirmasi');
    expect(r.user).toMatchObject({ candidateId: null, registration: { status: 'PENDING', profileId: p.id } });
    const token = must(await signIn('pribadi@mail.test', NEW_PASSWORD)).signIn.token;
    // Not linked yet: no ASN profile behind the account.
    expect(must(await stack.gql<{ myProfile: unknown }>('{ myProfile { id } }', {}, token)).myProfile).toBeNull();

    const pending = (as: string) =>
      d.gql<{ pendingRegistrations: { totalCount: number; edges: { node: User }[] } }>(
        as,
        `{ pendingRegistrations { totalCount edges { node { ${USER} } } } }`,
      );
    expect(must(await pending(ADMIN)).pendingRegistrations.edges.map((e) => e.node.id)).toContain(r.user.id);
    expect(must(await pending(OWN_ADMIN)).pendingRegistrations.edges.map((e) => e.node.id)).toContain(r.user.id);
    expect(must(await pending(OTHER_ADMIN)).pendingRegistrations.totalCount).toBe(0);

    const decide = (as: string, approve: boolean, reason = 'Diperiksa dengan SK CPNS') =>
      d.gql<{ decideRegistration: User }>(
        as,
        `mutation($a: ID!, $ok: Boolean!, $r: String!) { decideRegistration(accountId: $a, approve: $ok, reason: $r) { ${USER} } }`,
        { a: r.user.id, ok: approve, r: reason },
      );
    expectError(await decide(OTHER_ADMIN, true), 'FORBIDDEN', 'accountId');
    expectError(await decide(OWN_ADMIN, true, 'x'), 'VALIDATION_FAILED', 'reason');
    const linked = must(await decide(OWN_ADMIN, true)).decideRegistration;
    expect(linked).toMatchObject({
      candidateId: p.id,
      registration: { status: 'LINKED', reason: 'Diperiksa dengan SK CPNS' },
    });
    // The candidate's running session sees the link at once.
    expect(must(await stack.gql<{ myProfile: { id: string } }>('{ myProfile { id } }', {}, token)).myProfile.id).toBe(
      p.id,
    );
    expectError(await decide(OWN_ADMIN, true), 'CONFLICT', 'accountId');
    const changes = must(
      await d.gql<{ accountChanges: { kind: string; byUserId: string; reason: string | null }[] }>(
        ADMIN,
        'query($a: ID!) { accountChanges(accountId: $a) { kind byUserId reason } }',
        { a: r.user.id },
      ),
    ).accountChanges;
    expect(changes.map((c) => [c.kind, c.byUserId])).toEqual([
      ['REGISTRATION_PENDING', r.user.id],
      ['REGISTRATION_CONFIRMED', OWN_ADMIN],
    ]);
  });

  it('a rejected registration cannot sign in; bad input is refused with its field and writes nothing', async () => {
    const p = { ...eligibleProfile('acc-asn-3', A.code, 3), email: null };
    await stack.clients.candidate.upsertProfile(p);
    const r = must(
      await register({ nip: p.nip, email: 'asn3@mail.test', birthDate: '1990-01-01', password: NEW_PASSWORD }),
    ).registerCandidate;
    expect(r.status).toBe('PENDING');
    must(
      await d.gql(
        ADMIN,
        'mutation($a: ID!) { decideRegistration(accountId: $a, approve: false, reason: "Data tidak sesuai") { id } }',
        { a: r.user.id },
      ),
    );
    expectError(await signIn('asn3@mail.test', NEW_PASSWORD), 'UNAUTHENTICATED');

    const before = must(await listAccounts(ADMIN, { r: 'CANDIDATE', f: 100 })).accounts.totalCount;
    const good = { nip: p.nip, email: 'baru3@mail.test', birthDate: birthOf(p.nip), password: NEW_PASSWORD };
    expectError(await register({ ...good, nip: '123' }), 'INVALID_NIP', 'input.nip');
    expectError(await register({ ...good, nip: '197001012000011000' }), 'INVALID_NIP', 'input.nip');
    expectError(await register({ ...good, email: 'asn1@instansi.test' }), 'CONFLICT', 'input.email');
    expectError(await register({ ...good, password: 'pendek' }), 'VALIDATION_FAILED', 'input.password');
    expect(must(await listAccounts(ADMIN, { r: 'CANDIDATE', f: 100 })).accounts.totalCount).toBe(before);
  });
});

describe('Pansel pickers', () => {
  it('staff pick members from eligible accounts; members list the rounds they sit on', async () => {
    const pansel = testPansel('accp');
    // Three members invited for agency A, two without an agency, one of agency B (not eligible for A).
    const accounts = stack.gateway.deps.accounts;
    for (const [i, m] of pansel.entries()) {
      await accounts.upsert({
        id: m.userId,
        email: `${m.userId}@uji.test`,
        displayName: m.name,
        role: 'PANSEL_MEMBER',
        agencyCode: i < 3 ? A.code : null,
        candidateId: null,
        password: PASSWORD,
      });
    }
    await accounts.upsert({
      id: 'accp-lain',
      email: 'accp-lain@uji.test',
      displayName: 'Anggota Instansi B',
      role: 'PANSEL_MEMBER',
      agencyCode: B.code,
      candidateId: null,
      password: PASSWORD,
    });
    const eligible = must(
      await d.gql<{ panselCandidates: { totalCount: number; edges: { node: User }[] } }>(
        SECRETARY,
        `query($a: String!) { panselCandidates(agencyCode: $a, first: 100) { totalCount edges { node { id agencyCode affiliation } } } }`,
        { a: A.code },
      ),
    ).panselCandidates;
    const ids = eligible.edges.map((e) => e.node.id);
    for (const m of pansel) expect(ids).toContain(m.userId);
    expect(ids).not.toContain('accp-lain');
    expect(ids).toContain(
      must(await listAccounts(ADMIN, { r: 'PANSEL_MEMBER', a: A.code, f: 100 })).accounts.edges.find(
        (e) => e.node.affiliation === 'Universitas Mulawarman',
      )?.node.id,
    );
    expectError(
      await d.gql(SECRETARY, 'query($a: String!) { panselCandidates(agencyCode: $a) { totalCount } }', { a: B.code }),
      'FORBIDDEN',
      'agencyCode',
    );

    const created = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Terbuka JPT Pratama Uji Akun Tahun 2026',
        announcementDate: localDateOf(new Date(), 'WITA'),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan' }],
      }),
    ).createSelection;
    await eventually(
      async () =>
        (
          await d.gql<{ selection: unknown }>(SECRETARY, 'query($id: ID!) { selection(id: $id) { id } }', {
            id: created.id,
          })
        ).data?.selection,
    );
    must(await d.setPansel(SECRETARY, created.id, pansel));
    const member = must(await signIn(`${pansel[0]!.userId}@uji.test`, PASSWORD)).signIn.token;
    const rounds = await stack.gql<{
      myPanselRounds: { totalCount: number; edges: { node: { id: string; title: string } }[] };
    }>('{ myPanselRounds { totalCount edges { node { id title } } } }', {}, member);
    expect(must(rounds).myPanselRounds.edges.map((e) => e.node.id)).toEqual([created.id]);
    const other = must(await signIn('accp-lain@uji.test', PASSWORD)).signIn.token;
    expect(
      must(await stack.gql<{ myPanselRounds: { totalCount: number } }>('{ myPanselRounds { totalCount } }', {}, other))
        .myPanselRounds.totalCount,
    ).toBe(0);
  });
});
