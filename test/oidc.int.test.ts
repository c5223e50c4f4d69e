/**
 * Sign-in with OpenID Connect end to end against a real provider (oidc-provider, the certified Node
 * implementation) started here on a free port: the gateway starts the authorization code flow with
 * PKCE, the test drives the provider's login and consent pages with real HTTP requests (cookies
 * followed), and the callback URL ends in a working gateway session. The account's role comes from
 * its record, not from the provider's claims; an unknown identity is refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startStack, type Stack } from './support/stack';
import { expectError, must, SelectionDriver, testUser } from './support/selection-driver';

const REDIRECT = 'http://localhost:4000/masuk/sso';
const CLIENT_ID = 'seleksi-jpt';
const CLIENT_SECRET = 'rahasia-klien-oidc-uji-yang-panjang';

/** The provider's users: login → claims. `role` is a claim the gateway must ignore. */
const PEOPLE: Record<string, { email: string; email_verified: boolean; role?: string }> = {
  sekretaris: { email: 'oidc-sek@uji.test', email_verified: true, role: 'ADMIN' },
  asing: { email: 'tidak-terdaftar@uji.test', email_verified: true },
  belumverifikasi: { email: 'oidc-ppk@uji.test', email_verified: false },
};

let provider: Provider;
let issuerServer: Server;
let issuer: string;
let stack: Stack;

beforeAll(async () => {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end();
  issuerServer = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => issuerServer.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], role: ['role'] },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ['kunci-cookie-uji-oidc-provider'] },
    findAccount: (_ctx, id) => {
      const person = PEOPLE[id];
      return person ? { accountId: id, claims: () => ({ sub: id, ...person }) } : undefined;
    },
  });
  const callback = provider.callback();
  handler = (req, res) => void callback(req, res);
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'oidc',
    gateway: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_REDIRECT_URI: REDIRECT,
      OIDC_SCOPES: 'openid email role',
      OIDC_ALLOW_HTTP: 'true',
      OIDC_LABEL: 'SSO Uji',
    },
  });
  await SelectionDriver.signIn(
    stack,
    [
      { ...testUser('oidc-sek', 'PANSEL_SECRETARY', 'OIDCA'), email: 'oidc-sek@uji.test' },
      { ...testUser('oidc-ppk', 'PPK', 'OIDCA'), email: 'oidc-ppk@uji.test' },
    ],
    'rahasia-uji-123',
  );
});

afterAll(async () => {
  await stack?.close();
  await new Promise<void>((resolve) => (issuerServer ? issuerServer.close(() => resolve()) : resolve()));
});

/** A browser's cookie jar for one host (enough for the provider's interaction cookies). */
class Browser {
  private readonly cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
    return res;
  }

  /**
   * Follows redirects from `url`, submitting the provider's login form (as `login`) and its consent
   * form, until the provider sends the browser to the redirect URI; returns that URL.
   */
  async signInAt(url: string, login: string): Promise<string> {
    let next: { url: string; init?: RequestInit } = { url };
    for (let hops = 0; hops < 20; hops++) {
      const res = await this.fetch(next.url, next.init);
      const location = res.headers.get('location');
      if (location) {
        const target = new URL(location, next.url).href;
        if (target.startsWith(REDIRECT)) return target;
        next = { url: target };
        continue;
      }
      const html = await res.text();
      expect(res.status, html).toBe(200);
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !prompt) throw new Error(`no form on ${next.url}: ${html.slice(0, 300)}`);
      const form = new URLSearchParams({ prompt, ...(prompt === 'login' ? { login, password: 'apa-saja' } : {}) });
      next = {
        url: new URL(action, next.url).href,
        init: { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      };
    }
    throw new Error('too many redirects');
  }
}

const start = async () =>
  new URL(
    must(await stack.gql<{ startOidcSignIn: { url: string } }>('mutation { startOidcSignIn { url } }')).startOidcSignIn
      .url,
  );

const complete = (callbackUrl: string) =>
  stack.gql<{ completeOidcSignIn: { token: string; user: { id: string; role: string } } }>(
    'mutation($u: String!) { completeOidcSignIn(callbackUrl: $u) { token user { id role agencyCode } } }',
    { u: callbackUrl },
  );

describe('sign-in with OpenID Connect', () => {
  it('offers the provider and sends the browser there with PKCE', async () => {
    const info = must(
      await stack.gql<{ oidcProvider: { enabled: boolean; label: string } }>('{ oidcProvider { enabled label } }'),
    );
    expect(info.oidcProvider).toEqual({ enabled: true, label: 'SSO Uji' });
    const url = await start();
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
  });

  it("ends in a working session for the account with the provider's verified e-mail, with the account's role", async () => {
    const callback = await new Browser().signInAt((await start()).href, 'sekretaris');
    expect(new URL(callback).searchParams.get('code')).toBeTruthy();
    const signed = must(await complete(callback)).completeOidcSignIn;
    // The provider claimed role ADMIN; the account record says PANSEL_SECRETARY.
    expect(signed.user).toMatchObject({ id: 'oidc-sek', role: 'PANSEL_SECRETARY', agencyCode: 'OIDCA' });
    const me = await stack.gql<{ me: { id: string; role: string } }>('{ me { id role } }', {}, signed.token);
    expect(must(me).me).toEqual({ id: 'oidc-sek', role: 'PANSEL_SECRETARY' });

    // The same callback again (a replay) is refused: its state is used.
    expectError(await complete(callback), 'LINK_INVALID', 'callbackUrl');

    // Linked by subject from now on: a second sign-in finds it even after the e-mail changes.
    await stack.gateway.deps.accounts.upsert({
      ...testUser('oidc-sek', 'PANSEL_SECRETARY', 'OIDCA'),
      email: 'sekretaris-baru@uji.test',
      password: 'rahasia-uji-123',
    });
    const again = await new Browser().signInAt((await start()).href, 'sekretaris');
    expect(must(await complete(again)).completeOidcSignIn.user.id).toBe('oidc-sek');
  });

  it('refuses an unknown identity, an unverified e-mail, a deactivated account and a forged callback', async () => {
    const unknown = await new Browser().signInAt((await start()).href, 'asing');
    const r = await complete(unknown);
    expectError(r, 'UNAUTHENTICATED', 'callbackUrl');
    expect(r.errors?.[0]?.message).toContain('belum terdaftar');

    const unverified = await new Browser().signInAt((await start()).href, 'belumverifikasi');
    expectError(await complete(unverified), 'UNAUTHENTICATED', 'callbackUrl');

    await stack.gateway.deps.accounts.setActive('oidc-sek', false);
    const inactive = await new Browser().signInAt((await start()).href, 'sekretaris');
    expectError(await complete(inactive), 'UNAUTHENTICATED', 'callbackUrl');
    await stack.gateway.deps.accounts.setActive('oidc-sek', true);

    // A code with a state the gateway never issued.
    expectError(await complete(`${REDIRECT}?code=abc&state=palsu&iss=${encodeURIComponent(issuer)}`), 'LINK_INVALID');
    // The right state with a tampered code: the provider refuses the exchange.
    const good = new URL(await new Browser().signInAt((await start()).href, 'sekretaris'));
    good.searchParams.set('code', 'kode-palsu');
    expectError(await complete(good.href), 'UNAUTHENTICATED', 'callbackUrl');
    expectError(await complete('bukan url'), 'VALIDATION_FAILED', 'callbackUrl');
  });
});
