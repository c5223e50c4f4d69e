/**
 * Checks that an audit record's payload can be stored as-is on MongoDB and FerretDB v1 and carries
 * no obvious personal data. Pure.
 */

/** Keys that name personal data (kit's logger redacts the same ones). */
const PERSONAL_KEYS = new Set(['nip', 'nik', 'birthdate', 'email', 'phone', 'password']);
// NIP has 18 digits, NIK 16: a long digit run in a value is treated as one.
const LONG_DIGITS = /\d{16,}/;
const MAX_DEPTH = 8;

/** Path and reason of the first problem in `payload`, or null when it can be stored. */
export function payloadIssue(payload: unknown): { field: string; message: string } | null {
  return check(payload, 'payload', 0, false);
}

function check(
  value: unknown,
  path: string,
  depth: number,
  inArray: boolean,
): { field: string; message: string } | null {
  if (depth > MAX_DEPTH) return { field: path, message: `nested deeper than ${MAX_DEPTH} levels` };
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { field: path, message: 'numbers must be finite' };
    return LONG_DIGITS.test(String(value)) ? { field: path, message: 'looks like a NIP/NIK (personal data)' } : null;
  }
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return { field: path, message: 'strings must not contain NUL' };
    return LONG_DIGITS.test(value) ? { field: path, message: 'looks like a NIP/NIK (personal data)' } : null;
  }
  if (Array.isArray(value)) {
    // FerretDB v1 cannot store arrays of arrays.
    if (inArray) return { field: path, message: 'arrays must not be nested directly in arrays' };
    for (const [i, item] of value.entries()) {
      const issue = check(item, `${path}.${i}`, depth + 1, true);
      if (issue) return issue;
    }
    return null;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${path}.${key}`;
      if (!key || key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
        return { field: at, message: 'keys must be non-empty and contain no "." or leading "$"' };
      }
      if (PERSONAL_KEYS.has(key.toLowerCase())) return { field: at, message: 'personal data must not be recorded' };
      const issue = check(item, at, depth + 1, false);
      if (issue) return issue;
    }
    return null;
  }
  return { field: path, message: `unsupported value of type ${typeof value}` };
}
