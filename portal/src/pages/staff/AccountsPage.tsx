/**
 * Accounts for administrators (/kelola/akun; ADMIN: every account; AGENCY_ADMIN: its agency's staff and
 * candidates): the filtered, paged list; inviting an account; deactivating and reactivating (after a
 * confirmation); a new invitation or password-reset link; candidates' self-registrations waiting for
 * confirmation.
 *
 * Main controls: filters "Peran", "Instansi" (ADMIN), "Status"; table "Daftar akun" with, per account,
 * buttons "Nonaktifkan <nama>", "Aktifkan kembali <nama>", "Kirim ulang undangan <nama>" (no password yet)
 * or "Kirim tautan atur ulang kata sandi <nama>"; confirmation form "Konfirmasi: <tindakan> <nama>"
 * ("Alasan", "Ya, <tindakan>", "Batal"); buttons "Halaman berikutnya", "Halaman pertama".
 * Form "Undang akun": "Peran", "Instansi", "Nama", "Surel", "Asal lembaga" (Pansel members), button
 * "Kirim undangan". Per pending registration, form "Pendaftaran <nama>": "Alasan", buttons
 * "Konfirmasi" and "Tolak".
 */
import { useEffect, useRef, useState } from 'react';
import { useQuery } from '../../api';
import { grantableRoles, roleNeedsAgency, type InvitableRole } from '../../accounts';
import { ROLES, type Role } from '@seleksi/domain';
import { ROLE_NAMES, useAuth } from '../../auth';
import { Button, ErrorAlert, Field, Loading, Page, SuccessAlert, formatDate } from '../../components/ui';
import {
  ACCOUNTS,
  AGENCY_OPTIONS,
  DEACTIVATE_ACCOUNT,
  DECIDE_REGISTRATION,
  INVITE_ACCOUNT,
  ISSUE_PASSWORD_RESET,
  PENDING_REGISTRATIONS,
  REACTIVATE_ACCOUNT,
} from '../../queries/accounts';
import { ActionForm, Outcome, useAction } from './common';
import { DataTable, useTableState } from '../../components/DataTable';
import { AgencyOptions, SelectFilter } from '../../components/SelectField';
import { afterOf } from '../../components/table-state';
import type { ResultOf } from '../../graphql';

type AccountPage = ResultOf<typeof ACCOUNTS>['accounts'];
type Account = AccountPage['edges'][number]['node'];
type AgencyOption = ResultOf<typeof AGENCY_OPTIONS>['agencies'][number];
/** A one-time link as both the invitation and the reset answer it. */
type LinkPayload = ResultOf<typeof ISSUE_PASSWORD_RESET>['issuePasswordReset'];

/** Roles in the order of the domain's list, with their names. */
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));
const STATUS_OPTIONS = [
  { value: 'ACTIVE', label: 'Aktif' },
  { value: 'INACTIVE', label: 'Nonaktif' },
];

const REGISTRATION_STATUS: Record<string, string> = {
  PENDING: 'menunggu konfirmasi',
  LINKED: 'terhubung dengan data ASN',
  REJECTED: 'pendaftaran ditolak',
};

function statusText(a: Account): string {
  const parts = [a.active ? 'Aktif' : 'Nonaktif'];
  if (!a.passwordSet && a.active) parts.push('undangan belum dipakai');
  if (a.registration) parts.push(REGISTRATION_STATUS[a.registration.status] ?? a.registration.status);
  return parts.join('; ');
}

/** The one-time link an administrator can pass on when the mail does not arrive. */
function IssuedLink({ payload }: { payload: LinkPayload }) {
  return (
    <details>
      <summary>Tampilkan tautan (bila surel tidak sampai)</summary>
      <p>
        Tautan ini hanya untuk {payload.user.email}, sekali pakai, berlaku sampai {formatDate(payload.expiresAt, true)}:
      </p>
      <code style={{ wordBreak: 'break-all' }}>{payload.link}</code>
    </details>
  );
}

export function AccountsPage() {
  const { user } = useAuth();
  const national = user?.role === 'ADMIN';
  const [role, setRole] = useState('');
  const [agency, setAgency] = useState('');
  const [status, setStatus] = useState('');
  const [table, setTable] = useTableState();
  const agencies = useQuery(AGENCY_OPTIONS);
  const q = useQuery(ACCOUNTS, {
    role: (role || null) as Role | null,
    agencyCode: national ? agency || null : null,
    active: status === '' ? null : status === 'ACTIVE',
    first: table.pageSize,
    after: afterOf(table),
  });
  const [confirming, setConfirming] = useState<{ account: Account; action: 'deactivate' | 'reactivate' } | null>(null);
  const [notice, setNotice] = useState<{ text: string; link?: LinkPayload } | null>(null);
  const filter = (set: (v: string) => void) => (value: string) => {
    set(value);
    setTable({ ...table, cursors: [] });
  };
  const agencyList = agencies.data?.agencies ?? [];
  const agencyName = (code: string | null) =>
    code ? (agencyList.find((a) => a.code === code)?.name ?? code) : 'Nasional';
  const page = q.data?.accounts;
  const pendingReload = useRef<(() => void) | null>(null);
  const reloadAll = () => {
    q.reload();
    pendingReload.current?.();
  };

  return (
    <Page title="Akun">
      <h2>Undang akun</h2>
      <InviteForm
        agencies={agencyList}
        onInvited={(p) => {
          setNotice({
            text: `Undangan dikirim ke ${p.user.email}; tautan berlaku sampai ${formatDate(p.expiresAt, true)}.`,
            link: p,
          });
          q.reload();
        }}
      />

      <h2>Daftar akun</h2>
      <div className="toolbar">
        <SelectFilter
          id="filter-role"
          label="Peran"
          value={role}
          onChange={filter(setRole)}
          all="Semua peran"
          options={ROLE_OPTIONS}
        />
        {national && (
          <SelectFilter
            id="filter-agency"
            label="Instansi"
            value={agency}
            onChange={filter(setAgency)}
            all="Semua instansi"
            options={agencyList.map((a) => ({ value: a.code, label: a.name }))}
          />
        )}
        <SelectFilter
          id="filter-status"
          label="Status"
          value={status}
          onChange={filter(setStatus)}
          all="Semua"
          options={STATUS_OPTIONS}
        />
        <Button type="button" kind="secondary" onClick={q.reload}>
          Muat ulang
        </Button>
      </div>
      {notice && (
        <SuccessAlert>
          {notice.text}
          {notice.link && <IssuedLink payload={notice.link} />}
        </SuccessAlert>
      )}
      {confirming && (
        <ConfirmActive
          key={`${confirming.account.id}-${confirming.action}`}
          account={confirming.account}
          action={confirming.action}
          onClose={(done) => {
            setConfirming(null);
            if (done) {
              setNotice({ text: done });
              q.reload();
            }
          }}
        />
      )}
      <ErrorAlert error={q.error} />
      {!(q.error && !page) && (
        <DataTable
          caption={`Daftar akun (${(page?.totalCount ?? 0).toLocaleString('id-ID')} akun)`}
          captionHidden={false}
          rows={page ? page.edges.map((e) => e.node) : null}
          rowKey={(a) => a.id}
          loading={q.loading}
          empty="Tidak ada akun yang cocok dengan saringan."
          paging={{
            state: table,
            onState: setTable,
            hasNextPage: page?.pageInfo.hasNextPage ?? false,
            endCursor: page?.pageInfo.endCursor,
            total: page?.totalCount,
          }}
          columns={[
            {
              header: 'Nama',
              rowHeader: true,
              cell: (a) => (
                <>
                  {a.displayName}
                  {a.affiliation && <div className="muted">{a.affiliation}</div>}
                </>
              ),
            },
            { header: 'Surel', cell: (a) => a.email },
            { header: 'Peran', cell: (a) => ROLE_NAMES[a.role] ?? a.role },
            { header: 'Instansi', cell: (a) => agencyName(a.agencyCode) },
            { header: 'Status', cell: statusText },
            {
              header: 'Tindakan',
              cell: (a) => (
                <RowActions
                  account={a}
                  self={a.id === user?.id}
                  onConfirm={(action) => setConfirming({ account: a, action })}
                  onLink={(p) =>
                    setNotice({
                      text: `Tautan ${p.purpose === 'INVITATION' ? 'undangan' : 'atur ulang kata sandi'} dikirim ke ${p.user.email}; tautan sebelumnya tidak berlaku lagi.`,
                      link: p,
                    })
                  }
                />
              ),
            },
          ]}
        />
      )}

      <h2>Pendaftaran peserta menunggu konfirmasi</h2>
      <PendingRegistrations
        agencyName={agencyName}
        register={(reload) => (pendingReload.current = reload)}
        onDecided={reloadAll}
      />
    </Page>
  );
}

function RowActions({
  account,
  self,
  onConfirm,
  onLink,
}: {
  account: Account;
  self: boolean;
  onConfirm: (action: 'deactivate' | 'reactivate') => void;
  onLink: (p: LinkPayload) => void;
}) {
  const link = useAction(ISSUE_PASSWORD_RESET, (d) => onLink(d.issuePasswordReset));
  if (self) return <span className="muted">Akun Anda</span>;
  const name = account.displayName;
  return (
    <div className="toolbar">
      {account.active ? (
        <>
          <Button
            type="button"
            kind="secondary"
            pending={link.pending}
            aria-label={`${account.passwordSet ? 'Kirim tautan atur ulang kata sandi' : 'Kirim ulang undangan'} ${name}`}
            onClick={() => void link.run({ accountId: account.id }, 'Tautan dikirim')}
          >
            {account.passwordSet ? 'Atur ulang kata sandi' : 'Kirim ulang undangan'}
          </Button>
          <Button
            type="button"
            kind="danger"
            aria-label={`Nonaktifkan ${name}`}
            onClick={() => onConfirm('deactivate')}
          >
            Nonaktifkan
          </Button>
        </>
      ) : (
        <Button
          type="button"
          kind="secondary"
          aria-label={`Aktifkan kembali ${name}`}
          onClick={() => onConfirm('reactivate')}
        >
          Aktifkan kembali
        </Button>
      )}
      <ErrorAlert error={link.error} />
    </div>
  );
}

/** Asks before a deactivation (which ends the account's sessions at once) or a reactivation. */
function ConfirmActive({
  account,
  action,
  onClose,
}: {
  account: Account;
  action: 'deactivate' | 'reactivate';
  onClose: (done: string | null) => void;
}) {
  const deactivating = action === 'deactivate';
  const verb = deactivating ? 'nonaktifkan' : 'aktifkan kembali';
  const [reason, setReason] = useState('');
  const m = useAction(deactivating ? DEACTIVATE_ACCOUNT : REACTIVATE_ACCOUNT);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const submit = async () => {
    const vars = deactivating ? { accountId: account.id, reason: reason.trim() || null } : { accountId: account.id };
    const done = deactivating
      ? `Akun ${account.displayName} dinonaktifkan; sesi yang sedang berjalan berakhir.`
      : `Akun ${account.displayName} aktif kembali.`;
    if (await m.run(vars, done)) onClose(done);
  };
  return (
    <section className="card" aria-labelledby="confirm-title">
      <h3 id="confirm-title" tabIndex={-1} ref={heading}>
        Konfirmasi: {verb} {account.displayName}
      </h3>
      <ActionForm label={`Konfirmasi: ${verb} ${account.displayName}`} onSubmit={() => void submit()}>
        <p>
          {deactivating
            ? `${account.displayName} (${account.email}) tidak dapat masuk lagi dan sesinya yang sedang berjalan segera berakhir.`
            : `${account.displayName} (${account.email}) dapat masuk kembali; sesi lamanya tetap berakhir.`}
        </p>
        {deactivating && (
          <Field id="confirm-reason" label="Alasan" hint="Dicatat dalam riwayat akun" apiField="reason" error={m.error}>
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
        <ErrorAlert error={m.error && m.error.field !== 'reason' ? m.error : null} />
        <div className="toolbar">
          <Button type="submit" kind={deactivating ? 'danger' : 'primary'} pending={m.pending}>
            Ya, {verb}
          </Button>
          <Button type="button" kind="secondary" onClick={() => onClose(null)}>
            Batal
          </Button>
        </div>
      </ActionForm>
    </section>
  );
}

function InviteForm({
  agencies,
  onInvited,
}: {
  agencies: readonly AgencyOption[];
  onInvited: (p: LinkPayload) => void;
}) {
  const { user } = useAuth();
  const roles = grantableRoles(user?.role);
  const [f, setF] = useState({
    role: (roles[0] ?? 'PANSEL_SECRETARY') as InvitableRole,
    agencyCode: user?.role === 'AGENCY_ADMIN' ? (user.agencyCode ?? '') : '',
    displayName: '',
    email: '',
    affiliation: '',
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const action = useAction(INVITE_ACCOUNT, (d) => {
    onInvited(d.inviteAccount);
    setF((x) => ({ ...x, displayName: '', email: '', affiliation: '' }));
  });
  const needsAgency = roleNeedsAgency(f.role);
  const submit = () =>
    void action.run(
      {
        input: {
          role: f.role,
          agencyCode: needsAgency ? f.agencyCode || null : null,
          displayName: f.displayName,
          email: f.email,
          affiliation: f.role === 'PANSEL_MEMBER' ? f.affiliation.trim() || null : null,
        },
      },
      'Undangan dikirim',
    );
  const e = action.error;
  return (
    <ActionForm label="Undang akun" onSubmit={submit}>
      <Field id="inv-role" label="Peran" apiField="input.role" error={e}>
        {(p) => (
          <select {...p} value={f.role} onChange={set('role')}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {needsAgency && (
        <Field id="inv-agency" label="Instansi" apiField="input.agencyCode" error={e}>
          {(p) => (
            <select {...p} value={f.agencyCode} onChange={set('agencyCode')}>
              {user?.role === 'ADMIN' && <option value="">Pilih instansi</option>}
              <AgencyOptions agencies={agencies} />
            </select>
          )}
        </Field>
      )}
      <Field
        id="inv-name"
        label="Nama"
        hint="Nama lengkap dengan gelar, seperti dicetak pada dokumen"
        apiField="input.displayName"
        error={e}
      >
        {(p) => <input {...p} value={f.displayName} onChange={set('displayName')} />}
      </Field>
      <Field id="inv-email" label="Surel" apiField="input.email" error={e}>
        {(p) => <input {...p} type="email" value={f.email} onChange={set('email')} />}
      </Field>
      {f.role === 'PANSEL_MEMBER' && (
        <Field
          id="inv-affiliation"
          label="Asal lembaga"
          hint="Untuk anggota Pansel dari luar instansi: universitas atau asosiasi profesi"
          apiField="input.affiliation"
          error={e}
        >
          {(p) => <input {...p} value={f.affiliation} onChange={set('affiliation')} />}
        </Field>
      )}
      <ErrorAlert error={e && !e.field?.startsWith('input.') ? e : null} />
      <Button type="submit" pending={action.pending}>
        Kirim undangan
      </Button>
    </ActionForm>
  );
}

function PendingRegistrations({
  agencyName,
  register,
  onDecided,
}: {
  agencyName: (code: string | null) => string;
  register: (reload: () => void) => void;
  onDecided: () => void;
}) {
  const q = useQuery(PENDING_REGISTRATIONS, { first: 50 });
  useEffect(() => register(q.reload), [register, q.reload]);
  if (q.loading && !q.data) return <Loading />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const items = q.data.pendingRegistrations.edges.map((e) => e.node);
  if (items.length === 0) return <p>Tidak ada pendaftaran yang menunggu.</p>;
  return (
    <>
      <p>
        Data pendaftar tidak cocok dengan data ASN (tanggal lahir atau surel). Periksa sebelum mengonfirmasi: konfirmasi
        menghubungkan akun dengan data ASN NIP tersebut; penolakan menonaktifkan akun.
      </p>
      {items.map((a) => (
        <RegistrationForm key={a.id} account={a} agencyName={agencyName} onDecided={onDecided} />
      ))}
    </>
  );
}

function RegistrationForm({
  account,
  agencyName,
  onDecided,
}: {
  account: ResultOf<typeof PENDING_REGISTRATIONS>['pendingRegistrations']['edges'][number]['node'];
  agencyName: (code: string | null) => string;
  onDecided: () => void;
}) {
  const [reason, setReason] = useState('');
  const m = useAction(DECIDE_REGISTRATION, onDecided);
  const r = account.registration!;
  const decide = (approve: boolean) =>
    void m.run(
      { accountId: account.id, approve, reason },
      approve ? `Pendaftaran ${account.displayName} dikonfirmasi.` : `Pendaftaran ${account.displayName} ditolak.`,
    );
  return (
    <ActionForm label={`Pendaftaran ${account.displayName}`} className="form card" onSubmit={() => decide(true)}>
      <h3>{account.displayName}</h3>
      <dl className="summary">
        <dt>NIP</dt>
        <dd>{r.nip}</dd>
        <dt>Tanggal lahir</dt>
        <dd>{formatDate(r.birthDate)}</dd>
        <dt>Surel</dt>
        <dd>{account.email}</dd>
        <dt>Data ASN</dt>
        <dd>{r.profileId ? `ditemukan (${agencyName(r.agencyCode)})` : 'belum ada data ASN dengan NIP ini'}</dd>
      </dl>
      <Field
        id={`reg-${account.id}-reason`}
        label="Alasan"
        hint="Minimal 5 karakter; dicatat"
        apiField="reason"
        error={m.error}
      >
        {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <Outcome error={m.error && m.error.field !== 'reason' ? m.error : null} done={m.done} />
      <div className="toolbar">
        <Button type="submit" pending={m.pending}>
          Konfirmasi
        </Button>
        <Button type="button" kind="danger" pending={m.pending} onClick={() => decide(false)}>
          Tolak
        </Button>
      </div>
    </ActionForm>
  );
}
