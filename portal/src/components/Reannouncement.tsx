/**
 * Links between a vacancy's rounds when the Pansel re-announced it: from the earlier round to the new one
 * (Vacancy.followUp) and back (Selection.reannouncementOf). Used by the public selection page and the staff
 * dashboard; `href` gives each page's own route to a selection.
 */
import { Link } from 'react-router-dom';
import type { Reannouncement } from '../queries/fragments/reannouncement';

export type ReannouncementData = Reannouncement;

export function ReannouncementLinks({ s, href }: { s: ReannouncementData; href: (selectionId: string) => string }) {
  const origin = s.reannouncementOf;
  const followed = s.vacancies.filter((v) => v.followUp?.kind === 'REANNOUNCED');
  if (!origin && followed.length === 0) return null;
  return (
    <ul className="reannouncement" aria-label="Pengumuman ulang">
      {origin && (
        <li>
          Pengumuman ulang dari{' '}
          <Link to={href(origin.selectionId)}>{origin.selection?.title ?? `seleksi ${origin.selectionId}`}</Link>
        </li>
      )}
      {followed.map((v) => (
        <li key={v.id}>
          Lowongan {v.position} diumumkan ulang:{' '}
          {/* The new round's read model may lag its workflow; the id links already. */}
          <Link to={href(v.followUp!.id)}>{v.followUp!.selection?.title ?? `seleksi ${v.followUp!.id}`}</Link>
        </li>
      ))}
    </ul>
  );
}
