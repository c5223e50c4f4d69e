/**
 * Route: /kelola/pengawasan (OVERSEER and ADMIN: every agency, or one by its code; PANSEL_SECRETARY,
 * AGENCY_ADMIN, PPK: their own agency). One page to see what waits on whom and which integrity signals fired:
 * open rounds by stage (chart and table), rounds waiting on a decision with their deadlines (overdue and the
 * overseer's silence approaching marked), each agency's line with its merit category, the integrity signals
 * with counts per month (chart) and per agency, and each signal's records with links; XLSX/CSV downloads.
 * Main controls: input "Kode instansi" (overseer), "Dari tanggal", "Sampai tanggal", "Ambang anggota Pansel",
 * button "Terapkan"; checkbox "Hanya yang terlambat"; per signal button "Lihat <signal>"; "Muat berikutnya".
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, formatDate, stageName } from '../../components/ui';
import type { ResultOf } from '../../graphql';
import { OVERSIGHT_PAGE, OVERSIGHT_SIGNAL } from '../../queries/oversight';
import { ExportLinks } from './ExportLinks';
import { DataTable, type Column } from '../../components/DataTable';

type Oversight = ResultOf<typeof OVERSIGHT_PAGE>['oversight'];
type StageCount = Oversight['stageCounts'][number];
type WaitingItem = Oversight['waiting']['edges'][number]['node'];
type AgencyRow = Oversight['agencies']['edges'][number]['node'];
type SignalSummary = Oversight['signals'][number];
type SignalItem = ResultOf<typeof OVERSIGHT_SIGNAL>['oversight']['signal']['edges'][number]['node'];

const PAGE_SIZE = 25;
const CHART_COLOURS = ['#1f5f99', '#b35900', '#2e7d32', '#8e24aa', '#c62828', '#00838f', '#6d4c41', '#455a64'];

/** A round's page, or a talent filling's (their ids start with TAL-). */
function recordLink(id: string): string {
  return id.startsWith('TAL-')
    ? `/kelola/talenta/pengisian/${encodeURIComponent(id)}`
    : `/kelola/seleksi/${encodeURIComponent(id)}`;
}

function query(params: Record<string, string | number | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Sum of counts per key, in first-seen order. */
function totals<T>(rows: readonly T[], key: (r: T) => string, count: (r: T) => number) {
  const m = new Map<string, number>();
  for (const r of rows) m.set(key(r), (m.get(key(r)) ?? 0) + count(r));
  return [...m.entries()];
}

const STAGE_COUNT_COLUMNS: readonly Column<StageCount>[] = [
  { header: 'Instansi', cell: (c) => c.agencyCode },
  { header: 'Tahap', cell: (c) => c.stageName },
  { header: 'Jumlah', cell: (c) => c.count },
];

/** Rounds (or talent fillings) per agency and stage. */
function StageCountTable({ caption, rows }: { caption: string; rows: readonly StageCount[] }) {
  return (
    <DataTable
      caption={caption}
      captionHidden={false}
      rows={rows}
      rowKey={(c) => `${c.agencyCode}:${c.stage}`}
      columns={STAGE_COUNT_COLUMNS}
    />
  );
}

const WAITING_COLUMNS: readonly Column<WaitingItem>[] = [
  { header: 'Instansi', cell: (w) => w.agencyCode },
  { header: 'Seleksi', cell: (w) => <Link to={recordLink(w.selectionId)}>{w.title}</Link> },
  { header: 'Tahap', cell: (w) => stageName(w.stage) },
  { header: 'Menunggu', cell: (w) => w.waitingOnName },
  { header: 'Batas waktu', cell: (w) => (w.dueAt ? formatDate(w.dueAt, true) : '—') },
  {
    header: 'Keadaan',
    cell: (w) =>
      w.overdue ? (
        <span className="badge badge-bad">Terlambat</span>
      ) : w.silenceApproaching ? (
        <span className="badge">Batas diam segera berlaku</span>
      ) : (
        '—'
      ),
  },
];

const AGENCY_COLUMNS: readonly Column<AgencyRow>[] = [
  { header: 'Instansi', cell: (a) => `${a.name} (${a.agencyCode})` },
  { header: 'Seleksi berjalan', cell: (a) => a.openRounds },
  { header: 'Menunggu', cell: (a) => a.waiting },
  { header: 'Terlambat', cell: (a) => a.overdue },
  { header: 'Diam segera berlaku', cell: (a) => a.silenceApproaching },
  {
    header: 'Kategori sistem merit',
    cell: (a) => (a.meritCategoryName ? `${a.meritCategoryName} (${a.meritIndex ?? '—'})` : 'Belum divalidasi'),
  },
  {
    header: 'Indeks profesionalitas ASN',
    cell: (a) =>
      a.ipAsnAverage === null
        ? 'Belum dihitung'
        : `${a.ipAsnAverage.toLocaleString('id-ID')} — ${a.ipAsnCategoryName ?? ''} (${a.ipAsnPeriod ?? ''})`,
  },
];

const SIGNAL_COLUMNS: readonly Column<SignalSummary>[] = [
  {
    header: 'Sinyal',
    cell: (s) => (
      <>
        {s.name}
        <br />
        <small className="muted">{s.coverage}</small>
      </>
    ),
  },
  {
    header: 'Jumlah',
    cell: (s) => (
      <>
        {s.total}
        {s.truncated && <strong> (tidak lengkap)</strong>}
      </>
    ),
  },
  {
    header: 'Per instansi',
    cell: (s) =>
      totals(
        s.counts,
        (c) => c.agencyCode,
        (c) => c.count,
      )
        .map(([agency, n]) => `${agency}: ${n}`)
        .join(', ') || '—',
  },
];

const SIGNAL_ITEM_COLUMNS: readonly Column<SignalItem>[] = [
  { header: 'Waktu', cell: (i) => formatDate(i.at, true) },
  { header: 'Instansi', cell: (i) => i.agencyCode },
  {
    header: 'Seleksi',
    cell: (i) => (
      <>
        {(i.rounds.length > 0 ? i.rounds : [i.selectionId]).map((id) => (
          <span key={id}>
            <Link to={recordLink(id)}>{id}</Link>{' '}
          </span>
        ))}
        {!i.selectionId.startsWith('TAL-') && i.rounds.length === 0 && (
          <Link to={`/kelola/seleksi/${encodeURIComponent(i.selectionId)}/audit`}>(jejak audit)</Link>
        )}
      </>
    ),
  },
  { header: 'Pelaku', cell: (i) => i.who },
  { header: 'Keterangan', cell: (i) => i.detail },
  { header: 'Alasan', cell: (i) => i.reason ?? '—' },
];

interface Filters {
  agencyCode: string;
  from: string;
  to: string;
  panselThreshold: string;
}

export function OversightPage() {
  const { user } = useAuth();
  const national = user?.role === 'OVERSEER' || user?.role === 'ADMIN';
  const [draft, setDraft] = useState<Filters>({ agencyCode: '', from: '', to: '', panselThreshold: '3' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const [after, setAfter] = useState<string | null>(null);
  const [signal, setSignal] = useState<SignalSummary['signal'] | null>(null);

  const vars = {
    agencyCode: national ? filters.agencyCode.trim() || null : null,
    from: filters.from || null,
    to: filters.to || null,
    panselThreshold: Number(filters.panselThreshold) || 3,
  };
  const page = useQuery(OVERSIGHT_PAGE, {
    ...vars,
    first: PAGE_SIZE,
    after,
    onlyOverdue: onlyOverdue || null,
  });
  const o = page.data?.oversight;

  const stageChart = useMemo(
    () =>
      totals(
        o?.stageCounts ?? [],
        (c) => c.stageName,
        (c) => c.count,
      ).map(([name, count]) => ({ name, count })),
    [o],
  );
  const periods = useMemo(() => {
    const all = new Set<string>();
    for (const s of o?.signals ?? []) for (const c of s.counts) all.add(c.period);
    return [...all].sort();
  }, [o]);
  const signalChart = useMemo(
    () =>
      periods.map((period) => {
        const row: Record<string, string | number> = { period };
        for (const s of o?.signals ?? []) {
          row[s.name] = s.counts.filter((c) => c.period === period).reduce((n, c) => n + c.count, 0);
        }
        return row;
      }),
    [o, periods],
  );

  const scopeParams = { agencyCode: vars.agencyCode };
  const signalParams = {
    ...scopeParams,
    from: vars.from,
    to: vars.to,
    panselThreshold: vars.panselThreshold,
  };

  return (
    <Page title={o?.agencyCode && !national ? `Pengawasan instansi ${o.agencyCode}` : 'Pengawasan seleksi JPT'}>
      <form
        className="card"
        aria-label="Saring pengawasan"
        onSubmit={(e) => {
          e.preventDefault();
          setAfter(null);
          setFilters(draft);
        }}
      >
        {national && (
          <Field id="ov-agency" label="Kode instansi" hint="Kosongkan untuk semua instansi">
            {(p) => (
              <input
                {...p}
                value={draft.agencyCode}
                onChange={(e) => setDraft({ ...draft, agencyCode: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field id="ov-from" label="Dari tanggal" hint="Periode sinyal integritas (WIB)">
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.from}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
            />
          )}
        </Field>
        <Field id="ov-to" label="Sampai tanggal">
          {(p) => (
            <input {...p} type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          )}
        </Field>
        <Field id="ov-threshold" label="Ambang anggota Pansel" hint="Jumlah seleksi satu instansi (2–100)">
          {(p) => (
            <input
              {...p}
              type="number"
              min={2}
              max={100}
              value={draft.panselThreshold}
              onChange={(e) => setDraft({ ...draft, panselThreshold: e.target.value })}
            />
          )}
        </Field>
        <Button type="submit">Terapkan</Button>
      </form>

      {page.loading && !o && <Loading />}
      <ErrorAlert error={page.error} />
      {o && (
        <>
          {(o.truncated || o.signals.some((s) => s.truncated)) && (
            <div role="alert" className="alert alert-warn">
              Data tidak lengkap: batas baca tercapai untuk{' '}
              {[
                o.truncated ? 'seleksi berjalan atau pengisian jabatan' : null,
                ...o.signals.filter((s) => s.truncated).map((s) => `sinyal “${s.name}”`),
              ]
                .filter(Boolean)
                .join(', ')}
              . Angka di bawah adalah batas bawah; persempit instansi atau periode.
            </div>
          )}
          <section aria-labelledby="ov-summary" className="summary">
            <h2 id="ov-summary">Ringkasan</h2>
            <ul>
              <li>
                Seleksi berjalan: <strong>{o.openRounds}</strong>
              </li>
              <li>
                Menunggu keputusan: <strong>{o.waiting.totalCount}</strong>
              </li>
              <li>
                Terlambat: <strong>{o.overdueCount}</strong>
              </li>
              <li>
                Batas diam pengawas segera berlaku: <strong>{o.silenceApproachingCount}</strong>
              </li>
            </ul>
          </section>

          <section aria-labelledby="ov-stages">
            <h2 id="ov-stages">Seleksi berjalan per tahap</h2>
            {stageChart.length === 0 ? (
              <p className="muted">Tidak ada seleksi yang sedang berjalan.</p>
            ) : (
              <figure aria-label="Grafik jumlah seleksi berjalan per tahap">
                <ResponsiveContainer width="100%" height={280}>
                  <BarChart data={stageChart} layout="vertical" margin={{ left: 40, right: 20 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="name" width={220} />
                    <Tooltip />
                    <Bar dataKey="count" name="Seleksi" fill={CHART_COLOURS[0]} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
                <figcaption className="muted">Data lengkap per instansi ada di tabel di bawah.</figcaption>
              </figure>
            )}
            <details>
              <summary>Tabel per instansi dan tahap</summary>
              <StageCountTable caption="Seleksi berjalan per instansi dan tahap" rows={o.stageCounts} />
            </details>
            {o.talentFillingStages.length > 0 && (
              <StageCountTable
                caption="Pengisian jabatan lewat manajemen talenta (tahap terakhir yang tercatat)"
                rows={o.talentFillingStages}
              />
            )}
          </section>

          <section aria-labelledby="ov-waiting">
            <h2 id="ov-waiting">Menunggu keputusan</h2>
            <label>
              <input
                type="checkbox"
                checked={onlyOverdue}
                onChange={(e) => {
                  setAfter(null);
                  setOnlyOverdue(e.target.checked);
                }}
              />{' '}
              Hanya yang terlambat
            </label>
            <ul>
              <ExportLinks
                path="/export/oversight/waiting"
                label="Daftar menunggu keputusan"
                query={query(scopeParams)}
              />
            </ul>
            <DataTable
              caption={`${o.waiting.totalCount} seleksi menunggu keputusan, batas waktu terdekat lebih dulu`}
              captionHidden={false}
              rows={o.waiting.edges.map((e) => e.node)}
              rowKey={(w) => w.selectionId}
              empty="Tidak ada yang menunggu keputusan."
              columns={WAITING_COLUMNS}
            />
            <p>
              {after && (
                <Button type="button" onClick={() => setAfter(null)}>
                  Kembali ke awal
                </Button>
              )}{' '}
              {o.waiting.pageInfo.hasNextPage && (
                <Button type="button" onClick={() => setAfter(o.waiting.pageInfo.endCursor)}>
                  Muat berikutnya
                </Button>
              )}
            </p>
          </section>

          <section aria-labelledby="ov-agencies">
            <h2 id="ov-agencies">Instansi</h2>
            <DataTable
              caption={`${o.agencies.totalCount} instansi; yang terlambat dan menunggu paling banyak lebih dulu${
                o.agencies.totalCount > o.agencies.edges.length ? ` (100 pertama)` : ''
              }`}
              captionHidden={false}
              rows={o.agencies.edges.map((e) => e.node)}
              rowKey={(a) => a.agencyCode}
              columns={AGENCY_COLUMNS}
            />
          </section>

          <section aria-labelledby="ov-signals">
            <h2 id="ov-signals">Sinyal integritas</h2>
            {signalChart.length > 0 && (
              <figure aria-label="Grafik sinyal integritas per bulan">
                <ResponsiveContainer width="100%" height={300}>
                  <BarChart data={signalChart}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="period" />
                    <YAxis allowDecimals={false} />
                    <Tooltip />
                    <Legend />
                    {o.signals.map((s, i) => (
                      <Bar
                        key={s.signal}
                        dataKey={s.name}
                        stackId="signals"
                        fill={CHART_COLOURS[i % CHART_COLOURS.length]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
                <figcaption className="muted">Jumlah sinyal per bulan; rinciannya di tabel di bawah.</figcaption>
              </figure>
            )}
            <DataTable
              caption="Sinyal integritas dan jumlahnya per instansi"
              captionHidden={false}
              rows={o.signals}
              rowKey={(s) => s.signal}
              columns={[
                ...SIGNAL_COLUMNS,
                {
                  header: 'Daftar',
                  cell: (s) => (
                    <Button type="button" onClick={() => setSignal(s.signal)} aria-label={`Lihat ${s.name}`}>
                      Lihat
                    </Button>
                  ),
                },
              ]}
            />
            {signal && (
              <SignalList
                key={`${signal}:${JSON.stringify(vars)}`}
                signal={signal}
                name={o.signals.find((s) => s.signal === signal)?.name ?? signal}
                vars={vars}
                exportQuery={query(signalParams)}
              />
            )}
          </section>
        </>
      )}
    </Page>
  );
}

function SignalList({
  signal,
  name,
  vars,
  exportQuery,
}: {
  signal: SignalSummary['signal'];
  name: string;
  vars: Record<string, unknown>;
  exportQuery: string;
}) {
  const [after, setAfter] = useState<string | null>(null);
  const list = useQuery(OVERSIGHT_SIGNAL, { ...vars, signal, first: PAGE_SIZE, after });
  const s = list.data?.oversight.signal;
  return (
    <section aria-labelledby="ov-signal-list">
      <h3 id="ov-signal-list">{name}</h3>
      <ul>
        <ExportLinks path={`/export/oversight/signals/${signal}`} label={`Daftar ${name}`} query={exportQuery} />
      </ul>
      {list.loading && !s && <Loading />}
      <ErrorAlert error={list.error} />
      {s?.truncated && (
        <div role="alert" className="alert alert-warn">
          Data tidak lengkap: batas baca tercapai, catatan terlama tidak ikut. Persempit periode atau pilih satu
          instansi.
        </div>
      )}
      {s && (
        <DataTable
          caption={`${s.totalCount} catatan ${name.toLowerCase()}`}
          captionHidden={false}
          rows={s.edges.map((e) => e.node)}
          rowKey={(i) => i.id}
          empty="Sinyal ini tidak muncul pada periode dan instansi ini."
          columns={SIGNAL_ITEM_COLUMNS}
        />
      )}
      {s?.pageInfo.hasNextPage && (
        <Button type="button" onClick={() => setAfter(s.pageInfo.endCursor)}>
          Muat berikutnya
        </Button>
      )}
    </section>
  );
}
