/**
 * The pilkada guard fails closed when the candidate service cannot say which windows apply: a service from
 * before the election-windows route answers 404 to it (an unknown route), which is UNAVAILABLE — retried by the
 * activity, the appointment waiting — not "no windows". An agency the service does not know (404 naming the
 * field agencyCode) has none. Real HTTP against a stand-in server answering as the services do.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CandidateClient, ServiceError } from '@seleksi/kit';
import { createElectionActivities, type ElectionPorts } from './activities';

let server: Server;
let client: CandidateClient;

const notFound = (field?: string) =>
  JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Not found', ...(field ? { field } : {}) } });

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/agencies/NEW/election-windows')
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          agencyCode: 'NEW',
          regionId: 'PROVINSI:x',
          region: null,
          span: { monthsBefore: 6, monthsAfter: 6 },
          windows: [{ from: '2026-01-01', to: '2026-12-31', label: 'Pilkada' }],
        }),
      );
    if (path === '/agencies/GONE/election-windows') return void res.writeHead(404).end(notFound('agencyCode'));
    // An older service: no such route, its generic 404.
    res.writeHead(404).end(notFound());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new CandidateClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { auth: null });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const acts = () => createElectionActivities({ candidate: client as unknown as ElectionPorts['candidate'] });

describe('resolveElectionWindows', () => {
  it('reads the windows of a known agency', async () => {
    expect(await acts().resolveElectionWindows({ agencyCode: 'NEW' })).toEqual([
      { from: '2026-01-01', to: '2026-12-31', label: 'Pilkada' },
    ]);
  });

  it('an agency the service does not know has no windows', async () => {
    expect(await client.getAgencyElectionWindows('GONE')).toBeNull();
    expect(await acts().resolveElectionWindows({ agencyCode: 'GONE' })).toEqual([]);
  });

  it('a 404 from a service without the route is UNAVAILABLE and retried, never "no windows"', async () => {
    const err = await acts()
      .resolveElectionWindows({ agencyCode: 'OLD' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(ServiceError);
    expect(err).not.toBeInstanceOf(ApplicationFailure);
    expect({ code: (err as ServiceError).code, status: (err as ServiceError).status }).toEqual({
      code: 'UNAVAILABLE',
      status: 503,
    });
  });
});
