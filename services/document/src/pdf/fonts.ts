/**
 * Fonts come from the dejavu-fonts-ttf npm package, never from the system, so every machine renders the
 * same bytes. DejaVu covers the diacritics found in Indonesian names.
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

export function registerFonts(doc: Doc): void {
  for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) doc.registerFont(name, fontBytes(name));
}
