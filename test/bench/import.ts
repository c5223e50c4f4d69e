/**
 * Benchmark: an import on the embedded stack (as `npm start` runs it), for each file size in the list: the
 * secretary's CSV uploaded through the gateway (parse, validation, staging with classification: the preview),
 * confirmed, and committed by the import workflow in chunks of 1,000; then the same file again (everything
 * unchanged). Next to it the floor, measured in the same run on the same stack: the same number of new rows
 * written by the owning service's bulk path directly (`bulkFloor`), as a ratio; and the linearity ratio (time
 * per 1,000 rows at the largest size ÷ at the smallest). Not a test: figures only.
 *
 * Kinds: `profiles` (ASN profiles; floor: the candidate service's bulk upsert `PUT /profiles`, as seeding
 * does) and `results` (competency assessment results, one per employee: the employees' profiles are imported
 * first, since a result's NIP must be the agency's; floor: the same results, another date, through the
 * assessment service's bulk write `POST /imports/commit`, the call the workflow's activity makes).
 *
 *   npm run bench:import -- [sizes=10000,100000] [profiles|results]      (E2E_PORT_OFFSET, default here 13800;
 *   BENCH_IMPORT_AGAIN=0 leaves out the second import of the same file)
 */
import { randomUUID } from 'node:crypto';
import {
  localDateOf,
  mapAssessmentResultHeader,
  mapProfileHeader,
  validateAssessmentResultRows,
  validateProfileRows,
  type ImportedAssessmentResult,
  type ImportKind,
  type ProfileDto,
} from '@seleksi/domain';
import { startE2eStack, type E2eStack } from '../e2e/support/stack';
import {
  IMPORT_HEADER,
  importCsv,
  importRow,
  PROFILE_IMPORT_FIELDS,
  previewImport,
  RESULT_HEADER,
  resultRow,
  type ProfileImportView,
} from '../support/import-driver';
import { benchClient, DEMO_AGENCY, DEMO_PASSWORD, sleep, type BenchClient } from './support/harness';

process.env.E2E_PORT_OFFSET ??= '13800';
const sizes = (process.argv[2] ?? '10000,100000').split(',').map(Number);
const benchKind = process.argv[3] ?? process.env.BENCH_IMPORT_KIND ?? 'profiles';
if (benchKind !== 'profiles' && benchKind !== 'results') throw new Error(`kind: profiles or results, not ${benchKind}`);
const again = process.env.BENCH_IMPORT_AGAIN !== '0';

const secs = (t: number) => (Date.now() - t) / 1000;
const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  console.log(`bench:import (${benchKind}) at ${sizes.join(', ')} rows; starting the stack…`);
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
async function importFile(b: BenchClient, token: string, bytes: Uint8Array, name: string, kind?: ImportKind) {
  const t0 = Date.now();
  const r = await previewImport(b.gatewayUrl, token, DEMO_AGENCY.code, bytes, name, kind);
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

/** Seconds to write `items` through a service's bulk path, `per` at a time: the floor of every kind. */
async function bulkFloor<T>(items: readonly T[], write: (part: T[]) => Promise<unknown>, per = 1000): Promise<number> {
  const t = Date.now();
  for (let i = 0; i < items.length; i += per) await write(items.slice(i, i + per));
  return secs(t);
}

type Imported = Awaited<ReturnType<typeof importFile>>;

function report(label: string, n: number, first: Imported, second: Imported | null): void {
  console.log(
    `  ${label}: preview ${f1(first.preview)} s + commit ${f1(first.commit)} s = ${f1(first.total)} s ` +
      `(${Math.round(n / first.total)} rows/s, ${f1((first.total * 1000) / n)} s per 1,000)`,
  );
  if (second)
    console.log(
      `  same file again (all unchanged): preview ${f1(second.preview)} s + commit ${f1(second.commit)} s = ${f1(second.total)} s`,
    );
}

/** The import of `n` profiles (salt `k`), checked all new; again when asked, checked all unchanged. */
async function importProfiles(b: BenchClient, token: string, n: number, salt: number, twice: boolean) {
  const bytes = importCsv(Array.from({ length: n }, (_, i) => importRow(i, { salt })));
  console.log(`\n${n.toLocaleString('en')} profiles (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV)`);
  const first = await importFile(b, token, bytes, `bench-${n}.csv`);
  if (first.done.committed?.new !== n)
    throw new Error(`expected ${n} new, got ${JSON.stringify(first.done.committed)}`);
  const second = twice ? await importFile(b, token, bytes, `bench-${n}.csv`) : null;
  if (second && second.done.committed?.unchanged !== n)
    throw new Error(`re-import changed rows: ${JSON.stringify(second.done.committed)}`);
  report('profiles', n, first, second);
  return { first, second };
}

interface Measured {
  n: number;
  first: Imported;
  second: Imported | null;
  floor: number;
}

async function profilesAt(b: BenchClient, token: string, k: number, n: number, today: string): Promise<Measured> {
  // Distinct NIPs per size and for the floor (salts), all within the demo agency.
  const { first, second } = await importProfiles(b, token, n, 100 + k, again);
  // Floor: the same rows' shape, other NIPs, straight through the candidate service's bulk upsert.
  const floorRows = Array.from({ length: n }, (_, i) => importRow(i, { salt: 500 + k }));
  const header = mapProfileHeader(IMPORT_HEADER);
  if (!header.ok) throw new Error('header');
  const v = validateProfileRows(floorRows, header.map, { agencyCode: DEMO_AGENCY.code, today });
  const dtos: ProfileDto[] = v.accepted.map((a) => ({ ...a.profile, id: randomUUID() }));
  const floor = await bulkFloor(dtos, (part) => b.services.candidate.upsertProfiles(part));
  console.log(`  floor (bulk upsert through the candidate service): ${f1(floor)} s (${Math.round(n / floor)} rows/s)`);
  return { n, first, second, floor };
}

async function resultsAt(b: BenchClient, token: string, k: number, n: number, today: string): Promise<Measured> {
  const salt = 100 + k;
  // The employees first (a result's NIP must be a profile of the agency); their own figure, once.
  await importProfiles(b, token, n, salt, false);
  const bytes = importCsv(
    Array.from({ length: n }, (_, i) => resultRow(i, { salt })),
    RESULT_HEADER,
  );
  console.log(`${n.toLocaleString('en')} assessment results (${(bytes.length / 1024 / 1024).toFixed(1)} MB CSV)`);
  const first = await importFile(b, token, bytes, `asesmen-${n}.csv`, 'ASSESSMENT_RESULTS');
  if (first.done.committed?.new !== n)
    throw new Error(`expected ${n} new results, got ${JSON.stringify(first.done.committed)}`);
  const second = again ? await importFile(b, token, bytes, `asesmen-${n}.csv`, 'ASSESSMENT_RESULTS') : null;
  if (second && second.done.committed?.unchanged !== n)
    throw new Error(`re-import changed results: ${JSON.stringify(second.done.committed)}`);
  report('results', n, first, second);

  // Floor: the same employees' results on another date (so new), validated and resolved to their profiles
  // beforehand, written by the assessment service's bulk write as the workflow's activity calls it.
  const header = mapAssessmentResultHeader(RESULT_HEADER);
  if (!header.ok) throw new Error('header');
  const v = validateAssessmentResultRows(
    Array.from({ length: n }, (_, i) => resultRow(i, { salt, date: '2025-09-15' })),
    header.map,
    { today },
  );
  const rows: ImportedAssessmentResult[] = [];
  for (let i = 0; i < v.accepted.length; i += 1000) {
    const part = v.accepted.slice(i, i + 1000).map((a) => a.row);
    const owners = new Map(
      (await b.services.candidate.profileOwnersByNip(part.map((r) => r.nip))).map((o) => [o.nip, o.id]),
    );
    rows.push(...part.map((r) => ({ ...r, candidateId: owners.get(r.nip)! })));
  }
  if (rows.length !== n || rows.some((r) => !r.candidateId)) throw new Error('floor rows without profiles');
  const source = {
    importId: `bench-floor-${randomUUID()}`,
    fileName: 'floor',
    byUserId: 'bench',
    byName: 'Bench',
    at: new Date().toISOString(),
  };
  const floor = await bulkFloor(rows, (part) =>
    b.services.assessment.commitImportRows({
      kind: 'ASSESSMENT_RESULTS',
      agencyCode: DEMO_AGENCY.code,
      rows: part,
      classes: part.map(() => 'NEW'),
      source,
    }),
  );
  console.log(`  floor (bulk write through the assessment service): ${f1(floor)} s (${Math.round(n / floor)} rows/s)`);
  return { n, first, second, floor };
}

async function run(b: BenchClient): Promise<void> {
  const token = await b.signIn('sekretariat@demo.seleksi-jpt.id', DEMO_PASSWORD);
  const today = localDateOf(new Date(), DEMO_AGENCY.timeZone);
  const measured: Measured[] = [];
  for (const [k, n] of sizes.entries()) {
    const m = await (benchKind === 'results' ? resultsAt : profilesAt)(b, token, k, n, today);
    measured.push(m);
    printTable(measured);
  }
}

function printTable(measured: Measured[]): void {
  const per1000 = (m: Measured) => (m.first.total * 1000) / m.n;
  console.log(`\n${benchKind}:`);
  console.log('| rows | import: preview + commit | rows/s | per 1,000 | same file again | floor | ÷ floor |');
  console.log('|---|---|---|---|---|---|---|');
  for (const { n, first, second, floor } of measured)
    console.log(
      `| ${n.toLocaleString('en')} | ${f1(first.preview)} + ${f1(first.commit)} = ${f1(first.total)} s | ${Math.round(n / first.total)} | ` +
        `${f1((first.total * 1000) / n)} s | ${second ? `${f1(second.total)} s` : '-'} | ${f1(floor)} s | ${(first.total / floor).toFixed(2)} |`,
    );
  if (measured.length > 1)
    console.log(
      `linearity (per 1,000 at ${measured.at(-1)!.n.toLocaleString('en')} ÷ at ${measured[0]!.n.toLocaleString('en')}): ` +
        `${(per1000(measured.at(-1)!) / per1000(measured[0]!)).toFixed(2)}`,
    );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
