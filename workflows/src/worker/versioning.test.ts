import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@seleksi/kit';
import { workerConfigSchema } from './config';
import { runRollout, type RolloutConfig } from './rollout';
import { buildIdOf, workerDeploymentOptions, workerReady } from './versioning';
import { bundleSeleksiWorkflows, WORKFLOWS_PATH } from './worker';

describe('worker versioning settings', () => {
  it('is on by default, off with WORKER_VERSIONING=0, and checks names', () => {
    expect(loadConfig(workerConfigSchema, {}).WORKER_VERSIONING).toBe(true);
    expect(loadConfig(workerConfigSchema, { WORKER_VERSIONING: '0' }).WORKER_VERSIONING).toBe(false);
    expect(loadConfig(workerConfigSchema, { WORKER_VERSIONING: 'false' }).WORKER_VERSIONING).toBe(false);
    expect(() => loadConfig(workerConfigSchema, { WORKER_VERSIONING: 'nanti' })).toThrow(ConfigError);
    // The server refuses `.` and `:` in deployment names (version-string delimiters) and reserves `__`.
    expect(() => loadConfig(workerConfigSchema, { WORKER_DEPLOYMENT_NAME: 'seleksi.jpt' })).toThrow(
      /WORKER_DEPLOYMENT_NAME/,
    );
    expect(() => loadConfig(workerConfigSchema, { WORKER_DEPLOYMENT_NAME: '__seleksi' })).toThrow(
      /WORKER_DEPLOYMENT_NAME/,
    );
    expect(() => loadConfig(workerConfigSchema, { WORKER_PROMOTE: 'sometimes' })).toThrow(/WORKER_PROMOTE/);
    expect(loadConfig(workerConfigSchema, { WORKER_BUILD_ID: '2026.12.1' }).WORKER_BUILD_ID).toBe('2026.12.1');
  });

  it('makes every workflow AUTO_UPGRADE', () => {
    expect(workerDeploymentOptions({ deploymentName: 'd', buildId: 'b' })).toEqual({
      version: { deploymentName: 'd', buildId: 'b' },
      useWorkerVersioning: true,
      defaultVersioningBehavior: 'AUTO_UPGRADE',
    });
  });

  it('derives the build id from the workflow code only', () => {
    expect(buildIdOf('a')).toMatch(/^wf-[0-9a-f]{12}$/);
    expect(buildIdOf('a')).toBe(buildIdOf('a'));
    expect(buildIdOf('a')).not.toBe(buildIdOf('b'));
  });

  it('bundles without paths of this checkout, so every host gets the same build id', async () => {
    const silent = () => undefined;
    const { code } = await bundleSeleksiWorkflows({
      trace: silent,
      debug: silent,
      info: silent,
      warn: silent,
      error: silent,
      log: silent,
    });
    const root = WORKFLOWS_PATH.slice(0, WORKFLOWS_PATH.indexOf('/workflows/src/'));
    expect(code.includes(root)).toBe(false);
  });
});

describe('worker readiness (/readyz)', () => {
  const routing = (current: string | null, ramping: string | null = null) => ({
    current,
    ramping: ramping ? { buildId: ramping, percentage: 0 } : null,
  });
  it('without versioning: ready exactly while polling', () => {
    expect(workerReady(true, undefined, undefined)).toBe(true);
    expect(workerReady(false, undefined, undefined)).toBe(false);
  });
  it('with versioning: ready only while its build is current or ramping', () => {
    expect(workerReady(true, 'wf-b', routing('wf-b'))).toBe(true);
    expect(workerReady(true, 'wf-b', routing('wf-a', 'wf-b'))).toBe(true);
    // Started by a rolling update, not promoted (WORKER_PROMOTE=first with a current version): not ready.
    expect(workerReady(true, 'wf-b', routing('wf-a'))).toBe(false);
    expect(workerReady(true, 'wf-b', routing(null))).toBe(false);
    // The old build once the operator made the new one current: no longer ready.
    expect(workerReady(true, 'wf-a', routing('wf-b'))).toBe(false);
    // Routing not read yet, deployment unknown, or not polling.
    expect(workerReady(true, 'wf-b', undefined)).toBe(false);
    expect(workerReady(true, 'wf-b', null)).toBe(false);
    expect(workerReady(false, 'wf-b', routing('wf-b'))).toBe(false);
  });
});

describe('worker:rollout usage', () => {
  const config: RolloutConfig = {
    // Nothing listens there: bad usage is answered before any connection.
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'seleksi-jpt',
    WORKER_DEPLOYMENT_NAME: undefined,
  };
  it.each([
    [['--ramp', '5'], /--ramp needs --build-id/],
    [['--build-id', 'x', '--ramp', '150'], /from 0 to 100/],
    [['--build-id', 'x', '--wait', 'lama'], /--wait must be/],
    [['--paksa'], /Unknown option/],
  ])('%j → exit 2', async (args, message) => {
    const out: string[] = [];
    expect(await runRollout(args, config, (l) => out.push(l))).toBe(2);
    expect(out.join('\n')).toMatch(message);
  });
});
