/**
 * The talent gate belongs to the overseer, through the real gateway, services, worker, Temporal dev
 * server and FerretDB: the agency's own staff cannot set the merit index or the approval; the agency
 * fills in, evidences and submits its merit-system self-assessment; the overseer adjusts with a reason,
 * returns, validates; a returned assessment cannot be validated before it is resubmitted; the gate of a
 * talent filling opens only on a validated index and a standing approval, and closes again when the
 * approval is withdrawn; values the agency set itself before are shown as legacy and never open it; every
 * step is listed with who, when and why.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { defaultTalentSettings, localDateOf, talentMapEntryId } from '@seleksi/domain';
import { minimalPdf } from '../gateway/src/application-files/test-pdf';
import { eligibleProfile, testAgency } from './support/fixtures';
import { expectError, must, SelectionDriver, testUser, type TestUser } from './support/selection-driver';
import { startStack, type Stack } from './support/stack';
import { TalentDriver, type TalentFilling } from './support/talent-driver';

const AGENCY = testAgency('GATEA');
const OTHER = testAgency('GATEB');
const PASSWORD = 'rahasia-uji-123';
const SECRETARY = 'gate-sec';
const AGENCY_ADMIN = 'gate-adm';
const PPK = 'gate-ppk';
const OTHER_SECRETARY = 'gate-sec-b';
const OVERSEER = 'gate-bkn';
const CANDIDATE = 'gate-cand';
const EMPLOYEE = 'gate-emp-1';

const USERS: TestUser[] = [
  testUser(SECRETARY, 'PANSEL_SECRETARY', AGENCY.code),
  testUser(AGENCY_ADMIN, 'AGENCY_ADMIN', AGENCY.code),
  testUser(PPK, 'PPK', AGENCY.code),
  testUser(OTHER_SECRETARY, 'PANSEL_SECRETARY', OTHER.code),
  testUser(OVERSEER, 'OVERSEER', null),
  testUser(CANDIDATE, 'CANDIDATE', AGENCY.code, EMPLOYEE),
];

const today = () => localDateOf(new Date(), AGENCY.timeZone);
const YEAR = today().slice(0, 4);

let stack: Stack;
let d: SelectionDriver;
let t: TalentDriver;

beforeAll(async () => {
  stack = await startStack({ temporalAddress: inject('temporalAddress'), mongoUri: inject('mongoUri'), name: 'gate' });
  const { candidate, assessment } = stack.clients;
  await candidate.upsertAgency(AGENCY);
  await candidate.upsertAgency(OTHER);
  await candidate.upsertProfile(eligibleProfile(EMPLOYEE, AGENCY.code, 1));
  // Values the agency set in its settings before the overseer owned the gate (a stored legacy record).
  await assessment.http.put(`/talent-settings/${AGENCY.code}`, {
    ...defaultTalentSettings(AGENCY.code),
    meritIndexScore: 390,
    meritAssessedOn: `${YEAR}-01-02`,
    talentSystemApproval: { approvedOn: `${YEAR}-01-02`, reference: 'LAMA/01' },
  });
  // A recent talent map (one employee, outside the pool), so only merit and approval decide the gate.
  await assessment.putTalentMapEntries([
    {
      id: talentMapEntryId(AGENCY.code, YEAR, EMPLOYEE),
      agencyCode: AGENCY.code,
      period: YEAR,
      employeeId: EMPLOYEE,
      box: 5,
      potential: 2,
      performance: 2,
      performanceScore: 80,
      potentialScore: 75,
      score: 77.5,
      missing: [],
      mappedAt: new Date().toISOString(),
      runId: 'uji',
    },
  ]);
  d = await SelectionDriver.signIn(stack, USERS, PASSWORD);
  t = new TalentDriver(d);
}, 180_000);

afterAll(async () => {
  await stack?.close();
});

/** Starts a filling and answers it once its gate was checked (it falls back either way: no pool talent). */
async function fillingGate(post: string): Promise<NonNullable<TalentFilling['gate']>> {
  const started = must(
    await t.startFilling(SECRETARY, {
      post: { position: post, unit: post.replace(/^Kepala /, ''), level: 'PRATAMA' },
      plannedInaugurationDate: `${Number(YEAR) + 1}-06-01`,
    }),
  ).startTalentPoolFilling;
  const f = await t.waitForFilling(SECRETARY, started.fillingId, 'FALLBACK_OPEN_SELECTION', 90_000);
  return f.gate!;
}

describe('the talent gate', () => {
  it('shows values the agency set itself as legacy; they do not open the gate', { timeout: 120_000 }, async () => {
    const gate = must(await t.gate(PPK, AGENCY.code)).talentGate;
    expect(gate).toMatchObject({
      meritIndexScore: null,
      meritCategory: null,
      approval: null,
      legacy: { meritIndexScore: 390, talentSystemReference: 'LAMA/01' },
      needsOverseerValidation: true,
    });
    const g = await fillingGate('Kepala Dinas Perhubungan');
    expect(g.open).toBe(false);
    expect(g.reasons).toEqual([
      'Indeks sistem merit instansi belum divalidasi pengawas; syarat paling rendah Baik',
      'Sistem manajemen talenta instansi belum mendapat persetujuan pengawas',
    ]);
  });

  it("refuses the agency's own staff setting the index or the approval, and other roles the overseer's acts", async () => {
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { meritIndexScore: 400 }),
      'FORBIDDEN',
      'input.meritIndexScore',
    );
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, {
        talentSystemApproval: { approvedOn: today(), reference: 'B-1/SENDIRI' },
      }),
      'FORBIDDEN',
      'input.talentSystemApproval',
    );
    // Nor lower the threshold the overseer's validated index is compared with.
    expectError(
      await t.updateSettings(SECRETARY, AGENCY.code, { gate: { minMeritCategory: 'BAIK', maxMapAgeMonths: 60 } }),
      'FORBIDDEN',
      'input.gate',
    );
    expectError(
      await t.approveSystem(SECRETARY, AGENCY.code, today(), 'B-1/SENDIRI', 'Kami setujui sendiri'),
      'FORBIDDEN',
    );
    expectError(
      await t.approveSystem(AGENCY_ADMIN, AGENCY.code, today(), 'B-1/SENDIRI', 'Kami setujui sendiri'),
      'FORBIDDEN',
    );
    expectError(await t.startAssessment(CANDIDATE, AGENCY.code, YEAR), 'FORBIDDEN');
    expectError(await t.startAssessment(PPK, AGENCY.code, YEAR), 'FORBIDDEN');
    expectError(await t.startAssessment(OTHER_SECRETARY, AGENCY.code, YEAR), 'FORBIDDEN', 'agencyCode');
    expectError(await t.startAssessment(OVERSEER, AGENCY.code, YEAR), 'FORBIDDEN');
    expectError(await t.gate(CANDIDATE, AGENCY.code), 'FORBIDDEN');
    expectError(await t.gate(OTHER_SECRETARY, AGENCY.code), 'FORBIDDEN', 'agencyCode');
    expectError(await t.gateDecisions(OTHER_SECRETARY, AGENCY.code), 'FORBIDDEN', 'agencyCode');
    expectError(await t.assessments(CANDIDATE, AGENCY.code), 'FORBIDDEN');
    expectError(await t.toReview(SECRETARY), 'FORBIDDEN');
  });

  it(
    'opens only on the overseer’s validated assessment and approval, and closes when the approval is withdrawn',
    { timeout: 300_000 },
    async () => {
      // The agency: start, fill in part, try to submit, complete, attach evidence, submit.
      let a = must(await t.startAssessment(SECRETARY, AGENCY.code, YEAR)).startMeritAssessment;
      expect(a).toMatchObject({ id: `MA-${AGENCY.code}-1`, status: 'DRAFT', index: null });
      expect(a.aspects.map((x) => x.aspect.code)).toHaveLength(8);
      expectError(await t.startAssessment(AGENCY_ADMIN, AGENCY.code, YEAR), 'CONFLICT', 'agencyCode');
      const codes = a.aspects.map((x) => x.aspect.code);
      a = must(
        await t.saveAssessment(SECRETARY, a.id, a.version, [{ code: codes[0]!, score: 3, note: 'Ada' }]),
      ).saveMeritAssessment;
      expectError(await t.submitAssessment(SECRETARY, a.id, a.version), 'VALIDATION_FAILED', `aspects.${codes[1]}`);
      expectError(
        await t.saveAssessment(SECRETARY, a.id, a.version, [{ code: codes[1]!, score: 5 }]),
        'VALIDATION_FAILED',
        'aspects.0.score',
      );
      expectError(await t.saveAssessment(SECRETARY, a.id, a.version - 1, []), 'CONFLICT', 'assessmentId');
      a = must(
        await t.saveAssessment(
          AGENCY_ADMIN,
          a.id,
          a.version,
          codes.map((code) => ({ code, score: 3, note: `Bukti ${code}` })),
        ),
      ).saveMeritAssessment;
      const notPdf = await t.uploadEvidence(
        stack.gateway.url,
        SECRETARY,
        a.id,
        codes[0]!,
        Buffer.from('bukan pdf'),
        'x.pdf',
      );
      expectError(notPdf, 'VALIDATION_FAILED', 'file');
      const evidence = must(
        await t.uploadEvidence(
          stack.gateway.url,
          SECRETARY,
          a.id,
          codes[0]!,
          minimalPdf('Dokumen perencanaan'),
          'renstra.pdf',
        ),
      ).uploadMeritEvidence;
      const url = `${stack.gateway.url}/merit-evidence/${evidence.id}`;
      const mine = await fetch(url, { headers: { authorization: `Bearer ${d.token(OVERSEER)}` } });
      expect([mine.status, mine.headers.get('x-content-sha256')]).toEqual([200, evidence.sha256]);
      const theirs = await fetch(url, { headers: { authorization: `Bearer ${d.token(OTHER_SECRETARY)}` } });
      expect(theirs.status).toBe(403);
      a = must(await t.assessment(SECRETARY, a.id)).meritAssessment!;
      a = must(
        await t.submitAssessment(AGENCY_ADMIN, a.id, a.version, 'Penilaian mandiri tahun ini'),
      ).submitMeritAssessment;
      expect(a).toMatchObject({ status: 'SUBMITTED', submissions: 1, index: null });
      expectError(await t.saveAssessment(SECRETARY, a.id, a.version, []), 'WRONG_STAGE', 'assessmentId');
      expect(must(await t.toReview(OVERSEER)).meritAssessmentsToReview.map((x) => x.id)).toContain(a.id);

      // The overseer: adjust (a reason is required), return; a returned assessment cannot be validated.
      expectError(await t.adjustAspect(SECRETARY, a.id, a.version, codes[2]!, 4, 'Saya naikkan sendiri'), 'FORBIDDEN');
      expectError(await t.adjustAspect(OVERSEER, a.id, a.version, codes[2]!, 2, ' '), 'VALIDATION_FAILED', 'reason');
      a = must(
        await t.adjustAspect(OVERSEER, a.id, a.version, codes[2]!, 2, 'Pola karier belum ditetapkan dengan peraturan'),
      ).adjustMeritAspect;
      expect(a.aspects[2]).toMatchObject({ score: 3, adjustedScore: 2, effectiveScore: 2 });
      expectError(await t.validateAssessment(SECRETARY, a.id, a.version), 'FORBIDDEN');
      a = must(
        await t.returnAssessment(OVERSEER, a.id, a.version, 'Lengkapi bukti aspek pengadaan dan sistem informasi'),
      ).returnMeritAssessment;
      expect(a).toMatchObject({
        status: 'RETURNED',
        returnReason: 'Lengkapi bukti aspek pengadaan dan sistem informasi',
      });
      const refused = await t.validateAssessment(OVERSEER, a.id, a.version);
      expectError(refused, 'WRONG_STAGE', 'assessmentId');
      expect(refused.errors![0]!.message).toContain('diajukan ulang');

      // Still closed: nothing validated yet.
      expect(must(await t.gate(SECRETARY, AGENCY.code)).talentGate.meritIndexScore).toBeNull();

      // Corrected and resubmitted; adjusted and validated: 3×7 + 2 = 23 / 8 = 2.875 → 287.5, Baik.
      a = must(
        await t.saveAssessment(SECRETARY, a.id, a.version, [
          { code: codes[1]!, score: 3, note: 'SK formasi dilampirkan' },
        ]),
      ).saveMeritAssessment;
      a = must(await t.submitAssessment(SECRETARY, a.id, a.version)).submitMeritAssessment;
      expect(a).toMatchObject({ status: 'SUBMITTED', submissions: 2 });
      a = must(
        await t.adjustAspect(
          OVERSEER,
          a.id,
          a.version,
          codes[7]!,
          2,
          'Sistem informasi belum terintegrasi dengan SIASN',
        ),
      ).adjustMeritAspect;
      a = must(
        await t.validateAssessment(OVERSEER, a.id, a.version, 'Divalidasi setelah verifikasi lapangan'),
      ).validateMeritAssessment;
      expect(a).toMatchObject({ status: 'VALIDATED', index: 287.5, category: 'BAIK', categoryName: 'Baik' });
      expectError(
        await t.adjustAspect(OVERSEER, a.id, a.version, codes[0]!, 1, 'Sesudah validasi tidak bisa'),
        'WRONG_STAGE',
      );

      // Validated but not approved: still closed, for the approval alone.
      let gate = must(await t.gate(PPK, AGENCY.code)).talentGate;
      expect(gate).toMatchObject({
        meritIndexScore: 287.5,
        meritCategory: 'BAIK',
        validatedAssessmentId: a.id,
        approval: null,
      });
      let g = await fillingGate('Kepala Dinas Pariwisata');
      expect(g).toMatchObject({ open: false, meritCategory: 'BAIK' });
      expect(g.reasons).toEqual(['Sistem manajemen talenta instansi belum mendapat persetujuan pengawas']);

      // Approved: the gate opens.
      expectError(
        await t.approveSystem(OVERSEER, AGENCY.code, `${Number(YEAR) + 1}-01-01`, 'B-9/BKN', 'Tanggal di masa depan'),
        'VALIDATION_FAILED',
        'approvedOn',
      );
      const approved = must(
        await t.approveSystem(
          OVERSEER,
          AGENCY.code,
          today(),
          `B-77/BKN/${YEAR}`,
          'Sistem manajemen talenta sesuai pedoman',
        ),
      ).approveTalentSystem;
      expect(approved).toMatchObject({ kind: 'TALENT_SYSTEM_APPROVED', reference: `B-77/BKN/${YEAR}` });
      gate = must(await t.gate(SECRETARY, AGENCY.code)).talentGate;
      expect(gate).toMatchObject({ approval: { reference: `B-77/BKN/${YEAR}`, by: { userId: OVERSEER } } });
      expect(gate.needsOverseerValidation).toBe(false);
      g = await fillingGate('Kepala Dinas Kelautan');
      expect(g).toMatchObject({ open: true, meritCategory: 'BAIK', reasons: [], period: YEAR });

      // Withdrawn: closed again.
      expectError(await t.withdrawSystem(SECRETARY, AGENCY.code, today(), 'B-78/BKN', 'Dicabut sendiri'), 'FORBIDDEN');
      must(
        await t.withdrawSystem(
          OVERSEER,
          AGENCY.code,
          today(),
          `B-78/BKN/${YEAR}`,
          'Hasil pemantauan: jual-beli jabatan',
        ),
      );
      expectError(
        await t.withdrawSystem(OVERSEER, AGENCY.code, today(), `B-79/BKN/${YEAR}`, 'Tidak ada yang bisa dicabut lagi'),
        'WRONG_STAGE',
      );
      g = await fillingGate('Kepala Dinas Sosial');
      expect(g.open).toBe(false);
      expect(g.reasons).toEqual(['Sistem manajemen talenta instansi belum mendapat persetujuan pengawas']);

      // The history, visible to the agency: every step, its actor and reason, oldest first.
      const history = must(await t.gateDecisions(PPK, AGENCY.code)).talentGateDecisions;
      expect(history.map((h) => [h.kind, h.by.userId, h.reason])).toEqual([
        ['ASSESSMENT_SUBMITTED', AGENCY_ADMIN, 'Penilaian mandiri tahun ini'],
        ['ASSESSMENT_ADJUSTED', OVERSEER, 'Pola karier belum ditetapkan dengan peraturan'],
        ['ASSESSMENT_RETURNED', OVERSEER, 'Lengkapi bukti aspek pengadaan dan sistem informasi'],
        ['ASSESSMENT_SUBMITTED', SECRETARY, null],
        ['ASSESSMENT_ADJUSTED', OVERSEER, 'Sistem informasi belum terintegrasi dengan SIASN'],
        ['ASSESSMENT_VALIDATED', OVERSEER, 'Divalidasi setelah verifikasi lapangan'],
        ['TALENT_SYSTEM_APPROVED', OVERSEER, 'Sistem manajemen talenta sesuai pedoman'],
        ['TALENT_SYSTEM_WITHDRAWN', OVERSEER, 'Hasil pemantauan: jual-beli jabatan'],
      ]);
      expect(history[1]).toMatchObject({ aspectCode: codes[2], fromScore: 3, toScore: 2 });
      expect(history[5]).toMatchObject({ index: 287.5 });
      expect(history.every((h) => h.at && h.summary)).toBe(true);

      // A later validated assessment supersedes the earlier one; the earlier stays as it was.
      const next = await t.openGate(SECRETARY, OVERSEER, AGENCY.code, {
        period: YEAR,
        score: 3.5,
        approvedOn: today(),
        reference: `B-80/BKN/${YEAR}`,
      });
      expect(next).toMatchObject({ id: `MA-${AGENCY.code}-2`, index: 350, category: 'SANGAT_BAIK' });
      expect(must(await t.gate(SECRETARY, AGENCY.code)).talentGate).toMatchObject({
        meritIndexScore: 350,
        validatedAssessmentId: next.id,
      });
      const all = must(await t.assessments(SECRETARY, AGENCY.code)).meritAssessments;
      expect(all.map((x) => [x.id, x.status, x.index])).toEqual([
        [next.id, 'VALIDATED', 350],
        [a.id, 'VALIDATED', 287.5],
      ]);
    },
  );
});
