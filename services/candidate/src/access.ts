import type { ServiceAccessRule } from '@seleksi/kit';

// Who writes what today: the worker records a round's progress, the gateway takes people's own acts (uploads,
// confirmations, agency and calendar changes) and runs the notifier; operators' tools (seed) may do anything.
// Reads and the audit trail's writes (both record decisions) stay open to every trusted caller.
const WORKER = ['worker', 'operator'];
const GATEWAY = ['gateway', 'operator'];
const OPERATOR = ['operator'];

/** Which caller may use which write route of services/candidate (unlisted: every trusted caller). */
export const CANDIDATE_ACCESS: readonly ServiceAccessRule[] = [
  { method: 'POST', path: /^\/applications(\/submissions)?$/, callers: WORKER },
  { method: 'POST', path: /^\/applications\/[^/]+\/timeline$/, callers: WORKER },
  { method: 'PUT', path: /^\/applications\/[^/]+\/screening$/, callers: WORKER },
  { method: 'PUT', path: /^\/selections\/[^/]+$/, callers: WORKER },
  { method: 'POST', path: /^\/selections\/[^/]+\/stage-events(\/[^/]+\/fan-out)?$/, callers: WORKER },
  { method: 'PUT', path: /^\/invitations\/[^/]+$/, callers: WORKER },
  { method: 'PUT', path: /^\/talent-fillings\/[^/]+$/, callers: WORKER },
  { method: 'POST', path: /^\/profile-imports\/[^/]+\/(begin|finish|chunks\/[^/]+\/commit(ted)?)$/, callers: WORKER },
  { method: 'POST', path: /^\/profile-imports(\/[^/]+\/seal)?$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/profile-imports\/[^/]+\/(classified-)?chunks\/[^/]+$/, callers: GATEWAY },
  { method: 'POST', path: /^\/agencies\/[^/]+\/changes$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/agencies\/[^/]+\/regional-holidays$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/calendars\/[^/]+$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/election-regions\/[^/]+$/, callers: GATEWAY },
  { method: 'POST', path: /^\/election-report-duties$/, callers: WORKER },
  { method: 'POST', path: /^\/election-report-duties\/[^/]+\/report$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/profile-confirmations\/[^/]+$/, callers: GATEWAY },
  { method: 'POST', path: /^\/profile-disputes\/[^/]+\/decision$/, callers: GATEWAY },
  { method: 'POST', path: /^\/notices\/(claim|retry|[^/]+\/report)$/, callers: GATEWAY },
  { method: 'POST', path: /^\/application-files(\/link|\/batch)?$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/(profiles(\/[^/]+)?|agencies\/[^/]+)$/, callers: OPERATOR },
  // The IP ASN run (a workflow) writes the scores and the summary.
  { method: 'POST', path: /^\/ip-asn\/[^/]+\/[^/]+\/slots$/, callers: WORKER },
  { method: 'PUT', path: /^\/ip-asn\/[^/]+\/[^/]+\/summary$/, callers: WORKER },
  { method: 'POST', path: /^\/ip-asn\/[^/]+\/[^/]+\/clear$/, callers: WORKER },
];
