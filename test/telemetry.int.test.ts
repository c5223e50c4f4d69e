/**
 * One request's trace, end to end: a decision sent to the gateway with the portal's `traceparent`
 * goes through the Temporal client (the workflow Update), the workflow (its header carried on), the
 * activity, the candidate service and the store — every span exported over OTLP/HTTP to a receiver in
 * this process, all in the request's trace. And each process's Prometheus endpoint counts its requests.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf } from '@seleksi/domain';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel } from './support/fixtures';
import { must, SelectionDriver, testUser } from './support/selection-driver';

const AGENCY = testAgency('OTEL');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('otel');
const SECRETARY = 'otel-sec';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

/** An OTLP/HTTP (JSON) trace receiver: what the exporters send, flattened to spans. */
function otlpReceiver(): Promise<{ url: string; spans: ReceivedSpan[]; server: Server }> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: {
            resource: { attributes: { key: string; value: { stringValue?: string } }[] };
            scopeSpans: { spans: (Omit<ReceivedSpan, 'service' | 'attributes'> & { attributes?: unknown[] })[] }[];
          }[];
        };
        for (const rs of body.resourceSpans) {
          const service = rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          for (const ss of rs.scopeSpans)
            for (const s of ss.spans) {
              const attributes = Object.fromEntries(
                ((s.attributes ?? []) as { key: string; value: Record<string, unknown> }[]).map((a) => [
                  a.key,
                  Object.values(a.value)[0],
                ]),
              );
              spans.push({ ...s, service, attributes });
            }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, server }),
    ),
  );
}

let receiver: Awaited<ReturnType<typeof otlpReceiver>>;
let stack: Stack;
let d: SelectionDriver;

beforeAll(async () => {
  receiver = await otlpReceiver();
  // Read when the first component of this process starts its telemetry.
  process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'otel' });
  await stack.clients.candidate.upsertAgency(AGENCY);
  await stack.clients.candidate.upsertProfile(eligibleProfile('otel-asn-1', AGENCY.code, 1));
  d = await SelectionDriver.signIn(
    stack,
    [
      testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
      ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
    ],
    PASSWORD,
  );
});

afterAll(async () => {
  await stack?.close();
  receiver?.server.close();
  delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
});

describe('telemetry', () => {
  it('joins one request’s spans — gateway, Temporal client, activity, service, store — in one trace', async () => {
    const s = must(
      await d.createSelection(SECRETARY, {
        title: 'Seleksi Uji Jejak',
        announcementDate: localDateOf(new Date(), AGENCY.timeZone),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji', field: 'Pendidikan' }],
        simulationSecondsPerDay: 30,
        rules: { registrationDays: 10, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      }),
    ).createSelection.id;
    await d.waitForReadModel(SECRETARY, s);

    // What the portal sends with each request: a new trace of its own.
    const traceId = randomBytes(16).toString('hex');
    const r = await stack.gql<{ setPansel: { decisionId: string } }>(
      `mutation($s: ID!, $m: [PanselMemberInput!]!) { setPansel(selectionId: $s, members: $m, decreeReference: "800/9/BKD") { decisionId } }`,
      { s, m: PANSEL },
      d.token(SECRETARY),
      { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();

    const mine = await eventually(async (): Promise<ReceivedSpan[]> => {
      const found = receiver.spans.filter((x) => x.traceId === traceId);
      const has = (p: (x: ReceivedSpan) => boolean) => found.some(p);
      const complete =
        has((x) => x.attributes['seleksi.component'] === 'gateway' && x.name === 'POST /graphql') &&
        has((x) => /^StartWorkflowUpdate|^UpdateWorkflow/.test(x.name)) &&
        has((x) => x.name.startsWith('RunActivity:')) &&
        has((x) => x.attributes['seleksi.component'] === 'candidate') &&
        has((x) => x.attributes['db.system'] === 'mongodb');
      if (!complete) throw new Error(`spans so far: ${found.map((x) => x.name).join(', ')}`);
      return found;
    });
    // One tree: every span but the request's own has its parent in the trace (the portal's span is its root).
    const ids = new Set(mine.map((x) => x.spanId));
    const gatewaySpan = mine.find((x) => x.name === 'POST /graphql')!;
    for (const x of mine) if (x !== gatewaySpan) expect(ids.has(x.parentSpanId ?? ''), x.name).toBe(true);
    // No personal data or query text on store spans: command name and collection only.
    for (const x of mine.filter((y) => y.attributes['db.system'] === 'mongodb'))
      expect(Object.keys(x.attributes).sort()).toEqual(
        expect.arrayContaining(['db.namespace', 'db.operation.name', 'db.system']),
      );
  });

  it('counts each process’s requests by route and status on its Prometheus endpoint', async () => {
    const gateway = await fetch(`${stack.gateway.url}/metrics`);
    expect(gateway.status).toBe(200);
    const text = await gateway.text();
    expect(text).toMatch(/http_server_request_duration\w*_count\{[^}]*http_route="\/graphql"/);
    // What the public proxy relays does not get the figures.
    const relayed = await fetch(`${stack.gateway.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(await relayed.text()).not.toMatch(/http_server_request_duration/);
    const candidate = await fetch(`${stack.urls.CANDIDATE_SERVICE_URL}/metrics`);
    expect(candidate.status).toBe(200);
    expect(await candidate.text()).toMatch(/http_server_request_duration\w*_count\{[^}]*seleksi_component="candidate"/);
  });
});
