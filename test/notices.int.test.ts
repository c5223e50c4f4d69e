/**
 * Notices through the outbox, on the real stack and a real SMTP server: a Mailpit of this file's own
 * (started late, to show a failing SMTP server first), read through Mailpit's HTTP API. One training-mode
 * round: the overseer is told a plan waits for them, candidates get "lamaran diterima" exactly once
 * (also when the enqueue is repeated as a retried activity would), an opted-out non-essential notice is
 * skipped while the essential screening result still arrives.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateOf, type ProfileDto } from '@seleksi/domain';
import { freePort, mailpitArgs, spawnLogged, waitForMailpit, type ManagedProcess } from '@seleksi/dev';
import { eventually, startStack, type Stack } from './support/stack';
import { eligibleProfile, testAgency, testPansel, RECENT_SKP_YEARS } from './support/fixtures';
import { must, expectError, SelectionDriver, testUser, type TestUser } from './support/selection-driver';

const AGENCY = testAgency('NTPROV');
const PASSWORD = 'rahasia-uji-123';
const PANSEL = testPansel('nt');
const SECRETARY = 'nt-sec';
const OVERSEER = 'nt-overseer';
const ADMIN = 'nt-admin';
const cand = (n: number) => `nt-cand-${n}`;
const asn = (n: number) => `nt-asn-${n}`;
const emailOf = (id: string) => `${id}@uji.test`;

function profile(n: number): ProfileDto {
  const p = eligibleProfile(asn(n), AGENCY.code, 40 + n, n === 3 ? { lhkpnFiled: false } : {});
  return {
    ...p,
    careers: p.careers.map((c) => ({ ...c, fields: ['Pendidikan'] })),
    skp: RECENT_SKP_YEARS.map((year) => ({ year, predicate: 'BAIK' as const })),
  };
}

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(ADMIN, 'ADMIN', null),
  ...PANSEL.map((m) => testUser(m.userId, 'PANSEL_MEMBER', null)),
  ...[1, 2, 3, 4, 5].map((n) => testUser(cand(n), 'CANDIDATE', AGENCY.code, asn(n))),
];

interface MailSummary {
  ID: string;
  Subject: string;
  To: { Address: string }[];
  Bcc: { Address: string }[] | null;
}

let stack: Stack;
let d: SelectionDriver;
let smtpPort: number;
let uiPort: number;
let mailpit: ManagedProcess | undefined;
let mailpitUrl: string;

async function startMailpit(): Promise<void> {
  mailpit = spawnLogged({
    name: 'mailpit-notices',
    command: inject('mailpitPath'),
    args: mailpitArgs({ smtpPort, uiPort }),
    logFile: 'test/artifacts/logs/mailpit-notices.log',
  });
  await waitForMailpit({ smtpPort, uiPort, process: mailpit });
}

/** Mails Mailpit holds for `address` (To or Bcc), newest first. */
async function mailsTo(address: string): Promise<MailSummary[]> {
  const res = await fetch(`${mailpitUrl}/api/v1/messages?limit=500`);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => [...m.To, ...(m.Bcc ?? [])].some((t) => t.Address === address));
}

async function mailText(id: string): Promise<{ Text: string; HTML: string; Subject: string }> {
  return (await (await fetch(`${mailpitUrl}/api/v1/message/${id}`)).json()) as {
    Text: string;
    HTML: string;
    Subject: string;
  };
}

/** Waits for a mail to `address` whose subject matches. */
function waitForMail(address: string, subject: RegExp): Promise<MailSummary> {
  return eventually(async () => (await mailsTo(address)).find((m) => subject.test(m.Subject)), 90_000);
}

interface AdminNotice {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  recipientRole: string;
}

async function adminNotices(status: string[]): Promise<AdminNotice[]> {
  const r = await d.gql<{ notices: AdminNotice[] }>(
    ADMIN,
    'query($s: [NoticeStatus!]) { notices(status: $s, first: 500) { id kind status attempts lastError recipientRole } }',
    { s: status },
  );
  return must(r).notices;
}

beforeAll(async () => {
  smtpPort = await freePort();
  uiPort = await freePort();
  mailpitUrl = `http://127.0.0.1:${uiPort}`;
  stack = await startStack({
    temporalAddress: inject('temporalAddress'),
    mongoUri: inject('mongoUri'),
    name: 'notices',
    gateway: {
      // Nothing listens there yet: the first sends fail.
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      NOTICE_POLL_MS: '200',
      NOTICE_RETRY_BASE_MS: '300',
      NOTICE_RETRY_MAX_MS: '1000',
      NOTICE_MAX_ATTEMPTS: '1000',
    },
  });
  await stack.clients.candidate.upsertAgency(AGENCY);
  for (let n = 1; n <= 5; n++) await stack.clients.candidate.upsertProfile(profile(n));
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
});

afterAll(async () => {
  await stack?.close();
  await mailpit?.stop();
});

describe('notices', () => {
  it(
    'survive a failing SMTP server, reach each person once, and respect opt-outs except for essential ones',
    { timeout: 300_000 },
    async () => {
      // Preferences: a non-essential kind can be turned off, an essential one cannot.
      expectError(
        await d.gql(cand(3), 'mutation { setNoticePreferences(disabled: [SCREENING_RESULT]) { kind enabled } }'),
        'VALIDATION_FAILED',
        'disabled',
      );
      const prefs = must(
        await d.gql<{ setNoticePreferences: { kind: string; enabled: boolean; essential: boolean }[] }>(
          cand(3),
          'mutation { setNoticePreferences(disabled: [APPLICATION_RECEIVED]) { kind enabled essential } }',
        ),
      ).setNoticePreferences;
      expect(prefs.find((p) => p.kind === 'APPLICATION_RECEIVED')).toMatchObject({ enabled: false, essential: false });
      expect(prefs.find((p) => p.kind === 'SCREENING_RESULT')).toMatchObject({ enabled: true, essential: true });
      expectError(await d.gql(cand(1), '{ notices { id } }'), 'FORBIDDEN');

      const { selectionId: id, vacancyId } = await d.openTrainingRound(
        { secretary: SECRETARY, overseer: OVERSEER },
        PANSEL,
        {
          title: 'Seleksi Terbuka JPT Pratama Provinsi Uji Notifikasi',
          announcementDate: localDateOf(new Date(), AGENCY.timeZone),
          vacancy: { position: 'Kepala Dinas Pendidikan', unit: 'Dinas Pendidikan', field: 'Pendidikan' },
          secondsPerDay: 2,
          rules: {
            registrationDays: 3,
            extensionDays: 1,
            extensionMaxTimes: 1,
            objectionWorkingDays: 1,
            overseerEra: 'KASN',
            overseerDecisionWorkingDays: 30,
          },
        },
      );

      // SMTP down: the plan's "decision waiting" notice stays pending, its attempts and error visible to ADMIN.
      const failing = await eventually(async () => {
        const pending = await adminNotices(['PENDING']);
        return pending.find((n) => n.kind === 'DECISION_WAITING' && n.attempts >= 2 && n.lastError);
      });
      expect(failing.recipientRole).toBe('OVERSEER');
      expect(failing.lastError).toMatch(/ECONNREFUSED|ESOCKET|connect/i);
      expect(failing.lastError).not.toMatch(/@/);
      expect(await adminNotices(['SENT'])).toEqual([]);

      // SMTP back: delivered once, and the outbox says so.
      await startMailpit();
      const waiting = await waitForMail(emailOf(OVERSEER), /Menunggu persetujuan Anda/);
      expect((await mailText(waiting.ID)).Text).toMatch(/Rencana seleksi .* menunggu persetujuan Anda/);
      await eventually(async () => (await adminNotices(['SENT'])).find((n) => n.id === failing.id));

      // Registration: five candidates through GraphQL; #3 turned "lamaran diterima" off.
      const ids = await d.applyAll([1, 2, 3, 4, 5].map((n) => [cand(n), vacancyId] as [string, string]));
      const received = await waitForMail(emailOf(cand(1)), /^Lamaran diterima/);
      const mail = await mailText(received.ID);
      expect(mail.Subject).toBe('Lamaran diterima: Kepala Dinas Pendidikan');
      expect(mail.Text).toMatch(/Yth\. Pengguna nt-cand-1,/);
      expect(mail.Text).toMatch(/telah diterima server pada \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2}\.\d{2} WITA/);
      expect(mail.HTML).toMatch(/<p>Lamaran Anda untuk jabatan Kepala Dinas Pendidikan/);

      // The activity retried / the enqueue repeated: the same application and its first entry again.
      const app1 = (await stack.clients.candidate.getApplication(ids[0]!))!;
      await stack.clients.candidate.createApplication({
        id: app1.id,
        selectionId: app1.selectionId,
        vacancyId: app1.vacancyId,
        candidateId: app1.candidateId,
        submittedAt: app1.submittedAt,
      });
      await stack.clients.candidate.appendTimeline(app1.id, app1.timeline[0]!);
      // Everyone else's receipt arrives (the outbox is sent in order), and #3's is skipped...
      for (const n of [2, 4, 5]) await waitForMail(emailOf(cand(n)), /^Lamaran diterima/);
      await eventually(async () => (await adminNotices(['SKIPPED'])).find((n) => n.kind === 'APPLICATION_RECEIVED'));
      // ...while #1 still has exactly one.
      expect((await mailsTo(emailOf(cand(1)))).filter((m) => /^Lamaran diterima/.test(m.Subject))).toHaveLength(1);

      // Screening published: the essential result reaches #3 too (TMS, with the reason), but no receipt did.
      await d.waitFor(
        SECRETARY,
        id,
        (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
        120_000,
      );
      must(await d.publishScreening(SECRETARY, id));
      const tms = await waitForMail(emailOf(cand(3)), /^Hasil seleksi administrasi: TMS/);
      expect((await mailText(tms.ID)).Text).toMatch(/Tidak Memenuhi Syarat \(TMS\)[\s\S]*- .*LHKPN/);
      const ms = await waitForMail(emailOf(cand(1)), /^Hasil seleksi administrasi: MS/);
      expect((await mailText(ms.ID)).Text).toMatch(/Memenuhi Syarat \(MS\)/);
      expect((await mailsTo(emailOf(cand(3)))).filter((m) => /^Lamaran diterima/.test(m.Subject))).toEqual([]);
    },
  );

  it('mails an invitation link once, which then sets the password, and forgets the link once sent', async () => {
    const email = 'sekretaris-baru@uji.test';
    const invited = must(
      await d.gql<{ inviteAccount: { link: string } }>(
        ADMIN,
        'mutation($i: InviteAccountInput!) { inviteAccount(input: $i) { link } }',
        { i: { email, displayName: 'Sekretaris Baru', role: 'PANSEL_SECRETARY', agencyCode: AGENCY.code } },
      ),
    ).inviteAccount;
    const summary = await waitForMail(email, /^Undangan akun Seleksi JPT/);
    const mail = await mailText(summary.ID);
    expect(mail.Text).toMatch(/Yth\. Sekretaris Baru,/);
    expect(mail.Text).toContain(invited.link);
    expect(mail.Text).toMatch(/berlaku sampai \d{1,2} \w+ \d{4} pukul .* WIB/);
    const conn = await mongoose.createConnection(inject('mongoUri'), { dbName: `${stack.prefix}_gateway` }).asPromise();
    try {
      const notices = conn.collection('account_notices');
      await eventually(async () => (await notices.findOne({ link: null, sentAt: { $ne: null } })) ?? undefined);
      expect(await notices.countDocuments({ link: invited.link })).toBe(0);
    } finally {
      await conn.close();
    }
    const token = invited.link.split('#')[1]!;
    const signedIn = must(
      await d.gql<{ setPasswordWithLink: { user: { email: string } } }>(
        null,
        'mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) { user { email } } }',
        { t: token, p: 'kata-sandi-baru-123' },
      ),
    ).setPasswordWithLink;
    expect(signedIn.user.email).toBe(email);
    // One mail, however many notifier rounds ran meanwhile.
    expect((await mailsTo(email)).filter((m) => /^Undangan/.test(m.Subject))).toHaveLength(1);
  });
});
