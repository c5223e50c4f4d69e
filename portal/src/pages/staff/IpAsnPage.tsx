/**
 * The ASN professionalism index (IP ASN) of an agency: the distribution by category and the average of a
 * period, the computation of a period (followed while it runs), one employee's four dimensions by NIP, and for
 * the overseer and administrators every agency's average and category.
 *
 * Route: /kelola/talenta/ip-asn (PANSEL_SECRETARY, PPK, OVERSEER, ADMIN); linked from "Pemetaan talenta".
 * Main controls: form "IP ASN instansi" ("Kode instansi", "Periode (tahun)", buttons "Tampilkan" and "Hitung IP
 * ASN"); progress "Pegawai dinilai"; table "Sebaran kategori IP ASN <periode>"; table "Bobot dimensi"; form "IP
 * ASN pegawai" ("NIP", button "Cari") with table "Dimensi IP ASN"; table "IP ASN per instansi <periode>".
 */
import { useState } from 'react';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, Progress, formatDate } from '../../components/ui';
import { COMPUTE_IP_ASN, EMPLOYEE_IP_ASN, IP_ASN_RUN, IP_ASN_SUMMARIES, IP_ASN_SUMMARY } from '../../queries/ip-asn';
import { ActionForm, Outcome, useAction, usePolling } from './common';
import { DataTable, type Column } from '../../components/DataTable';
import type { ResultOf } from '../../graphql';

type EmployeeView = NonNullable<ResultOf<typeof EMPLOYEE_IP_ASN>['employeeIpAsn']>;
type AgencyRow = ResultOf<typeof IP_ASN_SUMMARIES>['ipAsnSummaries'][number];

/** The score bands of PermenPANRB 38/2018, highest first. */
const BANDS: Record<string, string> = {
  SANGAT_TINGGI: '91–100',
  TINGGI: '81–90',
  SEDANG: '71–80',
  RENDAH: '61–70',
  SANGAT_RENDAH: '≤ 60',
};

const RUN_STATUS: Record<string, string> = { STARTING: 'Dimulai', SCORING: 'Menilai pegawai', COMPLETED: 'Selesai' };

const score = (n: number | null) =>
  n === null ? '-' : n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const AGENCY_COLUMNS: readonly Column<AgencyRow>[] = [
  { header: 'Pegawai', cell: (a) => a.employees.toLocaleString('id-ID') },
  { header: 'Rata-rata', cell: (a) => score(a.average) },
  { header: 'Kategori', cell: (a) => a.categoryLabel ?? '-' },
  { header: 'Dihitung', cell: (a) => formatDate(a.computedAt, true) },
];

const DIMENSION_COLUMNS: readonly Column<EmployeeView['dimensions'][number]>[] = [
  { header: 'Dimensi', rowHeader: true, cell: (d) => d.label },
  { header: 'Nilai (0–100)', cell: (d) => score(d.score) },
  { header: 'Bobot', cell: (d) => `${d.weight}%` },
  { header: 'Sumbangan', cell: (d) => score(d.weighted) },
];

export function IpAsnPage() {
  const { user } = useAuth();
  const ownAgency = (user?.role === 'PANSEL_SECRETARY' || user?.role === 'PPK') && Boolean(user.agencyCode);
  const canCompute = user?.role === 'PANSEL_SECRETARY' || user?.role === 'ADMIN';
  const seesAll = user?.role === 'OVERSEER' || user?.role === 'ADMIN';
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  // IP ASN measures a finished year by default (its SKP is in).
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const [shown, setShown] = useState<{ agencyCode: string; period: string } | null>(
    user?.agencyCode ? { agencyCode: user.agencyCode, period } : null,
  );
  const summary = useQuery(IP_ASN_SUMMARY, shown ?? {}, shown === null);
  const runQuery = useQuery(IP_ASN_RUN, shown ?? {}, shown === null);
  const run = runQuery.data?.ipAsnRun ?? null;
  const running = run !== null && run.status !== 'COMPLETED';
  usePolling(
    () => {
      runQuery.reload();
      summary.reload();
    },
    2_000,
    running,
  );
  const compute = useAction(COMPUTE_IP_ASN, (d) => {
    setShown({ agencyCode: d.computeIpAsn.agencyCode, period: d.computeIpAsn.period });
    runQuery.reload();
  });
  const current = () => ({ agencyCode: agencyCode.trim(), period: period.trim() });

  const [nip, setNip] = useState('');
  const [lookup, setLookup] = useState<{ nip: string; period: string } | null>(null);
  const employee = useQuery(EMPLOYEE_IP_ASN, lookup ?? {}, lookup === null);

  const all = useQuery(IP_ASN_SUMMARIES, { period: shown?.period ?? period.trim() }, !seesAll);

  const s = summary.data?.ipAsnSummary ?? null;
  return (
    <Page title="Indeks Profesionalitas ASN">
      <p>
        IP ASN setiap pegawai dihitung dari data profil yang diimpor instansi: kualifikasi (pendidikan formal),
        kompetensi (pelatihan kepemimpinan dan JP pengembangan kompetensi), kinerja (predikat SKP tahun itu), dan
        disiplin (hukuman disiplin tahun itu).
      </p>
      <ActionForm label="IP ASN instansi" onSubmit={() => void compute.run(current(), 'Penghitungan IP ASN dimulai.')}>
        <Field id="ipa-agency" label="Kode instansi" apiField="agencyCode" error={compute.error}>
          {(p) => (
            <input {...p} value={agencyCode} readOnly={ownAgency} onChange={(e) => setAgencyCode(e.target.value)} />
          )}
        </Field>
        <Field id="ipa-period" label="Periode (tahun)" hint="Mis. 2025" apiField="period" error={compute.error}>
          {(p) => <input {...p} inputMode="numeric" value={period} onChange={(e) => setPeriod(e.target.value)} />}
        </Field>
        <Outcome error={compute.error} done={compute.done} />
        <div className="toolbar">
          <Button type="button" kind="secondary" onClick={() => setShown(current())}>
            Tampilkan
          </Button>
          {canCompute && (
            <Button type="submit" pending={compute.pending}>
              Hitung IP ASN
            </Button>
          )}
        </div>
      </ActionForm>

      {shown && (
        <section aria-labelledby="ipa-summary-title" className="card">
          <h2 id="ipa-summary-title">
            IP ASN {shown.agencyCode} periode {shown.period}
          </h2>
          <ErrorAlert error={summary.error ?? runQuery.error} />
          {run && run.status !== 'COMPLETED' && (
            <div role="status" aria-live="polite">
              <p>
                Status penghitungan: <strong>{RUN_STATUS[run.status] ?? run.status}</strong> · dimulai{' '}
                {formatDate(run.startedAt, true)}
              </p>
              <Progress value={Math.round(run.percent)} max={100} label="Pegawai dinilai (persen)" />
            </div>
          )}
          {summary.loading && !summary.data ? (
            <Loading />
          ) : s === null ? (
            <p role="status">Belum ada IP ASN untuk instansi dan periode ini.</p>
          ) : (
            <>
              <p role="status">
                Rata-rata <strong>{score(s.average)}</strong> ({s.categoryLabel ?? '-'}) dari{' '}
                {s.employees.toLocaleString('id-ID')} pegawai · dihitung {formatDate(s.computedAt, true)}
              </p>
              <DataTable
                caption={`Sebaran kategori IP ASN ${s.period}`}
                captionHidden={false}
                rows={s.distribution}
                rowKey={(d) => d.category}
                columns={[
                  { header: 'Kategori', rowHeader: true, cell: (d) => d.label },
                  { header: 'Rentang nilai', cell: (d) => BANDS[d.category] },
                  { header: 'Jumlah pegawai', cell: (d) => d.count.toLocaleString('id-ID') },
                  {
                    header: 'Persentase',
                    cell: (d) =>
                      s.employees ? `${((d.count / s.employees) * 100).toFixed(1).replace('.', ',')}%` : '-',
                  },
                ]}
              />
              <DataTable
                caption="Bobot dimensi"
                captionHidden={false}
                rows={s.weights}
                rowKey={(w) => w.dimension}
                columns={[
                  { header: 'Dimensi', rowHeader: true, cell: (w) => w.label },
                  { header: 'Bobot', cell: (w) => `${w.weight}%` },
                ]}
              />
              <p className="hint">
                Bobot kualifikasi 25% bersumber dari PermenPANRB 38/2018; bobot kompetensi, kinerja, dan disiplin adalah
                nilai bawaan yang lazim dikutip dan dapat diubah dalam konfigurasi (versi {s.settingsVersion}).
              </p>
            </>
          )}
        </section>
      )}

      <section aria-labelledby="ipa-employee-title" className="card">
        <h2 id="ipa-employee-title">IP ASN pegawai</h2>
        <ActionForm label="IP ASN pegawai" onSubmit={() => setLookup({ nip: nip.trim(), period: period.trim() })}>
          <Field id="ipa-nip" label="NIP" apiField="nip" error={employee.error}>
            {(p) => <input {...p} inputMode="numeric" value={nip} onChange={(e) => setNip(e.target.value)} />}
          </Field>
          <div className="toolbar">
            <Button type="submit" kind="secondary">
              Cari
            </Button>
          </div>
        </ActionForm>
        <ErrorAlert error={employee.error} />
        {lookup && employee.loading && !employee.data && <Loading />}
        {employee.data &&
          (employee.data.employeeIpAsn ? (
            <EmployeeTable e={employee.data.employeeIpAsn} />
          ) : (
            <p role="status">IP ASN pegawai ini untuk periode {lookup?.period} belum dihitung.</p>
          ))}
      </section>

      {seesAll && (
        <section aria-labelledby="ipa-all-title" className="card">
          <h2 id="ipa-all-title">IP ASN per instansi</h2>
          <ErrorAlert error={all.error} />
          <DataTable
            caption={`IP ASN per instansi ${shown?.period ?? period}`}
            captionHidden={false}
            rows={all.loading && !all.data ? null : (all.data?.ipAsnSummaries ?? [])}
            rowKey={(a) => a.agencyCode}
            columns={[
              {
                header: 'Instansi',
                rowHeader: true,
                cell: (a) => (
                  <Button
                    type="button"
                    kind="secondary"
                    onClick={() => setShown({ agencyCode: a.agencyCode, period: shown?.period ?? period.trim() })}
                  >
                    {a.agencyCode}
                  </Button>
                ),
              },
              ...AGENCY_COLUMNS,
            ]}
          />
        </section>
      )}
    </Page>
  );
}

function EmployeeTable({ e }: { e: EmployeeView }) {
  return (
    <>
      <p role="status">
        {e.name ?? e.employeeId}: IP ASN {e.period} <strong>{score(e.total)}</strong> ({e.categoryLabel})
      </p>
      <DataTable
        caption="Dimensi IP ASN"
        captionHidden={false}
        rows={e.dimensions}
        rowKey={(d) => d.dimension}
        columns={DIMENSION_COLUMNS}
      />
      {e.gaps.length > 0 && (
        <>
          <h3>Data yang belum lengkap</h3>
          <ul>
            {e.gaps.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
