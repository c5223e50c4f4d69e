/**
 * The audit record of a selection: every decision with who, when, why and its data.
 *
 * Route: /kelola/seleksi/:id/audit (PANSEL_SECRETARY, OVERSEER, ADMIN).
 * Main controls: table "Jejak audit" (one row per decision, its data in a "Data" disclosure); buttons
 * "Halaman berikutnya", "Halaman pertama"; link "Kembali ke dasbor seleksi".
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '../../api';
import { CursorPager } from '../../components/CursorPager';
import { DecisionTable } from '../../components/DecisionTable';
import { ErrorAlert, Loading, Page } from '../../components/ui';
import { SELECTION_AUDIT } from '../../queries/staff';
import { DECISION_KIND, say } from './labels';

const PAGE_SIZE = 50;

function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

export function AuditPage() {
  const { id = '' } = useParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const q = useQuery(SELECTION_AUDIT, { selectionId: id, first: PAGE_SIZE, after: cursors.at(-1) ?? null });
  const rows = q.data?.selectionAudit.edges.map((e) => e.node) ?? [];
  const pageInfo = q.data?.selectionAudit.pageInfo;
  return (
    <Page title={`Jejak audit${q.data?.selection ? `: ${q.data.selection.title}` : ''}`}>
      <p>
        <Link to={`/kelola/seleksi/${encodeURIComponent(id)}`}>Kembali ke dasbor seleksi</Link>
      </p>
      <ErrorAlert error={q.error} />
      {q.loading && !q.data ? (
        <Loading />
      ) : (
        <DecisionTable
          rows={rows}
          caption="Jejak audit (terlama dahulu)"
          kind={(d) => (
            <>
              {say(DECISION_KIND, d.kind)}
              {d.subjectId && <div className="muted">{d.subjectId}</div>}
            </>
          )}
          by={(d) => (
            <>
              {d.by.displayName ?? d.by.userId} <span className="muted">({d.by.role})</span>
            </>
          )}
          extra={{
            header: 'Data',
            cell: (d) => (
              <details>
                <summary>Data</summary>
                <pre className="payload">{prettyPayload(d.payload)}</pre>
              </details>
            ),
          }}
        />
      )}
      <CursorPager cursors={cursors} onCursors={setCursors} pageInfo={pageInfo} />
    </Page>
  );
}
