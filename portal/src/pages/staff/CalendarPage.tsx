/**
 * The holiday calendar for administrators: a year's national holidays and cuti bersama with the SKB's
 * number and date (national administrator), and an agency's regional days off (the national
 * administrator for any agency, an agency administrator for its own). A year without an entered SKB
 * shows the computed (provisional) calendar, which the administrator can start from.
 *
 * Route: /kelola/kalender. Main controls: "Tahun", "Hari libur nasional", "Cuti bersama", "Nomor SKB",
 * "Tanggal SKB", "Dasar hukum", "Alasan perubahan", button "Simpan kalender"; "Kode instansi",
 * "Hari libur daerah", "Alasan perubahan (libur daerah)", button "Simpan hari libur daerah".
 */
import { useEffect, useState } from 'react';
import { useQuery } from '../../api';
import { useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, formatDate } from '../../components/ui';
import {
  AMEND_HOLIDAY_YEAR,
  HOLIDAY_YEAR,
  HOLIDAY_YEARS,
  REGIONAL_HOLIDAYS,
  SET_REGIONAL_HOLIDAYS,
} from '../../queries/calendar';
import { ActionForm, Outcome, useAction } from './common';
import type { ResultOf } from '../../graphql';

type HolidayYear = NonNullable<ResultOf<typeof HOLIDAY_YEAR>['holidayCalendar']>;
type DayOff = HolidayYear['holidays'][number];
type RegionalDay = ResultOf<typeof REGIONAL_HOLIDAYS>['regionalHolidays']['days'][number];

const DATE_LINE = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

/** 'TTTT-BB-HH Nama' per line → days; the first bad line as an Indonesian message. */
function parseDays(text: string, what: string): { days: { date: string; name: string }[]; problem: string | null } {
  const days: { date: string; name: string }[] = [];
  const lines = text.split('\n').map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const m = DATE_LINE.exec(line);
    if (!m) return { days, problem: `${what}, baris ${i + 1}: tulis tanggal TTTT-BB-HH, spasi, lalu namanya` };
    days.push({ date: m[1]!, name: m[2]!.trim() });
  }
  return { days, problem: null };
}

/** 'TTTT-BB-HH | Nama | Dasar hukum' per line. */
function parseRegional(text: string): { days: RegionalDay[]; problem: string | null } {
  const days: RegionalDay[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [date = '', name = '', basis = ''] = line.split('|').map((p) => p.trim());
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !name) {
      return { days, problem: `Baris ${i + 1}: tulis TTTT-BB-HH | nama hari libur | dasar hukum` };
    }
    days.push({ date, name, basis });
  }
  return { days, problem: null };
}

const asLines = (days: readonly Pick<DayOff, 'date' | 'name'>[]) => days.map((d) => `${d.date} ${d.name}`).join('\n');

export function CalendarPage() {
  const { user } = useAuth();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear + 1);
  const years = useQuery(HOLIDAY_YEARS);
  return (
    <Page title="Kalender hari libur">
      <ErrorAlert error={years.error} />
      {years.data && (
        <p>
          Tahun tersedia:{' '}
          {years.data.holidayCalendarYears.edges.map(({ node }) => (
            <button key={node.year} type="button" className="btn btn-secondary" onClick={() => setYear(node.year)}>
              {node.year}
              {node.provisional ? ' (sementara)' : ''}
            </button>
          ))}
        </p>
      )}
      <Field id="cal-year" label="Tahun">
        {(p) => (
          <input
            {...p}
            type="number"
            min={2000}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
          />
        )}
      </Field>
      {year >= 2000 && year <= 2100 && (
        <NationalYear key={year} year={year} editable={user?.role === 'ADMIN'} onSaved={years.reload} />
      )}
      <RegionalDays fixedAgency={user?.role === 'AGENCY_ADMIN' ? user.agencyCode : null} />
    </Page>
  );
}

function NationalYear({ year, editable, onSaved }: { year: number; editable: boolean; onSaved: () => void }) {
  const q = useQuery(HOLIDAY_YEAR, { y: year });
  const y = q.data?.holidayCalendar ?? null;
  return (
    <section aria-label={`Kalender ${year}`}>
      <h2>Hari libur nasional dan cuti bersama {year}</h2>
      {q.loading && <Loading />}
      <ErrorAlert error={q.error} />
      {q.data && !y && <p>Kalender tahun {year} belum tersedia.</p>}
      {y && (
        <>
          {y.provisional ? (
            <p role="note" className="alert alert-error">
              Kalender sementara: SKB hari libur nasional dan cuti bersama tahun {year} belum dimasukkan. Tanggal di
              bawah dihitung sistem (hari raya keagamaan dapat bergeser ±1 hari) dan tanpa cuti bersama.
            </p>
          ) : (
            <p>
              {y.skbNumber ? `SKB Nomor ${y.skbNumber} tanggal ${formatDate(y.skbDate)}` : y.source}
              {y.revision > 0 ? ` (perubahan ke-${y.revision})` : ''}
            </p>
          )}
          <table className="table">
            <thead>
              <tr>
                <th>Tanggal</th>
                <th>Hari libur</th>
                <th>Jenis</th>
              </tr>
            </thead>
            <tbody>
              {[
                ...y.holidays.map((d) => ({
                  ...d,
                  kind: d.provisional ? 'Libur nasional (perkiraan)' : 'Libur nasional',
                })),
                ...y.cutiBersama.map((d) => ({ ...d, kind: 'Cuti bersama' })),
              ]
                .sort((a, b) => a.date.localeCompare(b.date))
                .map((d) => (
                  <tr key={`${d.kind}-${d.date}`}>
                    <td>{formatDate(d.date)}</td>
                    <td>{d.name}</td>
                    <td>{d.kind}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          {editable && <AmendForm year={y} onSaved={() => (q.reload(), onSaved())} />}
        </>
      )}
    </section>
  );
}

function AmendForm({ year, onSaved }: { year: HolidayYear; onSaved: () => void }) {
  const [f, setF] = useState({
    holidays: asLines(year.holidays),
    cutiBersama: asLines(year.cutiBersama),
    skbNumber: year.skbNumber ?? '',
    skbDate: year.skbDate ?? '',
    source: year.provisional ? '' : year.source,
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const action = useAction(AMEND_HOLIDAY_YEAR, onSaved);
  const e = action.error;
  const submit = () => {
    const h = parseDays(f.holidays, 'Hari libur nasional');
    const c = parseDays(f.cutiBersama, 'Cuti bersama');
    setProblem(h.problem ?? c.problem);
    if (h.problem || c.problem) return;
    void action.run(
      {
        y: year.year,
        h: h.days,
        c: c.days,
        s: f.source,
        n: f.skbNumber.trim() || null,
        t: f.skbDate || null,
        r: f.reason,
      },
      `Kalender ${year.year} tersimpan; tenggat seleksi yang berjalan dihitung ulang`,
    );
  };
  return (
    <ActionForm label={`Ubah kalender ${year.year}`} onSubmit={submit}>
      <Field
        id="cal-h"
        label="Hari libur nasional"
        apiField="holidays"
        error={e}
        hint="Satu per baris: TTTT-BB-HH Nama"
      >
        {(p) => <textarea {...p} rows={10} value={f.holidays} onChange={set('holidays')} />}
      </Field>
      <Field id="cal-c" label="Cuti bersama" apiField="cutiBersama" error={e} hint="Satu per baris: TTTT-BB-HH Nama">
        {(p) => <textarea {...p} rows={5} value={f.cutiBersama} onChange={set('cutiBersama')} />}
      </Field>
      <Field id="cal-n" label="Nomor SKB" apiField="skbNumber" error={e}>
        {(p) => <input {...p} value={f.skbNumber} onChange={set('skbNumber')} />}
      </Field>
      <Field id="cal-t" label="Tanggal SKB" apiField="skbDate" error={e}>
        {(p) => <input {...p} type="date" value={f.skbDate} onChange={set('skbDate')} />}
      </Field>
      <Field id="cal-s" label="Dasar hukum" apiField="source" error={e}>
        {(p) => <input {...p} value={f.source} onChange={set('source')} />}
      </Field>
      <Field id="cal-r" label="Alasan perubahan" apiField="reason" error={e}>
        {(p) => <input {...p} value={f.reason} onChange={set('reason')} />}
      </Field>
      <ErrorAlert error={problem} />
      <Outcome error={e} done={action.done} />
      <Button type="submit" pending={action.pending}>
        Simpan kalender
      </Button>
    </ActionForm>
  );
}

function RegionalDays({ fixedAgency }: { fixedAgency: string | null }) {
  const [agency, setAgency] = useState(fixedAgency ?? '');
  const [shown, setShown] = useState(fixedAgency ?? '');
  const q = useQuery(REGIONAL_HOLIDAYS, { a: shown }, !shown);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (q.data) setText(q.data.regionalHolidays.days.map((d) => `${d.date} | ${d.name} | ${d.basis}`).join('\n'));
  }, [q.data]);
  const action = useAction(SET_REGIONAL_HOLIDAYS, q.reload);
  const submit = () => {
    const r = parseRegional(text);
    setProblem(r.problem);
    if (r.problem) return;
    void action.run(
      { a: shown, d: r.days, r: reason },
      'Hari libur daerah tersimpan; tenggat seleksi instansi ini dihitung ulang',
    );
  };
  return (
    <section aria-label="Hari libur daerah">
      <h2>Hari libur daerah</h2>
      <p>Hari libur daerah instansi (misalnya hari jadi daerah) ikut dihitung pada hari kerja seleksi instansi itu.</p>
      {!fixedAgency && (
        <ActionForm label="Pilih instansi" onSubmit={() => setShown(agency.trim())}>
          <Field id="reg-agency" label="Kode instansi">
            {(p) => <input {...p} value={agency} onChange={(e) => setAgency(e.target.value)} />}
          </Field>
          <Button type="submit" kind="secondary">
            Tampilkan
          </Button>
        </ActionForm>
      )}
      {shown && (
        <>
          {q.loading && <Loading />}
          <ErrorAlert error={q.error} />
          {q.data && (
            <ActionForm label={`Hari libur daerah ${shown}`} onSubmit={submit}>
              <Field
                id="reg-days"
                label="Hari libur daerah"
                apiField="days"
                error={action.error}
                hint="Satu per baris: TTTT-BB-HH | nama hari libur | dasar hukum (keputusan kepala daerah)"
              >
                {(p) => <textarea {...p} rows={5} value={text} onChange={(e) => setText(e.target.value)} />}
              </Field>
              <Field id="reg-reason" label="Alasan perubahan (libur daerah)" apiField="reason" error={action.error}>
                {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
              </Field>
              <ErrorAlert error={problem} />
              <Outcome error={action.error} done={action.done} />
              <Button type="submit" pending={action.pending}>
                Simpan hari libur daerah
              </Button>
            </ActionForm>
          )}
        </>
      )}
    </section>
  );
}
