/**
 * Agency records through GraphQL on the real stack: the national administrator creates agencies, an
 * agency administrator edits only its own; bad input (NIP, logo) is refused with typed errors and
 * writes nothing; every change is audited with before/after; and documents print the officials the
 * records name when they are issued, while documents issued earlier stay as they were.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOGO_MAX_BYTES, localDateOf } from '@seleksi/domain';
import { pagesOf } from '../services/document/src/pdf/test-poppler';
import { testAgency, testPansel } from './support/fixtures';
import { png } from './support/png';
import { startStack, type GraphQLResult, type Stack } from './support/stack';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const PASSWORD = 'rahasia-uji-123';
const CODE = 'AGKT';
const OTHER = testAgency('AGLAIN');
const NIP_PPK_1 = '197503152000031001';
const NIP_PPK_2 = '198001012005012002';
const NIP_CHAIR = '197807072003121003';

const ADMIN = 'ag-admin';
const OWN_ADMIN = 'ag-admin-own';
const OTHER_ADMIN = 'ag-admin-lain';
const CANDIDATE = 'ag-cand';
const SECRETARY = 'ag-sec';
const OVERSEER = 'ag-overseer';
const PANSEL = testPansel('ag');

const USERS = [
  testUser(ADMIN, 'ADMIN', null),
  testUser(OWN_ADMIN, 'AGENCY_ADMIN', CODE),
  testUser(OTHER_ADMIN, 'AGENCY_ADMIN', OTHER.code),
  testUser(CANDIDATE, 'CANDIDATE', CODE, 'ag-asn-1'),
  testUser(SECRETARY, 'PANSEL_SECRETARY', CODE),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
];

const AGENCY_FIELDS = `code name kind region city timeZone addressLines phone email website version
  logo { contentType width height bytes } registers { documentClass pattern }
  officials { role name title nip } selectionOfficials { selectionId chair { name title nip } }`;

const SETTINGS = {
  name: 'Pemerintah Provinsi Uji Agensi',
  kind: 'PROVINSI',
  region: 'Kalimantan Uji',
  province: 'Kalimantan Uji',
  city: 'Samarinda',
  timeZone: 'WITA',
  addressLines: ['Jalan Gajah Mada Nomor 2, Samarinda 75121'],
  phone: '(0541) 733333',
  email: 'bkd@uji.go.id',
  website: 'https://uji.go.id',
  registers: [{ documentClass: 'KEPUTUSAN', pattern: '800.1.2.2/K.{seq}/UJI/{year}' }],
};

const official = (role: string, name: string, title: string, nip: string | null) => ({ role, name, title, nip });
const PPK_1 = official('PPK', 'Dr. H. Rudy Uji, S.E., M.Si.', 'Gubernur Kalimantan Uji', NIP_PPK_1);
const SEKDA = official(
  'SEKDA',
  'Sri Wahyuni Uji, S.Sos., M.Si.',
  'Sekretaris Daerah Provinsi Kalimantan Uji',
  NIP_PPK_2,
);

let stack: Stack;
let d: SelectionDriver;

interface Agency {
  code: string;
  name: string;
  version: number;
  logo: { contentType: string; width: number; height: number; bytes: number } | null;
  officials: { role: string; name: string; title: string; nip: string | null }[];
  selectionOfficials: { selectionId: string; chair: { name: string; nip: string | null } | null }[];
}

const agencyOf = async (as: string): Promise<Agency> =>
  must(
    await d.gql<{ agency: Agency }>(as, `query($a: ID!) { agency(agencyCode: $a) { ${AGENCY_FIELDS} } }`, { a: CODE }),
  ).agency;

const changesOf = async () =>
  must(
    await d.gql<{
      agencyChanges: { kind: string; version: number; byUserId: string; before: string | null; after: string }[];
    }>(ADMIN, 'query($a: ID!) { agencyChanges(agencyCode: $a) { kind version byUserId byRole at before after } }', {
      a: CODE,
    }),
  ).agencyChanges;

const setOfficials = (as: string, officials: unknown[]) =>
  d.gql<{ setAgencyOfficials: Agency }>(
    as,
    `mutation($a: ID!, $o: [AgencyOfficialInput!]!) { setAgencyOfficials(agencyCode: $a, officials: $o) { ${AGENCY_FIELDS} } }`,
    { a: CODE, o: officials },
  );

/** `uploadAgencyLogo` as the portal sends it: a GraphQL multipart request. */
async function uploadLogo(
  as: string,
  bytes: Buffer,
  name: string,
): Promise<GraphQLResult<{ uploadAgencyLogo: Agency }>> {
  const form = new FormData();
  const query = `mutation($a: ID!, $f: File) { uploadAgencyLogo(agencyCode: $a, file: $f) { ${AGENCY_FIELDS} } }`;
  form.set('operations', JSON.stringify({ query, variables: { a: CODE, f: null } }));
  form.set('map', JSON.stringify({ 0: ['variables.f'] }));
  form.set('0', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  const res = await fetch(`${stack.gateway.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${d.token(as)}` },
    body: form,
  });
  return (await res.json()) as GraphQLResult<{ uploadAgencyLogo: Agency }>;
}

/** The text (pdftotext), SHA-256 and embedded images' sizes (pdfimages -list) of an issued document. */
async function pdfOf(documentId: string): Promise<{ text: string; sha: string; images: string[] }> {
  const file = await stack.clients.document.getPdf(documentId);
  if (!file) throw new Error(`no PDF for ${documentId}`);
  // pdfimages reads a file, not stdin.
  const path = join(tmpdir(), `agency-${documentId}.pdf`);
  writeFileSync(path, file.bytes);
  const list = spawnSync('pdfimages', ['-list', path]);
  if (list.status !== 0) throw new Error(`pdfimages failed: ${list.stderr.toString()}`);
  const images = list.stdout
    .toString()
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/).slice(3, 5).join('x'));
  return {
    text: pagesOf(file.bytes).join(' '),
    sha: createHash('sha256').update(file.bytes).digest('hex'),
    images,
  };
}

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'agency',
  });
  await stack.clients.candidate.upsertAgency(OTHER);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
});

describe('agency records', () => {
  it("the national administrator creates an agency; only it and the agency's own administrator edit it", async () => {
    const create = (as: string) =>
      d.gql<{ createAgency: Agency }>(
        as,
        `mutation($c: ID!, $i: AgencySettingsInput!, $o: [AgencyOfficialInput!]) {
          createAgency(code: $c, input: $i, officials: $o) { ${AGENCY_FIELDS} } }`,
        { c: CODE.toLowerCase(), i: SETTINGS, o: [PPK_1, SEKDA] },
      );
    expectError(await create(OWN_ADMIN), 'FORBIDDEN');
    expectError(await create(CANDIDATE), 'FORBIDDEN');
    const created = must(await create(ADMIN)).createAgency;
    expect(created).toMatchObject({ code: CODE, kind: 'PROVINSI', version: 1, logo: null });
    expect(created.officials.map((o) => [o.role, o.nip])).toEqual([
      ['PPK', NIP_PPK_1],
      ['SEKDA', NIP_PPK_2],
    ]);
    expectError(await create(ADMIN), 'CONFLICT', 'code');

    const update = (as: string, name: string) =>
      d.gql<{ updateAgency: Agency }>(
        as,
        `mutation($a: ID!, $i: AgencySettingsInput!) { updateAgency(agencyCode: $a, input: $i) { ${AGENCY_FIELDS} } }`,
        { a: CODE, i: { ...SETTINGS, name } },
      );
    expectError(await update(OTHER_ADMIN, 'Pemerintah Provinsi Lain'), 'FORBIDDEN', 'agencyCode');
    expectError(await update(CANDIDATE, 'Pemerintah Provinsi Lain'), 'FORBIDDEN');
    expectError(await update(SECRETARY, 'Pemerintah Provinsi Lain'), 'FORBIDDEN');
    expect(must(await update(OWN_ADMIN, 'Pemerintah Provinsi Kalimantan Uji')).updateAgency).toMatchObject({
      name: 'Pemerintah Provinsi Kalimantan Uji',
      version: 2,
    });
    // The other agency's administrator sees only its own agency in the list.
    const list = must(await d.gql<{ agencies: { code: string }[] }>(OTHER_ADMIN, '{ agencies { code } }')).agencies;
    expect(list.map((a) => a.code)).toEqual([OTHER.code]);
    expectError(
      await d.gql(OTHER_ADMIN, 'query($a: ID!) { agency(agencyCode: $a) { code } }', { a: CODE }),
      'FORBIDDEN',
    );
  });

  it('refuses an invalid NIP, a non-image and an oversize logo with typed errors, writing nothing', async () => {
    const before = await agencyOf(ADMIN);
    const changes = (await changesOf()).length;

    const badNip = await setOfficials(OWN_ADMIN, [PPK_1, { ...SEKDA, nip: '197513452000031001' }]);
    expectError(badNip, 'INVALID_NIP', 'officials.1.nip');
    expect(badNip.errors?.[0]?.message).toMatch(/NIP/);
    expectError(
      await setOfficials(OWN_ADMIN, [PPK_1, { ...PPK_1, name: 'Orang Lain' }]),
      'VALIDATION_FAILED',
      'officials.1.role',
    );

    const notImage = await uploadLogo(
      OWN_ADMIN,
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
      'logo.png',
    );
    expectError(notImage, 'INVALID_IMAGE', 'file');
    // A PNG header followed by garbage: the structure is checked, not only the first bytes.
    const cut = png(8, 8).subarray(0, 40);
    expectError(await uploadLogo(OWN_ADMIN, cut, 'logo.png'), 'INVALID_IMAGE', 'file');
    const big = Buffer.concat([png(8, 8), Buffer.alloc(LOGO_MAX_BYTES)]);
    expectError(await uploadLogo(OWN_ADMIN, big, 'logo.png'), 'INVALID_IMAGE', 'file');

    expect(await agencyOf(ADMIN)).toEqual(before);
    expect((await changesOf()).length).toBe(changes);
  });

  it('stores a PNG logo checked by its content, and audits every change with who and before/after', async () => {
    const r = must(await uploadLogo(OWN_ADMIN, png(40, 30), 'lambang.png')).uploadAgencyLogo;
    expect(r.logo).toMatchObject({ contentType: 'image/png', width: 40, height: 30 });

    const log = await changesOf();
    expect(log.map((c) => [c.kind, c.version, c.byUserId])).toEqual([
      ['AGENCY_CREATED', 1, ADMIN],
      ['AGENCY_UPDATED', 2, OWN_ADMIN],
      ['AGENCY_UPDATED', 3, OWN_ADMIN],
    ]);
    expect(log[0]!.before).toBeNull();
    expect(JSON.parse(log[1]!.before!)).toEqual({ name: 'Pemerintah Provinsi Uji Agensi' });
    expect(JSON.parse(log[1]!.after)).toEqual({ name: 'Pemerintah Provinsi Kalimantan Uji' });
    expect(JSON.parse(log[2]!.before!)).toEqual({ logo: null });
    expect(JSON.parse(log[2]!.after).logo).toMatchObject({ contentType: 'image/png' });
    // NIPs are personal data: the audit keeps a masked form only.
    expect(JSON.stringify(log)).not.toContain(NIP_PPK_1);
  });

  it(
    'documents print the officials recorded when they are issued; earlier documents never change',
    { timeout: 240_000 },
    async () => {
      const today = localDateOf(new Date(), 'WITA');
      const created = must(
        await d.createSelection(SECRETARY, {
          title: 'Seleksi Terbuka JPT Pratama Uji Agensi',
          announcementDate: today,
          vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan' }],
          simulationSecondsPerDay: 2,
          rules: { overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
        }),
      ).createSelection;
      const id = created.id;
      await d.waitForReadModel(SECRETARY, id);
      must(
        await d.gql(
          OWN_ADMIN,
          `mutation($a: ID!, $s: ID!, $c: OfficialInput) { setSelectionOfficials(agencyCode: $a, selectionId: $s, chair: $c) { code } }`,
          { a: CODE, s: id, c: { name: 'Prof. Dr. Ketua Uji, M.Si.', title: 'Ketua Panitia Seleksi', nip: NIP_CHAIR } },
        ),
      );
      must(await d.setPansel(SECRETARY, id, PANSEL, '800/1/BKD'));
      must(await d.submitPlan(SECRETARY, id));
      const first = await d.waitFor(SECRETARY, id, (p) => p.documents.some((x) => x.kind === 'LETTER_TO_OVERSEER'));
      const decree1 = first.documents.find((x) => x.kind === 'PANSEL_DECREE')!;
      const letter1 = first.documents.find((x) => x.kind === 'LETTER_TO_OVERSEER')!;
      // The agency's own decree register.
      expect(decree1.number).toMatch(/^800\.1\.2\.2\/K\.\d+\/UJI\/\d{4}$/);
      const d1 = await pdfOf(decree1.id);
      expect(d1.text).toContain('Dr. H. Rudy Uji, S.E., M.Si.');
      expect(d1.text).toContain('NIP. 19750315 200003 1 001');
      expect(d1.text).toContain('PEMERINTAH PROVINSI KALIMANTAN UJI');
      expect(d1.text).toContain('Telepon (0541) 733333');
      // The uploaded 40×30 logo is drawn on the letterhead instead of the placeholder.
      expect(d1.images).toContain('40x30');
      expect(d1.text).not.toMatch(/\bLOGO\b/);
      const l1 = await pdfOf(letter1.id);
      expect(l1.text).toContain('Prof. Dr. Ketua Uji, M.Si.');
      expect(l1.text).not.toContain('Pengguna ag-sec');

      // A new governor: documents issued from now on print the new name and NIP.
      must(
        await setOfficials(OWN_ADMIN, [
          official('PPK', 'Ir. Baru Pengganti, M.T.', 'Gubernur Kalimantan Uji', NIP_PPK_2),
          SEKDA,
        ]),
      );
      must(
        await d.overseerDecision(OVERSEER, id, {
          subject: 'PLAN',
          verdict: 'REQUEST_CORRECTION',
          reason: 'Susunan panitia seleksi perlu dilengkapi',
        }),
      );
      await d.waitForStage(SECRETARY, id, 'PLANNED');
      must(await d.submitPlan(SECRETARY, id));
      const second = await d.waitFor(
        SECRETARY,
        id,
        (p) => p.documents.filter((x) => x.kind === 'PANSEL_DECREE').length === 2,
      );
      const decree2 = second.documents.filter((x) => x.kind === 'PANSEL_DECREE').find((x) => x.id !== decree1.id)!;
      const d2 = await pdfOf(decree2.id);
      expect(d2.text).toContain('Ir. Baru Pengganti, M.T.');
      expect(d2.text).toContain('NIP. 19800101 200501 2 002');
      expect(d2.text).not.toContain('Dr. H. Rudy Uji');

      // The earlier decree is the same file, byte for byte.
      const again = await pdfOf(decree1.id);
      expect(again.sha).toBe(d1.sha);
      expect(again.text).toContain('Dr. H. Rudy Uji, S.E., M.Si.');
    },
  );
});
