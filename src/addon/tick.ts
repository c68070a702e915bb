import { readSettings } from '../workspace/community';
import { withDocumentLock } from '../workspace/lock';
import { reconcileNextRow } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { readRounds } from '../workspace/rounds';
import { effectiveUserEmail } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { triggerContext } from './action';
import { closeRoundNow } from './close';
import { drainPendingSubmissions } from './intake';
import { queueDueReminders } from './remind';
import { BATCH_MS, drainFor, senderName } from './sendEmails';

/**
 * The add-on's single hourly trigger. It fires at a random minute, so everything it does is "what fell
 * due since last time": record submissions parked while the lock was busy, close rounds whose stop has
 * passed (tally, result sheets, final bills), queue due reminders, then send queued email for up to
 * five minutes. Each failure is contained so one round cannot stop the others.
 */
export function onTick_(): void {
  const started = Date.now();
  const prepared = withDocumentLock(60_000, () => {
    const store = DocumentStore.open();
    const book = Book.open(store);
    if (!book.isSetUp()) return null;
    const ctx = triggerContext(store, book, readSettings(book), effectiveUserEmail());
    drainPendingSubmissions(store, book);
    for (const round of readRounds(book)) {
      if (round.state !== 'open' || round.deadline > ctx.now.getTime()) continue;
      try {
        closeRoundNow(ctx, round.id);
      } catch (err) {
        console.error(`closing ${round.id} failed: ${(err as Error)?.message ?? err}`);
      }
    }
    const lastTick = store.get(KEYS.lastTick) || ctx.now.getTime() - 3600_000;
    queueDueReminders(ctx, lastTick);
    store.set(KEYS.lastTick, ctx.now.getTime());
    reconcileNextRow(book, store);
    return { replyTo: ctx.settings.replyTo, sender: senderName(ctx) };
  });
  if (!prepared.ok || !prepared.value) return;
  const mail = prepared.value;
  drainFor(Math.max(0, BATCH_MS - (Date.now() - started)), mail.replyTo, mail.sender);
}
