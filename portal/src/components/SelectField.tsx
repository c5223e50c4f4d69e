/**
 * The select boxes the staff pages repeat: the options of a list of agencies (by code, shown by name) and
 * a list filter (a labelled select whose empty value means "all"). One markup for every page.
 */
import { Field, LEVEL_NAMES } from './ui';

export interface Option {
  value: string;
  label: string;
}

/** `<option>`s of the JPT levels, lowest first (the usual choice first). */
export function LevelOptions() {
  return (
    <>
      {(['PRATAMA', 'MADYA', 'UTAMA'] as const).map((l) => (
        <option key={l} value={l}>
          {LEVEL_NAMES[l]}
        </option>
      ))}
    </>
  );
}

/** `<option>`s of agencies: the code is sent, the name shown. */
export function AgencyOptions({ agencies }: { agencies: readonly { code: string; name: string }[] }) {
  return (
    <>
      {agencies.map((a) => (
        <option key={a.code} value={a.code}>
          {a.name}
        </option>
      ))}
    </>
  );
}

/** A filter of a list: `all` is the empty value's label ("Semua …"). */
export function SelectFilter({
  id,
  label,
  value,
  onChange,
  all,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  all: string;
  options: readonly Option[];
}) {
  return (
    <Field id={id} label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{all}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
