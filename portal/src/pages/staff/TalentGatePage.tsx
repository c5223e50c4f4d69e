/**
 * Route: /kelola/talenta/sistem-merit (PANSEL_SECRETARY, AGENCY_ADMIN, PPK of their agency; OVERSEER; ADMIN).
 * The talent route's gate: the agency's merit-system self-assessment and the overseer's decisions on it.
 * The agency's secretariat and administrator fill in each aspect (score, note, evidence PDF) and submit; the
 * overseer picks a submitted assessment from "Menunggu validasi", adjusts scores with a reason, returns it or
 * validates it, and approves or withdraws the approval of the talent-management system. Everyone sees the
 * status and the history of decisions (who, when, why).
 * Main controls: buttons "Mulai penilaian tahun <year>", "Simpan penilaian", "Ajukan ke pengawas", per aspect
 * inputs "Nilai <aspect>", "Catatan <aspect>", "Bukti <aspect> (PDF)"; for the overseer input "Kode instansi",
 * per aspect "Nilai pengawas <aspect>" + "Alasan penyesuaian <aspect>" + button "Sesuaikan <aspect>",
 * textarea "Alasan pengembalian" + "Kembalikan untuk perbaikan", button "Validasi penilaian", and the form
 * "Persetujuan sistem manajemen talenta" (date, letter number, reason; "Setujui" / "Cabut persetujuan").
 */
import { useState } from 'react';
import { ApiError, gqlUploadOrUnavailable, useMutation, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { DecisionTable } from '../../components/DecisionTable';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatDate } from '../../components/ui';
import {
  ADJUST_MERIT_ASPECT,
  APPROVE_TALENT_SYSTEM,
  MERIT_ASSESSMENTS_TO_REVIEW,
  RETURN_MERIT_ASSESSMENT,
  SAVE_MERIT_ASSESSMENT,
  START_MERIT_ASSESSMENT,
  SUBMIT_MERIT_ASSESSMENT,
  TALENT_GATE_PAGE,
  UPLOAD_MERIT_EVIDENCE,
  VALIDATE_MERIT_ASSESSMENT,
  WITHDRAW_TALENT_SYSTEM_APPROVAL,
} from '../../queries/talent-gate';
import { ActionForm } from './common';
import type { ResultOf } from '../../graphql';

type PageData = ResultOf<typeof TALENT_GATE_PAGE>;
type Assessment = PageData['meritAssessments'][number];
type AspectScore = Assessment['aspects'][number];
type Decision = PageData['talentGateDecisions'][number];

const score = (n: number | null) => (n === null ? '-' : String(n).replace('.', ','));
const today = () => new Date().toISOString().slice(0, 10);

export function TalentGatePage() {
  const { user } = useAuth();
  const overseer = user?.role === 'OVERSEER' || user?.role === 'ADMIN';
  const [chosen, setChosen] = useState(user?.agencyCode ?? '');
  // Bumped after each decision so the queue of submitted assessments is read again.
  const [tick, setTick] = useState(0);
  const agencyCode = overseer ? chosen : (user?.agencyCode ?? '');
  return (
    <Page title="Sistem merit dan syarat jalur talenta">
      <p>
        Jalur manajemen talenta hanya terbuka bila indeks sistem merit instansi <strong>divalidasi pengawas</strong> dan
        sistem manajemen talentanya <strong>disetujui pengawas</strong>. Instansi mengisi penilaian mandiri; pengawas
        menyesuaikan, mengembalikan, atau memvalidasinya. Setiap langkah tercatat.
      </p>
      {overseer && <ReviewQueue key={tick} onPick={setChosen} />}
      {overseer && (
        <Field id="gate-agency" label="Kode instansi">
          {(p) => <input {...p} value={chosen} onChange={(e) => setChosen(e.target.value.trim())} />}
        </Field>
      )}
      {agencyCode ? (
        <AgencyGate agencyCode={agencyCode} onDecided={() => setTick((t) => t + 1)} />
      ) : (
        <p>Pilih instansi.</p>
      )}
    </Page>
  );
}

function ReviewQueue({ onPick }: { onPick: (agencyCode: string) => void }) {
  const q = useQuery(MERIT_ASSESSMENTS_TO_REVIEW);
  const rows = q.data?.meritAssessmentsToReview ?? [];
  return (
    <section aria-labelledby="review-title" className="card">
      <h2 id="review-title">Menunggu validasi</h2>
      <ErrorAlert error={q.error} />
      {q.loading && !q.data ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p>Tidak ada penilaian yang menunggu.</p>
      ) : (
        <ul>
          {rows.map((a) => (
            <li key={a.id}>
              <button type="button" className="btn btn-secondary" onClick={() => onPick(a.agencyCode)}>
                {a.agencyName ?? a.agencyCode} — periode {a.period}, pengajuan ke-{a.submissions}
              </button>{' '}
              <span className="muted">diajukan {formatDate(a.submittedAt, true)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AgencyGate({ agencyCode, onDecided }: { agencyCode: string; onDecided: () => void }) {
  const { user } = useAuth();
  const q = useQuery(TALENT_GATE_PAGE, { agencyCode });
  const reload = () => {
    q.reload();
    onDecided();
  };
  if (q.loading && !q.data) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const { talentGate: g, meritAssessments, talentGateDecisions } = q.data;
  const writer = (user?.role === 'PANSEL_SECRETARY' || user?.role === 'AGENCY_ADMIN') && user.agencyCode === agencyCode;
  const overseer = user?.role === 'OVERSEER';
  const current = meritAssessments[0] ?? null;
  return (
    <>
      <section aria-labelledby="gate-status" className="card">
        <h2 id="gate-status">Status syarat jalur talenta</h2>
        <dl>
          <dt>Indeks sistem merit (tervalidasi)</dt>
          <dd>
            {g.meritIndexScore === null
              ? 'Belum ada penilaian yang divalidasi pengawas'
              : `${score(g.meritIndexScore)} (${g.meritCategoryName}), periode ${g.validatedPeriod}, divalidasi ${formatDate(g.validatedOn)}`}
          </dd>
          <dt>Persetujuan sistem manajemen talenta</dt>
          <dd>
            {g.approval
              ? `Disetujui dengan surat ${g.approval.reference} tanggal ${formatDate(g.approval.approvedOn)} oleh ${g.approval.by.displayName ?? g.approval.by.userId}`
              : 'Belum disetujui pengawas'}
          </dd>
        </dl>
        {g.legacy && g.needsOverseerValidation && (
          <div role="note" className="alert alert-warn">
            Nilai yang dulu diisi instansi sendiri
            {g.legacy.meritIndexScore !== null ? ` (indeks ${score(g.legacy.meritIndexScore)})` : ''}
            {g.legacy.talentSystemReference ? ` (persetujuan ${g.legacy.talentSystemReference})` : ''} tidak lagi
            berlaku: perlu penilaian mandiri yang divalidasi dan persetujuan dari pengawas.
          </div>
        )}
      </section>
      {writer && (!current || current.status === 'VALIDATED') && <StartForm agencyCode={agencyCode} onDone={reload} />}
      {current && (
        <AssessmentCard
          key={`${current.id}:${current.version}`}
          a={current}
          writer={writer}
          overseer={overseer}
          onDone={reload}
        />
      )}
      {overseer && <ApprovalForm agencyCode={agencyCode} approved={g.approval !== null} onDone={reload} />}
      <History rows={talentGateDecisions} />
    </>
  );
}

function StartForm({ agencyCode, onDone }: { agencyCode: string; onDone: () => void }) {
  const m = useMutation(START_MERIT_ASSESSMENT);
  const year = today().slice(0, 4);
  return (
    <ActionForm
      label="Mulai penilaian mandiri"
      onSubmit={() => void m.run({ agencyCode, period: year }).then((r) => r && onDone())}
    >
      <ErrorAlert error={m.error} />
      <Button type="submit" pending={m.pending}>
        Mulai penilaian tahun {year}
      </Button>
    </ActionForm>
  );
}

function AssessmentCard({
  a,
  writer,
  overseer,
  onDone,
}: {
  a: Assessment;
  writer: boolean;
  overseer: boolean;
  onDone: () => void;
}) {
  const editable = writer && (a.status === 'DRAFT' || a.status === 'RETURNED');
  const reviewing = overseer && a.status === 'SUBMITTED';
  const [values, setValues] = useState(() =>
    Object.fromEntries(
      a.aspects.map((s) => [s.aspect.code, { score: s.score === null ? '' : String(s.score), note: s.note ?? '' }]),
    ),
  );
  const [done, setDone] = useState<string | null>(null);
  const [localError, setLocalError] = useState<ApiError | null>(null);
  const save = useMutation(SAVE_MERIT_ASSESSMENT);
  const submit = useMutation(SUBMIT_MERIT_ASSESSMENT);
  const give = useMutation(RETURN_MERIT_ASSESSMENT);
  const validate = useMutation(VALIDATE_MERIT_ASSESSMENT);
  const [returnReason, setReturnReason] = useState('');

  const aspectsInput = () =>
    a.aspects.map((s) => {
      const v = values[s.aspect.code]!;
      return {
        code: s.aspect.code,
        score: v.score.trim() === '' ? null : Number(v.score.replace(',', '.')),
        note: v.note || null,
      };
    });

  async function onSave(thenSubmit: boolean) {
    setDone(null);
    const saved = await save.run({ id: a.id, version: a.version, aspects: aspectsInput() });
    if (!saved) return;
    if (thenSubmit) {
      const r = await submit.run({ id: a.id, version: saved.saveMeritAssessment.version, note: null });
      if (!r) return onDone();
    }
    setDone(thenSubmit ? 'Penilaian diajukan ke pengawas.' : 'Penilaian tersimpan.');
    onDone();
  }

  async function upload(code: string, file: File | undefined) {
    if (!file) return;
    setLocalError(null);
    try {
      await gqlUploadOrUnavailable(
        UPLOAD_MERIT_EVIDENCE,
        { id: a.id, aspectCode: code, file: null },
        { 'variables.file': file },
      );
      onDone();
    } catch (err) {
      setLocalError(err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL', null));
    }
  }

  return (
    <section aria-labelledby="assessment-title" className="card">
      <h2 id="assessment-title">
        Penilaian mandiri periode {a.period} — {a.statusName}
      </h2>
      {a.status === 'RETURNED' && a.returnReason && (
        <div role="note" className="alert alert-warn">
          Dikembalikan pengawas: {a.returnReason}
        </div>
      )}
      {a.index !== null && (
        <p>
          Indeks tervalidasi: <strong>{score(a.index)}</strong> ({a.categoryName}), divalidasi{' '}
          {formatDate(a.validatedAt, true)}
        </p>
      )}
      {done && <SuccessAlert>{done}</SuccessAlert>}
      <ErrorAlert error={save.error ?? submit.error ?? localError} />
      <div className="table-wrap">
        <table>
          <caption>
            Aspek penilaian (nilai {a.aspects[0]?.aspect.minScore}–{a.aspects[0]?.aspect.maxScore})
          </caption>
          <thead>
            <tr>
              <th scope="col">Aspek</th>
              <th scope="col">Nilai instansi</th>
              <th scope="col">Catatan</th>
              <th scope="col">Bukti</th>
              <th scope="col">Nilai pengawas</th>
            </tr>
          </thead>
          <tbody>
            {a.aspects.map((s) => {
              const code = s.aspect.code;
              return (
                <tr key={code}>
                  <th scope="row">{s.aspect.name}</th>
                  <td>
                    {editable ? (
                      <input
                        aria-label={`Nilai ${s.aspect.name}`}
                        inputMode="decimal"
                        size={4}
                        value={values[code]!.score}
                        onChange={(e) => setValues({ ...values, [code]: { ...values[code]!, score: e.target.value } })}
                      />
                    ) : (
                      score(s.score)
                    )}
                  </td>
                  <td>
                    {editable ? (
                      <textarea
                        aria-label={`Catatan ${s.aspect.name}`}
                        rows={2}
                        value={values[code]!.note}
                        onChange={(e) => setValues({ ...values, [code]: { ...values[code]!, note: e.target.value } })}
                      />
                    ) : (
                      (s.note ?? '-')
                    )}
                  </td>
                  <td>
                    <ul>
                      {s.evidence.map((e) => (
                        <li key={e.id}>
                          <a href={e.downloadUrl}>{e.fileName}</a>
                        </li>
                      ))}
                    </ul>
                    {editable && (
                      <input
                        type="file"
                        accept="application/pdf"
                        aria-label={`Bukti ${s.aspect.name} (PDF)`}
                        onChange={(e) => void upload(code, e.target.files?.[0])}
                      />
                    )}
                  </td>
                  <td>
                    {s.adjustedScore !== null ? (
                      <>
                        {score(s.adjustedScore)} <span className="muted">({s.adjustmentReason})</span>
                      </>
                    ) : (
                      '-'
                    )}
                    {reviewing && <AdjustForm a={a} s={s} onDone={onDone} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {editable && (
        <div className="toolbar">
          <Button type="button" kind="secondary" pending={save.pending} onClick={() => void onSave(false)}>
            Simpan penilaian
          </Button>
          <Button type="button" pending={save.pending || submit.pending} onClick={() => void onSave(true)}>
            Ajukan ke pengawas
          </Button>
        </div>
      )}
      {reviewing && (
        <>
          <ActionForm
            label="Kembalikan penilaian"
            onSubmit={() =>
              void give.run({ id: a.id, version: a.version, reason: returnReason.trim() }).then((r) => r && onDone())
            }
          >
            <ErrorAlert error={give.error} />
            <Field id="return-reason" label="Alasan pengembalian" apiField="reason" error={give.error}>
              {(p) => (
                <textarea {...p} rows={2} value={returnReason} onChange={(e) => setReturnReason(e.target.value)} />
              )}
            </Field>
            <Button type="submit" kind="danger" pending={give.pending}>
              Kembalikan untuk perbaikan
            </Button>
          </ActionForm>
          <ActionForm
            label="Validasi penilaian"
            onSubmit={() =>
              void validate.run({ id: a.id, version: a.version, reason: null }).then((r) => r && onDone())
            }
          >
            <ErrorAlert error={validate.error} />
            <Button type="submit" pending={validate.pending}>
              Validasi penilaian
            </Button>
          </ActionForm>
        </>
      )}
    </section>
  );
}

function AdjustForm({ a, s, onDone }: { a: Assessment; s: AspectScore; onDone: () => void }) {
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const m = useMutation(ADJUST_MERIT_ASPECT);
  return (
    <ActionForm
      label={`Sesuaikan ${s.aspect.name}`}
      onSubmit={() =>
        void m
          .run({
            id: a.id,
            version: a.version,
            aspectCode: s.aspect.code,
            score: Number(value.replace(',', '.')),
            reason: reason.trim(),
          })
          .then((r) => r && onDone())
      }
    >
      <ErrorAlert error={m.error} />
      <input
        aria-label={`Nilai pengawas ${s.aspect.name}`}
        inputMode="decimal"
        size={4}
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <textarea
        aria-label={`Alasan penyesuaian ${s.aspect.name}`}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button type="submit" kind="secondary" pending={m.pending}>
        Sesuaikan {s.aspect.name}
      </Button>
    </ActionForm>
  );
}

function ApprovalForm({ agencyCode, approved, onDone }: { agencyCode: string; approved: boolean; onDone: () => void }) {
  const [date, setDate] = useState(today());
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const approve = useMutation(APPROVE_TALENT_SYSTEM);
  const withdraw = useMutation(WITHDRAW_TALENT_SYSTEM_APPROVAL);
  const error = approve.error ?? withdraw.error;
  const vars = () => ({ agencyCode, date, reference: reference.trim(), reason: reason.trim() });
  return (
    <ActionForm
      label="Persetujuan sistem manajemen talenta"
      className="form card"
      onSubmit={() => void approve.run(vars()).then((r) => r && onDone())}
    >
      <h2>Persetujuan sistem manajemen talenta</h2>
      <ErrorAlert error={error} />
      <Field id="approval-date" label="Tanggal surat" apiField="approvedOn" error={error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field id="approval-reference" label="Nomor surat" apiField="reference" error={error}>
        {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} />}
      </Field>
      <Field id="approval-reason" label="Alasan" apiField="reason" error={error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <div className="toolbar">
        <Button type="submit" pending={approve.pending}>
          Setujui
        </Button>
        {approved && (
          <Button
            type="button"
            kind="danger"
            pending={withdraw.pending}
            onClick={() => void withdraw.run(vars()).then((r) => r && onDone())}
          >
            Cabut persetujuan
          </Button>
        )}
      </div>
    </ActionForm>
  );
}

function History({ rows }: { rows: Decision[] }) {
  return (
    <section aria-labelledby="gate-history" className="card">
      <h2 id="gate-history">Riwayat keputusan</h2>
      <DecisionTable
        rows={rows}
        caption="Riwayat keputusan syarat jalur talenta (terlama dahulu)"
        kind={(d) => d.kindName}
        extra={{ header: 'Rincian', cell: (d) => d.summary }}
      />
    </section>
  );
}
