import { describe, expect, it } from 'vitest';
import type { AgencyDto, IssueDocumentRequest, OfficialDocumentRequest } from '@seleksi/domain';
import { withRecords } from './agency-records';

const agency: AgencyDto = {
  code: 'KT',
  name: 'Pemerintah Provinsi Uji',
  address: 'Jalan Uji 1',
  city: 'Samarinda',
  province: 'Kalimantan Timur',
  timeZone: 'WITA',
  kind: 'PROVINSI',
  officials: [{ role: 'PPK', name: 'Gubernur Baru', title: 'Gubernur Uji', nip: null }],
  selectionOfficials: [
    {
      selectionId: 'S1',
      chair: { name: 'Ketua Uji', title: 'Ketua Panitia Seleksi', nip: '197807072003121003' },
      secretary: null,
    },
  ],
};

const request = (kind: OfficialDocumentRequest['kind'], selectionId: string | null = 'S1'): IssueDocumentRequest => ({
  idempotencyKey: `k-${kind}`,
  kind,
  agency: { ...agency, name: 'Nama Lama', officials: [], selectionOfficials: [] },
  selectionId,
  title: 'Judul',
  date: '2026-12-01',
  visibility: 'RESTRICTED',
  paragraphs: [],
  signatory: { name: 'Sekretariat Pansel', title: 'Ketua Panitia Seleksi', nip: null },
});

describe('withRecords', () => {
  it("signs decrees as the recorded PPK and the Pansel papers as the round's chair", () => {
    expect(withRecords(request('PANSEL_DECREE'), agency).signatory).toEqual({
      name: 'Gubernur Baru',
      title: 'Gubernur Uji',
      nip: null,
    });
    expect(withRecords(request('SCORE_SHEET'), agency).signatory.name).toBe('Ketua Uji');
  });

  it("keeps the request's signatory when the records name nobody, and the letterhead from the records", () => {
    const other = withRecords(request('SCORE_SHEET', 'S2'), agency);
    expect(other.signatory.name).toBe('Sekretariat Pansel');
    expect(other.agency.name).toBe('Pemerintah Provinsi Uji');
    // People are resolved into the signatory, not stored with every document.
    expect(other.agency.officials).toBeUndefined();
    expect(other.agency.selectionOfficials).toBeUndefined();
  });

  it('changes nothing without a record or for another agency', () => {
    const req = request('PANSEL_DECREE');
    expect(withRecords(req, null)).toBe(req);
    expect(withRecords(req, { ...agency, code: 'LAIN' })).toBe(req);
  });
});
