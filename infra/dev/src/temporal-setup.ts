/**
 * One-shot job for a Temporal cluster (compose `temporal-setup`, or by hand): waits for the frontend
 * and registers the custom search attributes from SEARCH_ATTRIBUTES that the namespace lacks.
 * Env: TEMPORAL_ADDRESS (default 127.0.0.1:7233), TEMPORAL_NAMESPACE (default `default`).
 */
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { ensureSearchAttributes, waitForTemporal } from './temporal';

const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';

const connection = await waitForTemporal(address, { timeoutMs: 180_000 });
try {
  const added = await ensureSearchAttributes(connection, namespace, SEARCH_ATTRIBUTES);
  console.log(JSON.stringify({ level: 'info', msg: 'search attributes ready', namespace, added }));
} finally {
  await connection.close();
}
