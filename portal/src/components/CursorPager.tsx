/**
 * "Halaman pertama" / "Halaman berikutnya" under a list paged by the gateway's cursors (a list that is not
 * a DataTable: cards, or a table component of its own). `cursors` holds the `endCursor` of each page opened
 * after the first; the last one is the current page's `after`.
 */
import { Button } from './ui';

export function CursorPager({
  cursors,
  onCursors,
  pageInfo,
}: {
  cursors: readonly string[];
  onCursors: (cursors: string[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor: string | null } | undefined;
}) {
  const next = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  return (
    <div className="toolbar">
      {cursors.length > 0 && (
        <Button type="button" kind="secondary" onClick={() => onCursors([])}>
          Halaman pertama
        </Button>
      )}
      {next && (
        <Button type="button" kind="secondary" onClick={() => onCursors([...cursors, next])}>
          Halaman berikutnya
        </Button>
      )}
    </div>
  );
}
