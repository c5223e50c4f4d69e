/**
 * The pilkada guard on a talent filling's page (UU 10/2016 Pasal 71(2), 162(3)): the region's windows, the Home
 * Affairs Minister's written permission (form "Izin Menteri Dalam Negeri": "Nomor surat izin", "Tanggal surat
 * izin", "Lingkup izin", "Keterangan", button "Catat izin"; the secretariat, until the decree), and after an
 * appointment inside a window the duty to report to the Minister within 7 working days (the report form of
 * "Masa pilkada", for the agency's administrator and secretariat).
 */
import { useState } from 'react';
import { useQuery } from '../../api';
import { ErrorAlert, Field, formatDate } from '../../components/ui';
import type { ResultOf } from '../../graphql';
import { ELECTION_REPORT_DUTIES } from '../../queries/elections';
import type { TALENT_FILLING } from '../../queries/staff';
import { RECORD_TALENT_ELECTION_PERMISSION } from '../../queries/talent-fillings';
import { ActionForm, FormEnd, useAction, useToday } from './common';
import { ReportForm } from './ElectionsPage';

/** The pilkada part of a talent filling's answer. */
export type TalentElection = NonNullable<ResultOf<typeof TALENT_FILLING>['talentFilling']>['election'];

/** Stages before the decree: the permission can still be recorded. */
const BEFORE_DECREE = ['CONFIRMATION', 'OVERSEER_APPROVAL', 'PPK_DECISION', 'PRESIDENTIAL_DECISION'];

export function TalentElectionPanel({
  fillingId,
  agencyCode,
  stage,
  election,
  role,
  reload,
}: {
  fillingId: string;
  agencyCode: string;
  stage: string;
  election: TalentElection | null;
  role: string | undefined;
  reload: () => void;
}) {
  const windows = election?.windows ?? [];
  const permission = election?.permission ?? null;
  const canRecord = role === 'PANSEL_SECRETARY' && !permission && BEFORE_DECREE.includes(stage);
  // Nothing to say outside every window, unless a permission or duty is on record.
  if (windows.length === 0 && !permission && !election?.reportDutyId) return null;
  return (
    <section aria-labelledby="tf-election" className="card">
      <h2 id="tf-election">Masa pilkada</h2>
      {windows.length > 0 && (
        <ul aria-label="Masa pilkada daerah">
          {windows.map((w) => (
            <li key={w.from}>
              {formatDate(w.from)} s.d. {formatDate(w.to)}
              {w.label ? ` — ${w.label}` : ''}
            </li>
          ))}
        </ul>
      )}
      {permission ? (
        <p>
          Izin Menteri Dalam Negeri tercatat: {permission.letterNumber} tanggal {formatDate(permission.letterDate)}
          {permission.scope ? ` (lingkup: ${permission.scope})` : ''}.
        </p>
      ) : (
        <p>
          Pengangkatan dalam masa pilkada memerlukan izin tertulis Menteri Dalam Negeri; keputusan PPK menunggu izin
          tersebut dicatat.
        </p>
      )}
      {canRecord && <PermissionForm fillingId={fillingId} reload={reload} />}
      {election?.reportDutyId && (
        <ElectionReportDutyView dutyId={election.reportDutyId} agencyCode={agencyCode} role={role} />
      )}
    </section>
  );
}

function PermissionForm({ fillingId, reload }: { fillingId: string; reload: () => void }) {
  const today = useToday();
  const a = useAction(RECORD_TALENT_ELECTION_PERMISSION, reload);
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [scope, setScope] = useState('');
  const [reason, setReason] = useState('');
  return (
    <ActionForm
      label="Izin Menteri Dalam Negeri"
      className="form"
      onSubmit={() =>
        void a.run(
          { fillingId, letterNumber: number.trim(), letterDate: date, scope: scope.trim(), reason: reason.trim() },
          'Izin Menteri Dalam Negeri dicatat.',
        )
      }
    >
      <h3>Izin Menteri Dalam Negeri</h3>
      <Field id="tfe-number" label="Nomor surat izin" apiField="letterNumber" error={a.error}>
        {(p) => <input {...p} value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <Field id="tfe-date" label="Tanggal surat izin" apiField="letterDate" error={a.error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      <Field
        id="tfe-scope"
        label="Lingkup izin"
        hint="Jabatan dan pejabat yang diizinkan"
        apiField="scope"
        error={a.error}
      >
        {(p) => <input {...p} value={scope} onChange={(e) => setScope(e.target.value)} />}
      </Field>
      <Field id="tfe-reason" label="Keterangan" apiField="reason" error={a.error}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormEnd action={a} kind="secondary">
        Catat izin
      </FormEnd>
    </ActionForm>
  );
}

const REPORTERS = ['ADMIN', 'AGENCY_ADMIN', 'PANSEL_SECRETARY'];

/**
 * The duty opened by an appointment inside a window: due date, the report on record, or the form to record it
 * (talent filling and open selection; agencyCode null: the signed-in user's own agency).
 */
export function ElectionReportDutyView({
  dutyId,
  agencyCode,
  role,
}: {
  dutyId: string;
  agencyCode: string | null;
  role: string | undefined;
}) {
  const q = useQuery(ELECTION_REPORT_DUTIES, { a: agencyCode });
  const duty = q.data?.electionReportDuties.find((x) => x.id === dutyId);
  return (
    <div aria-label="Kewajiban laporan kepada Menteri Dalam Negeri" role="group">
      <h3>Kewajiban laporan kepada Menteri Dalam Negeri</h3>
      <ErrorAlert error={q.error} />
      {duty && (
        <>
          <p>
            Diangkat {formatDate(duty.actedOn)} dalam masa pilkada: laporkan kepada Menteri Dalam Negeri paling lambat{' '}
            <strong>{formatDate(duty.dueOn)}</strong> (7 hari kerja).
          </p>
          {duty.report ? (
            <p>
              Laporan tercatat: {duty.report.letterNumber} tanggal {formatDate(duty.report.date)}
              {duty.report.date > duty.dueOn ? ' (melewati batas)' : ''}.
            </p>
          ) : (
            role && REPORTERS.includes(role) && <ReportForm duty={duty} onSaved={q.reload} />
          )}
        </>
      )}
    </div>
  );
}
