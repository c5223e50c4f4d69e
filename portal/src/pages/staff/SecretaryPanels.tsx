/**
 * The secretary's actions on a selection dashboard (/kelola/seleksi/:id), one panel per stage. Every form has
 * an accessible name (role=form) so a test can scope its fields, e.g.
 * getByRole('form', { name: 'Penilaian kompetensi Peserta Uji A1' }).getByLabel('Manajerial').
 *
 * Panels and controls:
 * - PLANNED: form "Susunan Pansel" (per member n: "Akun anggota n" (a select of the active Pansel-member accounts
 *   the agency may seat, which fills in the name, institution and "from the agency"), "Nama anggota n", "Instansi anggota n",
 *   "Peran anggota n", "Anggota n dari instansi sendiri", "Anggota n anggota partai politik"; "Nomor keputusan
 *   pembentukan Pansel"; buttons "Tambah anggota", "Hapus anggota n", "Simpan Pansel"); button "Kirim rencana ke
 *   pengawas".
 * - Any stage, vacancy waiting: form "Keputusan lowongan <jabatan>" ("Keputusan", "Alasan", "Simpan keputusan").
 * - ADMINISTRATIVE_SCREENING (or a reopened screening): form "Ubah hasil <peserta>" ("Hasil", "Alasan",
 *   "Ubah hasil"); button "Umumkan hasil seleksi administrasi".
 * - Unanswered objections: form "Jawaban sanggahan <peserta>" ("Keputusan sanggahan", "Jawaban", "Tahap yang
 *   dibuka kembali" for final-result objections, "Kirim jawaban").
 * - COMPETENCY_ASSESSMENT (both) and INTERVIEW (the interview only): forms "Jadwal uji kompetensi" and "Jadwal
 *   wawancara" ("Tanggal", "Jam", "Tempat", "Catatan untuk peserta", "Simpan jadwal"), with the schedule in force.
 * - COMPETENCY_ASSESSMENT: form "Penilaian kompetensi <peserta>" ("Manajerial", "Sosial kultural", "Makalah",
 *   "Presentasi", "Tanggal asesmen", "Simpan nilai"); button "Tutup tahap penilaian kompetensi".
 * - INTERVIEW: table "Kemajuan wawancara"; button "Tutup tahap wawancara".
 * - TRACK_RECORD: form "Rekam jejak <peserta>" ("Nilai rekam jejak", "Temuan", "Gugurkan peserta", "Alasan
 *   menggugurkan", "Simpan rekam jejak"); button "Tutup tahap rekam jejak".
 * - APPOINTMENT_CHOICE / DECREE: form "Izin Menteri Dalam Negeri" ("Nomor surat izin", "Tanggal surat izin",
 *   "Keterangan", "Catat izin"); Madya/Utama: form "Keputusan Presiden <jabatan>" ("Nomor Keppres", "Tanggal
 *   Keppres", "Catat Keputusan Presiden").
 * - INAUGURATION: form "Pelantikan <jabatan>" ("Tanggal pelantikan", "Tempat pelantikan", "Catat pelantikan").
 */
import { useContext, useState } from 'react';
import { useQuery } from '../../api';
import { memberFromAccount } from '../../accounts';
import { useAuth } from '../../auth';
import type { ApiError } from '../../api';
import { Button, ErrorAlert, Field, formatDate } from '../../components/ui';
import { DataTable } from '../../components/DataTable';
import { AGENCY_NAME, PANSEL_CANDIDATES } from '../../queries/accounts';
import {
  ANSWER_OBJECTION,
  COMPLETE_STAGE,
  DECIDE_VACANCY,
  OVERRIDE_SCREENING,
  PUBLISH_SCREENING,
  RECORD_ASSESSMENT,
  RECORD_ELECTION_PERMISSION,
  RECORD_INAUGURATION,
  RECORD_PRESIDENTIAL_DECISION,
  RECORD_TRACK_RECORD,
  SCHEDULE_STAGE,
  SET_PANSEL,
  SUBMIT_PLAN,
} from '../../queries/staff';
import {
  ActionForm,
  PresidentialDecreeFields,
  useDecreeDraft,
  InaugurationFields,
  CORRECTABLE_STAGE_OPTIONS,
  candidateLabel,
  competing,
  FormEnd,
  Outcome,
  useAction,
  useToday,
  vacancyLabel,
  ZoneContext,
} from './common';
import { PANSEL_ROLE, PENDING_DECISION, VACANCY_OUTCOME, parseNumber, say, score } from './labels';
import type { ObjectionView, PanelProps, ProcessApplicationView, ProcessVacancyView, StageScheduleView } from './types';
import { ElectionReportDutyView } from './TalentElectionPanel';
import { fieldError } from '../public/shared';

const SCREENING_STAGES = ['ADMINISTRATIVE_SCREENING', 'ADMINISTRATIVE_OBJECTIONS'];

/** Every panel the secretary needs at the process's current stage. */
export function SecretaryPanels({ process, reload }: PanelProps) {
  const stage = process.stage;
  const waiting = process.vacancies.filter((v) => v.pendingDecision && !v.outcome);
  const openObjections = process.objections.filter((o) => o.upheld === null);
  const reopened = process.applications.some((a) => a.screeningReopened);
  const screening = stage === 'ADMINISTRATIVE_SCREENING' || (reopened && SCREENING_STAGES.includes(stage));
  const anything =
    waiting.length > 0 ||
    openObjections.length > 0 ||
    screening ||
    [
      'PLANNED',
      'COMPETENCY_ASSESSMENT',
      'INTERVIEW',
      'TRACK_RECORD',
      'APPOINTMENT_CHOICE',
      'DECREE',
      'INAUGURATION',
    ].includes(stage);
  return (
    <>
      {!anything && <p>Tidak ada tindakan sekretariat pada tahap ini; proses berjalan sesuai jadwal.</p>}
      {stage === 'PLANNED' && <PlanPanel process={process} reload={reload} />}
      {waiting.map((v) => (
        <VacancyDecisionForm key={v.id} process={process} reload={reload} vacancy={v} />
      ))}
      {screening && <ScreeningPanel process={process} reload={reload} />}
      {openObjections.length > 0 && <ObjectionsPanel process={process} reload={reload} objections={openObjections} />}
      {stage === 'COMPETENCY_ASSESSMENT' && (
        <ScheduleForm process={process} reload={reload} stage="COMPETENCY_ASSESSMENT" />
      )}
      {(stage === 'COMPETENCY_ASSESSMENT' || stage === 'INTERVIEW') && (
        <ScheduleForm process={process} reload={reload} stage="INTERVIEW" />
      )}
      {stage === 'COMPETENCY_ASSESSMENT' && <AssessmentPanel process={process} reload={reload} />}
      {stage === 'INTERVIEW' && <InterviewProgressPanel process={process} reload={reload} />}
      {stage === 'TRACK_RECORD' && <TrackRecordPanel process={process} reload={reload} />}
      {(stage === 'APPOINTMENT_CHOICE' || stage === 'DECREE') && <AppointmentPanel process={process} reload={reload} />}
      {stage === 'INAUGURATION' && <InaugurationPanel process={process} reload={reload} />}
      {process.electionReportDutyId && (
        <ElectionReportDutyView dutyId={process.electionReportDutyId} agencyCode={null} role="PANSEL_SECRETARY" />
      )}
    </>
  );
}

// --- planning -----------------------------------------------------------------------------------------

interface MemberRow {
  key: number;
  userId: string;
  name: string;
  institution: string;
  role: string;
  internal: boolean;
  partyMember: boolean;
}

let memberKey = 1;
const emptyMember = (role = 'MEMBER'): MemberRow => ({
  key: memberKey++,
  userId: '',
  name: '',
  institution: '',
  role,
  internal: false,
  partyMember: false,
});

function PlanPanel({ process, reload }: PanelProps) {
  const [rows, setRows] = useState<MemberRow[]>(() => [
    emptyMember('CHAIR'),
    emptyMember('SECRETARY'),
    emptyMember(),
    emptyMember(),
    emptyMember(),
  ]);
  const [decree, setDecree] = useState('');
  const pansel = useAction(SET_PANSEL, reload);
  const submit = useAction(SUBMIT_PLAN, reload);
  const set = (key: number, patch: Partial<MemberRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const err = pansel.error;
  // The secretary's agency is the round's: members are picked from the accounts it may seat.
  const agencyCode = useAuth().user?.agencyCode ?? '';
  const people = useQuery(PANSEL_CANDIDATES, { agencyCode }, !agencyCode);
  const agency = useQuery(AGENCY_NAME, { c: agencyCode }, !agencyCode);
  const accounts = people.data?.panselCandidates.edges.map((e) => e.node) ?? [];
  const pick = (key: number, userId: string) => {
    const account = accounts.find((a) => a.id === userId);
    set(key, account ? memberFromAccount(account, agencyCode, agency.data?.agency?.name ?? null) : { userId: '' });
  };
  return (
    <section aria-labelledby="plan-title" className="card">
      <h3 id="plan-title">Pansel dan rencana seleksi</h3>
      {process.pansel.length > 0 ? (
        <p>
          Pansel sudah ditetapkan ({process.pansel.length} anggota). Anda dapat menggantinya sebelum rencana dikirim.
        </p>
      ) : (
        <p>Tetapkan panitia seleksi: jumlah ganjil, sebagian besar dari luar instansi, bukan anggota partai politik.</p>
      )}
      <ActionForm
        label="Susunan Pansel"
        onSubmit={() =>
          void pansel.run(
            {
              selectionId: process.selectionId,
              decreeReference: decree.trim() || null,
              members: rows.map((r) => ({
                userId: r.userId.trim(),
                name: r.name.trim(),
                institution: r.institution.trim(),
                role: r.role,
                internal: r.internal,
                partyMember: r.partyMember,
              })),
            },
            'Susunan Pansel disimpan.',
          )
        }
      >
        <ErrorAlert error={people.error} />
        {people.data && accounts.length === 0 && (
          <p>Belum ada akun Anggota Pansel yang aktif untuk instansi ini; mintalah administrator mengundangnya.</p>
        )}
        {rows.map((r, i) => {
          const n = i + 1;
          const api = `members.${i}`;
          return (
            <fieldset key={r.key}>
              <legend>Anggota {n}</legend>
              <Field
                id={`pm-${r.key}-user`}
                label={`Akun anggota ${n}`}
                hint="Akun aktif berperan Anggota Pansel; akun baru diundang oleh administrator"
                apiField={`${api}.userId`}
                error={err}
              >
                {(p) => (
                  <select {...p} value={r.userId} onChange={(e) => pick(r.key, e.target.value)}>
                    <option value="">Pilih akun</option>
                    {accounts.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.displayName}
                        {a.affiliation ? ` (${a.affiliation})` : ''}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={`pm-${r.key}-name`} label={`Nama anggota ${n}`} apiField={`${api}.name`} error={err}>
                {(p) => <input {...p} value={r.name} onChange={(e) => set(r.key, { name: e.target.value })} />}
              </Field>
              <Field
                id={`pm-${r.key}-inst`}
                label={`Instansi anggota ${n}`}
                apiField={`${api}.institution`}
                error={err}
              >
                {(p) => (
                  <input {...p} value={r.institution} onChange={(e) => set(r.key, { institution: e.target.value })} />
                )}
              </Field>
              <Field id={`pm-${r.key}-role`} label={`Peran anggota ${n}`} apiField={`${api}.role`} error={err}>
                {(p) => (
                  <select {...p} value={r.role} onChange={(e) => set(r.key, { role: e.target.value })}>
                    {Object.entries(PANSEL_ROLE).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="check">
                <input
                  id={`pm-${r.key}-internal`}
                  type="checkbox"
                  checked={r.internal}
                  onChange={(e) => set(r.key, { internal: e.target.checked })}
                />
                <label htmlFor={`pm-${r.key}-internal`}>Anggota {n} dari instansi sendiri</label>
              </div>
              <div className="check">
                <input
                  id={`pm-${r.key}-party`}
                  type="checkbox"
                  checked={r.partyMember}
                  onChange={(e) => set(r.key, { partyMember: e.target.checked })}
                />
                <label htmlFor={`pm-${r.key}-party`}>Anggota {n} anggota partai politik</label>
              </div>
              {rows.length > 1 && (
                <Button
                  type="button"
                  kind="secondary"
                  onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                >
                  Hapus anggota {n}
                </Button>
              )}
            </fieldset>
          );
        })}
        <div>
          <Button type="button" kind="secondary" onClick={() => setRows((rs) => [...rs, emptyMember()])}>
            Tambah anggota
          </Button>
        </div>
        <Field
          id="pansel-decree"
          label="Nomor keputusan pembentukan Pansel"
          hint="Jika keputusan PPK sudah ditandatangani"
          apiField="decreeReference"
          error={err}
        >
          {(p) => <input {...p} value={decree} onChange={(e) => setDecree(e.target.value)} />}
        </Field>
        <Outcome error={err} done={pansel.done} />
        <div>
          <Button type="submit" pending={pansel.pending}>
            Simpan Pansel
          </Button>
        </div>
      </ActionForm>
      <h4>Kirim rencana</h4>
      <p>Rencana seleksi (lowongan, aturan, Pansel) dikirim ke pengawas untuk disetujui.</p>
      <Outcome error={submit.error} done={submit.done} />
      <Button
        type="button"
        pending={submit.pending}
        onClick={() => void submit.run({ selectionId: process.selectionId }, 'Rencana seleksi dikirim ke pengawas.')}
      >
        Kirim rencana ke pengawas
      </Button>
    </section>
  );
}

// --- vacancies waiting for the Pansel -------------------------------------------------------------------

function VacancyDecisionForm({ process, reload, vacancy }: PanelProps & { vacancy: ProcessVacancyView }) {
  const [outcome, setOutcome] = useState('CANCEL');
  const [reason, setReason] = useState('');
  const a = useAction(DECIDE_VACANCY, reload);
  const name = vacancy.position ?? vacancy.id;
  const id = `vd-${vacancy.id}`;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Keputusan Pansel: {name}</h3>
      <p>{say(PENDING_DECISION, vacancy.pendingDecision)}</p>
      <ActionForm
        label={`Keputusan lowongan ${name}`}
        onSubmit={() =>
          void a.run(
            { selectionId: process.selectionId, vacancyId: vacancy.id, outcome, reason: reason.trim() },
            'Keputusan atas lowongan disimpan.',
          )
        }
      >
        <Field id={`${id}-outcome`} label="Keputusan" apiField="outcome" error={a.error}>
          {(p) => (
            <select {...p} value={outcome} onChange={(e) => setOutcome(e.target.value)}>
              {Object.entries(VACANCY_OUTCOME).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-reason`} label="Alasan" apiField="reason" error={a.error}>
          {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormEnd action={a}>Simpan keputusan</FormEnd>
      </ActionForm>
    </section>
  );
}

// --- administrative screening ----------------------------------------------------------------------------

function ScreeningPanel({ process, reload }: PanelProps) {
  const publish = useAction(PUBLISH_SCREENING, reload);
  const apps = process.applications.filter((a) => !a.withdrawn && a.status !== 'CANCELLED');
  const pending = apps.filter((a) => a.eligible === null).length;
  const publishable = process.stage === 'ADMINISTRATIVE_SCREENING';
  return (
    <section aria-labelledby="screening-title" className="card">
      <h3 id="screening-title">Hasil seleksi administrasi</h3>
      <p>
        Mesin persyaratan menetapkan MS/TMS per peserta dengan alasan per syarat. Ubah hasil hanya dengan alasan yang
        dicatat.
        {pending > 0 && ` ${pending} lamaran masih diperiksa.`}
      </p>
      {apps.map((a) => (
        <ScreeningRow key={a.applicationId} process={process} reload={reload} app={a} />
      ))}
      {publishable && (
        <>
          <Outcome error={publish.error} done={publish.done} />
          <Button
            type="button"
            pending={publish.pending}
            disabled={pending > 0}
            onClick={() =>
              void publish.run(
                { selectionId: process.selectionId },
                'Hasil seleksi administrasi diumumkan; masa sanggah dibuka.',
              )
            }
          >
            Umumkan hasil seleksi administrasi
          </Button>
        </>
      )}
    </section>
  );
}

function ScreeningRow({ process, reload, app }: PanelProps & { app: ProcessApplicationView }) {
  const name = candidateLabel(process, app.applicationId);
  const [eligible, setEligible] = useState(app.eligible === false ? 'true' : 'false');
  const [reason, setReason] = useState('');
  const a = useAction(OVERRIDE_SCREENING, reload);
  const id = `scr-${app.applicationId}`;
  const editable = process.stage === 'ADMINISTRATIVE_SCREENING' || app.screeningReopened;
  return (
    <div className="card">
      <h4>{name}</h4>
      <p>
        {vacancyLabel(process, app.vacancyId)} ·{' '}
        <strong>
          {app.eligible === null
            ? 'Belum diperiksa'
            : app.eligible
              ? 'Memenuhi syarat (MS)'
              : 'Tidak memenuhi syarat (TMS)'}
        </strong>
        {app.screeningReopened && ' · diperiksa ulang karena sanggahan diterima'}
      </p>
      {app.failedRequirements.length > 0 && (
        <ul aria-label={`Syarat yang tidak dipenuhi ${name}`}>
          {app.failedRequirements.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {editable && app.eligible !== null && (
        <ActionForm
          label={`Ubah hasil ${name}`}
          className="form inline-form"
          onSubmit={() =>
            void a.run(
              {
                selectionId: process.selectionId,
                applicationId: app.applicationId,
                eligible: eligible === 'true',
                reason: reason.trim(),
              },
              `Hasil ${name} diubah.`,
            )
          }
        >
          <Field id={`${id}-eligible`} label="Hasil" apiField="eligible" error={a.error}>
            {(p) => (
              <select {...p} value={eligible} onChange={(e) => setEligible(e.target.value)}>
                <option value="true">Memenuhi syarat (MS)</option>
                <option value="false">Tidak memenuhi syarat (TMS)</option>
              </select>
            )}
          </Field>
          <Field id={`${id}-reason`} label="Alasan" apiField="reason" error={a.error}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <FormEnd action={a} kind="secondary">
            Ubah hasil
          </FormEnd>
        </ActionForm>
      )}
    </div>
  );
}

// --- objections ------------------------------------------------------------------------------------------

function ObjectionsPanel({ process, reload, objections }: PanelProps & { objections: ObjectionView[] }) {
  return (
    <section aria-labelledby="objections-title" className="card">
      <h3 id="objections-title">Sanggahan yang belum dijawab</h3>
      {objections.map((o) => (
        <ObjectionForm key={o.objectionId} process={process} reload={reload} objection={o} />
      ))}
    </section>
  );
}

function ObjectionForm({ process, reload, objection }: PanelProps & { objection: ObjectionView }) {
  const name = candidateLabel(process, objection.applicationId);
  const zone = useContext(ZoneContext);
  const [upheld, setUpheld] = useState('false');
  const [answer, setAnswer] = useState('');
  const [reopen, setReopen] = useState('TRACK_RECORD');
  const a = useAction(ANSWER_OBJECTION, reload);
  const id = `obj-${objection.objectionId}`;
  const final = objection.phase === 'FINAL';
  return (
    <div className="card">
      <h4>
        {name} ({final ? 'hasil akhir' : 'seleksi administrasi'})
      </h4>
      <p className="muted">Diajukan {formatDate(objection.filedAt, true, zone)}</p>
      <blockquote>{objection.text ?? '-'}</blockquote>
      <ActionForm
        label={`Jawaban sanggahan ${name}`}
        onSubmit={() =>
          void a.run(
            {
              selectionId: process.selectionId,
              objectionId: objection.objectionId,
              upheld: upheld === 'true',
              answer: answer.trim(),
              reopenStage: final && upheld === 'true' ? reopen : null,
            },
            'Sanggahan dijawab.',
          )
        }
      >
        <Field id={`${id}-upheld`} label="Keputusan sanggahan" apiField="upheld" error={a.error}>
          {(p) => (
            <select {...p} value={upheld} onChange={(e) => setUpheld(e.target.value)}>
              <option value="false">Ditolak</option>
              <option value="true">Diterima</option>
            </select>
          )}
        </Field>
        {final && upheld === 'true' && (
          <Field id={`${id}-reopen`} label="Tahap yang dibuka kembali" apiField="reopenStage" error={a.error}>
            {(p) => (
              <select {...p} value={reopen} onChange={(e) => setReopen(e.target.value)}>
                {CORRECTABLE_STAGE_OPTIONS}
              </select>
            )}
          </Field>
        )}
        <Field id={`${id}-answer`} label="Jawaban" apiField="answer" error={a.error}>
          {(p) => <textarea {...p} rows={3} value={answer} onChange={(e) => setAnswer(e.target.value)} />}
        </Field>
        <FormEnd action={a}>Kirim jawaban</FormEnd>
      </ActionForm>
    </div>
  );
}

// --- scored stages ---------------------------------------------------------------------------------------

function CompleteStageButton({
  process,
  reload,
  stage,
  label,
}: PanelProps & { stage: 'COMPETENCY_ASSESSMENT' | 'INTERVIEW' | 'TRACK_RECORD'; label: string }) {
  const a = useAction(COMPLETE_STAGE, reload);
  return (
    <div className="stage-close">
      <Outcome error={a.error} done={a.done} />
      <Button
        type="button"
        pending={a.pending}
        onClick={() => void a.run({ selectionId: process.selectionId, stage }, 'Tahap ditutup; proses berlanjut.')}
      >
        {label}
      </Button>
    </div>
  );
}

// --- schedules of the in-person stages -------------------------------------------------------------------

const SCHEDULE_NAME: Record<StageScheduleView['stage'], string> = {
  COMPETENCY_ASSESSMENT: 'uji kompetensi',
  INTERVIEW: 'wawancara',
};

/**
 * Sets or changes the date, time (the agency's local time) and place of the assessment or the interview; the
 * gateway mails every competing candidate the invitation, or on a change the new schedule.
 */
function ScheduleForm({ process, reload, stage }: PanelProps & { stage: StageScheduleView['stage'] }) {
  const current = process.schedules.find((x) => x.stage === stage) ?? null;
  const [date, setDate] = useState(current?.localDate ?? '');
  const [time, setTime] = useState(current?.localTime ?? '');
  const [place, setPlace] = useState(current?.place ?? '');
  const [notes, setNotes] = useState(current?.notes ?? '');
  const [local, setLocal] = useState<ApiError | null>(null);
  const a = useAction(SCHEDULE_STAGE, reload);
  const name = SCHEDULE_NAME[stage];
  const id = `sch-${stage === 'INTERVIEW' ? 'iv' : 'ca'}`;
  const invited = competing(process).length;
  const zone = useContext(ZoneContext);
  const err = local ?? a.error;

  function submit() {
    // Empty date or time would fail the GraphQL scalars without naming the field: say it here instead.
    const missing = !date
      ? fieldError('Isi tanggal pelaksanaan.', 'date')
      : !/^\d{2}:\d{2}$/.test(time)
        ? fieldError('Isi jam mulai (JJ:MM, mis. 08:30).', 'time')
        : !place.trim()
          ? fieldError('Isi tempat pelaksanaan.', 'place')
          : null;
    setLocal(missing);
    if (missing) {
      document.getElementById(`${id}-${missing.field}`)?.focus();
      return;
    }
    void a.run(
      {
        selectionId: process.selectionId,
        stage,
        date,
        time,
        place: place.trim(),
        notes: notes.trim() || null,
      },
      current
        ? `Jadwal ${name} diubah; jadwal baru dikirim lewat surel kepada ${invited} peserta.`
        : `Jadwal ${name} disimpan; undangan dikirim lewat surel kepada ${invited} peserta.`,
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h3 id={`${id}-title`}>Jadwal {name}</h3>
      {current ? (
        <dl className="details" aria-label={`Jadwal ${name} yang berlaku`}>
          <dt>Waktu</dt>
          <dd>{current.text}</dd>
          <dt>Tempat</dt>
          <dd>{current.place}</dd>
          {current.notes && (
            <>
              <dt>Catatan</dt>
              <dd>{current.notes}</dd>
            </>
          )}
          <dt>Versi</dt>
          <dd>{current.revision === 1 ? 'Jadwal pertama' : `Perubahan ke-${current.revision - 1}`}</dd>
        </dl>
      ) : (
        <p>Jadwal {name} belum ditetapkan.</p>
      )}
      <p>
        {current
          ? `Setiap perubahan dikirim lewat surel kepada semua peserta yang memenuhi syarat (${invited} peserta); jadwal sebelumnya tidak berlaku lagi.`
          : `Undangan dengan tanggal, jam dan tempat dikirim lewat surel kepada semua peserta yang memenuhi syarat (${invited} peserta).`}
      </p>
      <ActionForm label={`Jadwal ${name}`} onSubmit={submit}>
        <div className="grid-4">
          <Field id={`${id}-date`} label="Tanggal" hint="Hari pelaksanaan" apiField="date" error={err}>
            {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
          </Field>
          <Field
            id={`${id}-time`}
            label="Jam"
            hint={zone ? `Waktu ${zone}` : 'Waktu setempat'}
            apiField="time"
            error={err}
          >
            {(p) => <input {...p} type="time" value={time} onChange={(e) => setTime(e.target.value)} />}
          </Field>
        </div>
        <Field
          id={`${id}-place`}
          label="Tempat"
          hint="Gedung, ruang dan alamat, dalam satu baris"
          apiField="place"
          error={err}
        >
          {(p) => <input {...p} value={place} onChange={(e) => setPlace(e.target.value)} />}
        </Field>
        <Field
          id={`${id}-notes`}
          label="Catatan untuk peserta"
          hint="Pakaian, yang perlu dibawa, narahubung (tidak wajib)"
          apiField="notes"
          error={err}
        >
          {(p) => <textarea {...p} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />}
        </Field>
        <Outcome error={err} done={a.done} />
        <div>
          <Button type="submit" kind="secondary" pending={a.pending}>
            {current ? 'Ubah jadwal' : 'Simpan jadwal'}
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}

function AssessmentPanel({ process, reload }: PanelProps) {
  const apps = competing(process);
  const done = apps.filter((a) => a.assessment).length;
  return (
    <section aria-labelledby="assessment-title" className="card">
      <h3 id="assessment-title">Penilaian kompetensi</h3>
      <p>
        Nilai asesmen (manajerial, sosial kultural), makalah dan presentasi, 0–100. Sudah dicatat: {done} dari{' '}
        {apps.length}.
      </p>
      {apps.map((a) => (
        <AssessmentForm key={a.applicationId} process={process} reload={reload} app={a} />
      ))}
      <CompleteStageButton
        process={process}
        reload={reload}
        stage="COMPETENCY_ASSESSMENT"
        label="Tutup tahap penilaian kompetensi"
      />
    </section>
  );
}

const ASSESSMENT_PARTS = [
  ['managerial', 'Manajerial'],
  ['socioCultural', 'Sosial kultural'],
  ['paper', 'Makalah'],
  ['presentation', 'Presentasi'],
] as const;

function AssessmentForm({ process, reload, app }: PanelProps & { app: ProcessApplicationView }) {
  const today = useToday();
  const name = candidateLabel(process, app.applicationId);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(ASSESSMENT_PARTS.map(([k]) => [k, app.assessment ? String(app.assessment[k]) : ''])),
  );
  const [date, setDate] = useState(today);
  const a = useAction(RECORD_ASSESSMENT, reload);
  const id = `as-${app.applicationId}`;
  return (
    <div className="card">
      <h4>{name}</h4>
      <p className="muted">
        {vacancyLabel(process, app.vacancyId)}
        {app.assessment ? ` · tercatat, nilai asesmen ${score(app.assessment.score)}` : ' · belum dinilai'}
      </p>
      <ActionForm
        label={`Penilaian kompetensi ${name}`}
        onSubmit={() =>
          void a.run(
            {
              selectionId: process.selectionId,
              applicationId: app.applicationId,
              managerial: parseNumber(values.managerial ?? ''),
              socioCultural: parseNumber(values.socioCultural ?? ''),
              paper: parseNumber(values.paper ?? ''),
              presentation: parseNumber(values.presentation ?? ''),
              assessedAt: date,
              reusedResultId: null,
            },
            `Nilai ${name} disimpan.`,
          )
        }
      >
        <div className="grid-4">
          {ASSESSMENT_PARTS.map(([k, label]) => (
            <Field key={k} id={`${id}-${k}`} label={label} apiField={k} error={a.error}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={values[k]}
                  onChange={(e) => setValues((v) => ({ ...v, [k]: e.target.value }))}
                />
              )}
            </Field>
          ))}
        </div>
        <Field id={`${id}-date`} label="Tanggal asesmen" apiField="assessedAt" error={a.error}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
        <FormEnd action={a} kind="secondary">
          Simpan nilai
        </FormEnd>
      </ActionForm>
    </div>
  );
}

function InterviewProgressPanel({ process, reload }: PanelProps) {
  const apps = competing(process);
  return (
    <section aria-labelledby="interview-progress-title" className="card">
      <h3 id="interview-progress-title">Kemajuan wawancara</h3>
      <p>
        Setiap anggota Pansel memberi nilai sendiri (buta sampai nilainya masuk). Anggota yang berkonflik dikecualikan.
      </p>
      <DataTable
        caption="Kemajuan wawancara"
        rows={apps}
        rowKey={(a) => a.applicationId}
        empty="Tidak ada peserta yang diwawancarai."
        columns={[
          { header: 'Peserta', rowHeader: true, cell: (a) => candidateLabel(process, a.applicationId) },
          { header: 'Lowongan', cell: (a) => vacancyLabel(process, a.vacancyId) },
          { header: 'Nilai masuk', cell: (a) => a.interviewScoreCount },
          {
            header: 'Kalibrasi',
            cell: (a) =>
              a.calibrationRequested
                ? `Diminta (putaran ${a.calibrationRound})`
                : a.calibrationRound > 0
                  ? `Putaran ${a.calibrationRound}`
                  : '-',
          },
        ]}
      />
      <CompleteStageButton process={process} reload={reload} stage="INTERVIEW" label="Tutup tahap wawancara" />
    </section>
  );
}

function TrackRecordPanel({ process, reload }: PanelProps) {
  const apps = competing(process).filter((a) => a.status !== 'NOT_SHORTLISTED' || a.trackRecord);
  return (
    <section aria-labelledby="track-title" className="card">
      <h3 id="track-title">Penelusuran rekam jejak</h3>
      <p>Nilai 0–100 dan temuan; peserta dapat digugurkan dengan alasan yang dicatat.</p>
      {apps.map((a) => (
        <TrackRecordForm key={a.applicationId} process={process} reload={reload} app={a} />
      ))}
      <CompleteStageButton process={process} reload={reload} stage="TRACK_RECORD" label="Tutup tahap rekam jejak" />
    </section>
  );
}

function TrackRecordForm({ process, reload, app }: PanelProps & { app: ProcessApplicationView }) {
  const name = candidateLabel(process, app.applicationId);
  const [value, setValue] = useState(app.trackRecord ? String(app.trackRecord.score) : '');
  const [findings, setFindings] = useState('');
  const [eliminate, setEliminate] = useState(false);
  const [reason, setReason] = useState('');
  const a = useAction(RECORD_TRACK_RECORD, reload);
  const id = `tr-${app.applicationId}`;
  return (
    <div className="card">
      <h4>{name}</h4>
      <p className="muted">
        {vacancyLabel(process, app.vacancyId)}
        {app.trackRecord
          ? ` · tercatat, nilai ${score(app.trackRecord.score)}${app.trackRecord.eliminated ? ', digugurkan' : ''}`
          : ' · belum dicatat'}
      </p>
      <ActionForm
        label={`Rekam jejak ${name}`}
        onSubmit={() =>
          void a.run(
            {
              selectionId: process.selectionId,
              applicationId: app.applicationId,
              score: parseNumber(value),
              findings: findings.trim(),
              eliminate,
              reason: eliminate ? reason.trim() : null,
            },
            `Rekam jejak ${name} disimpan.`,
          )
        }
      >
        <Field id={`${id}-score`} label="Nilai rekam jejak" apiField="score" error={a.error}>
          {(p) => <input {...p} inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />}
        </Field>
        <Field id={`${id}-findings`} label="Temuan" apiField="findings" error={a.error}>
          {(p) => <textarea {...p} rows={2} value={findings} onChange={(e) => setFindings(e.target.value)} />}
        </Field>
        <div className="check">
          <input
            id={`${id}-elim`}
            type="checkbox"
            checked={eliminate}
            onChange={(e) => setEliminate(e.target.checked)}
          />
          <label htmlFor={`${id}-elim`}>Gugurkan peserta</label>
        </div>
        {eliminate && (
          <Field id={`${id}-reason`} label="Alasan menggugurkan" apiField="reason" error={a.error}>
            {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <FormEnd action={a} kind="secondary">
          Simpan rekam jejak
        </FormEnd>
      </ActionForm>
    </div>
  );
}

// --- appointment -----------------------------------------------------------------------------------------

function AppointmentPanel({ process, reload }: PanelProps) {
  const today = useToday();
  const permission = useAction(RECORD_ELECTION_PERMISSION, reload);
  const [number, setNumber] = useState('');
  const [scope, setScope] = useState('');
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState('');
  const higher = process.vacancies.filter(
    (v) => (v.level === 'MADYA' || v.level === 'UTAMA') && v.proposedApplicationId && !v.appointedApplicationId,
  );
  return (
    <section aria-labelledby="appointment-title" className="card">
      <h3 id="appointment-title">Pengangkatan</h3>
      <p>
        PPK memilih 1 dari 3 nama per lowongan. Jenjang Madya/Utama: pilihan PPK adalah usulan kepada Presiden; catat
        Keputusan Presiden setelah terbit.
      </p>
      {process.electionPermission ? (
        <p>
          Izin Menteri Dalam Negeri tercatat: {process.electionPermission.letterNumber} tanggal{' '}
          {formatDate(process.electionPermission.letterDate)}
          {process.electionPermission.scope ? ` (lingkup: ${process.electionPermission.scope})` : ''}.
        </p>
      ) : (
        <details>
          <summary>Izin Menteri Dalam Negeri (masa pilkada)</summary>
          <ActionForm
            label="Izin Menteri Dalam Negeri"
            onSubmit={() =>
              void permission.run(
                {
                  selectionId: process.selectionId,
                  letterNumber: number.trim(),
                  letterDate: date,
                  scope: scope.trim(),
                  reason: reason.trim(),
                },
                'Izin Menteri Dalam Negeri dicatat.',
              )
            }
          >
            <p>Diperlukan bila pengangkatan jatuh dalam masa pilkada.</p>
            {process.electionWindows && process.electionWindows.length > 0 && (
              <ul aria-label="Masa pilkada daerah">
                {process.electionWindows.map((w) => (
                  <li key={w.from}>
                    {formatDate(w.from)} s.d. {formatDate(w.to)}
                    {w.label ? ` — ${w.label}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <Field id="ep-number" label="Nomor surat izin" apiField="letterNumber" error={permission.error}>
              {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
            </Field>
            <Field id="ep-date" label="Tanggal surat izin" apiField="letterDate" error={permission.error}>
              {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
            </Field>
            <Field id="ep-scope" label="Lingkup izin" apiField="scope" error={permission.error}>
              {(p) => <input {...p} value={scope} onChange={(e) => setScope(e.target.value)} />}
            </Field>
            <Field id="ep-reason" label="Keterangan" apiField="reason" error={permission.error}>
              {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
            <FormEnd action={permission} kind="secondary">
              Catat izin
            </FormEnd>
          </ActionForm>
        </details>
      )}
      {higher.map((v) => (
        <PresidentialDecisionForm key={v.id} process={process} reload={reload} vacancy={v} />
      ))}
    </section>
  );
}

function PresidentialDecisionForm({ process, reload, vacancy }: PanelProps & { vacancy: ProcessVacancyView }) {
  const today = useToday();
  const name = vacancy.position ?? vacancy.id;
  const [applicationId, setApplicationId] = useState(vacancy.proposedApplicationId ?? vacancy.shortlist[0] ?? '');
  const decree = useDecreeDraft(today);
  const a = useAction(RECORD_PRESIDENTIAL_DECISION, reload);
  const id = `kp-${vacancy.id}`;
  return (
    <ActionForm
      label={`Keputusan Presiden ${name}`}
      onSubmit={() =>
        void a.run(
          {
            selectionId: process.selectionId,
            vacancyId: vacancy.id,
            applicationId,
            ...decree.variables,
          },
          'Keputusan Presiden dicatat.',
        )
      }
    >
      <h4>Keputusan Presiden: {name}</h4>
      <p>Usulan PPK: {vacancy.proposedApplicationId ? candidateLabel(process, vacancy.proposedApplicationId) : '-'}</p>
      <Field id={`${id}-app`} label="Yang diangkat Presiden" apiField="applicationId" error={a.error}>
        {(p) => (
          <select {...p} value={applicationId} onChange={(e) => setApplicationId(e.target.value)}>
            {vacancy.shortlist.map((appId, i) => (
              <option key={appId} value={appId}>
                {i + 1}. {candidateLabel(process, appId)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <PresidentialDecreeFields
        id={id}
        error={a.error}
        labels={{
          number: 'Nomor Keppres',
          date: 'Tanggal Keppres',
          justification: 'Pertimbangan',
          hint: 'Wajib bila yang diangkat bukan usulan PPK',
        }}
        draft={decree}
      />
      <FormEnd action={a}>Catat Keputusan Presiden</FormEnd>
    </ActionForm>
  );
}

function InaugurationPanel({ process, reload }: PanelProps) {
  const open = process.vacancies.filter((v) => v.appointedApplicationId && !v.inaugurationDate);
  return (
    <section aria-labelledby="inauguration-title" className="card">
      <h3 id="inauguration-title">Pelantikan</h3>
      {open.length === 0 && <p>Semua pejabat terpilih sudah dilantik.</p>}
      {open.map((v) => (
        <InaugurationForm key={v.id} process={process} reload={reload} vacancy={v} />
      ))}
    </section>
  );
}

function InaugurationForm({ process, reload, vacancy }: PanelProps & { vacancy: ProcessVacancyView }) {
  const today = useToday();
  const name = vacancy.position ?? vacancy.id;
  const [date, setDate] = useState(today);
  const [place, setPlace] = useState('');
  const a = useAction(RECORD_INAUGURATION, reload);
  const id = `in-${vacancy.id}`;
  return (
    <ActionForm
      label={`Pelantikan ${name}`}
      onSubmit={() =>
        void a.run(
          { selectionId: process.selectionId, vacancyId: vacancy.id, date, place: place.trim() },
          'Pelantikan dicatat; berita acara diterbitkan.',
        )
      }
    >
      <h4>{name}</h4>
      <p>
        Pejabat: {candidateLabel(process, vacancy.appointedApplicationId!)}
        {vacancy.decreeNumber && ` · Keputusan ${vacancy.decreeNumber}`}
      </p>
      <InaugurationFields id={id} error={a.error} date={date} place={place} onDate={setDate} onPlace={setPlace} />
      <FormEnd action={a}>Catat pelantikan</FormEnd>
    </ActionForm>
  );
}
