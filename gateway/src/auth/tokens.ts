/** Signed session tokens (HS256 JWT): the token names a server-side session, so sign-out revokes it. */
import { jwtVerify, SignJWT, errors } from 'jose';

const ISSUER = 'seleksi-jpt';
/** Verified tokens remembered per gateway; a full map is simply started again. */
const MAX_VERIFIED = 10_000;

export interface TokenClaims {
  userId: string;
  sessionId: string;
}

export class TokenService {
  private readonly secret: Uint8Array<ArrayBuffer>;
  /** Imported once: jose would otherwise import the raw secret into WebCrypto on every call. */
  private key: Promise<CryptoKey> | undefined;
  /**
   * Tokens whose signature was checked, by their text, with their expiry (seconds). A client sends
   * the same token with every request, and the HMAC through WebCrypto cost more than the rest of a
   * small query; a text's signature never changes, so only its expiry is checked again. Revocation
   * is not the token's business: every request still asks `accountForSession` for a live session.
   */
  private readonly verified = new Map<string, TokenClaims & { exp: number }>();

  constructor(secret: string) {
    this.secret = new TextEncoder().encode(secret);
  }

  private cryptoKey(): Promise<CryptoKey> {
    this.key ??= crypto.subtle.importKey('raw', this.secret, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    return this.key;
  }

  /** A token for the session; remembered as verified (this gateway signed it, its first use need not check it). */
  async sign(userId: string, sessionId: string, expiresAt: Date): Promise<string> {
    const exp = Math.floor(expiresAt.getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setJti(sessionId)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(await this.cryptoKey());
    this.remember(token, { userId, sessionId, exp });
    return token;
  }

  private remember(token: string, claims: TokenClaims & { exp: number }): void {
    if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
    this.verified.set(token, claims);
  }

  /** The session id of a valid token, or null for a bad signature, a wrong issuer or an expired token. */
  async verify(token: string): Promise<TokenClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      // jose's own rule: expired once `exp` is not after now (whole seconds, no tolerance).
      if (known.exp > Math.floor(Date.now() / 1000)) return { userId: known.userId, sessionId: known.sessionId };
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, await this.cryptoKey(), { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub || !payload.jti) return null;
      const claims = { userId: payload.sub, sessionId: payload.jti };
      this.remember(token, { ...claims, exp: payload.exp ?? Number.POSITIVE_INFINITY });
      return claims;
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
