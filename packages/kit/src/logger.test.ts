import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, scrubText } from './logger';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
  return { lines, logger: createLogger('candidate', 'info', stream) };
}

const NIP = '197103121997032004';

describe('createLogger', () => {
  it('names the service and redacts personal data at any of the first levels', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        nip: NIP,
        name: 'Sri Wahyuni',
        profile: { name: 'Sri', birthDate: '1971-03-12' },
        req: { headers: { authorization: 'Bearer t' } },
      },
      'saved',
    );
    const out = lines.join('');
    expect(JSON.parse(out)).toMatchObject({ service: 'candidate', msg: 'saved' });
    for (const secret of [NIP, 'Sri', '1971-03-12', 'Bearer']) expect(out).not.toContain(secret);
  });

  it('scrubs NIP-like digit runs from messages and errors', () => {
    const { lines, logger } = capture();
    logger.info(`lookup ${NIP}`);
    logger.error({ err: new Error(`E11000 dup key: { nip: "${NIP}" }`) }, 'failed');
    expect(lines.join('')).not.toContain(NIP);
    expect(lines.join('')).toContain('[REDACTED]');
  });
});

describe('scrubText', () => {
  it('masks 16+ digit runs only', () => {
    expect(scrubText(`/profiles/by-nip/${NIP}?x=1`)).toBe('/profiles/by-nip/[REDACTED]?x=1');
    expect(scrubText('/selections/2026-01?limit=20')).toBe('/selections/2026-01?limit=20');
  });
});
