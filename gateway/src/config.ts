import { fileURLToPath } from 'node:url';
import { DEFAULT_IP_ASN_SETTINGS, validateIpAsnSettings, type IpAsnSettings } from '@seleksi/domain';
import { serviceCallerEnv } from '@seleksi/kit';
import { z } from 'zod';
import { payloadKeysEnv } from '@seleksi/workflows';

/** Gateway settings (environment variables, validated at start-up). */
export const gatewayConfigSchema = z.object({
  /** The gateway's service credential (SERVICE_AUTH_KEY; identity `gateway`). */
  ...serviceCallerEnv,
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().default('0.0.0.0'),
  MONGODB_URI: z.string().default('mongodb://127.0.0.1:27018'),
  GATEWAY_DB: z.string().default('seleksi_gateway'),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('seleksi-jpt'),
  TEMPORAL_UI_URL: z.string().url().default('http://localhost:8233'),
  /** Temporal payload encryption keys (README, "Personal data in Temporal"); read by `seleksiDataConverter()`. */
  ...payloadKeysEnv,
  CANDIDATE_SERVICE_URL: z.string().url().default('http://127.0.0.1:4101'),
  ASSESSMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4102'),
  DOCUMENT_SERVICE_URL: z.string().url().default('http://127.0.0.1:4103'),
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters'),
  AUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(8 * 3600),
  PUBLIC_URL: z.string().url().default('http://localhost:4000'),
  /**
   * How often each gateway reads the shared feed of sign-outs and account changes (ms): such a change
   * made through one gateway reaches the others within about this time. At most 5 s: a poll reads 10–20 s
   * back, and a longer gap between polls drops every cached session (see auth-changes.ts).
   */
  AUTH_FEED_POLL_MS: z.coerce.number().int().min(200).max(5000).default(2000),
  /** How long an invitation or password-reset link works (hours). */
  ACCOUNT_LINK_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 30)
    .default(72),
  /**
   * Sign-in with OpenID Connect (authorization code + PKCE) next to passwords; off while OIDC_ISSUER
   * is unset. The account is found by the provider's verified e-mail (then by the stored subject);
   * its role and agency always come from the account record, never from the provider's claims.
   */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the provider sends the browser back (a portal page that hands the URL to `completeOidcSignIn`). */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  /** Name of the provider on the sign-in page. */
  OIDC_LABEL: z.string().default('SSO'),
  /** Allow an http:// issuer (development and tests only). */
  OIDC_ALLOW_HTTP: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** The built portal (`vite build` output) served at `/`; without it the gateway serves only the API. */
  PORTAL_DIST_DIR: z.string().default(fileURLToPath(new URL('../../portal/dist', import.meta.url))),
  /** Deepest selection a query may have (a connection counts two levels: edges, node). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).default(12),
  /**
   * graphql-armor cost: 2 per object, 1 per scalar, x1.5 per level, times a literal `first`. The
   * portal's heaviest page (two lists of 100 selection cards) costs about 22 000.
   */
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(30_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).default(15),
  /** Lexical tokens a document may have; the parser stops there instead of building a huge tree. */
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(4000),
  /** Brackets ({, (, [) open at once, checked by a scan before the (recursive) parser runs. */
  GRAPHQL_MAX_NESTING: z.coerce.number().int().min(8).default(40),
  /** Characters of a GraphQL document (POST or GET). */
  GRAPHQL_MAX_QUERY_LENGTH: z.coerce.number().int().min(1000).default(50_000),
  /** Bytes of a JSON (or other non-multipart) GraphQL request body. */
  GRAPHQL_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(10_000)
    .default(1024 * 1024),
  /** Characters of an ID, or of a String argument naming a record (…Id, …Code, nip, key), before any service call. */
  GRAPHQL_MAX_ID_LENGTH: z.coerce.number().int().min(16).default(256),
  /**
   * Characters of any other String input (the domain's longest text takes 3,600; strings may go into a
   * service's URL, which Node caps at 16 KB of headers).
   */
  GRAPHQL_MAX_STRING_LENGTH: z.coerce.number().int().min(100).max(8000).default(5000),
  /** Errors show their original message and stack to clients (development only; never in production). */
  GATEWAY_DEBUG_ERRORS: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Largest PDF a candidate may upload with an application (bytes; the candidate service takes up to 5 MB). */
  APPLICATION_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024)
    .default(2 * 1024 * 1024),
  /**
   * Records one oversight read may return (each integrity signal's audit records; open rounds per stage): the
   * newest are kept and the answer says it was cut. The candidate service caps at 10,000 records and 5,000 rounds.
   */
  OVERSIGHT_RECORDS_CAP: z.coerce.number().int().min(1).max(10_000).default(5000),
  OVERSIGHT_ROUNDS_CAP: z.coerce.number().int().min(1).max(5000).default(2000),
  /** Largest import file (CSV/XLSX of ASN profiles), rows per file, and refused rows before the whole file is refused. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(40 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(200_000),
  IMPORT_MAX_REFUSED_ROWS: z.coerce.number().int().min(0).default(1000),
  /**
   * IP ASN weights and scoring tables as JSON (`IpAsnSettings`), replacing the defaults whole; pinned into
   * each run. Empty: DEFAULT_IP_ASN_SETTINGS (qualification 25 % sourced; 40/30/5 commonly cited, unconfirmed).
   */
  IP_ASN_SETTINGS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      if (!v.trim()) return DEFAULT_IP_ASN_SETTINGS;
      let parsed: IpAsnSettings;
      try {
        parsed = JSON.parse(v) as IpAsnSettings;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'IP_ASN_SETTINGS is not JSON' });
        return z.NEVER;
      }
      for (const p of validateIpAsnSettings(parsed))
        ctx.addIssue({ code: 'custom', message: `IP_ASN_SETTINGS.${p.field}: ${p.message}` });
      return parsed;
    }),
  /** Chunks of 1,000 rows an import commits per workflow run before continuing as new. */
  IMPORT_CHUNKS_PER_RUN: z.coerce.number().int().min(1).default(40),
  /** Most files one application may carry. */
  APPLICATION_FILES_MAX: z.coerce.number().int().min(1).max(50).default(10),
  /**
   * Refuse `applyToVacancy` without documents (when sent, APPLICATION_LETTER and CV are always
   * required). On by default; integration suites that drive whole rounds through JSON turn it off.
   */
  APPLICATION_DOCUMENTS_REQUIRED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  /**
   * Applications (upload storage + the Temporal Update + linking) running at once per gateway; more
   * wait their turn in a queue instead of timing out (their receipt time is taken on arrival).
   */
  APPLY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32),
  /**
   * Applications that may wait for a slot; one more is answered BUSY (the portal sends it again).
   * Waiting requests hold their uploads in memory: at most this × the largest request.
   */
  APPLY_QUEUE_MAX: z.coerce.number().int().min(0).max(100_000).default(4000),
  /**
   * Submission Updates in flight per selection workflow from this gateway (Temporal refuses more than
   * 10 per workflow; with several gateways keep the sum at 10 or below). Applications arriving while
   * they are in flight go together in the next one. One is best: the Update's recording is a local
   * activity, which holds its workflow task, so a second Update sent meanwhile only waits at the
   * server — and the applications arriving after it wait for it too (bench:round 200 4: the Update
   * step's p50 went from 437 to 293 ms with 1 instead of 2).
   */
  APPLY_UPDATES_PER_SELECTION: z.coerce.number().int().min(1).max(10).default(1),
  /**
   * How long the receipt time of an application answered BUSY is honoured for its resend. The portal
   * resends within seconds; a longer-kept receipt would date a much later attempt (other files) by the
   * first one's time, e.g. before a deadline long past.
   */
  APPLY_BUSY_RECEIPT_MAX_AGE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
  /**
   * Time-out of the gateway's calls to the services. The apply queue bounds how many run at once, so
   * a call waits only for its own work; generous enough for a service busy with a deadline surge.
   */
  SERVICE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /**
   * How long the public's and candidates' reads of selections and documents are kept for everyone
   * (shared-reads.ts): a change made outside this gateway shows to them within this time; staff read
   * fresh, and their mutations clear what was kept. 0 turns the sharing off.
   */
  SHARED_READ_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Records kept by the shared reads at most, a list page counting each it holds (the least recently used go first). */
  SHARED_READ_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
  /** How often the subscription pump polls the candidate service's change feed while anyone subscribes. */
  CHANGE_FEED_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /**
   * Real seconds after a registration close during which applications received before it are still
   * taken by the workflow (they may wait in the gateway's queue in a rush). Unset: the workflow's
   * default (120 s).
   */
  LATE_RECEIPT_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).optional(),
  /** History length at which a selection's workflow run continues as new (unset: 8,000). */
  SELECTION_CONTINUE_AS_NEW_EVENTS: z.coerce.number().int().min(100).max(10_000).optional(),
  /** Where mails go (e.g. smtp://127.0.0.1:4025, the embedded Mailpit); unset: notices wait in the outbox. */
  SMTP_URL: z.string().url().optional(),
  SMTP_FROM: z.string().min(3).default('"Seleksi JPT" <noreply@seleksi-jpt.local>'),
  /** Pause between the notifier's rounds over the outbox. */
  NOTICE_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  NOTICE_BATCH: z.coerce.number().int().min(1).max(200).default(20),
  /** First retry after a failed send; doubled each time up to NOTICE_RETRY_MAX_MS. */
  NOTICE_RETRY_BASE_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  NOTICE_RETRY_MAX_MS: z.coerce.number().int().min(100).max(86_400_000).default(3_600_000),
  /** Attempts before a notice is marked FAILED (an administrator can queue it again). */
  NOTICE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(12),
  /**
   * The portal's public origin(s), comma-separated: the only origins CORS allows (with credentials).
   * Unset: the origin of PUBLIC_URL, where this gateway serves the portal itself.
   */
  PORTAL_PUBLIC_ORIGIN: z.string().min(1).optional(),
  /**
   * Proxies of ours in front of the gateway (0: none, the socket's peer is the client). With N, the
   * client address is the N-th X-Forwarded-For entry from the right; never set it without such a proxy.
   */
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
    .pipe(z.number().int().min(0).max(10)),
  /** Sign-in failures of one account (by e-mail) in a window before each next attempt waits (doubling). */
  SIGNIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Failures of one account in a window that lock it for SIGNIN_LOCKOUT_SECONDS. */
  SIGNIN_ACCOUNT_LOCK_FAILURES: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Failures from one client address (any accounts) in a window that lock the address. */
  SIGNIN_ADDRESS_LOCK_FAILURES: z.coerce.number().int().min(1).max(1_000_000).default(50),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  SIGNIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** The first wait after the free failures (0: no waits, only the lockout); doubled per failure. */
  SIGNIN_BACKOFF_BASE_SECONDS: z.coerce.number().min(0).max(3600).default(1),
  SIGNIN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  /** How long throttling and lockout events stay queryable (`securityEvents`). */
  SECURITY_EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  SIGNIN_CLEANUP_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
