import { loadConfig, logEnv, mongoEnv, portVar, type Env } from '@seleksi/kit';
import { z } from 'zod';

export const candidateConfigSchema = z.object({
  ...mongoEnv,
  ...logEnv,
  CANDIDATE_PORT: portVar(4101),
  CANDIDATE_HOST: z.string().min(1).default('127.0.0.1'),
  CANDIDATE_DB: z.string().min(1).default('seleksi_candidate'),
});
export type CandidateConfig = z.output<typeof candidateConfigSchema>;

export function loadCandidateConfig(env: Env = process.env): CandidateConfig {
  return loadConfig(candidateConfigSchema, env);
}
