import type { CandidateModels } from '../models';
import { createAgencyRepository } from './agencies';
import { createApplicationRepository } from './applications';
import { createProfileRepository } from './profiles';
import { createSelectionRepository } from './selections';

export function createCandidateRepositories(models: CandidateModels) {
  const applications = createApplicationRepository(models);
  return {
    agencies: createAgencyRepository(models),
    profiles: createProfileRepository(models),
    applications,
    selections: createSelectionRepository(models, applications),
  };
}
export type CandidateRepositories = ReturnType<typeof createCandidateRepositories>;
