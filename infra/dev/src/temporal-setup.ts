/**
 * One-shot job for a Temporal cluster (compose `temporal-setup`, the Kubernetes Job, or by hand): waits for the
 * frontend, registers the namespace when the cluster lacks it (a new server cluster has only its system namespace;
 * ensureNamespace in temporal.ts, as the rehearsal does) and the custom search attributes from SEARCH_ATTRIBUTES.
 * Env: TEMPORAL_ADDRESS (default 127.0.0.1:7233), TEMPORAL_NAMESPACE (default `default`),
 * TEMPORAL_RETENTION_DAYS (closed workflows kept, default 7; only when the namespace is created).
 */
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { ensureNamespace, waitForTemporal } from './temporal';

const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
const retentionDays = Number(process.env.TEMPORAL_RETENTION_DAYS || 7);

const connection = await waitForTemporal(address, { timeoutMs: 180_000 });
try {
  const { created, addedSearchAttributes: added } = await ensureNamespace(connection, namespace, {
    retentionDays,
    timeoutMs: 60_000,
    searchAttributes: SEARCH_ATTRIBUTES,
  });
  console.log(
    JSON.stringify({ level: 'info', msg: 'namespace and search attributes ready', namespace, created, added }),
  );
} finally {
  await connection.close();
}
