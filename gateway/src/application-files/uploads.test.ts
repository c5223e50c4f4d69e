import { describe, expect, it } from 'vitest';
import type { GraphQLError } from 'graphql';
import type { GatewayConfig } from '../config';
import { checkDocuments, storeRequests, type DocumentUpload } from './uploads';
import { minimalPdf } from './test-pdf';

const config = (over: Partial<GatewayConfig> = {}) =>
  ({
    APPLICATION_FILE_MAX_BYTES: 2 * 1024 * 1024,
    APPLICATION_FILES_MAX: 10,
    APPLICATION_DOCUMENTS_REQUIRED: false,
    ...over,
  }) as GatewayConfig;

const pdf = (kind: DocumentUpload['kind'], bytes: Buffer = minimalPdf(kind), name = `${kind}.pdf`): DocumentUpload => ({
  kind,
  file: new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }),
});

async function refusal(p: Promise<unknown>): Promise<{ code: unknown; field: unknown; message: string }> {
  const err = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as GraphQLError | null;
  expect(err).not.toBeNull();
  return { code: err!.extensions.code, field: err!.extensions.field, message: err!.message };
}

describe('checkDocuments', () => {
  const required = [pdf('APPLICATION_LETTER'), pdf('CV')];

  it('accepts the required PDFs and cleans file names', async () => {
    const out = await checkDocuments({ config: config() }, [
      ...required,
      pdf('OTHER', minimalPdf('a'), 'C:\\Users\\Siti\\"lampiran"\u0007.pdf'),
      pdf('OTHER', minimalPdf('b')),
    ]);
    expect(out.map((d) => d.kind)).toEqual(['APPLICATION_LETTER', 'CV', 'OTHER', 'OTHER']);
    expect(out[2]!.fileName).toBe('lampiran.pdf');
  });

  it('without documents: nothing unless the configuration requires them', async () => {
    expect(await checkDocuments({ config: config() }, null)).toEqual([]);
    expect(
      await refusal(checkDocuments({ config: config({ APPLICATION_DOCUMENTS_REQUIRED: true }) }, undefined)),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documents' });
  });

  it('names the file at fault', async () => {
    const word = Buffer.from('PK\u0003\u0004 bukan pdf, dokumen word .........................');
    expect(await refusal(checkDocuments({ config: config() }, [required[0]!, pdf('CV', word)]))).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'documents.1.file',
    });
    const small = config({ APPLICATION_FILE_MAX_BYTES: 1024 });
    const big = Buffer.concat([minimalPdf('besar'), Buffer.alloc(2048, 0x20)]);
    const tooBig = await refusal(checkDocuments({ config: small }, [pdf('APPLICATION_LETTER', big), required[1]!]));
    expect(tooBig).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documents.0.file' });
    expect(tooBig.message).toMatch(/lebih dari/);
    expect(await refusal(checkDocuments({ config: config() }, [pdf('CV', Buffer.alloc(0))]))).toMatchObject({
      field: 'documents.0.file',
    });
    expect(await refusal(checkDocuments({ config: config() }, [...required, pdf('CV')]))).toMatchObject({
      field: 'documents.2.kind',
    });
  });

  it('requires the application letter and the CV, and at most the configured number of files', async () => {
    const missing = await refusal(checkDocuments({ config: config() }, [required[1]!]));
    expect(missing).toMatchObject({ code: 'VALIDATION_FAILED', field: 'documents' });
    expect(missing.message).toMatch(/Surat lamaran/);
    const many = Array.from({ length: 4 }, () => pdf('OTHER'));
    expect(
      await refusal(checkDocuments({ config: config({ APPLICATION_FILES_MAX: 3 }) }, [...required, ...many])),
    ).toMatchObject({ field: 'documents' });
  });
});

describe('storeRequests', () => {
  const doc = (name: string, size: number) => ({ name, bytes: new Uint8Array(size) });

  it("stores an application's files in one request while they fit, in order, a file larger than the limit alone", () => {
    const names = (groups: { name: string }[][]) => groups.map((g) => g.map((d) => d.name));
    expect(names(storeRequests([doc('a', 2000), doc('b', 2000)], 5000))).toEqual([['a', 'b']]);
    expect(names(storeRequests([doc('a', 3000), doc('b', 3000), doc('c', 1000)], 5000))).toEqual([['a'], ['b', 'c']]);
    expect(names(storeRequests([doc('a', 6000), doc('b', 10)], 5000))).toEqual([['a'], ['b']]);
    expect(storeRequests([], 5000)).toEqual([]);
  });
});
