/** Cursor connections over lists the services return whole (small, per user or per agency). */
import { resolveArrayConnection } from '@pothos/plugin-relay';

/** Page size when `first` is omitted, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** One page of an in-memory list with opaque offset cursors, plus `totalCount`. */
export function arrayConnection<T>(args: ConnectionArgs, list: readonly T[]) {
  return resolveArrayConnection({ args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE }, list);
}
