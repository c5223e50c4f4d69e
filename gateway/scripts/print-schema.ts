/** Writes gateway/schema.graphql from the Pothos schema (`--check` fails when the committed file is stale). */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../src/schema';

export const SCHEMA_FILE = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const printed = printedSchema();
  if (process.argv.includes('--check')) {
    if (readFileSync(SCHEMA_FILE, 'utf8') !== printed) {
      console.error('gateway/schema.graphql is stale: run `pnpm --filter @seleksi/gateway schema`');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, printed);
    console.log(`wrote ${SCHEMA_FILE}`);
    // The portal's documents are typed from this schema (gql.tada): regenerate its types with it.
    const portal = fileURLToPath(new URL('../../portal', import.meta.url));
    execFileSync(`${portal}/node_modules/.bin/gql.tada`, ['generate', 'output'], { cwd: portal, stdio: 'inherit' });
  }
}
