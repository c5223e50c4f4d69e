/**
 * Small helpers shared by the talent modules (not exported from the package): Indonesian date text
 * without Intl, deep freezing of defaults, and number checks used by the validators.
 */

/** Talent documents print dates the Indonesian way; one formatter for the whole domain. */
export { formatLocalDateId as formatDateId } from '../date-format';

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export function intInRange(n: unknown, min: number, max: number): n is number {
  return isInt(n) && n >= min && n <= max;
}

export function isNonEmptyString(s: unknown): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/** `prefix` + `field`, or the prefix without its final dot when `field` is empty. */
export function fieldPath(prefix: string, field: string): string {
  return field ? `${prefix}${field}` : prefix.replace(/\.$/, '');
}
