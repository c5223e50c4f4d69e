/**
 * The client's address for throttling and the record: the socket's peer, or, only when TRUST_PROXY
 * says how many proxies of ours stand in front, the address the outermost of them saw (X-Forwarded-For
 * is written by the client too: entries left of our proxies' are not to be believed).
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

function normalise(address: string): string {
  const a = address.trim();
  // IPv4 clients of a dual-stack socket appear as ::ffff:a.b.c.d.
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const peer = normalise(req.socket?.remoteAddress ?? '') || 'unknown';
  if (trustedProxies <= 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map(normalise).filter(Boolean);
  // Each trusted proxy appended the address it received from; the client is the one our outermost saw.
  // Fewer entries than proxies (a request that skipped one) or anything but an address: the socket's peer.
  const picked = hops[hops.length - trustedProxies];
  return picked && isIP(picked) !== 0 ? picked : peer;
}
