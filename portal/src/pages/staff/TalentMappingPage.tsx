/**
 * Talent mapping of an agency for a period: start the run, follow its progress, read the nine-box map.
 *
 * Route: /kelola/talenta/pemetaan (ADMIN, PANSEL_SECRETARY map; PPK and OVERSEER read the map).
 * Main controls: "Instansi" (a select by name for those who see several agencies, the user's own agency
 * otherwise); form "Pemetaan talenta" ("Periode", "Tanggal acuan", buttons "Mulai pemetaan" and "Lihat
 * kemajuan"; the batch size is the server's); progress bar "Pegawai diproses" (polled every 2 s while the run
 * is going) with mapped and unmapped counts; section "Peta talenta" with "Periode peta", the 3×3 grid
 * (NineBoxGrid: a button per box opens its people, paged), "Pegawai yang belum dapat dipetakan" with the
 * reason of each; under it "Ekspor": XLSX/CSV links of the map and of each KRS of the agency (ExportLinks.tsx).
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Progress, formatDate } from '../../components/ui';
import { Page } from '../../components/ui';
import { START_TALENT_MAPPING, SUCCESSION_GROUPS, TALENT_MAPPING_PROGRESS } from '../../queries/staff';
import { TALENT_AGENCIES, TALENT_MAP_GRID, TALENT_MAP_PERIODS } from '../../queries/talent-map';
import { ActionForm, Outcome, useAction, usePolling } from './common';
import { ExportLinks } from './ExportLinks';
import { AgencyOptions } from '../../components/SelectField';
import { MAPPING_STATUS, say } from './labels';
import { BoxPeople, NineBoxGrid } from './NineBoxGrid';

const count = (n: number) => n.toLocaleString('id-ID');

export function TalentMappingPage() {
  const { user } = useAuth();
  const canMap = user?.role === 'ADMIN' || user?.role === 'PANSEL_SECRETARY';
  const agencies = useQuery<{ talentAgencies: { code: string; name: string }[] }>(TALENT_AGENCIES);
  const agencyList = agencies.data?.talentAgencies ?? [];
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  useEffect(() => {
    // Those who see several agencies start on the first (by name) unless they belong to one.
    if (!agencyCode && agencyList[0]) setAgencyCode(agencyList[0].code);
  }, [agencyCode, agencyList]);
  const agencyName = agencyList.find((a) => a.code === agencyCode)?.name ?? agencyCode;

  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [asOf, setAsOf] = useState('');
  const [watched, setWatched] = useState<{ agencyCode: string; period: string } | null>(null);
  const [mapPeriod, setMapPeriod] = useState<string | null>(null);
  const [selectedBox, setSelectedBox] = useState<number | null>(null);
  const start = useAction(START_TALENT_MAPPING, (d) =>
    setWatched({ agencyCode: d.startTalentMapping.agencyCode, period: d.startTalentMapping.period }),
  );
  const progress = useQuery(TALENT_MAPPING_PROGRESS, watched ?? {}, watched === null);
  const run = progress.data?.talentMappingProgress ?? null;
  usePolling(progress.reload, 2_000, watched !== null && run?.status !== 'COMPLETED');

  const periods = useQuery<{ talentMapPeriods: { edges: { node: { period: string; total: number } }[] } }>(
    TALENT_MAP_PERIODS,
    { agencyCode },
    agencyCode === '',
  );
  const map = useQuery(TALENT_MAP_GRID, { agencyCode, period: mapPeriod }, agencyCode === '');
  const mapped = map.data?.talentMap ?? null;
  const krs = useQuery(SUCCESSION_GROUPS, { agencyCode: mapped?.agencyCode ?? '' }, mapped === null);
  const selectedCell = mapped?.grid.flatMap((r) => r.cells).find((c) => c.box === selectedBox) ?? null;

  const chooseAgency = (code: string) => {
    setAgencyCode(code);
    setMapPeriod(null);
    setSelectedBox(null);
    setWatched(null);
  };
  const showMap = (p: string | null) => {
    setMapPeriod(p);
    setSelectedBox(null);
    periods.reload();
    map.reload();
  };

  return (
    <Page title="Pemetaan talenta">
      <p>
        Memetakan setiap pegawai instansi ke kotak talenta (sembilan kotak) untuk satu periode, lalu menyusun kelompok
        rencana suksesi (KRS) setiap jabatan sasaran.
      </p>
      <p>
        <Link to="/kelola/talenta/ip-asn">Indeks Profesionalitas ASN (IP ASN) instansi dan pegawai</Link>
      </p>
      <ErrorAlert error={agencies.error} />
      {agencyList.length > 1 ? (
        <div className="form">
          <Field id="tm-agency" label="Instansi" apiField="agencyCode" error={start.error}>
            {(p) => (
              <select {...p} value={agencyCode} onChange={(e) => chooseAgency(e.target.value)}>
                <AgencyOptions agencies={agencyList} />
              </select>
            )}
          </Field>
        </div>
      ) : (
        agencyCode && (
          <p>
            Instansi: <strong>{agencyName}</strong>
          </p>
        )
      )}

      {canMap && (
        <ActionForm
          label="Pemetaan talenta"
          onSubmit={() =>
            void start.run({ agencyCode, period: period.trim(), asOf: asOf || null }, 'Pemetaan dimulai.')
          }
        >
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
          <Outcome error={start.error} done={start.done} />
          <div className="toolbar">
            <Button type="submit" pending={start.pending} disabled={!agencyCode}>
              Mulai pemetaan
            </Button>
            <Button
              type="button"
              kind="secondary"
              disabled={!agencyCode}
              onClick={() => setWatched({ agencyCode, period: period.trim() })}
            >
              Lihat kemajuan
            </Button>
          </div>
        </ActionForm>
      )}

      {watched && (
        <section aria-labelledby="tm-progress-title" className="card">
          <h2 id="tm-progress-title">
            Kemajuan pemetaan {agencyList.find((a) => a.code === watched.agencyCode)?.name ?? watched.agencyCode}{' '}
            periode {watched.period}
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
              <Progress value={run.processed} max={run.total} label="Pegawai diproses" />
              <p>
                Dari {count(run.processed)} pegawai yang sudah diproses, {count(run.processed - run.unmapped)}{' '}
                terpetakan ke kotak dan {count(run.unmapped)} belum dapat dipetakan karena datanya belum lengkap
                (alasannya tercantum per pegawai pada peta talenta). Dimulai {formatDate(run.startedAt, true)} ·{' '}
                {run.batchesDone} batch · {run.successionGroups} KRS disusun.
              </p>
              {run.status === 'COMPLETED' && (
                <Button type="button" kind="secondary" onClick={() => showMap(run.period)}>
                  Tampilkan peta hasil pemetaan
                </Button>
              )}
            </>
          )}
        </section>
      )}

      <section aria-labelledby="tm-map-title" className="card">
        <h2 id="tm-map-title">Peta talenta</h2>
        {(periods.data?.talentMapPeriods.edges.length ?? 0) > 1 && (
          <div className="form">
            <Field id="tm-map-period" label="Periode peta">
              {(p) => (
                <select
                  {...p}
                  value={mapPeriod ?? mapped?.period ?? ''}
                  onChange={(e) => {
                    setMapPeriod(e.target.value);
                    setSelectedBox(null);
                  }}
                >
                  {periods.data!.talentMapPeriods.edges.map(({ node }) => (
                    <option key={node.period} value={node.period}>
                      {node.period} ({count(node.total)} pegawai)
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        )}
        <ErrorAlert error={map.error} />
        {map.loading && !map.data && <Loading />}
        {map.data &&
          (mapped ? (
            <>
              <p role="status">
                {agencyName} periode {mapped.period}: {count(mapped.total)} pegawai, {count(mapped.mapped)} terpetakan
                ke kotak dan {count(mapped.unmapped)} belum dapat dipetakan; {count(mapped.poolCount)} dalam kelompok
                talenta.{' '}
                {mapped.previousPeriod
                  ? `Perubahan dibanding periode ${mapped.previousPeriod}.`
                  : 'Belum ada periode sebelumnya untuk dibandingkan.'}
              </p>
              <NineBoxGrid
                map={mapped}
                selected={selectedBox}
                onSelect={(b) => setSelectedBox((s) => (s === b ? null : b))}
              />
              {selectedCell && (
                <BoxPeople
                  key={`${mapped.period}-${selectedCell.box}`}
                  agencyCode={mapped.agencyCode}
                  period={mapped.period}
                  box={selectedCell.box}
                  title={`Kotak ${selectedCell.box}: ${selectedCell.name} (${count(selectedCell.count)} pegawai)`}
                  total={selectedCell.count}
                />
              )}
              {mapped.unmapped > 0 && (
                <BoxPeople
                  key={`${mapped.period}-unmapped`}
                  agencyCode={mapped.agencyCode}
                  period={mapped.period}
                  box={null}
                  title={`Pegawai yang belum dapat dipetakan (${count(mapped.unmapped)})`}
                  total={mapped.unmapped}
                />
              )}
              <h3>Ekspor</h3>
              <ul>
                <ExportLinks
                  path={`/export/talent-map/${encodeURIComponent(mapped.agencyCode)}/${encodeURIComponent(mapped.period)}`}
                  label={`Peta talenta ${mapped.period} (setiap pegawai)`}
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
