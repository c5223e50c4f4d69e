// Node-side worker building blocks (`@seleksi/workflows/worker`), for the worker process and tests.
export {
  bundleSeleksiWorkflows,
  createSeleksiWorker,
  createActivities,
  WORKFLOW_INTERCEPTOR_MODULES,
  WORKFLOWS_PATH,
  type SeleksiWorkerOptions,
} from './worker';
export { createPorts } from './ports';
export { workerConfigSchema, type WorkerConfig } from './config';
export {
  buildIdOf,
  describeDeployment,
  promoteOnStart,
  setCurrentVersion,
  setRampingVersion,
  versionWorkflows,
  waitForVersion,
  workerDeploymentOptions,
  type DeploymentState,
  type PromoteMode,
  type VersionState,
  type VersionWorkflows,
  type WorkerDeploymentVersion,
} from './versioning';
export {
  formatStatus,
  rolloutStatus,
  runRollout,
  type RolloutConfig,
  type RolloutStatus,
  type RolloutVersion,
} from './rollout';
