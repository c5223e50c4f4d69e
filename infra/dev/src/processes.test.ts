import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESTART_POLICY,
  restartDelayMs,
  spawnLogged,
  supervise,
  waitUntil,
  type UnexpectedExit,
} from './processes';

describe('restartDelayMs', () => {
  const policy = { initialDelayMs: 500, factor: 2, maxDelayMs: 30_000, resetAfterMs: 60_000 };
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [6, 16_000],
    [7, 30_000],
    [50, 30_000],
    [0, 500],
  ])('crash %i waits %i ms', (crashes, ms) => {
    expect(restartDelayMs(crashes, policy)).toBe(ms);
  });
  it('has a default policy with a cap', () => {
    expect(restartDelayMs(100)).toBe(DEFAULT_RESTART_POLICY.maxDelayMs);
  });
});

describe('supervise', () => {
  it('restarts a killed child with growing delays, writes its pid, and stays down after stop()', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supervise-'));
    const pidFile = join(dir, 'run', 'sleeper.pid');
    const exits: UnexpectedExit[] = [];
    const sup = supervise({
      name: 'sleeper',
      spawn: (restart) =>
        spawnLogged({
          name: 'sleeper',
          command: 'sleep',
          args: ['60'],
          logFile: join(dir, 'sleeper.log'),
          append: restart > 0,
        }),
      policy: { initialDelayMs: 50, factor: 4, maxDelayMs: 400, resetAfterMs: 60_000 },
      pidFile,
      onExit: (e) => exits.push(e),
    });
    try {
      for (let i = 1; i <= 3; i++) {
        const before = sup.current;
        expect(Number(readFileSync(pidFile, 'utf8'))).toBe(before.child.pid);
        process.kill(before.child.pid!, 'SIGKILL');
        await waitUntil(async () => sup.restarts === i && sup.current !== before, {
          what: `restart ${i}`,
          timeoutMs: 20_000,
          intervalMs: 20,
        });
      }
      expect(exits.map((e) => [e.signal, e.crashes, e.restart, e.delayMs])).toEqual([
        ['SIGKILL', 1, 1, 50],
        ['SIGKILL', 2, 2, 200],
        ['SIGKILL', 3, 3, 400],
      ]);
      const last = sup.current;
      expect(last.exitInfo).toBeUndefined();
      await sup.stop(5_000);
      expect(last.exitInfo?.signal).toBe('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      expect(sup.current).toBe(last);
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      await sup.stop(1_000);
    }
  });
});
