import { Lang } from '../core/i18n/lang';
import { EMAIL_KIND_WORDS, LANG_WORDS, codeOf, wordOf } from '../core/i18n/words';
import { EmailKind, OutgoingEmail, PAYMENT_QR_CID } from '../core/emails';
import { fitsQr, qrGif } from '../core/payment/qr';
import { Book } from './sheets/book';
import { appendAtCounter } from './sheets/append';
import { cellNumber, cellText, isDate } from './sheets/cells';
import { columnNumber, get, row, span, wholeColumn } from './sheets/schema';
import { KEYS } from './properties/keys';
import { DocumentStore } from './properties/store';

/**
 * The Outbox sheet is both the queue and the record of every email: one row per (round, person, kind,
 * revision). A row goes QUEUED → SENDING → SENT or FAILED; NO_EMAIL marks a resident without an
 * address (their building volunteer tells them). At most once: rows are marked SENDING in one write and
 * flushed before MailApp sends them, so an execution killed mid-chunk leaves SENDING rows that are
 * shown to the coordinator, never resent blindly.
 */
export type OutboxState = 'QUEUED' | 'SENDING' | 'SENT' | 'FAILED' | 'NO_EMAIL';

/** Where a row's delivery state lives: rewritten in one call per chunk, never the whole row. */
const STATE = span('outbox', ['state', 'attempts', 'updatedAt', 'error']);
type StateCells = [state: string, attempts: number, updatedAt: unknown, error: string];
const stateCells = (state: OutboxState, attempts: number, at: Date, error = ''): StateCells =>
  STATE.cells({ state, attempts, updatedAt: at, error }) as StateCells;
const MAX_ATTEMPTS = 3;
/** Sheets refuses more than 50,000 characters in a cell; an HTML body past this is sent as text only. */
const CELL_LIMIT = 49_000;

/** The kind and language in the sheet's words (`outboxSummary` reads the kind back in any language). */
function outboxRow(e: OutgoingEmail, state: OutboxState, now: Date, lang: Lang): unknown[] {
  return row('outbox', {
    key: e.key,
    round: e.round,
    orderKey: e.orderKey,
    kind: wordOf(EMAIL_KIND_WORDS, e.kind, lang),
    to: e.to,
    lang: wordOf(LANG_WORDS, e.lang, lang),
    subject: e.subject,
    state,
    attempts: 0,
    updatedAt: now,
    error: '',
    body: e.body.slice(0, CELL_LIMIT),
    html: e.html.length > CELL_LIMIT ? '' : e.html,
    qr: e.qr ?? '',
  });
}

/** Keys already in the outbox, in one read of the key column. */
function outboxKeys(book: Book): Set<string> {
  const values = book.sheet('outbox').getRange(wholeColumn('outbox', 'key')).getValues();
  return new Set(
    values
      .slice(1)
      .map((v) => cellText(v[0]))
      .filter(Boolean),
  );
}

/** Where the next queued email will go (0 when the add-on has not counted the Outbox yet). */
export function nextOutboxRow(store: DocumentStore): number {
  return store.get(KEYS.counters.outbox.next) ?? 0;
}

/**
 * Keys of the emails queued from `from` on, `count` rows at most: what a resumed step queued before it was
 * killed, in one read however long the Outbox has grown. Unknown start: the whole key column.
 */
export function outboxKeysFrom(book: Book, from: number, count: number): Set<string> {
  if (from < 2) return outboxKeys(book);
  const sheet = book.sheet('outbox');
  const rows = Math.max(1, Math.min(count, sheet.getMaxRows() - from + 1));
  const values = sheet.getRange(from, columnNumber('outbox', 'key'), rows, 1).getValues();
  return new Set(values.map((v) => cellText(v[0])).filter(Boolean));
}

/** Queues emails not queued before (by key); residents without an address are recorded as NO_EMAIL. */
export function queueEmails(book: Book, store: DocumentStore, emails: OutgoingEmail[], now: Date, known?: Set<string>): number {
  const existing = known ?? outboxKeys(book);
  const fresh = emails.filter((e) => !existing.has(e.key));
  if (fresh.some((e) => e.to)) somethingToSend(store);
  appendAtCounter(
    book.sheet('outbox'),
    'outbox',
    store,
    fresh.map((e) => outboxRow(e, e.to ? 'QUEUED' : 'NO_EMAIL', now, book.lang)),
  );
  for (const e of fresh) existing.add(e.key);
  return fresh.length;
}

/**
 * The payment QR image, drawn now from the text the outbox kept: MailApp attaches it inline under its
 * cid key (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)), so no
 * mail client fetches anything from a server. Apps Script bytes are signed Java bytes.
 */
function qrImage(payload: string): GoogleAppsScript.Base.Blob {
  const { gif } = qrGif(payload);
  const bytes = Array.from(gif, (b) => (b > 127 ? b - 256 : b));
  return Utilities.newBlob(bytes, 'image/gif', 'payment-qr.gif');
}

function send(e: Pick<OutgoingEmail, 'to' | 'subject' | 'body' | 'html' | 'qr'>, replyTo: string, senderName: string): void {
  const message: GoogleAppsScript.Mail.MailAdvancedParameters & { to: string; subject: string; body: string } = {
    to: e.to,
    subject: e.subject,
    body: e.body,
    name: senderName,
  };
  if (e.html) message.htmlBody = e.html;
  // A code that cannot be drawn (Settings refuses one now; an older one may remain) sends the bill without it.
  if (e.html && e.qr && fitsQr(e.qr)) message.inlineImages = { [PAYMENT_QR_CID]: qrImage(e.qr) };
  if (replyTo) message.replyTo = replyTo;
  MailApp.sendEmail(message);
}

/**
 * Sends one email now (a receipt right after a submission): appended as SENDING and flushed, sent,
 * then confirmed in document properties. Without quota or address it simply waits in the queue.
 */
export function sendNow(
  book: Book,
  store: DocumentStore,
  e: OutgoingEmail,
  now: Date,
  replyTo: string,
  senderName: string,
): OutboxState {
  const sheet = book.sheet('outbox');
  if (!e.to || MailApp.getRemainingDailyQuota() < 1) {
    if (e.to) somethingToSend(store);
    appendAtCounter(sheet, 'outbox', store, [outboxRow(e, e.to ? 'QUEUED' : 'NO_EMAIL', now, book.lang)]);
    return e.to ? 'QUEUED' : 'NO_EMAIL';
  }
  const at = appendAtCounter(sheet, 'outbox', store, [outboxRow(e, 'SENDING', now, book.lang)]);
  SpreadsheetApp.flush();
  try {
    send(e, replyTo, senderName);
  } catch (err) {
    somethingToSend(store);
    sheet.getRange(at, STATE.column, 1, STATE.width).setValues([stateCells('QUEUED', 1, now, errorText(err))]);
    return 'QUEUED';
  }
  // Confirmed in document properties (no extra sheet write); the next drain folds it in.
  store.set(KEYS.sentReceipt(at), e.key);
  return 'SENT';
}

/**
 * An email now waits in the Outbox: the hourly tick must read it (an idle hour reads no sheet while the
 * Outbox is known drained, addon/tick.ts).
 */
export function somethingToSend(store: DocumentStore): void {
  if (store.get(KEYS.outboxDrained)) store.delete(KEYS.outboxDrained);
}

/** Receipts sent but not yet folded into the Outbox (each a small document property): folded in by a drain. */
export const RECEIPTS_TO_FOLD = 50;

/**
 * Whether the hourly tick has nothing to send, without reading the Outbox: known drained, or today's mail
 * quota spent (one MailApp call, no Sheets round trip) — and few sent receipts waiting to be folded in.
 */
export function nothingToSendNow(store: DocumentStore): boolean {
  if (store.list(KEYS.sentReceipt).length >= RECEIPTS_TO_FOLD) return false;
  return !!store.get(KEYS.outboxDrained) || MailApp.getRemainingDailyQuota() < 1;
}

function errorText(err: unknown): string {
  return typeof (err as Error)?.message === 'string' ? (err as Error).message : String(err);
}

export interface DrainResult {
  sent: number;
  failed: number;
  /** Still queued because today's quota is spent: they go out after it renews. */
  waitingForQuota: number;
  /** Still queued because this run stopped for time; the next tick (or "continue") resumes. */
  remaining: number;
  stuck: number;
  stoppedForTime: boolean;
}

/**
 * Sends queued emails in chunks until the queue is empty, the daily quota is spent or `stopAt` (about
 * five minutes into the execution) is reached. Each chunk costs a constant number of sheet calls.
 */
export function drainOutbox(
  book: Book,
  store: DocumentStore,
  options: { stopAt: number; chunkSize?: number; replyTo: string; senderName: string },
): DrainResult {
  const sheet = book.sheet('outbox');
  const values = sheet.getDataRange().getValues();
  const states = values.map((v): StateCells => {
    const [state, attempts, at, error] = STATE.of(v);
    return [cellText(state), cellNumber(attempts), at, cellText(error)];
  });
  const result: DrainResult = { sent: 0, failed: 0, waitingForQuota: 0, remaining: 0, stuck: 0, stoppedForTime: false };

  // Fold in receipts confirmed since the last drain.
  const confirmed = store.list(KEYS.sentReceipt);
  let minChanged = Infinity;
  let maxChanged = -Infinity;
  for (const at of confirmed) {
    const r = at - 1;
    if (
      values[r] &&
      cellText(get('outbox', values[r], 'key')) === store.get(KEYS.sentReceipt(at)) &&
      states[r][0] === 'SENDING'
    ) {
      states[r] = stateCells('SENT', states[r][1] + 1, new Date());
      minChanged = Math.min(minChanged, r);
      maxChanged = Math.max(maxChanged, r);
    }
  }
  const writeSpan = (from: number, to: number) =>
    sheet.getRange(from + 1, STATE.column, to - from + 1, STATE.width).setValues(states.slice(from, to + 1));
  if (maxChanged >= 0) writeSpan(minChanged, maxChanged);
  for (const at of confirmed) store.delete(KEYS.sentReceipt(at));

  const queued: number[] = [];
  values.forEach((_, r) => {
    if (r === 0) return;
    if (states[r][0] === 'QUEUED') queued.push(r);
    if (states[r][0] === 'SENDING') result.stuck++;
  });

  const chunkSize = options.chunkSize ?? 20;
  let i = 0;
  while (i < queued.length) {
    if (Date.now() >= options.stopAt) {
      result.stoppedForTime = true;
      break;
    }
    const quota = MailApp.getRemainingDailyQuota();
    if (quota < 1) break;
    const chunk = queued.slice(i, i + Math.min(chunkSize, quota));
    const from = chunk[0];
    const to = chunk[chunk.length - 1];
    const now = new Date();
    for (const r of chunk) states[r] = stateCells('SENDING', states[r][1], now);
    writeSpan(from, to);
    SpreadsheetApp.flush();
    let quotaOut = false;
    for (const r of chunk) {
      const v = values[r];
      if (quotaOut) {
        states[r] = stateCells('QUEUED', states[r][1], now);
        continue;
      }
      try {
        send(
          {
            to: cellText(get('outbox', v, 'to')),
            subject: cellText(get('outbox', v, 'subject')),
            body: cellText(get('outbox', v, 'body')),
            html: cellText(get('outbox', v, 'html')),
            qr: cellText(get('outbox', v, 'qr')),
          },
          options.replyTo,
          options.senderName,
        );
        states[r] = stateCells('SENT', states[r][1] + 1, new Date());
        result.sent++;
      } catch (err) {
        const message = errorText(err);
        // Apps Script is ending this execution: leave the chunk as SENDING, never guess.
        if (/Exceeded maximum execution time/i.test(message)) throw err;
        const attempts = states[r][1] + 1;
        if (/too many times for one day/i.test(message)) {
          quotaOut = true;
          states[r] = stateCells('QUEUED', states[r][1], now);
        } else if (/invalid email/i.test(message) || attempts >= MAX_ATTEMPTS) {
          states[r] = stateCells('FAILED', attempts, new Date(), message);
          result.failed++;
        } else {
          states[r] = stateCells('QUEUED', attempts, new Date(), message);
        }
      }
    }
    writeSpan(from, to);
    i += chunk.length;
    if (quotaOut) break;
  }
  const left = queued.filter((r) => states[r][0] === 'QUEUED').length;
  if (left) somethingToSend(store);
  else if (!store.get(KEYS.outboxDrained)) store.set(KEYS.outboxDrained, 1);
  if (result.stoppedForTime) result.remaining = left;
  else result.waitingForQuota = left;
  return result;
}

export interface OutboxSummary {
  counts: Record<OutboxState, number>;
  quota: number;
  stuck: { key: string; to: string; subject: string; row: number }[];
  noEmail: { round: string; orderKey: string; kind: EmailKind }[];
  /** Per kind of email: how many went out and when the last one did (ms), for the screen's story. */
  mailings: { kind: EmailKind; sent: number; lastAt: number }[];
}

/**
 * What the Emails screen shows, from one read of the outbox. A receipt confirmed in document
 * properties but not yet folded into the sheet counts as sent, not as stuck.
 */
export function outboxSummary(book: Book, store: DocumentStore, roundId?: string): OutboxSummary {
  const values = book.sheet('outbox').getDataRange().getValues();
  const counts: Record<OutboxState, number> = { QUEUED: 0, SENDING: 0, SENT: 0, FAILED: 0, NO_EMAIL: 0 };
  const stuck: OutboxSummary['stuck'] = [];
  const noEmail: OutboxSummary['noEmail'] = [];
  const mailings = new Map<EmailKind, { kind: EmailKind; sent: number; lastAt: number }>();
  values.forEach((v, r) => {
    if (r === 0) return;
    if (roundId && cellText(get('outbox', v, 'round')) !== roundId) return;
    let state = cellText(get('outbox', v, 'state')) as OutboxState;
    if (state === 'SENDING' && store.get(KEYS.sentReceipt(r + 1)) === cellText(get('outbox', v, 'key'))) state = 'SENT';
    if (!(state in counts)) return;
    counts[state]++;
    if (state === 'SENT') {
      const kind = codeOf(EMAIL_KIND_WORDS, get('outbox', v, 'kind'));
      const at = get('outbox', v, 'updatedAt');
      const m = kind && (mailings.get(kind) ?? mailings.set(kind, { kind, sent: 0, lastAt: 0 }).get(kind)!);
      if (m) {
        m.sent++;
        m.lastAt = Math.max(m.lastAt, isDate(at) ? at.getTime() : 0);
      }
    }
    if (state === 'SENDING')
      stuck.push({
        key: cellText(get('outbox', v, 'key')),
        to: cellText(get('outbox', v, 'to')),
        subject: cellText(get('outbox', v, 'subject')),
        row: r + 1,
      });
    if (state === 'NO_EMAIL')
      noEmail.push({
        round: cellText(get('outbox', v, 'round')),
        orderKey: cellText(get('outbox', v, 'orderKey')),
        kind: (codeOf(EMAIL_KIND_WORDS, get('outbox', v, 'kind')) ?? cellText(get('outbox', v, 'kind'))) as EmailKind,
      });
  });
  return { counts, quota: MailApp.getRemainingDailyQuota(), stuck, noEmail, mailings: [...mailings.values()] };
}

/** The coordinator decides about emails stuck in SENDING: they did go out, or they should be sent again. */
export function resolveStuck(book: Book, keys: string[], action: 'markSent' | 'requeue', now: Date): number {
  const sheet = book.sheet('outbox');
  const values = sheet.getDataRange().getValues();
  const wanted = new Set(keys);
  let changed = 0;
  const states = values.map((v) => STATE.of(v));
  values.forEach((v, r) => {
    if (r > 0 && wanted.has(cellText(get('outbox', v, 'key'))) && cellText(get('outbox', v, 'state')) === 'SENDING') {
      states[r] = stateCells(action === 'markSent' ? 'SENT' : 'QUEUED', get('outbox', v, 'attempts') as number, now);
      changed++;
    }
  });
  if (changed) sheet.getRange(2, STATE.column, values.length - 1, STATE.width).setValues(states.slice(1));
  return changed;
}
