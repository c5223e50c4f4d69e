import { loadConfig, logEnv, mongoEnv, portVar, serviceTrustEnv, type Env } from '@seleksi/kit';
import { z } from 'zod';

export const assessmentConfigSchema = z.object({
  ...mongoEnv,
  ...logEnv,
  ...serviceTrustEnv,
  ASSESSMENT_PORT: portVar(4102),
  ASSESSMENT_HOST: z.string().min(1).default('127.0.0.1'),
  ASSESSMENT_DB: z.string().min(1).default('seleksi_assessment'),
});
export type AssessmentConfig = z.output<typeof assessmentConfigSchema>;

export function loadAssessmentConfig(env: Env = process.env): AssessmentConfig {
  return loadConfig(assessmentConfigSchema, env);
}
