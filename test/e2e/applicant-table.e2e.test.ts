/**
 * The dashboard's applicants table in Debian's Chromium against the embedded stack of `npm start` (demo data):
 * six demo candidates apply through GraphQL to a training round; the secretary pages the list (five rows a
 * page), sorts it by name both ways (aria-sort on the header) and searches it by a name prefix, each answered
 * by the gateway; the table's scroll region is focusable and labelled.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { localDateOf } from '@seleksi/domain';
import { DEMO_PASSWORD, DEMO_DOMAIN, startE2eStack, type E2eStack } from './support/stack';
import { launchChromium, signedInContext, textOf, waitForPageState } from './support/browser';
import {
  applyWithPdfs,
  DEMO_OVERSEER,
  DEMO_ROUND_PANSEL,
  DEMO_ROUND_USERS,
  DEMO_SECRETARY,
  gqlGivingUp,
} from '../support/demo-round';
import { SelectionDriver } from '../support/selection-driver';

process.env.LATE_RECEIPT_GRACE_SECONDS ??= '10';

const CANDIDATES = [1, 2, 3, 4, 5, 6].map((n) => `user-peserta-${n}`);

let stack: E2eStack;
let browser: Browser;
let d: SelectionDriver;

beforeAll(async () => {
  stack = await startE2eStack('applicant-table');
  browser = await launchChromium();
  d = await SelectionDriver.signInExisting(
    { gql: gqlGivingUp(stack.url, 60_000) },
    [
      ...DEMO_ROUND_USERS,
      ...CANDIDATES.slice(4).map((id) => ({ id, email: `peserta${id.split('-').at(-1)}@${DEMO_DOMAIN}` })),
    ],
    DEMO_PASSWORD,
  );
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The names in the table's row headers, in order. */
async function names(table: Locator): Promise<string[]> {
  return (await table.locator('tbody th[scope="row"]').allTextContents()).map((t) => t.trim());
}

async function waitForNames(page: Page, table: Locator, what: string, ok: (n: string[]) => boolean): Promise<string[]> {
  let last: string[] = [];
  await waitForPageState(page, what, async () => {
    last = await names(table);
    return ok(last);
  });
  return last;
}

describe("the secretary's applicants table", () => {
  it('pages, sorts and searches the applicants on the gateway', { timeout: 600_000 }, async () => {
    const { selectionId, vacancyId } = await d.openTrainingRound(
      { secretary: DEMO_SECRETARY, overseer: DEMO_OVERSEER },
      DEMO_ROUND_PANSEL,
      {
        title: `Seleksi Uji Tabel Pelamar ${Date.now()}`,
        announcementDate: localDateOf(new Date(), 'WITA'),
        vacancy: { position: 'Kepala Dinas Komunikasi dan Informatika', unit: 'Dinas Komunikasi dan Informatika' },
        // Registration stays open while the browser looks.
        secondsPerDay: 60,
        rules: { registrationDays: 10, overseerEra: 'KASN', overseerDecisionWorkingDays: 30 },
      },
    );
    for (const c of CANDIDATES) await applyWithPdfs(d, stack.url, c, vacancyId);

    const { context, page } = await signedInContext(
      browser,
      stack.url,
      join(stack.artifactDir, 'browser-console.log'),
      'sekretariat',
    );
    await page.goto(`/kelola/seleksi/${encodeURIComponent(selectionId)}`);
    const table = page.getByRole('table', { name: 'Lamaran', exact: true });
    await table.waitFor();
    // The wide table scrolls in a focusable region named by its caption ("Tabel …", never the section's name).
    const region = page.getByRole('region', { name: 'Tabel Lamaran', exact: true });
    expect(await region.getAttribute('tabindex')).toBe('0');
    const section = page.getByRole('region', { name: /^Lamaran \(/ });
    const status = section.getByRole('navigation', { name: 'Halaman tabel' }).getByRole('status');

    // Five a page: two pages of six.
    await section.getByLabel('Baris per halaman').selectOption('5');
    await waitForPageState(page, 'the first page of five', async () => (await textOf(status)).includes('1–5 dari 6'));
    expect(await names(table)).toHaveLength(5);
    await section.getByRole('button', { name: 'Halaman berikutnya' }).click();
    await waitForPageState(page, 'the second page', async () => (await textOf(status)).includes('6–6 dari 6'));
    const second = await names(table);
    expect(second).toHaveLength(1);
    await section.getByRole('button', { name: 'Halaman sebelumnya' }).click();
    await waitForPageState(page, 'back on the first page', async () => (await textOf(status)).includes('1–5 dari 6'));

    // Sorted by name: ascending, then descending; the header says which.
    const header = table.getByRole('columnheader', { name: /Peserta/ });
    await header.getByRole('button').click();
    await waitForPageState(
      page,
      'sorted ascending',
      async () => (await header.getAttribute('aria-sort')) === 'ascending',
    );
    const collator = new Intl.Collator('id');
    const asc = await waitForNames(
      page,
      table,
      'names ascending',
      (n) =>
        n.length === 5 && n.every((x, i) => i === 0 || collator.compare(n[i - 1]!.toLowerCase(), x.toLowerCase()) <= 0),
    );
    await header.getByRole('button').click();
    await waitForPageState(
      page,
      'sorted descending',
      async () => (await header.getAttribute('aria-sort')) === 'descending',
    );
    const desc = await waitForNames(page, table, 'names descending', (n) => n.length === 5 && n[0] !== asc[0]);
    expect(desc.every((x, i) => i === 0 || collator.compare(desc[i - 1]!.toLowerCase(), x.toLowerCase()) >= 0)).toBe(
      true,
    );

    // A name prefix: only the names that start with it.
    const prefix = asc[0]!.slice(0, 4);
    await section.getByRole('searchbox', { name: 'Cari pelamar' }).fill(prefix.toLowerCase());
    await section.getByRole('button', { name: 'Cari', exact: true }).click();
    const found = await waitForNames(
      page,
      table,
      `names starting "${prefix}"`,
      (n) => n.length > 0 && n.length < 6 && n.every((x) => x.toLowerCase().startsWith(prefix.toLowerCase())),
    );
    expect(found).toContain(asc[0]);
    await section.getByRole('searchbox', { name: 'Cari pelamar' }).fill('zzzz');
    await section.getByRole('button', { name: 'Cari', exact: true }).click();
    await section.getByText('Tidak ada hasil untuk "zzzz".').waitFor();
    await context.close();
  });
});
