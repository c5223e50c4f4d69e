/**
 * Replays stored histories of open selections against the current workflow code: a change that
 * would break a running selection (a new command where history has another, a removed timer…)
 * fails here. Histories are recorded by the integration suites with RECORD_HISTORIES=1.
 *
 * Replay compares commands only, not an activity's input: each activity the replayed code schedules
 * is also compared (type and decoded input) with the one the history recorded, so a change to a helper
 * the frozen layouts share (legacy/v1 imports score rows, ranking…) cannot silently change what old
 * rounds compute. Local activities are recorded as markers without their input: their type only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { bundleWorkflowCode, Worker, type InjectedSinks } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from '../worker/worker';
import { isEncryptedPayload } from '../codec/payload-codec';
import { seleksiDataConverter } from '../codec/data-converter';
import type { ReplayRecorderSinks, ScheduledActivity } from './replay-recorder';

const DIR = join(import.meta.dirname, 'histories');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json.gz'));
const RECORDER = fileURLToPath(new URL('./replay-recorder.ts', import.meta.url));

/** A payload as `historyToJSON` stores it: base64 metadata values and data. */
interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}
interface JsonEvent {
  eventId: string;
  eventType: string;
  activityTaskScheduledEventAttributes?: {
    activityId: string;
    activityType: { name: string };
    input?: { payloads?: JsonPayload[] };
  };
  markerRecordedEventAttributes?: { markerName: string; details?: Record<string, { payloads?: JsonPayload[] }> };
}

const fromBase64 = (s: string | undefined) => new Uint8Array(Buffer.from(s ?? '', 'base64'));

/** Decoded as a worker decodes it: the project's codec (stored histories may still hold encrypted payloads), then JSON. */
async function decode(json: JsonPayload): Promise<unknown> {
  let payload: Payload = {
    metadata: Object.fromEntries(Object.entries(json.metadata ?? {}).map(([k, v]) => [k, fromBase64(v)])),
    data: fromBase64(json.data),
  };
  // The codec only when needed: without keys in the environment, building it creates the dev key file.
  if (isEncryptedPayload(payload)) payload = (await seleksiDataConverter().payloadCodecs![0]!.decode([payload]))[0]!;
  return defaultPayloadConverter.fromPayload(payload);
}

/** What each scheduled activity's arguments become once converted to payloads and read back. */
const asRecorded = (args: unknown[]) =>
  args.map((arg) => defaultPayloadConverter.fromPayload(defaultPayloadConverter.toPayload(arg)));

interface Recorded {
  activityType: string;
  /** Absent for local activities (their markers keep no input). */
  args?: unknown[];
}

/** The activities the history recorded, by activity id: scheduled events, and local activities' markers. */
async function recordedActivities(events: JsonEvent[]): Promise<Map<string, Recorded>> {
  const recorded = new Map<string, Recorded>();
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) {
      const args = await Promise.all((scheduled.input?.payloads ?? []).map(decode));
      recorded.set(scheduled.activityId, { activityType: scheduled.activityType.name, args });
    }
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_local_activity') {
      const data = (await decode(marker.details!.data!.payloads![0]!)) as {
        activity_id: string;
        activity_type: string;
      };
      recorded.set(`local:${data.activity_id}`, { activityType: data.activity_type });
    }
  }
  return recorded;
}

/**
 * Input changes since some histories were recorded, accepted for those histories and that activity only:
 * `paths` are dropped from both sides; `addedFields` lets the replayed input carry fields the recorded one
 * lacks (every recorded value must still match). Re-recording the histories removes the need for an entry.
 */
interface KnownChange {
  files: RegExp;
  activityType: string;
  paths?: string[][];
  addedFields?: true;
  why: string;
}
const KNOWN_CHANGES: KnownChange[] = [
  {
    files:
      /^(bkn-silence-calendar-amendment-v2|complete-round-v[23]\.|extensions-then-cancelled-v2|kasn-escalation-v2|madya-president-route-v2|objection-window-v2|overseer-correction-v2\.|schedule-stage\.)/,
    activityType: 'recordSelectionStage',
    paths: [['1', 'at']],
    why: '28ac123: a stage event is dated when its stage begins, before the projection (recorded: after it)',
  },
  {
    files: /^(election-window-talent|talent-madya-)/,
    activityType: 'issueFillingDocument',
    addedFields: true,
    why: "969daff: a filling's first state from initialFillingState, every field set (route, election…)",
  },
  {
    files: /^(election-window-talent|talent-madya-)/,
    activityType: 'recordAudit',
    addedFields: true,
    why: "ac48a94: a Keppres decision's record carries the appointee's order; 969daff: the successor's route",
  },
];

const knownChanges = (file: string, activityType: string) =>
  KNOWN_CHANGES.filter((c) => c.activityType === activityType && c.files.test(file));

/** The arguments without the fields the known changes drop. */
function withoutKnownPaths(changes: KnownChange[], args: unknown[]): unknown[] {
  const copy = structuredClone(args);
  for (const path of changes.flatMap((c) => c.paths ?? [])) {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], copy);
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[path.at(-1)!];
  }
  return copy;
}

let bundle: { code: string };
let scheduled: ScheduledActivity[] = [];
const sinks: InjectedSinks<ReplayRecorderSinks> = {
  replayRecorder: { scheduled: { fn: (_info, activity) => void scheduled.push(activity), callDuringReplay: true } },
};

beforeAll(async () => {
  // As the workers bundle it (the OpenTelemetry interceptors included): stored histories replay with them.
  // The recorder only observes the activities scheduled.
  bundle = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: [...WORKFLOW_INTERCEPTOR_MODULES, RECORDER],
    logger: { warn() {}, info() {}, debug() {}, error: console.error, trace() {}, log() {} },
  });
}, 120_000);

beforeEach(() => {
  scheduled = [];
});

describe('replay of stored open-selection histories', () => {
  it('has stored histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)('%s replays deterministically, each activity with its recorded input', async (file) => {
    const { workflowId, history } = JSON.parse(gunzipSync(readFileSync(join(DIR, file))).toString('utf8')) as {
      workflowId: string;
      history: { events: JsonEvent[] };
    };
    // Throws DeterminismViolationError (or ReplayError) when the code no longer matches the history.
    await Worker.runReplayHistory(
      { workflowBundle: bundle, sinks },
      history as unknown as Parameters<typeof Worker.runReplayHistory>[1],
      workflowId,
    );

    const recorded = await recordedActivities(history.events);
    const matched = new Set<string>();
    // A history that ends inside a workflow task holds no events for what that last task schedules.
    const endsInTask = /WORKFLOW_TASK_(SCHEDULED|STARTED)$/.test(history.events.at(-1)?.eventType ?? '');
    for (const activity of scheduled) {
      const key = activity.local ? `local:${activity.activityId}` : activity.activityId;
      const what = `${file}: ${activity.local ? 'local activity' : 'activity'} ${activity.activityId} (${activity.activityType})`;
      const expected = recorded.get(key);
      if (!expected && endsInTask) continue;
      expect(expected, `${what}: scheduled by the replay, not recorded in the history`).toBeDefined();
      if (!expected) continue;
      matched.add(key);
      expect(activity.activityType, `${what}: type differs from the history`).toBe(expected.activityType);
      if (!expected.args) continue;
      const changes = knownChanges(file, activity.activityType);
      const [actual, recordedArgs] = [asRecorded(activity.args), expected.args].map((a) =>
        withoutKnownPaths(changes, a),
      );
      const message = `${what}: input differs from the one recorded in the history`;
      if (changes.some((c) => c.addedFields)) expect(actual, message).toMatchObject(recordedArgs!);
      else expect(actual, message).toEqual(recordedArgs);
    }
    expect(
      [...recorded.keys()].filter((key) => !matched.has(key)),
      `${file}: recorded activities the replay did not schedule`,
    ).toEqual([]);
  });
});
