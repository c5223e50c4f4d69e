/** The operators' texts and waiting roles (operator-view.ts): complete, in Bahasa Indonesia, without personal data. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SELECTION_STAGES } from '@seleksi/domain';
import {
  batchDetails,
  HANDLER_DESCRIPTIONS,
  openSelectionMetadata,
  SELECTION_WAITING_FOR,
  STAGE_NAME_ID,
  stageDetails,
  TALENT_WAITING_FOR,
  talentFillingMetadata,
  timerSummary,
} from './operator-view';
import { TALENT_FILLING_STAGES } from './talent-pool/definitions';

const updateNames = (file: string): string[] =>
  [...readFileSync(path.join(import.meta.dirname, file), 'utf8').matchAll(/defineUpdate<[^(]*\(\s*'(\w+)'/g)].map(
    (m) => m[1]!,
  );

describe('operator view', () => {
  it('describes every Update of both routes', () => {
    const names = [...updateNames('open-selection/definitions.ts'), ...updateNames('talent-pool/definitions.ts')];
    expect(names.length).toBeGreaterThanOrEqual(24);
    for (const n of names) expect(HANDLER_DESCRIPTIONS[n], n).toMatch(/\w{3,}/);
  });

  it('names every stage of both routes and waits only on stages that exist', () => {
    for (const s of [...SELECTION_STAGES, ...TALENT_FILLING_STAGES]) expect(STAGE_NAME_ID[s], s).toBeDefined();
    for (const s of Object.keys(SELECTION_WAITING_FOR)) expect(SELECTION_STAGES).toContain(s);
    for (const s of Object.keys(TALENT_WAITING_FOR)) expect(TALENT_FILLING_STAGES).toContain(s);
    // Timers and the system move these on: no person to wait for.
    for (const s of ['REGISTRATION_OPEN', 'ADMINISTRATIVE_OBJECTIONS', 'DECREE', 'COMPLETED'] as const)
      expect(SELECTION_WAITING_FOR[s]).toBeUndefined();
  });

  it('says whom a stage waits for and since when, in the agency time zone', () => {
    // 16:30 UTC on 7 December is already 8 December in WIT (UTC+9), not yet in WIB.
    const at = Date.parse('2026-12-07T16:30:00Z');
    expect(stageDetails('APPOINTMENT_CHOICE', 'PPK', at, 'WIT', '2026-12-21T14:59:59.999Z')).toBe(
      '**Tahap:** pemilihan oleh PPK (`APPOINTMENT_CHOICE`)\n\n**Menunggu:** keputusan PPK sejak 8 Desember 2026 (WIT)' +
        '\n\n**Batas waktu:** 21 Desember 2026 (WIT)',
    );
    expect(stageDetails('REGISTRATION_OPEN', null, at, 'WIB')).toContain('**Dimulai** sejak 7 Desember 2026 (WIB)');
    expect(timerSummary('PLAN_APPROVAL', 'OVERSEER')).toBe(
      'Batas waktu keputusan lembaga pengawas — tahap persetujuan rencana seleksi',
    );
    expect(batchDetails('MAPPING', 250, 1000, 'pegawai')).toContain('250 dari 1000 pegawai (25%)');
  });

  it('start metadata names agency, round and posts, never the signatory', () => {
    const agency = { code: 'KALTIM', name: 'Pemerintah Provinsi Kalimantan Timur' };
    const post = {
      id: 'V-1',
      position: 'Kepala Dinas Pendidikan',
      level: 'PRATAMA' as const,
      unit: 'Dinas Pendidikan',
    };
    const m = openSelectionMetadata({
      selectionId: 'SEL-9',
      agency,
      title: 'Seleksi Terbuka 2026',
      announcementDate: '2026-12-07',
      plannedInaugurationDate: '2027-03-01',
      vacancies: [post, { ...post, id: 'V-2', position: 'Kepala Dinas Kesehatan' }],
      signatory: { name: 'Nama Penandatangan', title: 'Sekda' },
    } as Parameters<typeof openSelectionMetadata>[0]);
    expect(m.staticSummary).toBe('Seleksi terbuka JPT KALTIM SEL-9: 2 jabatan');
    expect(m.staticDetails).toContain('Kepala Dinas Kesehatan');
    expect(m.staticDetails).toContain('7 Desember 2026');
    expect(m.staticDetails).not.toContain('Nama Penandatangan');
    const t = talentFillingMetadata({ fillingId: 'TF-1', agency, post, plannedInaugurationDate: '2027-03-01' });
    expect(t.staticSummary).toContain('KALTIM TF-1: Kepala Dinas Pendidikan');
  });
});
