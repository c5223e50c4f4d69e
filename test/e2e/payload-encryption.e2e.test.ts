/**
 * Payload encryption under `npm start`: the demo round's history on the embedded Temporal dev server holds no
 * personal data in clear text; the Web UI is configured with the gateway's codec server, which opens the
 * payloads for the demo administrator signed in at /codec/ (cookie, the UI's origin) and for nobody else.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import {
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  payloadKeyRingFromEnv,
  type OpenSelectionInput,
} from '@seleksi/workflows';
import { graphqlClient } from '../support/stack';
import { DEMO_DOMAIN, DEMO_PASSWORD, startE2eStack, type E2eStack } from './support/stack';

let stack: E2eStack;
let connection: Connection;
let raw: Client;

beforeAll(async () => {
  stack = await startE2eStack('payload-encryption', 240_000);
  connection = await Connection.connect({ address: `127.0.0.1:${stack.ports.TEMPORAL_PORT}` });
  raw = new Client({ connection }); // no codec
});

afterAll(async () => {
  await connection?.close();
  await stack?.stop();
});

const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('utf8');
const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

it('the demo round is encrypted; the UI decodes it through the codec server for the administrator only', async () => {
  const uiOrigin = `http://localhost:${stack.ports.TEMPORAL_UI_PORT}`;
  const settings = (await (await fetch(`http://127.0.0.1:${stack.ports.TEMPORAL_UI_PORT}/api/v1/settings`)).json()) as {
    Codec: { Endpoint: string };
  };
  expect(settings.Codec.Endpoint).toBe(`${stack.url}/codec`);

  // The service call itself: the client's list() would decode the memo, which it cannot without the codec.
  const listed = await raw.workflowService.listWorkflowExecutions({
    namespace: 'default',
    query: `WorkflowType = 'openSelectionWorkflow'`,
  });
  const workflowId = listed.executions[0]?.execution?.workflowId;
  expect(workflowId).toBeTruthy();
  const memo = listed.executions[0]?.memo?.fields?.title;
  expect(text(memo?.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
  const history = await raw.workflow.getHandle(workflowId!).fetchHistory();
  const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  expect(text(input?.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
  // npm start was given the test process's ring (the stack's processes share one ring).
  expect(text(input?.metadata?.[KEY_ID_METADATA])).toBe(payloadKeyRingFromEnv().currentKeyId);

  const decode = (headers: Record<string, string>) =>
    fetch(`${stack.url}/codec/decode`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: uiOrigin, ...headers },
      body: JSON.stringify({ payloads: [toJson(input!)] }),
    });
  expect((await decode({})).status).toBe(401);

  const gql = graphqlClient(stack.url);
  const signIn = async (email: string) => {
    const r = await gql<{ signIn: { token: string } }>(
      'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }',
      { e: email, p: DEMO_PASSWORD },
    );
    return r.data!.signIn.token;
  };
  const session = async (token: string) =>
    fetch(`${stack.url}/codec/session`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  expect((await session(await signIn(`sekretariat@${DEMO_DOMAIN}`))).status).toBe(403);
  const signedIn = await session(await signIn(`admin@${DEMO_DOMAIN}`));
  expect(signedIn.status).toBe(204);
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;

  const res = await decode({ cookie });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe(uiOrigin);
  const body = (await res.json()) as { payloads: { data: string }[] };
  const clear = JSON.parse(Buffer.from(body.payloads[0]!.data, 'base64').toString()) as OpenSelectionInput;
  expect(clear.signatory.name.length).toBeGreaterThan(3);

  // None of the round's personal data is in the stored history's bytes.
  const stored = (history.events ?? []).flatMap((e) => JSON.stringify(e)).join('\n');
  const payloadBytes = Buffer.from(input!.data!).toString('latin1');
  for (const secret of [clear.signatory.name, clear.ppkName, clear.title].filter((s): s is string => Boolean(s))) {
    expect(stored).not.toContain(secret);
    expect(payloadBytes).not.toContain(secret);
  }
});
