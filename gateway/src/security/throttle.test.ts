import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';
import { blockedUntil, secondsUntil, tooManyAttempts, waitText, type ThrottlePolicy } from './throttle';

const P: ThrottlePolicy = {
  accountFreeFailures: 5,
  accountLockFailures: 10,
  addressLockFailures: 50,
  windowSeconds: 900,
  lockoutSeconds: 900,
  backoffBaseSeconds: 1,
  backoffMaxSeconds: 300,
};
const now = new Date('2026-12-06T10:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

describe('blockedUntil', () => {
  it('lets the free failures pass, then doubles the wait per failure up to the cap', () => {
    const state = (failures: number) => ({ failures, windowStart: ago(60), lastFailureAt: now, lockedUntil: null });
    expect(blockedUntil('ACCOUNT', state(4), P, now)).toBeNull();
    const waits = [5, 6, 7, 8, 20].map((f) => secondsUntil(blockedUntil('ACCOUNT', state(f), P, now)!, now));
    expect(waits).toEqual([1, 2, 4, 8, 300]);
  });

  it('ends the wait once it has passed, and with the window', () => {
    expect(
      blockedUntil('ACCOUNT', { failures: 7, windowStart: ago(60), lastFailureAt: ago(5), lockedUntil: null }, P, now),
    ).toBeNull();
    expect(
      blockedUntil('ACCOUNT', { failures: 9, windowStart: ago(901), lastFailureAt: now, lockedUntil: null }, P, now),
    ).toBeNull();
  });

  it('holds a lockout until it ends, for accounts and addresses; an address has no backoff', () => {
    const lockedUntil = new Date(now.getTime() + 600_000);
    const s = { failures: 0, windowStart: now, lastFailureAt: null, lockedUntil };
    expect(blockedUntil('ACCOUNT', s, P, now)).toEqual(lockedUntil);
    expect(blockedUntil('ADDRESS', s, P, now)).toEqual(lockedUntil);
    expect(blockedUntil('ADDRESS', { ...s, failures: 49, lockedUntil: null, lastFailureAt: now }, P, now)).toBeNull();
  });
});

describe('TOO_MANY_ATTEMPTS', () => {
  it('says in Indonesian when to retry, and carries the seconds', () => {
    expect(waitText(30)).toBe('30 detik');
    expect(waitText(900)).toBe('15 menit');
    expect(waitText(3 * 3600)).toBe('3 jam');
    const e = tooManyAttempts(900);
    expect(e.message).toBe('Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam 15 menit.');
    expect(e.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 900 });
  });
});

describe('clientAddress', () => {
  const req = (remote: string, xff?: string) =>
    ({
      socket: { remoteAddress: remote },
      headers: xff ? { 'x-forwarded-for': xff } : {},
    }) as unknown as IncomingMessage;

  it('takes the socket peer unless proxies are trusted', () => {
    expect(clientAddress(req('::ffff:10.0.0.5', '1.2.3.4'), 0)).toBe('10.0.0.5');
    expect(clientAddress(req('10.0.0.5', 'spoof, 198.51.100.4'), 1)).toBe('198.51.100.4');
    expect(clientAddress(req('10.0.0.5', 'spoof, 198.51.100.4, 10.0.0.9'), 2)).toBe('198.51.100.4');
    expect(clientAddress(req('10.0.0.5'), 1)).toBe('10.0.0.5');
  });
});
