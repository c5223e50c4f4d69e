/**
 * Replays stored histories of open selections against the current workflow code: a change that
 * would break a running selection (a new command where history has another, a removed timer…)
 * fails here. Histories are recorded by the integration suites with RECORD_HISTORIES=1.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Worker } from '@temporalio/worker';
import { bundleSeleksiWorkflows } from '../worker/worker';

const DIR = join(import.meta.dirname, 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json.gz'));

let bundle: { code: string };
beforeAll(async () => {
  // As the workers bundle it (the OpenTelemetry interceptors included): stored histories replay with them.
  bundle = await bundleSeleksiWorkflows({
    warn() {},
    info() {},
    debug() {},
    error: console.error,
    trace() {},
    log() {},
  });
}, 120_000);

describe('replay of stored open-selection histories', () => {
  it('has stored histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s replays deterministically', async (file) => {
    const { workflowId, history } = JSON.parse(gunzipSync(readFileSync(join(DIR, file))).toString('utf8')) as {
      workflowId: string;
      history: unknown;
    };
    // Throws DeterminismViolationError (or ReplayError) when the code no longer matches the history.
    await Worker.runReplayHistory(
      { workflowBundle: bundle },
      history as Parameters<typeof Worker.runReplayHistory>[1],
      workflowId,
    );
  });
});
