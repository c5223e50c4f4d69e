/**
 * One whole open selection carried from the browser, by each role in turn, on the embedded stack
 * started as `npm start` starts it (demo data: agency KALTIM, its secretariat, five Pansel members, the
 * PPK, the overseer and eight ASN candidates). The round runs in training mode (a day lasts
 * SECONDS_PER_DAY seconds), so registration and the objection windows close by their timers within
 * seconds. Everything is done through the portal's pages, found by accessible names; states the server
 * reaches on its own are awaited by reloading the page.
 *
 * The secretary schedules the competency assessment in the portal; an eligible candidate reads the schedule on
 * their application page and finds the invitation in the stack's Mailpit.
 *
 * Each step is its own test (in order, sharing the round): a failing step fails the ones after it at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { ARTIFACTS, startE2eStack, type E2eStack } from './support/stack';
import {
  clearScreens,
  newContext,
  partScreenshot,
  phoneScreenshot,
  screenshot,
  signedInContext,
  textOf,
  waitForPageState,
  launchChromium,
  type RoleContext,
} from './support/browser';
import { mailTo } from './support/mailpit';
import { writeTinyPdf } from './support/pdf';

// A browser round has no queue of applications: a short late-receipt grace keeps it quick.
process.env.LATE_RECEIPT_GRACE_SECONDS ??= '10';

const SECONDS_PER_DAY = 4;
const REGISTRATION_DAYS = 8;
const POSITION = 'Kepala Dinas Komunikasi dan Informatika';
const UNIT = 'Dinas Komunikasi dan Informatika';
const TITLE = `Seleksi Terbuka JPT Pratama Uji E2E ${new Date().toISOString().slice(0, 16).replace(/\D/g, '')}`;

/** The demo Pansel (infra/dev/src/demo-data.ts): account, account id, name, institution, from the agency itself. */
const PANSEL = [
  {
    user: 'pansel1',
    id: 'user-pansel-1',
    name: 'Prof. Dr. Aminah Sari, M.Si.',
    inst: 'Universitas Mulawarman',
    internal: false,
  },
  {
    user: 'pansel2',
    id: 'user-pansel-2',
    name: 'Dr. Bambang Hariyanto, M.Psi., Psikolog',
    inst: 'Himpunan Psikologi Indonesia',
    internal: false,
  },
  {
    user: 'pansel3',
    id: 'user-pansel-3',
    name: 'Dr. Ratna Dewi, S.H., M.H.',
    inst: 'Praktisi Manajemen SDM',
    internal: false,
  },
  {
    user: 'pansel4',
    id: 'user-pansel-4',
    name: 'Dr. Ir. Hendra Gunawan, M.M.',
    inst: 'Sekretariat Daerah Provinsi Kalimantan Timur',
    internal: true,
  },
  {
    user: 'pansel5',
    id: 'user-pansel-5',
    name: 'Drs. Agus Salim, M.AP.',
    inst: 'Sekretariat Daerah Provinsi Kalimantan Timur',
    internal: true,
  },
];

/** Four eligible candidates (base score, best first) and one who fails the requirements (III/d, no LHKPN). */
const CANDIDATES = [
  { user: 'peserta1', name: 'Dr. Ir. Muhammad Ridwan Syahputra, M.Si.', base: 90 },
  { user: 'peserta2', name: 'Siti Rahmawati Nasution, S.E., M.M.', base: 86 },
  { user: 'peserta3', name: 'Andi Baso Patiroi, S.T., M.T.', base: 82 },
  { user: 'peserta4', name: 'Yohana Paulina Manurung, S.H., M.H.', base: 78 },
];
const INELIGIBLE = { user: 'peserta7', name: 'Nurul Hidayah Lubis, S.Pd., M.Pd.' };

/** Where and how the competency assessment takes place (the secretary's schedule). */
const PLACE = 'Gedung UPT Penilaian Kompetensi, Jl. Basuki Rahmat No. 41, Samarinda';
const NOTES = 'Berpakaian dinas harian; hadir 30 menit sebelum mulai';

/** Stage names as the portal shows them (portal/src/components/ui.tsx STAGE_NAMES), in the order of the process. */
const STAGE = {
  PLANNED: 'Perencanaan',
  PLAN_APPROVAL: 'Menunggu persetujuan rencana',
  REGISTRATION_OPEN: 'Pendaftaran dibuka',
  REGISTRATION_EXTENDED: 'Pendaftaran diperpanjang',
  REGISTRATION_CLOSED: 'Pendaftaran ditutup',
  ADMINISTRATIVE_SCREENING: 'Seleksi administrasi',
  ADMINISTRATIVE_OBJECTIONS: 'Masa sanggah administrasi',
  COMPETENCY_ASSESSMENT: 'Penilaian kompetensi',
  INTERVIEW: 'Wawancara',
  TRACK_RECORD: 'Penelusuran rekam jejak',
  FINAL_RANKING: 'Pemeringkatan akhir',
  FINAL_OBJECTIONS: 'Masa sanggah hasil akhir',
  REPORTED_TO_PPK: 'Dilaporkan ke PPK',
  OVERSEER_RECOMMENDATION: 'Menunggu rekomendasi pengawas',
  APPOINTMENT_CHOICE: 'Pemilihan oleh PPK',
  DECREE: 'Penetapan keputusan',
  INAUGURATION: 'Pelantikan',
  COMPLETED: 'Selesai',
} as const;

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;
let selectionId = '';
let secretary: RoleContext;
const timings: string[] = [];

beforeAll(async () => {
  clearScreens(/^[23]\d-/);
  stack = await startE2eStack('selection');
  console.log(
    `[e2e] stack ready in ${stack.startSeconds.toFixed(1)} s (bootstrap ${stack.bootstrapSeconds.toFixed(1)} s)`,
  );
  consoleLog = join(stack.artifactDir, 'browser-console.log');
  browser = await launchChromium();
});

afterAll(async () => {
  if (timings.length) console.log(`[e2e] step timings:\n  ${timings.join('\n  ')}`);
  await browser?.close();
  await stack?.stop();
});

/** Steps share one round: once a step fails, the next ones fail at once instead of timing out. */
let broken: string | null = null;
function step(name: string, run: () => Promise<void>, timeout = 180_000): void {
  it(name, { timeout }, async () => {
    if (broken) throw new Error(`skipped: the earlier step "${broken}" failed`);
    const t = Date.now();
    try {
      await run();
    } catch (err) {
      broken = name;
      await failureScreens(name);
      throw err;
    } finally {
      timings.push(`${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s  ${name}`);
    }
  });
}

/** Every open page as it was when a step failed: test/artifacts/e2e/selection/failed-<n>.png */
async function failureScreens(stepName: string): Promise<void> {
  const pages = browser.contexts().flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    const file = join(stack.artifactDir, `failed-${i + 1}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.log(`[e2e] step "${stepName}" failed; ${page.url()} → ${file}`);
  }
}

const login = (user: string) => signedInContext(browser, stack.url, consoleLog, user);

/** Follows a link of the header's main menu. */
async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true }).click();
}

/** Opens the round's dashboard from a list page of the menu (its link is the round's title). */
async function openFromMenu(page: Page, menuItem: string): Promise<void> {
  await menu(page, menuItem);
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor();
}

/** The stage as the dashboard's summary shows it. */
function stageOf(page: Page): Promise<string> {
  return textOf(page.locator('main dl.summary dd strong').first());
}

const ORDER: string[] = Object.values(STAGE);

/**
 * Reloads the dashboard until it shows `stage` or a later one (timers and workflow steps run on the
 * server; a short window such as an objection period may be over before the page looks).
 */
async function waitForStage(page: Page, stage: string, timeoutMs = 120_000): Promise<void> {
  const target = ORDER.indexOf(stage);
  if (target < 0) throw new Error(`unknown stage name ${stage}`);
  await waitForPageState(
    page,
    `stage "${stage}"`,
    async () => {
      await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor({ timeout: 10_000 });
      return ORDER.indexOf(await stageOf(page)) >= target;
    },
    { timeoutMs },
  );
}

/**
 * Submits a form (role=form, by its accessible name) and waits for its success message, which the page
 * shows in the form or, when the form goes away with the step it served, next to where it was. A
 * refusal (role=alert in the form) fails with the gateway's message.
 */
async function submitForm(form: Locator, button: string, success: string | RegExp): Promise<void> {
  const page = form.page();
  await form.getByRole('button', { name: button }).click();
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await form.getByRole('alert').count()) > 0) {
      throw new Error(`"${button}" refused: ${await textOf(form.getByRole('alert').first())}`);
    }
    if ((await page.getByRole('status').filter({ hasText: success }).count()) > 0) return;
    if ((await form.count()) === 0) return; // consumed: the page moved on to the next step
    if (Date.now() > deadline) throw new Error(`no answer to "${button}" after 30 s`);
    await page.waitForTimeout(100);
  }
}

/**
 * Clicks a stand-alone button of the dashboard and waits for its success message, or for the button to
 * go away with the step it closed; a new alert on the page fails with its message.
 */
async function clickAction(page: Page, button: string, success: string | RegExp): Promise<void> {
  const target = page.getByRole('button', { name: button });
  const alerts = page.getByRole('alert');
  const before = await alerts.count();
  await target.click();
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await alerts.count()) > before) throw new Error(`"${button}" refused: ${await textOf(alerts.last())}`);
    if ((await page.getByRole('status').filter({ hasText: success }).count()) > 0) return;
    if ((await target.count()) === 0) return;
    if (Date.now() > deadline) throw new Error(`no answer to "${button}" after 30 s`);
    await page.waitForTimeout(100);
  }
}

describe('a whole open selection from the browser', () => {
  step('the secretary plans a round in training mode', async () => {
    secretary = await login('sekretariat');
    const page = secretary.page;
    await menu(page, 'Buat seleksi');
    await page.getByRole('heading', { level: 1, name: 'Buat seleksi baru' }).waitFor();
    const form = page.getByRole('form', { name: 'Rencana seleksi' });
    await form.getByLabel('Judul seleksi').fill(TITLE);
    await form.getByLabel('Jenjang lowongan 1').selectOption('PRATAMA');
    await form.getByLabel('Nama jabatan lowongan 1').fill(POSITION);
    await form.getByLabel('Unit kerja lowongan 1').fill(UNIT);
    await form.getByLabel('Lama pendaftaran (hari)').fill(String(REGISTRATION_DAYS));
    await form.getByLabel('Jenis hari pendaftaran').selectOption('CALENDAR');
    await form.getByLabel('Minimal pelamar per lowongan').fill('4');
    await form.getByLabel('Masa sanggah (hari kerja)').fill('1');
    // KASN era: no approval by silence, so the overseer's verdicts are the ones given here.
    await form.getByLabel('Era pengawas').selectOption('KASN');
    await form.getByLabel('Lingkup pendaftar').selectOption('PROVINCE');
    await form.getByLabel('Mode latihan (simulasi)').check();
    await form.getByLabel('Detik per hari (mode latihan)').fill(String(SECONDS_PER_DAY));
    await screenshot(page, '20-buat-seleksi');
    await form.getByRole('button', { name: 'Buat seleksi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor();
    selectionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    console.log(`[e2e] round ${selectionId}: ${TITLE}`);
    await waitForStage(page, STAGE.PLANNED, 30_000);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(TITLE);
  });

  step('the secretary sets the Pansel and submits the plan', async () => {
    const page = secretary.page;
    const form = page.getByRole('form', { name: 'Susunan Pansel' });
    await form.waitFor();
    for (let n = 1; n <= PANSEL.length; n++) {
      if ((await form.getByLabel(`Akun anggota ${n}`, { exact: true }).count()) === 0) {
        await form.getByRole('button', { name: 'Tambah anggota' }).click();
      }
      const m = PANSEL[n - 1]!;
      // Picked from the agency's Pansel-member accounts (panselCandidates), not typed.
      await form.getByLabel(`Akun anggota ${n}`, { exact: true }).selectOption(m.id);
      await form.getByLabel(`Nama anggota ${n}`, { exact: true }).fill(m.name);
      await form.getByLabel(`Instansi anggota ${n}`, { exact: true }).fill(m.inst);
      await form.getByLabel(`Peran anggota ${n}`, { exact: true }).selectOption(n === 1 ? 'CHAIR' : 'MEMBER');
      await form.getByLabel(`Anggota ${n} dari instansi sendiri`, { exact: true }).setChecked(m.internal);
    }
    await form.getByLabel('Nomor keputusan pembentukan Pansel').fill('800.1.2.2/101/BKD/2026');
    await screenshot(page, '21-susunan-pansel');
    await submitForm(form, 'Simpan Pansel', 'Susunan Pansel disimpan.');
    await clickAction(page, 'Kirim rencana ke pengawas', 'Rencana seleksi dikirim ke pengawas.');
    await waitForStage(page, STAGE.PLAN_APPROVAL, 30_000);
    const pansel = page.getByRole('region', { name: 'Panitia seleksi', exact: true });
    for (const m of PANSEL) expect(await textOf(pansel)).toContain(m.name);
  });

  let candidates: RoleContext[] = [];

  step('the overseer approves the plan; registration opens', async () => {
    // The candidates sign in meanwhile, so the registration window is spent on applying.
    const signingIn = Promise.all([...CANDIDATES.map((c) => c.user), INELIGIBLE.user].map(login));
    const overseer = await login('pengawas');
    const page = overseer.page;
    await openFromMenu(page, 'Menunggu keputusan');
    const form = page.getByRole('form', { name: 'Keputusan pengawas' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Setujui' }).check();
    await form.getByLabel('Nomor surat').fill('B-2101/KASN/11/2026');
    await form.getByLabel('Alasan').fill('Rencana seleksi sesuai ketentuan dan sistem merit');
    await screenshot(page, '22-pengawas-rencana');
    await submitForm(form, 'Kirim keputusan', 'Keputusan pengawas dicatat.');
    await overseer.context.close();
    candidates = await signingIn;
    await waitForStage(secretary.page, STAGE.REGISTRATION_OPEN, 30_000);
  });

  step('candidates apply with their PDF documents before registration closes', async () => {
    const pdfDir = join(ARTIFACTS, 'e2e', 'selection', 'uploads');
    const apply = async (c: RoleContext, i: number) => {
      const page = c.page;
      const user = c.email.split('@')[0]!;
      await menu(page, 'Lowongan');
      const article = page.getByRole('article', { name: TITLE });
      await article.getByRole('link', { name: `Lamar jabatan ${POSITION}` }).click();
      await page.getByRole('heading', { level: 1, name: `Lamar jabatan ${POSITION}` }).waitFor();
      await page
        .getByLabel('Surat lamaran (wajib)')
        .setInputFiles(writeTinyPdf(pdfDir, `${user}-surat-lamaran.pdf`, `Surat lamaran ${user} untuk ${POSITION}`));
      await page
        .getByLabel('Daftar riwayat hidup (wajib)')
        .setInputFiles(writeTinyPdf(pdfDir, `${user}-riwayat-hidup.pdf`, `Daftar riwayat hidup ${user}`));
      await page
        .getByLabel('Tanda terima LHKPN')
        .setInputFiles(writeTinyPdf(pdfDir, `${user}-lhkpn.pdf`, `Tanda terima LHKPN ${user}`));
      if (i === 0) {
        await screenshot(page, '23-formulir-lamaran');
        await phoneScreenshot(page, '23-formulir-lamaran-360');
      }
      await page.getByRole('button', { name: 'Kirim lamaran' }).click();
      await page.getByRole('status').filter({ hasText: 'telah diterima' }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Lihat lamaran saya' }).click();
      await page.getByRole('heading', { level: 1, name: `Lamaran: ${POSITION}` }).waitFor();
      await page.getByText(`${user}-riwayat-hidup.pdf`).waitFor();
      if (i === 0) await screenshot(page, '24-lamaran-saya');
    };
    await Promise.all(candidates.map((c, i) => apply(c, i)));
    const page = secretary.page;
    const heading = page.getByRole('heading', { level: 2, name: /^Lamaran \(/ });
    await waitForPageState(
      page,
      'five applications on the dashboard',
      async () => (await textOf(heading)) === 'Lamaran (5)',
    );
  });

  step(
    'registration closes by its timer; the secretary reviews the screening and publishes it',
    async () => {
      const page = secretary.page;
      await waitForStage(
        page,
        STAGE.ADMINISTRATIVE_SCREENING,
        (REGISTRATION_DAYS + 4) * SECONDS_PER_DAY * 1000 + 60_000,
      );
      const publish = page.getByRole('button', { name: 'Umumkan hasil seleksi administrasi' });
      await waitForPageState(page, 'every application screened', () => publish.isEnabled());
      // The engine's reasons for the candidate who does not meet the requirements.
      const failed = page.getByRole('list', { name: `Syarat yang tidak dipenuhi ${INELIGIBLE.name}` });
      expect(await textOf(failed)).toMatch(/LHKPN/i);
      await screenshot(page, '25-seleksi-administrasi');
      await clickAction(page, 'Umumkan hasil seleksi administrasi', 'Hasil seleksi administrasi diumumkan');
      await waitForStage(page, STAGE.ADMINISTRATIVE_OBJECTIONS, 30_000);
    },
    (REGISTRATION_DAYS + 4) * SECONDS_PER_DAY * 1000 + 120_000,
  );

  step('the ineligible candidate reads the result with its reasons', async () => {
    const c = candidates[candidates.length - 1]!;
    await menu(c.page, 'Lamaran saya');
    await c.page.getByRole('link', { name: `Rincian lamaran ${POSITION}` }).click();
    await c.page.getByRole('heading', { level: 1, name: `Lamaran: ${POSITION}` }).waitFor();
    await waitForPageState(c.page, 'the TMS result on the application page', async () =>
      /LHKPN/i.test(await textOf(c.page.locator('main'))),
    );
    await screenshot(c.page, '26-lamaran-tms');
    // The first candidate stays signed in (on their application page) to read the assessment's schedule.
    await Promise.all(candidates.slice(1).map((x) => x.context.close()));
  });

  step('the secretary schedules the competency assessment; a candidate reads it and gets the invitation', async () => {
    const page = secretary.page;
    await waitForStage(page, STAGE.COMPETENCY_ASSESSMENT, 60_000);
    const form = page.getByRole('form', { name: 'Jadwal uji kompetensi' });
    // A date before the round's today: the gateway's typed error under "Tanggal".
    await form.getByLabel('Tanggal', { exact: true }).fill('2020-01-06');
    await form.getByLabel('Jam', { exact: true }).fill('08:30');
    await form.getByLabel('Tempat', { exact: true }).fill(PLACE);
    await form.getByLabel('Catatan untuk peserta').fill(NOTES);
    await form.getByRole('button', { name: 'Simpan jadwal' }).click();
    await form.locator('#sch-ca-date-error').filter({ hasText: 'Tanggal tidak boleh sebelum hari ini' }).waitFor();
    expect(await form.getByLabel('Tanggal', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Far ahead: the training clock (a day every few seconds) must not overtake it during the round.
    const date = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Tanggal', { exact: true }).fill(date);
    await submitForm(form, 'Simpan jadwal', /Jadwal uji kompetensi disimpan; undangan dikirim lewat surel kepada 4/);
    // The dashboard reloads itself after the decision: the schedule in force shows without a page reload.
    await page
      .getByRole('region', { name: 'Jadwal uji kompetensi' })
      .getByRole('definition')
      .filter({ hasText: /pukul 08\.30 WITA$/ })
      .waitFor({ timeout: 30_000 });
    await partScreenshot(page.getByRole('region', { name: 'Jadwal uji kompetensi' }), '27-jadwal-uji-kompetensi');

    const c = candidates[0]!;
    const schedule = c.page.getByRole('region', { name: 'Jadwal uji kompetensi' });
    // Live over SSE; a reload (given time to load) when the event was missed.
    await waitForPageState(c.page, 'the schedule on the application page', async () => {
      await schedule.waitFor({ timeout: 10_000 });
      return true;
    });
    const shown = await textOf(schedule);
    expect(shown).toContain('08.30 WITA');
    expect(shown).toContain(PLACE);
    expect(shown).toContain(NOTES);
    await screenshot(c.page, '27-jadwal-di-lamaran');
    const mail = await mailTo(stack, c.email, new RegExp(`^Undangan uji kompetensi: ${escapeRegExp(POSITION)}`));
    expect(mail).toMatch(/pukul 08\.30 WITA/);
    expect(mail).toContain(`Tempat: ${PLACE}`);
    await c.context.close();
  });

  step('the secretary records the competency assessment', async () => {
    const page = secretary.page;
    for (const c of CANDIDATES) {
      const form = page.getByRole('form', { name: `Penilaian kompetensi ${c.name}` });
      await form.getByLabel('Manajerial', { exact: true }).fill(String(c.base));
      await form.getByLabel('Sosial kultural', { exact: true }).fill(String(c.base - 1));
      await form.getByLabel('Makalah', { exact: true }).fill(String(c.base - 2));
      await form.getByLabel('Presentasi', { exact: true }).fill(String(c.base + 1));
      await submitForm(form, 'Simpan nilai', `Nilai ${c.name} disimpan.`);
    }
    await screenshot(page, '27-penilaian-kompetensi');
    await clickAction(page, 'Tutup tahap penilaian kompetensi', 'Tahap ditutup');
    await waitForStage(page, STAGE.INTERVIEW, 30_000);
  });

  step(
    'Pansel members declare conflicts and score the interviews blind',
    async () => {
      const [first, conflicted, ...rest] = PANSEL;
      // Member 1: no conflict with anyone, then scores everyone.
      const m1 = await login(first!.user);
      await openFromMenu(m1.page, 'Seleksi saya');
      for (const c of CANDIDATES) {
        const form = m1.page.getByRole('form', { name: `Konflik kepentingan ${c.name}` });
        await form.getByLabel('Pernyataan').selectOption('false');
        await form.getByLabel('Keterangan').fill('Tidak ada hubungan keluarga, kedinasan atau usaha');
        await submitForm(form, 'Simpan pernyataan', 'Pernyataan disimpan.');
      }
      await scoreAll(m1.page, 0);
      await m1.context.close();

      // Member 2: related to candidate 1, declares it and is recused from scoring them.
      const m2 = await login(conflicted!.user);
      await openFromMenu(m2.page, 'Seleksi saya');
      const coi = m2.page.getByRole('form', { name: `Konflik kepentingan ${CANDIDATES[0]!.name}` });
      await coi.getByLabel('Pernyataan').selectOption('true');
      await coi.getByLabel('Keterangan').fill('Peserta adalah saudara ipar saya');
      await submitForm(coi, 'Simpan pernyataan', 'Pernyataan disimpan.');
      await m2.page.getByText('Anda dikecualikan dari penilaian peserta ini').waitFor();
      expect(await m2.page.getByRole('form', { name: `Nilai wawancara ${CANDIDATES[0]!.name}` }).count()).toBe(0);
      await scoreAll(m2.page, 1, CANDIDATES.slice(1));
      await m2.context.close();

      // Member 3: the others' scores stay hidden until their own is in.
      const m3 = await login(rest[0]!.user);
      await openFromMenu(m3.page, 'Seleksi saya');
      const target = CANDIDATES[1]!;
      const scores = m3.page.getByRole('table', { name: `Nilai wawancara ${target.name}` });
      expect(await scores.count()).toBe(0);
      expect(await textOf(m3.page.locator('main'))).toContain(
        'Nilai anggota lain disembunyikan sampai Anda memberi nilai.',
      );
      await screenshot(m3.page, '28-wawancara-buta');
      await partScreenshot(m3.page.getByRole('region', { name: 'Lembar nilai wawancara' }), '28-wawancara-buta-lembar');
      await scoreAll(m3.page, 2);
      await scores.waitFor();
      expect(await textOf(scores)).toContain(first!.name);
      await screenshot(m3.page, '29-wawancara-setelah-menilai');
      await m3.context.close();

      for (const [i, m] of rest.slice(1).entries()) {
        const ctx = await login(m.user);
        await openFromMenu(ctx.page, 'Seleksi saya');
        await scoreAll(ctx.page, 3 + i);
        await ctx.context.close();
      }

      const page = secretary.page;
      await page.reload();
      await page.getByRole('table', { name: 'Kemajuan wawancara' }).waitFor();
      await screenshot(page, '30-kemajuan-wawancara');
      await clickAction(page, 'Tutup tahap wawancara', 'Tahap ditutup');
      await waitForStage(page, STAGE.TRACK_RECORD, 30_000);
    },
    300_000,
  );

  step('the secretary records the track records; the final ranking and its objection window follow', async () => {
    const page = secretary.page;
    for (const c of CANDIDATES) {
      const form = page.getByRole('form', { name: `Rekam jejak ${c.name}` });
      await form.getByLabel('Nilai rekam jejak').fill(String(c.base));
      await form.getByLabel('Temuan').fill('Tidak ada temuan pelanggaran integritas maupun disiplin');
      await submitForm(form, 'Simpan rekam jejak', /disimpan/);
    }
    await screenshot(page, '31-rekam-jejak');
    await clickAction(page, 'Tutup tahap rekam jejak', 'Tahap ditutup');
    await waitForStage(page, STAGE.FINAL_OBJECTIONS, 60_000);
    const ranking = page.getByRole('region', { name: 'Peringkat akhir', exact: true });
    await ranking.waitFor();
    const rows = await ranking.getByRole('row').allTextContents();
    const order = CANDIDATES.map((c) => rows.findIndex((r) => r.includes(c.name)));
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    await screenshot(page, '32-peringkat-akhir');
    await partScreenshot(ranking, '32-peringkat-akhir-tabel');
  });

  step('the overseer recommends the result', async () => {
    await waitForStage(secretary.page, STAGE.OVERSEER_RECOMMENDATION, 90_000);
    const overseer = await login('pengawas');
    const page = overseer.page;
    await openFromMenu(page, 'Menunggu keputusan');
    const form = page.getByRole('form', { name: 'Keputusan pengawas' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Setujui' }).check();
    await form.getByLabel('Nomor surat').fill('R-2207/KASN/12/2026');
    await form.getByLabel('Alasan').fill('Proses seleksi telah sesuai dengan sistem merit');
    await screenshot(page, '33-rekomendasi-pengawas');
    await submitForm(form, 'Kirim keputusan', 'Keputusan pengawas dicatat.');
    await overseer.context.close();
  });

  step('the PPK chooses 1 of 3 with a justification', async () => {
    await waitForStage(secretary.page, STAGE.APPOINTMENT_CHOICE, 60_000);
    const ppk = await login('ppk');
    const page = ppk.page;
    await openFromMenu(page, 'Pilihan PPK');
    const form = page.getByRole('form', { name: `Pilihan PPK ${POSITION}` });
    await form.waitFor();
    const second = CANDIDATES[1]!;
    const justification = 'Pengalaman memimpin transformasi layanan digital paling relevan dengan program daerah';
    await form.getByRole('radio', { name: new RegExp(`^2\\. ${escapeRegExp(second.name)}`) }).check();
    await form.getByLabel('Alasan pemilihan').fill(justification);
    await screenshot(page, '34-pilihan-ppk');
    await partScreenshot(form, '34-pilihan-ppk-formulir');
    // Without a justification the second-ranked name is refused in the browser.
    await form.getByLabel('Alasan pemilihan').fill('');
    await form.getByRole('button', { name: 'Tetapkan pilihan' }).click();
    await form.getByText('Alasan pemilihan wajib diisi').waitFor();
    await form.getByLabel('Alasan pemilihan').fill(justification);
    await submitForm(form, 'Tetapkan pilihan', `Pilihan untuk ${POSITION} ditetapkan.`);
    await waitForPageState(page, 'the choice on the dashboard', async () =>
      (await textOf(page.getByRole('region', { name: 'Lowongan', exact: true }))).includes(second.name),
    );
    await screenshot(page, '35-setelah-pilihan-ppk');
    await ppk.context.close();
  });

  step('the secretary records the inauguration; the round is completed and its result is public', async () => {
    const page = secretary.page;
    await waitForStage(page, STAGE.INAUGURATION, 60_000);
    const form = page.getByRole('form', { name: `Pelantikan ${POSITION}` });
    const inauguration = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Tanggal pelantikan').fill(inauguration);
    await form.getByLabel('Tempat pelantikan').fill('Pendopo Lamin Etam, Samarinda');
    await submitForm(form, 'Catat pelantikan', /dicatat/);
    await waitForStage(page, STAGE.COMPLETED, 60_000);
    const vacancies = await textOf(page.getByRole('region', { name: 'Lowongan', exact: true }));
    expect(vacancies).toContain(CANDIDATES[1]!.name);
    expect(vacancies).toMatch(/Dilantik/);
    await screenshot(page, '36-seleksi-selesai');
    await secretary.context.close();

    // The public result page, without signing in.
    const { context, page: visitor } = await newContext(browser, stack.url, consoleLog, { label: 'publik' });
    await visitor.goto('/');
    await menu(visitor, 'Seleksi dan hasil');
    await visitor.getByRole('link', { name: `Hasil akhir ${TITLE}`, exact: true }).click();
    const finals = visitor.getByRole('table', { name: 'Pengumuman hasil akhir' });
    await finals
      .getByRole('link', { name: /^Unduh / })
      .first()
      .waitFor();
    await screenshot(visitor, '37-hasil-akhir-publik');
    await context.close();
  });
});

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A member's interview scores: the candidate's base score, nudged per member (well within calibration). */
async function scoreAll(page: Page, member: number, who = CANDIDATES): Promise<void> {
  for (const c of who) {
    const form = page.getByRole('form', { name: `Nilai wawancara ${c.name}` });
    await form.getByLabel('Nilai wawancara').fill(String(c.base + (member % 3) - 1));
    await submitForm(form, 'Kirim nilai', `Nilai wawancara ${c.name} terkirim.`);
  }
}
