/**
 * The nine-box talent map as committees read it: a 3×3 table, performance across (low → high), potential
 * up (low at the bottom). Each box is a button named by its number, name, count, share and change since
 * the previous period; pressing it opens the box's people (BoxPeople, paged on the server).
 */
import { useState } from 'react';
import { formatBoxChange, NINE_BOX_PERFORMANCE_HEADINGS } from '@seleksi/domain';
import { useQuery } from '../../api';
import { Button, ErrorAlert, Loading } from '../../components/ui';
import type { ResultOf } from '../../graphql';
import { TALENT_MAP_BOX_PEOPLE, type TALENT_MAP_GRID_FIELDS } from '../../queries/nine-box';
import './nine-box.css';

/** The grid as the map query answers it. */
export type GridView = ResultOf<typeof TALENT_MAP_GRID_FIELDS>;

const percent = (share: number) =>
  `${(share * 100).toLocaleString('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 0 })}%`;
const count = (n: number) => n.toLocaleString('id-ID');

export function NineBoxGrid({
  map,
  selected,
  onSelect,
}: {
  map: GridView;
  selected: number | null;
  onSelect: (box: number) => void;
}) {
  return (
    <div className="ninebox-wrap">
      <table className="ninebox">
        <caption>
          Peta sembilan kotak periode {map.period}: kinerja mendatar (rendah ke tinggi), potensial tegak (rendah di
          bawah). Persentase dari {count(map.mapped)} pegawai yang terpetakan
          {map.previousPeriod ? `; perubahan dibanding periode ${map.previousPeriod}` : ''}.
        </caption>
        <thead>
          <tr>
            <td className="ninebox-corner">
              <span aria-hidden="true">Potensial ↑ · Kinerja →</span>
            </td>
            {NINE_BOX_PERFORMANCE_HEADINGS.map((h) => (
              <th key={h} scope="col">
                <AxisName name={h} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.grid.map((row) => (
            <tr key={row.potential}>
              <th scope="row">
                <AxisName name={row.potentialName} />
              </th>
              {row.cells.map((c) => (
                <td key={c.box} className={c.inPool ? 'ninebox-pool' : undefined}>
                  <button
                    type="button"
                    className="ninebox-box"
                    aria-pressed={selected === c.box}
                    onClick={() => onSelect(c.box)}
                  >
                    {/* Each part ends with its hidden punctuation, so the button reads as one sentence. */}
                    <span className="ninebox-number">
                      Kotak {c.box}
                      <span className="visually-hidden">:</span>
                    </span>
                    <span className="ninebox-name">
                      {c.name}
                      <span className="visually-hidden">,</span>
                    </span>
                    <span className="ninebox-count">
                      {count(c.count)}
                      <span className="ninebox-unit"> pegawai</span>
                      <span className="visually-hidden">,</span>
                    </span>
                    <span className="ninebox-share">
                      {percent(c.share)}
                      <span className="ninebox-unit"> dari yang terpetakan</span>
                      {(c.change !== null || c.inPool) && <span className="visually-hidden">,</span>}
                    </span>
                    {c.change !== null && c.previousCount !== null && (
                      <span className="ninebox-change">
                        {formatBoxChange(c.change)}{' '}
                        <span className="ninebox-before">(sebelumnya {count(c.previousCount)})</span>
                        {c.inPool && <span className="visually-hidden">,</span>}
                      </span>
                    )}
                    {c.inPool && <span className="ninebox-pool-tag">kelompok talenta</span>}
                  </button>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Potensial tinggi": the axis word is hidden on phones (the caption names the axes), the level stays. */
function AxisName({ name }: { name: string }) {
  const space = name.indexOf(' ');
  if (space < 0) return <>{name}</>;
  return (
    <>
      <span className="ninebox-axis">{name.slice(0, space + 1)}</span>
      {name.slice(space + 1)}
    </>
  );
}

/** People per page of the drill-down. */
const PAGE_SIZE = 20;

const score = (n: number | null) =>
  n === null ? '-' : n.toLocaleString('id-ID', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

/**
 * The people of one box (`box`) or the employees who could not be mapped (`box` null) with the reasons
 * the mapping recorded, a page at a time (cursors kept for going back).
 */
export function BoxPeople({
  agencyCode,
  period,
  box,
  title,
  total,
}: {
  agencyCode: string;
  period: string;
  box: number | null;
  title: string;
  total: number;
}) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors.at(-1) ?? null;
  const people = useQuery(TALENT_MAP_BOX_PEOPLE, {
    agencyCode,
    period,
    ...(box === null ? { unmapped: true } : { box }),
    first: PAGE_SIZE,
    after,
  });
  const page = people.data?.talentMap?.entries ?? null;
  const pageNo = cursors.length;
  const from = (pageNo - 1) * PAGE_SIZE + 1;
  const headingId = `people-${box ?? 'unmapped'}`;
  return (
    <section aria-labelledby={headingId} className="ninebox-people">
      <h3 id={headingId}>{title}</h3>
      <ErrorAlert error={people.error} />
      {people.loading && !page ? (
        <Loading />
      ) : page && page.edges.length === 0 ? (
        <p role="status">Tidak ada pegawai.</p>
      ) : page ? (
        <>
          <p role="status" aria-live="polite">
            Pegawai {count(from)}–{count(from + page.edges.length - 1)} dari {count(total)}
          </p>
          <div className="table-wrap" role="region" aria-label={`Daftar pegawai ${title}`} tabIndex={0}>
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Nama</th>
                  <th scope="col">NIP</th>
                  <th scope="col">Jabatan</th>
                  {box === null ? (
                    <th scope="col">Alasan belum dapat dipetakan</th>
                  ) : (
                    <>
                      <th scope="col">Nilai kinerja</th>
                      <th scope="col">Nilai potensial</th>
                    </>
                  )}
                </tr>
              </thead>
              <tbody>
                {page.edges.map(({ node: p }) => (
                  <tr key={p.id}>
                    <th scope="row">{p.employeeName ?? p.employeeId}</th>
                    <td>{p.nip ?? '-'}</td>
                    <td>{p.position ?? '-'}</td>
                    {box === null ? (
                      <td>
                        {p.missing.length ? (
                          <ul className="ninebox-reasons">
                            {p.missing.map((m) => (
                              <li key={m}>{m}</li>
                            ))}
                          </ul>
                        ) : (
                          '-'
                        )}
                      </td>
                    ) : (
                      <>
                        <td>{score(p.performanceScore)}</td>
                        <td>{score(p.potentialScore)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="toolbar">
            <Button
              type="button"
              kind="secondary"
              disabled={pageNo === 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              Halaman sebelumnya
            </Button>
            <Button
              type="button"
              kind="secondary"
              disabled={!page.pageInfo.hasNextPage}
              onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor])}
            >
              Halaman berikutnya
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
