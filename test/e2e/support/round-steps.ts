/**
 * The steps of one whole open selection carried from the browser by each role in turn, shared by the
 * e2e files that run a round (selection.e2e with the demo people, go-live.e2e with the people an
 * administrator invited on an empty installation). The round runs in training mode (a day lasts
 * `secondsPerDay` seconds), so registration and the objection windows close by their timers within
 * seconds. Everything is done through the portal's pages, found by accessible names; states the server
 * reaches on its own are awaited by reloading the page.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SELECTION_STAGE_NAMES } from '@seleksi/domain';
import type { Browser, Locator, Page } from 'playwright-core';
import { newContext, partScreenshot, phoneScreenshot, textOf, waitForPageState, type RoleContext } from './browser';
import { writeTinyPdf } from './pdf';

/** Stage names as the portal shows them (one table in @seleksi/domain), in the order of the process. */
const { CANCELLED: _cancelled, ...STAGES_IN_ORDER } = SELECTION_STAGE_NAMES;
export const STAGE = STAGES_IN_ORDER;
const ORDER: string[] = Object.values(STAGE);

/** Signs a person in, in a context of their own. */
export type Login = () => Promise<RoleContext>;

export interface PanselSeat {
  /** The member's account id (the Pansel form asks for it). */
  id: string;
  name: string;
  inst: string;
  internal: boolean;
  login: Login;
}

export interface RoundCandidate {
  name: string;
  /** Base score: the assessment and interview scores are derived from it (best first). */
  base: number;
  login: Login;
}

export interface RoundCast {
  title: string;
  position: string;
  unit: string;
  secondsPerDay: number;
  registrationDays: number;
  secretary: Login;
  overseer: Login;
  ppk: Login;
  pansel: PanselSeat[];
  /** Four eligible candidates, best first. */
  candidates: RoundCandidate[];
  /** One who fails the requirements (no LHKPN). */
  ineligible: RoundCandidate;
  /** Where the uploaded PDFs are written. */
  uploadDir: string;
  /** A screenshot of a main step (`name` is `<nn>-<what>`). */
  shot(page: Page, name: string): Promise<unknown>;
  /** README-quality part screenshots and the phone one (selection.e2e only). */
  extraShots?: boolean;
}

/**
 * Each step is its own test (in order, sharing the round): once a step fails, the next ones fail at
 * once instead of timing out. Failing steps leave a screenshot of every open page in `artifactDir()`.
 */
export function stepRunner(browser: () => Browser, artifactDir: () => string, timings: string[]) {
  let broken: string | null = null;
  return function step(name: string, run: () => Promise<void>, timeout = 180_000): void {
    it(name, { timeout }, async () => {
      if (broken) throw new Error(`skipped: the earlier step "${broken}" failed`);
      const t = Date.now();
      try {
        await run();
      } catch (err) {
        broken = name;
        const pages = browser()
          .contexts()
          .flatMap((c) => c.pages());
        for (const [i, page] of pages.entries()) {
          const file = join(artifactDir(), `failed-${i + 1}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          console.log(`[e2e] step "${name}" failed; ${page.url()} → ${file}`);
        }
        throw err;
      } finally {
        timings.push(`${((Date.now() - t) / 1000).toFixed(1).padStart(6)} s  ${name}`);
      }
    });
  };
}

/** Follows a link of the header's main menu. */
export async function menu(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name, exact: true }).click();
}

/** Opens the round's dashboard from a list page of the menu (its link is the round's title). */
export async function openFromMenu(page: Page, menuItem: string, title: string): Promise<void> {
  await menu(page, menuItem);
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor();
}

/** The stage as the dashboard's summary shows it. */
export function stageOf(page: Page): Promise<string> {
  return textOf(page.locator('main dl.summary dd strong').first());
}

/**
 * Reloads the dashboard until it shows `stage` or a later one (timers and workflow steps run on the
 * server; a short window such as an objection period may be over before the page looks).
 */
export async function waitForStage(page: Page, stage: string, timeoutMs = 120_000): Promise<void> {
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
export async function submitForm(form: Locator, button: string, success: string | RegExp): Promise<void> {
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
export async function clickAction(page: Page, button: string, success: string | RegExp): Promise<void> {
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

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The round's steps, in order; each method is one step of the e2e files. State (the secretary's page,
 * the candidates' contexts, the round's id) is kept between them.
 */
export class RoundSteps {
  selectionId = '';
  secretary!: RoleContext;
  private candidateContexts: RoleContext[] = [];

  constructor(private readonly cast: RoundCast) {}

  /** How long the registration step may wait for the timer to close registration. */
  get screeningTimeoutMs(): number {
    return (this.cast.registrationDays + 4) * this.cast.secondsPerDay * 1000 + 60_000;
  }

  async planRound(): Promise<void> {
    const c = this.cast;
    this.secretary = await c.secretary();
    const page = this.secretary.page;
    await menu(page, 'Buat seleksi');
    await page.getByRole('heading', { level: 1, name: 'Buat seleksi baru' }).waitFor();
    const form = page.getByRole('form', { name: 'Rencana seleksi' });
    await form.getByLabel('Judul seleksi').fill(c.title);
    await form.getByLabel('Jenjang lowongan 1').selectOption('PRATAMA');
    await form.getByLabel('Nama jabatan lowongan 1').fill(c.position);
    await form.getByLabel('Unit kerja lowongan 1').fill(c.unit);
    await form.getByLabel('Lama pendaftaran (hari)').fill(String(c.registrationDays));
    await form.getByLabel('Jenis hari pendaftaran').selectOption('CALENDAR');
    await form.getByLabel('Minimal pelamar per lowongan').fill('4');
    await form.getByLabel('Masa sanggah (hari kerja)').fill('1');
    // KASN era: no approval by silence, so the overseer's verdicts are the ones given here.
    await form.getByLabel('Era pengawas').selectOption('KASN');
    await form.getByLabel('Lingkup pendaftar').selectOption('PROVINCE');
    await form.getByLabel('Mode latihan (simulasi)').check();
    await form.getByLabel('Detik per hari (mode latihan)').fill(String(c.secondsPerDay));
    await c.shot(page, '20-buat-seleksi');
    await form.getByRole('button', { name: 'Buat seleksi' }).click();
    await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor();
    this.selectionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    console.log(`[e2e] round ${this.selectionId}: ${c.title}`);
    await waitForStage(page, STAGE.PLANNED, 30_000);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(c.title);
  }

  async setPanselAndSubmit(): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    const form = page.getByRole('form', { name: 'Susunan Pansel' });
    await form.waitFor();
    for (let n = 1; n <= c.pansel.length; n++) {
      if ((await form.getByLabel(`Akun anggota ${n}`, { exact: true }).count()) === 0) {
        await form.getByRole('button', { name: 'Tambah anggota' }).click();
      }
      const m = c.pansel[n - 1]!;
      // Picked from the agency's Pansel-member accounts (panselCandidates), not typed.
      await form.getByLabel(`Akun anggota ${n}`, { exact: true }).selectOption(m.id);
      await form.getByLabel(`Nama anggota ${n}`, { exact: true }).fill(m.name);
      await form.getByLabel(`Instansi anggota ${n}`, { exact: true }).fill(m.inst);
      await form.getByLabel(`Peran anggota ${n}`, { exact: true }).selectOption(n === 1 ? 'CHAIR' : 'MEMBER');
      await form.getByLabel(`Anggota ${n} dari instansi sendiri`, { exact: true }).setChecked(m.internal);
    }
    await form.getByLabel('Nomor keputusan pembentukan Pansel').fill('800.1.2.2/101/BKD/2026');
    await c.shot(page, '21-susunan-pansel');
    await submitForm(form, 'Simpan Pansel', 'Susunan Pansel disimpan.');
    await clickAction(page, 'Kirim rencana ke pengawas', 'Rencana seleksi dikirim ke pengawas.');
    await waitForStage(page, STAGE.PLAN_APPROVAL, 30_000);
    const pansel = page.getByRole('region', { name: 'Panitia seleksi', exact: true });
    for (const m of c.pansel) expect(await textOf(pansel)).toContain(m.name);
  }

  async approvePlan(): Promise<void> {
    const c = this.cast;
    // The candidates sign in meanwhile, so the registration window is spent on applying.
    const signingIn = Promise.all([...c.candidates, c.ineligible].map((x) => x.login()));
    const overseer = await c.overseer();
    const page = overseer.page;
    await openFromMenu(page, 'Menunggu keputusan', c.title);
    const form = page.getByRole('form', { name: 'Keputusan pengawas' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Setujui' }).check();
    await form.getByLabel('Nomor surat').fill('B-2101/KASN/11/2026');
    await form.getByLabel('Alasan').fill('Rencana seleksi sesuai ketentuan dan sistem merit');
    await c.shot(page, '22-pengawas-rencana');
    await submitForm(form, 'Kirim keputusan', 'Keputusan pengawas dicatat.');
    await overseer.context.close();
    this.candidateContexts = await signingIn;
    await waitForStage(this.secretary.page, STAGE.REGISTRATION_OPEN, 30_000);
  }

  async candidatesApply(): Promise<void> {
    const c = this.cast;
    const apply = async (ctx: RoleContext, i: number) => {
      const page = ctx.page;
      const user = ctx.email.split('@')[0]!;
      await menu(page, 'Lowongan');
      const article = page.getByRole('article', { name: c.title });
      await article.getByRole('link', { name: `Lamar jabatan ${c.position}` }).click();
      await page.getByRole('heading', { level: 1, name: `Lamar jabatan ${c.position}` }).waitFor();
      await page
        .getByLabel('Surat lamaran (wajib)')
        .setInputFiles(
          writeTinyPdf(c.uploadDir, `${user}-surat-lamaran.pdf`, `Surat lamaran ${user} untuk ${c.position}`),
        );
      await page
        .getByLabel('Daftar riwayat hidup (wajib)')
        .setInputFiles(writeTinyPdf(c.uploadDir, `${user}-riwayat-hidup.pdf`, `Daftar riwayat hidup ${user}`));
      await page
        .getByLabel('Tanda terima LHKPN')
        .setInputFiles(writeTinyPdf(c.uploadDir, `${user}-lhkpn.pdf`, `Tanda terima LHKPN ${user}`));
      if (i === 0) {
        await c.shot(page, '23-formulir-lamaran');
        if (c.extraShots) await phoneScreenshot(page, '23-formulir-lamaran-360');
      }
      await page.getByRole('button', { name: 'Kirim lamaran' }).click();
      await page.getByRole('status').filter({ hasText: 'telah diterima' }).waitFor({ timeout: 30_000 });
      await page.getByRole('link', { name: 'Lihat lamaran saya' }).click();
      await page.getByRole('heading', { level: 1, name: `Lamaran: ${c.position}` }).waitFor();
      await page.getByText(`${user}-riwayat-hidup.pdf`).waitFor();
      if (i === 0) {
        // The status once, with the expected date of the next step; the round's stepper at registration.
        const main = await textOf(page.locator('main'));
        expect(main.match(/Status lamaran:/g)).toHaveLength(1);
        expect(main).not.toMatch(/Status: /);
        expect(main).toMatch(/Langkah berikutnya diperkirakan: \d{1,2} \w+ \d{4} pukul \d\d\.\d\d (WIB|WITA|WIT)/);
        const stepper = page.getByRole('region', { name: 'Tahapan seleksi' });
        expect(await stepper.locator('[aria-current="step"]').count()).toBe(1);
        expect(await textOf(stepper.locator('li[aria-current="step"]'))).toMatch(/Pendaftaran (dibuka|diperpanjang)/);
        await c.shot(page, '24-lamaran-saya');
      }
    };
    await Promise.all(this.candidateContexts.map((ctx, i) => apply(ctx, i)));
    const page = this.secretary.page;
    const heading = page.getByRole('heading', { level: 2, name: /^Lamaran \(/ });
    const expected = `Lamaran (${this.candidateContexts.length})`;
    await waitForPageState(page, `${expected} on the dashboard`, async () => (await textOf(heading)) === expected);
  }

  async publishScreening(): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    await waitForStage(page, STAGE.ADMINISTRATIVE_SCREENING, this.screeningTimeoutMs);
    const publish = page.getByRole('button', { name: 'Umumkan hasil seleksi administrasi' });
    await waitForPageState(page, 'every application screened', () => publish.isEnabled());
    // The engine's reasons for the candidate who does not meet the requirements.
    const failed = page.getByRole('list', { name: `Syarat yang tidak dipenuhi ${c.ineligible.name}` });
    expect(await textOf(failed)).toMatch(/LHKPN/i);
    await c.shot(page, '25-seleksi-administrasi');
    await clickAction(page, 'Umumkan hasil seleksi administrasi', 'Hasil seleksi administrasi diumumkan');
    await waitForStage(page, STAGE.ADMINISTRATIVE_OBJECTIONS, 30_000);
  }

  async ineligibleReadsResult(): Promise<void> {
    const c = this.cast;
    const ctx = this.candidateContexts[this.candidateContexts.length - 1]!;
    await menu(ctx.page, 'Lamaran saya');
    await ctx.page.getByRole('link', { name: `Rincian lamaran ${c.position}` }).click();
    await ctx.page.getByRole('heading', { level: 1, name: `Lamaran: ${c.position}` }).waitFor();
    await waitForPageState(ctx.page, 'the TMS result on the application page', async () =>
      /LHKPN/i.test(await textOf(ctx.page.locator('main'))),
    );
    await c.shot(ctx.page, '26-lamaran-tms');
    // The first candidate stays signed in (on their application page) to read the assessment's schedule.
    await Promise.all(this.candidateContexts.slice(1).map((x) => x.context.close()));
  }

  /**
   * The secretary schedules the competency assessment (a date in the past first: the typed error under
   * "Tanggal"); the first candidate reads it on their application page and gets the invitation mail.
   */
  async scheduleAssessment(
    where: { place: string; notes: string },
    readMail: (address: string, subject: RegExp) => Promise<string>,
  ): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    await waitForStage(page, STAGE.COMPETENCY_ASSESSMENT, 60_000);
    const form = page.getByRole('form', { name: 'Jadwal uji kompetensi' });
    await form.getByLabel('Tanggal', { exact: true }).fill('2020-01-06');
    await form.getByLabel('Jam', { exact: true }).fill('08:30');
    await form.getByLabel('Tempat', { exact: true }).fill(where.place);
    await form.getByLabel('Catatan untuk peserta').fill(where.notes);
    await form.getByRole('button', { name: 'Simpan jadwal' }).click();
    await form.locator('#sch-ca-date-error').filter({ hasText: 'Tanggal tidak boleh sebelum hari ini' }).waitFor();
    expect(await form.getByLabel('Tanggal', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Far ahead: the training clock (a day every few seconds) must not overtake it during the round.
    const date = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Tanggal', { exact: true }).fill(date);
    await submitForm(
      form,
      'Simpan jadwal',
      new RegExp(`Jadwal uji kompetensi disimpan; undangan dikirim lewat surel kepada ${c.candidates.length}`),
    );
    const zone = /pukul 08\.30 (WIB|WITA|WIT)$/;
    // The dashboard reloads itself after the decision: the schedule in force shows without a page reload.
    await page
      .getByRole('region', { name: 'Jadwal uji kompetensi' })
      .getByRole('definition')
      .filter({ hasText: zone })
      .waitFor({ timeout: 30_000 });
    if (c.extraShots) {
      await partScreenshot(page.getByRole('region', { name: 'Jadwal uji kompetensi' }), '27-jadwal-uji-kompetensi');
    }
    const first = this.candidateContexts[0]!;
    const schedule = first.page.getByRole('region', { name: 'Jadwal uji kompetensi' });
    // Live over SSE; a reload (given time to load) when the event was missed.
    await waitForPageState(first.page, 'the schedule on the application page', async () => {
      await schedule.waitFor({ timeout: 10_000 });
      return true;
    });
    const shown = await textOf(schedule);
    expect(shown).toMatch(/08\.30 (WIB|WITA|WIT)/);
    expect(shown).toContain(where.place);
    expect(shown).toContain(where.notes);
    await c.shot(first.page, '27-jadwal-di-lamaran');
    const mail = await readMail(first.email, new RegExp(`^Undangan uji kompetensi: ${escapeRegExp(c.position)}`));
    expect(mail).toMatch(/pukul 08\.30 (WIB|WITA|WIT)/);
    expect(mail).toContain(`Tempat: ${where.place}`);
    await first.context.close();
  }

  async recordAssessment(): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    await waitForStage(page, STAGE.COMPETENCY_ASSESSMENT, 60_000);
    for (const x of c.candidates) {
      const form = page.getByRole('form', { name: `Penilaian kompetensi ${x.name}` });
      await form.getByLabel('Manajerial', { exact: true }).fill(String(x.base));
      await form.getByLabel('Sosial kultural', { exact: true }).fill(String(x.base - 1));
      await form.getByLabel('Makalah', { exact: true }).fill(String(x.base - 2));
      await form.getByLabel('Presentasi', { exact: true }).fill(String(x.base + 1));
      await submitForm(form, 'Simpan nilai', `Nilai ${x.name} disimpan.`);
    }
    await c.shot(page, '27-penilaian-kompetensi');
    await clickAction(page, 'Tutup tahap penilaian kompetensi', 'Tahap ditutup');
    await waitForStage(page, STAGE.INTERVIEW, 30_000);
  }

  async interviews(): Promise<void> {
    const c = this.cast;
    const CANDIDATES = c.candidates;
    const [first, conflicted, ...rest] = c.pansel;
    // Member 1: no conflict with anyone, then scores everyone.
    const m1 = await first!.login();
    await openFromMenu(m1.page, 'Seleksi saya', c.title);
    for (const x of CANDIDATES) {
      const form = m1.page.getByRole('form', { name: `Konflik kepentingan ${x.name}` });
      await form.getByLabel('Pernyataan').selectOption('false');
      await form.getByLabel('Keterangan').fill('Tidak ada hubungan keluarga, kedinasan atau usaha');
      await submitForm(form, 'Simpan pernyataan', 'Pernyataan disimpan.');
    }
    await this.scoreAll(m1.page, 0);
    await m1.context.close();

    // Member 2: related to candidate 1, declares it and is recused from scoring them.
    const m2 = await conflicted!.login();
    await openFromMenu(m2.page, 'Seleksi saya', c.title);
    const coi = m2.page.getByRole('form', { name: `Konflik kepentingan ${CANDIDATES[0]!.name}` });
    await coi.getByLabel('Pernyataan').selectOption('true');
    await coi.getByLabel('Keterangan').fill('Peserta adalah saudara ipar saya');
    await submitForm(coi, 'Simpan pernyataan', 'Pernyataan disimpan.');
    await m2.page.getByText('Anda dikecualikan dari penilaian peserta ini').waitFor();
    expect(await m2.page.getByRole('form', { name: `Nilai wawancara ${CANDIDATES[0]!.name}` }).count()).toBe(0);
    await this.scoreAll(m2.page, 1, CANDIDATES.slice(1));
    await m2.context.close();

    // Member 3: the others' scores stay hidden until their own is in.
    const m3 = await rest[0]!.login();
    await openFromMenu(m3.page, 'Seleksi saya', c.title);
    const target = CANDIDATES[1]!;
    const scores = m3.page.getByRole('table', { name: `Nilai wawancara ${target.name}` });
    expect(await scores.count()).toBe(0);
    expect(await textOf(m3.page.locator('main'))).toContain(
      'Nilai anggota lain disembunyikan sampai Anda memberi nilai.',
    );
    await c.shot(m3.page, '28-wawancara-buta');
    if (c.extraShots) {
      await partScreenshot(m3.page.getByRole('region', { name: 'Lembar nilai wawancara' }), '28-wawancara-buta-lembar');
    }
    await this.scoreAll(m3.page, 2);
    await scores.waitFor();
    expect(await textOf(scores)).toContain(first!.name);
    await c.shot(m3.page, '29-wawancara-setelah-menilai');
    await m3.context.close();

    for (const [i, m] of rest.slice(1).entries()) {
      const ctx = await m.login();
      await openFromMenu(ctx.page, 'Seleksi saya', c.title);
      await this.scoreAll(ctx.page, 3 + i);
      await ctx.context.close();
    }

    const page = this.secretary.page;
    await page.reload();
    await page.getByRole('table', { name: 'Kemajuan wawancara' }).waitFor();
    await c.shot(page, '30-kemajuan-wawancara');
    await clickAction(page, 'Tutup tahap wawancara', 'Tahap ditutup');
    await waitForStage(page, STAGE.TRACK_RECORD, 30_000);
  }

  async trackRecordsAndRanking(): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    for (const x of c.candidates) {
      const form = page.getByRole('form', { name: `Rekam jejak ${x.name}` });
      await form.getByLabel('Nilai rekam jejak').fill(String(x.base));
      await form.getByLabel('Temuan').fill('Tidak ada temuan pelanggaran integritas maupun disiplin');
      await submitForm(form, 'Simpan rekam jejak', /disimpan/);
    }
    await c.shot(page, '31-rekam-jejak');
    await clickAction(page, 'Tutup tahap rekam jejak', 'Tahap ditutup');
    await waitForStage(page, STAGE.FINAL_OBJECTIONS, 60_000);
    const ranking = page.getByRole('region', { name: 'Peringkat akhir', exact: true });
    await ranking.waitFor();
    const rows = await ranking.getByRole('row').allTextContents();
    const order = c.candidates.map((x) => rows.findIndex((r) => r.includes(x.name)));
    expect(order.every((x, i) => x > 0 && (i === 0 || x > order[i - 1]!))).toBe(true);
    await c.shot(page, '32-peringkat-akhir');
    if (c.extraShots) await partScreenshot(ranking, '32-peringkat-akhir-tabel');
  }

  async recommendResult(): Promise<void> {
    const c = this.cast;
    await waitForStage(this.secretary.page, STAGE.OVERSEER_RECOMMENDATION, 90_000);
    const overseer = await c.overseer();
    const page = overseer.page;
    await openFromMenu(page, 'Menunggu keputusan', c.title);
    const form = page.getByRole('form', { name: 'Keputusan pengawas' });
    await form.waitFor();
    await form.getByRole('radio', { name: 'Setujui' }).check();
    await form.getByLabel('Nomor surat').fill('R-2207/KASN/12/2026');
    await form.getByLabel('Alasan').fill('Proses seleksi telah sesuai dengan sistem merit');
    await c.shot(page, '33-rekomendasi-pengawas');
    await submitForm(form, 'Kirim keputusan', 'Keputusan pengawas dicatat.');
    await overseer.context.close();
  }

  async ppkChooses(): Promise<void> {
    const c = this.cast;
    await waitForStage(this.secretary.page, STAGE.APPOINTMENT_CHOICE, 60_000);
    const ppk = await c.ppk();
    const page = ppk.page;
    await openFromMenu(page, 'Pilihan PPK', c.title);
    const form = page.getByRole('form', { name: `Pilihan PPK ${c.position}` });
    await form.waitFor();
    const second = c.candidates[1]!;
    const justification = 'Pengalaman memimpin transformasi layanan digital paling relevan dengan program daerah';
    await form.getByRole('radio', { name: new RegExp(`^2\\. ${escapeRegExp(second.name)}`) }).check();
    await form.getByLabel('Alasan pemilihan').fill(justification);
    await c.shot(page, '34-pilihan-ppk');
    if (c.extraShots) await partScreenshot(form, '34-pilihan-ppk-formulir');
    // Without a justification the second-ranked name is refused in the browser.
    await form.getByLabel('Alasan pemilihan').fill('');
    await form.getByRole('button', { name: 'Tetapkan pilihan' }).click();
    await form.getByText('Alasan pemilihan wajib diisi').waitFor();
    await form.getByLabel('Alasan pemilihan').fill(justification);
    await submitForm(form, 'Tetapkan pilihan', `Pilihan untuk ${c.position} ditetapkan.`);
    await waitForPageState(page, 'the choice on the dashboard', async () =>
      (await textOf(page.getByRole('region', { name: 'Lowongan', exact: true }))).includes(second.name),
    );
    await c.shot(page, '35-setelah-pilihan-ppk');
    await ppk.context.close();
  }

  /** The inauguration, the completed round, and its public result page (`baseURL`, without signing in). */
  async inaugurationAndPublicResult(browser: Browser, baseURL: string, consoleLog: string): Promise<void> {
    const c = this.cast;
    const page = this.secretary.page;
    await waitForStage(page, STAGE.INAUGURATION, 60_000);
    const form = page.getByRole('form', { name: `Pelantikan ${c.position}` });
    const inauguration = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Tanggal pelantikan').fill(inauguration);
    await form.getByLabel('Tempat pelantikan').fill('Pendopo Lamin Etam, Samarinda');
    await submitForm(form, 'Catat pelantikan', /dicatat/);
    await waitForStage(page, STAGE.COMPLETED, 60_000);
    const vacancies = await textOf(page.getByRole('region', { name: 'Lowongan', exact: true }));
    expect(vacancies).toContain(c.candidates[1]!.name);
    expect(vacancies).toMatch(/Dilantik/);
    await c.shot(page, '36-seleksi-selesai');
    await this.secretary.context.close();

    const { context, page: visitor } = await newContext(browser, baseURL, consoleLog, { label: 'publik' });
    await visitor.goto('/');
    await menu(visitor, 'Seleksi dan hasil');
    await visitor.getByRole('link', { name: `Hasil akhir ${c.title}`, exact: true }).click();
    const finals = visitor.getByRole('table', { name: 'Pengumuman hasil akhir' });
    await finals
      .getByRole('link', { name: /^Unduh / })
      .first()
      .waitFor();
    await c.shot(visitor, '37-hasil-akhir-publik');
    await context.close();
  }

  /** A member's interview scores: the candidate's base score, nudged per member (well within calibration). */
  private async scoreAll(page: Page, member: number, who = this.cast.candidates): Promise<void> {
    for (const x of who) {
      const form = page.getByRole('form', { name: `Nilai wawancara ${x.name}` });
      await form.getByLabel('Nilai wawancara').fill(String(x.base + (member % 3) - 1));
      await submitForm(form, 'Kirim nilai', `Nilai wawancara ${x.name} terkirim.`);
    }
  }
}
