/**
 * Verification of a printed code or an uploaded file, shared by the GraphQL query and the public
 * verification page: one answer, with the message a person reads in Bahasa Indonesia.
 */
import type { DocumentVerificationDto, SignatureStatus } from '@seleksi/domain';
import type { ServiceClients } from '@seleksi/kit';
import { gqlError } from '../errors';

/** Large enough for any issued document (a 200-row list is well under 1 MB). */
export const MAX_VERIFY_FILE_BYTES = 10 * 1024 * 1024;

export interface UploadedFile {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Checks a code, a file, or a file against a code. Bad input is a typed error naming the field. */
export async function verifyDocument(
  services: Pick<ServiceClients, 'document'>,
  input: { code?: string | null; file?: Uint8Array | null },
): Promise<DocumentVerificationDto> {
  const code = input.code?.trim() ? input.code.trim().toUpperCase() : null;
  if (code && !/^[0-9A-Z-]{4,40}$/.test(code)) {
    throw gqlError('VALIDATION_FAILED', 'Kode verifikasi hanya berisi huruf dan angka', 'code');
  }
  const file = input.file ?? null;
  if (file) {
    if (file.length === 0) throw gqlError('VALIDATION_FAILED', 'Berkas kosong', 'file');
    if (file.length > MAX_VERIFY_FILE_BYTES) throw gqlError('VALIDATION_FAILED', 'Berkas lebih dari 10 MB', 'file');
    // Checked by content, not by the file name: a PDF starts with '%PDF-'.
    if (!Buffer.from(file.subarray(0, 1024)).includes('%PDF-')) {
      throw gqlError('VALIDATION_FAILED', 'Berkas bukan PDF', 'file');
    }
    return services.document.verifyFile(file, code);
  }
  if (!code) throw gqlError('VALIDATION_FAILED', 'Isi kode verifikasi atau unggah berkas PDF', 'code');
  return services.document.verifyCode(code);
}

export async function readUpload(file: UploadedFile): Promise<Uint8Array> {
  if (file.size > MAX_VERIFY_FILE_BYTES) throw gqlError('VALIDATION_FAILED', 'Berkas lebih dari 10 MB', 'file');
  return new Uint8Array(await file.arrayBuffer());
}

/** What the verification means, in the words shown to people. */
export function verificationMessage(v: DocumentVerificationDto, withCode: boolean): string {
  switch (v.status) {
    case 'VALID':
      return 'Dokumen asli dan masih berlaku.';
    case 'SUPERSEDED':
      return `Dokumen asli, tetapi telah diganti dengan perbaikan Nomor ${v.latest?.number ?? '-'}; yang berlaku adalah dokumen perbaikan.`;
    case 'FILE_MISMATCH':
      return withCode && v.document
        ? 'Berkas tidak sama dengan dokumen yang diterbitkan dengan kode ini: isinya telah berubah.'
        : 'Berkas tidak cocok dengan dokumen mana pun yang diterbitkan: isinya telah berubah atau bukan dokumen resmi.';
    case 'NOT_FOUND':
      return 'Kode verifikasi tidak dikenal.';
    case 'SIGNATURE_INVALID':
      return 'Tanda tangan elektronik pada berkas tidak sah: berkas telah diubah atau bukan ditandatangani oleh penerbit yang terpercaya.';
    case 'UNSIGNED_LEGACY':
      return 'Dokumen tercatat, tetapi diterbitkan sebelum tanda tangan elektronik diberlakukan: keasliannya hanya bersandar pada catatan penerbit, tanpa tanda tangan elektronik.';
  }
}

/** The signature's state in the words shown to people. */
export function signatureMessage(status: SignatureStatus): string {
  switch (status) {
    case 'VALID':
      return 'Sah: berkas utuh sejak ditandatangani dan sertifikat penanda tangan diterbitkan oleh otoritas terpercaya.';
    case 'INVALID':
      return 'Tidak sah: berkas telah diubah setelah ditandatangani atau tanda tangannya rusak.';
    case 'UNTRUSTED':
      return 'Tidak sah: sertifikat penanda tangan tidak diterbitkan oleh otoritas terpercaya.';
    case 'MISSING':
      return 'Tidak ada tanda tangan elektronik pada berkas.';
  }
}
