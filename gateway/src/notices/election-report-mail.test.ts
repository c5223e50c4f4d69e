import { describe, expect, it } from 'vitest';
import { renderMail } from './templates';

describe('the notice of the duty to report to the Home Affairs Minister', () => {
  it('names the appointment, the window, the permission and the last day', () => {
    const mail = renderMail({
      kind: 'ELECTION_REPORT_DUE',
      greetingName: 'Admin Instansi',
      portalUrl: 'http://localhost:4000',
      content: {
        selectionTitle: 'Kepala Dinas Kesehatan',
        agencyName: 'Pemerintah Provinsi Kalimantan Timur',
        timeZone: 'WITA',
        position: 'Kepala Dinas Kesehatan',
        at: '2026-12-11T02:00:00.000Z',
        status: null,
        reasons: [],
        deadline: null,
        reasonCode: 'ELECTION_REPORT_DUE',
        electionReport: {
          actedOn: '2026-12-11',
          dueOn: '2026-12-22',
          window: 'Pilkada 2029: 6 bulan sebelum penetapan pasangan calon s.d. akhir masa jabatan',
          letterNumber: '100.2.2.6/77/OTDA',
        },
      },
    });
    expect(mail.subject).toBe(
      'Wajib lapor ke Menteri Dalam Negeri: pengangkatan Kepala Dinas Kesehatan (Pemerintah Provinsi Kalimantan Timur)',
    );
    expect(mail.text).toContain('100.2.2.6/77/OTDA');
    expect(mail.text).toContain('22 Desember 2026');
    expect(mail.text).toContain('Pasal 71');
  });
});
