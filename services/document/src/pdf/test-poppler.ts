/**
 * Test helpers around Debian's poppler-utils (pdftotext, pdftoppm, pdffonts): the PDFs are read by the
 * tools people and printers use. A missing tool fails the test with the package to install, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll } from 'vitest';

const INSTALL_HINT =
  "install Debian's poppler-utils and libnss3-tools (bash infra/scripts/bootstrap.sh --test installs them)";

function run(
  tool: 'pdftotext' | 'pdftoppm' | 'pdffonts' | 'pdfsig' | 'certutil',
  args: string[],
  input?: Buffer,
): Buffer {
  const result = spawnSync(tool, args, { input, maxBuffer: 256 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: ${INSTALL_HINT}`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.join(' ')} exited with ${result.status}: ${result.stderr.toString().trim()}`);
  }
  return result.stdout;
}

/** Each page's text as `pdftotext -layout` lays it out (lines and columns kept). */
export function layoutPagesOf(pdf: Buffer): string[] {
  const text = run('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], pdf).toString('utf8');
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** Each page's text with runs of whitespace collapsed: lines, wrapped cells and columns become single spaces. */
export function pagesOf(pdf: Buffer): string[] {
  return layoutPagesOf(pdf).map((page) => page.replace(/\s+/g, ' ').trim());
}

/** A rendered PDF with its pages' text (as `pagesOf`) and all of it joined by spaces. */
export interface RenderedPdf {
  pdf: Buffer;
  pages: string[];
  all: string;
}

/**
 * Renders once before the tests of the enclosing `describe` (so a describe renders once, not per test).
 * The fields are filled in then: read them inside the tests, never while the tests are collected.
 */
export function renderedBeforeAll(render: () => Promise<Buffer>): RenderedPdf {
  const rendered: RenderedPdf = { pdf: Buffer.alloc(0), pages: [], all: '' };
  beforeAll(async () => {
    rendered.pdf = await render();
    rendered.pages = pagesOf(rendered.pdf);
    rendered.all = rendered.pages.join(' ');
  });
  return rendered;
}

/**
 * Each page's text in content order (`pdftotext -raw`), whitespace collapsed: a table cell that wraps
 * stays in one piece, where the layout mode interleaves it with the cells beside it.
 */
export function rawPagesOf(pdf: Buffer): string[] {
  const pages = run('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], pdf).toString('utf8').split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages.map((page) => page.replace(/\s+/g, ' ').trim());
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts `pdffonts` lists, with whether each is embedded. */
export function fontsOf(pdf: Buffer): PdfFont[] {
  const lines = run('pdffonts', ['-'], pdf).toString('utf8').split('\n').slice(2);
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, ID
      const cells = line.trim().split(/\s+/);
      const [emb] = cells.slice(-5);
      return { name: cells[0] ?? '', type: cells.slice(1, -6).join(' '), embedded: emb === 'yes' };
    });
}

/**
 * What poppler's `pdfsig` says of a PDF's signatures, with `caPem` (a PEM file) as the only trusted CA: a
 * throwaway NSS database (certutil) is made for the call, since pdfsig trusts what its NSS database trusts.
 */
export function pdfsigOf(pdf: Buffer, caPem: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdfsig-'));
  try {
    const db = `sql:${path.join(dir, 'nss')}`;
    mkdirSync(path.join(dir, 'nss'));
    run('certutil', ['-N', '-d', db, '--empty-password']);
    run('certutil', ['-A', '-d', db, '-n', 'trust-anchor', '-t', 'CT,C,C', '-i', caPem]);
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return run('pdfsig', ['-nssdir', db, file]).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ARTEFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/artifacts/documents');

/** Writes test/artifacts/documents/<name>.pdf and its first page as <name>.png. */
export function writeArtefact(name: string, pdf: Buffer): string {
  mkdirSync(ARTEFACTS, { recursive: true });
  const file = path.join(ARTEFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(ARTEFACTS, name)]);
  return path.join(ARTEFACTS, `${name}.png`);
}
