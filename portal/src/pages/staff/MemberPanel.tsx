/**
 * A Pansel member's actions on a selection dashboard (/kelola/seleksi/:id).
 *
 * Controls:
 * - Before the final ranking: per candidate, form "Konflik kepentingan <peserta>" ("Pernyataan" = "Tidak ada
 *   konflik" / "Ada konflik kepentingan", "Keterangan", button "Simpan pernyataan").
 * - INTERVIEW: per application, form "Nilai wawancara <peserta>" ("Nilai wawancara", and "Alasan penilaian ulang"
 *   in a calibration or correction round; button "Kirim nilai"). Other members' scores are shown only once the
 *   gateway returns them (after one's own score), exactly as selectionProcess answers.
 */
import { useContext, useState } from 'react';
import { Field, formatDate } from '../../components/ui';
import { DECLARE_CONFLICT, SUBMIT_INTERVIEW_SCORE } from '../../queries/staff';
import { SELECTION_STAGES } from '@seleksi/domain';
import {
  ActionForm,
  candidateLabel,
  competing,
  FormEnd,
  Outcome,
  useAction,
  vacancyLabel,
  ZoneContext,
} from './common';
import { parseNumber, score } from './labels';
import type { PanelProps, ProcessApplicationView } from './types';

/** Stages a member may still declare a conflict of interest in: planning through the track record. */
const CONFLICT_STAGES: readonly string[] = SELECTION_STAGES.slice(0, SELECTION_STAGES.indexOf('TRACK_RECORD') + 1);

export function MemberPanel({ process, reload }: PanelProps) {
  if (!process.myMemberId) return <p>Anda bukan anggota panitia seleksi ini.</p>;
  const me = process.pansel.find((m) => m.isMe);
  const apps = competing(process);
  return (
    <>
      <p>
        Anda: {me?.name ?? process.myMemberId}
        {me ? ` (${me.institution})` : ''}.
      </p>
      {process.stage === 'INTERVIEW' && (
        <section aria-labelledby="scorecards-title" className="card">
          <h3 id="scorecards-title">Lembar nilai wawancara</h3>
          <p>
            Nilai 0–100, paling banyak 2 desimal. Nilai anggota lain tampil setelah nilai Anda sendiri masuk. Bila nilai
            anggota terpaut terlalu jauh, Pansel melakukan kalibrasi: setiap anggota memberi nilai ulang dengan alasan.
          </p>
          {apps.length === 0 && <p>Belum ada peserta untuk diwawancarai.</p>}
          {apps.map((a) => (
            <Scorecard key={a.applicationId} process={process} reload={reload} app={a} />
          ))}
        </section>
      )}
      {CONFLICT_STAGES.includes(process.stage) && <ConflictPanel process={process} reload={reload} />}
    </>
  );
}

function Scorecard({ process, reload, app }: PanelProps & { app: ProcessApplicationView }) {
  const name = candidateLabel(process, app.applicationId);
  const zone = useContext(ZoneContext);
  const memberId = process.myMemberId!;
  const recused = process.recusals.some((r) => r.memberId === memberId && r.candidateId === app.candidateId);
  const mine = app.interviewScores?.find((s) => s.memberId === memberId) ?? null;
  const mustScore = !recused && (!mine || mine.round < app.calibrationRound);
  const rescoring = app.calibrationRound > 0;
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction(SUBMIT_INTERVIEW_SCORE, reload);
  const id = `iv-${app.applicationId}`;
  const memberName = (mid: string) => process.pansel.find((m) => m.id === mid)?.name ?? mid;
  return (
    <div className="card">
      <h4>{name}</h4>
      <p className="muted">
        {vacancyLabel(process, app.vacancyId)} · {app.interviewScoreCount} anggota sudah menilai
        {app.assessment ? ` · nilai asesmen ${score(app.assessment.score)}` : ''}
      </p>
      {recused && <p>Anda dikecualikan dari penilaian peserta ini karena konflik kepentingan.</p>}
      {mine && (
        <p>
          Nilai Anda: <strong>{score(mine.value)}</strong> (putaran {mine.round}, {formatDate(mine.at, true, zone)})
        </p>
      )}
      {app.calibrationRequested && mustScore && mine && (
        <p className="alert alert-warn">
          Kalibrasi putaran {app.calibrationRound}: nilai para anggota terpaut melebihi batas atau ada permintaan
          perbaikan. Berikan nilai ulang dengan alasan.
        </p>
      )}
      {app.interviewScores ? (
        <div className="table-wrap">
          <table>
            <caption>Nilai wawancara {name}</caption>
            <thead>
              <tr>
                <th scope="col">Anggota</th>
                <th scope="col">Nilai</th>
                <th scope="col">Putaran</th>
              </tr>
            </thead>
            <tbody>
              {app.interviewScores.map((s) => (
                <tr key={`${s.memberId}-${s.round}`}>
                  <th scope="row">{s.memberId === memberId ? 'Anda' : memberName(s.memberId)}</th>
                  <td>{score(s.value)}</td>
                  <td>{s.round}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        !recused && <p className="muted">Nilai anggota lain disembunyikan sampai Anda memberi nilai.</p>
      )}
      {mustScore && (
        <ActionForm
          label={`Nilai wawancara ${name}`}
          onSubmit={() =>
            void a
              .run(
                {
                  selectionId: process.selectionId,
                  applicationId: app.applicationId,
                  score: parseNumber(value),
                  reason: rescoring ? reason.trim() : null,
                },
                `Nilai wawancara ${name} terkirim.`,
              )
              .then((r) => {
                if (r) {
                  setValue('');
                  setReason('');
                }
              })
          }
        >
          <Field id={`${id}-score`} label="Nilai wawancara" apiField="score" error={a.error}>
            {(p) => <input {...p} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
          </Field>
          {rescoring && (
            <Field
              id={`${id}-reason`}
              label="Alasan penilaian ulang"
              hint="Wajib pada putaran kalibrasi atau perbaikan (minimal 10 karakter)"
              apiField="reason"
              error={a.error}
            >
              {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          )}
          <FormEnd action={a}>Kirim nilai</FormEnd>
        </ActionForm>
      )}
      {!mustScore && <Outcome error={a.error} done={a.done} />}
    </div>
  );
}

function ConflictPanel({ process, reload }: PanelProps) {
  const seen = new Set<string>();
  const candidates = process.applications.filter((a) => {
    if (a.withdrawn || a.eligible === false || seen.has(a.candidateId)) return false;
    seen.add(a.candidateId);
    return true;
  });
  return (
    <section aria-labelledby="conflicts-title" className="card">
      <h3 id="conflicts-title">Pernyataan konflik kepentingan</h3>
      <p>
        Nyatakan konflik kepentingan (hubungan keluarga, atasan/bawahan langsung, kepentingan usaha) dengan setiap
        peserta. Anggota yang berkonflik tidak menilai peserta tersebut.
      </p>
      {candidates.length === 0 && <p>Belum ada peserta.</p>}
      {candidates.map((a) => (
        <ConflictForm key={a.candidateId} process={process} reload={reload} app={a} />
      ))}
    </section>
  );
}

function ConflictForm({ process, reload, app }: PanelProps & { app: ProcessApplicationView }) {
  const name = candidateLabel(process, app.applicationId);
  const recused = process.recusals.some((r) => r.memberId === process.myMemberId && r.candidateId === app.candidateId);
  const [hasConflict, setHasConflict] = useState(recused ? 'true' : 'false');
  const [reason, setReason] = useState('');
  const a = useAction(DECLARE_CONFLICT, reload);
  const id = `coi-${app.candidateId}`;
  return (
    <ActionForm
      label={`Konflik kepentingan ${name}`}
      className="form inline-form card"
      onSubmit={() =>
        void a.run(
          {
            selectionId: process.selectionId,
            candidateId: app.candidateId,
            hasConflict: hasConflict === 'true',
            reason: reason.trim(),
          },
          'Pernyataan disimpan.',
        )
      }
    >
      <h4>{name}</h4>
      <p className="muted">
        Saat ini: {recused ? 'ada konflik, Anda dikecualikan' : 'tidak ada konflik yang dinyatakan'}
      </p>
      <Field id={`${id}-has`} label="Pernyataan" apiField="hasConflict" error={a.error}>
        {(p) => (
          <select {...p} value={hasConflict} onChange={(e) => setHasConflict(e.target.value)}>
            <option value="false">Tidak ada konflik</option>
            <option value="true">Ada konflik kepentingan</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-reason`} label="Keterangan" apiField="reason" error={a.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormEnd action={a} kind="secondary">
        Simpan pernyataan
      </FormEnd>
    </ActionForm>
  );
}
