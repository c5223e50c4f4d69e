/**
 * src/graphql-env.d.ts (the schema as gql.tada types the portal's documents with) is what `gql.tada
 * generate output` makes of gateway/schema.graphql now: a schema change without regenerating it fails here
 * instead of leaving the portal typed against the old schema.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const portal = fileURLToPath(new URL('..', import.meta.url));

it('src/graphql-env.d.ts is up to date with gateway/schema.graphql (else: pnpm --filter @seleksi/portal graphql-env)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'graphql-env-'));
  try {
    const fresh = join(dir, 'graphql-env.d.ts');
    await promisify(execFile)(join(portal, 'node_modules/.bin/gql.tada'), ['generate', 'output', '--output', fresh], {
      cwd: portal,
    });
    const committed = await readFile(join(portal, 'src/graphql-env.d.ts'), 'utf8');
    expect((await readFile(fresh, 'utf8')) === committed).toBe(true);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
