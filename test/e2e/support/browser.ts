/**
 * Debian's Chromium driven by playwright-core: one browser per test file, one context (own session
 * storage, so own sign-in) per role, full-page screenshots of the main screens into
 * test/artifacts/screens/<nn>-<name>.png, and every page's console errors into the file's artefacts.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterEach } from 'vitest';
import { repoRoot } from '@seleksi/dev';
import { ARTIFACTS, DEMO_DOMAIN, DEMO_PASSWORD } from './stack';

export const SCREENS = join(ARTIFACTS, 'screens');
/** The screenshots the README shows, copied to docs/screens/ when E2E_UPDATE_README_SCREENS=1. */
const README_SCREENS = new Set([
  '01-beranda-publik',
  '02-tahapan-seleksi',
  '23-formulir-lamaran-360',
  '28-wawancara-buta-lembar',
  '34-pilihan-ppk-formulir',
  '73-peta-talenta-kotak',
  '90-menu-ponsel',
]);
const DOCS_SCREENS = join(repoRoot, 'docs/screens');

function keep(name: string, file: string): string {
  if (process.env.E2E_UPDATE_README_SCREENS === '1' && README_SCREENS.has(name)) {
    mkdirSync(DOCS_SCREENS, { recursive: true });
    copyFileSync(file, join(DOCS_SCREENS, `${name}.png`));
  }
  return file;
}
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network and a throw-away profile (playwright-core adds a fresh --user-data-dir). */
const CHROMIUM_FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`bash infra/scripts/bootstrap.sh --test\` (installs Debian's chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    chromiumSandbox: false, // --no-sandbox: CI runs as root
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
}

export interface RoleContext {
  context: BrowserContext;
  page: Page;
  email: string;
}

/**
 * Content-Security-Policy violations seen on any page of this file's browser contexts: each test of
 * a file that uses this harness fails when its pages broke the gateway's CSP (a blocked script,
 * style, image, connection or frame), reported by the page itself (`securitypolicyviolation`) and
 * by Chromium's console.
 */
export const cspViolations: string[] = [];
const CSP_CONSOLE = /Content Security Policy/i;

afterEach(() => {
  const seen = cspViolations.splice(0);
  if (seen.length) throw new Error(`Content-Security-Policy violations:\n${[...new Set(seen)].join('\n')}`);
});

async function watchCsp(context: BrowserContext, label: string): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    cspViolations.push(`[${label}] ${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('console', (msg) => {
    if (msg.type() === 'error' && CSP_CONSOLE.test(msg.text())) cspViolations.push(`[${label}] console: ${msg.text()}`);
  });
}

/** A fresh context at desktop width (or `width`), its console errors logged to `logFile`. */
export async function newContext(
  browser: Browser,
  baseURL: string,
  logFile: string,
  opts: { width?: number; javaScriptEnabled?: boolean; label?: string; timezoneId?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width ?? 1280, height: 800 },
    locale: 'id-ID',
    timezoneId: opts.timezoneId ?? 'Asia/Makassar',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  context.setDefaultTimeout(20_000);
  context.setDefaultNavigationTimeout(30_000);
  const label = opts.label ?? 'anon';
  await watchCsp(context, label);
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      appendFileSync(logFile, `[${label}] console.${msg.type()}: ${msg.text()}\n`);
  });
  page.on('pageerror', (err) => appendFileSync(logFile, `[${label}] pageerror: ${err.message}\n`));
  return { context, page };
}

/** `user` is the local part of a demo account (`sekretariat`, `pansel1`, `peserta3`, …) or a whole address. */
export function demoEmail(user: string): string {
  return user.includes('@') ? user : `${user}@${DEMO_DOMAIN}`;
}

/** Signs in through the portal's sign-in page (/masuk) and waits for the personal home page. */
export async function signIn(page: Page, user: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Surel').fill(demoEmail(user));
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Selamat datang/ }).waitFor();
}

export async function signedInContext(
  browser: Browser,
  baseURL: string,
  logFile: string,
  user: string,
  password = DEMO_PASSWORD,
): Promise<RoleContext> {
  const { context, page } = await newContext(browser, baseURL, logFile, { label: user });
  await signIn(page, user, password);
  return { context, page, email: demoEmail(user) };
}

/** Removes earlier screenshots whose names match (each test file owns a range of numbers). */
export function clearScreens(names: RegExp): void {
  if (!existsSync(SCREENS)) return;
  for (const f of readdirSync(SCREENS)) if (names.test(f)) rmSync(join(SCREENS, f));
}

/** Full-page screenshot to test/artifacts/screens/<name>.png (`name` is `<nn>-<what>`). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = join(SCREENS, `${name}.png`);
  // Let fonts and pending renders settle so the picture shows the page as a user sees it.
  await page.evaluate(() => document.fonts.ready.then(() => undefined)).catch(() => undefined);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return keep(name, file);
}

/** One part of a page (a form, a table's region) to test/artifacts/screens/<name>.png. */
export async function partScreenshot(locator: Locator, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const file = join(SCREENS, `${name}.png`);
  await locator.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return keep(name, file);
}

/** The same page at a 360 px wide phone viewport, then back. */
export async function phoneScreenshot(page: Page, name: string): Promise<string> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 360, height: 740 });
  try {
    return await screenshot(page, name);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Text of a locator with whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Waits until `done` holds on the page, for states the server reaches on its own (timers, workflow
 * steps): polls the page, never the API. Each load of the page is given a settling window (which
 * grows from `intervalMs` to 15 s) to fetch its data before the next reload; reloading on a fixed
 * short beat would cut off a slow page's queries every time on a busy machine.
 */
export async function waitForPageState(
  page: Page,
  what: string,
  done: () => Promise<boolean>,
  { timeoutMs = 90_000, intervalMs = 1_500, reload = true } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const holds = () => done().catch(() => false);
  let settleMs = Math.max(intervalMs, 1_000);
  for (;;) {
    const loadDeadline = Math.min(deadline, Date.now() + settleMs);
    for (;;) {
      if (await holds()) return;
      if (Date.now() >= loadDeadline) break;
      await page.waitForTimeout(Math.min(250, intervalMs));
    }
    if (Date.now() >= deadline)
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for: ${what} (${page.url()})`);
    settleMs = Math.min(settleMs * 2, 15_000);
    if (reload) await page.reload({ waitUntil: 'domcontentloaded' });
  }
}
