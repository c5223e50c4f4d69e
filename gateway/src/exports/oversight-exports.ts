/**
 * Exports of the oversight view (issue 16): the rounds waiting on a decision, and the records of one
 * integrity signal. Same scope as `oversight` in schema/oversight.ts (the overseer every agency or one,
 * an agency's staff their own); times in WIB, the overseer's clock, or the agency's own zone.
 *
 *   GET /export/oversight/waiting.{xlsx|csv}?agencyCode=
 *   GET /export/oversight/signals/<SIGNAL>.{xlsx|csv}?agencyCode=&from=&to=&panselThreshold=
 */
import {
  DEFAULT_PANSEL_ROUNDS_THRESHOLD,
  INTEGRITY_SIGNAL_NAMES,
  INTEGRITY_SIGNALS,
  isLocalDate,
  SELECTION_STAGE_NAMES_ID,
  WAITING_PARTY_NAMES,
  type AgencyTimeZone,
  type IntegritySignal,
} from '@seleksi/domain';
import type { GraphQLContext } from '../context';
import { gqlError } from '../errors';
import { DEFAULT_SILENCE_WARNING_WORKING_DAYS, oversightScope, roundsView, signalRead } from '../oversight/view';
import { ROLE_ID, yesNo } from './labels';
import { instant, zoneSuffix, type Cell, type ExportTable } from './table';

type Query = Record<string, unknown>;
const one = (q: Query, key: string): string | null => (typeof q[key] === 'string' && q[key] !== '' ? q[key] : null);

async function zoneOf(ctx: GraphQLContext, scope: string | null): Promise<AgencyTimeZone> {
  if (!scope) return 'WIB';
  return (await ctx.loaders.agency.load(scope))?.timeZone ?? 'WIB';
}

/** The last row of an export whose read hit its cap. */
const INCOMPLETE =
  'Data tidak lengkap: batas baca tercapai, sebagian data tidak ikut. Persempit periode atau pilih satu instansi.';

async function* each(rows: Cell[][]): AsyncGenerator<Cell[]> {
  for (const r of rows) yield r;
}

export async function oversightWaitingExport(ctx: GraphQLContext, query: Query): Promise<ExportTable> {
  const scope = oversightScope(ctx, one(query, 'agencyCode'));
  const [view, tz] = await Promise.all([
    roundsView(ctx, scope, DEFAULT_SILENCE_WARNING_WORKING_DAYS),
    zoneOf(ctx, scope),
  ]);
  const z = zoneSuffix(tz);
  return {
    fileName: `menunggu-keputusan-${scope ?? 'semua'}`,
    ...(view.truncated ? { incomplete: INCOMPLETE } : {}),
    sheetName: 'Menunggu keputusan',
    timeZone: tz,
    columns: [
      { header: 'No', width: 6 },
      { header: 'Instansi', width: 14 },
      { header: 'ID Seleksi', width: 24 },
      { header: 'Judul', width: 40 },
      { header: 'Tahap', width: 28 },
      { header: 'Menunggu', width: 22 },
      { header: `Masuk Tahap (${z})`, width: 18 },
      { header: `Batas Waktu (${z})`, width: 18 },
      { header: 'Terlambat', width: 10 },
      { header: 'Diam Segera Berlaku', width: 12 },
    ],
    rows: each(
      view.waiting.map((w, i) => [
        i + 1,
        w.agencyCode,
        w.selectionId,
        w.title,
        SELECTION_STAGE_NAMES_ID[w.stage] ?? w.stage,
        WAITING_PARTY_NAMES[w.waitingOn],
        instant(w.stageAt),
        instant(w.dueAt),
        yesNo(w.overdue),
        yesNo(w.silenceApproaching),
      ]),
    ),
  };
}

export async function oversightSignalExport(ctx: GraphQLContext, signal: string, query: Query): Promise<ExportTable> {
  const scope = oversightScope(ctx, one(query, 'agencyCode'));
  if (!(INTEGRITY_SIGNALS as readonly string[]).includes(signal)) {
    throw gqlError('NOT_FOUND', 'Sinyal integritas tidak dikenal', 'signal');
  }
  const from = one(query, 'from');
  const to = one(query, 'to');
  for (const [field, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v !== null && !isLocalDate(v)) throw gqlError('VALIDATION_FAILED', 'Tanggal harus berformat YYYY-MM-DD', field);
  }
  const threshold = Number(one(query, 'panselThreshold') ?? DEFAULT_PANSEL_ROUNDS_THRESHOLD);
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > 100) {
    throw gqlError('VALIDATION_FAILED', 'Ambang anggota Pansel harus 2–100 seleksi', 'panselThreshold');
  }
  const [{ items, truncated }, tz] = await Promise.all([
    signalRead(ctx, scope, signal as IntegritySignal, { from, to, panselThreshold: threshold }),
    zoneOf(ctx, scope),
  ]);
  return {
    fileName: `sinyal-${signal.toLowerCase().replace(/_/g, '-')}-${scope ?? 'semua'}`,
    ...(truncated ? { incomplete: INCOMPLETE } : {}),
    sheetName: INTEGRITY_SIGNAL_NAMES[signal as IntegritySignal].slice(0, 31),
    timeZone: tz,
    columns: [
      { header: 'No', width: 6 },
      { header: 'Instansi', width: 14 },
      { header: 'Periode', width: 10 },
      { header: `Waktu (${zoneSuffix(tz)})`, width: 18 },
      { header: 'ID Seleksi / Pengisian', width: 26 },
      { header: 'Subjek', width: 24 },
      { header: 'Pelaku', width: 28 },
      { header: 'Peran', width: 18 },
      { header: 'Keterangan', width: 50 },
      { header: 'Alasan', width: 50 },
      { header: 'ID Catatan Audit', width: 38 },
      { header: 'Seleksi Terkait', width: 40 },
    ],
    rows: each(
      items.map((s, i) => [
        i + 1,
        s.agencyCode,
        s.period,
        instant(s.at),
        s.selectionId,
        s.subjectId,
        s.who,
        ROLE_ID[s.by.role] ?? s.by.role,
        s.detail,
        s.reason,
        s.id,
        s.rounds.join(', ') || null,
      ]),
    ),
  };
}
