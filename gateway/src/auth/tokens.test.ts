import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenService } from './tokens';

const SECRET = 'a-test-secret-of-at-least-thirty-two-chars';

describe('TokenService', () => {
  afterEach(() => vi.useRealTimers());

  it('verifies its own tokens, again from memory, and refuses altered or foreign ones', async () => {
    const tokens = new TokenService(SECRET);
    const token = await tokens.sign('usr-1', 'ses-1', new Date(Date.now() + 3_600_000));
    expect(await tokens.verify(token)).toEqual({ userId: 'usr-1', sessionId: 'ses-1' });
    expect(await tokens.verify(token)).toEqual({ userId: 'usr-1', sessionId: 'ses-1' });

    const [header, payload, signature] = token.split('.');
    const forged = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const other = Buffer.from(JSON.stringify({ ...forged, sub: 'usr-admin' })).toString('base64url');
    expect(await tokens.verify(`${header}.${other}.${signature}`)).toBeNull();
    const flipped = signature!.slice(0, -2) + (signature!.endsWith('AA') ? 'BB' : 'AA');
    expect(await tokens.verify(`${header}.${payload}.${flipped}`)).toBeNull();

    const foreign = await new TokenService(`${SECRET}-other`).sign('usr-1', 'ses-1', new Date(Date.now() + 60_000));
    expect(await tokens.verify(foreign)).toBeNull();
  });

  it('checks no signature for a token it signed itself; a token signed elsewhere is checked once', async () => {
    const check = vi.spyOn(crypto.subtle, 'verify');
    try {
      const tokens = new TokenService(SECRET);
      const own = await tokens.sign('usr-1', 'ses-1', new Date(Date.now() + 3_600_000));
      expect(await tokens.verify(own)).toEqual({ userId: 'usr-1', sessionId: 'ses-1' });
      expect(check).not.toHaveBeenCalled();
      // Another gateway's token (same secret): its signature is checked the first time only.
      const elsewhere = await new TokenService(SECRET).sign('usr-2', 'ses-2', new Date(Date.now() + 3_600_000));
      expect(await tokens.verify(elsewhere)).toEqual({ userId: 'usr-2', sessionId: 'ses-2' });
      expect(await tokens.verify(elsewhere)).toEqual({ userId: 'usr-2', sessionId: 'ses-2' });
      expect(check).toHaveBeenCalledTimes(1);
    } finally {
      check.mockRestore();
    }
  });

  it('stops accepting a remembered token when it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = new TokenService(SECRET);
    const token = await tokens.sign('usr-1', 'ses-1', new Date(Date.now() + 120_000));
    expect(await tokens.verify(token)).not.toBeNull();
    vi.setSystemTime(Date.now() + 119_000);
    expect(await tokens.verify(token)).not.toBeNull();
    vi.setSystemTime(Date.now() + 2_000);
    expect(await tokens.verify(token)).toBeNull();
    // Not verified afresh either (jose refuses it as expired).
    expect(await new TokenService(SECRET).verify(token)).toBeNull();
  });
});
