import { describe, expect, it } from 'vitest';
import type { ReadModelChangeDto } from '@seleksi/domain';
import type { Page } from '@seleksi/kit';
import { ChangePump } from './change-pump';

const silent = { warn: () => undefined, debug: () => undefined };

function statusChange(id: string, applicationId: string, recordedAt: Date, status = 'SUBMITTED'): ReadModelChangeDto {
  return {
    kind: 'APPLICATION_STATUS',
    id,
    recordedAt: recordedAt.toISOString(),
    applicationId,
    status: status as 'SUBMITTED',
    reasonCode: 'APPLICATION_SUBMITTED',
    at: recordedAt.toISOString(),
    expectedNextAt: null,
  };
}

/** A change feed over an in-memory list, paged like the service (recordedAt ≥ since, then cursor = index). */
function feed(changes: ReadModelChangeDto[]) {
  const calls: { since: string; after?: string | null }[] = [];
  return {
    calls,
    listChanges: async (q: {
      since: string;
      after?: string | null;
      limit?: number;
    }): Promise<Page<ReadModelChangeDto>> => {
      calls.push({ since: q.since, after: q.after });
      const all = changes
        .filter((c) => c.recordedAt >= q.since)
        .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
      const start = q.after ? Number(q.after) : 0;
      const page = all.slice(start, start + (q.limit ?? 500));
      return { items: page, nextCursor: start + page.length < all.length ? String(start + page.length) : null };
    },
  };
}

describe('ChangePump', () => {
  it('publishes each change once, across pages and re-reads, to the subscribers of its topic', async () => {
    const now = Date.now();
    const changes = [
      statusChange('T:1', 'app-1', new Date(now + 10)),
      statusChange('T:2', 'app-2', new Date(now + 10)),
      statusChange('T:3', 'app-1', new Date(now + 20), 'WITHDRAWN'),
    ];
    const candidate = feed(changes);
    const pump = new ChangePump({ candidate, logger: silent, intervalMs: 60_000, pageSize: 2 });
    const it1 = pump.subscribe('applicationStatus', 'app-1');
    const first = it1.next();
    await new Promise((r) => setTimeout(r, 20));
    expect(pump.active).toBe(true);
    expect((await first).value).toMatchObject({ applicationId: 'app-1', status: 'SUBMITTED' });
    expect((await it1.next()).value).toMatchObject({ applicationId: 'app-1', status: 'WITHDRAWN' });
    // Paged (page size 2), and a second poll of the same window publishes nothing again.
    expect(candidate.calls.length).toBeGreaterThanOrEqual(2);
    expect(await pump.poll()).toBe(0);

    // A late commit (recorded earlier than the newest change seen) is still picked up by the re-read.
    changes.push(statusChange('T:0', 'app-1', new Date(now + 5), 'AWAITING_SCREENING'));
    expect(await pump.poll()).toBe(1);
    expect((await it1.next()).value).toMatchObject({ status: 'AWAITING_SCREENING' });

    // The consumer leaves while waiting: the pump stops at once (no event needed to notice).
    const pending = it1.next();
    await it1.return?.(undefined);
    expect((await pending).done).toBe(true);
    expect(pump.active).toBe(false);
  });

  it('skips changes recorded well before the subscription', async () => {
    const now = Date.now();
    const candidate = feed([
      statusChange('T:old', 'app-9', new Date(now - 4000)),
      statusChange('T:new', 'app-9', new Date(now + 5), 'WITHDRAWN'),
    ]);
    const pump = new ChangePump({ candidate, logger: silent, intervalMs: 60_000 });
    const it = pump.subscribe('applicationStatus', 'app-9', now, 1000);
    expect((await it.next()).value).toMatchObject({ status: 'WITHDRAWN' });
    await it.return?.(undefined);
    expect(pump.active).toBe(false);
  });
});
