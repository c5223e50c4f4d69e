/** The candidate portal's records in services/candidate: profile confirmations, application files, change feed. */
import { applicationId, type ProfileDto, type ReadModelChangeDto } from '@seleksi/domain';
import {
  CandidateClient,
  type RunningService,
  type SelectionUpsertDto,
  testServiceEnv,
  stopTestService,
  serviceErrorOf,
  operatorServiceAuth,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  service = await startCandidateService(
    loadCandidateConfig(testServiceEnv('CANDIDATE', 'it_candidate_portal', mongoUri)),
  );
  client = new CandidateClient(service.url, { auth: operatorServiceAuth() });
});

afterAll(async () => {
  await stopTestService(service);
});

const profile: ProfileDto = {
  id: 'asn-portal-1',
  nip: '197608222001122002',
  name: 'Dr. Sri Wahyuni',
  rank: 'IV/b',
  agencyCode: 'KALTIM',
  education: 'S2',
  careers: [],
  skp: [],
  lhkpnFiled: true,
  disciplinarySanction: false,
};

function selection(id: string): SelectionUpsertDto {
  return {
    id,
    agencyCode: 'KALTIM',
    title: 'Seleksi Terbuka JPT Pratama 2026',
    workflowId: `selection:KALTIM:${id}`,
    stage: 'REGISTRATION_OPEN',
    timeZone: 'WITA',
    announcementDate: '2026-11-24',
    registrationClosesAt: '2026-12-08T15:59:00.000Z',
    vacancies: [{ id: `${id}-V1`, level: 'PRATAMA', position: 'Kepala Dinas', unit: 'Dinas', status: 'OPEN' }],
    announcementDocumentId: null,
    createdBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
    createdAt: '2026-11-20T01:00:00.000Z',
  };
}

const by = { userId: 'u-cand', role: 'CANDIDATE' as const };

describe('profile confirmations', () => {
  it('is UNCONFIRMED until answered; the latest answer counts; a dispute needs a note and known fields', async () => {
    await client.upsertProfile(profile);
    expect(await client.getProfileConfirmation(profile.id)).toMatchObject({ status: 'UNCONFIRMED', at: null });
    const bad = await serviceErrorOf(
      client.putProfileConfirmation(profile.id, {
        status: 'DISPUTED',
        note: 'pendek',
        fields: ['rank'],
        by,
        at: new Date().toISOString(),
      }),
    );
    expect(bad.code).toBe('VALIDATION_FAILED');
    const disputed = await client.putProfileConfirmation(profile.id, {
      status: 'DISPUTED',
      note: 'Pangkat sudah IV/c',
      fields: ['rank', 'rank'],
      by,
      at: '2026-11-24T03:00:00.000Z',
    });
    expect(disputed).toMatchObject({ status: 'DISPUTED', fields: ['rank'], at: '2026-11-24T03:00:00.000Z', by });
    const confirmed = await client.putProfileConfirmation(profile.id, {
      status: 'CONFIRMED',
      by,
      at: '2026-11-25T03:00:00.000Z',
    });
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', note: null, fields: [] });
    expect((await client.getProfileConfirmations([profile.id, 'nobody'])).map((c) => c.status)).toEqual([
      'CONFIRMED',
      'UNCONFIRMED',
    ]);
    expect(
      (await serviceErrorOf(client.putProfileConfirmation('nobody', { status: 'CONFIRMED', by, at: confirmed.at! })))
        .code,
    ).toBe('NOT_FOUND');
  });
});

describe('application files', () => {
  it('stores a file once per candidate, vacancy, kind and content; shows it once linked; keeps linked files', async () => {
    await client.upsertSelection(selection('s-files'));
    const owner = { candidateId: profile.id, selectionId: 's-files', vacancyId: 's-files-V1' };
    const bytes = Buffer.from('%PDF-1.4\nisi berkas uji\n%%EOF\n');
    const first = await client.storeApplicationFile({ ...owner, kind: 'CV', fileName: 'cv.pdf' }, bytes);
    const again = await client.storeApplicationFile({ ...owner, kind: 'CV', fileName: 'cv-lagi.pdf' }, bytes);
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ id: first.id, created: false, fileName: 'cv.pdf' });
    expect(first.applicationId).toBe(applicationId(owner.vacancyId, owner.candidateId));
    const other = await client.storeApplicationFile({ ...owner, kind: 'OTHER', fileName: 'x.pdf' }, bytes);
    expect(other.id).not.toBe(first.id);

    expect(await client.listApplicationFiles([first.applicationId])).toEqual([]);
    expect(await client.discardApplicationFile(other.id)).toBe(true);
    await client.linkApplicationFiles(first.applicationId, [first.id]);
    const listed = await client.listApplicationFiles([first.applicationId]);
    expect(listed.map((f) => [f.id, f.kind, f.sizeBytes])).toEqual([[first.id, 'CV', bytes.length]]);
    expect(listed[0]!.linkedAt).toBeTruthy();
    expect((await client.getApplicationFileContent(first.id))?.equals(bytes)).toBe(true);
    expect(await client.discardApplicationFile(first.id)).toBe(false);
    expect(await client.getApplicationFile(first.id)).not.toBeNull();
    expect((await serviceErrorOf(client.linkApplicationFiles('another-app', [first.id]))).code).toBe('CONFLICT');
  });
});

describe('application files stored together', () => {
  it("stores an application's files in one request, and a resent request (whole, in part, or twice at once) stores none twice", async () => {
    await client.upsertSelection(selection('s-files-batch'));
    const owner = { candidateId: profile.id, selectionId: 's-files-batch', vacancyId: 's-files-batch-V1' };
    const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);
    const letter = {
      req: { ...owner, kind: 'APPLICATION_LETTER' as const, fileName: 'surat.pdf' },
      bytes: pdf('surat'),
    };
    const cv = { req: { ...owner, kind: 'CV' as const, fileName: 'cv.pdf' }, bytes: pdf('cv') };
    const other = { req: { ...owner, kind: 'OTHER' as const, fileName: 'lain.pdf' }, bytes: pdf('lain') };

    // Only the letter was stored before (a first attempt cut off half-way).
    const earlier = await client.storeApplicationFile(letter.req, letter.bytes);
    const first = await client.storeApplicationFiles([letter, cv]);
    expect(first.map((f) => [f.kind, f.created])).toEqual([
      ['APPLICATION_LETTER', false],
      ['CV', true],
    ]);
    expect(first[0]!.id).toBe(earlier.id);
    expect(first[1]).toMatchObject({
      fileName: 'cv.pdf',
      sizeBytes: cv.bytes.length,
      applicationId: earlier.applicationId,
    });

    // Resent whole, twice at once, and with the same file twice in one request: the same ids, nothing new.
    const resent = await Promise.all([
      client.storeApplicationFiles([letter, cv]),
      client.storeApplicationFiles([letter, cv]),
      client.storeApplicationFiles([cv, cv, other]),
    ]);
    expect(resent[0]!.map((f) => [f.id, f.created])).toEqual(first.map((f) => [f.id, false]));
    expect(resent[1]!.map((f) => [f.id, f.created])).toEqual(first.map((f) => [f.id, false]));
    expect(resent[2]!.map((f) => f.id).slice(0, 2)).toEqual([first[1]!.id, first[1]!.id]);
    expect(resent[2]![1]!.created).toBe(false);

    // Linked, the application shows each file once, with the bytes sent.
    const all = [...new Set([...first, ...resent.flat()].map((f) => f.id))];
    expect(all).toHaveLength(3);
    await client.linkApplicationFiles(earlier.applicationId, all);
    const listed = await client.listApplicationFiles([earlier.applicationId]);
    expect(listed.map((f) => f.kind).sort()).toEqual(['APPLICATION_LETTER', 'CV', 'OTHER']);
    expect((await client.getApplicationFileContent(first[1]!.id))?.equals(cv.bytes)).toBe(true);

    // A request with an empty file stores nothing of it.
    const empty = { req: { ...owner, kind: 'SKP' as const, fileName: 'skp.pdf' }, bytes: Buffer.alloc(0) };
    expect((await serviceErrorOf(client.storeApplicationFiles([empty]))).code).toBe('VALIDATION_FAILED');
  });
});

describe('application submissions', () => {
  it('records each application once with its audit record, first entry, notice and linked files, however often the batch is sent', async () => {
    await client.upsertSelection(selection('s-submit'));
    const vacancyId = 's-submit-V1';
    const submission = async (candidateId: string, fileIds?: string[]) => ({
      application: {
        id: applicationId(vacancyId, candidateId),
        selectionId: 's-submit',
        vacancyId,
        candidateId,
        submittedAt: '2026-11-25T02:00:00.000Z',
      },
      audit: {
        decisionId: `d-submit-${candidateId}`,
        selectionId: 's-submit',
        workflowId: 'selection:KALTIM:s-submit',
        kind: 'APPLICATION_SUBMITTED',
        by,
        at: '2026-11-25T02:00:00.000Z',
        reason: null,
        subjectId: applicationId(vacancyId, candidateId),
        payload: { vacancyId },
      },
      ...(fileIds ? { fileIds } : {}),
    });
    const store = (candidateId: string, kind: 'CV' | 'APPLICATION_LETTER') =>
      client.storeApplicationFile(
        { candidateId, selectionId: 's-submit', vacancyId, kind, fileName: `${kind}.pdf` },
        Buffer.from(`%PDF-1.4\n${candidateId} ${kind}\n%%EOF\n`),
      );
    const files = await Promise.all([store('asn-sub-1', 'CV'), store('asn-sub-1', 'APPLICATION_LETTER')]);
    const batch = [
      await submission(
        'asn-sub-1',
        files.map((f) => f.id),
      ),
      await submission('asn-sub-2'),
      {
        ...(await submission('asn-sub-3')),
        application: {
          ...(await submission('asn-sub-3')).application,
          vacancyId: 's-submit-V9',
          id: applicationId('s-submit-V9', 'asn-sub-3'),
        },
      },
    ];
    const first = await client.submitApplications(batch);
    // A retried activity sends the same batch again: the same answers, nothing recorded twice.
    const again = await client.submitApplications(batch);
    for (const results of [first, again]) {
      expect(results.map((r) => r.application?.id ?? r.error?.code)).toEqual([
        batch[0]!.application.id,
        batch[1]!.application.id,
        'UNKNOWN_VACANCY',
      ]);
    }
    const one = batch[0]!.application.id;
    expect((await client.getApplication(one))?.timeline.map((e) => e.eventId)).toEqual(['APPLICATION_SUBMITTED']);
    expect((await client.listAuditRecords({ subjectId: one })).items.map((a) => a.decisionId)).toEqual([
      'd-submit-asn-sub-1',
    ]);
    const notices = (await client.listNotices({ limit: 500 })).filter(
      (n) => 'candidateId' in n.recipient && n.recipient.candidateId === 'asn-sub-1',
    );
    expect(notices).toHaveLength(1);
    expect((await client.listApplicationFiles([one])).map((f) => f.id).sort()).toEqual(files.map((f) => f.id).sort());

    // A file of another application fails the whole call (the activity retries it), never one item
    // as a refusal: the application is stored by the time its files are linked.
    const stray = await serviceErrorOf(client.submitApplications([await submission('asn-sub-4', [files[0]!.id])]));
    expect(stray.code).toBe('CONFLICT');
    // A file that was never stored (or was discarded) fails it too.
    const gone = await serviceErrorOf(
      client.submitApplications([await submission('asn-sub-5', ['af-0000000000000000000000000000000000000000'])]),
    );
    expect(gone.code).toBe('NOT_FOUND');
  });
});

describe('a batch of submissions on the audit chain', () => {
  it('appends the batch as consecutive links in one insert, once, while single records race with it', async () => {
    const sel = 's-chain-batch';
    await client.upsertSelection(selection(sel));
    const vacancyId = `${sel}-V1`;
    const audit = (decisionId: string, subjectId: string | null) => ({
      decisionId,
      selectionId: sel,
      workflowId: `selection:KALTIM:${sel}`,
      kind: 'APPLICATION_SUBMITTED',
      by,
      at: '2026-11-25T02:00:00.000Z',
      reason: null,
      subjectId,
      payload: { vacancyId },
    });
    const batch = Array.from({ length: 12 }, (_, i) => {
      const id = applicationId(vacancyId, `asn-chain-${i}`);
      return {
        application: {
          id,
          selectionId: sel,
          vacancyId,
          candidateId: `asn-chain-${i}`,
          submittedAt: '2026-11-25T02:00:00.000Z',
        },
        audit: audit(`d-chain-${i}`, id),
      };
    });
    const singles = Array.from({ length: 6 }, (_, i) => client.recordAudit(audit(`d-chain-single-${i}`, null)));
    const [first] = await Promise.all([client.submitApplications(batch), ...singles]);
    expect(first.map((r) => r.application?.id)).toEqual(batch.map((b) => b.application.id));
    // The activity's retry of the same batch adds no link.
    await client.submitApplications(batch);

    const verified = await client.verifyAudit(sel);
    expect([verified.ok, verified.length, verified.firstBroken]).toEqual([true, 18, null]);
    const links = (await service.conn.collection('auditRecords').find({ selectionId: sel }).toArray()) as unknown as {
      _id: string;
      seq: number;
    }[];
    expect(links.map((l) => l._id).sort()).toEqual(
      [...batch.map((b) => b.audit.decisionId), ...Array.from({ length: 6 }, (_, i) => `d-chain-single-${i}`)].sort(),
    );
    const batchSeqs = links
      .filter((l) => l._id.startsWith('d-chain-') && !l._id.includes('single'))
      .map((l) => l.seq)
      .sort((a, b) => a - b);
    expect(batchSeqs.at(-1)! - batchSeqs[0]!).toBe(11);

    // A batch whose sixth decision is recorded already (a retry after a partial write): the insert stops
    // there and the rest are appended one by one; the chain stays whole, each decision in it once.
    const second = Array.from({ length: 8 }, (_, i) => {
      const id = applicationId(vacancyId, `asn-chain2-${i}`);
      return {
        application: { ...batch[0]!.application, id, candidateId: `asn-chain2-${i}` },
        audit: audit(`d-chain2-${i}`, id),
      };
    });
    await client.recordAudit(second[5]!.audit);
    await client.submitApplications(second);
    const after = await client.verifyAudit(sel);
    expect([after.ok, after.length]).toEqual([true, 18 + 8]);
    expect(await service.conn.collection('auditRecords').countDocuments({ _id: 'd-chain2-5' as never })).toBe(1);
  });
});

describe('change feed', () => {
  it('pages through every timeline entry and stage event in recording order, each once', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    await client.upsertSelection(selection('s-feed'));
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const candidateId = `asn-feed-${i}`;
      const id = applicationId('s-feed-V1', candidateId);
      ids.push(id);
      await client.createApplication({
        id,
        selectionId: 's-feed',
        vacancyId: 's-feed-V1',
        candidateId,
        submittedAt: '2026-11-25T02:00:00.000Z',
      });
    }
    // Fans out to the 7 applications with one recordedAt: pages must split inside that instant.
    await client.recordStageEvent('s-feed', {
      eventId: 'REGISTRATION_CLOSED:1',
      stage: 'REGISTRATION_CLOSED',
      at: '2026-12-08T16:00:00.000Z',
      reasonCode: 'REGISTRATION_CLOSED',
    });
    const seen: ReadModelChangeDto[] = [];
    let after: string | null = null;
    do {
      const page = await client.listChanges({ since, after, limit: 3 });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      after = page.nextCursor;
    } while (after);
    const mine = seen.filter((c) =>
      c.kind === 'SELECTION_STAGE' ? c.selectionId === 's-feed' : ids.includes(c.applicationId),
    );
    expect(mine).toHaveLength(7 * 2 + 1);
    expect(new Set(seen.map((c) => c.id)).size).toBe(seen.length);
    const order = seen.map((c) => `${c.recordedAt}|${c.id}`);
    expect(order).toEqual([...order].sort());
    expect(mine.filter((c) => c.kind === 'SELECTION_STAGE')).toMatchObject([
      { selectionId: 's-feed', stage: 'REGISTRATION_CLOSED', reasonCode: 'REGISTRATION_CLOSED' },
    ]);
    const last = await client.listChanges({ since: new Date(Date.now() + 60_000).toISOString() });
    expect(last).toEqual({ items: [], nextCursor: null });
  });
});
