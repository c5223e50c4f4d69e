import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { agencyKindOf, inspectImage } from './agency';

/** A PNG's signature and IHDR (the rest is not read by inspectImage). */
function pngHead(w: number, h: number): Uint8Array {
  const b = Buffer.alloc(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  b.set([8, 2, 0, 0, 0], 24);
  return Buffer.concat([b, deflateSync(Buffer.alloc(4))]);
}

/** A JPEG with an APP0 segment before its baseline frame header. */
function jpegHead(w: number, h: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const sof = [0xff, 0xc0, 0x00, 0x11, 8, h >> 8, h & 0xff, w >> 8, w & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...sof, 0xff, 0xd9]);
}

describe('inspectImage', () => {
  it('reads PNG and JPEG dimensions from their structure', () => {
    expect(inspectImage(pngHead(640, 480))).toEqual({ contentType: 'image/png', width: 640, height: 480 });
    expect(inspectImage(jpegHead(300, 200))).toEqual({ contentType: 'image/jpeg', width: 300, height: 200 });
  });

  it('refuses other formats, cut files and zero sizes', () => {
    expect(inspectImage(Buffer.from('GIF89a......'))).toBeNull();
    expect(inspectImage(Buffer.from('%PDF-1.7\n'))).toBeNull();
    expect(inspectImage(pngHead(640, 480).subarray(0, 20))).toBeNull();
    expect(inspectImage(pngHead(0, 480))).toBeNull();
    expect(inspectImage(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]))).toBeNull();
    // A JPEG start followed by text is not walked past the first bad marker.
    expect(inspectImage(Uint8Array.from([0xff, 0xd8, 0x41, 0x42, 0x43, 0x44]))).toBeNull();
  });
});

describe('agencyKindOf', () => {
  it('maps the legacy kinds, splitting CENTRAL by name', () => {
    expect(agencyKindOf('PROVINCE')).toBe('PROVINSI');
    expect(agencyKindOf('REGENCY')).toBe('KABUPATEN');
    expect(agencyKindOf('CITY')).toBe('KOTA');
    expect(agencyKindOf('CENTRAL', 'Kementerian Dalam Negeri')).toBe('KEMENTERIAN');
    expect(agencyKindOf('CENTRAL', 'Badan Kepegawaian Negara')).toBe('LEMBAGA');
    expect(agencyKindOf('KOTA')).toBe('KOTA');
  });
});
