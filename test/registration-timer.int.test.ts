/**
 * The 15-day registration deadline on Temporal's time-skipping test server: the durable timer fires
 * without waiting 15 days, and the workflow records the closing in the real read model (real
 * services on the real FerretDB).
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localDateOf, periodDeadline, DEFAULT_HOLIDAY_CALENDAR, type AgencyDto } from '@seleksi/domain';
import {
  DEFAULT_SELECTION_RULES,
  getSelectionStateQuery,
  startOpenSelection,
  SEARCH_ATTRIBUTES,
} from '@seleksi/workflows';
import { createSeleksiWorker } from '@seleksi/workflows/worker';
import { eventually, startServices, workflowBundle, type ServicesStack } from './support/stack';

const AGENCY: AgencyDto = {
  code: 'TSPROV',
  name: 'Pemerintah Provinsi Uji Waktu',
  address: 'Jalan Uji Nomor 15, Samarinda',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINCE',
};

/** temporal.api.enums.v1.IndexedValueType numbers for the types we use. */
const INDEXED_VALUE_TYPE: Record<string, number> = {
  Text: 1,
  Keyword: 2,
  Int: 3,
  Double: 4,
  Bool: 5,
  Datetime: 6,
  KeywordList: 7,
};

let env: TestWorkflowEnvironment;
let services: ServicesStack;

beforeAll(async () => {
  const path = inject('temporalTestServerPath');
  // The project's own binary when installed; otherwise the SDK's download (for machines with internet).
  env = await TestWorkflowEnvironment.createTimeSkipping(
    path && existsSync(path) ? { server: { executable: { type: 'existing-path', path } } } : {},
  );
  // The Java test server accepts search attributes only once registered.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(SEARCH_ATTRIBUTES.map((a) => [a.name, INDEXED_VALUE_TYPE[a.type]!])),
  });
  services = await startServices(inject('mongoUri'), `ts_${Date.now().toString(36)}`);
  await services.clients.candidate.upsertAgency(AGENCY);
});

afterAll(async () => {
  await services?.close();
  await env?.teardown();
});

it('fires the 15-day registration timer without waiting and closes registration in the read model', async () => {
  const taskQueue = 'registration-timer';
  const worker: Worker = await createSeleksiWorker({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    ports: services.clients,
    workflowBundle: await workflowBundle(),
  });
  const startedAt = await env.currentTimeMs();
  const today = localDateOf(startedAt, AGENCY.timeZone);
  const { closesAt } = periodDeadline(today, 15, 'CALENDAR', AGENCY.timeZone, DEFAULT_HOLIDAY_CALENDAR);
  const selectionId = `JPT-TS-${startedAt.toString(36)}`;

  await worker.runUntil(async () => {
    const handle = await startOpenSelection(
      env.client,
      {
        selectionId,
        agency: AGENCY,
        title: 'Seleksi uji pewaktu 15 hari',
        announcementDate: today,
        registrationClosesAt: closesAt.toISOString(),
        vacancies: [{ id: `${selectionId}-V1`, level: 'PRATAMA', position: 'Kepala Dinas Uji', unit: 'Dinas Uji' }],
        rules: DEFAULT_SELECTION_RULES,
        requirements: ['Berstatus Pegawai Negeri Sipil;'],
        signatory: { name: 'Ketua Pansel Uji', title: 'Ketua Panitia Seleksi' },
        createdBy: { userId: 'u-sec', role: 'PANSEL_SECRETARY' },
        createdAt: new Date(startedAt).toISOString(),
      },
      taskQueue,
    );
    await eventually(
      async () => (await services.clients.candidate.getSelection(selectionId))?.stage === 'REGISTRATION_OPEN',
    );
    expect((await handle.query(getSelectionStateQuery)).stage).toBe('REGISTRATION_OPEN');

    await env.sleep('15 days');

    const closed = await eventually(async () => {
      const s = await services.clients.candidate.getSelection(selectionId);
      return s?.stage === 'REGISTRATION_CLOSED' ? s : null;
    });
    expect(closed.stageHistory.map((e) => e.stage)).toEqual(['PLANNED', 'REGISTRATION_OPEN', 'REGISTRATION_CLOSED']);
    const closedEvent = closed.stageHistory.at(-1)!;
    expect(new Date(closedEvent.at).getTime()).toBeGreaterThanOrEqual(closesAt.getTime());
  });

  expect((await env.currentTimeMs()) - startedAt).toBeGreaterThanOrEqual(closesAt.getTime() - startedAt);
});
