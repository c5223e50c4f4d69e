import type { ServiceAccessRule } from '@seleksi/kit';

// The worker records scores, conflicts, talent maps, imports and succession groups; the gateway previews
// imports; operators' tools (seed) may do anything. Reads stay open to every trusted caller.
const WORKER = ['worker', 'operator'];
const GATEWAY = ['gateway', 'operator'];
const OPERATOR = ['operator'];

/** Which caller may use which write route of services/assessment (unlisted: every trusted caller). */
export const ASSESSMENT_ACCESS: readonly ServiceAccessRule[] = [
  { method: 'PUT', path: /^\/(score-records|conflicts|succession-groups)\/[^/]+$/, callers: WORKER },
  { method: 'PUT', path: /^\/talent-map\/entries$/, callers: WORKER },
  { method: 'POST', path: /^\/talent-map\/[^/]+\/[^/]+\/slots$/, callers: WORKER },
  { method: 'DELETE', path: /^\/talent-map\//, callers: WORKER },
  { method: 'POST', path: /^\/imports\/commit$/, callers: WORKER },
  { method: 'POST', path: /^\/imports\/classify$/, callers: GATEWAY },
  { method: 'PUT', path: /^\/(pansel-members|assessment-results)\/[^/]+$/, callers: OPERATOR },
  // The talent gate's decisions and the settings beside it are people's acts, made through the gateway.
  { method: 'POST', path: /^\/(merit-assessments|talent-gate)(\/|$)/, callers: GATEWAY },
  { method: 'PUT', path: /^\/(merit-assessments|talent-settings)\//, callers: GATEWAY },
];
