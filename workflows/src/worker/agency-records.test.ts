import { describe, expect, it } from 'vitest';
import type { AgencyDto, IssueDocumentRequest, OfficialDocumentRequest } from '@seleksi/domain';
import { withAgencyRecords, withRecords } from './agency-records';

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

describe('withAgencyRecords', () => {
  const head = (seq: number) => ({ seq, hash: String(seq).repeat(64).slice(0, 64) });
  // Ports as the services answer: a chain per id, recomputed (its head is the last intact link).
  function ports(chains: Record<string, { ok: boolean; head: { seq: number; hash: string } | null }>) {
    const issued: IssueDocumentRequest[] = [];
    const verified: string[] = [];
    const p = {
      candidate: {
        getAgency: (code: string) => Promise.resolve(code === agency.code ? agency : null),
        verifyAudit: (id: string) => {
          verified.push(id);
          return Promise.resolve(chains[id] ?? { ok: true, head: null });
        },
      },
      document: {
        issueVacancyAnnouncement: (req: never) => Promise.resolve(issued.push(req)),
        issueDocument: (req: never) => Promise.resolve(issued.push(req)),
      },
    };
    return { ports: withAgencyRecords(p), issued, verified };
  }

  it("prints the recomputed head of the round's chain, the last intact link when it is broken", async () => {
    const { ports: p, issued } = ports({ S1: { ok: true, head: head(7) }, S2: { ok: false, head: head(3) } });
    await p.document.issueDocument(request('PANSEL_DECREE') as never);
    await p.document.issueDocument(request('PANSEL_DECREE', 'S2') as never);
    expect(issued.map((r) => r.auditChainHead)).toEqual([head(7), head(3)]);
  });

  it("uses a talent filling's chain, and prints none for a document of no chain", async () => {
    const { ports: p, issued, verified } = ports({ 'TAL-KT-2026-0000000A': { ok: true, head: head(2) } });
    await p.document.issueDocument({
      ...request('APPOINTMENT_DECREE', null),
      auditChainId: 'TAL-KT-2026-0000000A',
    } as never);
    await p.document.issueDocument(request('PANSEL_DECREE', null) as never);
    expect(issued.map((r) => r.auditChainHead)).toEqual([head(2), null]);
    expect(verified).toEqual(['TAL-KT-2026-0000000A']);
  });
});
