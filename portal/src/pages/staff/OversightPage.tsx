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
import { OVERSIGHT_PAGE, OVERSIGHT_SIGNAL } from '../../queries/oversight';
import { ExportLinks } from './ExportLinks';

interface StageCount {
  agencyCode: string;
  stage: string;
  stageName: string;
  count: number;
}

interface WaitingItem {
  selectionId: string;
  agencyCode: string;
  title: string;
  stage: string;
  dueAt: string | null;
  waitingOn: string;
  waitingOnName: string;
  overdue: boolean;
  silenceApproaching: boolean;
}

interface AgencyRow {
  agencyCode: string;
  name: string;
  openRounds: number;
  waiting: number;
  overdue: number;
  silenceApproaching: number;
  meritCategoryName: string | null;
  meritIndex: number | null;
  ipAsnAverage: number | null;
  ipAsnCategoryName: string | null;
  ipAsnPeriod: number | null;
}

interface SignalSummary {
  signal: string;
  name: string;
  coverage: string;
  total: number;
  /** The service's cap left records out: the total is a lower bound. */
  truncated?: boolean;
  counts: { agencyCode: string; period: string; count: number }[];
}

interface PageData {
  oversight: {
    agencyCode: string | null;
    openRounds: number;
    /** The service's caps left rounds or fillings out: counts are lower bounds. */
    truncated?: boolean;
    overdueCount: number;
    silenceApproachingCount: number;
    stageCounts: StageCount[];
    talentFillingStages: StageCount[];
    waiting: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: WaitingItem }[];
    };
    agencies: { totalCount: number; edges: { node: AgencyRow }[] };
    signals: SignalSummary[];
  };
}

interface SignalItem {
  id: string;
  agencyCode: string;
  selectionId: string;
  subjectId: string | null;
  at: string;
  who: string;
  detail: string;
  reason: string | null;
  rounds: string[];
}

interface SignalData {
  oversight: {
    signal: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: SignalItem }[];
    };
  };
}

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
  const [signal, setSignal] = useState<string | null>(null);

  const vars = {
    agencyCode: national ? filters.agencyCode.trim() || null : null,
    from: filters.from || null,
    to: filters.to || null,
    panselThreshold: Number(filters.panselThreshold) || 3,
  };
  const page = useQuery<PageData>(OVERSIGHT_PAGE, {
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
              <div className="table-wrap">
                <table>
                  <caption>Seleksi berjalan per instansi dan tahap</caption>
                  <thead>
                    <tr>
                      <th scope="col">Instansi</th>
                      <th scope="col">Tahap</th>
                      <th scope="col">Jumlah</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.stageCounts.map((c) => (
                      <tr key={`${c.agencyCode}:${c.stage}`}>
                        <td>{c.agencyCode}</td>
                        <td>{c.stageName}</td>
                        <td>{c.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            {o.talentFillingStages.length > 0 && (
              <div className="table-wrap">
                <table>
                  <caption>Pengisian jabatan lewat manajemen talenta (tahap terakhir yang tercatat)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Instansi</th>
                      <th scope="col">Tahap</th>
                      <th scope="col">Jumlah</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.talentFillingStages.map((c) => (
                      <tr key={`${c.agencyCode}:${c.stage}`}>
                        <td>{c.agencyCode}</td>
                        <td>{c.stageName}</td>
                        <td>{c.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
            {o.waiting.edges.length === 0 ? (
              <p className="muted">Tidak ada yang menunggu keputusan.</p>
            ) : (
              <div className="table-wrap">
                <table>
                  <caption>{o.waiting.totalCount} seleksi menunggu keputusan, batas waktu terdekat lebih dulu</caption>
                  <thead>
                    <tr>
                      <th scope="col">Instansi</th>
                      <th scope="col">Seleksi</th>
                      <th scope="col">Tahap</th>
                      <th scope="col">Menunggu</th>
                      <th scope="col">Batas waktu</th>
                      <th scope="col">Keadaan</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.waiting.edges.map(({ node: w }) => (
                      <tr key={w.selectionId}>
                        <td>{w.agencyCode}</td>
                        <td>
                          <Link to={recordLink(w.selectionId)}>{w.title}</Link>
                        </td>
                        <td>{stageName(w.stage)}</td>
                        <td>{w.waitingOnName}</td>
                        <td>{w.dueAt ? formatDate(w.dueAt, true) : '—'}</td>
                        <td>
                          {w.overdue ? (
                            <span className="badge badge-bad">Terlambat</span>
                          ) : w.silenceApproaching ? (
                            <span className="badge">Batas diam segera berlaku</span>
                          ) : (
                            '—'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
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
            <div className="table-wrap">
              <table>
                <caption>
                  {o.agencies.totalCount} instansi; yang terlambat dan menunggu paling banyak lebih dulu
                  {o.agencies.totalCount > o.agencies.edges.length ? ` (100 pertama)` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Instansi</th>
                    <th scope="col">Seleksi berjalan</th>
                    <th scope="col">Menunggu</th>
                    <th scope="col">Terlambat</th>
                    <th scope="col">Diam segera berlaku</th>
                    <th scope="col">Kategori sistem merit</th>
                    <th scope="col">Indeks profesionalitas ASN</th>
                  </tr>
                </thead>
                <tbody>
                  {o.agencies.edges.map(({ node: a }) => (
                    <tr key={a.agencyCode}>
                      <td>
                        {a.name} ({a.agencyCode})
                      </td>
                      <td>{a.openRounds}</td>
                      <td>{a.waiting}</td>
                      <td>{a.overdue}</td>
                      <td>{a.silenceApproaching}</td>
                      <td>
                        {a.meritCategoryName ? `${a.meritCategoryName} (${a.meritIndex ?? '—'})` : 'Belum divalidasi'}
                      </td>
                      <td>
                        {a.ipAsnAverage === null
                          ? 'Belum dihitung'
                          : `${a.ipAsnAverage.toLocaleString('id-ID')} — ${a.ipAsnCategoryName ?? ''} (${a.ipAsnPeriod ?? ''})`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
            <div className="table-wrap">
              <table>
                <caption>Sinyal integritas dan jumlahnya per instansi</caption>
                <thead>
                  <tr>
                    <th scope="col">Sinyal</th>
                    <th scope="col">Jumlah</th>
                    <th scope="col">Per instansi</th>
                    <th scope="col">Daftar</th>
                  </tr>
                </thead>
                <tbody>
                  {o.signals.map((s) => (
                    <tr key={s.signal}>
                      <td>
                        {s.name}
                        <br />
                        <small className="muted">{s.coverage}</small>
                      </td>
                      <td>
                        {s.total}
                        {s.truncated && <strong> (tidak lengkap)</strong>}
                      </td>
                      <td>
                        {totals(
                          s.counts,
                          (c) => c.agencyCode,
                          (c) => c.count,
                        )
                          .map(([agency, n]) => `${agency}: ${n}`)
                          .join(', ') || '—'}
                      </td>
                      <td>
                        <Button type="button" onClick={() => setSignal(s.signal)} aria-label={`Lihat ${s.name}`}>
                          Lihat
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
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
  signal: string;
  name: string;
  vars: Record<string, unknown>;
  exportQuery: string;
}) {
  const [after, setAfter] = useState<string | null>(null);
  const list = useQuery<SignalData>(OVERSIGHT_SIGNAL, { ...vars, signal, first: PAGE_SIZE, after });
  const s = list.data?.oversight.signal;
  return (
    <section aria-labelledby="ov-signal-list">
      <h3 id="ov-signal-list">{name}</h3>
      <ul>
        <ExportLinks path={`/export/oversight/signals/${signal}`} label={`Daftar ${name}`} query={exportQuery} />
      </ul>
      {list.loading && !s && <Loading />}
      <ErrorAlert error={list.error} />
      {s && s.edges.length === 0 && <p className="muted">Sinyal ini tidak muncul pada periode dan instansi ini.</p>}
      {s && s.edges.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>
              {s.totalCount} catatan {name.toLowerCase()}
            </caption>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Instansi</th>
                <th scope="col">Seleksi</th>
                <th scope="col">Pelaku</th>
                <th scope="col">Keterangan</th>
                <th scope="col">Alasan</th>
              </tr>
            </thead>
            <tbody>
              {s.edges.map(({ node: i }) => (
                <tr key={i.id}>
                  <td>{formatDate(i.at, true)}</td>
                  <td>{i.agencyCode}</td>
                  <td>
                    {(i.rounds.length > 0 ? i.rounds : [i.selectionId]).map((id) => (
                      <span key={id}>
                        <Link to={recordLink(id)}>{id}</Link>{' '}
                      </span>
                    ))}
                    {!i.selectionId.startsWith('TAL-') && i.rounds.length === 0 && (
                      <Link to={`/kelola/seleksi/${encodeURIComponent(i.selectionId)}/audit`}>(jejak audit)</Link>
                    )}
                  </td>
                  <td>{i.who}</td>
                  <td>{i.detail}</td>
                  <td>{i.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {s?.pageInfo.hasNextPage && (
        <Button type="button" onClick={() => setAfter(s.pageInfo.endCursor)}>
          Muat berikutnya
        </Button>
      )}
    </section>
  );
}
