/**
 * Small accessible building blocks shared by every page: labelled fields with their error, buttons,
 * alerts announced to screen readers, and Indonesian formatting of dates and stages.
 */
import { SELECTION_STAGE_NAMES } from '@seleksi/domain';
import type { ReactNode } from 'react';
import type { ApiError } from '../api';

// The one date/time formatter (agency zone, labelled): pages import it from here with the other helpers.
export { formatDate } from '../format';

export function Page({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title">{title}</h1>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Loading({ label = 'Memuat…' }: { label?: string }) {
  return (
    <p role="status" aria-live="polite" className="muted">
      {label}
    </p>
  );
}

/** An error the user should read: announced, with the field it concerns when known. */
export function ErrorAlert({ error }: { error: ApiError | Error | string | null | undefined }) {
  if (!error) return null;
  const message = typeof error === 'string' ? error : error.message;
  return (
    <div role="alert" className="alert alert-error">
      {message}
    </div>
  );
}

/** A short failure said next to the control it belongs to (a download link, a button); nothing when there is none. */
export function InlineError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <span role="alert" className="field-error">
      {' '}
      {message}
    </span>
  );
}

export function SuccessAlert({ children }: { children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="alert alert-ok">
      {children}
    </div>
  );
}

interface FieldProps {
  id: string;
  label: string;
  /** The GraphQL field the gateway names when this input is at fault (e.g. 'input.reason'). */
  apiField?: string;
  error?: ApiError | null;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled input; shows the gateway's error under it when the error names this field. */
export function Field({ id, label, apiField, error, hint, children }: FieldProps) {
  const mine = error && apiField && error.field && (error.field === apiField || error.field.startsWith(`${apiField}.`));
  const describedBy = [hint ? `${id}-hint` : null, mine ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <div id={`${id}-hint`} className="hint">
          {hint}
        </div>
      )}
      {children({ id, 'aria-invalid': Boolean(mine), 'aria-describedby': describedBy })}
      {mine && (
        <div id={`${id}-error`} className="field-error">
          {error.message}
        </div>
      )}
    </div>
  );
}

export function Button({
  children,
  pending,
  kind = 'primary',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { pending?: boolean; kind?: 'primary' | 'secondary' | 'danger' }) {
  return (
    <button
      {...rest}
      className={`btn btn-${kind}`}
      disabled={rest.disabled || pending}
      aria-busy={pending || undefined}
    >
      {pending ? 'Memproses…' : children}
    </button>
  );
}

/** A progress bar with its numbers in words, for long work (talent mapping, bulk screening). */
export function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress-wrap">
      <label>
        {label}: {value.toLocaleString('id-ID')} dari {max.toLocaleString('id-ID')} ({percent}%)
        <progress value={value} max={max || 1} />
      </label>
    </div>
  );
}

/** One table of stage names for the portal, the exports and the oversight view (@seleksi/domain). */
export const STAGE_NAMES: Record<string, string> = SELECTION_STAGE_NAMES;

export function stageName(stage: string): string {
  return STAGE_NAMES[stage] ?? stage.replace(/_/g, ' ').toLowerCase();
}

export const LEVEL_NAMES: Record<string, string> = {
  UTAMA: 'JPT Utama',
  MADYA: 'JPT Madya',
  PRATAMA: 'JPT Pratama',
};

export function levelName(level: string | null | undefined): string {
  return level ? (LEVEL_NAMES[level] ?? level) : '-';
}

export const APPLICATION_STATUS_NAMES: Record<string, string> = {
  SUBMITTED: 'Lamaran diterima',
  AWAITING_SCREENING: 'Menunggu seleksi administrasi',
  ELIGIBLE: 'Memenuhi syarat (MS)',
  NOT_ELIGIBLE: 'Tidak memenuhi syarat (TMS)',
  IN_ASSESSMENT: 'Dalam tahap penilaian',
  SHORTLISTED: 'Termasuk 3 nama terbaik',
  NOT_SHORTLISTED: 'Tidak termasuk 3 nama terbaik',
  APPOINTED: 'Diangkat',
  NOT_APPOINTED: 'Tidak dipilih',
  WITHDRAWN: 'Ditarik oleh peserta',
  CANCELLED: 'Dibatalkan',
};

export function applicationStatusName(status: string): string {
  return APPLICATION_STATUS_NAMES[status] ?? status.replace(/_/g, ' ').toLowerCase();
}

export const DOCUMENT_KIND_NAMES: Record<string, string> = {
  VACANCY_ANNOUNCEMENT: 'Pengumuman lowongan',
  PANSEL_DECREE: 'Keputusan pembentukan panitia seleksi',
  EXTENSION_NOTICE: 'Pengumuman perpanjangan pendaftaran',
  VACANCY_CANCELLATION: 'Pengumuman pembatalan lowongan',
  ADMINISTRATIVE_RESULT_MINUTES: 'Berita acara hasil seleksi administrasi',
  ADMINISTRATIVE_RESULT_ANNOUNCEMENT: 'Pengumuman hasil seleksi administrasi',
  SCORE_SHEET: 'Lembar nilai',
  FINAL_RESULT_MINUTES: 'Berita acara hasil akhir',
  FINAL_RESULT_ANNOUNCEMENT: 'Pengumuman hasil akhir',
  REPORT_TO_PPK: 'Laporan kepada PPK',
  LETTER_TO_OVERSEER: 'Surat kepada lembaga pengawas',
  OVERSEER_RECOMMENDATION: 'Rekomendasi lembaga pengawas',
  APPOINTMENT_DECREE: 'Keputusan pengangkatan',
  INAUGURATION_MINUTES: 'Berita acara pelantikan',
  COMPLETION_REPORT: 'Laporan penyelesaian seleksi',
  SUCCESSION_GROUP_DECISION: 'Keputusan kelompok rencana suksesi',
  SUCCESSOR_PROPOSAL: 'Usulan suksesor',
};

export function documentKindName(kind: string): string {
  return DOCUMENT_KIND_NAMES[kind] ?? kind.replace(/_/g, ' ').toLowerCase();
}

/** 1536 → '1,5 KB' (Indonesian decimal comma). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb.toLocaleString('id-ID', { maximumFractionDigits: 1 })} KB`;
  return `${(kb / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
}
