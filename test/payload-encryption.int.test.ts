/**
 * Temporal payload encryption on the real dev server with the real worker, services and gateway: histories hold
 * no personal data in clear text (read with a client without the codec), the project's clients read them; a key
 * rotation keeps running workflows going; an unknown key fails the workflow task (retried, never passed as clear
 * text); histories from before encryption still run; the codec server opens payloads for an administrator only.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { DEFAULT_SELECTION_RULES, localDateOf, type Actor } from '@seleksi/domain';
import type { Account } from '@seleksi/gateway';
import {
  ENCRYPTED_ENCODING,
  generatePayloadKey,
  getSelectionStateQuery,
  KEY_ID_METADATA,
  openSelectionHandle,
  parsePayloadKeyRing,
  payloadKeyRingFromEnv,
  seleksiDataConverter,
  setPanselUpdate,
  startOpenSelection,
  type OpenSelectionInput,
  type PayloadKeyRing,
} from '@seleksi/workflows';
import { createSeleksiWorker } from '@seleksi/workflows/worker';
import { eventually, startStack, workflowBundle, type Stack } from './support/stack';
import { testAgency, testPansel } from './support/fixtures';
import { decryptPayloads } from './support/histories';

const AGENCY = testAgency(`ENC${Date.now().toString(36).toUpperCase()}`);
const SECRETARY: Actor = { userId: 'enc-sec', role: 'PANSEL_SECRETARY' };
const SIGNATORY = { name: 'Dr. Rahmawati Sitompul', title: 'Ketua Panitia Seleksi', nip: '197103152000032004' };
const PPK_NAME = 'Ir. Bambang Wicaksono';
const MEMBER_NAME = 'Prof. Hendrawan Situmeang';
const PASSWORD = 'Sandi#Kodek2026';
const UI_ORIGIN = 'http://localhost:8233';

let stack: Stack;
let raw: Client; // no codec: what anyone with access to the Temporal server sees
let rawConnection: Connection;
let native: NativeConnection;
const workers: { worker: Worker; running: Promise<void> }[] = [];

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'encryption',
    gateway: { TEMPORAL_UI_URL: UI_ORIGIN },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  rawConnection = await Connection.connect({ address: inject('temporalAddress') });
  raw = new Client({ connection: rawConnection, namespace: 'default' });
  native = await NativeConnection.connect({ address: inject('temporalAddress') });
}, 180_000);

/** Rounds this file started under its own keys: ended afterwards, so no other test meets payloads it cannot read. */
const started: string[] = [];
async function track<H extends { workflowId: string }>(handle: Promise<H>): Promise<H> {
  const h = await handle;
  started.push(h.workflowId);
  return h;
}

afterAll(async () => {
  for (const id of started) {
    await raw?.workflow
      .getHandle(id)
      .terminate('test finished')
      .catch(() => undefined);
  }
  for (const w of workers) {
    if (w.worker.getState() === 'RUNNING') w.worker.shutdown();
    await w.running.catch(() => undefined);
  }
  await native?.close();
  await rawConnection?.close();
  await stack?.close();
});

async function startWorker(
  taskQueue: string,
  ring: PayloadKeyRing,
): Promise<{ worker: Worker; running: Promise<void> }> {
  const worker = await createSeleksiWorker({
    connection: native,
    namespace: 'default',
    taskQueue,
    ports: stack.clients,
    workflowBundle: await workflowBundle(),
    dataConverter: seleksiDataConverter(ring),
    shutdownGraceTime: '1s',
  });
  const w = { worker, running: worker.run() };
  workers.push(w);
  return w;
}

async function stopWorker(w: { worker: Worker; running: Promise<void> }): Promise<void> {
  w.worker.shutdown();
  await w.running;
}

function selectionInput(): OpenSelectionInput {
  const selectionId = `JPT-ENC-${randomBytes(4).toString('hex')}`;
  const today = localDateOf(Date.now(), AGENCY.timeZone);
  return {
    selectionId,
    agency: AGENCY,
    title: 'Seleksi uji penyandian',
    announcementDate: today,
    registrationClosesAt: new Date(Date.now() + 15 * 86_400_000).toISOString(),
    plannedInaugurationDate: today,
    vacancies: [
      {
        id: `${selectionId}-V1`,
        level: 'PRATAMA',
        position: 'Kepala Dinas Uji',
        unit: 'Dinas Uji',
        regionalSecretary: false,
      },
    ],
    rules: DEFAULT_SELECTION_RULES,
    calendar: {},
    electionWindows: [],
    requirements: ['Berstatus Pegawai Negeri Sipil;'],
    signatory: SIGNATORY,
    ppkTitle: 'Gubernur Provinsi Uji',
    ppkName: PPK_NAME,
    createdBy: SECRETARY,
    createdAt: new Date().toISOString(),
  };
}

const text = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? new Uint8Array()).toString('utf8');

/** Every payload of a history (or any proto object), where it sits. */
function payloadsIn(node: unknown, out: Payload[] = []): Payload[] {
  if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return out;
  if ('metadata' in node && 'data' in node && typeof (node as Payload).metadata === 'object') {
    out.push(node as Payload);
    return out;
  }
  for (const [key, value] of Object.entries(node)) {
    // Search attributes never pass through codecs (search-attributes.test.ts keeps them free of personal data).
    if (key !== 'searchAttributes' && key !== 'upsertWorkflowSearchAttributesEventAttributes') payloadsIn(value, out);
  }
  return out;
}

/** All bytes of a workflow's history as the server stores them, read without any codec. */
async function rawHistory(workflowId: string) {
  const history = await raw.workflow.getHandle(workflowId).fetchHistory();
  const payloads = payloadsIn(history);
  const bytes = Buffer.concat(
    payloads.flatMap((p) => [
      Buffer.from(p.data ?? []),
      ...Object.values(p.metadata ?? {}).map((v) => Buffer.from(v ?? [])),
    ]),
  );
  return { history, payloads, text: bytes.toString('latin1') + JSON.stringify(history) };
}

/** describe without any decoding (the client's describe() decodes the memo). */
const rawDescribe = (workflowId: string) =>
  raw.workflowService.describeWorkflowExecution({ namespace: 'default', execution: { workflowId } });

const keyIds = (payloads: Payload[]): Set<string> =>
  new Set(
    payloads
      .filter((p) => text(p.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING)
      .map((p) => text(p.metadata?.[KEY_ID_METADATA])),
  );

describe('histories hold no personal data in clear text', () => {
  it('a round started through the project client: raw history encrypted with the key id, the client reads it', async () => {
    const input = selectionInput();
    const handle = await track(startOpenSelection(stack.client, input, stack.taskQueue));
    await handle.executeUpdate(setPanselUpdate, {
      args: [
        {
          actor: SECRETARY,
          members: testPansel(input.selectionId).map((m, i) => (i === 0 ? { ...m, name: MEMBER_NAME } : m)),
        },
      ],
    });
    const state = await handle.query(getSelectionStateQuery);
    expect(state.stage).toBe('PLANNED');

    const { payloads, text: bytes } = await rawHistory(handle.workflowId);
    expect(payloads.length).toBeGreaterThan(3);
    for (const secret of [SIGNATORY.nip, SIGNATORY.name, PPK_NAME, MEMBER_NAME, 'Seleksi uji penyandian'])
      expect(bytes).not.toContain(secret);
    // Every payload is encrypted (no clear JSON), under the configured current key.
    // Except the markers of `patched()`, which the SDK's core writes itself: a patch id, nothing else.
    const clearOnes = payloads.filter(
      (p) =>
        text(p.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING &&
        !/^\{"id":"[a-z0-9-]+","deprecated":(true|false)\}$/.test(text(p.data)),
    );
    expect(clearOnes.map((p) => `${text(p.metadata?.[METADATA_ENCODING_KEY])} ${text(p.data)}`)).toEqual([]);
    expect([...keyIds(payloads)]).toEqual([payloadKeyRingFromEnv().currentKeyId]);

    // The memo (the round's title) is encrypted too.
    const described = await rawDescribe(handle.workflowId);
    const memo = described.workflowExecutionInfo?.memo?.fields?.title;
    expect(text(memo?.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect((await handle.describe()).memo).toEqual({ title: 'Seleksi uji penyandian' });

    // The same search in the decoded payloads finds them: the check above is not vacuous.
    const decoded = await seleksiDataConverter().payloadCodecs![0]!.decode(payloads);
    const clear = Buffer.concat(decoded.map((p) => Buffer.from(p.data ?? []))).toString('utf8');
    for (const secret of [SIGNATORY.nip, SIGNATORY.name, PPK_NAME, MEMBER_NAME]) expect(clear).toContain(secret);

    // Histories recorded for the replay test are stored decrypted (they must replay without this run's keys).
    const stored = await decryptPayloads((await rawHistory(handle.workflowId)).history);
    expect(keyIds(payloadsIn(stored)).size).toBe(0);
    expect(Buffer.concat(payloadsIn(stored).map((p) => Buffer.from(p.data ?? []))).toString('utf8')).toContain(
      SIGNATORY.nip,
    );

    // Search attributes stay readable (ids and stages only).
    expect(Object.keys(described.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {})).toEqual(
      expect.arrayContaining(['AgencyCode', 'SelectionId', 'SelectionStage']),
    );
  });
});

describe('key rotation and failures', () => {
  const A = generatePayloadKey(`rot-a-${randomBytes(2).toString('hex')}`);
  const B = generatePayloadKey(`rot-b-${randomBytes(2).toString('hex')}`);
  const idOf = (entry: string) => entry.slice(0, entry.indexOf(':'));
  const ringA = parsePayloadKeyRing(A);
  const ringAB = parsePayloadKeyRing(`${A},${B}`, idOf(B));

  it('rotating from A to B: the running round continues, new payloads carry B, old ones still decode', async () => {
    const taskQueue = `${stack.taskQueue}-rotation`;
    const clientA = new Client({ connection: stack.client.connection, dataConverter: seleksiDataConverter(ringA) });
    const workerA = await startWorker(taskQueue, ringA);
    const input = selectionInput();
    const handleA = await track(startOpenSelection(clientA, input, taskQueue));
    expect((await handleA.query(getSelectionStateQuery)).stage).toBe('PLANNED');
    expect([...keyIds((await rawHistory(handleA.workflowId)).payloads)]).toEqual([idOf(A)]);

    // Rotation: every process restarts with A and B, B current.
    await stopWorker(workerA);
    await startWorker(taskQueue, ringAB);
    const clientAB = new Client({ connection: stack.client.connection, dataConverter: seleksiDataConverter(ringAB) });
    const handle = openSelectionHandle(clientAB, AGENCY.code, input.selectionId);
    await handle.executeUpdate(setPanselUpdate, {
      args: [{ actor: SECRETARY, members: testPansel(input.selectionId) }],
    });
    const state = await handle.query(getSelectionStateQuery);
    expect(state.pansel.length).toBe(5);

    const { history, payloads } = await rawHistory(handle.workflowId);
    expect(keyIds(payloads)).toEqual(new Set([idOf(A), idOf(B)]));
    const started = payloadsIn(history.events?.[0]?.workflowExecutionStartedEventAttributes);
    expect(keyIds(started)).toEqual(new Set([idOf(A)]));
    const updateArgs = history.events?.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)
      ?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.args?.payloads;
    expect(keyIds(updateArgs ?? [])).toEqual(new Set([idOf(B)]));
    // A client with B only cannot read A's payloads: keys referenced by histories must be kept.
    const clientB = new Client({
      connection: stack.client.connection,
      dataConverter: seleksiDataConverter(parsePayloadKeyRing(B)),
    });
    await expect(
      clientB.workflow
        .getHandle(handle.workflowId)
        .describe()
        .then((d) => d.memo),
    ).rejects.toThrow(/not in the key ring/);
  });

  it('an unknown key id fails the workflow task (retried), and the round runs once the key is there', async () => {
    const taskQueue = `${stack.taskQueue}-unknown`;
    const clientAB = new Client({ connection: stack.client.connection, dataConverter: seleksiDataConverter(ringAB) });
    const onlyA = await startWorker(taskQueue, ringA);
    const handle = await track(startOpenSelection(clientAB, selectionInput(), taskQueue));
    const failed = await eventually(async () => {
      const { history } = await rawHistory(handle.workflowId);
      return history.events?.find((e) => e.workflowTaskFailedEventAttributes)?.workflowTaskFailedEventAttributes;
    });
    expect(failed.failure?.message).toMatch(/not in the key ring/);
    // WORKFLOW_EXECUTION_STATUS_RUNNING
    expect((await rawDescribe(handle.workflowId)).workflowExecutionInfo?.status).toBe(1);
    // Never handled as clear text: the workflow has not run a single step.
    expect(
      (await rawHistory(handle.workflowId)).history.events?.some((e) => e.activityTaskScheduledEventAttributes),
    ).toBe(false);

    await stopWorker(onlyA);
    await startWorker(taskQueue, ringAB);
    // The retried task succeeds with B in the ring.
    expect((await eventually(() => handle.query(getSelectionStateQuery))).stage).toBe('PLANNED');
  });

  it('a round started before encryption (clear payloads) keeps running under the codec', async () => {
    const taskQueue = `${stack.taskQueue}-legacy`;
    const input = selectionInput();
    // Started the way clients did before this change: no codec at all.
    const legacy = await track(startOpenSelection(raw, input, taskQueue));
    const before = await rawHistory(legacy.workflowId);
    expect(before.text).toContain(SIGNATORY.nip);
    await startWorker(taskQueue, ringAB);
    const clientAB = new Client({ connection: stack.client.connection, dataConverter: seleksiDataConverter(ringAB) });
    const handle = openSelectionHandle(clientAB, AGENCY.code, input.selectionId);
    await handle.executeUpdate(setPanselUpdate, {
      args: [{ actor: SECRETARY, members: testPansel(input.selectionId) }],
    });
    expect((await handle.query(getSelectionStateQuery)).stage).toBe('PLANNED');
    expect(keyIds((await rawHistory(legacy.workflowId)).payloads)).toEqual(new Set([idOf(B)]));
  });
});

describe('codec server', () => {
  let admin: string;
  let candidate: string;
  let encrypted: { metadata: Record<string, string>; data: string }[];

  async function account(id: string, role: Account['role']): Promise<string> {
    await stack.gateway.deps.accounts.upsert({
      id,
      email: `${id}@kodek.test`,
      displayName: `Pengguna ${id}`,
      password: PASSWORD,
      role,
      agencyCode: role === 'ADMIN' ? null : AGENCY.code,
      candidateId: role === 'CANDIDATE' ? `${id}-cand` : null,
    });
    return stack.signIn(`${id}@kodek.test`, PASSWORD);
  }

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${stack.gateway.url}/codec/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const suffix = randomBytes(3).toString('hex');
    admin = await account(`enc-admin-${suffix}`, 'ADMIN');
    candidate = await account(`enc-cand-${suffix}`, 'CANDIDATE');
    const handle = await track(startOpenSelection(stack.client, selectionInput(), stack.taskQueue));
    const start = (await rawHistory(handle.workflowId)).history.events?.[0]?.workflowExecutionStartedEventAttributes;
    encrypted = (start?.input?.payloads ?? []).map((p) => ({
      metadata: Object.fromEntries(
        Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
      ),
      data: Buffer.from(p.data ?? []).toString('base64'),
    }));
    expect(encrypted.length).toBe(1);
  });

  it('decodes for an administrator, as the Temporal UI asks', async () => {
    const res = await post(
      'decode',
      { payloads: encrypted },
      { authorization: `Bearer ${admin}`, 'x-namespace': 'default', origin: UI_ORIGIN },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    const body = (await res.json()) as { payloads: { metadata: Record<string, string>; data: string }[] };
    expect(Buffer.from(body.payloads[0]!.metadata.encoding!, 'base64').toString()).toBe('json/plain');
    const value = JSON.parse(Buffer.from(body.payloads[0]!.data, 'base64').toString()) as OpenSelectionInput;
    expect(value.signatory).toEqual(SIGNATORY);
    // encode gives back an encrypted payload the decoder opens again
    const enc = await post('encode', body, { authorization: `Bearer ${admin}` });
    const again = (await enc.json()) as { payloads: { metadata: Record<string, string> }[] };
    expect(Buffer.from(again.payloads[0]!.metadata.encoding!, 'base64').toString()).toBe(ENCRYPTED_ENCODING);
  });

  it('refuses without a sign-in (401) and to a non-administrator (403), with typed bodies', async () => {
    const none = await post('decode', { payloads: encrypted });
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const forged = await post('decode', { payloads: encrypted }, { authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
    const cand = await post('decode', { payloads: encrypted }, { authorization: `Bearer ${candidate}` });
    expect(cand.status).toBe(403);
    expect(((await cand.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const bad = await post('decode', { payloads: 'x' }, { authorization: `Bearer ${admin}` });
    expect(bad.status).toBe(400);
  });

  it('CORS answers the Temporal UI origin only; the sign-in cookie works for the UI', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.gateway.url}/codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-namespace',
        },
      });
    const ok = await preflight(UI_ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(ok.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await preflight('https://jahat.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const session = await post('session', {}, { authorization: `Bearer ${admin}` });
    expect(session.status).toBe(204);
    const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
    expect(session.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const viaCookie = await post('decode', { payloads: encrypted }, { cookie, origin: UI_ORIGIN });
    expect(viaCookie.status).toBe(200);
    // A "simple" request (no preflight) a same-site page could make with the cookie is not decoded.
    const simple = await fetch(`${stack.gateway.url}/codec/decode`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: JSON.stringify({ payloads: encrypted }),
    });
    expect(simple.status).toBe(415);
    const candSession = await post('session', {}, { authorization: `Bearer ${candidate}` });
    expect(candSession.status).toBe(403);
  });
});
