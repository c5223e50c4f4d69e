import type { ServiceAccessRule } from '@seleksi/kit';

// The worker issues a round's documents; the gateway corrects them, stores logos and checks uploaded files;
// operators' tools may do anything. Reads stay open to every trusted caller.
const WORKER = ['worker', 'operator'];
const GATEWAY = ['gateway', 'operator'];

/** Which caller may use which write route of services/document (unlisted: every trusted caller). */
export const DOCUMENT_ACCESS: readonly ServiceAccessRule[] = [
  { method: 'POST', path: /^\/documents$/, callers: WORKER },
  { method: 'PUT', path: /^\/document-parts\//, callers: WORKER },
  { method: 'POST', path: /^\/documents\/[^/]+\/corrections$/, callers: GATEWAY },
  { method: 'POST', path: /^\/logos$/, callers: GATEWAY },
];
