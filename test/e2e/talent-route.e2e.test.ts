/**
 * The talent route in Debian's Chromium against the embedded stack started as `npm start` starts it: a JPT Madya
 * post filled from the talent pool, from starting the filling to the inauguration, each step taken by its role
 * from its inbox on the "Jalur talenta" page (the read model, not ids kept in the browser): the secretariat
 * starts and confirms, the overseer approves, the PPK proposes to the President, the secretariat records the
 * Keppres and the inauguration.
 *
 * Then inside a pilkada window (the province's schedule kept on "Masa pilkada"): the PPK's choice is refused until the
 * secretariat records the Home Affairs Minister's permission on the filling's page, and after the decree the page
 * carries the duty to report to the Minister, recorded there.
 *
 * The demo agency's talent gate is seeded open; three ASN who qualify for JPT Madya (with SKP and assessment
 * results) go in through the services' operator routes, as the demo seed does, and the agency is mapped.
 */
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addCalendarDays, localDateOf, type ProfileDto } from '@seleksi/domain';
import { AssessmentClient, CandidateClient, operatorServiceAuth } from '@seleksi/kit';
import { startE2eStack, type E2eStack } from './support/stack';
import {
  clearScreens,
  launchChromium,
  newContext,
  partScreenshot,
  screenshot,
  signIn,
  textOf,
  waitForPageState,
} from './support/browser';
import { eligibleProfile } from '../support/fixtures';
import { DEMO_OVERSEER, DEMO_SECRETARY, signInDemoRound } from '../support/demo-round';
import { must } from '../support/selection-driver';
import { TalentDriver } from '../support/talent-driver';

const AGENCY = 'KALTIM';
const today = () => localDateOf(new Date(), 'WITA');
const YEAR = Number(today().slice(0, 4));
const POSITION = 'Asisten Pemerintahan dan Kesejahteraan Rakyat';
const KEPPRES = `77/TPA Tahun ${YEAR}`;

/** JPT Madya: rank IV/c and a JPT Pratama post since 2018 after years of related experience. */
function madyaProfile(n: number): ProfileDto {
  const p = eligibleProfile(`e2e-talenta-${n}`, AGENCY, 11 + n, {
    rank: 'IV/c',
    careers: [
      {
        position: 'Kepala Bidang',
        positionKind: 'ADMINISTRATOR',
        unit: 'Badan Perencanaan',
        agencyCode: AGENCY,
        from: '2010-01-04',
        to: '2017-12-31',
      },
      {
        position: 'Kepala Badan',
        positionKind: 'JPT_PRATAMA',
        unit: 'Badan Perencanaan',
        agencyCode: AGENCY,
        from: '2018-01-02',
        to: null,
      },
    ],
    skp: [YEAR - 2, YEAR - 1, YEAR].map((year) => ({ year, predicate: n === 0 ? 'SANGAT_BAIK' : 'BAIK' })),
  });
  return { ...p, name: `Talenta Madya ${n + 1}, S.H., M.Si.` };
}

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;
let t: TalentDriver;

beforeAll(async () => {
  clearScreens(/^7\d-/);
  stack = await startE2eStack('talent-route');
  consoleLog = join(stack.artifactDir, 'browser-console.log');
  browser = await launchChromium();

  const auth = operatorServiceAuth({ SELEKSI_DATA_DIR: stack.dataDir });
  const candidate = new CandidateClient(`http://127.0.0.1:${stack.ports.CANDIDATE_PORT}`, { auth });
  const assessment = new AssessmentClient(`http://127.0.0.1:${stack.ports.ASSESSMENT_PORT}`, { auth });
  for (const n of [0, 1, 2]) {
    await candidate.upsertProfile(madyaProfile(n));
    await assessment.upsertAssessmentResult({
      id: `ac-e2e-talenta-${n}`,
      candidateId: `e2e-talenta-${n}`,
      provider: 'UPT Penilaian Kompetensi BKD',
      assessedAt: `${YEAR}-01-15`,
      managerial: 96 - n * 2,
      socioCultural: 93,
      validUntil: `${YEAR + 2}-01-15`,
    });
  }
  // A map of this year, so the gate finds a recent one and the pool holds the three.
  t = new TalentDriver(await signInDemoRound(stack.url));
  must(await t.startMapping(DEMO_SECRETARY, AGENCY, String(YEAR)));
  await t.waitForMapping(DEMO_SECRETARY, AGENCY, String(YEAR), 180_000);
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
      const file = join(stack.artifactDir, `failed-talent-${i + 1}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      console.log(`[e2e] failed at ${page.url()} → ${file}`);
    }
  }
  await Promise.all(opened.map((c) => c.close()));
  opened = [];
});

/** The role's "Jalur talenta" page, then the filling from its inbox once the workflow has put it there. */
async function openFromInbox(page: Page, fillingId: string, stageText: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Jalur talenta' }).click();
  const inbox = page.getByRole('region', { name: 'Menunggu tindakan Anda' });
  const row = inbox.getByRole('row').filter({ hasText: fillingId });
  await waitForPageState(page, `${fillingId} in the inbox at "${stageText}"`, async () =>
    (await row.count()) > 0 ? (await textOf(row)).includes(stageText) : false,
  );
  await row.getByRole('link', { name: fillingId }).click();
  await page.getByRole('heading', { level: 2, name: 'Tindakan Anda' }).waitFor();
}

async function stageIs(page: Page, text: string): Promise<void> {
  const stage = page.locator('dl.summary');
  await waitForPageState(page, `stage "${text}"`, async () => (await textOf(stage)).includes(text));
}

describe('the talent route in the portal', () => {
  it(
    'a Madya post: started, confirmed, approved, proposed to the President, the Keppres recorded, inaugurated',
    { timeout: 600_000 },
    async () => {
      // The secretariat starts the filling.
      const sec = await as('sekretariat');
      await sec.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Jalur talenta' }).click();
      const start = sec.getByRole('form', { name: 'Mulai pengisian dari kelompok talenta' });
      await start.getByLabel('Nama jabatan').fill(POSITION);
      await start.getByLabel('Unit kerja').fill('Sekretariat Daerah');
      await start.getByLabel('Jenjang').selectOption('MADYA');
      await start.getByLabel('Rencana tanggal pelantikan').fill(addCalendarDays(today(), 60));
      await start.getByRole('button', { name: 'Mulai pengisian' }).click();
      await sec.waitForURL(/\/kelola\/talenta\/pengisian\/TAL-/);
      const fillingId = decodeURIComponent(sec.url().split('/').at(-1)!);
      await stageIs(sec, 'Menunggu konfirmasi tim');
      expect(await textOf(sec.locator('dl.summary'))).toContain('Presiden atas usul PPK');
      expect(await textOf(sec.getByRole('table', { name: 'Urutan suksesor' }))).toContain('Talenta Madya 1');
      await screenshot(sec, '70-talenta-usulan');

      // …and confirms it from its inbox.
      await openFromInbox(sec, fillingId, 'Menunggu konfirmasi tim');
      const confirm = sec.getByRole('form', { name: 'Konfirmasi usulan' });
      await confirm.getByLabel('Alasan').fill('Usulan sesuai hasil pemetaan talenta');
      await confirm.getByRole('button', { name: 'Kirim konfirmasi' }).click();
      await stageIs(sec, 'Menunggu persetujuan pengawas');

      // The overseer finds it in its inbox, with the deadline, and approves.
      const bkn = await as('pengawas');
      await openFromInbox(bkn, fillingId, 'Menunggu persetujuan pengawas');
      const decide = bkn.getByRole('form', { name: 'Keputusan pengawas atas usulan' });
      await decide.getByLabel('Setujui').check();
      await decide.getByLabel('Nomor surat').fill(`B-501/BKN/${YEAR}`);
      await decide.getByLabel('Alasan').fill('Usulan suksesor memenuhi ketentuan');
      await decide.getByRole('button', { name: 'Kirim keputusan' }).click();
      await stageIs(bkn, 'Menunggu keputusan PPK');

      // The PPK proposes the first successor to the President.
      const ppk = await as('ppk');
      await openFromInbox(ppk, fillingId, 'Menunggu keputusan PPK');
      const choose = ppk.getByRole('form', { name: 'Keputusan PPK atas suksesor' });
      await choose.getByLabel(/^1\. Talenta Madya 1/).check();
      await choose.getByRole('button', { name: 'Tetapkan suksesor' }).click();
      await stageIs(ppk, 'Menunggu Keputusan Presiden');

      // The secretariat records the President's decree; the decree of appointment follows.
      await openFromInbox(sec, fillingId, 'Menunggu Keputusan Presiden');
      const keppres = sec.getByRole('form', { name: 'Keputusan Presiden' });
      expect(await textOf(keppres)).toContain('(usulan PPK)');
      await keppres.getByLabel('Nomor Keputusan Presiden').fill(KEPPRES);
      await screenshot(sec, '71-talenta-keputusan-presiden');
      await keppres.getByRole('button', { name: 'Catat Keputusan Presiden' }).click();
      await stageIs(sec, 'Pelantikan');
      expect(await textOf(sec.locator('dl.summary'))).toContain(`Nomor ${KEPPRES}`);
      await sec
        .getByRole('link', { name: /^Unduh / })
        .first()
        .waitFor();

      const inaugurate = sec.getByRole('form', { name: 'Pelantikan suksesor' });
      await inaugurate.getByLabel('Tempat pelantikan').fill('Istana Negara, Jakarta');
      await inaugurate.getByRole('button', { name: 'Catat pelantikan' }).click();
      await stageIs(sec, 'Selesai');
      expect(await textOf(sec.locator('dl.summary'))).toContain('Talenta Madya 1');
      expect(await textOf(sec.getByRole('region', { name: 'Keputusan tercatat' }))).toContain(
        'Keputusan Presiden dicatat',
      );
      await screenshot(sec, '72-talenta-selesai');

      // Done: no inbox holds it any more; the list shows it finished.
      await sec.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Jalur talenta' }).click();
      const list = sec.getByRole('region', { name: 'Daftar pengisian' });
      await list.getByRole('link', { name: fillingId }).waitFor();
      expect(await textOf(list.getByRole('row').filter({ hasText: fillingId }))).toContain('Selesai');
      expect(await sec.getByRole('region', { name: 'Menunggu tindakan Anda' }).getByText(fillingId).count()).toBe(0);
    },
  );

  it(
    'inside a pilkada window: the PPK waits for the Minister’s permission recorded on the page, then the duty to report',
    { timeout: 900_000 },
    async () => {
      const position = 'Asisten Perekonomian dan Pembangunan';
      const letter = '100.2.2.6/456/OTDA';
      // The administrator keeps the province's schedule: candidate pairs determined in 30 days, so today is inside.
      const admin = await as('admin');
      await admin.goto('/kelola/pilkada');
      const schedule = admin.getByRole('form', { name: 'Jadwal pilkada daerah' });
      await schedule.getByLabel('Jenis daerah').selectOption('PROVINSI');
      await schedule.getByLabel('Nama daerah').fill('Kalimantan Timur');
      await schedule
        .getByLabel('Jadwal pilkada')
        .fill(`Pilkada serentak (uji talenta) | ${addCalendarDays(today(), 30)} | ${addCalendarDays(today(), 180)} |`);
      await schedule.getByLabel('Alasan perubahan').fill('Jadwal dari keputusan KPU Provinsi Kalimantan Timur');
      await schedule.getByRole('button', { name: 'Simpan jadwal' }).click();
      await schedule.getByText('Jadwal pilkada disimpan.').waitFor({ timeout: 60_000 });

      // To the PPK's decision through GraphQL (the steps the first test takes in the browser).
      const fillingId = must(
        await t.startFilling(DEMO_SECRETARY, {
          post: { position, unit: 'Sekretariat Daerah', level: 'MADYA' },
          plannedInaugurationDate: addCalendarDays(today(), 60),
        }),
      ).startTalentPoolFilling.fillingId;
      await t.waitForFilling(DEMO_SECRETARY, fillingId, 'CONFIRMATION', 180_000);
      must(await t.confirmProposal(DEMO_SECRETARY, fillingId, true, 'Usulan sesuai hasil pemetaan talenta'));
      await t.waitForFilling(DEMO_SECRETARY, fillingId, 'OVERSEER_APPROVAL', 180_000);
      must(await t.overseerDecision(DEMO_OVERSEER, fillingId, 'APPROVE', 'Usulan suksesor memenuhi ketentuan'));
      await t.waitForFilling(DEMO_SECRETARY, fillingId, 'PPK_DECISION', 180_000);
      const page = `/kelola/talenta/pengisian/${encodeURIComponent(fillingId)}`;

      // The PPK's choice is refused in Bahasa Indonesia; the page shows the window.
      const ppk = await as('ppk');
      await ppk.goto(page);
      const choose = ppk.getByRole('form', { name: 'Keputusan PPK atas suksesor' });
      await choose.getByLabel(/^1\. Talenta Madya/).check();
      await choose.getByRole('button', { name: 'Tetapkan suksesor' }).click();
      await choose.getByText('pengangkatan memerlukan izin tertulis Menteri Dalam Negeri').waitFor({ timeout: 60_000 });
      expect(await textOf(ppk.getByRole('list', { name: 'Masa pilkada daerah' }))).toContain(
        'Pilkada serentak (uji talenta)',
      );
      await stageIs(ppk, 'Menunggu keputusan PPK');

      // The secretariat records the permission on the filling's page.
      const sec = await as('sekretariat');
      await sec.goto(page);
      const permit = sec.getByRole('form', { name: 'Izin Menteri Dalam Negeri' });
      await permit.getByLabel('Nomor surat izin').fill(letter);
      await permit.getByLabel('Lingkup izin').fill(position);
      await permit.getByLabel('Keterangan').fill('Surat izin Menteri Dalam Negeri diterima');
      await permit.getByRole('button', { name: 'Catat izin' }).click();
      await sec.getByText(`Izin Menteri Dalam Negeri tercatat: ${letter}`).waitFor({ timeout: 60_000 });
      expect(await textOf(sec.getByRole('region', { name: 'Keputusan tercatat' }))).toContain('Izin Mendagri dicatat');
      await screenshot(sec, '73-talenta-izin-mendagri');

      // The PPK proposes again: accepted.
      await ppk.reload();
      await choose.getByLabel(/^1\. Talenta Madya/).check();
      await choose.getByRole('button', { name: 'Tetapkan suksesor' }).click();
      await stageIs(ppk, 'Menunggu Keputusan Presiden');

      // After the Keppres and the decree, the page carries the duty to report; the secretariat records the report.
      const f = must(await t.filling(DEMO_SECRETARY, fillingId)).talentFilling;
      must(
        await t.recordPresidentialDecision(DEMO_SECRETARY, fillingId, {
          employeeId: f.proposedEmployeeId!,
          decreeNumber: `78/TPA Tahun ${YEAR}`,
          decreeDate: today(),
        }),
      );
      await t.waitForFilling(DEMO_SECRETARY, fillingId, 'INAUGURATION', 180_000);
      await sec.reload();
      const duty = sec.getByRole('group', { name: 'Kewajiban laporan kepada Menteri Dalam Negeri' });
      const report = duty.getByRole('form', { name: `Laporan kepada Menteri Dalam Negeri: ${position}` });
      await report.getByLabel('Nomor surat laporan').fill('800/77/BKD');
      await report.getByLabel('Keterangan').fill('Laporan pengangkatan dikirim kepada Menteri Dalam Negeri');
      await report.getByRole('button', { name: 'Catat laporan' }).click();
      await duty.getByText('Laporan tercatat: 800/77/BKD').waitFor({ timeout: 60_000 });
      await screenshot(sec, '74-talenta-laporan-mendagri');
    },
  );
});

describe('the nine-box grid in the portal', () => {
  it('opens the 3×3 map, a box shows its people, at 1280 and 360 px', { timeout: 300_000 }, async () => {
    const sec = await as('sekretariat');
    await sec.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pemetaan talenta' }).click();
    // The agency comes from the account: no code to type, no batch size.
    const form = sec.getByRole('form', { name: 'Pemetaan talenta' });
    await form.getByLabel('Periode').waitFor();
    expect(await form.getByLabel('Kode instansi').count()).toBe(0);
    expect(await form.getByLabel('Pegawai per batch').count()).toBe(0);

    const mapSection = sec.getByRole('region', { name: 'Peta talenta', exact: true });
    const grid = mapSection.getByRole('table', { name: /^Peta sembilan kotak/ });
    await grid.waitFor();
    // Potential up: the top row is high potential, the left column low performance.
    expect(await textOf(grid.getByRole('rowheader').first())).toBe('Potensial tinggi');
    expect(await textOf(grid.getByRole('columnheader').first())).toBe('Kinerja di bawah ekspektasi');
    expect(await grid.getByRole('button', { name: /^Kotak \d/ }).count()).toBe(9);

    // Talenta Madya 1 (SKP Sangat Baik, assessment 96/93) sits in box 9: high performance, high potential.
    const box9 = grid.getByRole('button', {
      name: /^Kotak 9\s*:\s*Kinerja di atas ekspektasi dan potensial tinggi\s*,\s*\d+\s*pegawai/,
    });
    await box9.focus();
    await box9.press('Enter');
    expect(await box9.getAttribute('aria-pressed')).toBe('true');
    const people = mapSection.getByRole('region', { name: /^Kotak 9: Kinerja di atas ekspektasi/ });
    await people.getByRole('rowheader', { name: 'Talenta Madya 1, S.H., M.Si.' }).waitFor();
    const row = people.getByRole('row').filter({ hasText: 'Talenta Madya 1' });
    expect(await textOf(row)).toMatch(/\d{18}/);
    expect(await textOf(row)).toContain('Kepala Badan');
    await partScreenshot(mapSection, '73-peta-talenta-kotak');

    // A phone: the grid shrinks to the screen, the page does not scroll sideways, the box still opens.
    await sec.setViewportSize({ width: 360, height: 740 });
    await grid.waitFor();
    const widths = await sec.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    const gridBox = await grid.boundingBox();
    expect(gridBox!.x + gridBox!.width).toBeLessThanOrEqual(360);
    await box9.click();
    expect(await box9.getAttribute('aria-pressed')).toBe('false');
    await box9.click();
    await people.getByRole('rowheader', { name: 'Talenta Madya 1, S.H., M.Si.' }).waitFor();
    await partScreenshot(mapSection, '74-peta-talenta-360');
  });
});
