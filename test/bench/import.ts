/**
 * Benchmark: import of ASN profiles on the embedded stack (as `npm start` runs it), for each file size in the
 * list: the secretary's CSV uploaded through the gateway (parse, validation, staging with classification:
 * the preview), confirmed, and committed by the profile-import workflow in chunks of 1,000; then the same
 * file again (everything unchanged). Next to it the floor, measured in the same run on the same stack: the
 * same number of new profiles (same shape, other NIPs) written by the bulk upsert straight through the
 * candidate service (`PUT /profiles`, as seeding does), as a ratio. Not a test: figures only.
 *
 *   npm run bench:import -- [sizes=10000,100000]      (E2E_PORT_OFFSET, default here 13800; BENCH_IMPORT_AGAIN=0
 *   leaves out the second import of the same file)
 */
import { randomUUID } from 'node:crypto';
import { localDateOf, mapProfileHeader, validateProfileRows, type ProfileDto } from '@seleksi/domain';
import { startE2eStack, type E2eStack } from '../e2e/support/stack';
import {
  IMPORT_HEADER,
  importCsv,
  importRow,
  PROFILE_IMPORT_FIELDS,
  previewImport,
  type ProfileImportView,
} from '../support/import-driver';
import { benchClient, DEMO_AGENCY, DEMO_PASSWORD, sleep, type BenchClient } from './support/harness';

process.env.E2E_PORT_OFFSET ??= '13800';
const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const again = process.env.BENCH_IMPORT_AGAIN !== '0';

const secs = (t: number) => (Date.now() - t) / 1000;
const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  console.log(`bench:import at ${sizes.join(', ')} rows; starting the stack…`);
  let stack: E2eStack | undefined;
  try {
    stack = await startE2eStack('bench-import', 300_000);
    await run(await benchClient(stack));
  } finally {
    await stack?.stop();
  }
}

async function waitCompleted(b: BenchClient, token: string, id: string): Promise<ProfileImportView> {
  for (;;) {
    const d = await b.gql<{ profileImport: ProfileImportView }>(
      `query($i: ID!) { profileImport(id: $i) { ${PROFILE_IMPORT_FIELDS} } }`,
      { i: id },
      token,
    );
    if (d.profileImport.status === 'COMPLETED') return d.profileImport;
    await sleep(500);
  }
}

/** Upload → preview → confirm → completed; the seconds of each part. */
async function importFile(b: BenchClient, token: string, bytes: Uint8Array, name: string) {
  const t0 = Date.now();
  const r = await previewImport(b.gatewayUrl, token, DEMO_AGENCY.code, bytes, name);
  if (!r.data) throw new Error(`preview refused: ${JSON.stringify(r.errors)}`);
  const preview = secs(t0);
  const t1 = Date.now();
  await b.gql(
    'mutation($i: ID!) { confirmProfileImport(importId: $i) { status } }',
    { i: r.data.previewProfileImport.id },
    token,
  );
  const done = await waitCompleted(b, token, r.data.previewProfileImport.id);
  return { preview, commit: secs(t1), total: secs(t0), counts: r.data.previewProfileImport.counts, done };
}

async function run(b: BenchClient): Promise<void> {
  const token = await b.signIn('sekretariat@demo.seleksi-jpt.id', DEMO_PASSWORD);
  const today = localDateOf(new Date(), DEMO_AGENCY.timeZone);
  const lines: string[] = [];
  for (const [k, n] of sizes.entries()) {
    // Distinct NIPs per size and for the floor (salts), all within the demo agency.
    const rows = Array.from({ length: n }, (_, i) => importRow(i, { salt: 100 + k }));
    const bytes = importCsv(rows);
    console.log(`\n${n.toLocaleString('en')} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV)`);

    const first = await importFile(b, token, bytes, `bench-${n}.csv`);
    if (first.done.committed?.new !== n)
      throw new Error(`expected ${n} new, got ${JSON.stringify(first.done.committed)}`);
    console.log(
      `  import: preview ${f1(first.preview)} s + commit ${f1(first.commit)} s = ${f1(first.total)} s ` +
        `(${Math.round(n / first.total)} rows/s, ${f1((first.total * 1000) / n)} s per 1,000)`,
    );
    const second = again ? await importFile(b, token, bytes, `bench-${n}.csv`) : null;
    if (second && second.done.committed?.unchanged !== n)
      throw new Error(`re-import changed rows: ${JSON.stringify(second.done.committed)}`);
    if (second)
      console.log(
        `  same file again (all unchanged): preview ${f1(second.preview)} s + commit ${f1(second.commit)} s = ${f1(second.total)} s`,
      );

    // Floor: the same rows' shape, other NIPs, straight through the candidate service's bulk upsert.
    const floorRows = Array.from({ length: n }, (_, i) => importRow(i, { salt: 500 + k }));
    const header = mapProfileHeader(IMPORT_HEADER);
    if (!header.ok) throw new Error('header');
    const v = validateProfileRows(floorRows, header.map, { agencyCode: DEMO_AGENCY.code, today });
    const dtos: ProfileDto[] = v.accepted.map((a) => ({ ...a.profile, id: randomUUID() }));
    const t = Date.now();
    for (let i = 0; i < dtos.length; i += 1000) await b.services.candidate.upsertProfiles(dtos.slice(i, i + 1000));
    const floor = secs(t);
    console.log(
      `  floor (bulk upsert through the candidate service): ${f1(floor)} s (${Math.round(n / floor)} rows/s)`,
    );
    const line =
      `| ${n.toLocaleString('en')} | ${f1(first.preview)} + ${f1(first.commit)} = ${f1(first.total)} s | ${Math.round(n / first.total)} | ` +
      `${f1((first.total * 1000) / n)} s | ${second ? `${f1(second.total)} s` : '-'} | ${f1(floor)} s | ${(first.total / floor).toFixed(2)} |`;
    lines.push(line);
  }
  console.log('\n| rows | import: preview + commit | rows/s | per 1,000 | same file again | floor | ÷ floor |');
  console.log('|---|---|---|---|---|---|---|');
  for (const l of lines) console.log(l);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
