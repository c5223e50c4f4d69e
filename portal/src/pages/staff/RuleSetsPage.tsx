/**
 * Route: /kelola/aturan. The versions of the stored default rules new rounds start from (national, or an agency's),
 * newest first: revision, who changed them and when (agency zone), why, and the main values. Running rounds keep
 * the rules they pinned (Selection.rules). Controls: "Cakupan" (Nasional / Instansi), "Kode instansi" (administrators
 * and the overseer), table "Riwayat aturan bawaan".
 */
import { useState } from 'react';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { ErrorAlert, Field, Loading, Page, formatDate } from '../../components/ui';
import { RULE_SET_VERSIONS } from '../../queries/rule-sets';

interface Version {
  scope: string;
  revision: number;
  changedAt: string;
  reason: string;
  changedBy: { userId: string; displayName: string | null; role: string };
  rules: {
    registrationDays: number;
    minApplicantsPerVacancy: number;
    shortlistSize: number;
    passMark: number;
    overseerEra: string;
    overseerDecisionWorkingDays: number;
    weights: { assessment: number; paper: number; presentation: number; interview: number; trackRecord: number };
  };
}

export function RuleSetsPage() {
  const { user } = useAuth();
  const anyAgency = user?.role === 'ADMIN' || user?.role === 'OVERSEER';
  const [scope, setScope] = useState<'NATIONAL' | 'AGENCY'>('NATIONAL');
  const [code, setCode] = useState(anyAgency ? '' : (user?.agencyCode ?? ''));
  const agencyCode = scope === 'AGENCY' && code.trim() ? code.trim().toUpperCase() : null;
  const q = useQuery<{ selectionRuleSetVersions: Version[] }>(RULE_SET_VERSIONS, { agencyCode });
  const versions = q.data?.selectionRuleSetVersions ?? [];
  const title = agencyCode ? `Riwayat aturan bawaan ${agencyCode}` : 'Riwayat aturan bawaan nasional';
  return (
    <Page title="Aturan bawaan seleksi">
      <p>
        Seleksi baru memakai aturan bawaan instansinya; bila tidak ada, aturan bawaan nasional. Seleksi yang sudah
        berjalan tetap memakai aturan yang dibekukan saat dibuat.
      </p>
      <div className="form narrow">
        <Field id="rs-scope" label="Cakupan">
          {(p) => (
            <select {...p} value={scope} onChange={(e) => setScope(e.target.value as 'NATIONAL' | 'AGENCY')}>
              <option value="NATIONAL">Nasional</option>
              <option value="AGENCY">Instansi</option>
            </select>
          )}
        </Field>
        {scope === 'AGENCY' && anyAgency && (
          <Field id="rs-code" label="Kode instansi">
            {(p) => <input {...p} value={code} onChange={(e) => setCode(e.target.value)} />}
          </Field>
        )}
      </div>
      <ErrorAlert error={q.error} />
      {q.loading && <Loading />}
      {q.data && versions.length === 0 && (
        <p>Belum ada perubahan tersimpan: seleksi baru memakai aturan bawaan yang dikirim bersama aplikasi.</p>
      )}
      {versions.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">Revisi</th>
                <th scope="col">Diubah oleh</th>
                <th scope="col">Waktu</th>
                <th scope="col">Alasan</th>
                <th scope="col">Nilai utama</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={`${v.scope}-${v.revision}`}>
                  <th scope="row">{v.revision}</th>
                  <td>{v.changedBy.displayName ?? v.changedBy.userId}</td>
                  <td>{formatDate(v.changedAt, true)}</td>
                  <td>{v.reason}</td>
                  <td>
                    Pendaftaran {v.rules.registrationDays} hari · minimal {v.rules.minApplicantsPerVacancy} pelamar ·{' '}
                    {v.rules.shortlistSize} nama · nilai lulus {v.rules.passMark} · bobot asesmen{' '}
                    {v.rules.weights.assessment}%, wawancara {v.rules.weights.interview}%, rekam jejak{' '}
                    {v.rules.weights.trackRecord}% · pengawas {v.rules.overseerEra} (
                    {v.rules.overseerDecisionWorkingDays} hari kerja)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
