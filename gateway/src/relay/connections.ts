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

/** `first` and `after` of a list the store pages itself, in id order (cursor = the last id seen). */
export function keysetPage(args: { first?: number | null; after?: string | null }) {
  return { first: Math.min(Math.max(args.first ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE), after: args.after ?? null };
}

/** The connection of one such page: each node's cursor is its id. */
export function keysetConnection<T extends { id: string }>(
  r: { items: T[]; hasNext: boolean; totalCount: number },
  after: string | null,
) {
  const edges = r.items.map((node) => ({ cursor: node.id, node }));
  return {
    edges,
    totalCount: r.totalCount,
    pageInfo: {
      hasNextPage: r.hasNext,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The connection of one page a service paged itself with an opaque cursor (`nextCursor`, null on the last page):
 * each node's cursor is `cursorOf(node)`, the page's end the service's own cursor.
 */
export function servicePageConnection<T>(
  page: { items: T[]; nextCursor: string | null },
  after: string | null | undefined,
  cursorOf: (node: T) => string,
) {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.nextCursor !== null,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: page.nextCursor ?? edges.at(-1)?.cursor ?? null,
    },
  };
}
