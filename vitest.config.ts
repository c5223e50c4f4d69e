import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS (`main`) and ESM (`module`) without an exports map: Vite would pick the ESM
// file while Node-loaded dependencies (Pothos, Yoga) get the CJS one, giving two graphql realms.
// Pin Vite to the file Node resolves.
const graphqlCjs = createRequire(new URL('./gateway/package.json', import.meta.url)).resolve('graphql');

// Temporal workers need real processes (forks): worker threads break the native bridge
// (sdk-typescript#876). Integration suites share one Temporal dev server and one FerretDB,
// started once in globalSetup, and run serially.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlCjs }] },
  test: {
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/**/*.test.ts',
            'services/**/*.test.ts',
            'workflows/**/*.test.ts',
            'gateway/**/*.test.ts',
            'portal/src/**/*.test.ts',
            'infra/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**', '**/*.int.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['**/node_modules/**', 'test/e2e/**'],
          globalSetup: ['test/setup/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The portal in a real browser (Debian's Chromium) against the embedded stack started as
        // `npm start` starts it; its own ports and data directory.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          exclude: ['**/node_modules/**'],
          fileParallelism: false,
          testTimeout: 600_000,
          hookTimeout: 300_000,
        },
      },
      // The rehearsal of several machines (`npm run test:cluster`, which sets the variable): the real Temporal
      // server as a cluster on PostgreSQL, and the topology of `npm run start:cluster` (two gateways behind the
      // proxy, two workers). The server's binaries are built only by `bootstrap.sh --cluster`, so plain
      // `vitest run` / `npm test` leave these out.
      ...(process.env.SELEKSI_TEST_CLUSTER === '1'
        ? [
            {
              extends: true as const,
              test: {
                name: 'cluster',
                include: ['test/cluster/**/*.cluster.test.ts'],
                exclude: ['**/node_modules/**'],
                fileParallelism: false,
                testTimeout: 600_000,
                hookTimeout: 360_000,
              },
            },
          ]
        : []),
    ],
  },
});
