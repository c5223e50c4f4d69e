import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '@seleksi/kit';
import type { TalentFillingViewDto } from '@seleksi/domain';
import { createTalentPoolActivities, type TalentPoolPorts } from './activities';

/** The activities with a candidate service whose read-model write answers `failure`. */
function withFailingWrite(failure: ServiceError) {
  const ports = {
    candidate: {
      putTalentFilling: () => Promise.reject(failure),
    },
  } as unknown as TalentPoolPorts;
  return createTalentPoolActivities(ports);
}

const view = { id: 'TAL-X-2026-1', seq: 3 } as TalentFillingViewDto;

describe('projectTalentFilling', () => {
  it('drops a refused write (4xx: e.g. an older service during a rollout) instead of failing the filling', async () => {
    const acts = withFailingWrite(new ServiceError('candidate', 'NOT_FOUND', 'No route for PUT', 404));
    await expect(new MockActivityEnvironment().run(acts.projectTalentFilling, view)).resolves.toBeUndefined();
  });

  it('leaves an unreachable or failing service to the retry policy', async () => {
    const acts = withFailingWrite(new ServiceError('candidate', 'UNAVAILABLE', 'candidate unreachable', 0));
    await expect(new MockActivityEnvironment().run(acts.projectTalentFilling, view)).rejects.toBeInstanceOf(
      ServiceError,
    );
  });
});
