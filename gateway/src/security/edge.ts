/**
 * What every request meets first, whichever way the server routes it (express, or the GraphQL
 * POST path that bypasses it): helmet's headers and the CORS decision. Returns true when the request
 * has been answered (a CORS preflight).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayConfig } from '../config';
import { CODEC_PATH } from '../codec-server';
import { allowedOrigins, applyCors } from './cors';
import { securityHeaders } from './headers';

export type Edge = (req: IncomingMessage, res: ServerResponse) => boolean;

/** The portal's public origin: PORTAL_PUBLIC_ORIGIN, else the origin of PUBLIC_URL (the gateway serves the portal). */
export function portalOrigins(config: Pick<GatewayConfig, 'PORTAL_PUBLIC_ORIGIN' | 'PUBLIC_URL'>): Set<string> {
  return allowedOrigins(config.PORTAL_PUBLIC_ORIGIN ?? config.PUBLIC_URL);
}

export function createEdge(config: Pick<GatewayConfig, 'PORTAL_PUBLIC_ORIGIN' | 'PUBLIC_URL'>): Edge {
  const headers = securityHeaders(config.PUBLIC_URL);
  const origins = portalOrigins(config);
  return (req, res) => {
    headers(req, res);
    // The codec server answers the Temporal UI's origin (TEMPORAL_UI_URL) itself, preflights included.
    if (req.url === CODEC_PATH || req.url?.startsWith(`${CODEC_PATH}/`)) return false;
    return applyCors(req, res, origins);
  };
}
