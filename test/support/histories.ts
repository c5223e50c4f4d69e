/**
 * Stored workflow histories for the replay test (workflows/src/open-selection/replay.test.ts).
 * `RECORD_HISTORIES=1` makes the integration suites write the histories of the workflows they
 * drive — every run of a continue-as-new chain, each replayable on its own; commit them when the
 * workflow changes on purpose, so later changes are checked against selections already running.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { Payload } from '@temporalio/common';
import { isEncryptedPayload, seleksiDataConverter } from '@seleksi/workflows';

export const HISTORIES_DIR = resolve(import.meta.dirname, '../../workflows/src/open-selection/histories');

export interface RunSize {
  runId: string;
  events: number;
  bytes: number;
}

/** Every run of the workflow's continue-as-new chain, oldest first, with its history length and size. */
export async function runsOf(handle: WorkflowHandle): Promise<RunSize[]> {
  const runs: { runId: string; start: number; events: number; bytes: number }[] = [];
  for await (const wf of handle.client.list({ query: `WorkflowId = '${handle.workflowId}'` })) {
    // Visibility fills history length and size in only when a run closes: describe each run.
    const d = await handle.client.getHandle(handle.workflowId, wf.runId).describe();
    runs.push({ runId: wf.runId, start: d.startTime.getTime(), events: d.historyLength, bytes: d.historySize ?? 0 });
  }
  return runs.sort((a, b) => a.start - b.start).map(({ runId, events, bytes }) => ({ runId, events, bytes }));
}

export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  // The time-skipping server has no visibility (no list): there, the latest run only.
  const runs: { runId?: string }[] = await runsOf(handle).catch(() => [{}]);
  for (const [i, run] of runs.entries()) {
    const history = await decryptPayloads(await handle.client.getHandle(handle.workflowId, run.runId).fetchHistory());
    const json = `{"workflowId":${JSON.stringify(handle.workflowId)},"history":${historyToJSON(history)}}\n`;
    const file = runs.length === 1 ? `${name}.json.gz` : `${name}.run-${String(i + 1).padStart(2, '0')}.json.gz`;
    writeFileSync(join(HISTORIES_DIR, file), gzipSync(json));
  }
}

/**
 * The history with every encrypted payload decrypted: stored histories replay without this process's
 * (never committed) payload keys; their data is the suites' test data.
 */
export async function decryptPayloads<T>(history: T): Promise<T> {
  const codec = seleksiDataConverter().payloadCodecs![0]!;
  const visit = async (node: unknown): Promise<void> => {
    if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (value && typeof value === 'object' && 'metadata' in value && isEncryptedPayload(value as Payload)) {
        (node as Record<string, unknown>)[key] = (await codec.decode([value as Payload]))[0];
      } else await visit(value);
    }
  };
  await visit(history);
  return history;
}
