/** The invitation mail says why the candidate is invited: the talent route, or a re-announced post they applied to. */
import { describe, expect, it } from 'vitest';
import { REANNOUNCED_TITLE_PREFIX, type NoticeContent } from '@seleksi/domain';
import { renderMail } from './templates';

function invitation(selectionTitle: string, reason: string) {
  const content: NoticeContent = {
    selectionTitle,
    agencyName: 'Pemerintah Provinsi Uji',
    timeZone: 'WITA',
    position: 'Kepala Dinas Pendidikan',
    at: '2026-12-07T01:00:00.000Z',
    status: null,
    reasons: [reason],
    deadline: '2026-12-21T15:59:59.999Z',
    reasonCode: 'TALENT_INVITATION',
  };
  return renderMail({ kind: 'TALENT_INVITATION', content, greetingName: 'Budi', portalUrl: 'https://portal.uji' });
}

describe('invitation mail', () => {
  it('names the talent route for a talent invitation', () => {
    const mail = invitation('Seleksi Terbuka Kepala Dinas Pendidikan', 'Termasuk kotak 9 pada peta talenta instansi');
    expect(mail.subject).toBe('Undangan melamar: Kepala Dinas Pendidikan');
    expect(mail.text).toMatch(/Berdasarkan manajemen talenta instansi, Anda diundang melamar/);
  });

  it('says the post was re-announced for an earlier applicant', () => {
    const mail = invitation(
      `${REANNOUNCED_TITLE_PREFIX}Kepala Dinas Pendidikan — Seleksi Terbuka 2026`,
      'Jabatan Kepala Dinas Pendidikan diumumkan ulang; Anda pernah melamar pada seleksi sebelumnya',
    );
    expect(mail.text).toMatch(/diumumkan ulang dalam seleksi baru; Anda diundang melamar .*Kepala Dinas Pendidikan/);
    expect(mail.text).not.toMatch(/manajemen talenta/);
  });
});
