import { loadConfig, logEnv, mongoEnv, portVar, urlVar, type Env } from '@seleksi/kit';
import { z } from 'zod';

export const documentConfigSchema = z.object({
  ...mongoEnv,
  ...logEnv,
  DOCUMENT_PORT: portVar(4103),
  DOCUMENT_HOST: z.string().min(1).default('127.0.0.1'),
  DOCUMENT_DB: z.string().min(1).default('seleksi_document'),
  /** Public base URL of the portal; printed documents carry `${PORTAL_PUBLIC_URL}/verifikasi/<code>` as QR. */
  PORTAL_PUBLIC_URL: urlVar('http://localhost:4000'),
});
export type DocumentConfig = z.output<typeof documentConfigSchema>;

export function loadDocumentConfig(env: Env = process.env): DocumentConfig {
  return loadConfig(documentConfigSchema, env);
}
