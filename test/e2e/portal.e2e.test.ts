/**
 * Smoke test of the portal in Debian's Chromium against the embedded stack started as `npm start`
 * starts it (fresh data directory, demo data): the public home page, sign-in of every demo role with
 * its menu, the verification page without JavaScript, and the skip link as the first Tab stop; then
 * accounts: an administrator's invitation read from the stack's Mailpit and used in the browser, and a
 * candidate's self-registration by NIP decided by the administrator; a candidate's profile dispute rejected by
 * the secretariat in its queue; the ASN import: template downloaded, filled, a refused row fixed and re-uploaded,
 * committed with its progress bar, and the same file again changing nothing.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { IMPORT_HEADER, importRow } from '../support/import-driver';
import { startE2eStack, type E2eStack } from './support/stack';
import {
  clearScreens,
  launchChromium,
  newContext,
  partScreenshot,
  phoneScreenshot,
  screenshot,
  signIn,
  textOf,
  waitForPageState,
} from './support/browser';

/** One demo account per role: the role's name as the header shows it and the menu items it gets. */
const ROLES = [
  {
    user: 'sekretariat',
    role: 'Sekretariat Pansel',
    menu: ['Kelola seleksi', 'Buat seleksi', 'Sanggahan profil'],
    shot: '05-beranda-sekretariat',
  },
  { user: 'pansel1', role: 'Anggota Pansel', menu: ['Seleksi saya'], shot: '06-beranda-pansel' },
  { user: 'ppk', role: 'Pejabat Pembina Kepegawaian', menu: ['Pilihan PPK'], shot: '07-beranda-ppk' },
  { user: 'pengawas', role: 'Pengawas (BKN/KASN)', menu: ['Menunggu keputusan'], shot: '08-beranda-pengawas' },
  { user: 'peserta1', role: 'Peserta', menu: ['Lowongan', 'Lamaran saya', 'Profil saya'], shot: '09-beranda-peserta' },
  {
    user: 'admin',
    role: 'Administrator',
    menu: ['Kelola seleksi', 'Akun', 'Sanggahan profil'],
    shot: '10-beranda-admin',
  },
] as const;

/** Menu items of one role only (the others must not see them). */
const ROLE_ONLY = ['Buat seleksi', 'Seleksi saya', 'Pilihan PPK', 'Menunggu keputusan', 'Lowongan', 'Lamaran saya'];

const DEMO_SELECTION_TITLE =
  'Seleksi Terbuka Jabatan Pimpinan Tinggi Pratama Pemerintah Provinsi Kalimantan Timur Tahun 2026';

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;

beforeAll(async () => {
  clearScreens(/^[01]\d-/);
  stack = await startE2eStack('portal');
  console.log(
    `[e2e] stack ready in ${stack.startSeconds.toFixed(1)} s (bootstrap ${stack.bootstrapSeconds.toFixed(1)} s)`,
  );
  consoleLog = join(stack.artifactDir, 'browser-console.log');
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Contexts of the running test: on failure their pages are kept as failed-<test>-<n>.png, then closed. */
let opened: BrowserContext[] = [];
async function open(opts: Parameters<typeof newContext>[3] = {}) {
  const made = await newContext(browser, stack.url, consoleLog, opts);
  opened.push(made.context);
  return made;
}

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') {
    const slug = ctx.task.name.replace(/[^\w]+/g, '-').slice(0, 60);
    const pages = opened.flatMap((c) => c.pages());
    for (const [i, page] of pages.entries()) {
      const file = join(stack.artifactDir, `failed-${slug}-${i + 1}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`[e2e] "${ctx.task.name}" failed at ${page.url()} → ${file}`);
    }
  }
  await Promise.all(opened.map((c) => c.close()));
  opened = [];
});

describe('portal smoke', () => {
  it('public home page loads', async () => {
    const { page } = await open();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await page.title()).not.toBe('');
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    expect(await nav.getByRole('link', { name: 'Beranda', exact: true }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Masuk' }).count()).toBeGreaterThan(0);
    // The demo round is open for registration: its announcement is on the home page (the seed's last
    // step, the announcement, may still be on its way when the stack reports ready).
    const demo = page.getByRole('article', { name: DEMO_SELECTION_TITLE });
    await waitForPageState(page, 'the demo announcement on the home page', () => demo.isVisible(), {
      timeoutMs: 60_000,
    });
    expect(await demo.getByRole('link', { name: 'Unduh pengumuman (PDF)' }).count()).toBe(1);
    await screenshot(page, '01-beranda-publik');
    await phoneScreenshot(page, '01-beranda-publik-360');

    // Its detail page, and the list of every round.
    await demo.getByRole('link', { name: 'Rincian seleksi' }).click();
    await page.getByRole('heading', { level: 1, name: DEMO_SELECTION_TITLE }).waitFor();
    expect(page.url()).toMatch(/\/seleksi\/[^/]+$/);
    expect(await textOf(page.locator('main'))).toContain('Kepala Dinas Pendidikan dan Kebudayaan');
    // The stage stepper: every stage of the route in order, the current one (registration) marked for
    // assistive technology, with who must act, its deadline in the agency's zone and the working days left.
    const stepper = page.getByRole('region', { name: 'Tahapan seleksi' });
    const steps = stepper.getByRole('list').first().getByRole('listitem');
    expect(await steps.count()).toBeGreaterThanOrEqual(17);
    expect(await stepper.locator('[aria-current="step"]').count()).toBe(1);
    const current = await textOf(stepper.locator('li[aria-current="step"]'));
    expect(current).toContain('Pendaftaran dibuka');
    expect(current).toContain('Tahap saat ini');
    expect(current).toContain('Menunggu: Pelamar');
    expect(current).toMatch(
      /Batas waktu \d{1,2} \w+ \d{4} pukul 23\.59 WITA \((\d+ hari kerja lagi|hari ini hari terakhir)\)/,
    );
    expect(await textOf(steps.nth(0))).toMatch(/^.*Perencanaan.*Selesai/);
    expect(await textOf(steps.nth(1))).toContain('Selesai');
    expect(await textOf(steps.nth(3))).toContain('Berikutnya');
    expect(await textOf(steps.last())).toContain('Belum dimulai');
    await partScreenshot(stepper, '02-tahapan-seleksi');
    await screenshot(page, '02-rincian-seleksi');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Seleksi dan hasil' }).click();
    await page.getByRole('link', { name: DEMO_SELECTION_TITLE, exact: true }).waitFor();
    await screenshot(page, '03-daftar-seleksi');
  });

  it('the secretariat’s dashboard shows the same stepper, in the agency’s zone from a browser in UTC', async () => {
    const { page } = await open({ label: 'sekretariat', timezoneId: 'UTC' });
    await signIn(page, 'sekretariat');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kelola seleksi' }).click();
    await page.getByRole('link', { name: DEMO_SELECTION_TITLE, exact: true }).click();
    const stepper = page.getByRole('region', { name: 'Tahapan seleksi' });
    await stepper.waitFor();
    const current = await textOf(stepper.locator('li[aria-current="step"]'));
    expect(current).toContain('Pendaftaran dibuka');
    expect(current).toContain('Menunggu: Pelamar');
    // 23.59 WITA is 15.59 in the browser's UTC: the page shows the agency's clock with its label.
    expect(current).toMatch(/Batas waktu \d{1,2} \w+ \d{4} pukul 23\.59 WITA/);
    expect(await textOf(page.locator('main dl.summary'))).toMatch(/pukul 23\.59 WITA/);
  });

  it('a candidate’s list of vacancies gives the close in the agency’s zone from a browser in UTC', async () => {
    const { page } = await open({ label: 'peserta-utc', timezoneId: 'UTC' });
    await signIn(page, 'peserta1');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Lowongan' }).click();
    const card = page.getByRole('article', { name: DEMO_SELECTION_TITLE });
    await card.waitFor();
    // 23.59 WITA is 15.59 in the browser's UTC.
    expect(await textOf(card.locator('dl.details'))).toMatch(
      /Pendaftaran ditutup\s*\d{1,2} \w+ \d{4} pukul 23\.59 WITA/,
    );
  });

  it('sign-in page refuses a wrong password with a message', async () => {
    const { page } = await open();
    await page.goto('/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await screenshot(page, '04-masuk');
    await page.getByLabel('Surel').fill('sekretariat@demo.seleksi-jpt.id');
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await textOf(alert)).not.toBe('');
    expect(page.url()).toMatch(/\/masuk$/);
  });

  it.each(ROLES)('signs in as $user and shows the menu of $role', async ({ user, role, menu, shot }) => {
    const { page } = await open({ label: user });
    await signIn(page, user);
    expect(page.url()).toMatch(/\/beranda-saya$/);
    expect(await textOf(page.locator('main'))).toContain(`Anda masuk sebagai ${role}`);
    const header = page.getByRole('banner');
    expect(await textOf(header)).toContain(`(${role})`);
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const items = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
    expect(items).toContain('Beranda saya');
    for (const item of menu) expect(items).toContain(item);
    for (const item of ROLE_ONLY.filter((i) => !(menu as readonly string[]).includes(i))) {
      expect(items).not.toContain(item);
    }
    // The personal home page lists the same things to do.
    for (const item of menu) {
      expect(await page.locator('main').getByRole('link', { name: item, exact: true }).count()).toBe(1);
    }
    await screenshot(page, shot);
    // Signing out returns to the public menu.
    await page.getByRole('button', { name: 'Keluar' }).click();
    await nav.getByRole('link', { name: 'Beranda saya' }).waitFor({ state: 'detached' });
  });

  it('verification page works without JavaScript', async () => {
    const { page } = await open({ javaScriptEnabled: false });
    const response = await page.goto('/verifikasi');
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { level: 1, name: /Verifikasi Dokumen/ }).waitFor();
    await screenshot(page, '11-verifikasi');
    // An unknown code: the form posts (no script) and the answer says the document is not valid.
    await page.getByLabel('Kode verifikasi').fill('ZZZZZZZZZZ');
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tidak sah' }).waitFor();
    expect(await textOf(page.getByRole('status'))).toMatch(/tidak dikenal/i);

    // The demo round's announcement (issued by the demo data): its code is recognised as valid.
    const code = await demoAnnouncementCode(stack.url);
    await page.goto('/verifikasi');
    await page.getByLabel('Kode verifikasi').fill(code);
    await page.getByRole('button', { name: 'Periksa' }).click();
    await page.getByRole('heading', { level: 2, name: 'Dokumen sah' }).waitFor();
    expect(await textOf(page.getByRole('status'))).toContain('Kalimantan Timur');
    await screenshot(page, '12-verifikasi-sah');
    await phoneScreenshot(page, '12-verifikasi-sah-360');
  });

  it('the skip link is the first Tab stop and moves focus to the main content', async () => {
    const { page } = await open();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName, text: el?.textContent?.trim(), href: el?.getAttribute('href') };
    });
    expect(focused).toEqual({ tag: 'A', text: 'Langsung ke isi', href: '#main' });
    await screenshot(page, '13-tautan-lewati');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
  });
});

/** A mail the stack's Mailpit holds for `address` whose subject matches (waits for it), with its text. */
async function mailTo(address: string, subject: RegExp): Promise<string> {
  const api = `http://127.0.0.1:${stack.ports.MAILPIT_UI_PORT}/api/v1`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const list = (await (await fetch(`${api}/messages?limit=200`)).json()) as {
      messages: { ID: string; Subject: string; To: { Address: string }[] }[];
    };
    const found = list.messages.find((m) => subject.test(m.Subject) && m.To.some((t) => t.Address === address));
    if (found) return ((await (await fetch(`${api}/message/${found.ID}`)).json()) as { Text: string }).Text;
    if (Date.now() > deadline) throw new Error(`no mail "${subject.source}" to ${address} after 90 s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Fills the sign-in form with any account and waits for the personal home page. */
async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Surel').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor();
}

describe('accounts in the portal', () => {
  it('an administrator invites a Pansel member; the mailed link sets the password; the member signs in', async () => {
    const { page: admin } = await open({ label: 'admin' });
    await signIn(admin, 'admin');
    await admin.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Akun' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Akun' }).waitFor();
    const email = 'anggota.undangan@uji.test';
    const name = 'Dr. Rina Undangan, M.Si.';
    const invite = admin.getByRole('form', { name: 'Undang akun' });
    await invite.getByLabel('Peran').selectOption('PANSEL_MEMBER');
    await invite.getByLabel('Instansi').selectOption('KALTIM');
    await invite.getByLabel('Nama', { exact: true }).fill(name);
    await invite.getByLabel('Surel').fill(email);
    await invite.getByLabel('Asal lembaga').fill('Universitas Mulawarman');
    await invite.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Undangan dikirim ke ${email}` })
      .waitFor();
    // The same address again: the gateway's typed error is shown under the e-mail field.
    await invite.getByLabel('Nama', { exact: true }).fill(name);
    await invite.getByLabel('Surel').fill(email);
    await invite.getByLabel('Asal lembaga').fill('Universitas Mulawarman');
    await invite.getByRole('button', { name: 'Kirim undangan' }).click();
    await invite.getByText('Alamat email ini sudah dipakai akun lain').waitFor();
    expect(await invite.getByLabel('Surel').getAttribute('aria-invalid')).toBe('true');
    // The list, filtered by role, shows the new account waiting for its first password.
    await admin.locator('#filter-role').selectOption('PANSEL_MEMBER');
    const row = admin.getByRole('row').filter({ hasText: email });
    await row.waitFor();
    expect(await textOf(row)).toContain('undangan belum dipakai');
    await screenshot(admin, '14-kelola-akun');

    // The invitation as mailed to the member, opened in the member's own browser.
    const mail = await mailTo(email, /Undangan akun/);
    const link = /http\S+\/atur-kata-sandi#[A-Za-z0-9_-]+/.exec(mail)?.[0];
    expect(link, mail).toBeTruthy();
    const { page: member } = await open({ label: 'invited' });
    await member.goto(link!);
    await member.getByRole('heading', { level: 1, name: 'Atur kata sandi' }).waitFor();
    expect(new URL(member.url()).hash).toBe(''); // the token is taken out of the address bar
    const password = 'sandi-anggota-baru-2026';
    await member.getByLabel('Kata sandi baru', { exact: true }).fill(password);
    await member.getByLabel('Ulangi kata sandi baru').fill('sandi-lain-sekali');
    await member.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await member.getByText('Kedua kata sandi tidak sama').waitFor();
    await screenshot(member, '15-atur-kata-sandi');
    await member.getByLabel('Ulangi kata sandi baru').fill(password);
    await member.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await member.getByRole('heading', { level: 1, name: `Selamat datang, ${name}` }).waitFor();
    await member.getByRole('button', { name: 'Keluar' }).click();
    await signInAs(member, email, password);
    expect(await textOf(member.getByRole('banner'))).toContain('(Anggota Pansel)');
    // The link works once.
    await member.goto(link!);
    await member.getByRole('button', { name: 'Simpan kata sandi' }).waitFor();
    await member.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-ketiga-yang-panjang');
    await member.getByLabel('Ulangi kata sandi baru').fill('sandi-ketiga-yang-panjang');
    await member.getByRole('button', { name: 'Simpan kata sandi' }).click();
    expect(await textOf(member.getByRole('alert').first())).toContain('sudah pernah digunakan');

    // Deactivation after a confirmation; the account leaves the active list.
    await row.getByRole('button', { name: `Nonaktifkan ${name}` }).click();
    const confirm = admin.getByRole('form', { name: `Konfirmasi: nonaktifkan ${name}` });
    await confirm.getByLabel('Alasan').fill('Uji penonaktifan');
    await confirm.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Akun ${name} dinonaktifkan` })
      .waitFor();
    await admin.getByLabel('Status').selectOption('INACTIVE');
    await admin.getByRole('button', { name: `Aktifkan kembali ${name}` }).waitFor();
  });

  it('a Pansel member finds the rounds it sits on under "Seleksi saya"', async () => {
    const { page } = await open({ label: 'pansel1' });
    await signIn(page, 'pansel1');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Seleksi saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Seleksi saya' }).waitFor();
    // The demo data sets the demo round's Pansel through setPansel, which records the seats.
    await page.getByRole('link', { name: DEMO_SELECTION_TITLE, exact: true }).waitFor();
  });

  it('a candidate registers by NIP and waits for the administrator, who decides in the portal', async () => {
    const { page } = await open({ label: 'registrant' });
    await page.goto('/masuk');
    await page.getByRole('link', { name: 'Daftar sebagai peserta (ASN)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftar sebagai peserta' }).waitFor();
    const form = page.getByRole('form', { name: 'Pendaftaran akun peserta' });
    await form.getByLabel('NIP').fill('12345');
    await form.getByLabel('Tanggal lahir').fill('1985-01-01');
    await form.getByLabel('Nama lengkap').fill('Budi Pendaftar');
    await form.getByLabel('Surel').fill('budi.pendaftar@uji.test');
    await form.getByLabel('Kata sandi', { exact: true }).fill('sandi-pendaftar-2026');
    await form.getByLabel('Ulangi kata sandi').fill('sandi-pendaftar-2026');
    await form.getByRole('button', { name: 'Daftar' }).click();
    // A malformed NIP: the gateway's typed error under the NIP field.
    await form.locator('#reg-nip-error').waitFor();
    expect(await form.getByLabel('NIP').getAttribute('aria-invalid')).toBe('true');
    // A valid NIP without an ASN profile: the account waits for an administrator.
    await form.getByLabel('NIP').fill('198501012010011001');
    await form.getByRole('button', { name: 'Daftar' }).click();
    const outcome = page.getByRole('status').filter({ hasText: 'Menunggu konfirmasi administrator' });
    await outcome.waitFor();
    await screenshot(page, '16-daftar-peserta');

    const { page: admin } = await open({ label: 'admin' });
    await signIn(admin, 'admin');
    await admin.goto('/kelola/akun');
    const pending = admin.getByRole('form', { name: 'Pendaftaran Budi Pendaftar' });
    expect(await textOf(pending)).toContain('198501012010011001');
    await pending.getByLabel('Alasan').fill('Tidak ada data ASN dengan NIP ini');
    await pending.getByRole('button', { name: 'Tolak' }).click();
    await admin.getByText('Tidak ada pendaftaran yang menunggu.').waitFor();

    // The SSO return page explains a refusal by the provider without asking the gateway.
    await page.goto('/masuk/sso?error=access_denied&state=x');
    expect(await textOf(page.getByRole('alert'))).toContain('dibatalkan');
  });

  it('a candidate disputes their profile; the secretariat rejects it with a reason; the candidate sees why', async () => {
    const NOTE = 'Pangkat saya sudah IV/c sejak April tahun ini';
    const REASON = 'SK kenaikan pangkat belum diterima BKD';
    const { page } = await open({ label: 'peserta7' });
    await signIn(page, 'peserta7');
    await page.goto('/profil-saya');
    await page.getByRole('checkbox', { name: 'Pangkat/golongan' }).check();
    await page.getByLabel('Catatan keberatan').fill(NOTE);
    await page.getByRole('button', { name: 'Kirim keberatan' }).click();
    await page.getByText('Keberatan Anda sedang diperiksa oleh instansi.').waitFor();

    const { page: staff } = await open({ label: 'sekretariat' });
    await signIn(staff, 'sekretariat');
    await staff.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Sanggahan profil' }).click();
    const card = staff.locator('section.card').filter({ hasText: NOTE });
    await card.getByLabel('Nilai perbaikan: Pangkat/golongan').waitFor();
    await screenshot(staff, '17-sanggahan-profil');
    await card.getByLabel('Alasan penolakan').fill(REASON);
    await card.getByRole('button', { name: 'Tolak sanggahan' }).click();
    await staff.getByText('Tidak ada sanggahan yang menunggu keputusan.').waitFor();

    await page.reload();
    const status = page.getByRole('status', { name: 'Status keberatan' });
    await status.waitFor();
    expect(await textOf(status)).toContain(`Keberatan ditolak`);
    expect(await textOf(status)).toContain(REASON);
  });
});

describe('the talent gate in the portal', () => {
  it('the seeded gate is the overseer’s; the secretariat submits a new self-assessment, the overseer adjusts and validates it', async () => {
    const { page } = await open({ label: 'sekretariat' });
    await signIn(page, 'sekretariat');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Sistem merit' }).click();
    const status = page.locator('section.card').filter({ hasText: 'Status syarat jalur talenta' });
    await status.getByText('306,25 (Baik)', { exact: false }).waitFor();
    expect(await textOf(status)).toContain('B-1207/BKN/DEMO');
    const history = page.getByRole('table', { name: /Riwayat keputusan/ });
    expect(await textOf(history)).toContain('Penilaian divalidasi pengawas');
    expect(await textOf(history)).toContain('Pengawas Sistem Merit (BKN)');

    // A new self-assessment: every aspect 3, one note, submitted.
    await page.getByRole('button', { name: /^Mulai penilaian tahun/ }).click();
    const inputs = page.getByRole('textbox', { name: /^Nilai / });
    await inputs.first().waitFor();
    for (const input of await inputs.all()) await input.fill('3');
    await page.getByLabel('Catatan Sistem informasi').fill('Terintegrasi dengan SIASN');
    await page.getByRole('button', { name: 'Ajukan ke pengawas' }).click();
    await page.getByRole('heading', { name: /— Diajukan$/ }).waitFor();
    await screenshot(page, '18-sistem-merit-instansi');

    // The overseer adjusts one aspect with a reason and validates: 3×7 + 2 = 23 / 8 → 287,5.
    const { page: bkn } = await open({ label: 'pengawas' });
    await signIn(bkn, 'pengawas');
    await bkn.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Sistem merit' }).click();
    await bkn.getByRole('button', { name: /periode \d{4}, pengajuan ke-1/ }).click();
    await bkn.getByLabel('Nilai pengawas Sistem informasi').fill('2');
    await bkn.getByLabel('Alasan penyesuaian Sistem informasi').fill('Belum semua layanan terintegrasi');
    await bkn.getByRole('button', { name: 'Sesuaikan Sistem informasi' }).click();
    await bkn.getByText('(Belum semua layanan terintegrasi)').waitFor();
    await bkn.getByRole('button', { name: 'Validasi penilaian' }).click();
    await bkn.getByText('287,5 (Baik)', { exact: false }).first().waitFor();
    await screenshot(bkn, '18-sistem-merit-pengawas');

    await page.reload();
    const after = page.getByRole('table', { name: /Riwayat keputusan/ });
    await after.waitFor();
    expect(await textOf(after)).toContain('Nilai aspek disesuaikan pengawas');
    expect(await textOf(after)).toContain('Belum semua layanan terintegrasi');
  });
});

describe('the oversight page in the portal', () => {
  it('the overseer sees every agency with charts and signals; the secretariat sees its own agency', async () => {
    const { page } = await open({ label: 'pengawas' });
    await signIn(page, 'pengawas');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengawasan' }).click();
    await page.getByRole('heading', { name: 'Pengawasan seleksi JPT' }).waitFor();
    // The demo round is running: the stage chart is drawn (an SVG inside its figure) and the agency is listed
    // with its validated merit category.
    const stages = page.getByRole('figure', { name: 'Grafik jumlah seleksi berjalan per tahap' });
    await stages.locator('svg').first().waitFor();
    const agencies = page.getByRole('table', { name: /instansi; yang terlambat/ });
    expect(await textOf(agencies)).toMatch(/KALTIM/);
    expect(await textOf(agencies)).toMatch(/Baik \(/);
    const signals = page.getByRole('table', { name: 'Sinyal integritas dan jumlahnya per instansi' });
    expect(await textOf(signals)).toContain('Peringkat 1 tidak dipilih');
    await page.getByRole('button', { name: 'Lihat Anggota Pansel di banyak seleksi satu instansi' }).click();
    await page.getByRole('heading', { name: 'Anggota Pansel di banyak seleksi satu instansi' }).waitFor();
    await page.getByRole('link', { name: /Unduh Daftar Anggota Pansel.*berkas CSV/ }).waitFor();
    await screenshot(page, '19-pengawasan');

    const { page: sec } = await open({ label: 'sekretariat' });
    await signIn(sec, 'sekretariat');
    await sec.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pengawasan' }).click();
    await sec.getByRole('heading', { name: /^Pengawasan instansi / }).waitFor();
    expect(await sec.getByLabel('Kode instansi').count()).toBe(0);
  });
});

describe('the holiday calendar in the portal', () => {
  it('the administrator sees next year as provisional, enters its SKB (a typed error first) and a regional day off', async () => {
    const next = new Date().getFullYear() + 1;
    const { page: admin } = await open({ label: 'admin-calendar' });
    await signIn(admin, 'admin');
    await admin.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kalender libur' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Kalender hari libur' }).waitFor();
    const year = admin.getByRole('region', { name: `Kalender ${next}` });
    await year.getByRole('note').filter({ hasText: 'Kalender sementara' }).waitFor();
    expect(await textOf(year.getByRole('table'))).toContain('Libur nasional (perkiraan)');

    const form = admin.getByRole('form', { name: `Ubah kalender ${next}` });
    await form.getByLabel('Nomor SKB').fill(`1 Tahun ${next - 1}`);
    await form.getByLabel('Tanggal SKB').fill(`${next + 1}-01-05`);
    await form
      .getByLabel('Dasar hukum')
      .fill(`SKB Tiga Menteri tentang Hari Libur Nasional dan Cuti Bersama Tahun ${next}`);
    await form.getByLabel('Alasan perubahan').fill(`Penetapan SKB tahun ${next}`);
    await form.getByRole('button', { name: 'Simpan kalender' }).click();
    await form.getByText(`Tanggal SKB untuk tahun ${next} harus antara`).first().waitFor();
    expect(await form.getByLabel('Tanggal SKB').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Tanggal SKB').fill(`${next - 1}-09-19`);
    await form.getByRole('button', { name: 'Simpan kalender' }).click();
    await admin
      .getByRole('status')
      .filter({ hasText: `Kalender ${next} tersimpan` })
      .waitFor();
    await year.getByText(`SKB Nomor 1 Tahun ${next - 1}`).waitFor();
    expect(await year.getByRole('note').count()).toBe(0);
    await screenshot(admin, '17-kelola-kalender');

    const regional = admin.getByRole('region', { name: 'Hari libur daerah' });
    await regional.getByLabel('Kode instansi').fill('KALTIM');
    await regional.getByRole('button', { name: 'Tampilkan' }).click();
    const days = regional.getByRole('form', { name: 'Hari libur daerah KALTIM' });
    await days.getByLabel('Hari libur daerah').fill(`${next}-01-09 | Hari Jadi Provinsi | `);
    await days.getByLabel('Alasan perubahan (libur daerah)').fill('Hari jadi provinsi');
    await days.getByRole('button', { name: 'Simpan hari libur daerah' }).click();
    await days.getByText('Dasar hukum wajib diisi').first().waitFor();
    await days
      .getByLabel('Hari libur daerah')
      .fill(`${next}-01-09 | Hari Jadi Provinsi | Keputusan Gubernur Kalimantan Timur Nomor 1 Tahun ${next - 1}`);
    await days.getByRole('button', { name: 'Simpan hari libur daerah' }).click();
    await admin.getByRole('status').filter({ hasText: 'Hari libur daerah tersimpan' }).waitFor();
  });
});

describe('the ASN profile import in the portal', () => {
  /** The rows the secretariat types into the template, by header name (importRow's columns, SKP years included). */
  const SALT = 517;
  const valid = (i: number) => Object.fromEntries(IMPORT_HEADER.map((h, k) => [h, importRow(i, { salt: SALT })[k]!]));

  /** The downloaded template with its example row replaced by `rows` (cells of columns the rows lack stay empty). */
  async function filledTemplate(template: string, rows: Record<string, string>[], out: string): Promise<string> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    sheet.spliceRows(2, sheet.rowCount - 1);
    for (const r of rows) sheet.addRow(header.map((h) => r[h] ?? ''));
    await book.xlsx.writeFile(out);
    return out;
  }

  async function uploadAndPreview(page: Page, file: string): Promise<void> {
    await page.getByLabel('Berkas CSV atau XLSX').setInputFiles(file);
    await page.getByRole('button', { name: 'Unggah dan pratinjau' }).click();
  }

  it('the secretariat fills the template, fixes a refused row, commits, and a second import changes nothing', async () => {
    const { page } = await open({ label: 'sekretariat-impor' });
    await signIn(page, 'sekretariat');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor data ASN' }).click();
    await page.getByRole('heading', { level: 1, name: /^Impor data/ }).waitFor();
    // Profiles are the default kind (another kind picker may sit above the links): the profile template.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Unduh templat XLSX/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('templat-profil-asn.xlsx');
    const template = join(stack.artifactDir, download.suggestedFilename());
    await download.saveAs(template);

    // Three employees; the second with a rank that does not exist.
    const rows = [valid(0), { ...valid(1), GOLONGAN: 'V/z' }, valid(2)];
    const badFile = await filledTemplate(template, rows, join(stack.artifactDir, 'pegawai-kaltim.xlsx'));
    await uploadAndPreview(page, badFile);
    const preview = page.getByRole('region', { name: 'Pratinjau' });
    const status = preview.getByRole('status');
    const waiting = status.filter({ hasText: 'Menunggu konfirmasi' });
    await waiting.waitFor();
    expect(await textOf(waiting)).toContain('pegawai-kaltim.xlsx: 3 baris · 2 baru · 0 berubah · 0 tetap · 1 ditolak');
    const refused = preview.getByRole('table', { name: /Baris yang ditolak/ });
    expect(await refused.getByRole('row').count()).toBe(2);
    const cells = refused.getByRole('row').nth(1).getByRole('cell');
    expect(await cells.allTextContents()).toEqual([
      '3',
      'GOLONGAN',
      'Golongan tidak dikenal: "V/z" (contoh: III/d, IV/b)',
    ]);
    await screenshot(page, '18-impor-pratinjau');

    // Fixed and uploaded again (nothing of the first upload was written): three new, none refused.
    rows[1] = valid(1);
    const goodFile = await filledTemplate(template, rows, join(stack.artifactDir, 'pegawai-kaltim-perbaikan.xlsx'));
    await uploadAndPreview(page, goodFile);
    const fixed = waiting.filter({ hasText: 'pegawai-kaltim-perbaikan.xlsx' });
    await fixed.waitFor();
    expect(await textOf(fixed)).toContain('3 baris · 3 baru · 0 berubah · 0 tetap · 0 ditolak');
    expect(await refused.count()).toBe(0);
    await confirmImport(page);
    const bar = preview.getByRole('progressbar', { name: /Bagian tersimpan/ });
    await waitForPageState(
      page,
      'the import committed',
      async () => (await preview.getByText(/Tersimpan .*: 3 baru · 0 berubah · 0 tetap · 0 ditolak/).count()) > 0,
      { timeoutMs: 120_000, reload: false },
    );
    const max = await bar.getAttribute('max');
    expect(await bar.getAttribute('value')).toBe(max);
    expect(await textOf(preview)).toContain('(100%)');
    await screenshot(page, '19-impor-selesai');
    // Listed among the agency's imports, with its outcome.
    const history = page.getByRole('table', { name: 'Impor terakhir' });
    const listed = history.getByRole('row').filter({ hasText: 'pegawai-kaltim-perbaikan.xlsx' });
    await listed.filter({ hasText: 'Selesai' }).waitFor();
    expect(await textOf(listed)).toContain('3 baru · 0 berubah · 0 tetap · 0 ditolak');

    // The same file again: every row unchanged, in the preview and once committed.
    await uploadAndPreview(page, goodFile);
    await waiting.waitFor();
    expect(await textOf(waiting)).toContain('3 baris · 0 baru · 0 berubah · 3 tetap · 0 ditolak');
    await confirmImport(page);
    await waitForPageState(
      page,
      'the re-import committed',
      async () => (await preview.getByText(/Tersimpan .*: 0 baru · 0 berubah · 3 tetap · 0 ditolak/).count()) > 0,
      { timeoutMs: 120_000, reload: false },
    );
  });

  /**
   * "Konfirmasi impor", again while the alert says the agency's previous import is still being processed
   * (its record is completed a moment before its workflow closes).
   */
  async function confirmImport(page: Page): Promise<void> {
    const preview = page.getByRole('region', { name: 'Pratinjau' });
    const bar = preview.getByRole('progressbar');
    const running = preview.getByRole('alert').filter({ hasText: 'sedang diproses' });
    const deadline = Date.now() + 120_000;
    for (;;) {
      await preview.getByRole('button', { name: 'Konfirmasi impor' }).click();
      await bar.or(running).first().waitFor({ timeout: 60_000 });
      if ((await bar.count()) > 0) return;
      if (Date.now() > deadline) throw new Error('the import stayed refused as running for 120 s');
      await page.waitForTimeout(2_000);
    }
  }
});

/** The verification code of the demo round's announcement, read from the public GraphQL API (waits for it). */
async function demoAnnouncementCode(url: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          '{ selections(first: 5, agencyCode: "KALTIM") { edges { node { announcement { verificationCode } } } } }',
      }),
    });
    const body = (await res.json()) as {
      data?: { selections: { edges: { node: { announcement: { verificationCode: string } | null } }[] } };
    };
    const code = body.data?.selections.edges.map((e) => e.node.announcement?.verificationCode).find(Boolean);
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no announcement in the demo data: ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
