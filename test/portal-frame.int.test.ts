/**
 * The portal's frame on the real stack: the agency's helpdesk service hours are a setting its administrator
 * edits (validated, audited like the rest), `portalFrame` answers the signed-in user's agency (name,
 * address, helpdesk, logo path) and nothing to a visitor outside a selection, and the uploaded logo is
 * served to anyone by its content hash, cached for good.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { testAgency } from './support/fixtures';
import { png } from './support/png';
import { startStack, type Stack } from './support/stack';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const CODE = 'AGFRAME';
const ADMIN = 'fr-admin';
const SECRETARY = 'fr-sec';
const HOURS = 'Senin–Jumat 08.00–16.00 WITA';
const FRAME = `query($s: ID) { portalFrame(selectionId: $s) {
  agencyCode name address phone email website serviceHours logoUrl } }`;
const UPDATE = `mutation($a: ID!, $i: AgencySettingsInput!) { updateAgency(agencyCode: $a, input: $i) { serviceHours version } }`;

interface Frame {
  agencyCode: string;
  name: string;
  address: string;
  phone: string | null;
  email: string | null;
  serviceHours: string | null;
  logoUrl: string | null;
}

const settings = (serviceHours: string | null) => ({
  name: `Pemerintah Provinsi Uji ${CODE}`,
  kind: 'PROVINSI',
  region: 'Kalimantan Timur',
  city: 'Samarinda',
  timeZone: 'WITA',
  addressLines: ['Jalan Uji Nomor 1, Samarinda 75121'],
  phone: '(0541) 700000',
  email: 'bantuan@uji.go.id',
  serviceHours,
});

let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'frame' });
  await stack.clients.candidate.upsertAgency(testAgency(CODE));
  d = await SelectionDriver.signIn(
    stack,
    [testUser(ADMIN, 'AGENCY_ADMIN', CODE), testUser(SECRETARY, 'PANSEL_SECRETARY', CODE)],
    'rahasia-uji-123',
  );
});

afterAll(async () => {
  await stack?.close();
});

describe('portal frame', () => {
  it("answers the signed-in user's agency with its helpdesk hours, and nothing to a visitor", async () => {
    expectError(
      await d.gql(ADMIN, UPDATE, { a: CODE, i: settings('x'.repeat(201)) }),
      'VALIDATION_FAILED',
      'input.serviceHours',
    );
    expectError(await d.gql(SECRETARY, UPDATE, { a: CODE, i: settings(HOURS) }), 'FORBIDDEN');
    expect(
      must(await d.gql<{ updateAgency: { serviceHours: string } }>(ADMIN, UPDATE, { a: CODE, i: settings(HOURS) }))
        .updateAgency.serviceHours,
    ).toBe(HOURS);

    const frame = must(await d.gql<{ portalFrame: Frame }>(SECRETARY, FRAME, {})).portalFrame;
    expect(frame).toEqual({
      agencyCode: CODE,
      name: `Pemerintah Provinsi Uji ${CODE}`,
      address: 'Jalan Uji Nomor 1, Samarinda 75121',
      phone: '(0541) 700000',
      email: 'bantuan@uji.go.id',
      website: null,
      serviceHours: HOURS,
      logoUrl: null,
    });
    // A visitor outside a selection (or on one that does not exist) gets the product's frame.
    expect(must(await d.gql<{ portalFrame: Frame | null }>(null, FRAME, {})).portalFrame).toBeNull();
    expect(
      must(await d.gql<{ portalFrame: Frame | null }>(null, FRAME, { s: 'JPT-TIDAK-ADA' })).portalFrame,
    ).toBeNull();
  });

  it('serves the uploaded logo to anyone by its content hash', async () => {
    const image = png(48, 48);
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({
        query: 'mutation($a: ID!, $f: File) { uploadAgencyLogo(agencyCode: $a, file: $f) { code } }',
        variables: { a: CODE, f: null },
      }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'lambang.png');
    const up = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${d.token(ADMIN)}` },
      body: form,
    });
    expect(((await up.json()) as { errors?: unknown }).errors).toBeUndefined();

    const { logoUrl } = must(await d.gql<{ portalFrame: Frame }>(SECRETARY, FRAME, {})).portalFrame;
    expect(logoUrl).toBe(`/logos/${createHash('sha256').update(image).digest('hex')}`);
    const res = await fetch(`${stack.gateway.url}${logoUrl}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(image)).toBe(true);

    expect((await fetch(`${stack.gateway.url}/logos/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${stack.gateway.url}/logos/not-a-hash`)).status).toBe(404);
  });
});
