/**
 * Issue 17: axe-core on every page of the portal, signed in as every role (and signed out), at 1280 and
 * 360 px, against one embedded stack. The walk takes each role's menu as the portal shows it, plus the
 * public pages, plus the first link to each nested page (a selection, its results, an application, a
 * dashboard, an audit trail, an agency, a talent filling) found on the way. A serious or critical
 * violation fails the test; moderate and minor ones are printed. The same file checks the frame: the
 * phone menu (a disclosure button: aria-expanded, Escape, focus), the agency's name in the header, the
 * footer's helpdesk and the breadcrumbs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from './support/stack';
import { clearScreens, launchChromium, newContext, screenshot, signIn } from './support/browser';
import { applyWithPdfs, DEMO_CANDIDATES, openDemoRound, signInDemoRound } from '../support/demo-round';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every role of the demo seed (local part of its address); null: signed out. */
const ROLES: { user: string | null; role: string }[] = [
  { user: null, role: 'publik' },
  { user: 'peserta1', role: 'peserta' },
  { user: 'sekretariat', role: 'sekretariat Pansel' },
  { user: 'pansel1', role: 'anggota Pansel' },
  { user: 'ppk', role: 'PPK' },
  { user: 'pengawas', role: 'pengawas' },
  { user: 'admin', role: 'administrator' },
  { user: 'admininstansi', role: 'administrator instansi' },
];

/** Pages every visitor can open, signed in or not. */
const PUBLIC_PAGES = ['/', '/seleksi', '/verifikasi-dokumen'];
const SIGNED_OUT_PAGES = ['/masuk', '/daftar', '/lupa-kata-sandi'];
/** Nested pages reached by a link: the first link of each kind found on the way is visited too. */
const NESTED = [
  /^\/seleksi\/[^/]+$/,
  /^\/seleksi\/[^/]+\/hasil$/,
  /^\/lowongan\/[^/]+\/[^/]+$/,
  /^\/lamaran-saya\/[^/]+$/,
  /^\/kelola\/instansi\/[^/]+$/,
  /^\/kelola\/seleksi\/(?!baru$)[^/]+$/,
  /^\/kelola\/seleksi\/[^/]+\/audit$/,
  /^\/kelola\/dokumen\/[^/]+\/koreksi$/,
  /^\/kelola\/talenta\/pengisian\/[^/]+$/,
];
const WIDTHS = [1280, 360] as const;
const BLOCKING = new Set(['serious', 'critical']);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

let stack: E2eStack;
let browser: Browser;
let consoleLog: string;
const report: string[] = [];

beforeAll(async () => {
  clearScreens(/^9\d-/);
  stack = await startE2eStack('accessibility');
  consoleLog = join(stack.artifactDir, 'browser-console.log');
  browser = await launchChromium();
  // A round of our own with one application, so the candidate's and the staff's nested pages have content.
  const d = await signInDemoRound(stack.url);
  const { vacancyId } = await openDemoRound(d, 'Seleksi uji aksesibilitas');
  await applyWithPdfs(d, stack.url, DEMO_CANDIDATES[0]!, vacancyId);
}, 600_000);

afterAll(async () => {
  if (stack) writeFileSync(join(stack.artifactDir, 'axe-report.txt'), `${report.join('\n')}\n`);
  await browser?.close();
  await stack?.stop();
});

/** The page's own data has arrived: a heading, and no "Memuat…" left. */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /^Memuat/ })
    .first()
    .waitFor({ state: 'detached', timeout: 30_000 })
    .catch(() => undefined);
}

async function axe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the driver (not a <script>), so the gateway's CSP stays as strict as users get it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations as AxeViolation[];
  });
}

function describeViolation(where: string, v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 3)
    .map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}`)
    .join('\n');
  return `${where} [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes}`;
}

/** Links of the page that lead to a nested page of a kind not visited yet. */
async function nestedLinks(page: Page, seen: Set<RegExp>): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found: string[] = [];
  for (const href of hrefs) {
    const path = href.split(/[?#]/)[0]!;
    const kind = NESTED.find((re) => re.test(path) && !seen.has(re));
    if (kind) {
      seen.add(kind);
      found.push(path);
    }
  }
  return found;
}

describe('accessibility: axe on every page, every role, 1280 and 360 px', () => {
  for (const { user, role } of ROLES) {
    it(`as ${role}`, async () => {
      const { context, page } = await newContext(browser, stack.url, consoleLog, { label: user ?? 'public' });
      try {
        if (user) await signIn(page, user);
        const menu = user
          ? await page
              .getByRole('navigation', { name: 'Menu utama' })
              .locator('a')
              .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
          : [];
        const queue = [...new Set([...(user ? ['/beranda-saya'] : SIGNED_OUT_PAGES), ...PUBLIC_PAGES, ...menu])];
        const seen = new Set<RegExp>();
        const blocking: string[] = [];
        for (let i = 0; i < queue.length; i++) {
          const path = queue[i]!;
          await page.setViewportSize({ width: 1280, height: 800 });
          await page.goto(path);
          await settled(page);
          for (const p of await nestedLinks(page, seen)) if (!queue.includes(p)) queue.push(p);
          for (const width of WIDTHS) {
            if (width !== 1280) await page.setViewportSize({ width, height: 740 });
            for (const v of await axe(page)) {
              const line = describeViolation(`${role} ${path} @${width}`, v);
              report.push(line);
              if (BLOCKING.has(v.impact ?? '')) blocking.push(line);
              else console.log(`[axe] ${line.split('\n')[0]}`);
            }
          }
        }
        report.push(`${role}: ${queue.length} pages: ${queue.join(' ')}`);
        console.log(`[axe] ${role}: ${queue.length} pages checked at ${WIDTHS.join(' and ')} px`);
        expect(blocking, blocking.join('\n')).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the frame', () => {
  it('on a phone the menu is one button that opens, closes on Escape and gives the focus back', async () => {
    const { context, page } = await newContext(browser, stack.url, consoleLog, { label: 'sekretariat' });
    try {
      await signIn(page, 'sekretariat');
      await page.setViewportSize({ width: 360, height: 740 });
      const nav = page.getByRole('navigation', { name: 'Menu utama' });
      const toggle = nav.getByRole('button', { name: 'Menu' });
      const firstLink = nav.getByRole('link').first();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await firstLink.isVisible()).toBe(false);
      // The header (agency, menu button, session) stays short: the page's heading is in the first screen.
      const headingTop = await page
        .locator('h1')
        .first()
        .evaluate((h) => h.getBoundingClientRect().top);
      expect(headingTop).toBeLessThan(400);

      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
      const controls = await toggle.getAttribute('aria-controls');
      expect(await page.locator(`[id="${controls}"]`).isVisible()).toBe(true);
      expect(await nav.getByRole('link').count()).toBeGreaterThan(7);
      await expect.poll(() => firstLink.evaluate((a) => a === document.activeElement)).toBe(true);
      await page.locator('.brand-agency').waitFor();
      await screenshot(page, '90-menu-ponsel');
      const open = await axe(page);
      expect(open.filter((v) => BLOCKING.has(v.impact ?? '')).map((v) => describeViolation('menu open', v))).toEqual(
        [],
      );

      await page.keyboard.press('Escape');
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await firstLink.isVisible()).toBe(false);
      expect(await toggle.evaluate((b) => b === document.activeElement)).toBe(true);

      // A followed link closes the menu.
      await toggle.click();
      await nav.getByRole('link', { name: 'Kelola seleksi' }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');

      // At desktop width there is no button: the links are in the header.
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await toggle.isVisible()).toBe(false);
      expect(await firstLink.isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it("shows the agency's name, its helpdesk and breadcrumbs on nested pages", async () => {
    const { context, page } = await newContext(browser, stack.url, consoleLog, { label: 'sekretariat' });
    try {
      await signIn(page, 'sekretariat');
      const header = page.getByRole('banner');
      await expect.poll(() => header.textContent()).toContain('Pemerintah Provinsi Kalimantan Timur');
      const footer = page.getByRole('contentinfo');
      await expect.poll(() => footer.textContent()).toContain('Jam layanan: Senin–Jumat 08.00–16.00 WITA');
      expect(await footer.textContent()).toContain('(0541) 733333');

      await page.goto('/kelola/seleksi');
      await settled(page);
      expect(await page.getByRole('navigation', { name: 'Navigasi jejak' }).count()).toBe(0);
      const dashboard = page.locator('main a[href^="/kelola/seleksi/"]:not([href$="/baru"])').first();
      await dashboard.click();
      const crumbs = page.getByRole('navigation', { name: 'Navigasi jejak' });
      await crumbs.waitFor();
      expect((await crumbs.getByRole('link').allTextContents()).slice(0, 2)).toEqual(['Beranda', 'Kelola seleksi']);
      expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe('Dasbor seleksi');

      // Signed out, a selection's page shows its agency; the home page the product's own name and helpdesk.
      const anon = await newContext(browser, stack.url, consoleLog, { label: 'public' });
      try {
        await anon.page.goto('/');
        await settled(anon.page);
        await expect.poll(() => anon.page.getByRole('contentinfo').textContent()).toContain('Layanan bantuan');
        expect(await anon.page.getByRole('banner').textContent()).not.toContain('Kalimantan Timur');
        const link = anon.page.locator('main a[href^="/seleksi/"]').first();
        await link.click();
        await expect
          .poll(() => anon.page.getByRole('banner').textContent())
          .toContain('Pemerintah Provinsi Kalimantan Timur');
      } finally {
        await anon.context.close();
      }
    } finally {
      await context.close();
    }
  });
});
