/**
 * CORS for the portal's public origin only: that origin gets Access-Control-Allow-Origin with
 * credentials; any other origin gets no CORS header at all (so its browser withholds the answer).
 * Same-origin use of the portal needs no CORS, so nothing is refused server-side.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What the portal sends: its token, JSON or multipart bodies, idempotency keys, SSE. */
const ALLOWED_HEADERS = 'authorization, content-type, idempotency-key, accept, traceparent, tracestate';
const EXPOSED_HEADERS = 'content-disposition, x-content-sha256, retry-after';

/** The allowed origins from a setting (comma-separated URLs; each reduced to its origin). */
export function allowedOrigins(setting: string): Set<string> {
  const out = new Set<string>();
  for (const part of setting.split(',')) {
    const t = part.trim();
    if (!t) continue;
    out.add(new URL(t).origin);
  }
  return out;
}

/**
 * Sets the CORS headers of a response; answers a preflight (OPTIONS with
 * Access-Control-Request-Method) itself and returns true, when the caller must do nothing more.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  res.setHeader('Vary', 'Origin');
  const ok = typeof origin === 'string' && allowed.has(origin);
  if (ok) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) {
    if (ok) res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    return false;
  }
  if (ok) {
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.statusCode = 204;
  res.setHeader('Content-Length', '0');
  res.end();
  return true;
}
