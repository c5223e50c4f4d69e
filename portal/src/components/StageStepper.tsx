/**
 * The round's route as a stepper: every stage in order, done / current / ahead, with dates; the current
 * one says who must act and how many working days are left. An ordered list with aria-current="step";
 * every state is written out, so nothing depends on colour. Times in the agency's zone, labelled.
 */
import { formatDate } from '../format';
import type { RouteStageRow } from './stage-route';
import { stageName } from './ui';

export type { RouteStageRow };

export const STAGE_ACTOR_NAMES: Record<string, string> = {
  PANSEL_SECRETARY: 'Sekretariat panitia seleksi',
  PANSEL: 'Panitia seleksi',
  PANSEL_MEMBERS: 'Anggota panitia seleksi',
  CANDIDATES: 'Pelamar',
  OVERSEER: 'Lembaga pengawas',
  PPK: 'Pejabat Pembina Kepegawaian (PPK)',
  SYSTEM: 'Sistem (berjalan otomatis)',
};

const STATE_TEXT: Record<RouteStageRow['state'], string> = {
  DONE: 'Selesai',
  CURRENT: 'Tahap saat ini',
  NEXT: 'Berikutnya',
  LATER: 'Belum dimulai',
  SKIPPED: 'Tidak dilaksanakan',
};

const MARK: Record<RouteStageRow['state'], string> = { DONE: '✓', CURRENT: '●', NEXT: '', LATER: '', SKIPPED: '–' };

/** "5 hari kerja lagi", "hari kerja terakhir", "lewat 2 hari kerja". */
export function countdownText(days: number): string {
  if (days > 0) return `${days} hari kerja lagi`;
  if (days === 0) return 'hari ini hari terakhir';
  return `lewat ${-days} hari kerja`;
}

export function StageStepper({
  route,
  zone,
  title = 'Tahapan seleksi',
  headingId = 'stepper-title',
}: {
  route: readonly RouteStageRow[];
  /** The agency's zone (IANA or WIB/WITA/WIT). */
  zone: string | null | undefined;
  title?: string;
  headingId?: string;
}) {
  if (route.length === 0) return null;
  const at = (v: string | null) => formatDate(v, true, zone);
  return (
    <section aria-labelledby={headingId} className="stepper-section">
      <h2 id={headingId}>{title}</h2>
      <ol className="stepper">
        {route.map((r, i) => (
          <li
            key={`${r.stage}-${i}`}
            className={`step step-${r.state.toLowerCase()}`}
            aria-current={r.state === 'CURRENT' ? 'step' : undefined}
          >
            <span className="step-mark" aria-hidden="true">
              {MARK[r.state] || i + 1}
            </span>
            <div className="step-body">
              <strong className="step-name">{stageName(r.stage)}</strong>
              <span className="step-state">{STATE_TEXT[r.state]}</span>
              {r.state === 'DONE' && (r.endedAt ?? r.startedAt) && (
                <span className="step-date">{at(r.endedAt ?? r.startedAt)}</span>
              )}
              {r.state === 'CURRENT' && (
                <>
                  {r.startedAt && <span className="step-date">Sejak {at(r.startedAt)}</span>}
                  {r.actor && <span className="step-actor">Menunggu: {STAGE_ACTOR_NAMES[r.actor] ?? r.actor}</span>}
                  {r.dueAt && (
                    <span className="step-due">
                      Batas waktu {at(r.dueAt)}
                      {r.workingDaysLeft !== null && <strong> ({countdownText(r.workingDaysLeft)})</strong>}
                    </span>
                  )}
                </>
              )}
              {(r.state === 'NEXT' || r.state === 'LATER') && (
                <>
                  {r.expectedAt && <span className="step-date">Diperkirakan mulai {at(r.expectedAt)}</span>}
                  {r.dueAt && <span className="step-date">Berakhir {at(r.dueAt)}</span>}
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
