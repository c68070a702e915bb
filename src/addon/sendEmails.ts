import { t } from '../core/i18n/translate';
import { withDocumentLock } from '../workspace/lock';
import { DrainResult, drainOutbox, resolveStuck, somethingToSend } from '../workspace/outbox';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { Book } from '../workspace/sheets/book';
import { ActionContext, locked, requireAccess } from './action';

/** A batch stops here, well inside Apps Script's 6 minutes, and resumes on the next tick or "continue". */
export const BATCH_MS = 5 * 60 * 1000;

/** The name emails come from: the add-on's, in the community's language. */
export function senderName(ctx: Pick<ActionContext, 'settings'>): string {
  return t(ctx.settings.defaultLang, 'app.name');
}

/**
 * Sends queued emails for up to about five minutes, a few chunks per hold of the lock so that form
 * submissions are not kept waiting meanwhile.
 */
export function drainFor(ms: number, replyTo: string, sender: string): DrainResult {
  const stopAt = Date.now() + ms;
  const total: DrainResult = { sent: 0, failed: 0, waitingForQuota: 0, remaining: 0, stuck: 0, stoppedForTime: false };
  let store: DocumentStore | null = null;
  for (;;) {
    const step = withDocumentLock(20_000, () => {
      // Fresh each hold: another execution may have queued or sent meanwhile.
      store = DocumentStore.open();
      return drainOutbox(Book.open(store), store, { stopAt: Math.min(stopAt, Date.now() + 30_000), replyTo, senderName: sender });
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
  ((store as DocumentStore | null) ?? DocumentStore.open()).set(KEYS.lastDrain, { ...total, at: new Date().toISOString() });
  return total;
}

/** Sidebar: "Send now / continue". */
export function sendQueuedEmails(): DrainResult {
  const mail = locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    return { replyTo: ctx.settings.replyTo, sender: senderName(ctx) };
  });
  return drainFor(BATCH_MS, mail.replyTo, mail.sender);
}

/** The coordinator decides about emails stuck in SENDING: they did go out, or they should be sent again. */
export function resolveStuckEmails(keys: string[], action: 'markSent' | 'requeue'): number {
  return locked((ctx) => {
    requireAccess(ctx, 'manageRounds');
    if (action === 'requeue') somethingToSend(ctx.store);
    return resolveStuck(ctx.book, (keys ?? []).map(String), action === 'requeue' ? 'requeue' : 'markSent', ctx.now);
  });
}
