/**
 * Stored workflow histories for the replay test (workflows/src/open-selection/replay.test.ts).
 * `RECORD_HISTORIES=1` makes the integration suites write the histories of the workflows they
 * drive; commit them when the workflow changes on purpose, so later changes are checked against
 * selections that are already running.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = resolve(import.meta.dirname, '../../workflows/src/open-selection/histories');

export async function saveHistory(handle: WorkflowHandle, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const json = `{"workflowId":${JSON.stringify(handle.workflowId)},"history":${historyToJSON(history)}}\n`;
  writeFileSync(join(HISTORIES_DIR, `${name}.json.gz`), gzipSync(json));
}
