/**
 * The operators' view in the Temporal UI (issue 17), on the real stack (Temporal dev server, FerretDB,
 * services, worker, gateway): a round is started with a summary and details saying which agency, round and
 * post; while it waits on a person it carries WaitingFor/WaitingSince, so the README's visibility query
 * finds it; its current details say whom it waits for; its timers and Updates are named and described.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { localDateOf } from '@seleksi/domain';
import { decodeOptionalSinglePayload, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { HANDLER_DESCRIPTIONS, seleksiDataConverter, WaitingForKey, WaitingSinceKey } from '@seleksi/workflows';
import { saveHistory } from './support/histories';
import { eventually, startStack, type Stack } from './support/stack';
import { testAgency, testPansel } from './support/fixtures';
import { must, SelectionDriver, testUser } from './support/selection-driver';

const AGENCY = testAgency('OPSVIEW');
const PASSWORD = 'rahasia-uji-123';
const SECRETARY = 'ops-sec';
const OVERSEER = 'ops-overseer';
const PANSEL = testPansel('ops');
const USERS = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
];

interface WorkflowMetadata {
  currentDetails?: string | null;
  definition?: { updateDefinitions?: { name?: string | null; description?: string | null }[] | null } | null;
}

let stack: Stack;
let d: SelectionDriver;
let selectionId: string;
let handle: WorkflowHandle;

beforeAll(async () => {
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'opsview',
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  const created = must(
    await d.createSelection(SECRETARY, {
      title: 'Seleksi Terbuka Kepala Dinas Pemantauan Operator',
      announcementDate: localDateOf(new Date(), AGENCY.timeZone),
      vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Pemantauan', unit: 'Dinas Pemantauan' }],
    }),
  ).createSelection;
  selectionId = created.id;
  handle = stack.client.workflow.getHandle(created.workflowId);
});

afterAll(async () => {
  await stack?.close();
});

/** The workflow ids a visibility query finds (the list is eventually consistent). */
async function found(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const w of stack.client.workflow.list({ query })) ids.push(w.workflowId);
  return ids;
}

const metadata = () => handle.query<WorkflowMetadata>('__temporal_workflow_metadata');

describe('the Temporal UI of an open selection', () => {
  it('starts with a summary and details naming the agency, the round and the post (no raw input)', async () => {
    const described = await handle.describe();
    const summary = await described.staticSummary();
    const details = await described.staticDetails();
    expect(summary).toContain(AGENCY.code);
    expect(summary).toContain(selectionId);
    expect(summary).toContain('Kepala Dinas Pemantauan');
    expect(details).toContain(AGENCY.name);
    expect(details).toContain('JPT Pratama');
  });

  it('a planned round waits on the secretariat: WaitingFor and the current details say so', async () => {
    const described = await eventually(async () => {
      const x = await handle.describe();
      return x.typedSearchAttributes.get(WaitingForKey) === 'PANSEL_SECRETARY' ? x : null;
    });
    expect(described.typedSearchAttributes.get(WaitingSinceKey)).toBeInstanceOf(Date);
    const m = await eventually(async () => {
      const x = await metadata();
      return x.currentDetails?.includes('sekretariat panitia seleksi') ? x : null;
    });
    expect(m.currentDetails).toContain('perencanaan');
  });

  it('waiting on the overseer, it is found by `WaitingFor = … AND WaitingSince < …` and not before it waited', async () => {
    const submittedAt = new Date();
    must(await d.setPansel(SECRETARY, selectionId, PANSEL, '800/321/BKD'));
    must(await d.submitPlan(SECRETARY, selectionId));
    await d.waitForStage(SECRETARY, selectionId, 'PLAN_APPROVAL');

    const since = await eventually(async () => {
      const x = (await handle.describe()).typedSearchAttributes;
      return x.get(WaitingForKey) === 'OVERSEER' ? x.get(WaitingSinceKey) : null;
    });
    expect(since!.getTime()).toBeGreaterThanOrEqual(submittedAt.getTime() - 1_000);

    // "Rounds waiting on the overseer since before <instant>": a cut-off after the wait began finds it…
    const cutOff = new Date(since!.getTime() + 1_000).toISOString();
    const stuck = `AgencyCode = '${AGENCY.code}' AND WaitingFor = 'OVERSEER' AND WaitingSince < '${cutOff}'`;
    expect(await eventually(async () => ((await found(stuck)).includes(handle.workflowId) ? true : null))).toBe(true);
    // …one before it does not, nor does another role.
    const early = new Date(since!.getTime() - 60_000).toISOString();
    expect(
      await found(`AgencyCode = '${AGENCY.code}' AND WaitingFor = 'OVERSEER' AND WaitingSince < '${early}'`),
    ).toEqual([]);
    expect(await found(`AgencyCode = '${AGENCY.code}' AND WaitingFor = 'PPK'`)).toEqual([]);

    const m = await eventually(async () => {
      const x = await metadata();
      return x.currentDetails?.includes('lembaga pengawas') ? x : null;
    });
    expect(m.currentDetails).toContain('Batas waktu');
  });

  it('names its deadline timer and describes every Update', async () => {
    const dc = loadDataConverter(seleksiDataConverter());
    const summaries = await eventually(async () => {
      const { events } = await handle.fetchHistory();
      const out: string[] = [];
      for (const e of events ?? []) {
        if (!e.timerStartedEventAttributes) continue;
        const s = await decodeOptionalSinglePayload(dc, e.userMetadata?.summary);
        if (typeof s === 'string') out.push(s);
      }
      return out.length > 0 ? out : null;
    });
    expect(summaries.some((s) => s.includes('keputusan lembaga pengawas'))).toBe(true);

    const updates = (await metadata()).definition?.updateDefinitions ?? [];
    expect(updates.length).toBeGreaterThanOrEqual(19);
    for (const u of updates) expect(u.description, u.name ?? '').toBe(HANDLER_DESCRIPTIONS[u.name ?? '']);
  });

  it('the wait ends with the decision: WaitingFor is cleared once registration opens', async () => {
    must(
      await d.overseerDecision(OVERSEER, selectionId, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Rencana seleksi sesuai ketentuan peraturan perundang-undangan',
        reference: 'B-4321/KASN/12/2026',
      }),
    );
    await d.waitForStage(SECRETARY, selectionId, 'REGISTRATION_OPEN');
    const attrs = await eventually(async () => {
      const x = (await handle.describe()).typedSearchAttributes;
      return x.get(WaitingForKey) === undefined ? x : null;
    });
    expect(attrs.get(WaitingSinceKey)).toBeUndefined();
    // A history of the new shape (the WaitingFor/WaitingSince upserts, named timers) for the replay test.
    await saveHistory(handle, 'operator-view-waiting');
  });
});
