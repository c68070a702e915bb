import { readSettings } from '../workspace/community';
import { withDocumentLock, withUserLock } from '../workspace/lock';
import { readRoundOrders, reconcileNextRow } from '../workspace/orders';
import { KEYS } from '../workspace/properties/keys';
import { DocumentStore, UserStore, entry } from '../workspace/properties/store';
import { nothingToSendNow } from '../workspace/outbox';
import { roundSnapshots } from '../workspace/rounds';
import { dueReminder } from '../core/reminders';
import { effectiveUserEmail } from '../workspace/session';
import { Book } from '../workspace/sheets/book';
import { isCommunityTrigger, retireTrigger } from '../workspace/triggers';
import { ActionContext, triggerContext } from './action';
import { writeBuildingTabs } from './buildingTabs';
import { catchUp, hasDueWork } from './dueWork';
import { archiveDueRounds, roundToArchive } from './archive';
import { recordMissedResponses } from './intake';
import { checkParkedEdits } from './phone';
import { protectCommunity } from './protections';
import { authorizedToRun } from './reauthorize';
import { recountRoundSoFar } from './roundData';
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
    const now = Date.now();
    const lastTick = store.get(KEYS.lastTick) || now - 3600_000;
    const sweep = now - (store.get(KEYS.tickSweep)?.at ?? 0) >= SWEEP_MS;
    if (!sweep && idleHour(store, lastTick, now)) {
      store.setAll(entry(KEYS.lastTick, now), entry(KEYS.tickSeen, { at: now, withFile: true, learnt: now }));
      return 'idle' as const;
    }
    const ctx = triggerContext(store, book, readSettings(book), effectiveUserEmail());
    // Missed responses are recorded before a round whose stop passed is closed, so its tally has them.
    if (sweep || hasDueWork(store, now)) recordMissedResponses(store, book);
    catchUp(ctx);
    archiveDue(ctx);
    keepTabs(ctx, sweep);
    queueDueReminders(ctx, lastTick);
    store.set(KEYS.lastTick, now);
    store.set(KEYS.tickSeen, { at: now, withFile: true, learnt: now });
    if (sweep) {
      reconcileNextRow(book, store);
      recountOpenRounds(ctx);
    }
    const seen = store.get(KEYS.tickSweep);
    const offsets = ctx.settings.reminderOffsetsHours;
    if (sweep || !seen || JSON.stringify(seen.reminderOffsetsHours) !== JSON.stringify(offsets))
      store.set(KEYS.tickSweep, { at: sweep || !seen ? now : seen.at, reminderOffsetsHours: offsets });
    syncTickPlan(ctx);
    return { replyTo: ctx.settings.replyTo, sender: senderName(ctx) };
  });
  if (!prepared.ok) {
    if (prepared.reason === 'noDocument') tickWithoutFile(uid);
    return;
  }
  if (prepared.value === 'notOurs') return retireTrigger(uid);
  if (!prepared.value || prepared.value === 'idle') return;
  const mail = prepared.value;
  drainFor(Math.max(0, BATCH_MS - (Date.now() - started)), mail.replyTo, mail.sender);
}

/**
 * How often the tick sweeps for what no property records: a response whose submit trigger never fired
 * (intake.ts recordMissedResponses), protections behind a Volunteers sheet edited while the lock was busy,
 * an Orders counter behind rows deleted by hand, running totals behind rows typed over by hand. Every hour cost about seven Sheets round trips even
 * when nothing had happened; once a day is enough for a safety net, and a stop that passes sweeps for
 * missed responses at once.
 */
const SWEEP_MS = 24 * 3600_000;

/**
 * The sweep's check of each open round's running totals against its orders (one read of its block of
 * Orders rows): rows a coordinator typed over or deleted by hand change what the next receipt estimates.
 */
function recountOpenRounds(ctx: ActionContext): void {
  for (const s of roundSnapshots(ctx.store)) {
    if (s.round.state !== 'open' || !ctx.store.get(KEYS.orderSpan(s.round.id))) continue;
    const items = new Map(s.items.map((i) => [i.id, i]));
    const orders = readRoundOrders(ctx.book, s.round.id, items, ctx.store);
    recountRoundSoFar(
      ctx.store,
      s,
      orders.map((o) => o.order),
    );
  }
}

/**
 * Nothing to do this hour, decided from document properties alone (one getProperties, already read): no
 * stop passed, nothing parked, no tab to rewrite, no round to archive, no reminder slot since the last
 * tick (by the offsets the last full tick read from Settings), and nothing the Outbox could send now.
 */
function idleHour(store: DocumentStore, lastTick: number, now: number): boolean {
  const offsets = store.get(KEYS.tickSweep)?.reminderOffsetsHours;
  if (!offsets || hasDueWork(store, now) || store.get(KEYS.tabsStale) || !nothingToSendNow(store)) return false;
  if (roundToArchive(store, now)) return false;
  return !roundSnapshots(store).some((s) => s.round.state === 'open' && dueReminder(s.round.deadline, offsets, lastTick, now));
}

/**
 * The volunteers' side of the hour: edits made on a phone while the lock was busy are recorded, the
 * protections follow the Volunteers sheet (on a sweep), and tabs left stale by a round moving on are rewritten.
 */
function keepTabs(ctx: ActionContext, sweep: boolean): void {
  try {
    checkParkedEdits(ctx);
    if (sweep) protectCommunity(ctx);
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
