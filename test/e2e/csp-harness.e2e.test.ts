/**
 * The harness's CSP watch itself (no stack): a page that breaks its Content-Security-Policy — an
 * inline script, an inline style, a connection elsewhere — is reported, so every e2e test whose pages
 * break the gateway's CSP fails (browser.ts checks after each test).
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cspViolations, launchChromium, newContext } from './support/browser';
import { ARTIFACTS } from './support/stack';

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self'; style-src 'self'");
    res.setHeader('Content-Type', 'text/html');
    if (req.url === '/clean') return void res.end('<!doctype html><title>ok</title><p>bersih</p>');
    res.end(
      '<!doctype html><title>x</title><style>p{color:red}</style><p>x</p>' +
        '<script>document.title = "inline"</script>',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

it('reports the violations of a page and none of a clean one', async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = join(ARTIFACTS, 'csp-harness-console.log');
  const { context, page } = await newContext(browser, base, log);
  try {
    await page.goto('/clean');
    await page.getByText('bersih').waitFor();
    expect(cspViolations).toEqual([]);
    await page.goto('/');
    await expect.poll(() => cspViolations.join('\n'), { timeout: 20_000 }).toMatch(/script-src/);
    expect(cspViolations.join('\n')).toMatch(/style-src/);
  } finally {
    // Seen and checked: the harness's own after-each check must not fail this test.
    cspViolations.length = 0;
    await context.close();
  }
});
