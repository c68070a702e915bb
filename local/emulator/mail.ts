import { guarded } from './guard';
import { Runtime } from './runtime';
import { blobOf } from './utilities';

/** Apps Script's text when the daily recipient quota is spent (100/day consumer, 1,500 Workspace). */
export const MAIL_QUOTA_ERROR = 'Service invoked too many times for one day: email.';
const DAY_MS = 24 * 60 * 60 * 1000;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
/**
 * The quotas page's "Current limitations": "Email attachments: 250 / msg" and "Email total attachments
 * size: 25 MB / msg" (https://developers.google.com/apps-script/guides/services/quotas). Inline images
 * travel as attachments of the message, so they count (the stricter reading).
 */
export const MAIL_ATTACHMENTS_PER_MESSAGE = 250;
export const MAIL_ATTACHMENTS_BYTES = 25 * 1024 * 1024;

/** An inline image as the message carries it: the blob's name, content type and bytes (0…255). */
export interface InlineImage {
  name: string | null;
  contentType: string | null;
  bytes: number[];
}

export interface SentEmail {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  /** image key (the "cid:key" in htmlBody) → image, as MailApp's inlineImages option gave it. */
  inlineImages?: Record<string, InlineImage>;
  from: string;
  sentAt: number;
}

/**
 * Reads MailApp's inlineImages option: "a JavaScript object containing a mapping from image key (String)
 * to image data (BlobSource); this assumes that the htmlBody parameter is used and contains references
 * to these images in the format <img src="cid:imageKey" />"
 * (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)). Refused, as the
 * stricter reading of "assumes": a value that is not a Blob or BlobSource, and inline images without an
 * htmlBody; and what the quotas page caps per message.
 */
function inlineImagesOf(message: Record<string, unknown>): Record<string, InlineImage> | undefined {
  const given = message.inlineImages;
  if (given === undefined || given === null) return undefined;
  if (typeof given !== 'object' || Array.isArray(given)) throw new Error('Invalid argument: inlineImages');
  if (message.htmlBody === undefined || message.htmlBody === null || message.htmlBody === '')
    throw new Error('Invalid argument: inlineImages');
  const out: Record<string, InlineImage> = {};
  let bytes = 0;
  for (const [key, value] of Object.entries(given as Record<string, unknown>)) {
    const blob = blobOf(value);
    if (!blob) throw new Error('Invalid argument: inlineImages');
    const image = { name: blob.getName(), contentType: blob.getContentType(), bytes: blob.rawBytes() };
    bytes += image.bytes.length;
    out[key] = image;
  }
  const attachments = Array.isArray(message.attachments) ? message.attachments.length : 0;
  if (Object.keys(out).length + attachments > MAIL_ATTACHMENTS_PER_MESSAGE)
    throw new Error('Limit Exceeded: Email Attachments Per Message.');
  if (bytes > MAIL_ATTACHMENTS_BYTES) throw new Error('Limit Exceeded: Email Total Attachments Size.');
  return out;
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
    const inlineImages = inlineImagesOf(message);
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
      ...(inlineImages ? { inlineImages } : {}),
      from: this.runtime.user,
      sentAt: this.runtime.clock.now(),
    });
  }
}
