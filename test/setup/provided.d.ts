// Values the integration globalSetup (test/setup/global-setup.ts) hands to tests via `inject(...)`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the shared Temporal dev server (namespace `default`, SEARCH_ATTRIBUTES registered). */
    temporalAddress: string;
    /** MongoDB URI of the shared FerretDB (or TEST_MONGODB_URI); tests pick their own database name. */
    mongoUri: string;
    /** Java time-skipping test server binary, or '' when it is not installed. */
    temporalTestServerPath: string;
    /** Temporal CLI binary (for suites that need their own dev server). */
    temporalCliPath: string;
    /** SMTP URL of the shared Mailpit (every test's mails; tests tell theirs apart by recipient). */
    smtpUrl: string;
    /** Base URL of that Mailpit's HTTP API (`/api/v1/...`). */
    mailpitUrl: string;
    /** The Mailpit binary (for suites that need one of their own, e.g. to stop it). */
    mailpitPath: string;
  }
}
