// Node-side worker building blocks (`@seleksi/workflows/worker`), for the worker process and tests.
export { createSeleksiWorker, createActivities, WORKFLOWS_PATH, type SeleksiWorkerOptions } from './worker';
export { createPorts } from './ports';
export { workerConfigSchema, type WorkerConfig } from './config';
