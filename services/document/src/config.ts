import { loadConfig, logEnv, mongoEnv, portVar, serviceTrustEnv, urlVar, type Env } from '@seleksi/kit';
import { z } from 'zod';
import {
  DEV_SIGNING_P12,
  DEV_SIGNING_PASSPHRASE,
  DEV_TRUST_ANCHORS,
  SigningConfigError,
  type SigningSettings,
} from './signing';

const agencyKeys = z.record(
  z.string().min(1),
  z.object({ p12: z.string().min(1), passphrase: z.string().default('') }).strict(),
);

export const documentConfigSchema = z.object({
  ...mongoEnv,
  ...logEnv,
  ...serviceTrustEnv,
  DOCUMENT_PORT: portVar(4103),
  DOCUMENT_HOST: z.string().min(1).default('127.0.0.1'),
  DOCUMENT_DB: z.string().min(1).default('seleksi_document'),
  /** Public base URL of the portal; printed documents carry `${PORTAL_PUBLIC_URL}/verifikasi/<code>` as QR. */
  PORTAL_PUBLIC_URL: urlVar('http://localhost:4000'),
  /** `production` makes the signing settings below required (no development defaults). */
  NODE_ENV: z.string().default('development'),
  /** The default PKCS#12 documents are signed with (development: the bootstrap's `.data/pki/dev-signing.p12`). */
  DOCUMENT_SIGNING_P12: z.string().min(1).optional(),
  DOCUMENT_SIGNING_PASSPHRASE: z.string().optional(),
  /**
   * Agencies with their own PKCS#12, as JSON: `{"KALTIM": {"p12": "/run/secrets/kaltim.p12", "passphrase": "…"}}`;
   * the others sign with the default key.
   */
  DOCUMENT_SIGNING_AGENCIES: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        const parsed = agencyKeys.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({
          code: 'custom',
          message: `not a map of agency code to {p12, passphrase}: ${parsed.error.message}`,
        });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
      }
      return z.NEVER;
    }),
  /** PEM file of the CA certificates a document signature must chain to (development: the bootstrap's CA). */
  DOCUMENT_TRUST_ANCHORS: z.string().min(1).optional(),
  /**
   * PEM file of signing certificates no longer configured (replaced keys) whose documents must still verify:
   * only the configured keys' certificates and these count as the issuer's, whatever else the anchors issued.
   */
  DOCUMENT_SIGNING_RETIRED_CERTS: z.string().min(1).optional(),
  /**
   * When this store began signing documents (ISO instant): unsigned files stored before it verify as
   * UNSIGNED_LEGACY. Set it in production — held outside the database, a database edit cannot move it;
   * unset, the service records its first signing start in the store (`serviceMeta`).
   */
  DOCUMENT_SIGNING_SINCE: z.coerce.date().optional(),
});
export type DocumentConfig = z.output<typeof documentConfigSchema>;

export function loadDocumentConfig(env: Env = process.env): DocumentConfig {
  return loadConfig(documentConfigSchema, env);
}

/**
 * The signing keys and trust anchors the configuration names. In production every one must be configured;
 * in development the bootstrap's `.data/pki` fills the gaps.
 */
export function signingSettings(config: DocumentConfig): SigningSettings {
  const production = config.NODE_ENV === 'production';
  if (production) {
    const missing = (['DOCUMENT_SIGNING_P12', 'DOCUMENT_SIGNING_PASSPHRASE', 'DOCUMENT_TRUST_ANCHORS'] as const).filter(
      (name) => config[name] === undefined,
    );
    if (missing.length > 0) {
      throw new SigningConfigError(`Production needs ${missing.join(', ')} (the agency's PKCS#12 and its CA chain)`);
    }
  }
  return {
    defaultKey: {
      p12Path: config.DOCUMENT_SIGNING_P12 ?? DEV_SIGNING_P12,
      passphrase: config.DOCUMENT_SIGNING_PASSPHRASE ?? (config.DOCUMENT_SIGNING_P12 ? '' : DEV_SIGNING_PASSPHRASE),
    },
    agencyKeys: Object.fromEntries(
      Object.entries(config.DOCUMENT_SIGNING_AGENCIES).map(([code, k]) => [
        code,
        { p12Path: k.p12, passphrase: k.passphrase },
      ]),
    ),
    trustAnchorsPath: config.DOCUMENT_TRUST_ANCHORS ?? DEV_TRUST_ANCHORS,
    retiredCertsPath: config.DOCUMENT_SIGNING_RETIRED_CERTS ?? null,
  };
}
