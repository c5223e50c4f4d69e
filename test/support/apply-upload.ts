/**
 * `applyToVacancy` with PDF uploads as the portal sends it: a GraphQL multipart request.
 *
 * Sent with node:http and a body built in one piece, not with `fetch` and a `FormData`: undici streams
 * a FormData body through a web stream chunk by chunk, and at a burst of hundreds of uploads on a busy
 * machine that put the request's headers on the wire seconds after the call (bench:surge 500 5: fetch →
 * gateway receipt p50 6.6 s while the gateway was idle half the time; a bare server behind the same
 * client saw FormData requests 1.2 s late at p50, node:http ones 1 ms), so a client sending in time
 * reached the gateway after the close. A browser encodes the form natively and sends it at once.
 */
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { GraphQLResult } from './stack';

export interface Upload {
  kind: string;
  bytes: Buffer;
  name: string;
}

export interface ApplyReceipt {
  id: string;
  status: string;
  submittedAt: string;
  receivedAt: string;
}

export const APPLY_WITH_FILES = `mutation($v: ID!, $docs: [ApplicationDocumentInput!]) {
  applyToVacancy(vacancyId: $v, documents: $docs) { id status submittedAt receivedAt }
}`;

/** Keep-alive connections, as many as there are requests in flight (a browser per candidate). */
const agent = new Agent({ keepAlive: true, maxSockets: Infinity });

/** The multipart body of the GraphQL multipart request spec: operations, map, then the files. */
function multipartBody(vacancyId: string, uploads: readonly Upload[]): { body: Buffer; contentType: string } {
  const boundary = `----seleksi${randomBytes(12).toString('hex')}`;
  const docs = uploads.map((u) => ({ kind: u.kind, file: null }));
  const field = (name: string, value: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  const parts = [
    field('operations', JSON.stringify({ query: APPLY_WITH_FILES, variables: { v: vacancyId, docs } })),
    field('map', JSON.stringify(Object.fromEntries(uploads.map((_u, i) => [String(i), [`variables.docs.${i}.file`]])))),
    ...uploads.flatMap((u, i) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${i}"; filename="${u.name.replaceAll('"', '')}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      u.bytes,
      Buffer.from('\r\n'),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ];
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function applyWithUploads(
  gatewayUrl: string,
  token: string,
  vacancyId: string,
  uploads: readonly Upload[],
  signal?: AbortSignal,
  /** Filled with when the request was written and when the answer's headers came (Date.now()). */
  timing?: { sent?: number; connected?: number; written?: number; headers?: number },
): Promise<GraphQLResult<{ applyToVacancy: ApplyReceipt }>> {
  const { body, contentType } = multipartBody(vacancyId, uploads);
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      new URL('/graphql', gatewayUrl),
      {
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length },
        ...(signal ? { signal } : {}),
      },
      (res) => {
        if (timing) timing.headers = Date.now();
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.once('error', reject);
      },
    );
    req.once('error', reject);
    if (timing) {
      timing.sent = Date.now();
      req.once('socket', (socket) => {
        if (!socket.connecting) timing.connected = Date.now();
        else socket.once('connect', () => (timing.connected = Date.now()));
      });
      req.once('finish', () => (timing.written = Date.now()));
    }
    req.end(body);
  });
  return JSON.parse(text) as GraphQLResult<{ applyToVacancy: ApplyReceipt }>;
}
