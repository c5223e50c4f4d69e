/**
 * Pilkada windows (UU 10/2016 Pasal 71(2), 162(3)): the national administrator keeps each region's
 * election schedule (penetapan pasangan calon, akhir masa jabatan, pelantikan), from which the windows
 * are computed; every change is recorded with who, when and why. The agency's administrator and
 * secretariat see their duties to report appointments made inside a window and record the reports.
 *
 * Route: /kelola/pilkada. Main controls: "Jenis daerah", "Nama daerah", "Jadwal pilkada", "Alasan perubahan",
 * button "Simpan jadwal"; per duty "Nomor surat laporan", "Tanggal surat laporan", button "Catat laporan".
 */
import { useState } from 'react';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, formatDate } from '../../components/ui';
import {
  AGENCY_ELECTION_WINDOWS,
  ELECTION_REGION_CHANGES,
  ELECTION_REGIONS,
  ELECTION_REPORT_DUTIES,
  RECORD_ELECTION_REPORT,
  SET_ELECTION_REGION,
} from '../../queries/elections';
import { ActionForm, Outcome, useAction, useToday } from './common';
import type { ResultOf, VariablesOf } from '../../graphql';

type Region = ResultOf<typeof ELECTION_REGIONS>['electionRegions'][number];
type Kind = Region['kind'];
/** A schedule as the form sends it. */
type Schedule = VariablesOf<typeof SET_ELECTION_REGION>['input']['schedules'][number];
export type Duty = ResultOf<typeof ELECTION_REPORT_DUTIES>['electionReportDuties'][number];

const KIND_NAME: Record<Kind, string> = { PROVINSI: 'Provinsi', KABUPATEN: 'Kabupaten', KOTA: 'Kota' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 'Nama | penetapan paslon | akhir masa jabatan | pelantikan (boleh kosong)' per line. */
export function parseSchedules(text: string): { schedules: Schedule[]; problem: string | null } {
  const schedules: Schedule[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [label = '', determined = '', termEnds = '', inaugurated = ''] = line.split('|').map((p) => p.trim());
    if (!label || !DATE.test(determined) || !DATE.test(termEnds) || (inaugurated && !DATE.test(inaugurated))) {
      return {
        schedules,
        problem: `Baris ${i + 1}: tulis nama pemilihan | TTTT-BB-HH penetapan paslon | TTTT-BB-HH akhir masa jabatan | TTTT-BB-HH pelantikan (boleh kosong)`,
      };
    }
    schedules.push({
      label,
      candidatePairsDeterminedOn: determined,
      currentTermEndsOn: termEnds,
      newHeadInauguratedOn: inaugurated || null,
    });
  }
  return { schedules, problem: null };
}

const asLines = (s: Schedule[]) =>
  s
    .map((x) =>
      [x.label, x.candidatePairsDeterminedOn, x.currentTermEndsOn, x.newHeadInauguratedOn ?? '']
        .join(' | ')
        .replace(/ \| $/, ''),
    )
    .join('\n');

export function ElectionsPage() {
  const { user } = useAuth();
  const isAdmin = user?.role === 'ADMIN';
  return (
    <Page title="Masa pilkada">
      <p>
        Dalam masa pilkada, penggantian pejabat memerlukan izin tertulis Menteri Dalam Negeri, dan pengangkatan yang
        dilakukan wajib dilaporkan paling lambat 7 hari kerja (UU 10/2016 Pasal 71 ayat (2) dan Pasal 162 ayat (3)).
      </p>
      {user?.agencyCode && <AgencyWindows agencyCode={user.agencyCode} />}
      {isAdmin && <Regions />}
      <Duties agencyCode={isAdmin ? null : (user?.agencyCode ?? null)} />
    </Page>
  );
}

function AgencyWindows({ agencyCode }: { agencyCode: string }) {
  const q = useQuery(AGENCY_ELECTION_WINDOWS, { a: agencyCode });
  const w = q.data?.agencyElectionWindows;
  return (
    <section aria-labelledby="own-windows" className="card">
      <h2 id="own-windows">Masa pilkada instansi {agencyCode}</h2>
      <ErrorAlert error={q.error} />
      {q.loading && <Loading />}
      {w && !w.regionId && <p>Instansi pusat: tidak ada masa pilkada.</p>}
      {w && w.regionId && w.windows.length === 0 && <p>Belum ada jadwal pilkada untuk daerah ini.</p>}
      {w && w.windows.length > 0 && (
        <ul>
          {w.windows.map((x) => (
            <li key={x.from}>
              {formatDate(x.from)} s.d. {formatDate(x.to)} — {x.label}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Regions() {
  const q = useQuery(ELECTION_REGIONS);
  const [editing, setEditing] = useState<Region | null>(null);
  return (
    <section aria-labelledby="regions-title" className="card">
      <h2 id="regions-title">Jadwal pilkada per daerah</h2>
      <ErrorAlert error={q.error} />
      {q.loading && <Loading />}
      {q.data && q.data.electionRegions.length === 0 && <p>Belum ada jadwal pilkada.</p>}
      {q.data && q.data.electionRegions.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Daerah</th>
              <th scope="col">Pemilihan</th>
              <th scope="col">Penetapan paslon</th>
              <th scope="col">Akhir masa jabatan</th>
              <th scope="col">Pelantikan</th>
              <th scope="col">Revisi</th>
              <th scope="col">
                <span className="sr-only">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.electionRegions.flatMap((r) =>
              (r.schedules.length ? r.schedules : [null]).map((s, i) => (
                <tr key={`${r.id}-${i}`}>
                  <td>{i === 0 ? `${KIND_NAME[r.kind]} ${r.name}` : ''}</td>
                  <td>{s?.label ?? '-'}</td>
                  <td>{formatDate(s?.candidatePairsDeterminedOn)}</td>
                  <td>{formatDate(s?.currentTermEndsOn)}</td>
                  <td>{formatDate(s?.newHeadInauguratedOn)}</td>
                  <td>{i === 0 ? r.revision : ''}</td>
                  <td>
                    {i === 0 && (
                      <button type="button" className="btn btn-secondary" onClick={() => setEditing(r)}>
                        Ubah {r.name}
                      </button>
                    )}
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <RegionForm key={editing?.id ?? 'new'} region={editing} onSaved={q.reload} />
      {editing && <RegionChanges id={editing.id} />}
    </section>
  );
}

function RegionForm({ region, onSaved }: { region: Region | null; onSaved: () => void }) {
  const [kind, setKind] = useState<Kind>(region?.kind ?? 'KABUPATEN');
  const [name, setName] = useState(region?.name ?? '');
  const [lines, setLines] = useState(region ? asLines(region.schedules) : '');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useAction(SET_ELECTION_REGION, onSaved);
  return (
    <ActionForm
      label="Jadwal pilkada daerah"
      onSubmit={() => {
        const parsed = parseSchedules(lines);
        setProblem(parsed.problem);
        if (parsed.problem) return;
        void save.run(
          {
            input: {
              kind,
              name: name.trim(),
              schedules: parsed.schedules,
              expectedRevision: region?.revision ?? null,
              reason: reason.trim(),
            },
          },
          'Jadwal pilkada disimpan.',
        );
      }}
    >
      <h3>{region ? `Ubah jadwal ${KIND_NAME[region.kind]} ${region.name}` : 'Tambah daerah'}</h3>
      <Field id="el-kind" label="Jenis daerah" apiField="input.kind" error={save.error}>
        {(p) => (
          <select {...p} value={kind} disabled={!!region} onChange={(e) => setKind(e.target.value as Kind)}>
            {(Object.keys(KIND_NAME) as Kind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_NAME[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="el-name"
        label="Nama daerah"
        apiField="input.name"
        error={save.error}
        hint="Tanpa awalan, mis. 'Kutai Kartanegara'; instansi pemerintah daerah terhubung lewat nama daerahnya."
      >
        {(p) => <input {...p} value={name} disabled={!!region} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field
        id="el-schedules"
        label="Jadwal pilkada"
        apiField="input.schedules"
        error={save.error}
        hint="Satu pemilihan per baris: nama | penetapan paslon | akhir masa jabatan | pelantikan (boleh kosong), tanggal TTTT-BB-HH."
      >
        {(p) => <textarea {...p} rows={4} value={lines} onChange={(e) => setLines(e.target.value)} />}
      </Field>
      <Field id="el-reason" label="Alasan perubahan" apiField="input.reason" error={save.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      {problem && <ErrorAlert error={problem} />}
      <Outcome error={save.error} done={save.done} />
      <div>
        <Button type="submit" pending={save.pending}>
          Simpan jadwal
        </Button>
      </div>
    </ActionForm>
  );
}

function RegionChanges({ id }: { id: string }) {
  const q = useQuery(ELECTION_REGION_CHANGES, { id });
  const changes = q.data?.electionRegion?.changes ?? [];
  return (
    <details>
      <summary>Riwayat perubahan ({changes.length})</summary>
      <ErrorAlert error={q.error} />
      <ul>
        {changes.map((c) => (
          <li key={c.id}>
            Revisi {c.revision}: {c.byName ?? c.byUserId}, {formatDate(c.at, true)} — {c.reason ?? '-'}
          </li>
        ))}
      </ul>
    </details>
  );
}

function Duties({ agencyCode }: { agencyCode: string | null }) {
  const q = useQuery(ELECTION_REPORT_DUTIES, { a: agencyCode });
  const duties = q.data?.electionReportDuties ?? [];
  return (
    <section aria-labelledby="duties-title" className="card">
      <h2 id="duties-title">Kewajiban laporan kepada Menteri Dalam Negeri</h2>
      <ErrorAlert error={q.error} />
      {q.loading && <Loading />}
      {q.data && duties.length === 0 && <p>Tidak ada pengangkatan dalam masa pilkada.</p>}
      {duties.map((d) => (
        <article key={d.id} aria-label={`Laporan ${d.position}`}>
          <h3>
            {d.position} ({d.agencyCode}, {d.route === 'TALENT_POOL' ? 'jalur talenta' : 'seleksi terbuka'})
          </h3>
          <p>
            Diangkat {formatDate(d.actedOn)} dalam masa {d.window.label ?? 'pilkada'} dengan izin{' '}
            {d.permission.letterNumber} tanggal {formatDate(d.permission.letterDate)}. Batas laporan:{' '}
            <strong>{formatDate(d.dueOn)}</strong>.
          </p>
          {d.report ? (
            <p>
              Laporan tercatat: {d.report.letterNumber} tanggal {formatDate(d.report.date)}
              {d.report.date > d.dueOn ? ' (melewati batas)' : ''}.
            </p>
          ) : (
            <ReportForm duty={d} onSaved={q.reload} />
          )}
        </article>
      ))}
    </section>
  );
}

export function ReportForm({ duty, onSaved }: { duty: Duty; onSaved: () => void }) {
  const today = useToday();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const record = useAction(RECORD_ELECTION_REPORT, onSaved);
  const id = duty.id.replace(/[^A-Za-z0-9-]/g, '-');
  return (
    <ActionForm
      label={`Laporan kepada Menteri Dalam Negeri: ${duty.position}`}
      onSubmit={() =>
        void record.run(
          { id: duty.id, n: number.trim(), d: date, r: reason.trim() },
          'Laporan kepada Menteri Dalam Negeri dicatat.',
        )
      }
    >
      <Field id={`${id}-n`} label="Nomor surat laporan" apiField="letterNumber" error={record.error}>
        {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <Field id={`${id}-d`} label="Tanggal surat laporan" apiField="date" error={record.error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field id={`${id}-r`} label="Keterangan" apiField="reason" error={record.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Outcome error={record.error} done={record.done} />
      <div>
        <Button type="submit" kind="secondary" pending={record.pending}>
          Catat laporan
        </Button>
      </div>
    </ActionForm>
  );
}
