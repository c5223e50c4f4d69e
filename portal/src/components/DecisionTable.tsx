/**
 * A table of recorded decisions (time, decision, by whom, reason, and optionally one more column), or
 * "Belum ada keputusan." when there are none. Used by the selection dashboard, its audit record and
 * the talent gate.
 */
import type { ReactNode } from 'react';
import { formatDate } from './ui';

export interface DecisionRowBase {
  decisionId: string;
  at: string;
  reason: string | null;
  by: { userId: string; displayName: string | null };
}

export function DecisionTable<T extends DecisionRowBase>({
  rows,
  caption,
  captionClassName,
  kind,
  by = (d) => d.by.displayName ?? d.by.userId,
  extra,
  zone,
}: {
  rows: readonly T[];
  caption: string;
  captionClassName?: string;
  /** The row header: what was decided. */
  kind: (d: T) => ReactNode;
  by?: (d: T) => ReactNode;
  extra?: { header: string; cell: (d: T) => ReactNode };
  /** The agency's zone the times are shown in (WIB when unknown). */
  zone?: string | null;
}) {
  if (rows.length === 0) return <p>Belum ada keputusan.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className={captionClassName}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Waktu</th>
            <th scope="col">Keputusan</th>
            <th scope="col">Oleh</th>
            <th scope="col">Alasan</th>
            {extra && <th scope="col">{extra.header}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.decisionId}>
              <td>{formatDate(d.at, true, zone)}</td>
              <th scope="row">{kind(d)}</th>
              <td>{by(d)}</td>
              <td>{d.reason ?? '-'}</td>
              {extra && <td>{extra.cell(d)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
