/**
 * helmet's security headers on every answer of the gateway (portal, API, files), with a
 * Content-Security-Policy the built portal passes: its own scripts and styles only (React sets
 * styles through the CSSOM, which CSP allows), GraphQL and its SSE subscriptions on the same origin,
 * data:/blob: images, no plugins, no framing. Three variants:
 *  - the portal and the API: the strict policy above;
 *  - GraphiQL (GET /graphql): its page is one inline bundle and its editor (Monaco) starts workers
 *    from blob: URLs, so inline script and style and blob: workers are allowed there, and nowhere
 *    else (checked in Chromium: no violation, no 'unsafe-eval' needed);
 *  - files (PDF documents, exports, uploads): no CSP, which would stop Chromium's PDF viewer from
 *    showing an inline PDF; the other headers (nosniff, frame and referrer rules) stay.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import { SIGN_IN_PAGE as CODEC_SIGN_IN_PAGE } from '../codec-server/page';
import { renderVerificationPage } from '../documents/page';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** The hash source of a page's one fixed inline <style>. */
function styleHash(html: string): string {
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/**
 * The server-rendered pages without JavaScript frameworks carry one fixed inline <style> each, allowed by its
 * hash only: the verification page (/verifikasi) and the codec server's sign-in page (/codec/).
 */
function inlineStyleHashes(): string[] {
  const verification = renderVerificationPage({
    code: '',
    result: null,
    withCode: false,
    error: null,
    selectionTitle: null,
    publicUrl: 'http://localhost',
  });
  return [styleHash(verification), styleHash(CODEC_SIGN_IN_PAGE)];
}

type Directives = NonNullable<Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>['directives']>;

export function portalDirectives(https: boolean): Directives {
  return {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", ...inlineStyleHashes()],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameSrc: ["'none'"],
    workerSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    // On plain http (development) it would send same-origin requests to https, which is not served.
    upgradeInsecureRequests: https ? [] : null,
  };
}

function graphiqlDirectives(https: boolean): Directives {
  return {
    ...portalDirectives(https),
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    workerSrc: ["'self'", 'blob:'],
  };
}

const run = (m: Middleware) => (req: IncomingMessage, res: ServerResponse) => m(req, res, () => undefined);

const FILE_PATHS = /^\/(?:documents|application-files|export|imports)\//;

/** Sets the headers of one answer: the variant for its path. */
export function securityHeaders(publicUrl: string): (req: IncomingMessage, res: ServerResponse) => void {
  const https = publicUrl.startsWith('https:');
  const common: HelmetOptions = { crossOriginResourcePolicy: { policy: 'same-origin' } };
  const portal = run(
    helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: portalDirectives(https) } }),
  );
  const graphiql = run(
    helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: graphiqlDirectives(https) } }),
  );
  const files = run(helmet({ ...common, contentSecurityPolicy: false }));
  return (req, res) => {
    const path = req.url ?? '/';
    if (FILE_PATHS.test(path)) files(req, res);
    else if (req.method === 'GET' && /^\/graphql(?:\?|$)/.test(path)) graphiql(req, res);
    else portal(req, res);
  };
}
