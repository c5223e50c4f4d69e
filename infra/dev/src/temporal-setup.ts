/**
 * One-shot job for a Temporal cluster (compose `temporal-setup`, the Kubernetes Job, or by hand): waits for the
 * frontend, registers the namespace when the cluster lacks it (a new server cluster has only its system namespace;
 * the rehearsal's temporal-cluster.ts does the same) and the custom search attributes from SEARCH_ATTRIBUTES.
 * Env: TEMPORAL_ADDRESS (default 127.0.0.1:7233), TEMPORAL_NAMESPACE (default `default`),
 * TEMPORAL_RETENTION_DAYS (closed workflows kept, default 7; only when the namespace is created).
 */
import { isGrpcServiceError } from '@temporalio/client';
import proto from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@seleksi/workflows';
import { waitUntil } from './processes';
import { ensureSearchAttributes, waitForTemporal } from './temporal';

const GRPC_ALREADY_EXISTS = 6;
const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
const retentionDays = Number(process.env.TEMPORAL_RETENTION_DAYS || 7);

const connection = await waitForTemporal(address, { timeoutMs: 180_000 });
try {
  let created = false;
  try {
    await connection.workflowService.registerNamespace({
      namespace,
      workflowExecutionRetentionPeriod: proto.google.protobuf.Duration.fromObject({ seconds: retentionDays * 86_400 }),
    });
    created = true;
  } catch (err) {
    if (!(isGrpcServiceError(err) && err.code === GRPC_ALREADY_EXISTS)) throw err;
  }
  // A new namespace reaches every frontend's cache a moment later.
  await waitUntil(
    async () => (await connection.workflowService.describeNamespace({ namespace })).namespaceInfo?.name === namespace,
    { what: `namespace ${namespace}`, timeoutMs: 60_000 },
  );
  const added = await ensureSearchAttributes(connection, namespace, SEARCH_ATTRIBUTES);
  console.log(
    JSON.stringify({ level: 'info', msg: 'namespace and search attributes ready', namespace, created, added }),
  );
} finally {
  await connection.close();
}
