/**
 * Delivery of the outbox (services/candidate owns it): claims due notices, finds their recipients among the
 * gateway's accounts, leaves out those who turned a non-essential kind off, sends one mail per notice with
 * nodemailer and reports the outcome. A failed send is retried with exponential backoff and shows up in
 * the administrators' `notices` query with its attempts and last error. Logs carry notice ids and kinds
 * only: never an address, a name or a NIP (SMTP errors are stripped of addresses before they are kept).
 */
import { ESSENTIAL_NOTICES, NOTICE_KINDS, type ClaimedNoticeDto, type NoticeKind } from '@seleksi/domain';
import { isDuplicateKeyError, type CandidateClient } from '@seleksi/kit';
import type { Connection, Model } from 'mongoose';
import { Schema } from 'mongoose';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { renderAccountLinkMail, renderMail } from './templates';

interface PreferenceDoc {
  _id: string; // account id
  disabled: NoticeKind[];
  updatedAt: Date;
}

const preferenceSchema = new Schema<PreferenceDoc>(
  {
    _id: { type: String, required: true },
    disabled: { type: [String], enum: NOTICE_KINDS, default: [] },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

/** Each account's choice of non-essential notices (absent: all on). */
export class NoticePreferences {
  readonly model: Model<PreferenceDoc>;
  constructor(conn: Connection) {
    this.model = conn.model<PreferenceDoc>('NoticePreference', preferenceSchema, 'noticePreferences');
  }

  async disabledFor(accountId: string): Promise<NoticeKind[]> {
    return (await this.model.findById(accountId).lean<PreferenceDoc>())?.disabled ?? [];
  }

  /** Stores the non-essential kinds the account turned off (essential ones are refused by the caller). */
  async setDisabled(accountId: string, disabled: NoticeKind[]): Promise<NoticeKind[]> {
    const kinds = [...new Set(disabled)].filter((k) => !ESSENTIAL_NOTICES[k]);
    await this.model.replaceOne({ _id: accountId }, { disabled: kinds, updatedAt: new Date() }, { upsert: true });
    return kinds;
  }

  async disabledForMany(accountIds: string[]): Promise<Map<string, NoticeKind[]>> {
    if (accountIds.length === 0) return new Map();
    const docs = await this.model.find({ _id: { $in: accountIds } }).lean<PreferenceDoc[]>();
    return new Map(docs.map((d) => [d._id, d.disabled]));
  }
}

export interface NotifierConfig {
  SMTP_URL?: string | undefined;
  SMTP_FROM: string;
  PUBLIC_URL: string;
  NOTICE_POLL_MS: number;
  NOTICE_BATCH: number;
  NOTICE_RETRY_BASE_MS: number;
  NOTICE_RETRY_MAX_MS: number;
  NOTICE_MAX_ATTEMPTS: number;
}

interface Recipient {
  id: string;
  email: string;
  displayName: string;
}

/** Lease period in an account link's claim key: the longest lease, so one period holds one claim per attempt. */
const ACCOUNT_LINK_CLAIM_PERIOD_MS = 120_000;

const EMAIL_PATTERN = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** An SMTP error as it may be kept and logged: no addresses. */
export function redactError(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const parts = [e.code, e.responseCode ? String(e.responseCode) : null, e.message ?? String(err)].filter(Boolean);
  return parts.join(' ').replace(EMAIL_PATTERN, '<address>').slice(0, 300);
}

export class Notifier {
  private readonly transport: Transporter;
  private readonly accounts;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    private readonly deps: {
      candidate: Pick<CandidateClient, 'claimNotices' | 'reportNotice'>;
      conn: Connection;
      preferences: NoticePreferences;
      config: NotifierConfig & { SMTP_URL: string };
      logger: Logger;
    },
  ) {
    this.transport = nodemailer.createTransport(deps.config.SMTP_URL, {
      from: deps.config.SMTP_FROM,
    });
    // The gateway's own accounts (gateway/src/auth), read here for addresses only.
    this.accounts = deps.conn.collection<{
      _id: string;
      email: string;
      displayName: string;
      role: string;
      agencyCode: string | null;
      candidateId: string | null;
    }>('accounts');
  }

  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .catch((err: unknown) => this.deps.logger.warn({ error: redactError(err) }, 'notice delivery round failed'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.deps.config.NOTICE_POLL_MS);
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }

  /** One round: every due notice (in batches) is sent, skipped or rescheduled. Answers how many were handled. */
  async runOnce(): Promise<number> {
    let handled = await this.sendAccountLinks();
    for (;;) {
      const batch = await this.deps.candidate.claimNotices(this.deps.config.NOTICE_BATCH, 120_000);
      for (const n of batch) await this.deliver(n);
      handled += batch.length;
      if (batch.length < this.deps.config.NOTICE_BATCH || this.stopped) return handled;
    }
  }

  /**
   * Reports an outcome, retrying a few times: a report lost after a successful send would let the lease
   * expire and the mail go out again.
   */
  private async report(id: string, r: Parameters<CandidateClient['reportNotice']>[1]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.deps.candidate.reportNotice(id, r);
        return;
      } catch (err) {
        if (attempt >= 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      }
    }
  }

  private async recipients(n: ClaimedNoticeDto): Promise<Recipient[]> {
    const r = n.recipient;
    const query =
      'candidateId' in r
        ? { candidateId: r.candidateId, role: 'CANDIDATE' }
        : r.role === 'OVERSEER'
          ? { role: r.role } // the overseer is national: its accounts belong to no selection's agency
          : { role: r.role, agencyCode: r.agencyCode };
    const docs = await this.accounts
      .find(query, { projection: { email: 1, displayName: 1 } })
      .limit(50)
      .toArray();
    let found = docs.map((d) => ({ id: d._id, email: d.email, displayName: d.displayName }));
    if (!n.essential) {
      const prefs = await this.deps.preferences.disabledForMany(found.map((a) => a.id));
      found = found.filter((a) => !(prefs.get(a.id) ?? []).includes(n.kind));
    }
    return found;
  }

  private async deliver(n: ClaimedNoticeDto): Promise<void> {
    const log = { noticeId: n.id, kind: n.kind, attempt: n.attempts + 1 };
    const to = await this.recipients(n);
    if (to.length === 0) {
      await this.report(n.id, { outcome: 'SKIPPED' });
      this.deps.logger.info(log, 'notice skipped (no recipient, or turned off)');
      return;
    }
    const mail = renderMail({
      kind: n.kind,
      content: n.content,
      greetingName: to.length === 1 ? to[0]!.displayName : 'Bapak/Ibu',
      portalUrl: this.deps.config.PUBLIC_URL,
    });
    try {
      await this.transport.sendMail({
        // Several recipients (a role at an agency) do not see each other's addresses.
        ...(to.length === 1 ? { to: to[0]!.email } : { to: this.deps.config.SMTP_FROM, bcc: to.map((a) => a.email) }),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: { 'X-Seleksi-Notice': n.id, 'X-Seleksi-Notice-Kind': n.kind },
      });
    } catch (err) {
      const error = redactError(err);
      const attempts = n.attempts + 1;
      const giveUp = attempts >= this.deps.config.NOTICE_MAX_ATTEMPTS;
      const delay = Math.min(
        this.deps.config.NOTICE_RETRY_BASE_MS * 2 ** (attempts - 1),
        this.deps.config.NOTICE_RETRY_MAX_MS,
      );
      await this.report(n.id, {
        outcome: 'FAILED',
        error,
        retryAt: giveUp ? null : new Date(Date.now() + delay).toISOString(),
      });
      this.deps.logger.warn(
        { ...log, error, retryInMs: giveUp ? null : delay },
        giveUp ? 'notice failed for good' : 'notice send failed; will retry',
      );
      return;
    }
    await this.report(n.id, { outcome: 'SENT' });
    this.deps.logger.info({ ...log, recipients: to.length }, 'notice sent');
  }

  /**
   * Mails the one-time links the gateway's accounts queued (`account_notices`: invitations, password
   * resets) and then forgets the link. A notice's attempt is claimed by inserting its key (notice, attempt,
   * lease period) into `account_notice_claims`, so of several gateways exactly one sends it: a conditional
   * update alone is not enough on FerretDB v1, which rewrites a document without a lock (two gateways both
   * saw their update applied). A failed send is tried again after the lease; a claimer that died is
   * replaced in a later lease period.
   */
  private async sendAccountLinks(): Promise<number> {
    const notices = this.deps.conn.collection<{
      _id: string;
      accountId: string;
      kind: 'INVITATION' | 'PASSWORD_RESET';
      link: string | null;
      expiresAt: Date;
      sentAt: Date | null;
      leaseUntil?: Date | null;
      attempts?: number;
    }>('account_notices');
    const claims = this.deps.conn.collection<{ _id: string; at: Date }>('account_notice_claims');
    const now = new Date();
    const due = (await notices.find({ sentAt: null }).limit(this.deps.config.NOTICE_BATCH).toArray()).filter(
      (n) => n.link && n.expiresAt > now && !(n.leaseUntil && n.leaseUntil > now),
    );
    let handled = 0;
    for (const n of due) {
      const attempts = (n.attempts ?? 0) + 1;
      const lease = new Date(Date.now() + Math.min(this.deps.config.NOTICE_RETRY_BASE_MS * 2 ** attempts, 120_000));
      try {
        await claims.insertOne({
          _id: `${n._id}#${attempts}#${Math.floor(now.getTime() / ACCOUNT_LINK_CLAIM_PERIOD_MS)}`,
          at: now,
        });
      } catch (err) {
        if (isDuplicateKeyError(err)) continue; // another gateway has it
        throw err;
      }
      await notices.updateOne({ _id: n._id, sentAt: null }, { $set: { leaseUntil: lease, attempts } });
      const log = { noticeId: n._id, kind: n.kind, attempt: attempts };
      const account = await this.accounts.findOne({ _id: n.accountId }, { projection: { email: 1, displayName: 1 } });
      if (!account) {
        await notices.updateOne({ _id: n._id }, { $set: { sentAt: new Date(), link: null } });
        continue;
      }
      const mail = renderAccountLinkMail({
        kind: n.kind,
        displayName: account.displayName,
        link: n.link!,
        expiresAt: n.expiresAt,
      });
      try {
        await this.transport.sendMail({
          to: account.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'X-Seleksi-Notice': n._id, 'X-Seleksi-Notice-Kind': n.kind },
        });
      } catch (err) {
        this.deps.logger.warn({ ...log, error: redactError(err) }, 'account link mail failed; will retry');
        continue;
      }
      // Sent: the link lives on only in the recipient's mailbox.
      await notices.updateOne({ _id: n._id }, { $set: { sentAt: new Date(), link: null } });
      this.deps.logger.info(log, 'account link mailed');
      handled++;
    }
    return handled;
  }
}
