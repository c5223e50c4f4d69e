/**
 * Backup and restore, rehearsed for real (issue 15; README, "Backup and restore"): PostgreSQL, the Temporal cluster
 * and FerretDB on it, the three services, a worker and the gateway. A training-mode round waits for the overseer's
 * plan approval; an online base backup is taken while everything runs; the overseer then approves (a decision after
 * the backup). Everything is stopped, the backup restored into a fresh data directory and everything started on it:
 * the round is back at the plan approval with that decision absent from both Temporal and the document store, takes
 * the approval again, opens and closes registration, and its audit chain verifies intact.
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateOf } from '@seleksi/domain';
import {
  ferretdbArgs,
  ferretdbPath,
  freePort,
  repoRoot,
  spawnLogged,
  startPostgres,
  waitForMongo,
  type ManagedProcess,
  type RunningPostgres,
} from '@seleksi/dev';
import { readBackupMetadata } from '@seleksi/dev/src/cluster/backup';
import {
  freeTemporalClusterBasePort,
  startTemporalCluster,
  temporalClusterMissing,
  type TemporalCluster,
} from '@seleksi/dev/src/cluster/temporal-cluster';
import { ensureDevServiceKeys } from '@seleksi/kit';
import { payloadKeyEnv } from '@seleksi/workflows';
import { eventually, startStack, type Stack } from '../support/stack';
import { skipWhenToolsMissing } from './support/cluster';
import { seedEligibleCandidates, testAgency, testPansel } from '../support/fixtures';
import { must, SelectionDriver, testUser, type TestUser } from '../support/selection-driver';

// Skipped without the built tools on a developer's machine; a failure in CI. `--cluster` builds FerretDB too.
const skip = skipWhenToolsMissing(
  temporalClusterMissing() ||
    (existsSync(ferretdbPath())
      ? ''
      : `FerretDB not found at ${ferretdbPath()}: run \`bash infra/scripts/bootstrap.sh --cluster\``),
  'the backup and restore test',
);

const logDir = resolve(repoRoot, 'test/artifacts/logs');
const clusterDir = resolve(repoRoot, 'test/artifacts/cluster-backup');

const AGENCY = testAgency('BACKUP');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('bk');
const SECRETARY = 'bk-sec';
const OVERSEER = 'bk-overseer';
const CANDIDATES = [1, 2, 3];
const cand = (n: number) => `bk-cand-${n}`;
const asn = (n: number) => `bk-asn-${n}`;
const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...CANDIDATES.map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];
// Fixed so the stack started on the restored data finds its databases and task queue again.
const PREFIX = 'cl_backup';

/** One start of the whole system on the PostgreSQL data directory given. */
interface System {
  pg: RunningPostgres;
  cluster: TemporalCluster;
  ferret: ManagedProcess;
  stack: Stack;
  d: SelectionDriver;
}

interface Verification {
  ok: boolean;
  length: number;
  head: { seq: number; hash: string } | null;
  firstBroken: { seq: number; problem: string } | null;
}

// The documented commands themselves (`npm run backup` / `npm run restore` run this file).
const COMMAND = resolve(repoRoot, 'infra/dev/src/cluster/backup-command.ts');

/** Runs `npm run <command> -- <args>` as its script does; answers its output and wall time. */
async function runCommand(command: 'backup' | 'restore', args: string[]): Promise<{ out: string; ms: number }> {
  const t0 = Date.now();
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', COMMAND, command, ...args],
    { cwd: repoRoot, timeout: 600_000 },
  );
  const out = `${String(stdout)}${String(stderr)}`.trim();
  console.log(out);
  return { out, ms: Date.now() - t0 };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

describe.skipIf(skip)('backup and restore of the cluster (PostgreSQL base backup)', () => {
  let tmp = '';
  let basePort = 0;
  let sys: System | undefined;

  async function startSystem(dataDir: string, tag: string): Promise<System> {
    const pg = await startPostgres({
      dataDir,
      port: await freePort(),
      logFile: join(logDir, `cluster-backup-postgres-${tag}.log`),
    });
    const cluster = await startTemporalCluster({
      postgres: { host: '127.0.0.1', port: pg.port, user: 'postgres' },
      dataDir: join(clusterDir, tag),
      basePort,
      historyShards: 4,
      log: (line) => console.log(`[cluster ${tag}] ${line}`),
    });
    const ferretPort = await freePort();
    const ferret = spawnLogged({
      name: 'ferretdb',
      command: ferretdbPath(),
      args: ferretdbArgs({ port: ferretPort, postgresqlUrl: pg.url }),
      logFile: join(logDir, `cluster-backup-ferretdb-${tag}.log`),
    });
    const mongoUri = `mongodb://127.0.0.1:${ferretPort}`;
    await waitForMongo(mongoUri, { timeoutMs: 60_000, process: ferret });
    const stack = await startStack({ temporalAddress: cluster.address, mongoUri, name: 'backup', prefix: PREFIX });
    const d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
    return { pg, cluster, ferret, stack, d };
  }

  async function stopSystem(s: System): Promise<void> {
    await s.stack.close();
    await s.ferret.stop(10_000);
    await s.cluster.stop();
    await s.pg.stop();
  }

  const verify = async (s: System, selectionId: string): Promise<Verification> =>
    must(
      await s.d.gql<{ verifyAudit: Verification }>(
        SECRETARY,
        'query($s: ID!) { verifyAudit(selectionId: $s) { ok length head { seq hash } firstBroken { seq problem } } }',
        { s: selectionId },
      ),
    ).verifyAudit;

  const decisionIds = async (s: System, selectionId: string): Promise<string[]> =>
    (must(await s.d.process(SECRETARY, selectionId)).selectionProcess.decisions ?? []).map((x) => x.decisionId).sort();

  beforeAll(async () => {
    Object.assign(process.env, payloadKeyEnv());
    ensureDevServiceKeys();
    tmp = mkdtempSync(join(tmpdir(), 'seleksi-backup-'));
    chmodSync(tmp, 0o711); // as root, PostgreSQL runs as `postgres` and must reach its data dirs inside
    rmSync(clusterDir, { recursive: true, force: true });
    basePort = await freeTemporalClusterBasePort();
    sys = await startSystem(join(tmp, 'postgres'), 'original');
  });

  afterAll(async () => {
    if (sys) await stopSystem(sys);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('restores a mid-round backup into a fresh data directory; the round continues from the backup point', async () => {
    let s = sys!;
    await seedEligibleCandidates(
      s.stack.clients.candidate,
      AGENCY,
      CANDIDATES.map((n) => ({ id: asn(n), i: 80 + n })),
    );
    const created = must(
      await s.d.createSelection(SECRETARY, {
        title: 'Seleksi Terbuka JPT Pratama Uji Cadangan dan Pemulihan Tahun 2026',
        announcementDate: localDateOf(new Date(), AGENCY.timeZone),
        vacancies: [{ level: 'PRATAMA', position: 'Kepala Dinas Perhubungan', unit: 'Dinas Perhubungan' }],
        // 10 s a day: the overseer's 30 working days (about 7 minutes) outlast the stop and restore; registration
        // (3 days) closes half a minute after it opens.
        simulationSecondsPerDay: 10,
        rules: { registrationDays: 3, extensionMaxTimes: 0, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      }),
    ).createSelection;
    const selectionId = created.id;
    const vacancyId = created.vacancies[0]!.id;
    await s.d.waitForReadModel(SECRETARY, selectionId);
    must(await s.d.setPansel(SECRETARY, selectionId, PANSEL, '800/77/BKD'));
    must(await s.d.submitPlan(SECRETARY, selectionId));
    await s.d.waitForStage(SECRETARY, selectionId, 'PLAN_APPROVAL');
    // The submission's audit link is written by an activity: wait until the chain holds both decisions.
    const atBackup = await eventually(async () => {
      const v = await verify(s, selectionId);
      return v.ok && v.length >= 2 ? v : null;
    }, 120_000);
    const decisionsAtBackup = await decisionIds(s, selectionId);
    expect(decisionsAtBackup.length).toBeGreaterThanOrEqual(2);

    // Online: the whole system keeps running while the base backup is taken.
    const backupDir = join(tmp, 'backup');
    const pids = () => [
      s.pg.process.child.pid,
      s.ferret.child.pid,
      ...Object.values(s.cluster.services).map((x) => x.pid),
    ];
    const running = pids();
    const backup = await runCommand('backup', [backupDir, '--port', String(s.pg.port)]);
    expect(pids(), 'nothing stopped or restarted for the backup').toEqual(running);
    const meta = readBackupMetadata(backupDir);
    expect(meta.databases.map((x) => x.name)).toEqual(
      expect.arrayContaining(['temporal', 'temporal_visibility', 'ferretdb']),
    );
    expect(meta.endLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

    // A decision after the backup: the overseer approves the plan; it lands in Temporal and in the audit chain.
    const approve = () =>
      s.d.overseerDecision(OVERSEER, selectionId, {
        subject: 'PLAN',
        verdict: 'APPROVE',
        reason: 'Rencana seleksi sesuai ketentuan peraturan perundang-undangan',
        reference: 'B-77/KASN/12/2026',
      });
    const lost = must(await approve()).overseerDecision;
    await s.d.waitForStage(SECRETARY, selectionId, 'REGISTRATION_OPEN');
    await eventually(async () => (await verify(s, selectionId)).length > atBackup.length, 120_000);
    expect(await decisionIds(s, selectionId)).toContain(lost.decisionId);

    await stopSystem(s);
    sys = undefined;

    const restoredDir = join(tmp, 'postgres-restored');
    const restore = await runCommand('restore', [backupDir, '--data-dir', restoredDir]);
    expect(restore.out).toContain('PostgreSQL recovered');
    const t0 = Date.now();
    sys = s = await startSystem(restoredDir, 'restored');
    const systemStartMs = Date.now() - t0;
    console.log(
      `[backup] base backup ${mb(meta.bytes)} in ${secs(meta.durationMs)} (npm run backup: ${secs(backup.ms)}; ` +
        `databases: ${meta.databases.map((x) => `${x.name} ${mb(x.bytes)}`).join(', ')}); npm run restore ` +
        `(unpack, pg_verifybackup, recovery start and clean stop) ${secs(restore.ms)}; ` +
        `PostgreSQL + Temporal cluster + FerretDB + services on the restored data ${secs(systemStartMs)}`,
    );

    // Both stores are back at the backup point: the round waits for the approval, which neither remembers.
    const back = must(await s.d.process(SECRETARY, selectionId)).selectionProcess;
    expect(back.stage).toBe('PLAN_APPROVAL');
    expect(await decisionIds(s, selectionId)).toEqual(decisionsAtBackup);
    const chainBack = await verify(s, selectionId);
    expect(chainBack).toMatchObject({ ok: true, firstBroken: null, length: atBackup.length, head: atBackup.head });

    // The round takes the decision again and carries on: registration opens, candidates apply, it closes.
    const again = must(await approve()).overseerDecision;
    // (The workflow draws decision ids from its replayed random: the same id as the lost one is expected.)
    expect(again.kind).toBe(lost.kind);
    await s.d.waitForStage(SECRETARY, selectionId, 'REGISTRATION_OPEN', 120_000);
    const applied = await s.d.applyAll(CANDIDATES.map((n) => [cand(n), vacancyId]));
    expect(applied).toHaveLength(CANDIDATES.length);
    const after = await s.d.waitFor(
      SECRETARY,
      selectionId,
      (p) => !['PLAN_APPROVAL', 'REGISTRATION_OPEN'].includes(p.stage),
      240_000,
    );
    console.log(`[backup] after the restore the round went on to ${after.stage}`);
    expect(after.applications.map((a) => a.applicationId).sort()).toEqual([...applied].sort());
    expect(await decisionIds(s, selectionId)).toContain(again.decisionId);

    const chain = await eventually(async () => {
      const v = await verify(s, selectionId);
      return v.length > atBackup.length ? v : null;
    }, 120_000);
    expect(chain).toMatchObject({ ok: true, firstBroken: null });
    expect(chain.head!.seq).toBe(chain.length);
  });
});
