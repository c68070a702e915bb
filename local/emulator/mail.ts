import { guarded } from './guard';
import { Runtime } from './runtime';

/** Apps Script's text when the daily recipient quota is spent (100/day consumer, 1,500 Workspace). */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';
const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

export interface SentEmail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  from: string;
  sentAt: number;
}

type Members = 'sendEmail' | 'getRemainingDailyQuota';

/**
 * MailApp with a recipient quota. Every address in to/cc/bcc uses one unit; the quota window resets
 * 24 hours after it started, as Google describes its quotas.
 */
export class EmuMailApp implements Pick<GoogleAppsScript.Mail.MailApp, Members> {
  readonly proxy: GoogleAppsScript.Mail.MailApp;
  readonly sent: SentEmail[] = [];
  private used = 0;
  private windowStart: number | null = null;
  /** Set by tests: the next N sends fail as a transient service error. */
  failNext = 0;

  constructor(
    private runtime: Runtime,
    public dailyQuota: number,
  ) {
    this.proxy = guarded(this, 'MailApp');
  }

  private roll() {
    const now = this.runtime.clock.now();
    if (this.windowStart !== null && now - this.windowStart >= DAY_MS) {
      this.windowStart = null;
      this.used = 0;
    }
  }

  getRemainingDailyQuota() {
    this.runtime.call('mail', 'MailApp.getRemainingDailyQuota');
    this.roll();
    return this.dailyQuota - this.used;
  }

  sendEmail(...args: any[]): void {
    this.runtime.call('mail', 'MailApp.sendEmail');
    const message =
      typeof args[0] === 'object' && args[0] !== null
        ? args[0]
        : { to: args[0], subject: args[1], body: args[2], ...(args[3] ?? {}) };
    const to = String(message.to ?? message.recipient ?? '');
    const cc = String(message.cc ?? '');
    const bcc = String(message.bcc ?? '');
    const recipients = [to, cc, bcc]
      .flatMap((list) => list.split(','))
      .map((s) => s.trim())
      .filter(Boolean);
    if (recipients.length === 0) throw new Error('Failed to send email: no recipient');
    for (const r of recipients) if (!EMAIL.test(r)) throw new Error(`Invalid email: ${r}`);
    this.roll();
    if (this.used + recipients.length > this.dailyQuota) throw new Error(MAIL_QUOTA_ERROR);
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('Service unavailable: Mail');
    }
    this.windowStart ??= this.runtime.clock.now();
    this.used += recipients.length;
    this.sent.push({
      to,
      cc,
      bcc,
      subject: String(message.subject ?? ''),
      body: String(message.body ?? ''),
      htmlBody: message.htmlBody === undefined ? undefined : String(message.htmlBody),
      name: message.name,
      replyTo: message.replyTo,
      from: this.runtime.user,
      sentAt: this.runtime.clock.now(),
    });
  }
}
