/**
 * Authorisation matrix: every role × every mutation (listed from the schema itself, so a mutation
 * without an entry here fails) and every sensitive query, allowed or refused as intended. "Allowed"
 * means the call got past authorisation: it may still fail on business rules (NOT_FOUND,
 * VALIDATION_FAILED, WRONG_STAGE…). A candidate never reads another candidate's application,
 * profile, timeline or scores.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  applicationId,
  defaultMeritAspectConfig,
  localDateOf,
  SELECTION_DECISION_NAMES,
  SELECTION_DECISIONS,
  TALENT_DECISION_NAMES,
  TALENT_DECISIONS,
  type AgencyDto,
  type Role,
} from '@seleksi/domain';
import { schema, type Account, type AccountRepository } from '@seleksi/gateway';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { eventually, startStack, type GraphQLResult, type Stack } from './support/stack';

const AGENCY_A: AgencyDto = testAgency('AUTHA');
const AGENCY_B: AgencyDto = testAgency('AUTHB');
const PASSWORD = 'rahasia-uji-123';
const C1 = 'auth-cand-1';
const C2 = 'auth-cand-2';
const C3 = 'auth-cand-3';
/** A secretary account of agency A that the account mutations act on (deactivated, role changed…). */
const TARGET = 'auth-target';

const PRINCIPALS = [
  'anonymous',
  'candidate',
  'otherCandidate',
  'memberOfSelection',
  'memberOfNone',
  'secretaryOwn',
  'secretaryOther',
  'ppkOwn',
  'ppkOther',
  'overseer',
  'admin',
  'agencyAdminOwn',
  'agencyAdminOther',
] as const;
type Principal = (typeof PRINCIPALS)[number];
type Signed = Exclude<Principal, 'anonymous'>;

const ACCOUNTS: Record<Signed, { role: string; agencyCode: string | null; candidateId: string | null }> = {
  candidate: { role: 'CANDIDATE', agencyCode: AGENCY_A.code, candidateId: C1 },
  otherCandidate: { role: 'CANDIDATE', agencyCode: AGENCY_A.code, candidateId: C2 },
  memberOfSelection: { role: 'PANSEL_MEMBER', agencyCode: null, candidateId: null },
  memberOfNone: { role: 'PANSEL_MEMBER', agencyCode: null, candidateId: null },
  secretaryOwn: { role: 'PANSEL_SECRETARY', agencyCode: AGENCY_A.code, candidateId: null },
  secretaryOther: { role: 'PANSEL_SECRETARY', agencyCode: AGENCY_B.code, candidateId: null },
  ppkOwn: { role: 'PPK', agencyCode: AGENCY_A.code, candidateId: null },
  ppkOther: { role: 'PPK', agencyCode: AGENCY_B.code, candidateId: null },
  overseer: { role: 'OVERSEER', agencyCode: null, candidateId: null },
  admin: { role: 'ADMIN', agencyCode: null, candidateId: null },
  agencyAdminOwn: { role: 'AGENCY_ADMIN', agencyCode: AGENCY_A.code, candidateId: null },
  agencyAdminOther: { role: 'AGENCY_ADMIN', agencyCode: AGENCY_B.code, candidateId: null },
};

/** What a principal gets: past authorisation, or the refusal's code. */
type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_A_MEMBER';
const REFUSALS = new Set<string>(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_A_MEMBER']);

/** The principals allowed; everyone else is refused (anonymous: UNAUTHENTICATED, the rest FORBIDDEN unless `refusal` says otherwise). */
interface Rule {
  allowed: readonly Principal[];
  refusal?: Partial<Record<Principal, Outcome>>;
}

const EVERYONE = PRINCIPALS;
const SIGNED_IN = PRINCIPALS.filter((p) => p !== 'anonymous');
const CANDIDATES = ['candidate', 'otherCandidate'] as const;
const TALENT_READERS = ['secretaryOwn', 'ppkOwn', 'overseer', 'admin'] as const;

/** Every mutation of the schema. A new mutation fails the matrix test until it gets a rule here. */
const AGENCY_ADMINS = ['admin', 'agencyAdminOwn'] as const;
const DISPUTE_DECIDERS = ['secretaryOwn', 'admin', 'agencyAdminOwn'] as const;
const GATE_AGENCY = ['secretaryOwn', 'agencyAdminOwn'] as const;
const GATE_READERS = ['secretaryOwn', 'ppkOwn', 'agencyAdminOwn', 'overseer', 'admin'] as const;
const ELECTION_STAFF = [
  'secretaryOwn',
  'secretaryOther',
  'ppkOwn',
  'ppkOther',
  'overseer',
  'admin',
  'agencyAdminOwn',
  'agencyAdminOther',
] as const;
/** The principal of each role that acts on the matrix's records (agency A, its round's Pansel, candidate 1's application). */
const PRINCIPAL_OF_ROLE: Record<Role, Principal> = {
  CANDIDATE: 'candidate',
  PANSEL_MEMBER: 'memberOfSelection',
  PANSEL_SECRETARY: 'secretaryOwn',
  PPK: 'ppkOwn',
  OVERSEER: 'overseer',
  ADMIN: 'admin',
  AGENCY_ADMIN: 'agencyAdminOwn',
};
/**
 * The declared decisions (SELECTION_DECISIONS, TALENT_DECISIONS), from their declarations: their roles, on agency
 * A's records (a round, a filling); a Pansel member who does not sit on the round is NOT_A_MEMBER.
 */
const DECLARED: Record<string, Rule> = Object.fromEntries(
  [
    ...SELECTION_DECISION_NAMES.map((name) => [name, SELECTION_DECISIONS[name].roles] as const),
    ...TALENT_DECISION_NAMES.map((name) => [name, TALENT_DECISIONS[name].roles] as const),
  ].map(([name, roles]: readonly [string, readonly Role[]]) => {
    const rule: Rule = roles.includes('PANSEL_MEMBER')
      ? { allowed: roles.map((r) => PRINCIPAL_OF_ROLE[r]), refusal: { memberOfNone: 'NOT_A_MEMBER' } }
      : { allowed: roles.map((r) => PRINCIPAL_OF_ROLE[r]) };
    return [name, rule];
  }),
);
const MUTATIONS: Record<string, Rule> = {
  ...DECLARED,
  amendHolidayCalendar: { allowed: ['admin'] },
  // Pilkada schedules: the national administrator's reference data.
  setElectionRegion: { allowed: ['admin'] },
  // The report to the Minister: the agency's administrator or secretariat (an unknown duty is NOT_FOUND to
  // every one of them, before the agency check). The talent route's permission is declared (DECLARED).
  recordElectionReport: { allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther', 'secretaryOwn', 'secretaryOther'] },
  // Profile imports: the agency's secretariat and administrator, and the national administrator (the
  // matrix sends no file: VALIDATION_FAILED past authorisation); an unknown import is NOT_FOUND to any of them.
  previewProfileImport: { allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'] },
  confirmProfileImport: {
    allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther', 'secretaryOwn', 'secretaryOther'],
  },
  // Accounts: the national administrator for all, an agency administrator for its own agency's staff
  // (an invitation without an agency is for the inviter's own agency, so both agency administrators pass).
  changeAccountRole: { allowed: AGENCY_ADMINS },
  deactivateAccount: { allowed: AGENCY_ADMINS },
  decideRegistration: { allowed: AGENCY_ADMINS },
  inviteAccount: { allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther'] },
  issuePasswordReset: { allowed: AGENCY_ADMINS },
  reactivateAccount: { allowed: AGENCY_ADMINS },
  registerCandidate: { allowed: EVERYONE },
  requestPasswordReset: { allowed: EVERYONE },
  setPasswordWithLink: { allowed: EVERYONE },
  // Sign-in with OpenID Connect (not configured here: NOT_FOUND past authorisation).
  startOidcSignIn: { allowed: EVERYONE },
  completeOidcSignIn: { allowed: EVERYONE },
  createAgency: { allowed: ['admin'] },
  // Notices: the outbox's failures are the national administrator's; preferences are each user's own.
  retryNotices: { allowed: ['admin'] },
  setNoticePreferences: { allowed: SIGNED_IN },
  // The national administrator for every agency, an agency administrator for its own only.
  setAgencyOfficials: { allowed: AGENCY_ADMINS },
  setSelectionOfficials: { allowed: AGENCY_ADMINS },
  setRegionalHolidays: { allowed: AGENCY_ADMINS },
  updateAgency: { allowed: AGENCY_ADMINS },
  uploadAgencyLogo: { allowed: AGENCY_ADMINS },
  applyToVacancy: { allowed: CANDIDATES },
  confirmProfile: { allowed: CANDIDATES },
  correctDocument: { allowed: ['secretaryOwn', 'ppkOwn', 'admin'] },
  createSelection: { allowed: ['secretaryOwn', 'secretaryOther'] },
  // Without agencyCode: the national defaults, the national administrator's only (the matrix's revision is stale: CONFLICT).
  changeSelectionDefaults: { allowed: ['admin'] },
  disputeProfile: { allowed: CANDIDATES },
  // The staff of the disputed profile's agency (see beforeAll), and the national administrator.
  acceptProfileDispute: { allowed: DISPUTE_DECIDERS },
  rejectProfileDispute: { allowed: DISPUTE_DECIDERS },
  signIn: { allowed: EVERYONE },
  signOut: { allowed: SIGNED_IN },
  // Each secretary for their own agency (the agency comes from the account).
  startTalentPoolFilling: { allowed: ['secretaryOwn', 'secretaryOther'] },
  startTalentMapping: { allowed: ['secretaryOwn', 'admin'] },
  computeIpAsn: { allowed: ['secretaryOwn', 'admin'] },
  updateTalentSettings: { allowed: ['secretaryOwn', 'admin'] },
  // The talent gate: the agency's secretariat and administrator fill in and submit its self-assessment;
  // only the overseer adjusts, returns, validates, approves and withdraws.
  startMeritAssessment: { allowed: GATE_AGENCY },
  saveMeritAssessment: { allowed: GATE_AGENCY },
  uploadMeritEvidence: { allowed: GATE_AGENCY },
  submitMeritAssessment: { allowed: GATE_AGENCY },
  adjustMeritAspect: { allowed: ['overseer'] },
  returnMeritAssessment: { allowed: ['overseer'] },
  validateMeritAssessment: { allowed: ['overseer'] },
  approveTalentSystem: { allowed: ['overseer'] },
  withdrawTalentSystemApproval: { allowed: ['overseer'] },
};

interface Ids {
  selectionId: string;
  vacancyId: string;
  applicationId: string;
  documentId: string;
  fillingId: string;
  disputeId: string;
  assessmentId: string;
}

/** Sensitive queries against agency A's records and candidate 1's application. */
function sensitiveQueries(ids: Ids): Record<string, Rule & { query: string; variables?: Record<string, unknown> }> {
  const APP = `id status candidateName timeline { status } scores { total rank } profileConfirmation { status } documents { id }`;
  const readers = ['candidate', 'secretaryOwn', 'ppkOwn', 'admin'] as const;
  return {
    application: {
      allowed: readers,
      query: `query($id: ID!) { application(id: $id) { ${APP} } }`,
      variables: { id: ids.applicationId },
    },
    node: {
      allowed: readers,
      query: `query($id: ID!) { node(id: $id) { id ... on Application { ${APP} } } }`,
      variables: { id: ids.applicationId },
    },
    myApplications: { allowed: CANDIDATES, query: '{ myApplications { totalCount edges { node { id } } } }' },
    myInvitations: { allowed: CANDIDATES, query: '{ myInvitations { totalCount } }' },
    myProfile: { allowed: CANDIDATES, query: '{ myProfile { id nip name } }' },
    selectionAudit: {
      allowed: ['secretaryOwn', 'overseer', 'admin'],
      query: 'query($s: ID!) { selectionAudit(selectionId: $s) { edges { node { kind } } } }',
      variables: { s: ids.selectionId },
    },
    selectionApplications: {
      allowed: ['secretaryOwn', 'ppkOwn', 'admin'],
      query: 'query($s: ID!) { selection(id: $s) { applications { edges { node { id candidateName } } } } }',
      variables: { s: ids.selectionId },
    },
    selectionProcess: {
      // Shaped per role; staff of other agencies and Pansel members of other selections are refused.
      allowed: ['candidate', 'otherCandidate', 'memberOfSelection', 'secretaryOwn', 'ppkOwn', 'overseer', 'admin'],
      query: 'query($s: ID!) { selectionProcess(selectionId: $s) { stage } }',
      variables: { s: ids.selectionId },
    },
    talentHistory: {
      // The secretariat and PPK of another agency get an empty (filtered) list, not a refusal.
      allowed: ['candidate', 'secretaryOwn', 'secretaryOther', 'ppkOwn', 'ppkOther', 'overseer', 'admin'],
      query: 'query($e: ID!) { talentHistory(employeeId: $e) { totalCount } }',
      variables: { e: C1 },
    },
    talentSettings: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { talentSettings(agencyCode: $a) { agencyCode } }',
      variables: { a: AGENCY_A.code },
    },
    talentMap: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { talentMap(agencyCode: $a) { period } }',
      variables: { a: AGENCY_A.code },
    },
    talentAgencies: {
      // Every talent reader gets an answer: their own agency, or every agency for the overseer and administrator.
      allowed: ['secretaryOwn', 'secretaryOther', 'ppkOwn', 'ppkOther', 'overseer', 'admin'],
      query: '{ talentAgencies { code name } }',
      variables: {},
    },
    talentMapPeriods: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { talentMapPeriods(agencyCode: $a) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
    talentMappingProgress: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { talentMappingProgress(agencyCode: $a, period: "2026") { status } }',
      variables: { a: AGENCY_A.code },
    },
    // IP ASN: the agency's staff for their own agency, the overseer and administrators for all.
    ipAsnSummary: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { ipAsnSummary(agencyCode: $a, period: "2026") { average } }',
      variables: { a: AGENCY_A.code },
    },
    // Every agency's for the overseer; the agency's staff get their own only (filtered, not refused).
    ipAsnSummaries: {
      allowed: [...TALENT_READERS, 'secretaryOther', 'ppkOther'],
      query: '{ ipAsnSummaries(period: "2026") { agencyCode } }',
    },
    ipAsnPeriods: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { ipAsnPeriods(agencyCode: $a) { period } }',
      variables: { a: AGENCY_A.code },
    },
    ipAsnRun: {
      allowed: TALENT_READERS,
      query: 'query($a: String!) { ipAsnRun(agencyCode: $a, period: "2026") { status } }',
      variables: { a: AGENCY_A.code },
    },
    // The person themself and the talent readers (another agency's staff are refused by the employee's agency).
    employeeIpAsn: {
      allowed: ['candidate', ...TALENT_READERS],
      query: 'query($e: ID!) { employeeIpAsn(employeeId: $e, period: "2026") { total } }',
      variables: { e: C1 },
    },
    // Agency A's stored default rules: its staff, the overseer and administrators.
    selectionRuleSetVersions: {
      allowed: GATE_READERS,
      query: 'query($a: ID) { selectionRuleSetVersions(agencyCode: $a) { revision changedBy { userId } } }',
      variables: { a: AGENCY_A.code },
    },
    selectionDefaults: {
      allowed: GATE_READERS,
      query: 'query($a: ID) { selectionDefaults(agencyCode: $a) { registrationDays } }',
      variables: { a: AGENCY_A.code },
    },
    talentGate: {
      allowed: GATE_READERS,
      query: 'query($a: String!) { talentGate(agencyCode: $a) { meritIndexScore approval { reference } } }',
      variables: { a: AGENCY_A.code },
    },
    talentGateDecisions: {
      allowed: GATE_READERS,
      query: 'query($a: String!) { talentGateDecisions(agencyCode: $a) { kind by { userId } reason } }',
      variables: { a: AGENCY_A.code },
    },
    meritAssessments: {
      allowed: GATE_READERS,
      query: 'query($a: String!) { meritAssessments(agencyCode: $a) { id status } }',
      variables: { a: AGENCY_A.code },
    },
    meritAssessment: {
      allowed: GATE_READERS,
      query: 'query($id: ID!) { meritAssessment(assessmentId: $id) { id aspects { score } } }',
      variables: { id: ids.assessmentId },
    },
    // The oversight view: every agency for the overseer, its own for an agency's staff (another's: FORBIDDEN).
    oversight: {
      allowed: GATE_READERS,
      query: 'query($a: String) { oversight(agencyCode: $a) { openRounds agencies { totalCount } } }',
      variables: { a: AGENCY_A.code },
    },
    meritAssessmentsToReview: { allowed: ['overseer', 'admin'], query: '{ meritAssessmentsToReview { id } }' },
    // Pilkada schedules and windows: public law data, for every staff role; the duties to report: the agency's own.
    electionRegions: { allowed: ELECTION_STAFF, query: '{ electionRegions { id schedules { label } } }' },
    electionRegion: {
      allowed: ELECTION_STAFF,
      query: 'query($id: ID!) { electionRegion(id: $id) { id } }',
      variables: { id: 'PROVINSI:uji' },
    },
    agencyElectionWindows: {
      allowed: ELECTION_STAFF,
      query: 'query($a: ID!) { agencyElectionWindows(agencyCode: $a) { regionId windows { from to } } }',
      variables: { a: AGENCY_A.code },
    },
    electionReportDuties: {
      allowed: GATE_READERS,
      query: 'query($a: ID) { electionReportDuties(agencyCode: $a) { id dueOn } }',
      variables: { a: AGENCY_A.code },
    },
    talentFilling: {
      allowed: TALENT_READERS,
      query: 'query($f: ID!) { talentFilling(fillingId: $f) { stage } }',
      variables: { f: ids.fillingId },
    },
    // The read model's list and inbox of agency A: another agency's staff are refused, candidates see nothing.
    talentFillings: {
      allowed: TALENT_READERS,
      query: 'query($a: String) { talentFillings(agencyCode: $a) { edges { node { fillingId } } } }',
      variables: { a: AGENCY_A.code },
    },
    talentFillingInbox: {
      // An administrator is past authorisation (then asked to name the role whose inbox to read).
      allowed: TALENT_READERS,
      query: 'query($a: String) { talentFillingInbox(agencyCode: $a) { edges { node { fillingId deadline } } } }',
      variables: { a: AGENCY_A.code },
    },
    holidayCalendarYears: { allowed: SIGNED_IN, query: '{ holidayCalendarYears { totalCount } }' },
    agencies: { allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther'], query: '{ agencies { code } }' },
    agency: {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn', 'ppkOwn'],
      query: 'query($a: ID!) { agency(agencyCode: $a) { code officials { nip } } }',
      variables: { a: AGENCY_A.code },
    },
    agencyChanges: {
      allowed: AGENCY_ADMINS,
      query: 'query($a: ID!) { agencyChanges(agencyCode: $a) { before after } }',
      variables: { a: AGENCY_A.code },
    },
    accounts: { allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther'], query: '{ accounts { totalCount } }' },
    // Throttled sign-ins and lockouts: the national administrator only.
    securityEvents: { allowed: ['admin'], query: '{ securityEvents { totalCount } }' },
    pendingRegistrations: {
      allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther'],
      query: '{ pendingRegistrations { totalCount } }',
    },
    accountChanges: {
      allowed: AGENCY_ADMINS,
      query: 'query($a: ID!) { accountChanges(accountId: $a) { kind } }',
      variables: { a: TARGET },
    },
    panselCandidates: {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'query($a: String!) { panselCandidates(agencyCode: $a) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
    profileImports: {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'query($a: String!) { profileImports(agencyCode: $a) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
    // The other kinds of import go through the same operations with the same rules.
    'profileImports(kind: ASSESSMENT_RESULTS)': {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'query($a: String!) { profileImports(agencyCode: $a, kind: ASSESSMENT_RESULTS) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
    'profileImports(kind: TARGET_POSTS)': {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'query($a: String!) { profileImports(agencyCode: $a, kind: TARGET_POSTS) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
    // No file: VALIDATION_FAILED past authorisation.
    'previewProfileImport(kind: ASSESSMENT_RESULTS)': {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'mutation($a: String!) { previewProfileImport(agencyCode: $a, kind: ASSESSMENT_RESULTS) { id } }',
      variables: { a: AGENCY_A.code },
    },
    'previewProfileImport(kind: TARGET_POSTS)': {
      allowed: ['admin', 'agencyAdminOwn', 'secretaryOwn'],
      query: 'mutation($a: String!) { previewProfileImport(agencyCode: $a, kind: TARGET_POSTS) { id } }',
      variables: { a: AGENCY_A.code },
    },
    profileImport: {
      // An unknown import is NOT_FOUND to every importer (the agency check needs the import).
      allowed: ['admin', 'agencyAdminOwn', 'agencyAdminOther', 'secretaryOwn', 'secretaryOther'],
      query: 'query($i: ID!) { profileImport(id: $i) { status } }',
      variables: { i: 'no-such-import' },
    },
    notices: { allowed: ['admin'], query: '{ notices { id } }' },
    profileDisputes: {
      allowed: DISPUTE_DECIDERS,
      query: 'query($a: ID) { profileDisputes(agencyCode: $a) { totalCount edges { node { note profile { nip } } } } }',
      variables: { a: AGENCY_A.code },
    },
    profileDispute: {
      allowed: DISPUTE_DECIDERS,
      query: 'query($id: ID!) { profileDispute(id: $id) { note profile { nip } } }',
      variables: { id: ids.disputeId },
    },
    myNoticePreferences: { allowed: SIGNED_IN, query: '{ myNoticePreferences { kind enabled } }' },
    myPanselRounds: {
      allowed: ['memberOfSelection', 'memberOfNone'],
      query: '{ myPanselRounds { totalCount edges { node { id } } } }',
    },
    successionGroups: {
      // Drafts are filtered out for everyone but the agency's staff.
      allowed: SIGNED_IN,
      query: 'query($a: String!) { successionGroups(agencyCode: $a) { totalCount } }',
      variables: { a: AGENCY_A.code },
    },
  };
}

/** Queries open to everyone by design (public announcements, results and verification); the rest are above. */
const PUBLIC_QUERIES = [
  'me',
  'oidcProvider',
  'selection',
  'selections',
  'document',
  'selectionDocuments',
  'verifyDocument',
  // Public for announced rounds as `selection` is; a planned round or a talent filling only for its staff.
  'verifyAudit',
  // The letterhead of the portal's frame (an agency's name, address, helpdesk, logo): no personal data.
  'portalFrame',
];
/** Signed-in helpers without personal data. */
const SIGNED_IN_QUERIES = ['holidayCalendar', 'workingDaysBetween', 'regionalHolidays'];

let stack: Stack;
const tokens: Partial<Record<Principal, string>> = {};
let ids: Ids;

async function account(p: Signed): Promise<void> {
  const a = ACCOUNTS[p];
  const accounts: AccountRepository = stack.gateway.deps.accounts;
  await accounts.upsert({
    id: `auth-${p}`,
    email: `${p}@auth.test`,
    displayName: p,
    password: PASSWORD,
    ...a,
    role: a.role as Account['role'],
  });
  tokens[p] = await stack.signIn(`${p}@auth.test`, PASSWORD);
}

function gql<T = Record<string, unknown>>(p: Principal, query: string, variables: Record<string, unknown> = {}) {
  return stack.gql<T>(query, variables, tokens[p]);
}

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'authz' });
  await stack.clients.candidate.upsertAgency(AGENCY_A);
  await stack.clients.candidate.upsertAgency(AGENCY_B);
  await stack.clients.candidate.upsertProfile(eligibleProfile(C1, AGENCY_A.code, 1));
  await stack.clients.candidate.upsertProfile(eligibleProfile(C2, AGENCY_A.code, 2));
  for (const p of SIGNED_IN) await account(p);
  await stack.gateway.deps.accounts.upsert({
    id: TARGET,
    email: `${TARGET}@auth.test`,
    displayName: 'Target',
    role: 'PANSEL_SECRETARY',
    agencyCode: AGENCY_A.code,
    candidateId: null,
    password: PASSWORD,
  });
  for (const m of panselInput().filter((m) => m.userId !== 'auth-memberOfSelection')) {
    await stack.gateway.deps.accounts.upsert({
      id: m.userId,
      email: `${m.userId}@auth.test`,
      displayName: m.name,
      role: 'PANSEL_MEMBER',
      agencyCode: null,
      candidateId: null,
      password: PASSWORD,
    });
  }

  // A running selection of agency A whose Pansel holds memberOfSelection, with its plan approved.
  const created = await gql<{ createSelection: { id: string; vacancies: { id: string }[] } }>(
    'secretaryOwn',
    `mutation($input: CreateSelectionInput!) { createSelection(input: $input) { id vacancies { id } } }`,
    { input: selectionInput() },
  );
  expect(created.errors).toBeUndefined();
  const selectionId = created.data!.createSelection.id;
  const vacancyId = created.data!.createSelection.vacancies[0]!.id;
  await eventually(
    async () =>
      (await gql('secretaryOwn', 'query($id: ID!) { selection(id: $id) { id } }', { id: selectionId })).data?.selection,
  );
  const pansel = panselInput();
  const ok = (r: GraphQLResult<unknown>) => expect(r.errors).toBeUndefined();
  ok(await gql('secretaryOwn', SET_PANSEL, { s: selectionId, m: pansel }));
  ok(await gql('secretaryOwn', 'mutation($s: ID!) { submitPlan(selectionId: $s) { kind } }', { s: selectionId }));
  await eventually(async () => {
    const r = await gql<{ selectionProcess: { stage: string } }>(
      'overseer',
      'query($s: ID!) { selectionProcess(selectionId: $s) { stage } }',
      { s: selectionId },
    );
    return r.data?.selectionProcess.stage === 'PLAN_APPROVAL';
  });
  ok(
    await gql(
      'overseer',
      `mutation($s: ID!) { overseerDecision(selectionId: $s, subject: PLAN, verdict: APPROVE, reason: "Rencana seleksi sesuai ketentuan") { kind } }`,
      { s: selectionId },
    ),
  );
  const documentId = await eventually(async () => {
    const r = await gql<{ selection: { announcement: { id: string } | null } }>(
      'secretaryOwn',
      'query($id: ID!) { selection(id: $id) { announcement { id } } }',
      { id: selectionId },
    );
    return r.data?.selection.announcement?.id;
  });
  // Candidate 1's application, straight into the read model.
  const app = applicationId(vacancyId, C1);
  await stack.clients.candidate.createApplication({
    id: app,
    selectionId,
    vacancyId,
    candidateId: C1,
    submittedAt: new Date().toISOString(),
  });
  // A dispute of a third candidate of agency A (no account here, so no row of the matrix replaces it).
  await stack.clients.candidate.upsertProfile(eligibleProfile(C3, AGENCY_A.code, 3));
  await stack.clients.candidate.putProfileConfirmation(C3, {
    status: 'DISPUTED',
    note: 'Pangkat saya sudah IV/c sejak April',
    fields: ['rank'],
    by: { userId: 'auth-c3', role: 'CANDIDATE' },
    at: new Date().toISOString(),
  });
  const disputeId = (await stack.clients.candidate.listProfileDisputes({ agencyCode: AGENCY_A.code })).items[0]!.id;
  // A draft merit-system assessment of agency A.
  const assessment = await stack.clients.assessment.startMeritAssessment({
    agencyCode: AGENCY_A.code,
    period: '2026',
    config: defaultMeritAspectConfig(),
    by: { userId: 'auth-agencyAdminOwn', role: 'AGENCY_ADMIN' },
  });
  ids = {
    selectionId,
    vacancyId,
    applicationId: app,
    documentId,
    fillingId: `TAL-${AGENCY_A.code}-2026-0000BEEF`,
    disputeId,
    assessmentId: assessment.id,
  };
});

afterAll(async () => {
  await stack?.close();
});

const SET_PANSEL = `mutation($s: ID!, $m: [PanselMemberInput!]!) { setPansel(selectionId: $s, members: $m) { kind } }`;

function selectionInput() {
  return {
    title: 'Seleksi Terbuka JPT Pratama Uji Kewenangan Tahun 2026',
    announcementDate: localDateOf(new Date(), 'WITA'),
    vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' }],
  };
}

function panselInput() {
  return testPansel('authz').map((m, i) => (i === 1 ? { ...m, userId: 'auth-memberOfSelection' } : m));
}

// ---------------------------------------------------------------------------------------------
// Schema types, duck-typed (the test package does not depend on graphql itself).

type GraphQLField = ReturnType<NonNullable<ReturnType<(typeof schema)['getMutationType']>>['getFields']>[string];
type GraphQLInputType = GraphQLField['args'][number]['type'];
type GraphQLOutputType = GraphQLField['type'];
type AnyType = GraphQLInputType | GraphQLOutputType;
const isNonNullType = (t: AnyType) => t.constructor.name === 'GraphQLNonNull';
const isListType = (t: AnyType) => t.constructor.name === 'GraphQLList';
const getNamedType = (t: AnyType): AnyType => ('ofType' in t ? getNamedType(t.ofType as AnyType) : t);
const isEnumType = (t: AnyType) => t.constructor.name === 'GraphQLEnumType';
const isScalarType = (t: AnyType) => t.constructor.name === 'GraphQLScalarType';
const isInputObjectType = (t: AnyType) => t.constructor.name === 'GraphQLInputObjectType';

// ---------------------------------------------------------------------------------------------
// Arguments: a valid value for every required argument, from the schema, with the ids of the records above.

const REASON = 'Alasan pengujian matriks kewenangan yang cukup panjang';

function valueFor(name: string, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return valueFor(name, (type as { ofType: GraphQLInputType }).ofType);
  if (isListType(type)) {
    if (name === 'members') return panselInput();
    if (name === 'fields') return ['name'];
    return [valueFor(name, (type as { ofType: GraphQLInputType }).ofType)];
  }
  const named = getNamedType(type) as AnyType & { name: string };
  // A role every administrator may grant (the enum's first value, ADMIN, only the national one may).
  if (isEnumType(named) && named.name === 'InvitableRole') return 'PANSEL_SECRETARY';
  if (isEnumType(named)) return (named as unknown as { getValues(): { value: unknown }[] }).getValues()[0]!.value;
  if (isInputObjectType(named)) {
    if (named.name === 'CreateSelectionInput') return selectionInput();
    const out: Record<string, unknown> = {};
    const fields = (
      named as unknown as {
        getFields(): Record<string, { name: string; type: GraphQLInputType; defaultValue?: unknown }>;
      }
    ).getFields();
    for (const f of Object.values(fields)) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(f.name, f.type);
    }
    return out;
  }
  if (isScalarType(named)) {
    switch (name) {
      case 'selectionId':
        return ids.selectionId;
      case 'vacancyId':
        return ids.vacancyId;
      case 'applicationId':
        return ids.applicationId;
      case 'documentId':
        return ids.documentId;
      case 'fillingId':
        return ids.fillingId;
      case 'disputeId':
        return ids.disputeId;
      case 'assessmentId':
        return ids.assessmentId;
      case 'accountId':
        return TARGET;
      case 'candidateId':
      case 'employeeId':
        return C1;
      case 'agencyCode':
        return AGENCY_A.code;
      case 'email':
        return 'candidate@auth.test';
      case 'password':
        return PASSWORD;
      case 'period':
        return '2026';
      case 'year':
        return 2027;
    }
    switch (named.name) {
      case 'ID':
        return `${name}-1`;
      case 'String':
        return REASON;
      case 'Int':
        return 1;
      case 'Float':
        return 80;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2026-12-01';
      case 'DateTime':
        return '2026-12-01T02:00:00.000Z';
    }
  }
  throw new Error(`no test value for ${name}: ${String(type)}`);
}

function selectionSet(type: GraphQLOutputType): string {
  const named = getNamedType(type) as AnyType & { name: string };
  return isScalarType(named) || isEnumType(named) ? '' : ' { __typename }';
}

function mutationDocument(field: GraphQLField): {
  query: string;
  variables: Record<string, unknown>;
} {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const defs = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const query = `mutation${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionSet(field.type)} }`;
  return { query, variables: Object.fromEntries(required.map((a) => [a.name, valueFor(a.name, a.type)])) };
}

function outcomeOf(r: GraphQLResult<unknown>): Outcome | string {
  const codes = (r.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
  const refusal = codes.find((c) => REFUSALS.has(c));
  if (refusal) return refusal as Outcome;
  // An error before execution means the test's arguments were wrong, so authorisation was not reached.
  const early = (r.errors ?? []).find((e) => !e.path && e.extensions?.code === 'VALIDATION_FAILED');
  if (early) return `INVALID_TEST_INPUT: ${early.message}`;
  return 'ALLOWED';
}

function expected(rule: Rule, p: Principal): Outcome {
  if (rule.allowed.includes(p)) return 'ALLOWED';
  return rule.refusal?.[p] ?? (p === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

describe('authorisation matrix', () => {
  it('has a rule for every mutation of the schema, and classifies every query', () => {
    const mutations = Object.keys(schema.getMutationType()!.getFields()).sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(mutations);
    const queries = Object.keys(schema.getQueryType()!.getFields()).sort();
    const classified = new Set([...Object.keys(sensitiveQueries(ids)), ...PUBLIC_QUERIES, ...SIGNED_IN_QUERIES]);
    expect(queries.filter((q) => !classified.has(q))).toEqual([]);
  });

  it('every role × every mutation', async () => {
    const fields = schema.getMutationType()!.getFields();
    // signOut last: it ends the sessions the other rows use.
    const names = Object.keys(MUTATIONS).sort(
      (a, b) => Number(a === 'signOut') - Number(b === 'signOut') || a.localeCompare(b),
    );
    const actual: Record<string, Record<Principal, string>> = {};
    const wanted: Record<string, Record<Principal, string>> = {};
    for (const name of names) {
      const { query, variables } = mutationDocument(fields[name]!);
      actual[name] = {} as Record<Principal, string>;
      wanted[name] = {} as Record<Principal, string>;
      for (const p of PRINCIPALS) {
        const r = await gql(p, query, variables);
        actual[name][p] = outcomeOf(r);
        wanted[name][p] = expected(MUTATIONS[name]!, p);
        if (process.env.AUTHZ_VERBOSE && actual[name][p] === 'ALLOWED') {
          console.log(`${name} × ${p}: ${r.errors?.map((e) => e.extensions?.code).join(',') || 'ok'}`);
        }
      }
    }
    expect(actual).toEqual(wanted);
  });

  it('every role × every sensitive query', async () => {
    // Fresh sessions (the mutation matrix signed everyone out).
    for (const p of SIGNED_IN) tokens[p] = await stack.signIn(`${p}@auth.test`, PASSWORD);
    const actual: Record<string, Record<Principal, string>> = {};
    const wanted: Record<string, Record<Principal, string>> = {};
    for (const [name, q] of Object.entries(sensitiveQueries(ids))) {
      actual[name] = {} as Record<Principal, string>;
      wanted[name] = {} as Record<Principal, string>;
      for (const p of PRINCIPALS) {
        actual[name][p] = outcomeOf(await gql(p, q.query, q.variables));
        wanted[name][p] = expected(q, p);
      }
    }
    expect(actual).toEqual(wanted);
  });

  it('node(id:) loads selections, vacancies and applications by their id, with the same rules', async () => {
    const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on Vacancy { position } } }`;
    const sel = await gql<{ node: { __typename: string; id: string } }>('anonymous', NODE, { id: ids.selectionId });
    expect(sel.data?.node).toEqual({ __typename: 'Selection', id: ids.selectionId });
    const vac = await gql<{ node: { __typename: string } }>('anonymous', NODE, { id: ids.vacancyId });
    expect(vac.data?.node).toMatchObject({ __typename: 'Vacancy', id: ids.vacancyId, position: expect.any(String) });
    const app = await gql<{ node: { __typename: string } }>('candidate', NODE, { id: ids.applicationId });
    expect(app.data?.node).toEqual({ __typename: 'Application', id: ids.applicationId });
    expect((await gql('anonymous', NODE, { id: ids.applicationId })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await gql('anonymous', NODE, { id: 'JPT-2026-FFFFFFFF' })).data?.node).toBeNull();
  });

  it("a candidate never reads another candidate's application, timeline, scores or profile", async () => {
    const other = await gql<{ application: unknown }>(
      'otherCandidate',
      'query($id: ID!) { application(id: $id) { id timeline { status } scores { total } candidateName } }',
      { id: ids.applicationId },
    );
    expect(other.data?.application ?? null).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await gql<{ myApplications: { edges: { node: { id: string } }[] } }>(
      'otherCandidate',
      '{ myApplications { edges { node { id } } } }',
    );
    // Only their own (the mutation matrix applied them to the vacancy).
    expect(mine.data?.myApplications.edges.map((e) => e.node.id).filter((id) => !id.endsWith(`.${C2}`))).toEqual([]);
    const profile = await gql<{ myProfile: { id: string } }>('otherCandidate', '{ myProfile { id } }');
    expect(profile.data?.myProfile.id).toBe(C2);
    const history = await gql('otherCandidate', 'query($e: ID!) { talentHistory(employeeId: $e) { totalCount } }', {
      e: C1,
    });
    expect(history.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await gql<{ application: { id: string; candidateName: string } }>(
      'candidate',
      'query($id: ID!) { application(id: $id) { id candidateName } }',
      { id: ids.applicationId },
    );
    expect(own.data?.application).toMatchObject({ id: ids.applicationId, candidateName: expect.any(String) });
  });
});
