import { CatalogItem, itemName } from '../core/catalog';
import { RoundFacts, renderEmail } from '../core/emails';
import { lineTotal } from '../core/billing';
import { t } from '../core/i18n/translate';
import { boxesAlmostFull, dueReminder } from '../core/reminders';
import { unitsOf } from '../core/quantity';
import { Order } from '../core/orders';
import {
  DrainResult,
  OutboxSummary,
  OutgoingEmail,
  drainOutbox,
  outboxSummary,
  queueEmails,
  resolveStuck,
  sendNow,
} from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { RoundSnapshot, roundSnapshots } from '../workspace/rounds';
import { Book } from '../workspace/sheets/book';
import { readMembers } from '../workspace/community';
import { withScriptLock } from '../workspace/lock';
import { ActionContext } from './context';
import { loadRound } from './roundData';
import { locked } from './rounds';

/** A batch stops here, well inside Apps Script's 6 minutes, and resumes on the next tick or "continue". */
export const BATCH_MS = 5 * 60 * 1000;

export function senderName(ctx: Pick<ActionContext, 'settings'>): string {
  return t(ctx.settings.defaultLang, 'app.name');
}

function facts(snapshot: RoundSnapshot, paymentInstructions: string): RoundFacts {
  return {
    title: snapshot.round.title,
    currency: snapshot.round.currency,
    timeZone: snapshot.timeZone,
    deadline: snapshot.round.deadline,
    pickupTime: snapshot.round.pickupTime,
    pickupPlace: snapshot.round.pickupPoints.join(', '),
    paymentInstructions,
  };
}

/** The receipt a resident gets right after ordering: items, provisional cost, edit link, deadline. */
export function receiptEmail(
  snapshot: RoundSnapshot,
  items: ReadonlyMap<string, CatalogItem>,
  order: Order,
  editUrl: string,
  paymentInstructions: string,
): OutgoingEmail {
  const who = order.participant;
  const lines = order.lines.map((l) => {
    const item = items.get(l.itemId);
    const milli = item?.stepMilli ?? 1000;
    return {
      item: item ? itemName(item, who.lang) : l.itemId,
      unit: item?.unit ?? '',
      ordered: unitsOf(l.steps, milli),
      extra: l.extraSteps ? unitsOf(l.extraSteps, milli) : 0,
      lineMinor: item ? lineTotal(item, l.steps, snapshot.round.rounding) : 0,
    };
  });
  const boxesNotFull = order.lines.some((l) => {
    const item = items.get(l.itemId);
    return !!item && (item.boxSteps > 1 || item.minimumSteps > 0);
  });
  const r = renderEmail(
    {
      kind: 'receipt',
      name: who.name,
      lines,
      provisionalMinor: lines.reduce((s, l) => s + l.lineMinor, 0),
      editUrl,
      boxesNotFull,
    },
    facts(snapshot, paymentInstructions),
    who.lang,
  );
  return {
    key: `${snapshot.round.id}|${order.key}|receipt|${order.revision}`,
    round: snapshot.round.id,
    orderKey: order.key,
    kind: 'receipt',
    to: who.email ?? '',
    lang: who.lang,
    subject: r.subject,
    body: r.text,
    html: r.html,
  };
}

export function sendReceipt(book: Book, store: DocumentStore, email: OutgoingEmail, replyTo: string, sender: string): void {
  if (!email.to) return;
  sendNow(book, store, email, new Date(), replyTo, sender);
}

/** Queues the reminders that fell due since the last tick, to members who opted in and have not ordered. */
export function queueDueReminders(ctx: ActionContext, lastTick: number): number {
  let queued = 0;
  const members = readMembers(ctx.book, ctx.settings.defaultLang).filter((m) => m.email && !m.optOut);
  for (const snapshot of roundSnapshots(ctx.store)) {
    if (snapshot.round.state !== 'open') continue;
    const slot = dueReminder(snapshot.round.deadline, ctx.settings.reminderOffsetsHours, lastTick, ctx.now.getTime());
    if (!slot) continue;
    const data = loadRound(ctx, snapshot.round.id);
    const ordered = new Map(
      data.orders
        .filter((o) => o.order.participant.email && o.order.lines.length)
        .map((o) => [(o.order.participant.email as string).toLowerCase(), o]),
    );
    const almost = boxesAlmostFull(data.tally.items, new Map(snapshot.items.map((i) => [i.id, i.boxSteps])));
    const reminder = (
      email: string,
      name: string,
      lang: (typeof members)[number]['lang'],
      hasOrdered: boolean,
      link: string,
      orderKey: string,
    ): OutgoingEmail => {
      const r = renderEmail(
        {
          kind: 'reminder',
          name,
          hasOrdered,
          formUrl: link,
          almostFull: almost.map((a) => {
            const item = data.items.get(a.itemId)!;
            return { item: itemName(item, lang), missing: unitsOf(a.missingSteps, item.stepMilli), unit: item.unit };
          }),
        },
        facts(snapshot, ctx.settings.paymentInstructions),
        lang,
      );
      return {
        key: `${snapshot.round.id}|${email}|reminder|${slot.offsetHours}`,
        round: snapshot.round.id,
        orderKey,
        kind: 'reminder',
        to: email,
        lang,
        subject: r.subject,
        body: r.text,
        html: r.html,
      };
    };
    const emails: OutgoingEmail[] = members
      .filter((m) => !ordered.has(m.email))
      .map((m) => reminder(m.email, m.name || m.email, m.lang, false, snapshot.formUrl, ''));
    if (ctx.settings.remindOrdered) {
      // Those who ordered get their own edit link: "you can still change your order".
      for (const [email, o] of ordered)
        emails.push(
          reminder(email, o.order.participant.name, o.order.participant.lang, true, o.editUrl || snapshot.formUrl, o.order.key),
        );
    }
    queued += queueEmails(ctx.book, ctx.store, emails, ctx.now);
  }
  return queued;
}

/**
 * Sends queued emails for up to about five minutes, a few chunks per hold of the lock so that form
 * submissions are not kept waiting meanwhile.
 */
export function drainFor(ms: number, replyTo: string, sender: string): DrainResult {
  const stopAt = Date.now() + ms;
  const total: DrainResult = { sent: 0, failed: 0, waitingForQuota: 0, remaining: 0, stuck: 0, stoppedForTime: false };
  for (;;) {
    const step = withScriptLock(20_000, () => {
      const store = DocumentStore.open();
      return drainOutbox(Book.open(store), store, {
        stopAt: Math.min(stopAt, Date.now() + 30_000),
        replyTo,
        senderName: sender,
      });
    });
    if (!step.ok) break;
    const r = step.value;
    total.sent += r.sent;
    total.failed += r.failed;
    total.stuck = r.stuck;
    total.waitingForQuota = r.waitingForQuota;
    total.remaining = r.remaining;
    total.stoppedForTime = r.stoppedForTime;
    if (!r.stoppedForTime || Date.now() >= stopAt) break;
  }
  DocumentStore.open().set(KEYS.lastDrain, { ...total, at: new Date().toISOString() });
  return total;
}

/** Sidebar: "Send now / continue". */
export function sendQueuedEmails(): DrainResult {
  const ctx = locked((c) => c);
  return drainFor(BATCH_MS, ctx.settings.replyTo, senderName(ctx));
}

export interface EmailsScreen extends OutboxSummary {
  lastDrain: (DrainResult & { at: string }) | null;
}

/** Sidebar's Emails screen, read without the lock so it can be polled while a batch runs. */
export function emailsScreen(roundId?: string): EmailsScreen {
  const store = DocumentStore.open();
  return {
    ...outboxSummary(Book.open(store), store, roundId ? String(roundId) : undefined),
    lastDrain: store.get(KEYS.lastDrain),
  };
}

export function resolveStuckEmails(keys: string[], action: 'markSent' | 'requeue'): number {
  return locked((ctx) =>
    resolveStuck(ctx.book, (keys ?? []).map(String), action === 'requeue' ? 'requeue' : 'markSent', ctx.now),
  );
}
