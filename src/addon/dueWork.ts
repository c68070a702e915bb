import { KEYS } from '../workspace/properties/keys';
import { DocumentStore } from '../workspace/properties/store';
import { roundSnapshots } from '../workspace/rounds';
import { ActionContext } from './action';
import { closeRoundNow } from './close';
import { drainPendingSubmissions, queueOwedReceipts } from './intake';
import { checkParkedEdits } from './phone';

/**
 * "What fell due": work that belongs to a moment rather than to a person's click — a stop that has passed,
 * a submission or a phone's tick in a building's tab parked while the lock was busy (or a submission killed
 * before it recorded its order or queued its receipt). The hourly tick used to be the only one to do it; but in a
 * published add-on a time-driven run may have no spreadsheet at all (README, "The tick without a file"), and
 * a tick can be missing or out of quota. So every execution that has the file does it first, under the
 * document lock: the first submission, sidebar visit or tick after a stop closes the round and queues the
 * bills. Cheap when nothing is due: it reads only document properties, already in memory.
 */

/** Whether anything is due, from document properties alone (no sheet read). */
export function hasDueWork(store: DocumentStore, now: number): boolean {
  return (
    store.list(KEYS.pending).length > 0 ||
    store.list(KEYS.receiptOwed).length > 0 ||
    store.list(KEYS.closing).length > 0 ||
    (store.get(KEYS.tabsToCheck) ?? []).length > 0 ||
    roundSnapshots(store).some((s) => s.round.state === 'open' && s.round.deadline <= now)
  );
}

/** Does what fell due; returns the rounds it closed. One round's failure stops no other. */
export function catchUp(ctx: ActionContext): string[] {
  drainPendingSubmissions(ctx.store, ctx.book);
  queueOwedReceipts(ctx.store, ctx.book);
  try {
    checkParkedEdits(ctx);
  } catch (err) {
    console.error(`buildings' tabs: ${(err as Error)?.message ?? err}`);
  }
  const closed: string[] = [];
  for (const snapshot of roundSnapshots(ctx.store)) {
    const due = snapshot.round.state === 'open' && snapshot.round.deadline <= ctx.now.getTime();
    // A close that was killed half-way resumes whatever the round's row says by now (close.ts queueBills).
    if (!due && ctx.store.get(KEYS.closing(snapshot.round.id)) === null) continue;
    try {
      closeRoundNow(ctx, snapshot.round.id);
      closed.push(snapshot.round.id);
    } catch (err) {
      console.error(`closing ${snapshot.round.id} failed: ${(err as Error)?.message ?? err}`);
    }
  }
  return closed;
}
