import { loadConfig, logEnv, mongoEnv, portVar, serviceTrustEnv, type Env } from '@seleksi/kit';
import { DEFAULT_ELECTION_WINDOW_SPAN, PPK_CHOICE_ESCALATION_WORKING_DAYS } from '@seleksi/domain';
import { z } from 'zod';

export const candidateConfigSchema = z.object({
  ...mongoEnv,
  ...logEnv,
  ...serviceTrustEnv,
  CANDIDATE_PORT: portVar(4101),
  CANDIDATE_HOST: z.string().min(1).default('127.0.0.1'),
  CANDIDATE_DB: z.string().min(1).default('seleksi_candidate'),
  /**
   * Working days after the PPK was asked to choose 1 of 3 before the secretariat and the agency
   * administrator are told the choice is overdue. No regulation sets it (the rules give the PPK's choice
   * no deadline): an agency's own service standard, so a setting.
   */
  PPK_CHOICE_ESCALATION_WORKING_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(60)
    .default(PPK_CHOICE_ESCALATION_WORKING_DAYS),
  /**
   * Months of the pilkada windows (UU 10/2016 Pasal 71(2), 162(3): six, both): before the candidate pairs
   * are determined, and after the new head's inauguration. A setting, so an amended statute needs no release.
   */
  ELECTION_WINDOW_MONTHS_BEFORE: z.coerce
    .number()
    .int()
    .min(0)
    .max(36)
    .default(DEFAULT_ELECTION_WINDOW_SPAN.monthsBefore),
  ELECTION_WINDOW_MONTHS_AFTER: z.coerce
    .number()
    .int()
    .min(0)
    .max(36)
    .default(DEFAULT_ELECTION_WINDOW_SPAN.monthsAfter),
});
export type CandidateConfig = z.output<typeof candidateConfigSchema>;

export function loadCandidateConfig(env: Env = process.env): CandidateConfig {
  return loadConfig(candidateConfigSchema, env);
}
