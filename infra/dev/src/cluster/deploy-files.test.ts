import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { repoRoot } from '../processes';
import {
  appEnv,
  checkDeployFiles,
  DEPLOY_FILES,
  deployTopology,
  generateDeployFiles,
  IMAGES,
  PRODUCTION,
  productionTemporalConfig,
  REHEARSED_VERSIONS,
} from './deploy-files';
import { temporalClusterPorts, temporalClusterTools, temporalServerConfig } from './temporal-cluster';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const t = deployTopology();
const files = await generateDeployFiles(t);
const compose = parse(files[DEPLOY_FILES.compose]!) as Json;
const APPS = ['candidate', 'assessment', 'document', 'worker', 'gateway', 'proxy'];

describe('deploy files generated from the rehearsal topology', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'deploy-files-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('compose has one service per app role with the topology’s replicas, ports, health path and env names', async () => {
    for (const role of APPS) {
      const p = t.processes.find((x) => x.name === role)!;
      const svc = compose.services[role] as Json;
      expect(svc, role).toBeDefined();
      expect(svc.deploy?.replicas ?? 1, role).toBe(p.replicas);
      // The health check asks the topology's path on the production port of the topology's health port.
      const url = `http://127.0.0.1:${PRODUCTION.ports[role]![p.health.port]}${p.health.path}`;
      expect(svc.healthcheck.test, role).toContain(url);
      // Every topology setting the app reads is there, secrets included; nothing the app does not read.
      const { dropped } = await appEnv(t, role, 'compose');
      const names = Object.keys(svc.environment as object);
      for (const k of Object.keys({ ...p.env, ...p.instances[0]!.env }))
        if (!dropped.includes(k)) expect(names, `${role} ${k}`).toContain(k);
      for (const k of dropped) expect(names, `${role} ${k}`).not.toContain(k);
      for (const s of p.secrets) expect(names, `${role} secret ${s}`).toContain(s);
    }
    expect(compose.services.worker.deploy.replicas).toBe(2);
    expect(compose.services.gateway.environment.GATEWAY_PORT).toBe('4000');
    expect(compose.services.gateway.environment.TRUST_PROXY).toBe('1');
    // Secrets come from files or the operator's environment, never values in the file.
    expect(compose.services.worker.environment.SERVICE_AUTH_KEY).toBe('/run/secrets/worker_service_key');
    expect(compose.services.gateway.environment.AUTH_SECRET).toMatch(/^\$\{AUTH_SECRET:\?/);
  });

  it('the proxy targets each gateway replica, as the rehearsal’s proxy does', () => {
    const gateways = t.processes.find((x) => x.name === 'gateway')!;
    expect(compose.services.proxy.environment.PROXY_TARGETS.split(',')).toEqual(
      gateways.instances.map((_, i) => `http://seleksi-jpt-gateway-${i + 1}:4000`),
    );
    expect(compose.services.proxy.depends_on.gateway.condition).toBe('service_healthy');
  });

  it('the Temporal cluster is four services on PostgreSQL, history first, and the apps wait for it', () => {
    for (const s of ['frontend', 'history', 'matching', 'worker'])
      expect(compose.services[`temporal-${s}`].environment.TEMPORAL_SERVICES).toBe(s);
    expect(compose.services['temporal-matching'].depends_on['temporal-history'].condition).toBe('service_healthy');
    expect(compose.services.worker.depends_on['temporal-setup'].condition).toBe('service_completed_successfully');
    expect(compose.services.candidate.depends_on.mongo.condition).toBe('service_healthy');
    const ferret = parse(files[DEPLOY_FILES.composeFerretdb]!) as Json;
    expect(ferret.services.mongo).toBeUndefined();
    expect(ferret.services.candidate.environment.MONGODB_URI).toBe('mongodb://ferretdb:27017/');
  });

  it('the Temporal config is the rehearsal’s (same function), with only the network settings of separate hosts', () => {
    const ports = temporalClusterPorts(7233);
    const render = (s: string): Json =>
      parse(s.replace(/\{\{ env `([A-Z_]+)` \}\}/g, (_m, name: string) => `env-${name}`)) as Json;
    const prod = render(productionTemporalConfig(t, '/dc.yaml'));
    const rehearsal = render(
      temporalServerConfig({
        postgres: { host: 'postgres', port: 5432, user: 'temporal', password: 'env-TEMPORAL_DB_PASSWORD' },
        ports,
        historyShards: t.temporal.historyShards,
        dynamicConfigFile: '/dc.yaml',
      }),
    );
    for (const s of ['frontend', 'history', 'matching', 'worker']) {
      expect(prod.services[s].rpc.bindOnIP).toBe('0.0.0.0');
      delete prod.services[s].rpc.bindOnIP;
      delete rehearsal.services[s].rpc.bindOnLocalHost;
    }
    expect(prod.global.membership.broadcastAddress).toBe('env-TEMPORAL_BROADCAST_ADDRESS');
    expect(prod.clusterMetadata.clusterInformation.active.rpcAddress).toBe('temporal-frontend:7233');
    delete prod.global.membership.broadcastAddress;
    delete rehearsal.global.membership.broadcastAddress;
    delete prod.clusterMetadata.clusterInformation.active.rpcAddress;
    delete rehearsal.clusterMetadata.clusterInformation.active.rpcAddress;
    expect(prod).toEqual(rehearsal);
    expect(prod.persistence.numHistoryShards).toBe(t.temporal.historyShards);
  });

  it('the Temporal config is a valid Go template: its only actions read the environment', () => {
    // The server parses the whole file, comments included, once it says enable-template.
    const text = files[DEPLOY_FILES.temporalConfig]!;
    expect(text).toMatch(/^# enable-template/m);
    const actions = text.match(/\{\{.*?\}\}/g) ?? [];
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(a).toMatch(/^\{\{ env `[A-Z_]+` \}\}$/);
    expect(text.replace(/\{\{ env `[A-Z_]+` \}\}/g, '')).not.toMatch(/\{\{|\}\}/);
  });

  const server = temporalClusterTools().server;
  it.skipIf(!existsSync(server))(
    'the Temporal server built by bootstrap --cluster loads and renders the config',
    () => {
      const dir = join(tmp, 'temporal-render');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'development.yaml'), files[DEPLOY_FILES.temporalConfig]!);
      const out = execFileSync(server, ['--config', dir, 'render-config'], {
        env: { PATH: process.env.PATH, TEMPORAL_DB_PASSWORD: 'pw', TEMPORAL_BROADCAST_ADDRESS: '10.1.2.3' },
        encoding: 'utf8',
      });
      expect(out).toMatch(/broadcastAddress: 10\.1\.2\.3/);
      expect(out).toMatch(/connectAddr: postgres:5432/);
    },
  );

  it('Kubernetes has a Deployment per role with its replicas, a PostgreSQL StatefulSet and the Temporal ConfigMap', () => {
    const docs = parseAllDocuments(files[DEPLOY_FILES.k8s]!).map((d) => d.toJS() as Json);
    const byName = (kind: string, name: string): Json | undefined =>
      docs.find((d) => d.kind === kind && d.metadata.name === name);
    for (const role of APPS) {
      const p = t.processes.find((x) => x.name === role)!;
      expect(byName('Deployment', role)?.spec.replicas, role).toBe(p.replicas);
    }
    for (const s of ['frontend', 'history', 'matching', 'worker'])
      expect(byName('Deployment', `temporal-${s}`)).toBeDefined();
    expect(byName('StatefulSet', 'postgres')).toBeDefined();
    expect(byName('ConfigMap', 'temporal-config')?.data['config.yaml']).toContain('numHistoryShards');
    expect(byName('Service', 'gateway')?.spec.ports[0].port).toBe(4000);
    expect(byName('Deployment', 'proxy')?.spec.template.spec.containers[0].env).toContainEqual({
      name: 'PROXY_TARGETS',
      value: 'http://gateway:4000',
    });
  });

  it('a worker rollout waits for its build to be routed to; no password on a command line; the UI on loopback', () => {
    const docs = parseAllDocuments(files[DEPLOY_FILES.k8s]!).map((d) => d.toJS() as Json);
    const pod = (kind: string, name: string): Json =>
      docs.find((d) => d.kind === kind && d.metadata.name === name)!.spec.template.spec;
    const worker = pod('Deployment', 'worker').containers[0];
    expect(worker.readinessProbe.httpGet.path).toBe('/readyz');
    expect(worker.livenessProbe.httpGet.path).toBe('/healthz');
    expect(worker.env).toContainEqual({ name: 'WORKER_HEALTH_HOST', value: '0.0.0.0' });
    // Compose cannot wait on readiness: its workers make their build current themselves.
    expect(compose.services.worker.environment.WORKER_PROMOTE).toBe('always');
    const job = pod('Job', 'temporal-schema').containers[0];
    expect(job.command.join(' ')).not.toContain('--password');
    expect(job.env.map((e: Json) => e.name)).toEqual(['SQL_PASSWORD']);
    expect(compose.services['temporal-schema'].command.join(' ')).not.toContain('--password');
    expect(Object.keys(compose.services['temporal-schema'].environment)).toEqual(['SQL_PASSWORD']);
    expect(compose.services['temporal-ui'].ports).toEqual(['127.0.0.1:${TEMPORAL_UI_PORT:-8233}:8080']);
  });

  it('every generated file says it is generated, and the images are the rehearsal’s versions', () => {
    for (const [path, text] of Object.entries(files)) expect(text, path).toMatch(/^(#|--) Generated by .*do not edit/);
    expect(IMAGES.temporalServer).toBe(`temporalio/server:${REHEARSED_VERSIONS.server.slice(1)}`);
    expect(IMAGES.temporalUi).toBe(`temporalio/ui:${REHEARSED_VERSIONS.ui.slice(1)}`);
    // bootstrap.sh --cluster pins what the rehearsal builds (on branches that have it).
    const bootstrap = readFileSync(join(repoRoot, 'infra/scripts/bootstrap.sh'), 'utf8');
    const pin = /^TEMPORAL_SERVER_VERSION=(\S+)/m.exec(bootstrap)?.[1];
    expect(pin ?? REHEARSED_VERSIONS.server).toBe(REHEARSED_VERSIONS.server);
  });

  it('--check passes on the committed files and names a hand edit in a copy', async () => {
    expect(await checkDeployFiles()).toEqual([]);
    for (const path of Object.values(DEPLOY_FILES)) cpSync(join(repoRoot, path), join(tmp, path), { recursive: true });
    expect(await checkDeployFiles(tmp)).toEqual([]);
    const file = join(tmp, DEPLOY_FILES.compose);
    writeFileSync(file, readFileSync(file, 'utf8').replace('replicas: 2', 'replicas: 3'));
    rmSync(join(tmp, DEPLOY_FILES.k8s));
    expect(await checkDeployFiles(tmp)).toEqual([DEPLOY_FILES.compose, DEPLOY_FILES.k8s]);
    // The command validate.sh runs exits non-zero and names the file.
    const cli = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(repoRoot, 'infra/dev/src/cluster/deploy-files.ts'), '--check', '--root', tmp],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(DEPLOY_FILES.compose);
  });
});
