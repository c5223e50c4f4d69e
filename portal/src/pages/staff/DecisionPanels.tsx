/**
 * The overseer's and the PPK's actions on a selection dashboard (/kelola/seleksi/:id).
 *
 * Overseer (PLAN_APPROVAL, OVERSEER_RECOMMENDATION): form "Keputusan pengawas" with radios "Setujui", "Minta
 * perbaikan", "Tolak" (group "Keputusan"), "Tahap yang harus diperbaiki" (result corrections), "Nomor surat",
 * "Alasan"; button "Kirim keputusan". Form "Minta dokumen tambahan" with "Dokumen yang diminta" (one per line) and
 * "Alasan permintaan"; button "Kirim permintaan". Which forms show comes from the decisions' declarations.
 * PPK (APPOINTMENT_CHOICE): per vacancy, form "Pilihan PPK <jabatan>" with one radio per name of the 3
 * ("1. <nama> …"), "Alasan pemilihan" (required unless rank 1, checked here too); button "Tetapkan pilihan".
 */
import { useState } from 'react';
import { decisionsAvailable, SELECTION_DECISIONS, type SelectionStage } from '@seleksi/domain';
import { ApiError } from '../../api';
import { Button, Field } from '../../components/ui';
import { CHOOSE_APPOINTEE, OVERSEER_DECISION, REQUEST_ADDITIONAL_DOCUMENTS } from '../../queries/staff';
import { ActionForm, CORRECTABLE_STAGE_OPTIONS, candidateLabel, FormEnd, Outcome, useAction } from './common';
import { LEVEL, OVERSEER_SUBJECT, OVERSEER_VERDICT, say, score } from './labels';
import type { PanelProps, ProcessVacancyView } from './types';

export function OverseerPanel({ process, reload }: PanelProps) {
  const subject =
    process.stage === 'PLAN_APPROVAL' ? 'PLAN' : process.stage === 'OVERSEER_RECOMMENDATION' ? 'RESULT' : null;
  const [verdict, setVerdict] = useState('APPROVE');
  const [stageAtFault, setStageAtFault] = useState('INTERVIEW');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction(OVERSEER_DECISION, reload);
  const available = decisionsAvailable('OVERSEER', process.stage as SelectionStage);
  if (!subject || !available.includes('overseerDecision')) {
    return <p>Tidak ada keputusan pengawas yang ditunggu pada tahap ini.</p>;
  }
  return (
    <section aria-labelledby="overseer-title" className="card">
      <h3 id="overseer-title">Keputusan pengawas: {say(OVERSEER_SUBJECT, subject)}</h3>
      {process.overseer && (
        <p className="muted">
          Permintaan putaran {process.overseer.round}
          {process.overseer.escalations > 0 ? `, ${process.overseer.escalations} kali pengingat` : ''}.
        </p>
      )}
      {subject === 'RESULT' && (
        <p>Periksa 3 nama per lowongan pada bagian Lowongan dan dokumen berita acara di bawah.</p>
      )}
      <ActionForm
        label="Keputusan pengawas"
        onSubmit={() =>
          void a.run(
            {
              selectionId: process.selectionId,
              subject,
              verdict,
              stageAtFault: subject === 'RESULT' && verdict === 'REQUEST_CORRECTION' ? stageAtFault : null,
              reference: reference.trim() || null,
              reason: reason.trim(),
            },
            'Keputusan pengawas dicatat.',
          )
        }
      >
        <fieldset>
          <legend>Keputusan</legend>
          {Object.entries(OVERSEER_VERDICT).map(([k, v]) => (
            <div className="check" key={k}>
              <input
                type="radio"
                id={`ov-verdict-${k}`}
                name="ov-verdict"
                value={k}
                checked={verdict === k}
                onChange={() => setVerdict(k)}
              />
              <label htmlFor={`ov-verdict-${k}`}>{v}</label>
            </div>
          ))}
        </fieldset>
        {subject === 'RESULT' && verdict === 'REQUEST_CORRECTION' && (
          <Field id="ov-stage" label="Tahap yang harus diperbaiki" apiField="stageAtFault" error={a.error}>
            {(p) => (
              <select {...p} value={stageAtFault} onChange={(e) => setStageAtFault(e.target.value)}>
                {CORRECTABLE_STAGE_OPTIONS}
              </select>
            )}
          </Field>
        )}
        <Field
          id="ov-reference"
          label="Nomor surat"
          hint="Nomor surat rekomendasi / pertimbangan teknis"
          apiField="reference"
          error={a.error}
        >
          {(p) => <input {...p} value={reference} onChange={(e) => setReference(e.target.value)} />}
        </Field>
        <Field id="ov-reason" label="Alasan" apiField="reason" error={a.error}>
          {(p) => <textarea {...p} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <Outcome error={a.error} done={a.done} />
        <div>
          <Button type="submit" kind={verdict === 'REJECT' ? 'danger' : 'primary'} pending={a.pending}>
            Kirim keputusan
          </Button>
        </div>
      </ActionForm>
      {available.includes('requestAdditionalDocuments') && <DocumentRequestForm process={process} reload={reload} />}
    </section>
  );
}

/** The overseer asks the Pansel for more documents; the review and its deadline go on. */
function DocumentRequestForm({ process, reload }: PanelProps) {
  const [documents, setDocuments] = useState('');
  const [reason, setReason] = useState('');
  const a = useAction(REQUEST_ADDITIONAL_DOCUMENTS, reload);
  const label = SELECTION_DECISIONS.requestAdditionalDocuments.label;
  return (
    <div>
      <h4>{label}</h4>
      <p className="muted">Permintaan dicatat dan terlihat oleh sekretariat; batas waktu keputusan tetap berjalan.</p>
      <ActionForm
        label={label}
        onSubmit={() =>
          void a.run(
            {
              selectionId: process.selectionId,
              documents: documents
                .split('\n')
                .map((d) => d.trim())
                .filter(Boolean),
              reason: reason.trim(),
            },
            'Permintaan dokumen tambahan dicatat.',
          )
        }
      >
        <Field
          id="docrq-documents"
          label="Dokumen yang diminta"
          hint="Satu dokumen per baris"
          apiField="documents"
          error={a.error}
        >
          {(p) => <textarea {...p} rows={3} value={documents} onChange={(e) => setDocuments(e.target.value)} />}
        </Field>
        <Field id="docrq-reason" label="Alasan permintaan" apiField="reason" error={a.error}>
          {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <FormEnd action={a} kind="secondary">
          Kirim permintaan
        </FormEnd>
      </ActionForm>
    </div>
  );
}

export function PpkPanel({ process, reload }: PanelProps) {
  if (!decisionsAvailable('PPK', process.stage as SelectionStage).includes('chooseAppointee')) {
    return <p>Tidak ada pilihan PPK yang ditunggu pada tahap ini.</p>;
  }
  const open = process.vacancies.filter((v) => v.shortlist.length > 0 && !v.proposedApplicationId && !v.outcome);
  const chosen = process.vacancies.filter((v) => v.proposedApplicationId);
  return (
    <section aria-labelledby="ppk-title" className="card">
      <h3 id="ppk-title">Pilih 1 dari 3 nama</h3>
      <p>
        Anda boleh memilih siapa pun dari 3 nama. Bila bukan peringkat pertama, alasan pemilihan wajib dicatat. Untuk
        JPT Madya/Utama pilihan Anda menjadi usulan kepada Presiden.
      </p>
      {chosen.map((v) => (
        <p key={v.id}>
          {v.position}: dipilih {candidateLabel(process, v.proposedApplicationId!)}.
        </p>
      ))}
      {open.map((v) => (
        <ChoiceForm key={v.id} process={process} reload={reload} vacancy={v} />
      ))}
    </section>
  );
}

function ChoiceForm({ process, reload, vacancy }: PanelProps & { vacancy: ProcessVacancyView }) {
  const name = vacancy.position ?? vacancy.id;
  const [applicationId, setApplicationId] = useState('');
  const [justification, setJustification] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const a = useAction(CHOOSE_APPOINTEE, reload);
  const id = `ch-${vacancy.id}`;
  const rankOf = (appId: string) =>
    vacancy.ranking.find((r) => r.applicationId === appId)?.rank ?? vacancy.shortlist.indexOf(appId) + 1;
  const needsJustification = applicationId !== '' && rankOf(applicationId) !== 1;
  const justificationError = localError ? new ApiError(localError, 'VALIDATION_FAILED', 'justification') : a.error;
  return (
    <ActionForm
      label={`Pilihan PPK ${name}`}
      onSubmit={() => {
        setLocalError(null);
        if (!applicationId) {
          setLocalError('Pilih salah satu dari 3 nama');
          return;
        }
        if (needsJustification && justification.trim().length < 20) {
          setLocalError(
            'Alasan pemilihan wajib diisi (minimal 20 karakter) karena yang dipilih bukan peringkat pertama',
          );
          return;
        }
        void a.run(
          {
            selectionId: process.selectionId,
            vacancyId: vacancy.id,
            applicationId,
            justification: justification.trim() || null,
          },
          `Pilihan untuk ${name} ditetapkan.`,
        );
      }}
    >
      <h4>
        {name} {vacancy.level ? `(JPT ${say(LEVEL, vacancy.level)})` : ''}
      </h4>
      <fieldset aria-describedby={!applicationId && localError ? `${id}-err` : undefined}>
        <legend>Tiga nama dalam urutan peringkat</legend>
        {vacancy.shortlist.map((appId) => {
          const r = vacancy.ranking.find((x) => x.applicationId === appId);
          return (
            <div className="check" key={appId}>
              <input
                type="radio"
                id={`${id}-${appId}`}
                name={`${id}-choice`}
                value={appId}
                checked={applicationId === appId}
                onChange={() => setApplicationId(appId)}
              />
              <label htmlFor={`${id}-${appId}`}>
                {rankOf(appId)}. {candidateLabel(process, appId)} (nilai akhir {score(r?.total)})
              </label>
            </div>
          );
        })}
      </fieldset>
      {!applicationId && localError && (
        <p id={`${id}-err`} className="field-error">
          {localError}
        </p>
      )}
      <Field
        id={`${id}-just`}
        label="Alasan pemilihan"
        hint={
          needsJustification
            ? 'Wajib: yang dipilih bukan peringkat pertama'
            : 'Wajib bila memilih selain peringkat pertama'
        }
        apiField="justification"
        error={applicationId ? justificationError : a.error}
      >
        {(p) => (
          <textarea
            {...p}
            rows={3}
            required={needsJustification}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
        )}
      </Field>
      <FormEnd action={a}>Tetapkan pilihan</FormEnd>
    </ActionForm>
  );
}
