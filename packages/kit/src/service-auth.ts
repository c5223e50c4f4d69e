/**
 * Service credentials: every call to an internal service carries a short-lived JWT signed with the
 * caller's own key (Ed25519 or ES256), addressed to that one service (`aud`), naming the caller (`iss`).
 * A service trusts a fixed set of public keys per caller (several during a rotation) and may restrict
 * which callers reach which routes. Tokens are cached per audience by the caller and verified ones are
 * cached by the service, so the hot path costs a map lookup, never a network call.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calculateJwkThumbprint, exportJWK, jwtVerify, SignJWT, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { DomainError } from '@seleksi/domain';

/** The callers the system knows: the gateway, the worker and operators' command-line tools (seed, verifier). */
export const SERVICE_CALLERS = ['gateway', 'worker', 'operator'] as const;
export type ServiceCaller = (typeof SERVICE_CALLERS)[number];

/** Lifetime of a token; the client renews it `TOKEN_RENEW_BEFORE_SECONDS` before it ends. */
export const SERVICE_TOKEN_TTL_SECONDS = 90;
const TOKEN_RENEW_BEFORE_SECONDS = 30;
/** Clock skew tolerated between caller and service. */
export const SERVICE_TOKEN_CLOCK_TOLERANCE_SECONDS = 10;
/** A token claiming a longer life than this is refused, whoever signed it. */
const MAX_TOKEN_LIFETIME_SECONDS = 300;
const ALGORITHMS = ['EdDSA', 'ES256'];

const MESSAGES = {
  missing: 'Permintaan ke layanan internal memerlukan token layanan.',
  invalid: 'Token layanan tidak sah.',
  expired: 'Token layanan sudah kedaluwarsa.',
  audience: 'Token layanan tidak ditujukan untuk layanan ini.',
  forbidden: 'Pemanggil ini tidak diizinkan memakai rute ini.',
};

/** A private or public key as a KeyObject, PEM text, or the path of a PEM file. */
export type KeySource = KeyObject | string;

function keyText(source: string): string {
  return source.includes('-----BEGIN') ? source : readFileSync(source, 'utf8');
}
function privateKeyOf(source: KeySource): KeyObject {
  return typeof source === 'string' ? createPrivateKey(keyText(source)) : source;
}
/** The public keys of a source; a PEM file may hold several (the current key and the next, during a rotation). */
function publicKeysOf(source: KeySource): KeyObject[] {
  if (typeof source !== 'string') return [source.type === 'public' ? source : createPublicKey(source)];
  const blocks = keyText(source).match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.length === 0) throw new Error('No PEM key found in a SERVICE_AUTH_TRUST entry');
  return blocks.map((pem) => createPublicKey(pem));
}
function algorithmOf(key: KeyObject): 'EdDSA' | 'ES256' {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`Service keys must be Ed25519 or EC P-256, not ${key.asymmetricKeyType ?? 'unknown'}`);
}
/** RFC 7638 thumbprint of the public key: the `kid` that picks the key at the service. */
async function keyId(publicKey: KeyObject): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(publicKey));
}

// ---------------------------------------------------------------------------------------------
// Caller side

export interface ServiceTokenProvider {
  readonly issuer: string;
  /** A token for `audience` (a service's name); cached and renewed before it expires. */
  token(audience: string): Promise<string>;
}

export interface ServiceTokenProviderOptions {
  issuer: string;
  privateKey: KeySource;
  ttlSeconds?: number;
  /** Clock in ms (tests). */
  now?: () => number;
}

export function createServiceTokenProvider(options: ServiceTokenProviderOptions): ServiceTokenProvider {
  const { issuer, ttlSeconds = SERVICE_TOKEN_TTL_SECONDS, now = Date.now } = options;
  const key = privateKeyOf(options.privateKey);
  const alg = algorithmOf(key);
  const kid = keyId(createPublicKey(key));
  const renewBefore = Math.min(TOKEN_RENEW_BEFORE_SECONDS, Math.floor(ttlSeconds / 3));
  const cache = new Map<string, { renewAt: number; token: Promise<string> }>();

  async function mint(audience: string, iat: number): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg, kid: await kid, typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(key);
  }

  return {
    issuer,
    token(audience) {
      const t = now();
      const hit = cache.get(audience);
      if (hit && t < hit.renewAt) return hit.token;
      const iat = Math.floor(t / 1000);
      // One signature per audience and period, shared by concurrent callers.
      const token = mint(audience, iat);
      cache.set(audience, { renewAt: (iat + ttlSeconds - renewBefore) * 1000, token });
      token.catch(() => cache.delete(audience));
      return token;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Service side

/** Public keys per caller identity; several per caller while a key is being rotated. */
export type TrustedCallers = Record<string, readonly KeySource[]>;

/** Who may call matching routes; the first rule whose method and path match decides. */
export interface ServiceAccessRule {
  /** HTTP method, or '*' for any. */
  method: string;
  path: RegExp;
  callers: readonly string[];
}

export interface VerifiedCaller {
  caller: string;
}

export interface ServiceTokenVerifier {
  readonly audience: string;
  /** The caller of a request with this `Authorization` header; DomainError UNAUTHENTICATED / FORBIDDEN otherwise. */
  authorize(authorization: string | undefined, method: string, path: string): Promise<VerifiedCaller>;
}

export interface ServiceTokenVerifierOptions {
  audience: string;
  trusted: TrustedCallers;
  access?: readonly ServiceAccessRule[];
  clockToleranceSeconds?: number;
  now?: () => number;
}

const VERIFIED_CACHE_MAX = 1024;

export async function createServiceTokenVerifier(options: ServiceTokenVerifierOptions): Promise<ServiceTokenVerifier> {
  const {
    audience,
    access = [],
    clockToleranceSeconds = SERVICE_TOKEN_CLOCK_TOLERANCE_SECONDS,
    now = Date.now,
  } = options;
  const keys = new Map<string, { caller: string; key: KeyObject }>();
  for (const [caller, sources] of Object.entries(options.trusted)) {
    for (const key of sources.flatMap(publicKeysOf)) {
      algorithmOf(key);
      const kid = await keyId(key);
      // One key, one identity: otherwise a caller could sign as another.
      const other = keys.get(kid)?.caller;
      if (other && other !== caller) throw new Error(`One public key is trusted for both ${other} and ${caller}`);
      keys.set(kid, { caller, key });
    }
  }
  if (keys.size === 0) throw new Error(`Service ${audience} trusts no caller key`);
  // Tokens already verified, until they expire: callers reuse one token for about a minute.
  const verified = new Map<string, { caller: string; exp: number }>();

  function allowed(caller: string, method: string, urlPath: string): boolean {
    const rule = access.find((r) => (r.method === '*' || r.method === method) && r.path.test(urlPath));
    return !rule || rule.callers.includes(caller);
  }

  async function verify(token: string): Promise<{ caller: string; exp: number }> {
    const nowSeconds = now() / 1000;
    const hit = verified.get(token);
    if (hit) {
      if (nowSeconds <= hit.exp + clockToleranceSeconds) return hit;
      verified.delete(token);
      throw new DomainError('UNAUTHENTICATED', MESSAGES.expired);
    }
    let caller = '';
    let exp: number;
    try {
      const { payload } = await jwtVerify(
        token,
        (header) => {
          const entry = header.kid ? keys.get(header.kid) : undefined;
          if (!entry) throw new DomainError('UNAUTHENTICATED', MESSAGES.invalid);
          caller = entry.caller;
          return entry.key;
        },
        {
          audience,
          algorithms: ALGORITHMS,
          clockTolerance: clockToleranceSeconds,
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
          requiredClaims: ['iss', 'aud', 'iat', 'exp'],
          currentDate: new Date(now()),
        },
      );
      exp = payload.exp!;
      // The key decides who the caller is; a token naming someone else is refused.
      if (payload.iss !== caller || exp - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) {
        throw new DomainError('UNAUTHENTICATED', MESSAGES.invalid);
      }
    } catch (err) {
      if (err instanceof DomainError) throw err;
      if (err instanceof joseErrors.JWTExpired) throw new DomainError('UNAUTHENTICATED', MESSAGES.expired);
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
        throw new DomainError('UNAUTHENTICATED', MESSAGES.audience);
      }
      throw new DomainError('UNAUTHENTICATED', MESSAGES.invalid);
    }
    if (verified.size >= VERIFIED_CACHE_MAX) verified.clear();
    const entry = { caller, exp };
    verified.set(token, entry);
    return entry;
  }

  return {
    audience,
    async authorize(authorization, method, urlPath) {
      const match = authorization ? /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization) : null;
      if (!match) throw new DomainError('UNAUTHENTICATED', MESSAGES.missing);
      const { caller } = await verify(match[1]!);
      if (!allowed(caller, method, urlPath)) throw new DomainError('FORBIDDEN', MESSAGES.forbidden);
      return { caller };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Configuration

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Where development keys live: `<SELEKSI_DATA_DIR>/service-keys` (default `.data/service-keys`, never committed). */
export function devServiceKeysDir(dataDir?: string): string {
  return path.resolve(repoRoot, dataDir ?? '.data', 'service-keys');
}

/**
 * Creates the development key pair of each known caller that has none yet (`<caller>.key`, PKCS#8, mode 600;
 * `<caller>.pub`, SPKI). Called by `npm start` and the test setup; production keys are made by the operator.
 */
export function ensureDevServiceKeys(dir: string = devServiceKeysDir()): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const caller of SERVICE_CALLERS) {
    const keyFile = path.join(dir, `${caller}.key`);
    const pubFile = path.join(dir, `${caller}.pub`);
    if (!existsSync(keyFile)) {
      // Linked into place, which fails when another start got there first: one key wins, whole.
      const tmp = `${keyFile}.${process.pid}.tmp`;
      const { privateKey } = generateKeyPairSync('ed25519');
      writeFileSync(tmp, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      try {
        linkSync(tmp, keyFile);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      } finally {
        unlinkSync(tmp);
      }
    }
    if (!existsSync(pubFile)) {
      // Derived from the key that won, so key and public key always match.
      const tmp = `${pubFile}.${process.pid}.tmp`;
      writeFileSync(tmp, createPublicKey(readFileSync(keyFile, 'utf8')).export({ type: 'spki', format: 'pem' }));
      renameSync(tmp, pubFile);
    }
  }
  return dir;
}

const commonAuthEnv = {
  NODE_ENV: z.string().optional(),
  /** Development: keys are read from `<SELEKSI_DATA_DIR>/service-keys` when none is configured. */
  SELEKSI_DATA_DIR: z.string().min(1).optional(),
};

/** Env of a process that calls services (gateway, worker, tools). */
export const serviceCallerEnv = {
  ...commonAuthEnv,
  /** The caller's private key: PEM text or the path of a PEM file (PKCS#8, Ed25519 or EC P-256). */
  SERVICE_AUTH_KEY: z.string().min(1).optional(),
  /** The caller's identity (`iss`); each process has its default. */
  SERVICE_AUTH_ISSUER: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes')
    .optional(),
};

/** Env of a service: the public keys it trusts, as JSON `{"gateway": ["<PEM or path>", …], "worker": […]}`. */
export const serviceTrustEnv = {
  ...commonAuthEnv,
  SERVICE_AUTH_TRUST: z.string().min(1).optional(),
};

interface AuthEnvCommon {
  NODE_ENV?: string;
  /** Development only: where the dev keys are (`npm start` passes its data directory). */
  SELEKSI_DATA_DIR?: string;
}

function missingDevKey(file: string): Error {
  return new Error(
    `Service key ${file} not found: run \`npm start\` or the test setup once (they create the development keys), ` +
      'or set SERVICE_AUTH_KEY / SERVICE_AUTH_TRUST',
  );
}

/** The token provider of a caller from its env; development falls back to `<data dir>/service-keys/<issuer>.key`. */
export function serviceTokenProviderFromEnv(
  defaultIssuer: ServiceCaller,
  env: AuthEnvCommon & { SERVICE_AUTH_KEY?: string; SERVICE_AUTH_ISSUER?: string } = process.env,
): ServiceTokenProvider {
  const issuer = env.SERVICE_AUTH_ISSUER || defaultIssuer;
  let key = env.SERVICE_AUTH_KEY;
  if (!key) {
    if (env.NODE_ENV === 'production') throw new Error(`SERVICE_AUTH_KEY is required in production (${issuer})`);
    key = path.join(devServiceKeysDir(env.SELEKSI_DATA_DIR), `${issuer}.key`);
    if (!existsSync(key)) throw missingDevKey(key);
  }
  return createServiceTokenProvider({ issuer, privateKey: key });
}

const trustSchema = z.record(z.string().min(1), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]));

/** The callers a service trusts, from its env; development falls back to every `<data dir>/service-keys/<caller>.pub`. */
export function trustedCallersFromEnv(
  env: AuthEnvCommon & { SERVICE_AUTH_TRUST?: string } = process.env,
): TrustedCallers {
  if (env.SERVICE_AUTH_TRUST) {
    let parsed: z.output<typeof trustSchema>;
    try {
      parsed = trustSchema.parse(JSON.parse(env.SERVICE_AUTH_TRUST));
    } catch {
      throw new Error('SERVICE_AUTH_TRUST must be a JSON object {"<caller>": ["<PEM or path>", …]}');
    }
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, typeof v === 'string' ? [v] : v]));
  }
  if (env.NODE_ENV === 'production') throw new Error('SERVICE_AUTH_TRUST is required in production');
  const dir = devServiceKeysDir(env.SELEKSI_DATA_DIR);
  const trusted: Record<string, string[]> = {};
  for (const caller of SERVICE_CALLERS) {
    const file = path.join(dir, `${caller}.pub`);
    if (existsSync(file)) trusted[caller] = [file];
  }
  if (Object.keys(trusted).length === 0) throw missingDevKey(path.join(dir, 'gateway.pub'));
  return trusted;
}

const operators = new Map<string, ServiceTokenProvider>();

/**
 * The operator's credential, for everything that calls a service directly rather than as the gateway or the
 * worker: command-line tools, seed scripts, benchmarks and tests. Configured by SERVICE_AUTH_KEY; in
 * development the key of `<SELEKSI_DATA_DIR>/service-keys` (created if missing). One provider per key.
 */
export function operatorServiceAuth(
  env: AuthEnvCommon & { SERVICE_AUTH_KEY?: string } = process.env,
): ServiceTokenProvider {
  const cacheKey = env.SERVICE_AUTH_KEY ?? devServiceKeysDir(env.SELEKSI_DATA_DIR);
  let provider = operators.get(cacheKey);
  if (!provider) {
    if (!env.SERVICE_AUTH_KEY && env.NODE_ENV !== 'production') ensureDevServiceKeys(cacheKey);
    provider = serviceTokenProviderFromEnv('operator', {
      NODE_ENV: env.NODE_ENV,
      SELEKSI_DATA_DIR: env.SELEKSI_DATA_DIR,
      SERVICE_AUTH_KEY: env.SERVICE_AUTH_KEY,
    });
    operators.set(cacheKey, provider);
  }
  return provider;
}
