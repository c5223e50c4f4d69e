import { z } from 'zod';

/** Thrown by `loadConfig`: the message lists every invalid variable, one a line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/**
 * Validates environment variables against a zod object schema. Empty strings count as unset so
 * `FOO= cmd` falls back to the default instead of failing.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Env = process.env): z.output<S> {
  const cleaned: Env = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') cleaned[key] = value;
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`),
  );
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A TCP port (0 = any free port). */
export function portVar(defaultPort: number) {
  return z.coerce.number().int().min(0).max(65535).default(defaultPort);
}

/** An http(s) base URL without a trailing slash. */
export function urlVar(defaultUrl: string) {
  return z
    .url({ protocol: /^https?$/ })
    .default(defaultUrl)
    .transform((u) => u.replace(/\/+$/, ''));
}

export const mongoEnv = {
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// URI')
    .default('mongodb://127.0.0.1:27018'),
};

export const logEnv = {
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
};

export const serviceUrlsEnv = {
  CANDIDATE_SERVICE_URL: urlVar('http://127.0.0.1:4101'),
  ASSESSMENT_SERVICE_URL: urlVar('http://127.0.0.1:4102'),
  DOCUMENT_SERVICE_URL: urlVar('http://127.0.0.1:4103'),
};

export const serviceUrlsSchema = z.object(serviceUrlsEnv);
export type ServiceUrls = z.output<typeof serviceUrlsSchema>;
