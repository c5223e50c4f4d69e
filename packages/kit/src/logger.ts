import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** Keys whose values are personal data (or secrets) wherever they appear in a log object. */
export const PERSONAL_DATA_KEYS = ['nip', 'nik', 'name', 'birthDate', 'password', 'email', 'phone'] as const;

const HEADER_PATHS = ['authorization', 'cookie', '["set-cookie"]', '["x-api-key"]'].flatMap((h) => [
  `headers.${h}`,
  `req.headers.${h}`,
  `res.headers.${h}`,
]);

/** fast-redact has no recursive wildcard, so cover the first three levels explicitly. */
export const REDACT_PATHS = [
  ...PERSONAL_DATA_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`]),
  ...HEADER_PATHS,
];

// NIP has 18 digits, NIK 16: mask any long digit run that slips into a message, URL or error text.
const LONG_DIGITS = /\d{16,}/g;

/** Masks identifiers that look like NIP/NIK in free text (messages, URLs, error texts). */
export function scrubText(text: string): string {
  return text.replace(LONG_DIGITS, '[REDACTED]');
}

function errSerializer(err: unknown): unknown {
  const s = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (!s || typeof s !== 'object') return s;
  const out: Record<string, unknown> = { type: s.type, message: scrubText(String(s.message ?? '')) };
  if (typeof s.stack === 'string') out.stack = scrubText(s.stack);
  if ('code' in s) out.code = s.code;
  // Duplicate-key errors from MongoDB carry the offending values (`keyValue`); never log them.
  return out;
}

/**
 * JSON logger for a service or process. The logger's name goes under `service` (pino's `name`
 * key would collide with the personal-data key `name`, which is redacted).
 */
export function createLogger(name: string, level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: name, pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: { err: errSerializer, error: errSerializer },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
