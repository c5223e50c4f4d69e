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

interface SummaryView {
  agencyCode: string;
  period: string;
  employees: number;
  average: number | null;
  category: string | null;
  categoryLabel: string | null;
  settingsVersion: string;
  computedAt: string;
  distribution: { category: string; label: string; count: number }[];
  weights: { dimension: string; label: string; weight: number }[];
}

interface RunView {
  agencyCode: string;
  period: string;
  status: string;
  percent: number;
  employeesScored: number;
  startedAt: string;
  finishedAt: string | null;
}

interface EmployeeView {
  employeeId: string;
  name: string | null;
  period: string;
  total: number;
  categoryLabel: string;
  gaps: string[];
  computedAt: string;
  dimensions: { dimension: string; label: string; score: number; weight: number; weighted: number }[];
}

interface AgencyRow {
  agencyCode: string;
  employees: number;
  average: number | null;
  categoryLabel: string | null;
  computedAt: string;
}

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
  const summary = useQuery<{ ipAsnSummary: SummaryView | null }>(IP_ASN_SUMMARY, shown ?? {}, shown === null);
  const runQuery = useQuery<{ ipAsnRun: RunView | null }>(IP_ASN_RUN, shown ?? {}, shown === null);
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
  const compute = useAction<{ computeIpAsn: RunView }>(COMPUTE_IP_ASN, (d) => {
    setShown({ agencyCode: d.computeIpAsn.agencyCode, period: d.computeIpAsn.period });
    runQuery.reload();
  });
  const current = () => ({ agencyCode: agencyCode.trim(), period: period.trim() });

  const [nip, setNip] = useState('');
  const [lookup, setLookup] = useState<{ nip: string; period: string } | null>(null);
  const employee = useQuery<{ employeeIpAsn: EmployeeView | null }>(EMPLOYEE_IP_ASN, lookup ?? {}, lookup === null);

  const all = useQuery<{ ipAsnSummaries: AgencyRow[] }>(
    IP_ASN_SUMMARIES,
    { period: shown?.period ?? period.trim() },
    !seesAll,
  );

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
              <div className="table-wrap">
                <table>
                  <caption>Sebaran kategori IP ASN {s.period}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Kategori</th>
                      <th scope="col">Rentang nilai</th>
                      <th scope="col">Jumlah pegawai</th>
                      <th scope="col">Persentase</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.distribution.map((d) => (
                      <tr key={d.category}>
                        <th scope="row">{d.label}</th>
                        <td>{BANDS[d.category]}</td>
                        <td>{d.count.toLocaleString('id-ID')}</td>
                        <td>
                          {s.employees ? `${((d.count / s.employees) * 100).toFixed(1).replace('.', ',')}%` : '-'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div className="table-wrap">
                <table>
                  <caption>Bobot dimensi</caption>
                  <thead>
                    <tr>
                      <th scope="col">Dimensi</th>
                      <th scope="col">Bobot</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.weights.map((w) => (
                      <tr key={w.dimension}>
                        <th scope="row">{w.label}</th>
                        <td>{w.weight}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
          {all.loading && !all.data ? (
            <Loading />
          ) : (
            <div className="table-wrap">
              <table>
                <caption>IP ASN per instansi {shown?.period ?? period}</caption>
                <thead>
                  <tr>
                    <th scope="col">Instansi</th>
                    <th scope="col">Pegawai</th>
                    <th scope="col">Rata-rata</th>
                    <th scope="col">Kategori</th>
                    <th scope="col">Dihitung</th>
                  </tr>
                </thead>
                <tbody>
                  {(all.data?.ipAsnSummaries ?? []).map((a) => (
                    <tr key={a.agencyCode}>
                      <th scope="row">
                        <Button
                          type="button"
                          kind="secondary"
                          onClick={() => setShown({ agencyCode: a.agencyCode, period: shown?.period ?? period.trim() })}
                        >
                          {a.agencyCode}
                        </Button>
                      </th>
                      <td>{a.employees.toLocaleString('id-ID')}</td>
                      <td>{score(a.average)}</td>
                      <td>{a.categoryLabel ?? '-'}</td>
                      <td>{formatDate(a.computedAt, true)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
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
      <div className="table-wrap">
        <table>
          <caption>Dimensi IP ASN</caption>
          <thead>
            <tr>
              <th scope="col">Dimensi</th>
              <th scope="col">Nilai (0–100)</th>
              <th scope="col">Bobot</th>
              <th scope="col">Sumbangan</th>
            </tr>
          </thead>
          <tbody>
            {e.dimensions.map((d) => (
              <tr key={d.dimension}>
                <th scope="row">{d.label}</th>
                <td>{score(d.score)}</td>
                <td>{d.weight}%</td>
                <td>{score(d.weighted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
