import { describe, expect, it } from 'vitest';
import { ApiError, withRetries } from './api';

const fast = { baseMs: 1, maxMs: 2 };

describe('withRetries', () => {
  it('sends the same request again while the answer is BUSY or UNAVAILABLE, then answers the result', async () => {
    const answers = [new ApiError('sibuk', 'BUSY', null), new ApiError('tidak menjawab', 'UNAVAILABLE', null)];
    const retries: number[] = [];
    let sent = 0;
    const result = await withRetries(
      async () => {
        sent += 1;
        const next = answers.shift();
        if (next) throw next;
        return 'diterima';
      },
      (attempt) => retries.push(attempt),
      fast,
    );
    expect(result).toBe('diterima');
    expect(sent).toBe(3);
    expect(retries).toEqual([1, 2]);
  });

  it('does not resend a refusal, and gives up after the last attempt', async () => {
    let sent = 0;
    const closed = new ApiError('Pendaftaran sudah ditutup', 'REGISTRATION_CLOSED', 'vacancyId');
    await expect(
      withRetries(
        async () => {
          sent += 1;
          throw closed;
        },
        () => undefined,
        fast,
      ),
    ).rejects.toBe(closed);
    expect(sent).toBe(1);

    sent = 0;
    await expect(
      withRetries(
        async () => {
          sent += 1;
          throw new ApiError('sibuk', 'BUSY', null);
        },
        () => undefined,
        { ...fast, attempts: 3 },
      ),
    ).rejects.toMatchObject({ code: 'BUSY' });
    expect(sent).toBe(3);
  });
});
