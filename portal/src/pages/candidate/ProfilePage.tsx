/**
 * Route: /profil-saya (CANDIDATE). The candidate's ASN profile as the agency holds it, and its
 * confirmation: confirm it, or dispute it with a note and the fields in question.
 * Main controls: button "Konfirmasi data profil"; group "Data yang tidak sesuai" with one checkbox per
 * field (NIP, Nama, Pangkat/golongan, Instansi, Pendidikan, Jurusan, Riwayat jabatan, SKP, LHKPN,
 * Hukuman disiplin); textarea "Catatan keberatan"; button "Kirim keberatan"; status "Status keberatan" once
 * the agency decided (diterima with the corrected data, or ditolak with the reason).
 */
import { POSITION_KIND_NAMES, type PositionKind } from '@seleksi/domain';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatDate } from '../../components/ui';
import { CONFIRM_PROFILE, DISPUTE_PROFILE, MY_PROFILE } from '../../queries/candidate';
import { fieldError } from '../public/shared';
import type { ResultOf } from '../../graphql';

type Confirmation = NonNullable<Profile['confirmation']>;

type Profile = NonNullable<ResultOf<typeof MY_PROFILE>['myProfile']>;

/** Field keys sent to disputeProfile, with their labels. */
export const PROFILE_FIELDS: { key: string; label: string }[] = [
  { key: 'nip', label: 'NIP' },
  { key: 'name', label: 'Nama' },
  { key: 'rank', label: 'Pangkat/golongan' },
  { key: 'agencyCode', label: 'Instansi' },
  { key: 'education', label: 'Pendidikan' },
  { key: 'educationMajor', label: 'Jurusan' },
  { key: 'careers', label: 'Riwayat jabatan' },
  { key: 'skp', label: 'SKP' },
  { key: 'lhkpnFiled', label: 'LHKPN' },
  { key: 'disciplinarySanction', label: 'Hukuman disiplin' },
];

const CONFIRMATION_TEXT: Record<Confirmation['status'], string> = {
  UNCONFIRMED: 'Belum dikonfirmasi',
  CONFIRMED: 'Dikonfirmasi',
  DISPUTED: 'Diajukan keberatan',
};

const SKP_NAMES: Record<string, string> = {
  SANGAT_BAIK: 'Sangat Baik',
  BAIK: 'Baik',
  BUTUH_PERBAIKAN: 'Butuh Perbaikan',
  KURANG: 'Kurang/Misconduct',
  SANGAT_KURANG: 'Sangat Kurang',
};

const EDUCATION_NAMES: Record<string, string> = { SMA: 'SMA', D3: 'D-III', D4: 'D-IV', S1: 'S1', S2: 'S2', S3: 'S3' };

function fieldLabel(key: string): string {
  return PROFILE_FIELDS.find((f) => f.key === key)?.label ?? key;
}

export function ProfilePage() {
  const { data, error, loading, reload } = useQuery(MY_PROFILE);
  const confirm = useMutation(CONFIRM_PROFILE);
  const dispute = useMutation(DISPUTE_PROFILE);
  const [note, setNote] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [localError, setLocalError] = useState<ReturnType<typeof fieldError> | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (loading && !data) return <Loading />;
  const p = data?.myProfile;
  if (error || !p) {
    return (
      <Page title="Profil saya">
        <ErrorAlert error={error} />
        {!error && <p>Profil ASN Anda belum tersedia. Hubungi sekretariat panitia seleksi.</p>}
      </Page>
    );
  }
  const status = p.confirmation?.status ?? 'UNCONFIRMED';

  async function onConfirm() {
    setDone(null);
    dispute.clearError();
    const res = await confirm.run({});
    if (res) {
      setDone('Terima kasih. Data profil Anda telah dikonfirmasi.');
      reload();
    }
  }

  async function onDispute(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    confirm.clearError();
    if (fields.length === 0)
      return setLocalError(fieldError('Pilih sedikitnya satu data yang tidak sesuai.', 'fields'));
    if (note.trim().length < 10) {
      return setLocalError(fieldError('Jelaskan keberatan Anda (sedikitnya 10 karakter).', 'note'));
    }
    setLocalError(null);
    const res = await dispute.run({ note: note.trim(), fields });
    if (res) {
      setDone('Keberatan Anda telah dikirim kepada sekretariat panitia seleksi.');
      setNote('');
      setFields([]);
      reload();
    }
  }

  const formError = localError ?? dispute.error;
  const fieldsError = formError?.field === 'fields' || formError?.field?.startsWith('fields.') ? formError : null;

  return (
    <Page title="Profil saya">
      <p>
        Data berikut berasal dari profil ASN Anda dan dipakai untuk memeriksa persyaratan administrasi. Periksa, lalu
        konfirmasi atau ajukan keberatan bila ada yang tidak sesuai.
      </p>
      {done && <SuccessAlert>{done}</SuccessAlert>}

      <h2>Data profil</h2>
      <dl className="details">
        <dt>NIP</dt>
        <dd>{p.nip}</dd>
        <dt>Nama</dt>
        <dd>{p.name}</dd>
        <dt>Pangkat/golongan</dt>
        <dd>{p.rank}</dd>
        <dt>Instansi</dt>
        <dd>{p.agencyName ?? p.agencyCode}</dd>
        <dt>Pendidikan</dt>
        <dd>{EDUCATION_NAMES[p.education] ?? p.education}</dd>
        <dt>Jurusan</dt>
        <dd>{p.educationMajor ?? '-'}</dd>
        <dt>LHKPN</dt>
        <dd>{p.lhkpnFiled ? 'Sudah dilaporkan' : 'Belum dilaporkan'}</dd>
        <dt>Hukuman disiplin</dt>
        <dd>{p.disciplinarySanction ? 'Sedang menjalani hukuman disiplin' : 'Tidak ada'}</dd>
      </dl>

      <h3>Riwayat jabatan</h3>
      {p.careers.length === 0 ? (
        <p>Tidak ada riwayat jabatan.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Riwayat jabatan">
          <table>
            <caption className="muted">Riwayat jabatan</caption>
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Unit kerja</th>
                <th scope="col">Jenis jabatan</th>
                <th scope="col">Bidang</th>
                <th scope="col">Mulai</th>
                <th scope="col">Sampai</th>
              </tr>
            </thead>
            <tbody>
              {p.careers.map((c, i) => (
                <tr key={`${c.position}-${c.from}-${i}`}>
                  <th scope="row">{c.position}</th>
                  <td>{c.unit}</td>
                  <td>{POSITION_KIND_NAMES[c.positionKind as PositionKind] ?? c.positionKind}</td>
                  <td>{c.fields?.join(', ') || '-'}</td>
                  <td>{formatDate(c.from)}</td>
                  <td>{c.to ? formatDate(c.to) : 'sekarang'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Penilaian kinerja (SKP)</h3>
      {p.skp.length === 0 ? (
        <p>Tidak ada data SKP.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Predikat SKP per tahun">
          <table>
            <caption className="muted">Predikat SKP per tahun</caption>
            <thead>
              <tr>
                <th scope="col">Tahun</th>
                <th scope="col">Predikat</th>
              </tr>
            </thead>
            <tbody>
              {p.skp.map((s) => (
                <tr key={s.year}>
                  <th scope="row">{s.year}</th>
                  <td>{SKP_NAMES[s.predicate] ?? s.predicate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Konfirmasi data</h2>
      <p role="status">
        Status konfirmasi: <strong>{CONFIRMATION_TEXT[status]}</strong>
        {p.confirmation?.at && <> pada {formatDate(p.confirmation.at, true)}</>}
      </p>
      {status === 'DISPUTED' && p.confirmation && (
        <p>
          Keberatan Anda: {p.confirmation.note ?? '-'} (data: {p.confirmation.fields.map(fieldLabel).join(', ') || '-'})
        </p>
      )}
      {status === 'DISPUTED' && p.confirmation && (
        <p role="status" aria-label="Status keberatan">
          {!p.confirmation.resolution ? (
            <>Keberatan Anda sedang diperiksa oleh instansi.</>
          ) : p.confirmation.resolution.outcome === 'ACCEPTED' ? (
            <>
              <strong>Keberatan diterima</strong> pada {formatDate(p.confirmation.resolution.at, true)}; data yang
              diperbaiki: {p.confirmation.resolution.corrected.map(fieldLabel).join(', ') || '-'}
              {p.confirmation.resolution.reason && <> (catatan: {p.confirmation.resolution.reason})</>}. Periksa kembali
              data di atas, lalu konfirmasi bila sudah sesuai.
            </>
          ) : (
            <>
              <strong>Keberatan ditolak</strong> pada {formatDate(p.confirmation.resolution.at, true)}. Alasan:{' '}
              {p.confirmation.resolution.reason ?? '-'}
            </>
          )}
        </p>
      )}
      <ErrorAlert error={confirm.error} />
      <div className="button-row">
        <Button type="button" pending={confirm.pending} onClick={() => void onConfirm()}>
          Konfirmasi data profil
        </Button>
      </div>

      <h2>Ajukan keberatan</h2>
      <form className="form" onSubmit={(e) => void onDispute(e)} noValidate>
        {formError && !['fields', 'note'].includes(formError.field?.split('.')[0] ?? '') && (
          <ErrorAlert error={formError} />
        )}
        <fieldset
          className="checkbox-group"
          aria-describedby={fieldsError ? 'dispute-fields-error' : undefined}
          aria-invalid={fieldsError ? true : undefined}
        >
          <legend>Data yang tidak sesuai</legend>
          {PROFILE_FIELDS.map((f) => (
            <label key={f.key}>
              <input
                type="checkbox"
                name="fields"
                value={f.key}
                checked={fields.includes(f.key)}
                onChange={(e) =>
                  setFields((prev) => (e.target.checked ? [...prev, f.key] : prev.filter((k) => k !== f.key)))
                }
              />
              {f.label}
            </label>
          ))}
          {fieldsError && (
            <div id="dispute-fields-error" className="field-error">
              {fieldsError.message}
            </div>
          )}
        </fieldset>
        <Field
          id="dispute-note"
          label="Catatan keberatan"
          apiField="note"
          error={formError}
          hint="Jelaskan data yang benar dan dokumen pendukungnya."
        >
          {(props) => <textarea {...props} rows={4} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <div className="button-row">
          <Button type="submit" kind="secondary" pending={dispute.pending}>
            Kirim keberatan
          </Button>
        </div>
      </form>
    </Page>
  );
}
