/**
 * Agency records for administrators: the list of agencies, and one agency's settings (letterhead,
 * contact, registers), officials (PPK, PyB/Sekda, head of the BKD) and logo, with its change history.
 *
 * Routes: /kelola/instansi (ADMIN: every agency; AGENCY_ADMIN: its own), /kelola/instansi/:code
 * ('baru' creates one; ADMIN only). Main controls: "Kode instansi", "Nama resmi", "Jenis", "Wilayah",
 * "Kota tempat surat", "Zona waktu", "Alamat kop (satu baris per baris)", "Telepon", "Surel", "Laman";
 * button "Simpan data instansi"; officials "Nama", "Jabatan", "NIP" per role, button "Simpan pejabat";
 * "Logo (PNG/JPEG)" with button "Unggah logo"; per round (form "Pejabat seleksi"): "Seleksi", then "Nama",
 * "Jabatan", "NIP" of the Pansel chair and secretary, button "Simpan pejabat seleksi".
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, gqlUploadOrUnavailable, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatBytes, formatDate } from '../../components/ui';
import {
  AGENCIES,
  AGENCY,
  AGENCY_CHANGES,
  AGENCY_SELECTIONS,
  CREATE_AGENCY,
  SET_AGENCY_OFFICIALS,
  SET_SELECTION_OFFICIALS,
  UPDATE_AGENCY,
  UPLOAD_AGENCY_LOGO,
} from '../../queries/agency';
import { ActionForm, useAction } from './common';
import type { ResultOf } from '../../graphql';

const KINDS: Record<string, string> = {
  KEMENTERIAN: 'Kementerian',
  LEMBAGA: 'Lembaga',
  PROVINSI: 'Pemerintah Provinsi',
  KABUPATEN: 'Pemerintah Kabupaten',
  KOTA: 'Pemerintah Kota',
};
const ROLES: [string, string][] = [
  ['PPK', 'Pejabat Pembina Kepegawaian (PPK)'],
  ['SEKDA', 'Pejabat yang Berwenang / Sekretaris Daerah'],
  ['BKD_HEAD', 'Kepala Badan Kepegawaian Daerah'],
];

type Agency = NonNullable<ResultOf<typeof AGENCY>['agency']>;
/** A person of a seat as the forms edit them. */
type Person = Omit<Agency['officials'][number], 'role'>;

export function AgenciesPage() {
  const { user } = useAuth();
  const q = useQuery(AGENCIES);
  return (
    <Page
      title="Instansi"
      actions={user?.role === 'ADMIN' ? <Link to="/kelola/instansi/baru">Daftarkan instansi</Link> : undefined}
    >
      {q.loading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && (
        <table className="table">
          <thead>
            <tr>
              <th>Kode</th>
              <th>Nama resmi</th>
              <th>Jenis</th>
              <th>Zona waktu</th>
              <th>PPK</th>
            </tr>
          </thead>
          <tbody>
            {q.data.agencies.map((a) => (
              <tr key={a.code}>
                <td>
                  <Link to={`/kelola/instansi/${encodeURIComponent(a.code)}`}>{a.code}</Link>
                </td>
                <td>{a.name}</td>
                <td>{KINDS[a.kind] ?? a.kind}</td>
                <td>{a.timeZone}</td>
                <td>{a.officials.find((o) => o.role === 'PPK')?.name ?? 'Belum dicatat'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function SettingsForm({
  agency,
  creating,
  onSaved,
}: {
  agency: Agency | null;
  creating: boolean;
  onSaved: (code: string) => void;
}) {
  const [code, setCode] = useState(agency?.code ?? '');
  const [f, setF] = useState({
    name: agency?.name ?? '',
    kind: agency?.kind ?? 'PROVINSI',
    region: agency?.region ?? '',
    city: agency?.city ?? '',
    timeZone: agency?.timeZone ?? 'WIB',
    addressLines: (agency?.addressLines.length ? agency.addressLines : agency?.address ? [agency.address] : []).join(
      '\n',
    ),
    phone: agency?.phone ?? '',
    email: agency?.email ?? '',
    website: agency?.website ?? '',
    serviceHours: agency?.serviceHours ?? '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const mutation = creating ? CREATE_AGENCY : UPDATE_AGENCY;
  const action = useAction(mutation, (d) => onSaved('createAgency' in d ? d.createAgency.code : d.updateAgency.code));
  const submit = () =>
    void action.run(
      {
        c: code,
        i: {
          name: f.name,
          kind: f.kind,
          region: f.region,
          province: f.kind === 'PROVINSI' ? f.region : (agency?.province ?? ''),
          city: f.city,
          timeZone: f.timeZone,
          address: lines(f.addressLines)[0] ?? '',
          addressLines: lines(f.addressLines),
          phone: f.phone || null,
          email: f.email || null,
          website: f.website || null,
          serviceHours: f.serviceHours || null,
          registers: agency?.registers ?? [],
        },
      },
      'Data instansi tersimpan',
    );
  const e = action.error;
  return (
    <ActionForm label="Data instansi" onSubmit={submit}>
      {creating && (
        <Field id="ag-code" label="Kode instansi" apiField="code" error={e} hint="Contoh: KALTIM">
          {(p) => <input {...p} value={code} onChange={(ev) => setCode(ev.target.value)} />}
        </Field>
      )}
      <Field id="ag-name" label="Nama resmi" apiField="input.name" error={e}>
        {(p) => <input {...p} value={f.name} onChange={set('name')} />}
      </Field>
      <Field id="ag-kind" label="Jenis" apiField="input.kind" error={e}>
        {(p) => (
          <select {...p} value={f.kind} onChange={set('kind')}>
            {Object.entries(KINDS).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="ag-region"
        label="Wilayah"
        apiField="input.region"
        error={e}
        hint={
          agency
            ? agency.electionRegionId
              ? `Masa pilkada mengikuti jadwal daerah ${agency.electionRegionId} (menu Masa pilkada).`
              : 'Instansi pusat: tidak ada masa pilkada.'
            : undefined
        }
      >
        {(p) => <input {...p} value={f.region} onChange={set('region')} />}
      </Field>
      <Field id="ag-city" label="Kota tempat surat" apiField="input.city" error={e}>
        {(p) => <input {...p} value={f.city} onChange={set('city')} />}
      </Field>
      <Field id="ag-tz" label="Zona waktu" apiField="input.timeZone" error={e}>
        {(p) => (
          <select {...p} value={f.timeZone} onChange={set('timeZone')}>
            {['WIB', 'WITA', 'WIT'].map((z) => (
              <option key={z}>{z}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ag-address" label="Alamat kop (satu baris per baris)" apiField="input.addressLines" error={e}>
        {(p) => <textarea {...p} rows={3} value={f.addressLines} onChange={set('addressLines')} />}
      </Field>
      <Field id="ag-phone" label="Telepon" apiField="input.phone" error={e}>
        {(p) => <input {...p} value={f.phone} onChange={set('phone')} />}
      </Field>
      <Field id="ag-email" label="Surel" apiField="input.email" error={e}>
        {(p) => <input {...p} type="email" value={f.email} onChange={set('email')} />}
      </Field>
      <Field id="ag-web" label="Laman" apiField="input.website" error={e}>
        {(p) => <input {...p} value={f.website} onChange={set('website')} />}
      </Field>
      <Field
        id="ag-hours"
        label="Jam layanan bantuan"
        hint="Tampil di kaki portal, misalnya: Senin–Jumat 08.00–16.00 WITA"
        apiField="input.serviceHours"
        error={e}
      >
        {(p) => <input {...p} value={f.serviceHours} onChange={set('serviceHours')} />}
      </Field>
      <ErrorAlert error={e && !e.field ? e : null} />
      {action.done && <SuccessAlert>{action.done}</SuccessAlert>}
      <Button type="submit" pending={action.pending}>
        Simpan data instansi
      </Button>
    </ActionForm>
  );
}

function OfficialsForm({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const [rows, setRows] = useState(() =>
    ROLES.map(([role]) => {
      const o = agency.officials.find((x) => x.role === role);
      return { role, name: o?.name ?? '', title: o?.title ?? '', nip: o?.nip ?? '' };
    }),
  );
  const action = useAction(SET_AGENCY_OFFICIALS, onSaved);
  const filled = rows.filter((r) => r.name || r.title || r.nip);
  const submit = () =>
    void action.run(
      { c: agency.code, o: filled.map((r) => ({ ...r, nip: r.nip || null })) },
      'Pejabat tersimpan; dokumen yang terbit sesudah ini memakai data baru',
    );
  const e = action.error;
  const edit = (i: number, k: 'name' | 'title' | 'nip') => (ev: { target: { value: string } }) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, [k]: ev.target.value } : r)));
  return (
    <ActionForm label="Pejabat instansi" onSubmit={submit}>
      {rows.map((r, i) => {
        const at = `officials.${filled.indexOf(r)}`;
        return (
          <fieldset key={r.role}>
            <legend>{ROLES[i]![1]}</legend>
            <Field id={`of-${r.role}-name`} label="Nama" apiField={`${at}.name`} error={e}>
              {(p) => <input {...p} value={r.name} onChange={edit(i, 'name')} />}
            </Field>
            <Field id={`of-${r.role}-title`} label="Jabatan" apiField={`${at}.title`} error={e}>
              {(p) => <input {...p} value={r.title} onChange={edit(i, 'title')} />}
            </Field>
            <Field
              id={`of-${r.role}-nip`}
              label="NIP"
              apiField={`${at}.nip`}
              error={e}
              hint="18 angka; kosongkan bila tidak ada"
            >
              {(p) => <input {...p} inputMode="numeric" value={r.nip} onChange={edit(i, 'nip')} />}
            </Field>
          </fieldset>
        );
      })}
      <ErrorAlert error={e && !e.field?.startsWith('officials.') ? e : null} />
      {action.done && <SuccessAlert>{action.done}</SuccessAlert>}
      <Button type="submit" pending={action.pending}>
        Simpan pejabat
      </Button>
    </ActionForm>
  );
}

const SEATS: ['chair' | 'secretary', string][] = [
  ['chair', 'Ketua Panitia Seleksi'],
  ['secretary', 'Sekretaris Panitia Seleksi'],
];
const blank: Person = { name: '', title: '', nip: '' };

/** A round's Pansel chair and secretary: the chair signs the Pansel's documents issued after this. */
function SelectionOfficialsForm({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const rounds = useQuery(AGENCY_SELECTIONS, {
    c: agency.code,
  });
  const [selectionId, setSelectionId] = useState('');
  const recorded = agency.selectionOfficials.find((s) => s.selectionId === selectionId);
  const [people, setPeople] = useState<Record<'chair' | 'secretary', Person>>({ chair: blank, secretary: blank });
  useEffect(() => {
    setPeople({ chair: recorded?.chair ?? blank, secretary: recorded?.secretary ?? blank });
  }, [recorded]);
  const action = useAction(SET_SELECTION_OFFICIALS, onSaved);
  const asInput = (p: Person) => (p.name || p.title || p.nip ? { ...p, nip: p.nip || null } : null);
  const submit = () =>
    void action.run(
      { c: agency.code, s: selectionId, chair: asInput(people.chair), secretary: asInput(people.secretary) },
      'Pejabat seleksi tersimpan; dokumen panitia yang terbit sesudah ini memakai data baru',
    );
  const e = action.error;
  const edit = (seat: 'chair' | 'secretary', k: keyof Person) => (ev: { target: { value: string } }) =>
    setPeople({ ...people, [seat]: { ...people[seat], [k]: ev.target.value } });
  const options = rounds.data?.selections.edges.map((x) => x.node) ?? [];
  return (
    <ActionForm label="Pejabat seleksi" onSubmit={submit}>
      <Field id="so-selection" label="Seleksi" apiField="selectionId" error={e}>
        {(p) => (
          <select {...p} value={selectionId} onChange={(ev) => setSelectionId(ev.target.value)}>
            <option value="">— pilih seleksi —</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        )}
      </Field>
      {selectionId &&
        SEATS.map(([seat, legend]) => (
          <fieldset key={seat}>
            <legend>{legend}</legend>
            <Field id={`so-${seat}-name`} label="Nama" apiField={`${seat}.name`} error={e}>
              {(p) => <input {...p} value={people[seat].name} onChange={edit(seat, 'name')} />}
            </Field>
            <Field id={`so-${seat}-title`} label="Jabatan" apiField={`${seat}.title`} error={e}>
              {(p) => <input {...p} value={people[seat].title} onChange={edit(seat, 'title')} />}
            </Field>
            <Field
              id={`so-${seat}-nip`}
              label="NIP"
              apiField={`${seat}.nip`}
              error={e}
              hint="18 angka; kosongkan untuk anggota dari luar instansi tanpa NIP"
            >
              {(p) => <input {...p} inputMode="numeric" value={people[seat].nip ?? ''} onChange={edit(seat, 'nip')} />}
            </Field>
          </fieldset>
        ))}
      <ErrorAlert error={e && !/^(chair|secretary|selectionId)/.test(e.field ?? '') ? e : null} />
      {action.done && <SuccessAlert>{action.done}</SuccessAlert>}
      <Button type="submit" pending={action.pending} disabled={!selectionId}>
        Simpan pejabat seleksi
      </Button>
    </ActionForm>
  );
}

function LogoForm({ agency, onSaved }: { agency: Agency; onSaved: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const submit = async () => {
    if (!file) return setError(new ApiError('Pilih berkas logo', 'INVALID_IMAGE', 'file'));
    setPending(true);
    setError(null);
    setDone(false);
    try {
      await gqlUploadOrUnavailable(UPLOAD_AGENCY_LOGO, { c: agency.code, f: null }, { 'variables.f': file });
      setDone(true);
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL', null));
    } finally {
      setPending(false);
    }
  };
  return (
    <ActionForm label="Logo instansi" onSubmit={() => void submit()}>
      <p>
        {agency.logo
          ? `Logo saat ini: ${agency.logo.contentType === 'image/png' ? 'PNG' : 'JPEG'} ${agency.logo.width}×${agency.logo.height} piksel, ${formatBytes(agency.logo.bytes)}`
          : 'Belum ada logo; kop surat memakai gambar pengganti.'}
      </p>
      <Field id="logo-file" label="Logo (PNG/JPEG)" apiField="file" error={error} hint="Paling besar 512 KB">
        {(p) => (
          <input
            {...p}
            type="file"
            accept="image/png,image/jpeg"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </Field>
      {done && <SuccessAlert>Logo tersimpan</SuccessAlert>}
      <Button type="submit" pending={pending}>
        Unggah logo
      </Button>
    </ActionForm>
  );
}

function ChangeHistory({ code, version }: { code: string; version: number }) {
  const q = useQuery(AGENCY_CHANGES, { c: code, version });
  if (!q.data) return <ErrorAlert error={q.error} />;
  return (
    <table className="table">
      <caption>Riwayat perubahan</caption>
      <thead>
        <tr>
          <th>Versi</th>
          <th>Waktu</th>
          <th>Oleh</th>
          <th>Sebelum</th>
          <th>Sesudah</th>
        </tr>
      </thead>
      <tbody>
        {q.data.agencyChanges.map((c) => (
          <tr key={c.id}>
            <td>{c.version}</td>
            <td>{formatDate(c.at, true)}</td>
            <td>{c.byName ?? c.byRole}</td>
            <td>
              <code>{c.before ?? '(baru)'}</code>
            </td>
            <td>
              <code>{c.after}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AgencyPage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const creating = code === 'baru';
  const q = useQuery(AGENCY, { c: code }, creating);
  const [, setTick] = useState(0);
  useEffect(() => setTick((t) => t + 1), [q.data]);
  if (creating) {
    return (
      <Page title="Daftarkan instansi">
        <SettingsForm agency={null} creating onSaved={(c) => navigate(`/kelola/instansi/${encodeURIComponent(c)}`)} />
      </Page>
    );
  }
  if (q.loading && !q.data) return <Loading />;
  const agency = q.data?.agency;
  if (!agency) return <ErrorAlert error={q.error ?? 'Instansi tidak ditemukan'} />;
  return (
    <Page title={agency.name}>
      <h2>Data dan kop surat</h2>
      <SettingsForm key={`s${agency.version}`} agency={agency} creating={false} onSaved={q.reload} />
      <h2>Pejabat</h2>
      <OfficialsForm key={`o${agency.version}`} agency={agency} onSaved={q.reload} />
      <h2>Pejabat panitia seleksi</h2>
      <SelectionOfficialsForm agency={agency} onSaved={q.reload} />
      <h2>Logo</h2>
      <LogoForm agency={agency} onSaved={q.reload} />
      <h2>Riwayat</h2>
      <ChangeHistory code={agency.code} version={agency.version} />
    </Page>
  );
}
