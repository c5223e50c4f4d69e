/**
 * Issue 16 in Debian's Chromium against the embedded stack started as `npm start` starts it (demo agency KALTIM,
 * Pemerintah Provinsi Kalimantan Timur): the national administrator keeps the province's pilkada schedule on
 * "Masa pilkada" (/kelola/pilkada) so that today falls in a window; an open selection in training mode is carried
 * to the PPK's choice through GraphQL (the long steps); then, in the browser, the PPK's choice is refused with the
 * Indonesian message until the secretariat records the Home Affairs Minister's permission on the dashboard, and is
 * accepted after.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addCalendarDays, localDateOf } from '@seleksi/domain';
import { DEMO_DOMAIN, DEMO_PASSWORD, startE2eStack, type E2eStack } from './support/stack';
import {
  clearScreens,
  launchChromium,
  newContext,
  screenshot,
  signIn,
  textOf,
  waitForPageState,
} from './support/browser';
import {
  applyWithPdfs,
  DEMO_CANDIDATES,
  DEMO_OVERSEER,
  DEMO_ROUND_PANSEL,
  DEMO_ROUND_USERS,
  DEMO_SECRETARY,
  gqlGivingUp,
} from '../support/demo-round';
import { must, SelectionDriver } from '../support/selection-driver';

// A browser round has no queue of applications: a short late-receipt grace keeps it quick.
process.env.LATE_RECEIPT_GRACE_SECONDS ??= '10';

const today = () => localDateOf(new Date(), 'WITA');
const PPK = 'user-ppk';
const PANSEL = [1, 2, 3, 4, 5].map((n) => `user-pansel-${n}`);
const POSITION = 'Kepala Dinas Komunikasi dan Informatika';
const UNIT = 'Dinas Komunikasi dan Informatika';
const LETTER = '100.2.2.6/123/OTDA';

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;
let d: SelectionDriver;

beforeAll(async () => {
  clearScreens(/^8\d-/);
  stack = await startE2eStack('oversight-routes');
  consoleLog = join(stack.artifactDir, 'browser-console.log');
  browser = await launchChromium();
  d = await SelectionDriver.signInExisting(
    { gql: gqlGivingUp(stack.url, 60_000) },
    [
      ...DEMO_ROUND_USERS,
      { id: PPK, email: `ppk@${DEMO_DOMAIN}` },
      ...PANSEL.map((id, i) => ({ id, email: `pansel${i + 1}@${DEMO_DOMAIN}` })),
    ],
    DEMO_PASSWORD,
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

let opened: BrowserContext[] = [];
async function as(user: string): Promise<Page> {
  const { context, page } = await newContext(browser, stack.url, consoleLog, { label: user });
  opened.push(context);
  await signIn(page, user);
  return page;
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    for (const [i, page] of opened.flatMap((c) => c.pages()).entries()) {
      const file = join(stack.artifactDir, `failed-oversight-routes-${i + 1}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`[e2e] failed at ${page.url()} → ${file}`);
    }
  }
  await Promise.all(opened.map((c) => c.close()));
  opened = [];
});

/** The demo round through GraphQL to the PPK's choice: four eligible applicants, scored best first. */
async function roundAtAppointmentChoice(title: string): Promise<string> {
  // No field of expertise on the vacancy (the demo candidates' careers differ in theirs): all four qualify.
  const { selectionId: s, vacancyId } = await d.openTrainingRound(
    { secretary: DEMO_SECRETARY, overseer: DEMO_OVERSEER },
    DEMO_ROUND_PANSEL,
    {
      title,
      announcementDate: today(),
      vacancy: { position: POSITION, unit: UNIT },
      secondsPerDay: 2,
      rules: {
        registrationDays: 3,
        minApplicantsPerVacancy: 3,
        overseerEra: 'KASN',
        overseerDecisionWorkingDays: 30,
      },
    },
  );
  const ids = await Promise.all(DEMO_CANDIDATES.map((c) => applyWithPdfs(d, stack.url, c, vacancyId)));
  const scores = new Map(ids.map((a, i) => [a, 90 - 4 * i]));
  await d.waitFor(
    DEMO_SECRETARY,
    s,
    (p) => p.stage === 'ADMINISTRATIVE_SCREENING' && p.applications.every((a) => a.eligible !== null),
    180_000,
  );
  must(await d.publishScreening(DEMO_SECRETARY, s));
  await d.waitForStage(DEMO_SECRETARY, s, 'COMPETENCY_ASSESSMENT', 180_000);
  await d.assessAll(DEMO_SECRETARY, s, scores, today());
  must(await d.completeStage(DEMO_SECRETARY, s, 'COMPETENCY_ASSESSMENT'));
  await d.waitForStage(DEMO_SECRETARY, s, 'INTERVIEW', 180_000);
  await d.interviewAll(s, PANSEL, scores);
  must(await d.completeStage(DEMO_SECRETARY, s, 'INTERVIEW'));
  await d.waitForStage(DEMO_SECRETARY, s, 'TRACK_RECORD', 180_000);
  await d.trackRecordAll(DEMO_SECRETARY, s, scores);
  must(await d.completeStage(DEMO_SECRETARY, s, 'TRACK_RECORD'));
  await d.waitForStage(DEMO_SECRETARY, s, 'OVERSEER_RECOMMENDATION', 180_000);
  must(
    await d.overseerDecision(DEMO_OVERSEER, s, {
      subject: 'RESULT',
      verdict: 'APPROVE',
      reason: 'Hasil seleksi sesuai ketentuan',
    }),
  );
  await d.waitForStage(DEMO_SECRETARY, s, 'APPOINTMENT_CHOICE', 180_000);
  return s;
}

async function stageIs(page: Page, text: string): Promise<void> {
  const summary = page.locator('dl.summary');
  await waitForPageState(page, `stage "${text}"`, async () => (await textOf(summary)).includes(text));
}

describe('pilkada windows in the portal', () => {
  it(
    'the administrator keeps the schedule; the PPK’s choice waits for the Minister’s permission, then goes through',
    { timeout: 900_000 },
    async () => {
      // The administrator enters the province's schedule: candidate pairs determined in 30 days, so the window
      // (six months before that, to the end of the term) holds today.
      const admin = await as('admin');
      await admin.goto('/kelola/pilkada');
      const form = admin.getByRole('form', { name: 'Jadwal pilkada daerah' });
      await form.getByLabel('Jenis daerah').selectOption('PROVINSI');
      await form.getByLabel('Nama daerah').fill('Kalimantan Timur');
      await form
        .getByLabel('Jadwal pilkada')
        .fill(`Pilkada serentak (uji e2e) | ${addCalendarDays(today(), 30)} | ${addCalendarDays(today(), 180)} |`);
      await form.getByLabel('Alasan perubahan').fill('Jadwal dari keputusan KPU Provinsi Kalimantan Timur');
      await form.getByRole('button', { name: 'Simpan jadwal' }).click();
      await form.getByText('Jadwal pilkada disimpan.').waitFor({ timeout: 60_000 });
      await screenshot(admin, '80-masa-pilkada');

      const s = await roundAtAppointmentChoice(`Seleksi Uji Masa Pilkada ${Date.now()}`);
      // The windows are resolved as the step opens.
      await expect
        .poll(
          async () =>
            must(
              await d.gql<{ selectionProcess: { electionWindows: unknown[] | null } }>(
                DEMO_SECRETARY,
                'query($id: ID!) { selectionProcess(selectionId: $id) { electionWindows { from } } }',
                { id: s },
              ),
            ).selectionProcess.electionWindows?.length ?? 0,
          { timeout: 120_000, interval: 1_000 },
        )
        .toBe(1);
      const dashboard = `/kelola/seleksi/${encodeURIComponent(s)}`;

      // The PPK chooses rank 1: refused, in Bahasa Indonesia, and nothing is chosen.
      const ppk = await as('ppk');
      await ppk.goto(dashboard);
      const choice = ppk.getByRole('form', { name: `Pilihan PPK ${POSITION}` });
      await choice.getByRole('radio', { name: /^1\. / }).check();
      await choice.getByRole('button', { name: 'Tetapkan pilihan' }).click();
      await choice.getByText('pengangkatan memerlukan izin tertulis Menteri Dalam Negeri').waitFor({ timeout: 60_000 });
      expect(await textOf(choice)).toContain('Pilkada serentak (uji e2e)');
      await screenshot(ppk, '81-pilihan-ppk-ditolak');
      await stageIs(ppk, 'Pemilihan oleh PPK');

      // The secretariat records the permission on the dashboard.
      const sec = await as('sekretariat');
      await sec.goto(dashboard);
      await sec.getByText('Izin Menteri Dalam Negeri (masa pilkada)').click();
      const permit = sec.getByRole('form', { name: 'Izin Menteri Dalam Negeri' });
      expect(await textOf(permit.getByRole('list', { name: 'Masa pilkada daerah' }))).toContain(
        'Pilkada serentak (uji e2e)',
      );
      await permit.getByLabel('Nomor surat izin').fill(LETTER);
      await permit.getByLabel('Lingkup izin').fill(POSITION);
      await permit.getByLabel('Keterangan').fill('Surat izin Menteri Dalam Negeri diterima');
      await permit.getByRole('button', { name: 'Catat izin' }).click();
      await sec.getByText(`Izin Menteri Dalam Negeri tercatat: ${LETTER}`).waitFor({ timeout: 60_000 });

      // The PPK chooses again: accepted (the form goes with the stage; the notice stays), and the round goes on
      // to the inauguration.
      await ppk.reload();
      await choice.getByRole('radio', { name: /^1\. / }).check();
      await choice.getByRole('button', { name: 'Tetapkan pilihan' }).click();
      await ppk.getByText(`Pilihan untuk ${POSITION} ditetapkan.`).waitFor({ timeout: 60_000 });
      await d.waitForStage(DEMO_SECRETARY, s, 'INAUGURATION', 180_000);
      await screenshot(ppk, '82-pilihan-ppk-diterima');
    },
  );

  it(
    'an undersubscribed vacancy re-announced from the dashboard: the new round is linked both ways',
    { timeout: 600_000 },
    async () => {
      // One applicant where three are needed, no extension: the vacancy waits for the Pansel's decision.
      const title = `Seleksi Uji Pengumuman Ulang ${Date.now()}`;
      const { selectionId: s, vacancyId } = await d.openTrainingRound(
        { secretary: DEMO_SECRETARY, overseer: DEMO_OVERSEER },
        DEMO_ROUND_PANSEL,
        {
          title,
          announcementDate: today(),
          vacancy: { position: POSITION, unit: UNIT },
          secondsPerDay: 2,
          rules: {
            registrationDays: 2,
            minApplicantsPerVacancy: 3,
            extensionMaxTimes: 0,
            overseerEra: 'KASN',
            overseerDecisionWorkingDays: 30,
          },
        },
      );
      await applyWithPdfs(d, stack.url, DEMO_CANDIDATES[0]!, vacancyId);
      await d.waitFor(
        DEMO_SECRETARY,
        s,
        (p) => p.vacancies.every((v) => v.pendingDecision === 'TOO_FEW_APPLICANTS'),
        180_000,
      );

      // The secretariat re-announces it from the dashboard.
      const sec = await as('sekretariat');
      await sec.goto(`/kelola/seleksi/${encodeURIComponent(s)}`);
      const decide = sec.getByRole('form', { name: `Keputusan lowongan ${POSITION}` });
      await decide.getByLabel('Keputusan').selectOption('REANNOUNCE');
      await decide.getByLabel('Alasan').fill('Pelamar kurang dari 3 orang; diumumkan ulang dalam seleksi baru');
      await decide.getByRole('button', { name: 'Simpan keputusan' }).click();
      // The form goes once the vacancy is decided; the notice stays on the page.
      await sec.getByText('Keputusan atas lowongan disimpan.').waitFor({ timeout: 60_000 });

      // The old round links to the new one once the new round's workflow has written it…
      const links = sec.getByRole('list', { name: 'Pengumuman ulang' });
      const forward = links.getByRole('link', { name: /Pengumuman Ulang/ });
      await waitForPageState(sec, 'the link to the new round', async () => (await forward.count()) === 1, {
        timeoutMs: 180_000,
      });
      expect(await textOf(links)).toContain(`Lowongan ${POSITION} diumumkan ulang`);
      await screenshot(sec, '83-lowongan-diumumkan-ulang');

      // …and the new round links back.
      await forward.click();
      await sec.waitForURL((url) => !url.pathname.endsWith(encodeURIComponent(s)));
      const back = sec.getByRole('list', { name: 'Pengumuman ulang' }).getByRole('link', { name: title, exact: true });
      await waitForPageState(sec, 'the link back to the earlier round', async () => (await back.count()) === 1, {
        timeoutMs: 120_000,
      });
      expect(await textOf(sec.getByRole('list', { name: 'Pengumuman ulang' }))).toContain('Pengumuman ulang dari');
      await screenshot(sec, '84-seleksi-pengumuman-ulang');
      await back.click();
      await sec.waitForURL((url) => url.pathname.endsWith(encodeURIComponent(s)));
    },
  );
});
