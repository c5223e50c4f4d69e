/** Pieces shared by the staff pages: polling, a mutation with its success message, candidate names. */
import { createClient, type Client } from 'graphql-sse';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { downloadWithToken } from '../../download';
import { operationText, storedToken, useMutation, type AnyDocument, type ApiError, type Operation } from '../../api';
import type { ResultOf } from '../../graphql';
import { Button, ErrorAlert, Field, InlineError, SuccessAlert } from '../../components/ui';
import { CORRECTABLE_STAGE, todayLocal } from './labels';
import type { ProcessApplicationView, SelectionProcessView } from './types';

/** Calls `reload` every `ms` while `active` (and the tab is visible). */
export function usePolling(reload: () => void, ms: number, active = true): void {
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') reload();
    }, ms);
    return () => window.clearInterval(timer);
  }, [reload, ms, active]);
}

/** The agency's time zone (WIB/WITA/WIT) of the selection on screen, for "today" in date fields. */
export const ZoneContext = createContext<string | null>(null);

/** Today in the selection's agency (the browser's zone when unknown). */
export function useToday(): string {
  return todayLocal(useContext(ZoneContext));
}

/** Where a page shows the outcome of its forms' decisions (set by the selection dashboard). */
export const NoticeContext = createContext<((message: string | null) => void) | null>(null);

/**
 * A mutation for a form: runs it, remembers the success message, and calls `onDone` (usually the
 * page's reload) after a success.
 */
export function useAction<D extends AnyDocument>(query: D, onDone?: (data: ResultOf<D>) => void): Action<ResultOf<D>>;
export function useAction<T>(query: Operation, onDone?: (data: T) => void): Action<T>;
export function useAction<T>(query: Operation, onDone?: (data: T) => void): Action<T> {
  const m = useMutation<T>(query);
  const [done, setDone] = useState<string | null>(null);
  const announce = useContext(NoticeContext);
  const { run: runMutation } = m;
  const run = useCallback(
    async (variables: Record<string, unknown>, success: string): Promise<T | null> => {
      setDone(null);
      announce?.(null);
      const data = await runMutation(variables);
      if (data) {
        // On a dashboard the message is shown by the page: the form may disappear with the stage it served.
        if (announce) announce(success);
        else setDone(success);
        onDone?.(data);
      }
      return data;
    },
    [runMutation, onDone, announce],
  );
  return { run, pending: m.pending, error: m.error, done, clear: () => setDone(null) };
}

/** What useAction returns: `run` with the success message, its pending state, error and the message shown. */
export interface Action<T> {
  run: (variables: Record<string, unknown>, success: string) => Promise<T | null>;
  pending: boolean;
  error: ApiError | null;
  done: string | null;
  clear: () => void;
}

/** The outcome of a form: the gateway's error (announced) or the success message (announced). */
export function Outcome({ error, done }: { error: Parameters<typeof ErrorAlert>[0]['error']; done: string | null }) {
  return (
    <>
      <ErrorAlert error={error} />
      {done && !error && <SuccessAlert>{done}</SuccessAlert>}
    </>
  );
}

/** A form's end: the outcome of its action and its submit button. */
export function FormEnd({
  action,
  kind,
  children,
}: {
  action: Pick<Action<unknown>, 'error' | 'done' | 'pending'>;
  kind?: 'primary' | 'secondary' | 'danger';
  children: ReactNode;
}) {
  return (
    <>
      <Outcome error={action.error} done={action.done} />
      <div>
        <Button type="submit" kind={kind} pending={action.pending}>
          {children}
        </Button>
      </div>
    </>
  );
}

/** The options of a select of the stages an overseer or an objection may send back. */
export const CORRECTABLE_STAGE_OPTIONS = Object.entries(CORRECTABLE_STAGE).map(([k, v]) => (
  <option key={k} value={k}>
    {v}
  </option>
));

/** An inauguration's date and place (open selection and talent filling). */
export function InaugurationFields({
  id,
  error,
  date,
  place,
  onDate,
  onPlace,
}: {
  id: string;
  error: ApiError | null;
  date: string;
  place: string;
  onDate: (date: string) => void;
  onPlace: (place: string) => void;
}) {
  return (
    <>
      <Field id={`${id}-date`} label="Tanggal pelantikan" apiField="date" error={error}>
        {(p) => <input {...p} type="date" value={date} onChange={(e) => onDate(e.target.value)} />}
      </Field>
      <Field id={`${id}-place`} label="Tempat pelantikan" apiField="place" error={error}>
        {(p) => <input {...p} value={place} onChange={(e) => onPlace(e.target.value)} />}
      </Field>
    </>
  );
}

/** What the secretariat types of the President's decree, and the mutation's variables it makes. */
export function useDecreeDraft(today: string) {
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(today);
  const [justification, setJustification] = useState('');
  return {
    number,
    date,
    justification,
    setNumber,
    setDate,
    setJustification,
    variables: { decreeNumber: number.trim(), decreeDate: date, justification: justification.trim() || null },
  };
}

/** The President's decree as the secretariat records it: number, date and the reason for another choice. */
export function PresidentialDecreeFields({
  id,
  error,
  labels,
  draft,
}: {
  id: string;
  error: ApiError | null;
  labels: { number: string; date: string; justification: string; hint: string };
  draft: ReturnType<typeof useDecreeDraft>;
}) {
  return (
    <>
      <Field id={`${id}-number`} label={labels.number} apiField="decreeNumber" error={error}>
        {(p) => <input {...p} value={draft.number} onChange={(e) => draft.setNumber(e.target.value)} />}
      </Field>
      <Field id={`${id}-date`} label={labels.date} apiField="decreeDate" error={error}>
        {(p) => <input {...p} type="date" value={draft.date} onChange={(e) => draft.setDate(e.target.value)} />}
      </Field>
      <Field id={`${id}-just`} label={labels.justification} hint={labels.hint} apiField="justification" error={error}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.justification}
            onChange={(e) => draft.setJustification(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** A form named for assistive technology (role=form), submitted without reloading the page. */
export function ActionForm({
  label,
  onSubmit,
  children,
  className = 'form',
}: {
  label: string;
  onSubmit: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <form
      aria-label={label}
      className={className}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

export function applicationOf(p: SelectionProcessView, applicationId: string): ProcessApplicationView | undefined {
  return p.applications.find((a) => a.applicationId === applicationId);
}

/** The candidate's name for an application, or its id when the profile has no name. */
export function candidateLabel(p: SelectionProcessView, applicationId: string): string {
  const a = applicationOf(p, applicationId);
  return a?.candidateName ?? a?.candidateId ?? applicationId;
}

/** 'Kepala Dinas Pendidikan (Pratama)' */
export function vacancyLabel(p: SelectionProcessView, vacancyId: string): string {
  const v = p.vacancies.find((x) => x.id === vacancyId);
  return v?.position ?? vacancyId;
}

/** Applications still competing in the scored stages (eligible, not withdrawn or eliminated). */
export function competing(p: SelectionProcessView): ProcessApplicationView[] {
  return p.applications.filter(
    (a) => a.eligible === true && !a.withdrawn && !['WITHDRAWN', 'CANCELLED', 'NOT_ELIGIBLE'].includes(a.status),
  );
}

/** A link to a PDF that downloads it with the session token; says so when it fails. */
export function DocumentLink({ url, number, children }: { url: string; number: string; children: ReactNode }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <a
        href={url}
        onClick={(e) => {
          e.preventDefault();
          setError(null);
          downloadWithToken(url, `${number.replace(/[^\w.-]+/g, '_')}.pdf`).catch((err: unknown) =>
            setError(err instanceof Error ? err.message : 'Dokumen tidak dapat diunduh'),
          );
        }}
      >
        {children}
      </a>
      <InlineError message={error} />
    </>
  );
}

let sse: Client | null = null;

/**
 * Calls `onEvent` on each event of a GraphQL subscription (GraphQL over SSE, session token in the
 * Authorization header) while mounted and not `skip`; answers whether the stream is open.
 */
export function useLiveEvents(
  query: Operation,
  variables: Record<string, unknown>,
  onEvent: () => void,
  skip = false,
): boolean {
  const [live, setLive] = useState(false);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    sse ??= createClient({
      url: '/graphql',
      headers: (): Record<string, string> => {
        const token = storedToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
      retryAttempts: 3,
    });
    let active = true;
    let failed = false;
    const fail = () => {
      failed = true;
      if (active) setLive(false);
    };
    const unsubscribe = sse.subscribe(
      { query: operationText(query), variables: JSON.parse(key) as Record<string, unknown> },
      {
        next: (result) => {
          if (!active) return;
          if (result.errors?.length) return fail();
          setLive(true);
          handler.current();
        },
        error: fail,
        complete: fail,
      },
    );
    // The server sends nothing until a stage changes: an open stream counts as live.
    const timer = window.setTimeout(() => active && !failed && setLive(true), 1500);
    return () => {
      active = false;
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [query, key, skip]);
  return live;
}
