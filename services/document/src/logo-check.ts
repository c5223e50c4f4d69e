/** Checks an uploaded logo by its content: PNG or JPEG structure, dimensions, and for PNG the pixel data. */
import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { DomainError, LOGO_MAX_BYTES, LOGO_MAX_SIDE, inspectImage, type ImageInfo } from '@seleksi/domain';

const bad = (message: string) => new DomainError('INVALID_IMAGE', message, 'logo');

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Inflates a PNG's image data and checks it holds exactly the rows IHDR announces (non-interlaced). */
function decodePng(bytes: Buffer, info: ImageInfo): void {
  const idat: Buffer[] = [];
  let i = 8;
  let bitDepth = 8;
  let colorType = 0;
  let interlaced = false;
  let ended = false;
  while (i + 8 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const type = bytes.toString('latin1', i + 4, i + 8);
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (data.length !== length) throw bad('Berkas PNG terpotong');
    if (type === 'IHDR') {
      bitDepth = data[8]!;
      colorType = data[9]!;
      interlaced = data[12] === 1;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    i += 12 + length;
  }
  if (!ended || idat.length === 0) throw bad('Berkas PNG tidak lengkap');
  const channels = CHANNELS[colorType];
  if (!channels) throw bad('Jenis warna PNG tidak dikenal');
  const rowBytes = Math.ceil((info.width * channels * bitDepth) / 8);
  const expected = info.height * (1 + rowBytes);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: expected * 2 + 1024 });
  } catch {
    throw bad('Data gambar PNG rusak');
  }
  if (!interlaced && pixels.length !== expected) throw bad('Data gambar PNG tidak sesuai ukurannya');
}

/** The image's format and size, or INVALID_IMAGE (field `logo`) naming what is wrong, in Indonesian. */
export function checkLogo(bytes: Buffer): ImageInfo {
  if (bytes.length === 0) throw bad('Berkas logo kosong');
  if (bytes.length > LOGO_MAX_BYTES) throw bad(`Ukuran logo paling besar ${LOGO_MAX_BYTES / 1024} KB`);
  const info = inspectImage(bytes);
  if (!info) throw bad('Berkas logo bukan gambar PNG atau JPEG');
  if (info.width > LOGO_MAX_SIDE || info.height > LOGO_MAX_SIDE) {
    throw bad(`Ukuran gambar paling besar ${LOGO_MAX_SIDE}×${LOGO_MAX_SIDE} piksel`);
  }
  if (info.contentType === 'image/png') decodePng(bytes, info);
  // The renderer must be able to draw it: open it as the letterhead will.
  try {
    const doc = new PDFDocument({ autoFirstPage: false });
    const open = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage;
    const img = open.call(doc, bytes);
    if (img.width !== info.width || img.height !== info.height) throw new Error('size differs');
  } catch {
    throw bad('Gambar logo tidak dapat dibaca');
  }
  return info;
}
