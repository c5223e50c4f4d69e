/**
 * Fonts come from the dejavu-fonts-ttf npm package, never from the system, so every machine renders the
 * same bytes. DejaVu covers the diacritics found in Indonesian names.
 *
 * Each font file is parsed once per process and the parsed font shared by every document: parsing the TTF
 * tables again for each document took most of a render (a 200-row list: ~740 ms instead of ~60 ms).
 * Sharing changes no byte of the output; each document still makes its own subset.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Doc } from './document';

export const FONT = {
  body: 'Body',
  bold: 'Body-Bold',
  italic: 'Body-Italic',
  sans: 'Sans',
  sansBold: 'Sans-Bold',
} as const;

const FILES: Record<(typeof FONT)[keyof typeof FONT], string> = {
  // Condensed serif sets about as densely as the Bookman/Times faces of printed letters.
  Body: 'DejaVuSerifCondensed.ttf',
  'Body-Bold': 'DejaVuSerifCondensed-Bold.ttf',
  'Body-Italic': 'DejaVuSerifCondensed-Italic.ttf',
  Sans: 'DejaVuSans.ttf',
  'Sans-Bold': 'DejaVuSans-Bold.ttf',
};

let fontDir: string | undefined;
const cache = new Map<string, Buffer>();
const parsed = new Map<string, unknown>();

/** fontkit as pdfkit itself loads it (pdfkit's dependency, so the two always match). */
let fontkit: { create(bytes: Buffer): unknown } | undefined;
function fontkitOfPdfkit(): { create(bytes: Buffer): unknown } {
  fontkit ??= createRequire(createRequire(import.meta.url).resolve('pdfkit'))('fontkit') as {
    create(bytes: Buffer): unknown;
  };
  return fontkit;
}

/** Folder of the package's TTFs, found through Node resolution (works with pnpm's nested layout). */
export function fontDirectory(): string {
  fontDir ??= path.join(path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return fontDir;
}

export function fontPath(name: keyof typeof FILES): string {
  return path.join(fontDirectory(), FILES[name]);
}

function fontBytes(name: keyof typeof FILES): Buffer {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = readFileSync(fontPath(name));
    cache.set(name, bytes);
  }
  return bytes;
}

function parsedFont(name: keyof typeof FILES): unknown {
  let font = parsed.get(name);
  if (!font) {
    font = fontkitOfPdfkit().create(fontBytes(name));
    parsed.set(name, font);
  }
  return font;
}

/**
 * The body font as the document's initial font (pdfkit opens one when the document is created; with the
 * parsed font it is not read and parsed again). Typed as pdfkit's option, which lists only files.
 */
export function initialFont(): string {
  return parsedFont(FONT.body) as string;
}

export function registerFonts(doc: Doc): void {
  for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) {
    // pdfkit takes a parsed font in place of the file (anything with `layout`); its typings only list files.
    doc.registerFont(name, parsedFont(name) as Buffer);
  }
}
