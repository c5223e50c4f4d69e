/**
 * Plans a selection round (createSelection) for the secretary's agency.
 *
 * Route: /kelola/seleksi/baru (PANSEL_SECRETARY).
 * Main controls: "Judul seleksi", "Tanggal pengumuman", "Rencana tanggal pelantikan"; per vacancy n (1, 2, …)
 * "Jenjang lowongan n", "Nama jabatan lowongan n", "Unit kerja lowongan n", "Bidang tugas lowongan n",
 * buttons "Tambah lowongan", "Hapus lowongan n"; "Lama pendaftaran (hari)", "Jenis hari pendaftaran",
 * "Minimal pelamar per lowongan", "Perpanjangan pendaftaran (hari)", "Paling banyak perpanjangan",
 * "Masa sanggah (hari kerja)", weights "Bobot asesmen (%)", "Bobot makalah (%)", "Bobot presentasi (%)",
 * "Bobot wawancara (%)", "Bobot rekam jejak (%)", "Nilai ambang batas", "Batas selisih nilai wawancara
 * untuk kalibrasi", "Era pengawas", "Lingkup pendaftar"; checkbox "Mode latihan (simulasi)" with
 * "Detik per hari (mode latihan)"; button "Buat seleksi" (then goes to /kelola/seleksi/:id).
 */
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, ErrorAlert, Field, Page } from '../../components/ui';
import { LevelOptions } from '../../components/SelectField';
import { useMutation, useQuery } from '../../api';
import { useAuth } from '../../auth';
import { AGENCY_TIME_ZONE, CREATE_SELECTION } from '../../queries/staff';
import { parseNumber, todayLocal } from './labels';
import type { VariablesOf } from '../../graphql';

/** The schema's input and its enums: the selects' values are typed as the gateway takes them. */
type Input = VariablesOf<typeof CREATE_SELECTION>['input'];
type Rules = NonNullable<Input['rules']>;
type Level = Input['vacancies'][number]['level'];
type DayKind = NonNullable<Rules['registrationDayKind']>;
type OverseerEra = NonNullable<Rules['overseerEra']>;
type Scope = NonNullable<Rules['scope']>;

interface VacancyRow {
  key: number;
  level: Level;
  position: string;
  unit: string;
  field: string;
}

const WEIGHTS = [
  ['assessment', 'Bobot asesmen (%)', '40'],
  ['paper', 'Bobot makalah (%)', '10'],
  ['presentation', 'Bobot presentasi (%)', '10'],
  ['interview', 'Bobot wawancara (%)', '25'],
  ['trackRecord', 'Bobot rekam jejak (%)', '15'],
] as const;

type WeightKey = (typeof WEIGHTS)[number][0];

let rowKey = 1;
const emptyVacancy = (): VacancyRow => ({ key: rowKey++, level: 'PRATAMA', position: '', unit: '', field: '' });

/** An integer from a text field, or null (the gateway's default) when empty. */
function intOrNull(text: string): number | null {
  const n = parseNumber(text);
  return Number.isNaN(n) ? null : Math.trunc(n);
}

export function CreateSelectionPage() {
  const navigate = useNavigate();
  const create = useMutation(CREATE_SELECTION, { idempotent: false });
  const [title, setTitle] = useState('');
  const [announcementDate, setAnnouncementDate] = useState(todayLocal());
  // "Today" is the agency's: its time zone as recorded on its latest selection (the API has no agency query).
  const { user } = useAuth();
  const zone = useQuery(AGENCY_TIME_ZONE, { agencyCode: user?.agencyCode ?? null }, !user?.agencyCode);
  const timeZone = zone.data?.selections.edges[0]?.node.timeZone ?? null;
  const dateTouched = useRef(false);
  useEffect(() => {
    if (timeZone && !dateTouched.current) setAnnouncementDate(todayLocal(timeZone));
  }, [timeZone]);
  const [inaugurationDate, setInaugurationDate] = useState('');
  const [vacancies, setVacancies] = useState<VacancyRow[]>([emptyVacancy()]);
  const [registrationDays, setRegistrationDays] = useState('15');
  const [registrationDayKind, setRegistrationDayKind] = useState<DayKind>('CALENDAR');
  const [minApplicants, setMinApplicants] = useState('4');
  const [extensionDays, setExtensionDays] = useState('7');
  const [extensionMaxTimes, setExtensionMaxTimes] = useState('2');
  const [objectionDays, setObjectionDays] = useState('3');
  const [weights, setWeights] = useState<Record<WeightKey, string>>(
    Object.fromEntries(WEIGHTS.map(([k, , d]) => [k, d])) as Record<WeightKey, string>,
  );
  const [passMark, setPassMark] = useState('70');
  const [calibrationThreshold, setCalibrationThreshold] = useState('20');
  const [overseerEra, setOverseerEra] = useState<OverseerEra>('BKN');
  const [scope, setScope] = useState<Scope>('NATIONAL');
  const [training, setTraining] = useState(false);
  const [secondsPerDay, setSecondsPerDay] = useState('2');
  const [localError, setLocalError] = useState<string | null>(null);

  const weightSum = WEIGHTS.reduce((sum, [k]) => sum + (intOrNull(weights[k]) ?? 0), 0);
  const setVacancy = (key: number, patch: Partial<VacancyRow>) =>
    setVacancies((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit() {
    setLocalError(null);
    if (weightSum !== 100) {
      setLocalError(`Jumlah bobot penilaian harus 100%, saat ini ${weightSum}%`);
      return;
    }
    const input: Input = {
      title: title.trim(),
      announcementDate,
      plannedInaugurationDate: inaugurationDate || null,
      vacancies: vacancies.map((v) => ({
        level: v.level,
        position: v.position.trim(),
        unit: v.unit.trim(),
        field: v.field.trim() || null,
      })),
      simulationSecondsPerDay: training ? intOrNull(secondsPerDay) : null,
      rules: {
        registrationDays: intOrNull(registrationDays),
        registrationDayKind,
        minApplicantsPerVacancy: intOrNull(minApplicants),
        extensionDays: intOrNull(extensionDays),
        extensionMaxTimes: intOrNull(extensionMaxTimes),
        objectionWorkingDays: intOrNull(objectionDays),
        weights: Object.fromEntries(WEIGHTS.map(([k]) => [k, intOrNull(weights[k]) ?? 0])) as Record<WeightKey, number>,
        passMark: Number.isNaN(parseNumber(passMark)) ? null : parseNumber(passMark),
        calibrationThreshold: Number.isNaN(parseNumber(calibrationThreshold))
          ? null
          : parseNumber(calibrationThreshold),
        overseerEra,
        scope,
      },
    };
    const r = await create.run({ input });
    if (r) navigate(`/kelola/seleksi/${encodeURIComponent(r.createSelection.id)}`);
  }

  const err = create.error;
  return (
    <Page title="Buat seleksi baru">
      <p>
        Rencana seleksi terbuka untuk instansi Anda. Aturan dibekukan pada seleksi saat dibuat; nilai bawaan sudah
        terisi.
      </p>
      <form
        className="form"
        aria-label="Rencana seleksi"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field id="sel-title" label="Judul seleksi" apiField="input.title" error={err}>
          {(p) => <input {...p} value={title} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <div className="grid-2">
          <Field id="sel-announcement" label="Tanggal pengumuman" apiField="input.announcementDate" error={err}>
            {(p) => (
              <input
                {...p}
                type="date"
                value={announcementDate}
                onChange={(e) => {
                  dateTouched.current = true;
                  setAnnouncementDate(e.target.value);
                }}
              />
            )}
          </Field>
          <Field
            id="sel-inauguration"
            label="Rencana tanggal pelantikan"
            hint="Batas usia dihitung pada tanggal ini (bawaan: 60 hari setelah pengumuman)"
            apiField="input.plannedInaugurationDate"
            error={err}
          >
            {(p) => (
              <input
                {...p}
                type="date"
                value={inaugurationDate}
                onChange={(e) => setInaugurationDate(e.target.value)}
              />
            )}
          </Field>
        </div>

        <fieldset>
          <legend>Lowongan</legend>
          {vacancies.map((v, i) => {
            const n = i + 1;
            const api = `input.vacancies.${i}`;
            return (
              <div className="card" key={v.key}>
                <h2 className="h3">Lowongan {n}</h2>
                <Field id={`vac-${v.key}-level`} label={`Jenjang lowongan ${n}`} apiField={`${api}.level`} error={err}>
                  {(p) => (
                    <select
                      {...p}
                      value={v.level}
                      onChange={(e) => setVacancy(v.key, { level: e.target.value as Level })}
                    >
                      <LevelOptions />
                    </select>
                  )}
                </Field>
                <Field
                  id={`vac-${v.key}-position`}
                  label={`Nama jabatan lowongan ${n}`}
                  apiField={`${api}.position`}
                  error={err}
                >
                  {(p) => (
                    <input
                      {...p}
                      value={v.position}
                      onChange={(e) => setVacancy(v.key, { position: e.target.value })}
                    />
                  )}
                </Field>
                <Field id={`vac-${v.key}-unit`} label={`Unit kerja lowongan ${n}`} apiField={`${api}.unit`} error={err}>
                  {(p) => <input {...p} value={v.unit} onChange={(e) => setVacancy(v.key, { unit: e.target.value })} />}
                </Field>
                <Field
                  id={`vac-${v.key}-field`}
                  label={`Bidang tugas lowongan ${n}`}
                  hint="Dicocokkan dengan bidang riwayat jabatan peserta (pengalaman yang relevan)"
                  apiField={`${api}.field`}
                  error={err}
                >
                  {(p) => (
                    <input {...p} value={v.field} onChange={(e) => setVacancy(v.key, { field: e.target.value })} />
                  )}
                </Field>
                {vacancies.length > 1 && (
                  <Button
                    type="button"
                    kind="secondary"
                    onClick={() => setVacancies((rows) => rows.filter((r) => r.key !== v.key))}
                  >
                    Hapus lowongan {n}
                  </Button>
                )}
              </div>
            );
          })}
          <Button type="button" kind="secondary" onClick={() => setVacancies((rows) => [...rows, emptyVacancy()])}>
            Tambah lowongan
          </Button>
        </fieldset>

        <fieldset>
          <legend>Pendaftaran dan sanggah</legend>
          <div className="grid-2">
            <Field
              id="sel-reg-days"
              label="Lama pendaftaran (hari)"
              apiField="input.rules.registrationDays"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={registrationDays}
                  onChange={(e) => setRegistrationDays(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="sel-reg-kind"
              label="Jenis hari pendaftaran"
              apiField="input.rules.registrationDayKind"
              error={err}
            >
              {(p) => (
                <select
                  {...p}
                  value={registrationDayKind}
                  onChange={(e) => setRegistrationDayKind(e.target.value as DayKind)}
                >
                  <option value="CALENDAR">Hari kalender</option>
                  <option value="WORKING">Hari kerja</option>
                </select>
              )}
            </Field>
            <Field
              id="sel-min-applicants"
              label="Minimal pelamar per lowongan"
              apiField="input.rules.minApplicantsPerVacancy"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={minApplicants}
                  onChange={(e) => setMinApplicants(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="sel-ext-days"
              label="Perpanjangan pendaftaran (hari)"
              apiField="input.rules.extension"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={extensionDays}
                  onChange={(e) => setExtensionDays(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="sel-ext-max"
              label="Paling banyak perpanjangan"
              apiField="input.rules.extension.maxTimes"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={extensionMaxTimes}
                  onChange={(e) => setExtensionMaxTimes(e.target.value)}
                />
              )}
            </Field>
            <Field id="sel-objection" label="Masa sanggah (hari kerja)" apiField="input.rules.objections" error={err}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={objectionDays}
                  onChange={(e) => setObjectionDays(e.target.value)}
                />
              )}
            </Field>
            <Field id="sel-scope" label="Lingkup pendaftar" apiField="input.rules.scope" error={err}>
              {(p) => (
                <select {...p} value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
                  <option value="NATIONAL">Nasional (seluruh ASN)</option>
                  <option value="PROVINCE">ASN di provinsi instansi</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>Penilaian (dibekukan sebelum pengumuman)</legend>
          <div className="grid-2">
            {WEIGHTS.map(([k, label]) => (
              <Field key={k} id={`sel-w-${k}`} label={label} apiField="input.rules.scoring.weights" error={err}>
                {(p) => (
                  <input
                    {...p}
                    inputMode="numeric"
                    value={weights[k]}
                    onChange={(e) => setWeights((w) => ({ ...w, [k]: e.target.value }))}
                  />
                )}
              </Field>
            ))}
          </div>
          <p className={weightSum === 100 ? 'muted' : 'field-error'} aria-live="polite">
            Jumlah bobot: {weightSum}%
          </p>
          <div className="grid-2">
            <Field id="sel-pass" label="Nilai ambang batas" apiField="input.rules.scoring.passMark" error={err}>
              {(p) => (
                <input {...p} inputMode="decimal" value={passMark} onChange={(e) => setPassMark(e.target.value)} />
              )}
            </Field>
            <Field
              id="sel-calibration"
              label="Batas selisih nilai wawancara untuk kalibrasi"
              apiField="input.rules.interview"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={calibrationThreshold}
                  onChange={(e) => setCalibrationThreshold(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="sel-era"
              label="Era pengawas"
              hint="BKN: persetujuan teknis, diam berarti setuju setelah 5 hari kerja; KASN: rekomendasi mengikat"
              apiField="input.rules.overseer"
              error={err}
            >
              {(p) => (
                <select {...p} value={overseerEra} onChange={(e) => setOverseerEra(e.target.value as OverseerEra)}>
                  <option value="BKN">BKN (sejak 2024)</option>
                  <option value="KASN">KASN (sampai 2024)</option>
                  <option value="GENERIC">Lembaga pengawas independen</option>
                </select>
              )}
            </Field>
          </div>
        </fieldset>

        <fieldset>
          <legend>Mode latihan</legend>
          <div className="check">
            <input
              id="sel-training"
              type="checkbox"
              checked={training}
              onChange={(e) => setTraining(e.target.checked)}
            />
            <label htmlFor="sel-training">Mode latihan (simulasi)</label>
          </div>
          {training && (
            <Field
              id="sel-seconds"
              label="Detik per hari (mode latihan)"
              hint="Setiap hari proses berlangsung sekian detik (1–3600); dokumen bertanda SIMULASI"
              apiField="input.simulationSecondsPerDay"
              error={err}
            >
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={secondsPerDay}
                  onChange={(e) => setSecondsPerDay(e.target.value)}
                />
              )}
            </Field>
          )}
        </fieldset>

        <ErrorAlert error={localError ?? err} />
        <div>
          <Button type="submit" pending={create.pending}>
            Buat seleksi
          </Button>
        </div>
      </form>
    </Page>
  );
}
