/** Signed session tokens (HS256 JWT): the token names a server-side session, so sign-out revokes it. */
import { jwtVerify, SignJWT, errors } from 'jose';

const ISSUER = 'seleksi-jpt';

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(userId: string, sessionId: string, expiresAt: Date): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(userId)
      .setJti(sessionId)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
  }

  /** The session id of a valid token, or null for a bad signature, a wrong issuer or an expired token. */
  async verify(token: string): Promise<{ userId: string; sessionId: string } | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub || !payload.jti) return null;
      return { userId: payload.sub, sessionId: payload.jti };
    } catch (err) {
      if (err instanceof errors.JOSEError) return null;
      throw err;
    }
  }
}
