/**
 * The codec server of the Temporal Web UI: `POST /codec/decode` and `/codec/encode` take and answer
 * `{payloads: [{metadata: {key: base64}, data: base64}]}` (the UI's JSON shape) through the same AES-256-GCM
 * codec as the worker. Only a signed-in national administrator (role ADMIN) gets clear text: a bearer token
 * (the UI's "pass access token", scripts) or the `seleksi_codec` cookie set at `/codec/` (the UI's "include
 * cross-origin credentials"), either checked as every gateway request is (signature, live session). CORS
 * answers the Temporal UI's origin only. Every decode is logged with the operator's id.
 */
import express from 'express';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { seleksiDataConverter } from '@seleksi/workflows';
import { authenticate, type GatewayDeps } from '../context';
import { SIGN_IN_PAGE, SIGN_IN_SCRIPT } from './page';

export const CODEC_PATH = '/codec';
const COOKIE = 'seleksi_codec';
/** Histories of long rounds hold large payloads; the UI sends one event's payloads at a time. */
const BODY_LIMIT = '8mb';

interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

type Failure = { status: number; code: string; message: string };

const fail = (res: express.Response, f: Failure) =>
  void res.status(f.status).json({ error: { code: f.code, message: f.message } });

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The request's payloads, or null when the body is not the UI's shape. */
function payloadsOf(body: unknown): Payload[] | null {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { payloads?: unknown }).payloads))
    return null;
  const out: Payload[] = [];
  for (const p of (body as { payloads: unknown[] }).payloads) {
    if (typeof p !== 'object' || p === null) return null;
    const { metadata, data } = p as JsonPayload;
    if (data !== undefined && data !== null && (typeof data !== 'string' || !BASE64.test(data))) return null;
    const meta: Record<string, Uint8Array> = {};
    if (metadata !== undefined && metadata !== null) {
      if (typeof metadata !== 'object' || Array.isArray(metadata)) return null;
      for (const [k, v] of Object.entries(metadata)) {
        if (typeof v !== 'string' || !BASE64.test(v)) return null;
        meta[k] = Buffer.from(v, 'base64');
      }
    }
    out.push({ metadata: meta, data: data ? Buffer.from(data, 'base64') : new Uint8Array() });
  }
  return out;
}

function toJson(p: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')]),
    ),
    data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
  };
}

function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** The operator behind the request, or why there is none (401 not signed in, 403 not an administrator). */
async function operator(deps: GatewayDeps, req: express.Request): Promise<{ userId: string } | Failure> {
  const cookie = cookieToken(req.headers.cookie);
  const authorization = req.headers.authorization ?? (cookie ? `Bearer ${cookie}` : undefined);
  const { user } = await authenticate(deps, authorization);
  if (!user) return { status: 401, code: 'UNAUTHENTICATED', message: 'Silakan masuk sebagai administrator' };
  if (user.role !== 'ADMIN')
    return { status: 403, code: 'FORBIDDEN', message: 'Hanya administrator nasional yang dapat membuka data proses' };
  return { userId: user.id };
}

export function codecServerRoutes(app: express.Express, deps: GatewayDeps): void {
  const uiOrigin = new URL(deps.config.TEMPORAL_UI_URL).origin;
  const secure = new URL(deps.config.PUBLIC_URL).protocol === 'https:';
  const codec: PayloadCodec = seleksiDataConverter().payloadCodecs![0]!;
  const router = express.Router();

  // CORS for the Temporal UI's origin only; other origins get no CORS headers, so browsers keep the answer from them.
  router.use((req, res, next) => {
    if (req.headers.origin === uiOrigin) {
      res.setHeader('Access-Control-Allow-Origin', uiOrigin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'POST');
        res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
        res.setHeader('Access-Control-Max-Age', '600');
        return void res.status(204).end();
      }
    } else if (req.method === 'OPTIONS') return void res.status(403).end();
    next();
  });

  router.get('/', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(SIGN_IN_PAGE);
  });
  router.get('/sign-in.js', (_req, res) => void res.type('application/javascript').send(SIGN_IN_SCRIPT));

  // The sign-in page hands its session token over to be kept as an HttpOnly cookie for the UI's requests.
  router.post('/session', (req, res) => {
    operator(deps, req).then(
      (who) => {
        if ('status' in who) return fail(res, who);
        const token =
          /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? cookieToken(req.headers.cookie);
        res.setHeader(
          'Set-Cookie',
          `${COOKIE}=${encodeURIComponent(token ?? '')}; Path=${CODEC_PATH}; HttpOnly; SameSite=Strict; Max-Age=${deps.config.AUTH_TOKEN_TTL_SECONDS}${secure ? '; Secure' : ''}`,
        );
        deps.logger.info({ userId: who.userId }, 'codec server: operator signed in');
        res.status(204).end();
      },
      (err: unknown) => unavailable(deps, res, err),
    );
  });
  router.delete('/session', (_req, res) => {
    res.setHeader('Set-Cookie', `${COOKIE}=; Path=${CODEC_PATH}; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.status(204).end();
  });

  for (const direction of ['decode', 'encode'] as const) {
    router.post(`/${direction}`, express.json({ limit: BODY_LIMIT }), (req, res) => {
      (async () => {
        // JSON only: a form or text/plain POST is a "simple" request a same-site page could send with the
        // cookie and no preflight; the UI sends application/json (and X-Namespace), which needs one.
        if (!req.is('application/json')) {
          return fail(res, {
            status: 415,
            code: 'UNSUPPORTED_MEDIA_TYPE',
            message: 'Kirim badan permintaan sebagai application/json',
          });
        }
        const who = await operator(deps, req);
        if ('status' in who) return fail(res, who);
        const payloads = payloadsOf(req.body);
        if (!payloads)
          return fail(res, {
            status: 400,
            code: 'BAD_REQUEST',
            message: 'Badan permintaan harus berbentuk {"payloads": [{"metadata": {...}, "data": "..."}]} (base64)',
          });
        let result: Payload[];
        try {
          result = direction === 'decode' ? await codec.decode(payloads) : await codec.encode(payloads);
        } catch (err) {
          deps.logger.warn({ userId: who.userId, err: (err as Error).message }, `codec server: ${direction} refused`);
          return fail(res, {
            status: 422,
            code: 'PAYLOAD_UNREADABLE',
            message: 'Data proses tidak dapat dibuka dengan kunci yang terpasang',
          });
        }
        deps.logger.info(
          { userId: who.userId, namespace: req.headers['x-namespace'], payloads: payloads.length },
          `codec server: ${direction}`,
        );
        res.setHeader('Cache-Control', 'no-store');
        res.json({ payloads: result.map(toJson) });
      })().catch((err: unknown) => unavailable(deps, res, err));
    });
  }
  // A malformed JSON body (express.json's error) is a typed 400, never a stack.
  router.use((err: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (res.headersSent) return next(err);
    const status = (err as { status?: number }).status;
    if (status === 413)
      return fail(res, { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'Badan permintaan terlalu besar' });
    if (status && status < 500)
      return fail(res, { status: 400, code: 'BAD_REQUEST', message: 'Badan permintaan bukan JSON yang sah' });
    unavailable(deps, res, err);
  });
  app.use(CODEC_PATH, router);
}

function unavailable(deps: GatewayDeps, res: express.Response, err: unknown): void {
  deps.logger.error({ err }, 'codec server failed');
  if (!res.headersSent)
    fail(res, { status: 503, code: 'UNAVAILABLE', message: 'Layanan sedang tidak tersedia; coba lagi sebentar lagi' });
}
