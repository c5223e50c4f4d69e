/**
 * Route: /kelola/sanggahan-profil (PANSEL_SECRETARY, AGENCY_ADMIN of the profile's agency; ADMIN). The queue of
 * candidates' disputes of their ASN profile, oldest first: the disputed data and the candidate's note next to
 * the current values; accept with the corrected values, or reject with a reason.
 * Main controls: per dispute a region named after the candidate with inputs "Nilai perbaikan: <data>", textarea
 * "Catatan penerimaan", button "Terima dan perbaiki data", textarea "Alasan penolakan", button "Tolak sanggahan";
 * buttons "Halaman berikutnya", "Halaman pertama"; for the national administrator an input "Kode instansi".
 */
import { useState, type FormEvent } from 'react';
import { EDUCATION_LEVELS, POSITION_KINDS, PROFILE_FIELD_TEXT_ID, SKP_PREDICATES } from '@seleksi/domain';
import { ApiError, useMutation, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatDate } from '../../components/ui';
import { ACCEPT_PROFILE_DISPUTE, PROFILE_DISPUTES, REJECT_PROFILE_DISPUTE } from '../../queries/profile-disputes';
import { fieldError } from '../public/shared';
import { CursorPager } from '../../components/CursorPager';
import type { ResultOf } from '../../graphql';

type Dispute = ResultOf<typeof PROFILE_DISPUTES>['profileDisputes']['edges'][number]['node'];
type Profile = NonNullable<Dispute['profile']>;

const PAGE_SIZE = 20;

const LABELS: Record<string, string> = { ...PROFILE_FIELD_TEXT_ID, agencyCode: 'Instansi (kode)' };

/** A profile part as the staff edit it: one text (lines for careers and SKP). */
function textOf(p: Profile, field: string): string {
  switch (field) {
    case 'careers':
      return p.careers
        .map((c) => [c.position, c.positionKind, c.unit, c.agencyCode, c.from, c.to ?? '-'].join(' | '))
        .join('\n');
    case 'skp':
      return [...p.skp]
        .sort((a, b) => a.year - b.year)
        .map((s) => `${s.year} ${s.predicate}`)
        .join('\n');
    case 'lhkpnFiled':
      return p.lhkpnFiled ? 'ya' : 'tidak';
    case 'disciplinarySanction':
      return p.disciplinarySanction ? 'ya' : 'tidak';
    default:
      return String((p as unknown as Record<string, unknown>)[field] ?? '');
  }
}

/** The corrections input from the edited texts; a local VALIDATION error names the field at fault. */
function correctionsOf(fields: string[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f] ?? '';
    if (f === 'careers') {
      out.careers = v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((line, i) => {
          const [position = '', positionKind = '', unit = '', agencyCode = '', from = '', to = '-'] = line
            .split('|')
            .map((x) => x.trim());
          if (!(POSITION_KINDS as readonly string[]).includes(positionKind)) {
            throw fieldError(
              `Baris ${i + 1}: jenis jabatan harus salah satu dari ${POSITION_KINDS.join(', ')}`,
              'corrections.careers',
            );
          }
          return { position, positionKind, unit, agencyCode, from, to: to === '-' || to === '' ? null : to };
        });
    } else if (f === 'skp') {
      out.skp = v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((line, i) => {
          const [year = '', predicate = ''] = line.split(/\s+/);
          if (!/^\d{4}$/.test(year) || !(SKP_PREDICATES as readonly string[]).includes(predicate)) {
            throw fieldError(`Baris ${i + 1}: tulis "tahun PREDIKAT", mis. "2025 BAIK"`, 'corrections.skp');
          }
          return { year: Number(year), predicate };
        });
    } else if (f === 'lhkpnFiled' || f === 'disciplinarySanction') {
      out[f] = v === 'ya';
    } else {
      out[f] = v;
    }
  }
  return out;
}

function CurrentValue({ profile, field }: { profile: Profile; field: string }) {
  const text = textOf(profile, field);
  if (field === 'careers' || field === 'skp') return <pre className="payload">{text || '-'}</pre>;
  if (field === 'agencyCode') return <>{profile.agencyName ? `${profile.agencyName} (${text})` : text}</>;
  return <>{text || '-'}</>;
}

function DisputeCard({ dispute, onDecided }: { dispute: Dispute; onDecided: (message: string) => void }) {
  const p = dispute.profile;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(dispute.fields.map((f) => [f, p ? textOf(p, f) : ''])),
  );
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const accept = useMutation<{ acceptProfileDispute: Dispute }>(ACCEPT_PROFILE_DISPUTE);
  const reject = useMutation<{ rejectProfileDispute: Dispute }>(REJECT_PROFILE_DISPUTE);
  const headingId = `sanggahan-${dispute.id}`;

  async function onAccept(e: FormEvent) {
    e.preventDefault();
    reject.clearError();
    let corrections: Record<string, unknown>;
    try {
      corrections = correctionsOf(dispute.fields, values);
    } catch (err) {
      return setLocalError(err as ApiError);
    }
    setLocalError(null);
    const res = await accept.run({ disputeId: dispute.id, corrections, note: note.trim() || null });
    if (res) onDecided(`Sanggahan ${p?.name ?? ''} diterima; profil telah diperbarui dan peserta diberi tahu.`);
  }

  async function onReject(e: FormEvent) {
    e.preventDefault();
    accept.clearError();
    if (reason.trim().length < 10) {
      return setLocalError(fieldError('Tuliskan alasan penolakan (sedikitnya 10 karakter).', 'reason'));
    }
    setLocalError(null);
    const res = await reject.run({ disputeId: dispute.id, reason: reason.trim() });
    if (res) onDecided(`Sanggahan ${p?.name ?? ''} ditolak; peserta diberi tahu alasannya.`);
  }

  const acceptError = (localError?.field !== 'reason' ? localError : null) ?? accept.error;
  const rejectError = (localError?.field === 'reason' ? localError : null) ?? reject.error;

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{p ? `${p.name} — NIP ${p.nip}` : 'Profil tidak ditemukan'}</h2>
      <p>
        Diajukan {formatDate(dispute.at, true)}. Data yang disanggah: <strong>{dispute.fieldLabels.join(', ')}</strong>
      </p>
      <p>
        Catatan peserta: <q>{dispute.note}</q>
      </p>
      {p && (
        <form className="form" onSubmit={(e) => void onAccept(e)} noValidate>
          <div className="table-wrap" tabIndex={0} role="region" aria-label={`Data yang disanggah ${p.name}`}>
            <table>
              <caption className="muted">Data saat ini dan nilai perbaikan</caption>
              <thead>
                <tr>
                  <th scope="col">Data</th>
                  <th scope="col">Nilai saat ini</th>
                  <th scope="col">Nilai perbaikan</th>
                </tr>
              </thead>
              <tbody>
                {dispute.fields.map((f) => {
                  const id = `${dispute.id}-${f}`;
                  const set = (v: string) => setValues((prev) => ({ ...prev, [f]: v }));
                  const label = `Nilai perbaikan: ${LABELS[f] ?? f}`;
                  return (
                    <tr key={f}>
                      <th scope="row">{LABELS[f] ?? f}</th>
                      <td>
                        <CurrentValue profile={p} field={f} />
                      </td>
                      <td>
                        <Field
                          id={id}
                          label={label}
                          apiField={`corrections.${f}`}
                          error={acceptError}
                          hint={
                            f === 'careers'
                              ? 'Satu baris per jabatan: jabatan | jenis | unit | kode instansi | mulai (TTTT-BB-HH) | selesai (atau -)'
                              : f === 'skp'
                                ? 'Satu baris per tahun: tahun PREDIKAT'
                                : undefined
                          }
                        >
                          {(props) =>
                            f === 'careers' || f === 'skp' ? (
                              <textarea {...props} rows={4} value={values[f]} onChange={(e) => set(e.target.value)} />
                            ) : f === 'education' ? (
                              <select {...props} value={values[f]} onChange={(e) => set(e.target.value)}>
                                {EDUCATION_LEVELS.map((x) => (
                                  <option key={x}>{x}</option>
                                ))}
                              </select>
                            ) : f === 'lhkpnFiled' || f === 'disciplinarySanction' ? (
                              <select {...props} value={values[f]} onChange={(e) => set(e.target.value)}>
                                <option value="ya">Ya</option>
                                <option value="tidak">Tidak</option>
                              </select>
                            ) : (
                              <input {...props} value={values[f]} onChange={(e) => set(e.target.value)} />
                            )
                          }
                        </Field>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {acceptError && !dispute.fields.some((f) => acceptError.field?.startsWith(`corrections.${f}`)) && (
            <ErrorAlert error={acceptError} />
          )}
          <Field id={`${dispute.id}-note`} label="Catatan penerimaan" hint="Opsional; dikirim kepada peserta.">
            {(props) => <textarea {...props} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="button-row">
            <Button type="submit" pending={accept.pending}>
              Terima dan perbaiki data
            </Button>
          </div>
        </form>
      )}
      <form className="form" onSubmit={(e) => void onReject(e)} noValidate>
        {rejectError && rejectError.field !== 'reason' && <ErrorAlert error={rejectError} />}
        <Field id={`${dispute.id}-reason`} label="Alasan penolakan" apiField="reason" error={rejectError}>
          {(props) => <textarea {...props} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <div className="button-row">
          <Button type="submit" kind="danger" pending={reject.pending}>
            Tolak sanggahan
          </Button>
        </div>
      </form>
    </section>
  );
}

export function ProfileDisputesPage() {
  const { user } = useAuth();
  const [cursors, setCursors] = useState<string[]>([]);
  const [agencyCode, setAgencyCode] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const q = useQuery(PROFILE_DISPUTES, {
    agencyCode: agencyCode.trim() || null,
    first: PAGE_SIZE,
    after: cursors.at(-1) ?? null,
  });
  const rows = q.data?.profileDisputes.edges.map((e) => e.node) ?? [];
  const pageInfo = q.data?.profileDisputes.pageInfo;
  return (
    <Page title="Sanggahan profil ASN">
      <p>
        Peserta yang menyatakan data profil ASN-nya tidak sesuai. Terima sanggahan dengan nilai yang benar (profil
        diperbarui, versi sebelumnya disimpan) atau tolak dengan alasan. Peserta diberi tahu melalui portal dan surel.
      </p>
      {user?.role === 'ADMIN' && (
        <Field id="dispute-agency" label="Kode instansi" hint="Kosongkan untuk semua instansi.">
          {(props) => (
            <input
              {...props}
              value={agencyCode}
              onChange={(e) => {
                setCursors([]);
                setAgencyCode(e.target.value);
              }}
            />
          )}
        </Field>
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      <ErrorAlert error={q.error} />
      {q.loading && !q.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>Tidak ada sanggahan yang menunggu keputusan.</p>
      ) : (
        <>
          <p role="status">{q.data?.profileDisputes.totalCount ?? 0} sanggahan menunggu keputusan.</p>
          {rows.map((d) => (
            <DisputeCard
              key={d.id}
              dispute={d}
              onDecided={(message) => {
                setDone(message);
                q.reload();
              }}
            />
          ))}
        </>
      )}
      <CursorPager cursors={cursors} onCursors={setCursors} pageInfo={pageInfo} />
    </Page>
  );
}
