/**
 * Links to the gateway's XLSX/CSV exports (`/export/…`). A plain link would be refused (the exports
 * need the session token), so each click fetches the file with the token and hands it to the browser;
 * a refusal shows the gateway's message (e.g. scores before the final ranking is published).
 */
import { useState } from 'react';
import { SELECTION_STAGES } from '@seleksi/domain';
import { storedToken } from '../../api';
import { InlineError } from '../../components/ui';

/** The file name the gateway gives (its `filename*`), or `fallback`. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]!) : fallback;
}

async function downloadExport(url: string, fallback: string): Promise<void> {
  const token = storedToken();
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Berkas tidak dapat diunduh (${res.status})`);
  }
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallback);
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * "<label>: XLSX · CSV" for the export at `path` (without its extension, e.g. `/export/selections/x/applicants`);
 * `query` (`?a=b`, optional) is sent with either file.
 */
export function ExportLinks({ path, label, query = '' }: { path: string; label: string; query?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const link = (format: 'xlsx' | 'csv') => (
    <a
      href={`${path}.${format}${query}`}
      // The visible format is in the name outside brackets (speech input: "klik XLSX"; axe label-content-name-mismatch).
      aria-label={`Unduh ${label} sebagai berkas ${format.toUpperCase()}`}
      aria-disabled={busy}
      onClick={(e) => {
        e.preventDefault();
        if (busy) return;
        setError(null);
        setBusy(true);
        downloadExport(`${path}.${format}${query}`, `${path.split('/').pop() ?? 'ekspor'}.${format}`)
          .catch((err: unknown) => setError(err instanceof Error ? err.message : 'Berkas tidak dapat diunduh'))
          .finally(() => setBusy(false));
      }}
    >
      {format.toUpperCase()}
    </a>
  );
  return (
    <li>
      {label}: {link('xlsx')} · {link('csv')}
      {busy && <span className="muted"> (menyiapkan berkas…)</span>}
      <InlineError message={error} />
    </li>
  );
}

/** Stages in which the final ranking is published (the gateway's `rankingPublished`). */
const RANKING_PUBLISHED: readonly string[] = SELECTION_STAGES.slice(
  SELECTION_STAGES.indexOf('FINAL_OBJECTIONS'),
  SELECTION_STAGES.indexOf('COMPLETED') + 1,
);

/** The exports of a selection the signed-in role may download, as a section of its dashboard. */
export function SelectionExports({ selectionId, stage, role }: { selectionId: string; stage: string; role: string }) {
  const base = `/export/selections/${encodeURIComponent(selectionId)}`;
  const ranked = RANKING_PUBLISHED.includes(stage);
  return (
    <section aria-labelledby="exports-title">
      <h2 id="exports-title">Ekspor data</h2>
      <ul>
        <ExportLinks path={`${base}/applicants`} label="Pelamar dan hasil seleksi administrasi" />
        {ranked ? (
          <>
            <ExportLinks path={`${base}/scores`} label="Nilai per tahap dan per anggota Pansel" />
            <ExportLinks path={`${base}/ranking`} label="Peringkat akhir" />
          </>
        ) : (
          <li className="muted">Nilai dan peringkat akhir dapat diunduh setelah peringkat akhir diumumkan.</li>
        )}
        {(role === 'PANSEL_SECRETARY' || role === 'OVERSEER' || role === 'ADMIN') && (
          <ExportLinks path={`${base}/audit`} label="Jejak audit" />
        )}
      </ul>
    </section>
  );
}
