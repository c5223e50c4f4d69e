import type { IncomingHttpHeaders } from 'node:http';

/** Headers by which a relaying proxy (nginx, HAProxy, a CDN, a load balancer) marks a request it passes on. */
export const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-real-ip',
  'via',
  'cf-connecting-ip',
  'true-client-ip',
  'x-client-ip',
] as const;

/** True when a proxy says it relayed this request (from the public side); headers can only make it look more so. */
export function isRelayed(req: { headers: IncomingHttpHeaders }): boolean {
  return FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
}
