/**
 * One field per name of a list, all made alike: for an output type and its input (or a zod object) that
 * carry the same names, so the names are written once.
 */

/** `{ [key]: make() }` for every key, e.g. `fieldPerKey(SCORE_COMPONENTS, () => t.int())`. */
export function fieldPerKey<K extends string, F>(keys: readonly K[], make: () => F): Record<K, F> {
  return Object.fromEntries(keys.map((k) => [k, make()])) as Record<K, F>;
}
