/**
 * One whole open selection carried from the browser, by each role in turn, on the embedded stack
 * started as `npm start` starts it (demo data: agency KALTIM, its secretariat, five Pansel members, the
 * PPK, the overseer and eight ASN candidates). The round runs in training mode (a day lasts
 * SECONDS_PER_DAY seconds), so registration and the objection windows close by their timers within
 * seconds. The steps are shared with go-live.e2e (support/round-steps.ts).
 *
 * Each step is its own test (in order, sharing the round): a failing step fails the ones after it at once.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { ARTIFACTS, startE2eStack, type E2eStack } from './support/stack';
import { clearScreens, screenshot, signedInContext, launchChromium } from './support/browser';
import { RoundSteps, stepRunner, type Login } from './support/round-steps';
import { mailTo } from './support/mailpit';

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

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;
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

const step = stepRunner(
  () => browser,
  () => stack.artifactDir,
  timings,
);
const login =
  (user: string): Login =>
  () =>
    signedInContext(browser, stack.url, consoleLog, user);

const round = new RoundSteps({
  title: TITLE,
  position: POSITION,
  unit: UNIT,
  secondsPerDay: SECONDS_PER_DAY,
  registrationDays: REGISTRATION_DAYS,
  secretary: login('sekretariat'),
  overseer: login('pengawas'),
  ppk: login('ppk'),
  pansel: PANSEL.map((m) => ({ ...m, login: login(m.user) })),
  candidates: CANDIDATES.map((c) => ({ ...c, login: login(c.user) })),
  ineligible: { ...INELIGIBLE, base: 0, login: login(INELIGIBLE.user) },
  uploadDir: join(ARTIFACTS, 'e2e', 'selection', 'uploads'),
  shot: screenshot,
  extraShots: true,
});

describe('a whole open selection from the browser', () => {
  step('the secretary plans a round in training mode', () => round.planRound());
  step('the secretary sets the Pansel and submits the plan', () => round.setPanselAndSubmit());
  step('the overseer approves the plan; registration opens', () => round.approvePlan());
  step('candidates apply with their PDF documents before registration closes', () => round.candidatesApply());
  step(
    'registration closes by its timer; the secretary reviews the screening and publishes it',
    () => round.publishScreening(),
    round.screeningTimeoutMs + 60_000,
  );
  step('the ineligible candidate reads the result with its reasons', () => round.ineligibleReadsResult());
  step('the secretary schedules the competency assessment; a candidate reads it and gets the invitation', () =>
    round.scheduleAssessment(
      {
        place: 'Gedung UPT Penilaian Kompetensi, Jl. Basuki Rahmat No. 41, Samarinda',
        notes: 'Berpakaian dinas harian; hadir 30 menit sebelum mulai',
      },
      (address, subject) => mailTo(stack, address, subject),
    ),
  );
  step('the secretary records the competency assessment', () => round.recordAssessment());
  step('Pansel members declare conflicts and score the interviews blind', () => round.interviews(), 300_000);
  step('the secretary records the track records; the final ranking and its objection window follow', () =>
    round.trackRecordsAndRanking(),
  );
  step('the secretary exports the final ranking to XLSX from the dashboard', async () => {
    const { context, page } = await login('sekretariat')();
    await page.goto(`/kelola/seleksi/${encodeURIComponent(round.selectionId)}`);
    const exports = page.getByRole('region', { name: 'Ekspor data' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      exports.getByRole('link', { name: 'Unduh Peringkat akhir sebagai berkas XLSX' }).click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/^peringkat-akhir-.+\.xlsx$/);
    const path = join(stack.artifactDir, file.suggestedFilename());
    await file.saveAs(path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('Peringkat Akhir')!;
    // Header, the four ranked candidates in score order, then the ineligible one without a place.
    expect(sheet.getRow(1).getCell(2).value).toBe('Peringkat');
    const names = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(3).value);
    expect(names).toEqual([...CANDIDATES.map((c) => c.name), INELIGIBLE.name]);
    expect(sheet.getRow(2).getCell(2).value).toBe(1);
    await context.close();
  });
  step('the overseer recommends the result', () => round.recommendResult());
  step('the PPK chooses 1 of 3 with a justification', () => round.ppkChooses());
  step('the secretary records the inauguration; the round is completed and its result is public', () =>
    round.inaugurationAndPublicResult(browser, stack.url, consoleLog),
  );
});
