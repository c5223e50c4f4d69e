/**
 * A table of recorded decisions (time, decision, by whom, reason, and optionally one more column), or
 * "Belum ada keputusan." when there are none (a DataTable). Used by the selection dashboard, its audit record and
 * the talent gate.
 */
import type { ReactNode } from 'react';
import { DataTable } from './DataTable';
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
  return (
    <DataTable
      caption={caption}
      captionHidden={captionClassName === 'visually-hidden'}
      rows={rows}
      rowKey={(d) => d.decisionId}
      empty="Belum ada keputusan."
      columns={[
        { header: 'Waktu', cell: (d) => formatDate(d.at, true, zone) },
        { header: 'Keputusan', rowHeader: true, cell: kind },
        { header: 'Oleh', cell: by },
        { header: 'Alasan', cell: (d) => d.reason ?? '-' },
        ...(extra ? [{ header: extra.header, cell: extra.cell }] : []),
      ]}
    />
  );
}
