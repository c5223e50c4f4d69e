/**
 * The notification outbox of services/candidate on the real FerretDB: one notice per event however often
 * it is recorded, reminders scheduled on working days, claims that never hand a notice out twice, and
 * the sender's reports (retry, give up, queue again).
 */
import {
  applicationId,
  DEFAULT_HOLIDAY_CALENDAR,
  PPK_CHOICE_ESCALATION_WORKING_DAYS,
  REMINDER_WORKING_DAYS_BEFORE,
  reminderInstant,
  workingDaysAfterInstant,
  type NoticeDto,
} from '@seleksi/domain';
import {
  CandidateClient,
  type RunningService,
  testServiceEnv,
  stopTestService,
  operatorServiceAuth,
} from '@seleksi/kit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startCandidateService } from './app';
import { loadCandidateConfig } from './config';

const mongoUri = process.env.TEST_MONGODB_URI ?? inject('mongoUri');
const DAY = 86_400_000;

let service: RunningService;
let client: CandidateClient;

beforeAll(async () => {
  service = await startCandidateService(loadCandidateConfig(testServiceEnv('CANDIDATE', 'it_notices', mongoUri)));
  client = new CandidateClient(service.url, { auth: operatorServiceAuth() });
  await client.upsertSelection({
    id: 'NT-1',
    agencyCode: 'KALTIM',
    title: 'Seleksi Terbuka JPT Pratama 2026',
    workflowId: 'selection:KALTIM:NT-1',
    stage: 'REGISTRATION_OPEN',
    timeZone: 'WITA',
    announcementDate: '2026-11-24',
    registrationClosesAt: new Date(Date.now() + 10 * DAY).toISOString(),
    vacancies: [
      { id: 'NT-1-V1', level: 'PRATAMA', position: 'Kepala Dinas Kesehatan', unit: 'Dinas Kesehatan', status: 'OPEN' },
    ],
    announcementDocumentId: null,
    createdBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
    createdAt: new Date().toISOString(),
  });
});

afterAll(async () => {
  await stopTestService(service);
});

const byKind = (list: NoticeDto[], kind: string) => list.filter((n) => n.kind === kind);

describe('the outbox', () => {
  const appId = applicationId('NT-1-V1', 'c-1');
  const submittedAt = new Date().toISOString();
  const deadline = new Date(Date.now() + 12 * DAY).toISOString();

  it('holds one notice per event, however often the event is recorded', async () => {
    const req = { id: appId, selectionId: 'NT-1', vacancyId: 'NT-1-V1', candidateId: 'c-1', submittedAt };
    // An activity retried, concurrently and again later.
    await Promise.all([client.createApplication(req), client.createApplication(req)]);
    await client.createApplication(req);
    const first = (await client.getApplication(appId))!.timeline[0]!;
    await client.appendTimeline(appId, first);

    const event = {
      eventId: 'selection:KALTIM:NT-1:7:OVERSEER_RECOMMENDATION',
      stage: 'OVERSEER_RECOMMENDATION' as const,
      at: new Date().toISOString(),
      reasonCode: 'OVERSEER_REVIEW_STARTED' as const,
      expectedNextAt: deadline,
    };
    await Promise.all([client.recordStageEvent('NT-1', event), client.recordStageEvent('NT-1', event)]);
    await client.recordStageEvent('NT-1', event);

    const all = await client.listNotices();
    expect(byKind(all, 'APPLICATION_RECEIVED')).toHaveLength(1);
    expect(byKind(all, 'APPLICATION_RECEIVED')[0]).toMatchObject({
      status: 'PENDING',
      essential: false,
      attempts: 0,
      recipient: { candidateId: 'c-1' },
    });
    expect(byKind(all, 'DECISION_WAITING')).toHaveLength(1);
    expect(byKind(all, 'DECISION_WAITING')[0]!.recipient).toEqual({ role: 'OVERSEER', agencyCode: 'KALTIM' });
    // The reminder waits until N working days before the deadline, 08.00 in the agency's time zone.
    const reminders = byKind(all, 'DECISION_REMINDER');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.nextAttemptAt).toBe(
      reminderInstant(deadline, REMINDER_WORKING_DAYS_BEFORE, 'WITA', DEFAULT_HOLIDAY_CALENDAR).toISOString(),
    );
    expect(all).toHaveLength(3);
  });

  it('hands each due notice to one sender, with what its mail says', async () => {
    const [a, b] = await Promise.all([client.claimNotices(10, 60_000), client.claimNotices(10, 60_000)]);
    const claimed = [...a, ...b];
    expect(claimed.map((n) => n.kind).sort()).toEqual(['APPLICATION_RECEIVED', 'DECISION_WAITING']);
    const received = claimed.find((n) => n.kind === 'APPLICATION_RECEIVED')!;
    expect(received.content).toMatchObject({
      selectionTitle: 'Seleksi Terbuka JPT Pratama 2026',
      agencyName: 'KALTIM', // no agency record in this suite: its code
      timeZone: 'WITA',
      position: 'Kepala Dinas Kesehatan',
      at: submittedAt,
      status: 'SUBMITTED',
    });
    expect(claimed.find((n) => n.kind === 'DECISION_WAITING')!.content.deadline).toBe(deadline);
    // Leased: not handed out again while the sender holds them.
    expect(await client.claimNotices(10, 60_000)).toEqual([]);
  });

  it('keeps the sender’s outcome: retry later, give up, queue again, sent once', async () => {
    const id = byKind(await client.listNotices(), 'APPLICATION_RECEIVED')[0]!.id;
    const retryAt = new Date(Date.now() + 500).toISOString();
    const failed = await client.reportNotice(id, { outcome: 'FAILED', error: 'ECONNREFUSED', retryAt });
    expect(failed).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'ECONNREFUSED', nextAttemptAt: retryAt });
    const gaveUp = await client.reportNotice(id, { outcome: 'FAILED', error: 'ECONNREFUSED again', retryAt: null });
    expect(gaveUp).toMatchObject({ status: 'FAILED', attempts: 2, nextAttemptAt: null });
    expect((await client.listNotices({ status: ['FAILED'] })).map((n) => n.id)).toEqual([id]);
    expect(await client.retryNotices([id])).toEqual({ retried: 1 });
    const again = await client.claimNotices(10, 60_000);
    expect(again.map((n) => n.id)).toEqual([id]);
    const sent = await client.reportNotice(id, { outcome: 'SENT' });
    expect(sent).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(sent.sentAt).not.toBeNull();
    // A repeated report (the sender retried its call) changes nothing.
    expect(await client.reportNotice(id, { outcome: 'SENT' })).toEqual(sent);
  });

  it('escalates an overdue PPK choice to the agency administrator and the secretariat, unless the round moved on', async () => {
    // Two rounds whose PPK was asked 30 days ago: one still waits, the other moved on since.
    for (const id of ['NT-2', 'NT-3']) {
      await client.upsertSelection({
        id,
        agencyCode: 'KALTIM',
        title: `Seleksi ${id}`,
        workflowId: `selection:KALTIM:${id}`,
        stage: 'REPORTED_TO_PPK',
        timeZone: 'WITA',
        announcementDate: '2026-01-05',
        registrationClosesAt: new Date(Date.now() - 60 * DAY).toISOString(),
        vacancies: [],
        announcementDocumentId: null,
        createdBy: { userId: 'u-secretary', role: 'PANSEL_SECRETARY' },
        createdAt: new Date(Date.now() - 90 * DAY).toISOString(),
      });
    }
    const askedAt = new Date(Date.now() - 30 * DAY).toISOString();
    const ask = (id: string) => ({
      eventId: `selection:KALTIM:${id}:40:APPOINTMENT_CHOICE`,
      stage: 'APPOINTMENT_CHOICE' as const,
      at: askedAt,
      reasonCode: 'APPOINTMENT_CHOICE_STARTED' as const,
      expectedNextAt: null,
    });
    await Promise.all([client.recordStageEvent('NT-2', ask('NT-2')), client.recordStageEvent('NT-2', ask('NT-2'))]);
    await client.recordStageEvent('NT-3', ask('NT-3'));
    await client.recordStageEvent('NT-3', {
      eventId: 'selection:KALTIM:NT-3:41:DECREE',
      stage: 'DECREE',
      at: new Date(Date.now() - 20 * DAY).toISOString(),
      reasonCode: 'APPOINTEE_CHOSEN',
      expectedNextAt: null,
    });

    const escalations = byKind(await client.listNotices(), 'DEADLINE_ESCALATION');
    expect(escalations).toHaveLength(4); // two rounds × two roles, however often the event was recorded
    const due = workingDaysAfterInstant(askedAt, PPK_CHOICE_ESCALATION_WORKING_DAYS, 'WITA', DEFAULT_HOLIDAY_CALENDAR);
    for (const n of escalations) expect(n).toMatchObject({ essential: true, nextAttemptAt: due.toISOString() });

    const claimed = (await client.claimNotices(20, 60_000)).filter((n) => n.kind === 'DEADLINE_ESCALATION');
    expect(claimed.map((n) => n.recipient).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { role: 'AGENCY_ADMIN', agencyCode: 'KALTIM' },
      { role: 'PANSEL_SECRETARY', agencyCode: 'KALTIM' },
    ]);
    expect(claimed[0]!.content).toMatchObject({
      selectionTitle: 'Seleksi NT-2',
      reasonCode: 'APPOINTMENT_CHOICE_STARTED',
    });
    const skipped = byKind(await client.listNotices({ status: ['SKIPPED'] }), 'DEADLINE_ESCALATION');
    expect(skipped).toHaveLength(2);
  });
});
