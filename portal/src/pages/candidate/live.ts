/**
 * Live updates over GraphQL-over-SSE (graphql-sse, distinct connections mode) with the session token
 * in the Authorization header. A page subscribes while it is mounted and reloads its data on each event.
 */
import { createClient, type Client } from 'graphql-sse';
import { useEffect, useRef, useState } from 'react';
import { operationText, storedToken, type Operation } from '../../api';

let client: Client | null = null;

function sseClient(): Client {
  client ??= createClient({
    url: '/graphql',
    headers: (): Record<string, string> => {
      const token = storedToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: 5,
  });
  return client;
}

export type LiveState = 'connecting' | 'live' | 'closed';

/**
 * Subscribes to `query` with `variables` (skipped when `skip`); calls `onEvent` with each payload's data.
 * Returns the connection state for a short status line.
 */
export function useSubscription<T>(
  query: Operation,
  variables: Record<string, unknown>,
  onEvent: (data: T) => void,
  skip = false,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    setState('connecting');
    let active = true;
    const unsubscribe = sseClient().subscribe<T>(
      { query: operationText(query), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (result) => {
          if (!active) return;
          setState('live');
          if (result.data) handler.current(result.data as T);
        },
        error: () => active && setState('closed'),
        complete: () => active && setState('closed'),
      },
    );
    // The server sends nothing until an event happens; an open stream counts as live.
    const timer = window.setTimeout(() => active && setState((s) => (s === 'connecting' ? 'live' : s)), 1500);
    return () => {
      active = false;
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [query, key, skip]);
  return state;
}

export const LIVE_TEXT: Record<LiveState, string> = {
  connecting: 'Menghubungkan pembaruan langsung…',
  live: 'Pembaruan langsung aktif',
  closed: 'Pembaruan langsung terputus; muat ulang halaman untuk data terbaru',
};
