import { describe, expect, it } from 'vitest';
import { schema } from './index';

/** Fields open to anonymous users by design; every other root field declares its authScopes. */
const PUBLIC_MUTATIONS = [
  'signIn',
  // A link's token is the proof; a candidate registers before having an account; a reset request tells nothing.
  'setPasswordWithLink',
  'registerCandidate',
  'requestPasswordReset',
  // Sign-in with OpenID Connect: the provider proves who signs in.
  'startOidcSignIn',
  'completeOidcSignIn',
].sort();
const PUBLIC_QUERIES = [
  // Announcements and results are public (PLANNED selections and restricted documents are filtered).
  'selection',
  'selections',
  'document',
  'selectionDocuments',
  'verifyDocument',
  // Announced rounds' audit chains are public; the resolver checks planned rounds and talent fillings.
  'verifyAudit',
  // Each node type checks the reader when it loads.
  'node',
  'me',
  // Whether SSO sign-in is offered (the sign-in page asks before anyone signs in).
  'oidcProvider',
  // The portal's header and footer: an agency's letterhead (name, logo, helpdesk), public by nature.
  'portalFrame',
];

function unguarded(fields: Record<string, { extensions?: unknown }>): string[] {
  return Object.entries(fields)
    .filter(([, f]) => !(f.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes)
    .map(([name]) => name)
    .sort();
}

describe('authorisation scopes', () => {
  it('every mutation but sign-in declares who may call it', () => {
    expect(unguarded(schema.getMutationType()!.getFields())).toEqual(PUBLIC_MUTATIONS);
  });

  it('every query declares who may call it, except the public ones', () => {
    expect(unguarded(schema.getQueryType()!.getFields())).toEqual([...PUBLIC_QUERIES].sort());
  });
});

describe('agency records', () => {
  const rolesOf = (fields: Record<string, { extensions?: unknown }>, name: string) =>
    (fields[name]?.extensions as { pothosOptions?: { authScopes?: { roles?: string[] } } }).pothosOptions?.authScopes
      ?.roles;

  it('only administrators change agencies; an agency administrator is further limited to its own', () => {
    const m = schema.getMutationType()!.getFields();
    expect(rolesOf(m, 'createAgency')).toEqual(['ADMIN']);
    for (const name of ['updateAgency', 'setAgencyOfficials', 'setSelectionOfficials', 'uploadAgencyLogo']) {
      expect(rolesOf(m, name), name).toEqual(['ADMIN', 'AGENCY_ADMIN']);
    }
  });

  it('no selection decision is open to an agency administrator', () => {
    const m = schema.getMutationType()!.getFields();
    const open = Object.keys(m).filter((name) => rolesOf(m, name)?.includes('AGENCY_ADMIN'));
    expect(open.sort()).toEqual([
      // Its own agency's candidates' disputes of their ASN profiles (no selection's decision).
      'acceptProfileDispute',
      // Its own agency's staff accounts.
      'changeAccountRole',
      // Its own agency's default selection rules for new rounds (running rounds keep the rules they pinned).
      'changeSelectionDefaults',
      // Its own agency's ASN data (profile imports).
      'confirmProfileImport',
      'deactivateAccount',
      'decideRegistration',
      'inviteAccount',
      'issuePasswordReset',
      'previewProfileImport',
      'reactivateAccount',
      // Its own agency's report to the Home Affairs Minister of an appointment made in a pilkada window.
      'recordElectionReport',
      'rejectProfileDispute',
      // Its own agency's merit-system self-assessment (the overseer validates it).
      'saveMeritAssessment',
      // Its own agency's records.
      'setAgencyOfficials',
      'setRegionalHolidays',
      'setSelectionOfficials',
      'startMeritAssessment',
      'submitMeritAssessment',
      'updateAgency',
      'uploadAgencyLogo',
      'uploadMeritEvidence',
    ]);
  });
});
