/**
 * Sign-in with OpenID Connect (authorization code flow with PKCE, openid-client). The provider only
 * proves who the person is: the account is found by the provider's subject once linked, else by its
 * verified e-mail; role and agency always come from the account record, never from the token.
 */
import * as oidc from 'openid-client';
import type { GatewayConfig } from '../config';

export interface OidcIdentity {
  /** `issuer|sub`: stable per provider. */
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export interface OidcStart {
  url: string;
  state: string;
  codeVerifier: string;
  nonce: string;
}

type OidcSettings = Required<Pick<GatewayConfig, 'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_REDIRECT_URI'>> &
  Pick<GatewayConfig, 'OIDC_CLIENT_SECRET' | 'OIDC_SCOPES' | 'OIDC_ALLOW_HTTP'>;

/** The provider's settings, or null while OpenID Connect is not configured. */
export function oidcSettings(config: GatewayConfig): OidcSettings | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return null;
  return {
    OIDC_ISSUER: config.OIDC_ISSUER,
    OIDC_CLIENT_ID: config.OIDC_CLIENT_ID,
    OIDC_CLIENT_SECRET: config.OIDC_CLIENT_SECRET,
    OIDC_REDIRECT_URI: config.OIDC_REDIRECT_URI ?? `${config.PUBLIC_URL.replace(/\/$/, '')}/masuk/sso`,
    OIDC_SCOPES: config.OIDC_SCOPES,
    OIDC_ALLOW_HTTP: config.OIDC_ALLOW_HTTP,
  };
}

/** Discovery documents per issuer and client, fetched once per process (a failure is tried again next time). */
const discovered = new Map<string, Promise<oidc.Configuration>>();

function configurationFor(s: OidcSettings): Promise<oidc.Configuration> {
  const key = `${s.OIDC_ISSUER}|${s.OIDC_CLIENT_ID}`;
  let found = discovered.get(key);
  if (!found) {
    found = oidc.discovery(
      new URL(s.OIDC_ISSUER),
      s.OIDC_CLIENT_ID,
      s.OIDC_CLIENT_SECRET,
      undefined,
      s.OIDC_ALLOW_HTTP ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

/** The provider's authorization URL with a fresh state, nonce and PKCE verifier (kept by the caller). */
export async function startOidc(s: OidcSettings): Promise<OidcStart> {
  const config = await configurationFor(s);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: s.OIDC_REDIRECT_URI,
    scope: s.OIDC_SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url: url.href, state, codeVerifier, nonce };
}

/**
 * Exchanges the code of the URL the provider sent the browser back to (state, nonce and PKCE checked
 * by openid-client) and reads who signed in: the ID token's subject, and the e-mail from the ID token
 * or, when the provider keeps it there, from the userinfo endpoint.
 */
export async function completeOidc(
  s: OidcSettings,
  callbackUrl: URL,
  checks: { state: string; codeVerifier: string; nonce: string },
): Promise<OidcIdentity> {
  const config = await configurationFor(s);
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  let email = typeof claims.email === 'string' ? claims.email : null;
  let emailVerified = claims.email_verified === true;
  if (!email) {
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
    email = typeof info.email === 'string' ? info.email : null;
    emailVerified = info.email_verified === true;
  }
  return { subject: `${config.serverMetadata().issuer}|${claims.sub}`, email, emailVerified };
}
