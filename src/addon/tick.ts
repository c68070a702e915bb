import { readSettings } from '../workspace/community';
import { withDocumentLock, withUserLock } from '../workspace/lock';
import { reconcileNextRow } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore, UserStore } from '../workspace/properties/store';
import { effectiveUserEmail } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { isCommunityTrigger, retireTrigger } from '../workspace/triggers';
import { ActionContext, triggerContext } from './action';
import { writeBuildingTabs } from './buildingTabs';
import { catchUp } from './dueWork';
import { archiveDueRounds } from './archive';
import { recordMissedResponses } from './intake';
import { checkParkedEdits } from './phone';
import { protectCommunity } from './protections';
import { authorizedToRun } from './reauthorize';
import { queueDueReminders } from './remind';
import { BATCH_MS, drainFor, senderName } from './sendEmails';
import { runTickPlan, syncTickPlan } from './tickPlan';
import { fileIsOpen } from '../workspace/tickPlan';

/**
 * The add-on's single hourly trigger. It fires at a random minute, so everything it does is "what fell
 * due since last time". With its spreadsheet open (a bound script always; a published add-on maybe not —
 * local/emulator/FIDELITY.md, "Active spreadsheet in a time-driven run") it does the whole of it: what fell
 * due (dueWork.ts: parked submissions, rounds whose stop passed), reminders, then queued email for up to
 * five minutes. Without it, it works from the plan its owner's executions left in their user properties
 * (tickPlan.ts): forms close at the stop, reminders go out. Only the community's own tick acts.
 */
export function onTick_(e?: { triggerUid?: string }): void {
  if (!authorizedToRun()) return;
  const uid = e?.triggerUid ? String(e.triggerUid) : undefined;
  if (fileIsOpen()) tickWithFile(uid);
  else tickWithoutFile(uid);
}

function tickWithFile(uid: string | undefined): void {
  const started = Date.now();
  const prepared = withDocumentLock(60_000, () => {
    const store = DocumentStore.open();
    const book = Book.open(store);
    if (!book.isSetUp()) return null;
    if (!isCommunityTrigger(store, 'onTick_', uid)) return 'notOurs' as const;
    const ctx = triggerContext(store, book, readSettings(book), effectiveUserEmail());
    const now = ctx.now.getTime();
    recordMissedResponses(store, book);
    catchUp(ctx);
    archiveDue(ctx);
    keepTabs(ctx);
    queueDueReminders(ctx, store.get(KEYS.lastTick) || now - 3600_000);
    store.set(KEYS.lastTick, now);
    store.set(KEYS.tickSeen, { at: now, withFile: true, learnt: now });
    reconcileNextRow(book, store);
    syncTickPlan(ctx);
    return { replyTo: ctx.settings.replyTo, sender: senderName(ctx) };
  });
  if (!prepared.ok) {
    if (prepared.reason === 'noDocument') tickWithoutFile(uid);
    return;
  }
  if (prepared.value === 'notOurs') return retireTrigger(uid);
  if (!prepared.value) return;
  const mail = prepared.value;
  drainFor(Math.max(0, BATCH_MS - (Date.now() - started)), mail.replyTo, mail.sender);
}

/**
 * The volunteers' side of the hour: edits made on a phone while the lock was busy are recorded, the
 * protections follow the Volunteers sheet, and tabs left stale by a round moving on are rewritten.
 */
function keepTabs(ctx: ActionContext): void {
  try {
    checkParkedEdits(ctx);
    protectCommunity(ctx);
    if (ctx.store.get(KEYS.tabsStale)) writeBuildingTabs(ctx);
  } catch (err) {
    console.error(`buildings' tabs: ${(err as Error)?.message ?? err}`);
  }
}

/** Rounds settled a while ago are archived (archive.ts); a failure is logged and tried again next hour. */
function archiveDue(ctx: ActionContext): void {
  try {
    archiveDueRounds(ctx);
  } catch (err) {
    console.error(`archive: ${(err as Error)?.message ?? err}`);
  }
}

/** No spreadsheet: the plan this trigger's owner left for it, found by the trigger's own id. */
function tickWithoutFile(uid: string | undefined): void {
  if (!uid) return;
  withUserLock(60_000, () => runTickPlan(UserStore.open(), uid, Date.now()));
}
