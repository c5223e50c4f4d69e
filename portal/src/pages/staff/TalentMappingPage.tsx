/**
 * Talent mapping of an agency for a period: start the run, follow its progress, read the nine-box counts.
 *
 * Route: /kelola/talenta/pemetaan (ADMIN, PANSEL_SECRETARY).
 * Main controls: form "Pemetaan talenta" ("Kode instansi", "Periode", "Tanggal acuan", "Pegawai per batch",
 * buttons "Mulai pemetaan" and "Lihat kemajuan"); progress bar "Pegawai dipetakan" (polled every 2 s while the
 * run is going); table "Jumlah pegawai per kotak" (during the run); section "Peta talenta" with table
 * "Peta talenta <periode>" (box, name, count, talent pool) and button "Muat peta talenta"; under it "Ekspor": XLSX/CSV
 * links of the map and of each KRS of the agency (ExportLinks.tsx).
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Progress, formatDate } from '../../components/ui';
import { Page } from '../../components/ui';
import { START_TALENT_MAPPING, SUCCESSION_GROUPS, TALENT_MAP, TALENT_MAPPING_PROGRESS } from '../../queries/staff';
import { ActionForm, Outcome, useAction, usePolling } from './common';
import { ExportLinks } from './ExportLinks';
import { MAPPING_STATUS, say } from './labels';

interface ProgressView {
  agencyCode: string;
  period: string;
  status: string;
  processed: number;
  total: number;
  percent: number;
  batchesDone: number;
  unmapped: number;
  successionGroups: number;
  startedAt: string;
  finishedAt: string | null;
  byBox: { box: number; count: number }[];
}

interface SuccessionGroupRow {
  id: string;
  year: number;
  postTitle: string;
  publishedAt: string | null;
}

interface TalentMapView {
  agencyCode: string;
  period: string;
  numbering: string;
  total: number;
  poolCount: number;
  unmapped: number;
  boxes: { box: number; name: string; count: number; inPool: boolean }[];
}

export function TalentMappingPage() {
  const { user } = useAuth();
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [asOf, setAsOf] = useState('');
  const [batchSize, setBatchSize] = useState('');
  const [watched, setWatched] = useState<{ agencyCode: string; period: string } | null>(null);
  const start = useAction<{ startTalentMapping: ProgressView }>(START_TALENT_MAPPING, (d) =>
    setWatched({ agencyCode: d.startTalentMapping.agencyCode, period: d.startTalentMapping.period }),
  );
  const progress = useQuery<{ talentMappingProgress: ProgressView | null }>(
    TALENT_MAPPING_PROGRESS,
    watched ?? {},
    watched === null,
  );
  const run = progress.data?.talentMappingProgress ?? null;
  usePolling(progress.reload, 2_000, watched !== null && run?.status !== 'COMPLETED');

  const [mapKey, setMapKey] = useState<{ agencyCode: string; period: string | null } | null>(null);
  const map = useQuery<{ talentMap: TalentMapView | null }>(TALENT_MAP, mapKey ?? {}, mapKey === null);
  const mapped = map.data?.talentMap ?? null;
  const krs = useQuery<{ successionGroups: { edges: { node: SuccessionGroupRow }[] } }>(
    SUCCESSION_GROUPS,
    { agencyCode: mapped?.agencyCode ?? '' },
    mapped === null,
  );

  return (
    <Page title="Pemetaan talenta">
      <p>
        Memetakan setiap pegawai instansi ke kotak talenta (sembilan kotak) untuk satu periode, lalu menyusun kelompok
        rencana suksesi (KRS) setiap jabatan sasaran.
      </p>
      <p>
        <Link to="/kelola/talenta/ip-asn">Indeks Profesionalitas ASN (IP ASN) instansi dan pegawai</Link>
      </p>
      <ActionForm
        label="Pemetaan talenta"
        onSubmit={() =>
          void start.run(
            {
              agencyCode: agencyCode.trim(),
              period: period.trim(),
              asOf: asOf || null,
              batchSize: batchSize.trim() ? Number(batchSize) : null,
            },
            'Pemetaan dimulai.',
          )
        }
      >
        <Field id="tm-agency" label="Kode instansi" apiField="agencyCode" error={start.error}>
          {(p) => (
            <input
              {...p}
              value={agencyCode}
              readOnly={user?.role === 'PANSEL_SECRETARY' && Boolean(user.agencyCode)}
              onChange={(e) => setAgencyCode(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="tm-period"
          label="Periode"
          hint="Tahun (2026) atau semester (2026-S1, 2026-S2)"
          apiField="period"
          error={start.error}
        >
          {(p) => <input {...p} value={period} onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <Field id="tm-asof" label="Tanggal acuan" hint="Kosongkan untuk hari ini" apiField="asOf" error={start.error}>
          {(p) => <input {...p} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />}
        </Field>
        <Field id="tm-batch" label="Pegawai per batch" hint="Bawaan 200" apiField="batchSize" error={start.error}>
          {(p) => <input {...p} inputMode="numeric" value={batchSize} onChange={(e) => setBatchSize(e.target.value)} />}
        </Field>
        <Outcome error={start.error} done={start.done} />
        <div className="toolbar">
          <Button type="submit" pending={start.pending}>
            Mulai pemetaan
          </Button>
          <Button
            type="button"
            kind="secondary"
            onClick={() => setWatched({ agencyCode: agencyCode.trim(), period: period.trim() })}
          >
            Lihat kemajuan
          </Button>
        </div>
      </ActionForm>

      {watched && (
        <section aria-labelledby="tm-progress-title" className="card">
          <h2 id="tm-progress-title">
            Kemajuan {watched.agencyCode} periode {watched.period}
          </h2>
          <ErrorAlert error={progress.error} />
          {progress.loading && !progress.data ? (
            <Loading />
          ) : run === null ? (
            <p role="status">Belum ada pemetaan untuk instansi dan periode ini.</p>
          ) : (
            <>
              <p role="status" aria-live="polite">
                Status: <strong>{say(MAPPING_STATUS, run.status)}</strong>
                {run.finishedAt ? ` · selesai ${formatDate(run.finishedAt, true)}` : ''}
              </p>
              <Progress value={run.processed} max={run.total} label="Pegawai dipetakan" />
              <p>
                Dimulai {formatDate(run.startedAt, true)} · {run.batchesDone} batch · {run.unmapped} pegawai belum dapat
                dipetakan · {run.successionGroups} KRS disusun
              </p>
              <BoxTable
                caption="Jumlah pegawai per kotak"
                rows={run.byBox.map((b) => ({ ...b, name: null, inPool: null }))}
              />
              {run.status === 'COMPLETED' && (
                <Button
                  type="button"
                  kind="secondary"
                  onClick={() => setMapKey({ agencyCode: run.agencyCode, period: run.period })}
                >
                  Tampilkan peta hasil pemetaan
                </Button>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="tm-map-title" className="card">
        <h2 id="tm-map-title">Peta talenta</h2>
        <p>Jumlah pegawai per kotak pada peta terakhir (atau periode yang diisi di atas).</p>
        <Button
          type="button"
          kind="secondary"
          onClick={() => setMapKey({ agencyCode: agencyCode.trim(), period: period.trim() || null })}
        >
          Muat peta talenta
        </Button>
        <ErrorAlert error={map.error} />
        {mapKey && map.loading && !map.data && <Loading />}
        {map.data &&
          (map.data.talentMap ? (
            <>
              <p role="status">
                {map.data.talentMap.agencyCode} periode {map.data.talentMap.period}: {map.data.talentMap.total} pegawai,{' '}
                {map.data.talentMap.poolCount} dalam kelompok talenta, {map.data.talentMap.unmapped} belum terpetakan.
              </p>
              <BoxTable caption={`Peta talenta ${map.data.talentMap.period}`} rows={map.data.talentMap.boxes} />
              <h3>Ekspor</h3>
              <ul>
                <ExportLinks
                  path={`/export/talent-map/${encodeURIComponent(map.data.talentMap.agencyCode)}/${encodeURIComponent(map.data.talentMap.period)}`}
                  label={`Peta talenta ${map.data.talentMap.period} (setiap pegawai)`}
                />
                {krs.data?.successionGroups.edges.map(({ node: g }) => (
                  <ExportLinks
                    key={g.id}
                    path={`/export/succession-groups/${encodeURIComponent(g.id)}`}
                    label={`KRS ${g.year} ${g.postTitle}${g.publishedAt ? '' : ' (draf)'}`}
                  />
                ))}
              </ul>
              <ErrorAlert error={krs.error} />
            </>
          ) : (
            <p role="status">Belum ada peta talenta untuk instansi ini.</p>
          ))}
      </section>
    </Page>
  );
}

function BoxTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { box: number; count: number; name: string | null; inPool: boolean | null }[];
}) {
  const sorted = [...rows].sort((a, b) => b.box - a.box);
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Kotak</th>
            {sorted.some((r) => r.name) && <th scope="col">Nama</th>}
            <th scope="col">Jumlah pegawai</th>
            {sorted.some((r) => r.inPool !== null) && <th scope="col">Kelompok talenta</th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.box}>
              <th scope="row">{r.box}</th>
              {sorted.some((x) => x.name) && <td>{r.name ?? '-'}</td>}
              <td>{r.count.toLocaleString('id-ID')}</td>
              {sorted.some((x) => x.inPool !== null) && <td>{r.inPool ? 'Ya' : 'Tidak'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
