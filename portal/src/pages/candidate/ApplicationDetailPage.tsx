/**
 * Route: /lamaran-saya/:id (CANDIDATE). One application: its status once (live over SSE) with the expected
 * date of the next step, the round's stage stepper, the timeline of steps with reasons in words and
 * expected dates (times in the agency's zone), the administrative screening result (MS/TMS with
 * the requirements not met), the uploaded documents, own scores once the final plenary has ranked,
 * objections (while an objection window is open) and withdrawal with a confirmation; while the application
 * competes, the schedule of its next in-person stage (section "Jadwal <uji kompetensi|wawancara>": date, time
 * with the agency's zone, place, notes).
 * Main controls: textarea "Isi sanggahan" + button "Kirim sanggahan" (only during an objection window);
 * textarea "Alasan penarikan lamaran" + button "Tarik lamaran", then "Ya, tarik lamaran" / "Batal".
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from '../../api';
import { downloadWithToken } from '../../download';
import {
  Button,
  ErrorAlert,
  Field,
  InlineError,
  Loading,
  Page,
  SuccessAlert,
  applicationStatusName,
  formatBytes,
  formatDate,
  levelName,
} from '../../components/ui';
import { StageStepper } from '../../components/StageStepper';
import {
  APPLICATION_DETAIL,
  APPLICATION_EXTRAS,
  APPLICATION_STATUS_CHANGED,
  FILE_OBJECTION,
  MY_PROCESS,
  WITHDRAW_APPLICATION,
} from '../../queries/candidate';
import { SELECTION_STAGE_CHANGED } from '../../queries/public';
import { ProvisionalNote, fieldError } from '../public/shared';
import { LIVE_TEXT, useSubscription } from './live';
import type { ResultOf } from '../../graphql';

type Objection = Process['selectionProcess']['objections'][number];

type Process = ResultOf<typeof MY_PROCESS>;

type NextSchedule = NonNullable<Process['selectionProcess']['applications'][number]['nextSchedule']>;

const SCHEDULE_STAGE_NAME: Record<NextSchedule['stage'], string> = {
  COMPETENCY_ASSESSMENT: 'uji kompetensi',
  INTERVIEW: 'wawancara',
};

const OBJECTION_STAGES = ['ADMINISTRATIVE_OBJECTIONS', 'FINAL_OBJECTIONS'];
const CLOSED_STATUSES = ['WITHDRAWN', 'APPOINTED', 'NOT_APPOINTED', 'CANCELLED'];

const DOCUMENT_KIND_LABELS: Record<string, string> = {
  APPLICATION_LETTER: 'Surat lamaran',
  CV: 'Daftar riwayat hidup',
  STATEMENT_LETTER: 'Surat pernyataan',
  SKP: 'SKP 2 tahun terakhir',
  LHKPN_RECEIPT: 'Tanda terima LHKPN',
  PERMISSION_LETTER: 'Surat izin PPK instansi asal',
  OTHER: 'Dokumen pendukung lainnya',
};

function score(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : value.toLocaleString('id-ID', { maximumFractionDigits: 2 });
}

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const detail = useQuery(APPLICATION_DETAIL, { id });
  const extras = useQuery(APPLICATION_EXTRAS, { id });
  const a = detail.data?.application ?? null;
  const selectionId = a?.selection?.id ?? '';
  const process = useQuery(MY_PROCESS, { selectionId }, !selectionId);

  const refresh = () => {
    detail.reload();
    extras.reload();
    if (selectionId) process.reload();
  };
  const live = useSubscription(APPLICATION_STATUS_CHANGED, { applicationId: id }, refresh, !id);
  useSubscription(SELECTION_STAGE_CHANGED, { selectionId }, refresh, !selectionId);

  if (detail.loading && !detail.data) return <Loading />;
  if (detail.error || !a) {
    return (
      <Page title="Lamaran tidak ditemukan">
        <ErrorAlert error={detail.error} />
        <Link to="/lamaran-saya">Kembali ke lamaran saya</Link>
      </Page>
    );
  }

  const timeline = [...a.timeline].sort((x, y) => x.at.localeCompare(y.at));
  const stage = process.data?.selectionProcess.stage ?? a.selection?.stage ?? '';
  const x = extras.data?.application;
  const closed = CLOSED_STATUSES.includes(a.status);
  // The window is open while the process has an OBJECTIONS deadline; once it passes the stage stays
  // (until every objection is answered) but the deadline is gone.
  const deadline = process.data?.selectionProcess.deadline ?? null;
  const objectionWindowOpen = OBJECTION_STAGES.includes(stage) && deadline?.label === 'OBJECTIONS';
  const screening = process.data?.selectionProcess.applications.find((x) => x.applicationId === a.id) ?? null;
  const zone = a.selection?.timeZone ?? null;
  const at = (v: string | null | undefined) => formatDate(v, true, zone);
  // The next step comes when the round's running deadline passes; without one, as the latest step dated it.
  const route = a.selection?.route ?? [];
  const nextAt = closed
    ? null
    : (deadline?.at ?? route.find((r) => r.state === 'CURRENT')?.dueAt ?? timeline.at(-1)?.expectedNextAt ?? null);

  return (
    <Page title={`Lamaran: ${a.vacancy?.position ?? 'jabatan'}`}>
      <dl className="details">
        <dt>Seleksi</dt>
        <dd>
          {a.selection ? <Link to={`/seleksi/${encodeURIComponent(a.selection.id)}`}>{a.selection.title}</Link> : '-'}
        </dd>
        <dt>Jabatan</dt>
        <dd>{a.vacancy ? `${a.vacancy.position}, ${a.vacancy.unit} (${levelName(a.vacancy.level)})` : '-'}</dd>
        <dt>Diterima server</dt>
        <dd>{formatDate(a.receivedAt, 'seconds', zone)}</dd>
      </dl>
      {/* The status, once: announced when it changes. */}
      <div role="status" aria-live="polite" className="card">
        <p>
          Status lamaran: <strong>{applicationStatusName(a.status)}</strong>
        </p>
        {!closed && (
          <p>
            Langkah berikutnya diperkirakan: <strong>{nextAt ? at(nextAt) : 'belum ditetapkan'}</strong>
          </p>
        )}
      </div>
      <p className="muted">{LIVE_TEXT[live]}</p>
      <StageStepper route={route} zone={zone} />

      <h2>Riwayat lamaran</h2>
      {timeline.length === 0 ? (
        <p>Belum ada langkah yang tercatat.</p>
      ) : (
        <ol className="timeline">
          {timeline.map((e, i) => (
            <li key={`${e.reasonCode}-${e.at}-${i}`}>
              <strong>{e.reasonText}</strong>
              {e.note && <div>Catatan: {e.note}</div>}
              <div className="muted">{at(e.at)}</div>
              {e.expectedNextAt && <div>Langkah berikutnya diperkirakan pada {at(e.expectedNextAt)}</div>}
            </li>
          ))}
        </ol>
      )}

      {screening?.nextSchedule && <ScheduleSection schedule={screening.nextSchedule} />}

      {screening && screening.eligible !== null && (
        <>
          <h2>Hasil seleksi administrasi</h2>
          <p>
            <strong>{screening.eligible ? 'Memenuhi syarat (MS)' : 'Tidak memenuhi syarat (TMS)'}</strong>
            {screening.screeningReopened && ' — sedang ditinjau ulang karena sanggahan diterima'}
          </p>
          {screening.failedRequirements.length > 0 && (
            <>
              <p id="failed-requirements">Syarat yang tidak dipenuhi:</p>
              <ul aria-labelledby="failed-requirements">
                {screening.failedRequirements.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}

      <h2>Dokumen lamaran</h2>
      {extras.loading && !extras.data ? (
        <Loading />
      ) : !x ? (
        <p className="muted">Daftar dokumen belum dapat ditampilkan.</p>
      ) : x.documents.length === 0 ? (
        <p>Tidak ada dokumen yang diunggah.</p>
      ) : (
        <ul>
          {x.documents.map((d) => (
            <li key={d.id}>
              {DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}: {d.fileName} ({formatBytes(d.sizeBytes)}, diunggah{' '}
              {at(d.uploadedAt)}){' '}
              <DownloadButton
                url={d.downloadUrl}
                fileName={d.fileName}
                label={DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}
              />
            </li>
          ))}
        </ul>
      )}

      <h2>Nilai</h2>
      {x?.scores ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Nilai Anda setelah sidang pleno akhir">
          <table>
            <caption className="muted">Nilai Anda setelah sidang pleno akhir</caption>
            <thead>
              <tr>
                <th scope="col">Komponen</th>
                <th scope="col">Nilai</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">Uji kompetensi</th>
                <td>{score(x.scores.assessment)}</td>
              </tr>
              <tr>
                <th scope="row">Wawancara</th>
                <td>{score(x.scores.interview)}</td>
              </tr>
              <tr>
                <th scope="row">Rekam jejak</th>
                <td>{score(x.scores.trackRecord)}</td>
              </tr>
              <tr>
                <th scope="row">Nilai akhir</th>
                <td>{score(x.scores.total)}</td>
              </tr>
              <tr>
                <th scope="row">Peringkat</th>
                <td>{x.scores.rank ?? '-'}</td>
              </tr>
              <tr>
                <th scope="row">Termasuk 3 nama terbaik</th>
                <td>{x.scores.shortlisted === null ? '-' : x.scores.shortlisted ? 'Ya' : 'Tidak'}</td>
              </tr>
              <tr>
                <th scope="row">Memenuhi nilai ambang</th>
                <td>{x.scores.passed === null ? '-' : x.scores.passed ? 'Ya' : 'Tidak'}</td>
              </tr>
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nilai ditampilkan setelah sidang pleno akhir panitia seleksi.</p>
      )}

      <ObjectionSection
        applicationId={a.id}
        selectionId={selectionId}
        open={!closed && objectionWindowOpen}
        deadline={deadline}
        zone={zone}
        objections={(process.data?.selectionProcess.objections ?? []).filter((o) => o.applicationId === a.id)}
        onFiled={process.reload}
      />

      <WithdrawSection applicationId={a.id} available={!closed} onWithdrawn={refresh} />
    </Page>
  );
}

/** The invitation to the next in-person stage, as the secretariat set it (the same as the mail). */
function ScheduleSection({ schedule }: { schedule: NextSchedule }) {
  const name = SCHEDULE_STAGE_NAME[schedule.stage];
  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">Jadwal {name}</h2>
      <p>
        Anda diundang mengikuti {name}
        {schedule.revision > 1 && ' (jadwal telah diubah; jadwal sebelumnya tidak berlaku lagi)'}.
      </p>
      <dl className="details">
        <dt>Tanggal</dt>
        <dd>{formatDate(schedule.localDate)}</dd>
        <dt>Jam</dt>
        <dd>
          {schedule.localTime.replace(':', '.')} {schedule.timeZone}
        </dd>
        <dt>Tempat</dt>
        <dd>{schedule.place}</dd>
        {schedule.notes && (
          <>
            <dt>Catatan</dt>
            <dd>{schedule.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ObjectionSection({
  applicationId,
  selectionId,
  open,
  deadline,
  objections,
  onFiled,
  zone,
}: {
  applicationId: string;
  selectionId: string;
  open: boolean;
  deadline: { label: string; at: string; provisional: boolean } | null;
  zone: string | null;
  objections: Objection[];
  onFiled: () => void;
}) {
  const file = useMutation(FILE_OBJECTION);
  const [text, setText] = useState('');
  const [local, setLocal] = useState<ReturnType<typeof fieldError> | null>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (text.trim().length < 10) {
      setLocal(fieldError('Tuliskan isi sanggahan (sedikitnya 10 karakter).', 'text'));
      document.getElementById('objection-text')?.focus();
      return;
    }
    setLocal(null);
    const res = await file.run({ applicationId, selectionId, text: text.trim() });
    if (res) {
      setDone(true);
      setText('');
      onFiled();
    }
  }

  const error = local ?? file.error;
  return (
    <>
      <h2>Sanggahan</h2>
      {open ? (
        <>
          <p>
            Masa sanggah sedang dibuka
            {deadline?.label === 'OBJECTIONS' && (
              <>
                {' '}
                sampai {formatDate(deadline.at, true, zone)} <ProvisionalNote show={deadline.provisional} />
              </>
            )}
            . Anda dapat mengajukan sanggahan atas hasil seleksi lamaran ini.
          </p>
          {done && <SuccessAlert>Sanggahan Anda telah diterima panitia seleksi.</SuccessAlert>}
          <form className="form" onSubmit={(e) => void submit(e)} noValidate>
            {error && error.field !== 'text' && <ErrorAlert error={error} />}
            <Field id="objection-text" label="Isi sanggahan" apiField="text" error={error}>
              {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
            </Field>
            <div className="button-row">
              <Button type="submit" pending={file.pending}>
                Kirim sanggahan
              </Button>
            </div>
          </form>
        </>
      ) : (
        <p>Masa sanggah tidak sedang dibuka.</p>
      )}
      {objections.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Sanggahan saya">
          <table>
            <caption className="muted">Sanggahan saya</caption>
            <thead>
              <tr>
                <th scope="col">Diajukan</th>
                <th scope="col">Atas hasil</th>
                <th scope="col">Isi</th>
                <th scope="col">Jawaban panitia</th>
              </tr>
            </thead>
            <tbody>
              {objections.map((o) => (
                <tr key={o.objectionId}>
                  <th scope="row">{formatDate(o.filedAt, true, zone)}</th>
                  <td>{o.phase === 'FINAL' ? 'Hasil akhir' : 'Seleksi administrasi'}</td>
                  <td>{o.text ?? '-'}</td>
                  <td>
                    {o.upheld === null
                      ? 'Belum dijawab'
                      : `${o.upheld ? 'Diterima' : 'Ditolak'}${o.answer ? `: ${o.answer}` : ''}`}
                    {o.answeredAt && <div className="muted">{formatDate(o.answeredAt, true, zone)}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function WithdrawSection({
  applicationId,
  available,
  onWithdrawn,
}: {
  applicationId: string;
  available: boolean;
  onWithdrawn: () => void;
}) {
  const withdraw = useMutation(WITHDRAW_APPLICATION);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<ReturnType<typeof fieldError> | null>(null);
  const [done, setDone] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  // The confirmation step replaces the form: move focus to its heading so it is read out.
  // Back from it (Batal, or a refusal), focus returns to the reason.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
    else if (wasConfirming.current) document.getElementById('withdraw-reason')?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  function ask(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 5) {
      setLocal(fieldError('Tuliskan alasan penarikan lamaran (sedikitnya 5 karakter).', 'reason'));
      document.getElementById('withdraw-reason')?.focus();
      return;
    }
    setLocal(null);
    withdraw.clearError();
    setConfirming(true);
  }

  async function confirm() {
    const res = await withdraw.run({ applicationId, reason: reason.trim() });
    if (res) {
      wasConfirming.current = false;
      setDone(true);
      onWithdrawn();
    }
    setConfirming(false);
  }

  const error = local ?? withdraw.error;
  if (!available && !done) return null;
  return (
    <>
      <h2>Tarik lamaran</h2>
      {done ? (
        <SuccessAlert>Lamaran Anda telah ditarik.</SuccessAlert>
      ) : confirming ? (
        <div className="confirm-box" role="group" aria-labelledby="withdraw-confirm-title">
          <h3 id="withdraw-confirm-title" ref={confirmHeading} tabIndex={-1}>
            Konfirmasi penarikan lamaran
          </h3>
          <p>
            Lamaran yang ditarik tidak dapat diaktifkan kembali. Alasan: <q>{reason.trim()}</q>
          </p>
          <div className="button-row">
            <Button type="button" kind="danger" pending={withdraw.pending} onClick={() => void confirm()}>
              Ya, tarik lamaran
            </Button>
            <Button type="button" kind="secondary" onClick={() => setConfirming(false)} disabled={withdraw.pending}>
              Batal
            </Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={ask} noValidate>
          <p>Anda dapat menarik lamaran sebelum keputusan pengangkatan ditetapkan.</p>
          {error && error.field !== 'reason' && <ErrorAlert error={error} />}
          <Field id="withdraw-reason" label="Alasan penarikan lamaran" apiField="reason" error={error}>
            {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="button-row">
            <Button type="submit" kind="danger">
              Tarik lamaran
            </Button>
          </div>
        </form>
      )}
    </>
  );
}

/**
 * Application documents need the session token, so a plain link cannot fetch them: the button
 * downloads with the Authorization header and hands the PDF to the browser.
 */
function DownloadButton({ url, fileName, label }: { url: string; fileName: string; label: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setPending(true);
    setError(null);
    try {
      const target = new URL(url, window.location.origin);
      await downloadWithToken(target.pathname + target.search, fileName);
    } catch {
      setError(`${label} gagal diunduh; coba lagi.`);
    } finally {
      setPending(false);
    }
  }
  return (
    <>
      <Button
        type="button"
        kind="secondary"
        pending={pending}
        onClick={() => void download()}
        aria-label={`Unduh ${label}`}
      >
        Unduh
      </Button>
      <InlineError message={error} />
    </>
  );
}
